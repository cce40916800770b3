//! `/sitemap`: every column (网站地图).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::PageHeading;
use crate::contract::Site;
use crate::{i18n, links};

/// Links to the home page and every column, with their article counts.
#[component]
pub fn SitemapPage() -> impl IntoView {
    let site = expect_context::<Site>();
    let columns = site
        .categories
        .iter()
        .map(|c| {
            view! {
                <li class="sitemap__item">
                    <a href=links::category(&c.slug, 1)>{c.name.clone()}</a>
                    <span class="sitemap__count">{i18n::column_count(c.count)}</span>
                    {c.description.clone().map(|d| view! { <p class="sitemap__description">{d}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=i18n::SITEMAP/>
        <Meta name="description" content=format!("{} — {}", i18n::SITEMAP, site.title)/>
        <PageHeading text=i18n::SITEMAP/>
        <ul class="sitemap" aria-label=i18n::SITEMAP_COLUMNS>
            <li class="sitemap__item"><a href=links::home(1)>{i18n::HOME}</a></li>
            {columns}
        </ul>
    }
}
