//! A news reader over a static JSON Feed API: the app, its route table and its pure logic.

// Server rendering nests the view types of the whole app in one async type.
#![recursion_limit = "256"]

#[cfg(feature = "app")]
pub mod api;
#[cfg(feature = "builder")]
pub mod builder;
#[cfg(feature = "app")]
pub mod components;
pub mod config;
pub mod contract;
pub mod dates;
pub mod format;
pub mod i18n;
pub mod links;
#[cfg(feature = "app")]
pub mod list_memory;
#[cfg(feature = "app")]
pub mod pages;
pub mod pagination;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod related;
pub mod sanitize;
pub mod search;
pub mod tokenize;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;

#[cfg(feature = "app")]
pub use shell::{adopt_pre_rendered_page, document_base, App, PageBase};

/// The app's root: configuration, the shell around every page, and the one route table.
#[cfg(feature = "app")]
mod shell {
    use crate::{i18n, links};
    use leptos::prelude::*;
    use leptos_meta::{provide_meta_context, Title};
    use leptos_router::components::{FlatRoutes, Route, Router};
    use leptos_router::path;

    use crate::api::{self, Boot, BootError};
    use crate::components::language::LanguageChoice;
    use crate::components::route_announcer::RouteFocus;
    use crate::components::strings;
    use crate::components::update_notice::UpdateNotice;
    use crate::components::{
        owned, ErrorView, Later, Loading, RouteAnnouncer, SiteFooter, SiteHeader,
    };
    use crate::i18n::Lang;
    use crate::list_memory::ListMemory;
    use crate::pages::{
        ArticlePage, CategoryPage, HomePage, NotFoundPage, RelatedPage, SearchPage, SitemapPage,
    };

    /// The path the app is deployed under (`/`, `/news/`), shared through context.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PageBase(pub String);

    impl PageBase {
        /// The deploy path from context; `/` without one (component tests).
        pub fn current() -> String {
            use_context::<PageBase>().map_or_else(|| "/".to_owned(), |b| b.0)
        }
    }

    /// The deploy path of the current document, from its `<base href>` (which Trunk sets to the
    /// build's public URL). Browser only.
    pub fn document_base() -> String {
        let path = document()
            .base_uri()
            .ok()
            .flatten()
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_default();
        links::normalize_base(&path)
    }

    /// Whether the document is a pre-rendered page of the route in the address bar (with no
    /// `?page=`, which would change it), its data now in the response cache: then it can be
    /// hydrated. A page served for another route (a host's fallback) or with unreadable data is
    /// cleared, to be rendered afresh; so is every pre-rendered page in a client-only (`csr`)
    /// build, which cannot hydrate.
    pub fn adopt_pre_rendered_page(base: &str) -> bool {
        let document = document();
        let Some(block) = document.get_element_by_id(api::page_data::ELEMENT_ID) else {
            return false;
        };
        let location = document.location();
        let here = location.as_ref().and_then(|l| l.pathname().ok());
        let query = location.as_ref().and_then(|l| l.search().ok());
        let adopted = cfg!(feature = "hydrate")
            && match (here, query) {
                (Some(path), Some(query)) if links::query_keeps_page(&query) => {
                    let data = block.text_content().unwrap_or_default();
                    let loaded = api::page_data::load(&data, || {
                        let body = document.query_selector(".article__body").ok()??;
                        Some(body.inner_html())
                    });
                    links::route_of(base, &path).is_some_and(|here| loaded == Ok(here))
                }
                _ => false,
            };
        if !adopted {
            if let Some(body) = document.body() {
                body.set_inner_html("");
            }
        }
        adopted
    }

    /// The whole app, deployed under `base` (`/` or e.g. `/news/`): reads the configuration and the
    /// site, then routes.
    #[component]
    pub fn App(#[prop(into)] base: String) -> impl IntoView {
        provide_meta_context();
        let base = links::normalize_base(&base);
        let router_base = base.trim_end_matches('/').to_owned();
        provide_context(PageBase(base.clone()));
        // A pre-rendered page carries its configuration and site: the reader starts at once, as
        // the server rendered it.
        let reader = move || match api::boot_now(&base) {
            Some(Ok(boot)) => view! { <Reader boot/> }.into_any(),
            _ => view! { <LoadBoot base/> }.into_any(),
        };
        view! { <Router base=router_base>{Later(reader)}</Router> }
    }

