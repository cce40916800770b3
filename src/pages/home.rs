//! `/`: the latest articles.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::{FeedView, PageHeading};
use crate::contract::Site;
use crate::i18n;
use crate::links::ListSource;
use crate::pages::use_page;

/// The latest articles, page by page.
#[component]
pub fn HomePage() -> impl IntoView {
    let site = expect_context::<Site>();
    let page = use_page();
    view! {
        <Title text=i18n::LATEST/>
        <Meta name="description" content=site.description.clone().unwrap_or(site.title.clone())/>
        <PageHeading text=i18n::LATEST/>
        <FeedView source=Signal::stored(ListSource::Latest) page/>
    }
}
