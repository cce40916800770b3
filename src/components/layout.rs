//! The header with the column navigation, and the footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::elder_mode::ElderToggle;
use crate::components::language::LanguageSwitch;
use crate::components::strings;
use crate::components::ThemeToggle;
use crate::contract::{Organization, Site, ICP_LOOKUP};
use crate::{links, PageBase};

/// Site title and the column navigation; the current column is marked with `aria-current`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = strings();
    let site = expect_context::<Site>();
    let columns = site
        .categories
        .iter()
        .map(
            |c| view! { <li><NavLink href=links::category(&c.slug, 1) label=c.name.clone()/></li> },
        )
        .collect_view();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__title" href=links::home(1)>{site.title.clone()}</a>
                <div class="site-header__tools">
                    {search_box()}
                    <LanguageSwitch/>
                    <ThemeToggle/>
                    <ElderToggle/>
                </div>
                <nav class="site-nav" aria-label=t.columns_nav>
                    <ul class="site-nav__list">
                        <li><NavLink href=links::home(1) label=t.home.to_owned() exact=true/></li>
                        {columns}
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// The search box, in builds with search.
fn search_box() -> impl IntoView {
    #[cfg(feature = "search")]
    return view! { <crate::components::SearchBox/> };
    #[cfg(not(feature = "search"))]
    ()
}

/// A navigation link marked `aria-current="page"` while the current path is `href`'s or one of
/// its list pages (`page/{n}`), or, unless `exact`, below it.
#[component]
fn NavLink(href: String, label: String, #[prop(optional)] exact: bool) -> impl IntoView {
    let base = PageBase::current();
    let target = links::absolute_path(&base, &href);
    let pathname = use_location().pathname;
    let current = move || {
        let path = pathname.get();
        let pages = format!("{}/page/", target.trim_end_matches('/'));
        let here = path == target
            || path.starts_with(&pages)
            || (!exact && path.starts_with(&format!("{target}/")));
        here.then_some("page")
    };
    view! { <a href=href aria-current=current>{label}</a> }
}

/// The footer with the site map link and, when the site names them, who runs it and its filing
/// numbers (a government site's footer).
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = strings();
    let site = expect_context::<Site>();
    view! {
        <footer class="site-footer">
            <p>
                <a href=links::sitemap()>{t.sitemap}</a>
            </p>
            <p class="site-footer__about">{site.description.clone().unwrap_or_default()}</p>
            {(!site.organization.is_empty()).then(|| organization(&site.organization))}
        </footer>
    }
}

/// 主办单位, 承办单位, 联系方式 and 网站标识码 as a list of terms; the ICP and public-security
/// filing numbers linked to where they can be checked.
fn organization(org: &Organization) -> impl IntoView {
    let t = strings();
    let terms = [
        (t.org_sponsor, &org.sponsor),
        (t.org_operator, &org.operator),
        (t.org_contact, &org.contact),
        (t.org_site_code, &org.site_code),
    ]
    .into_iter()
    .filter_map(|(label, value)| {
        let value = value.clone()?;
        Some(view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
    })
    .collect_view();
    let icp = org
        .icp
        .clone()
        .map(|number| view! { <a href=ICP_LOOKUP rel="noopener">{number}</a> });
    let police = org
        .public_security
        .clone()
        .zip(org.public_security_url())
        .map(|(number, href)| view! { <a href=href rel="noopener">{number}</a> });
    view! {
        <dl class="site-footer__org">{terms}</dl>
        <p class="site-footer__filings">{icp}{police}</p>
    }
}
