//! Any path no route matches (and /search where search is left out).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::strings;
use crate::components::NotFoundView;

/// The 404 page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = strings();
    view! {
        <Title text=t.not_found/>
        <Meta name="description" content=t.not_found_hint/>
        <NotFoundView/>
    }
}

/// `/search` in a build without search (the `search` feature off): says so, rather than 404.
#[cfg(not(feature = "search"))]
#[component]
pub fn SearchUnavailablePage() -> impl IntoView {
    use crate::components::PageHeading;
    let t = strings();
    view! {
        <Title text=t.search/>
        <PageHeading text=t.search/>
        <p class="search-empty" role="status">{t.search_unavailable}</p>
    }
}
