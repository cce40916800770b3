//! `/articles/{id}/related`: an article's related news on their own.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::{Api, ApiError, RelatedNews};
use crate::components::strings;
use crate::components::{ArticleList, ErrorView, ExpectedLoading, Loading, PageHeading};
use crate::contract::ArticleSummary;
use crate::links;
use crate::pages::use_param;

/// Each related article with its date, column and summary.
#[component]
pub fn RelatedPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let id = use_param("id");
    // All at hand (the browser has the articles cached): shown at once.
    let ready = Memo::new(move |_| id.with(|id| api.related_news_now(id))?.ok());
    move || match ready.get() {
        Some(news) => view! {
            <RelatedHeading title=news.title/>
            <RelatedList related=news.related/>
            <BackToArticle id=news.id/>
        }
        .into_any(),
        None => view! { <LoadRelated id/> }.into_any(),
    }
}

/// Loads the related articles, with loading and error states. A pre-rendered related view is
/// this, loading: it carries its article's title alone, so that its heading is there at once
/// and its list, which repeats five articles, is not in the page twice (docs/prerender.md).
/// The list loads in an effect, which never runs at pre-render, so that the server and the
/// browser both render the loading state.
#[component]
fn LoadRelated(id: Memo<String>) -> impl IntoView {
    let api = expect_context::<Api>();
    let load_api = api.clone();
    let title = Memo::new(move |_| id.with(|id| api.related_title_now(id))?.ok());
    let loaded = RwSignal::new(None::<Result<RelatedNews, ApiError>>);
    let attempt = RwSignal::new(0_u32);
    Effect::new(move |_| {
        attempt.track();
        let (api, id) = (load_api.clone(), id.get());
        if loaded.with_untracked(Option::is_some) {
            loaded.set(None);
        }
        // Scoped to this run: a newer id or a retry drops the load before it.
        leptos::task::spawn_local_scoped(async move {
            let news = api.related_news(&id).await;
            loaded.try_set(Some(news));
        });
    });
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    let heading = move || match loaded.get() {
        Some(Ok(news)) => Some(news.title),
        Some(Err(_)) => None,
        None => title.get(),
    };
    // Without the title the article is missing: a page that would only say "loading" is not
    // pre-rendered.
    let expected = title.get_untracked().is_some();
    let loading = move || match expected {
        true => view! { <ExpectedLoading/> }.into_any(),
        false => view! { <Loading/> }.into_any(),
    };
    view! {
        {move || heading().map(|title| view! { <RelatedHeading title/> })}
        {move || match loaded.get() {
            None => loading(),
            Some(Ok(news)) => view! { <RelatedList related=news.related/> }.into_any(),
            Some(Err(error)) => view! { <ErrorView error on_retry=retry/> }.into_any(),
        }}
        {move || id.with(|id| view! { <BackToArticle id=id.clone()/> })}
    }
}

/// The page's title and heading: 相关新闻：the article's title.
#[component]
fn RelatedHeading(title: String) -> impl IntoView {
    let heading = strings().related_heading(&title);
    view! {
        <Title text=heading.clone()/>
        <Meta name="description" content=heading.clone()/>
        <PageHeading text=heading/>
    }
}

#[component]
fn RelatedList(related: Vec<ArticleSummary>) -> impl IntoView {
    if related.is_empty() {
        view! { <p>{strings().related_none}</p> }.into_any()
    } else {
        view! { <ArticleList items=related/> }.into_any()
    }
}

#[component]
fn BackToArticle(id: String) -> impl IntoView {
    view! { <p><a class="back-link" href=links::article(&id)>{strings().back_to_article}</a></p> }
}
