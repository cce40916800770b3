//! `/search?q=…&column=…&page=…`: full-text search over the builder's index.

mod results;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{Api, ApiError, Found, SearchRequest};
use crate::components::strings;
use crate::components::{ErrorView, Loading, PageHeading};
use crate::contract::Site;
use crate::pages::use_page;
use results::ResultsView;

/// The search page: a prompt without a query, else the results of `q`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let t = strings();
    let params = use_query_map();
    let q = Memo::new(move |_| params.with(|p| p.get("q").unwrap_or_default()));
    let column = Memo::new(move |_| params.with(|p| p.get("column")));
    let page = use_page();
    move || {
        let q = q.get();
        if q.trim().is_empty() {
            view! {
                <Title text=t.search/>
                <PageHeading text=t.search/>
                <p class="page__lead">{t.search_prompt}</p>
                <p class="search-hint">{t.search_shortcut}</p>
            }
            .into_any()
        } else {
            view! { <QueryView q column page/> }.into_any()
        }
    }
}

#[component]
fn QueryView(q: String, column: Memo<Option<String>>, page: Memo<u32>) -> impl IntoView {
    let t = strings();
    let api = expect_context::<Api>();
    let page_size = expect_context::<Site>().page_size;
    let heading = t.search_heading(q.trim());
    // Changing the column or page runs the query again: its index files are cached by then.
    let results = LocalResource::new({
        let q = q.clone();
        move || {
            let api = api.clone();
            let request = SearchRequest {
                q: q.clone(),
                column: column.get(),
                page: page.get(),
                page_size,
            };
            async move { timed(api.search_results(request)).await }
        }
    });
    let retry = Callback::new(move |()| results.refetch());
    view! {
        <Title text=heading.clone()/>
        <PageHeading text=heading/>
        <Transition fallback=Loading>
            {move || {
                let q = q.clone();
                Suspend::new(async move {
                match results.await {
                    Ok(found) => view! { <ResultsView q found/> }.into_any(),
                    // A site built without a search index: not a missing page.
                    Err(ApiError::NotFound) => {
                        view! { <p class="search-empty" role="status">{t.search_unavailable}</p> }.into_any()
                    }
                    Err(error) => view! { <ErrorView error on_retry=retry/> }.into_any(),
                }
            })
            }}
        </Transition>
    }
}

/// Runs a search, recording its duration as the `search-query` performance measure (for the
/// benchmark; it costs one entry per query).
async fn timed(
    search: impl std::future::Future<Output = Result<Found, ApiError>>,
) -> Result<Found, ApiError> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static QUERIES: AtomicU32 = AtomicU32::new(0);
    let mark = format!("search-{}", QUERIES.fetch_add(1, Ordering::Relaxed));
    let performance = window().performance();
    if let Some(p) = &performance {
        let _ = p.mark(&mark);
    }
    let result = search.await;
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("search-query", &mark);
    }
    result
}
