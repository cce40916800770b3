//! One page of a list (latest or a column), with pagination, loading and error states.

use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::components::{effect, strings};
use crate::components::{owned, ArticleList, ErrorView, Loading, Pagination};
use crate::contract::FeedPage;
use crate::links::ListSource;
use crate::list_memory::ListMemory;

/// Shows page `page` of `source`: at once when it is at hand (pre-rendered, prefetched or seen
/// before), otherwise after loading it. A page past the end shows "no such page" with a link back
/// to page 1.
#[component]
pub fn FeedView(
    #[prop(into)] source: Signal<ListSource>,
    #[prop(into)] page: Signal<u32>,
) -> impl IntoView {
    let api = expect_context::<Api>();
    // A page at hand (pre-rendered, hydrated or cached) is shown at once, with no fallback.
    let ready = Memo::new(move |_| {
        source
            .with(|source| api.list_page_now(source, page.get()))
            .and_then(Result::ok)
    });
    move || {
        owned(|| match ready.get() {
            Some(list) => view! { <FeedResult source=source.get_untracked() list/> }.into_any(),
            None => view! { <LoadFeed source page/> }.into_any(),
        })
    }
}

/// Loads the page; the previous page stays on screen while the next one loads.
#[component]
fn LoadFeed(source: Signal<ListSource>, page: Signal<u32>) -> impl IntoView {
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
                    // The list page has its own <h1>: "not found" comes as a section, not a page.
                    Err(ApiError::NotFound) => view! { <MissingList/> }.into_any(),
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
    if list.news.page < list.news.total_pages {
        prefetch_near_end(source.clone(), list.news.page + 1);
    }
    if let Some(memory) = use_context::<ListMemory>() {
        let href = href.clone();
        effect(move |_| memory.restore_scroll(&href));
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

/// How close to the end of the page (in CSS pixels) the reader is "near the end".
const NEAR_END_PX: f64 = 800.0;

/// Loads page `next` of `source` into the cache once the reader scrolls near the end of this one
/// (or at once when the page is that short), so that "下一页" opens instantly.
fn prefetch_near_end(source: ListSource, next: u32) {
    let api = expect_context::<Api>();
    let done = StoredValue::new(false);
    let check = move || {
        // The frame callback may come after this list is gone (a hydrated page re-rendered in
        // the reader's language): a disposed flag counts as done.
        if done.try_get_value().unwrap_or(true) || !near_end() {
            return;
        }
        done.set_value(true);
        let (api, source) = (api.clone(), source.clone());
        leptos::task::spawn_local(async move {
            // A failed prefetch is not shown: opening the page fetches again and shows the error.
            let _ = api.list_page(&source, next).await;
        });
    };
    effect({
        let check = check.clone();
        move |_| {
            // Inside <Transition> the list is built before it is attached: measure once laid out.
            request_animation_frame({
                let check = check.clone();
                move || check()
            });
            let check = check.clone();
            let handle = window_event_listener(leptos::ev::scroll, move |_| check());
            on_cleanup(move || handle.remove());
        }
    });
}

fn near_end() -> bool {
    let window = window();
    let viewport = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let height = document()
        .document_element()
        .map_or(0.0, |html| f64::from(html.scroll_height()));
    scrolled + viewport + NEAR_END_PX >= height
}

#[component]
fn MissingList() -> impl IntoView {
    let t = strings();
    view! {
        <section class="not-found">
            <h2>{t.not_found}</h2>
            <p>{t.not_found_hint}</p>
            <p><a href=crate::links::home(1)>{t.back_home}</a></p>
        </section>
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
