//! `/`: the latest articles.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::strings;
use crate::components::{FeedView, PageHeading};
use crate::contract::Site;
use crate::links::ListSource;
use crate::pages::use_list_page;

/// The latest articles, page by page.
#[component]
pub fn HomePage() -> impl IntoView {
    let t = strings();
    let site = expect_context::<Site>();
    let page = use_list_page();
    view! {
        <Title text=t.latest/>
        <Meta name="description" content=site.description.clone().unwrap_or(site.title.clone())/>
        <PageHeading text=t.latest/>
        <FeedView source=Signal::stored(ListSource::Latest) page/>
    }
}
