//! `/articles/{id}/related`: an article's related news on their own.

use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::{Api, ApiError};
use crate::components::{effect, strings};
use crate::components::{ArticleList, ErrorView, ExpectedLoading, Loading, PageHeading};
use crate::contract::ArticleSummary;
use crate::links;
use crate::pages::use_param;

/// Each related article with its date, column and summary. A pre-rendered related view carries
/// its article's title alone, so that its heading is there at once and its list, which repeats
/// five articles, is not in the page twice (docs/prerender.md): it loads in an effect, which
/// never runs at pre-render, so that the server and the browser both render it loading.
#[component]
pub fn RelatedPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let id = use_param("id");
    let title = Memo::new({
        let api = api.clone();
        move |_| id.with(|id| api.related_title_now(id))?.ok()
    });
    // All at hand (the browser has the articles cached): shown at once.
    let at_hand = {
        let api = api.clone();
        move |id: &str| api.related_news_now(id).filter(Result::is_ok)
    };
    let loaded = RwSignal::new(id.with_untracked(|id| at_hand(id)));
    let attempt = RwSignal::new(0_u32);
    effect(move |_| {
        attempt.track();
        let id = id.get();
        if loaded.with_untracked(|l| matches!(l, Some(Ok(news)) if news.id == id)) {
            return;
        }
        if let Some(news) = at_hand(&id) {
            loaded.set(Some(news));
            return;
        }
        // Loading already (as at hydration) needs no change, which would render it again.
        if loaded.with_untracked(Option::is_some) {
            loaded.set(None);
        }
        let api = api.clone();
        // Scoped to this run: a newer id or a retry drops the load before it.
        leptos::task::spawn_local_scoped(async move {
            let news = api.related_news(&id).await;
            loaded.try_set(Some(news));
        });
    });
    let retry = Callback::new(move |()| {
        loaded.set(None);
        attempt.update(|n| *n += 1);
    });
    // A missing article has the not-found view's heading instead. A memo: the pre-rendered heading
    // stays when the list arrives under the same title.
    let heading = Memo::new(move |_| {
        loaded.with(|loaded| match loaded {
            Some(Ok(news)) => Some(news.title.clone()),
            Some(Err(ApiError::NotFound)) => None,
            _ => title.get(),
        })
    });
    // Without the title the article is missing: a page that would only say "loading" is not
    // pre-rendered.
    let expected = title.get_untracked().is_some();
    view! {
        {move || heading.get().map(|title| view! { <RelatedHeading title/> })}
        {move || match loaded.get() {
            None if expected => EitherOf4::A(view! { <ExpectedLoading/> }),
            None => EitherOf4::B(view! { <Loading/> }),
            Some(Ok(news)) => EitherOf4::C(view! { <RelatedList related=news.related/> }),
            Some(Err(error)) => EitherOf4::D(view! { <ErrorView error on_retry=retry/> }),
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
        Either::Left(view! { <p>{strings().related_none}</p> })
    } else {
        Either::Right(view! { <ArticleList items=related/> })
    }
}

#[component]
fn BackToArticle(id: String) -> impl IntoView {
    view! { <p><a class="back-link" href=links::article(&id)>{strings().back_to_article}</a></p> }
}
