//! One page of a list (latest or a column), with pagination, loading and error states.

use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::components::strings;
use crate::components::{ArticleList, ErrorView, Loading, Pagination};
use crate::contract::FeedPage;
use crate::links::ListSource;
use crate::list_memory::ListMemory;

/// Loads and shows page `page` of `source`; the previous page stays on screen while the next
/// one loads. A page past the end shows "no such page" with a link back to page 1.
#[component]
pub fn FeedView(
    #[prop(into)] source: Signal<ListSource>,
    #[prop(into)] page: Signal<u32>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    let feed = LocalResource::new(move || {
        let (api, source, page) = (api.clone(), source.get(), page.get());
        async move {
            let result = api.list_page(&source, page).await;
            (source, page, result)
        }
    });
    let retry = Callback::new(move |()| feed.refetch());
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let (source, page, result) = feed.await;
                match result {
                    Ok(list) => view! { <FeedResult source list/> }.into_any(),
                    Err(ApiError::NotFound) if page > 1 => view! { <NoSuchPage first=source.href(1)/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=retry/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn FeedResult(source: ListSource, list: FeedPage) -> impl IntoView {
    let t = strings();
    let href = source.href(list.news.page);
    if let Some(memory) = use_context::<ListMemory>() {
        let href = href.clone();
        Effect::new(move |_| memory.restore_scroll(&href));
    }
    let body = if list.items.is_empty() {
        view! { <p class="news-list__empty">{t.empty_list}</p> }.into_any()
    } else {
        view! { <ArticleList items=list.items list_href=href/> }.into_any()
    };
    view! {
        {body}
        <Pagination href=move |n| source.href(n) info=list.news/>
    }
}

#[component]
fn NoSuchPage(first: String) -> impl IntoView {
    let t = strings();
    view! {
        <section class="not-found">
            <h2>{t.no_such_page}</h2>
            <p>{t.no_such_page_hint}</p>
            <p><a href=first>{t.first_page}</a></p>
        </section>
    }
}
