//! One module per route.

pub mod article;
pub mod category;
pub mod home;
pub mod not_found;
pub mod related;
#[cfg(feature = "search")]
pub mod search;
pub mod sitemap;

pub use article::ArticlePage;
pub use category::CategoryPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
#[cfg(not(feature = "search"))]
pub use not_found::SearchUnavailablePage as SearchPage;
pub use related::RelatedPage;
#[cfg(feature = "search")]
pub use search::SearchPage;
pub use sitemap::SitemapPage;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::pagination::parse_page;

/// The `?page=` of the current URL, as a page number (bad values mean page 1): search's paging.
#[cfg(feature = "search")]
pub(crate) fn use_page() -> Memo<u32> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| parse_page(q.get_str("page"))))
}

/// The page of a list route (`page/{n}`, or the older `?page=n`), as a page number (bad values
/// mean page 1).
pub(crate) fn use_list_page() -> Memo<u32> {
    let params = use_params_map();
    let query = use_query_map();
    Memo::new(move |_| match params.with(|p| p.get("n")) {
        Some(n) => parse_page(Some(&n)),
        None => query.with(|q| parse_page(q.get_str("page"))),
    })
}

/// A route parameter of the current URL ("" when absent).
pub(crate) fn use_param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get(name).unwrap_or_default()))
}
