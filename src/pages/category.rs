//! `/category/{slug}`: one column.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::strings;
use crate::components::{FeedView, NotFoundView, PageHeading};
use crate::contract::{Category, Site};
use crate::links::ListSource;
use crate::pages::{use_list_page, use_param};

/// One column's articles, page by page; an unknown column is "not found" without a request.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let t = strings();
    let site = expect_context::<Site>();
    let slug = use_param("slug");
    let page = use_list_page();
    move || match site.category(&slug.get()) {
        Some(column) => view! { <ColumnView column=column.clone() page/> }.into_any(),
        None => view! { <Title text=t.not_found/> <NotFoundView/> }.into_any(),
    }
}

#[component]
fn ColumnView(column: Category, page: Memo<u32>) -> impl IntoView {
    let source = ListSource::Column(column.slug.clone());
    let description = column
        .description
        .clone()
        .unwrap_or_else(|| column.name.clone());
    view! {
        <Title text=column.name.clone()/>
        <Meta name="description" content=description/>
        <PageHeading text=column.name.clone()/>
        {column.description.map(|d| view! { <p class="page__lead">{d}</p> })}
        <FeedView source=Signal::stored(source) page/>
    }
}