    /// Loads the configuration and the site, then starts the reader.
    #[component]
    fn LoadBoot(base: String) -> impl IntoView {
        let boot = LocalResource::new(move || {
            let base = base.clone();
            async move { api::boot(&base).await }
        });
        let retry = Callback::new(move |()| boot.refetch());
        view! {
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match boot.await {
                        Ok(boot) => view! { <Reader boot/> }.into_any(),
                        Err(error) => view! { <BootFailure error retry/> }.into_any(),
                    }
                })}
            </Suspense>
        }
    }

    /// The reader once the site is known, in the site's language unless the reader chose
    /// another; switching languages renders everything again (the data stays cached).
    #[component]
    fn Reader(boot: Boot) -> impl IntoView {
        let Boot { api, site } = boot;
        let lang = LanguageChoice::new(Lang::from_tag(&site.language));
        provide_context(api);
        provide_context(site);
        provide_context(ListMemory::default());
        provide_context(RouteFocus::default());
        provide_context(lang);
        move || {
            owned(|| {
                provide_context(lang.current());
                view! { <ReaderShell/> }
            })
        }
    }

    /// Header, the routes and the footer, in the current language.
    #[component]
    fn ReaderShell() -> impl IntoView {
        let t = strings();
        let site_title = expect_context::<crate::contract::Site>().title;
        let main = NodeRef::<leptos::html::Main>::new();
        // With a <base href>, "#main" would resolve to the home page: the link names this page's
        // path, so that it works before hydration too; once hydrated it moves the focus without
        // changing the address.
        let pathname = leptos_router::hooks::use_location().pathname;
        let skip_href = move || format!("{}#main", pathname.get());
        let skip_to_main = move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            if let Some(main) = main.get() {
                let _ = main.focus();
            }
        };
        view! {
            <Title formatter=move |page: String| page_title(&page, &site_title)/>
            <a class="skip-link" href=skip_href on:click=skip_to_main>{t.skip_to_content}</a>
            <RouteAnnouncer/>
            <UpdateNotice/>
            // Hydrated in tasks of their own: the header, the page, the footer.
            {Later(move || view! { <SiteHeader/> })}
            {Later(move || view! {
            <main id="main" class="page" tabindex="-1" node_ref=main>
                // Flat: the routes do not nest, and a flat router hydrates a page's own view
                // asynchronously too, so that its `Later` parts take tasks of their own.
                <FlatRoutes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/page/:n") view=HomePage/>
                    <Route path=path!("/category/:slug") view=CategoryPage/>
                    <Route path=path!("/category/:slug/page/:n") view=CategoryPage/>
                    <Route path=path!("/articles/:id") view=ArticlePage/>
                    <Route path=path!("/articles/:id/related") view=RelatedPage/>
                    <Route path=path!("/sitemap") view=SitemapPage/>
                    <Route path=path!("/search") view=SearchPage/>
                </FlatRoutes>
            </main>
            })}
            {Later(move || view! { <SiteFooter/> })}
        }
    }

    /// The document title. leptos_meta writes it into pre-rendered HTML as it is: escape it there.
    fn page_title(page: &str, site_title: &str) -> String {
        let title = i18n::document_title(page, site_title);
        #[cfg(feature = "ssr")]
        let title = title.replace('&', "&amp;").replace('<', "&lt;");
        title
    }

    /// Shown when the app cannot start: a configuration problem, or the site data not loading.
    #[component]
    fn BootFailure(error: BootError, retry: Callback<()>) -> impl IntoView {
        let t = strings();
        let body = match error {
            BootError::Config(e) => view! { <ConfigProblem detail=e.to_string()/> }.into_any(),
            BootError::Api(api::ApiError::NotFound) => {
                view! { <ConfigProblem detail="site.json: not found".to_owned()/> }.into_any()
            }
            BootError::Api(error) => view! { <ErrorView error on_retry=retry/> }.into_any(),
        };
        view! {
            <Title text=t.app_name/>
            <main id="main" class="page">{body}</main>
        }
    }

    /// The configuration cannot be used: nothing to retry, the operator must fix it.
    #[component]
    fn ConfigProblem(detail: String) -> impl IntoView {
        let t = strings();
        view! {
            <section class="error-view" role="alert">
                <h1>{t.config_error}</h1>
                <p>{t.config_error_hint}</p>
                <p class="error-view__detail"><code>{detail}</code></p>
            </section>
        }
    }
}
