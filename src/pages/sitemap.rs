//! `/sitemap`: every column (网站地图).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::strings;
use crate::components::PageHeading;
use crate::contract::Site;
use crate::links;

/// Links to the home page and every column, with their article counts.
#[component]
pub fn SitemapPage() -> impl IntoView {
    let t = strings();
    let site = expect_context::<Site>();
    let columns = site
        .categories
        .iter()
        .map(|c| {
            view! {
                <li class="sitemap__item">
                    <a href=links::category(&c.slug, 1)>{c.name.clone()}</a>
                    <span class="sitemap__count">{t.column_count(c.count)}</span>
                    {c.description.clone().map(|d| view! { <p class="sitemap__description">{d}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=t.sitemap/>
        <Meta name="description" content=format!("{} — {}", t.sitemap, site.title)/>
        <PageHeading text=t.sitemap/>
        <ul class="sitemap" aria-label=t.sitemap_columns>
            <li class="sitemap__item"><a href=links::home(1)>{t.home}</a></li>
            {columns}
        </ul>
    }
}
