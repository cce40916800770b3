//! `/articles/{id}/related`: an article's related news on their own.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::{Api, RelatedNews};
use crate::components::strings;
use crate::components::{ArticleList, ErrorView, Loading, PageHeading};
use crate::links;
use crate::pages::use_param;

/// Each related article with its date, column and summary.
#[component]
pub fn RelatedPage() -> impl IntoView {
    let api = expect_context::<Api>();
    let id = use_param("id");
    // At hand (pre-rendered, hydrated or cached): shown at once, as the server rendered it.
    let ready = Memo::new(move |_| id.with(|id| api.related_news_now(id))?.ok());
    move || match ready.get() {
        Some(news) => view! { <RelatedView news/> }.into_any(),
        None => view! { <LoadRelated id/> }.into_any(),
    }
}

/// Loads the article and its related articles, with loading and error states.
#[component]
fn LoadRelated(id: Memo<String>) -> impl IntoView {
    let api = expect_context::<Api>();
    let data = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move { api.related_news(&id).await }
    });
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(news) => view! { <RelatedView news/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RelatedView(news: RelatedNews) -> impl IntoView {
    let t = strings();
    let RelatedNews { id, title, related } = news;
    let heading = t.related_heading(&title);
    let list = if related.is_empty() {
        view! { <p>{t.related_none}</p> }.into_any()
    } else {
        view! { <ArticleList items=related/> }.into_any()
    };
    view! {
        <Title text=heading.clone()/>
        <Meta name="description" content=heading.clone()/>
        <PageHeading text=heading/>
        {list}
        <p><a class="back-link" href=links::article(&id)>{t.back_to_article}</a></p>
    }
}
