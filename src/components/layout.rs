//! The header with the column navigation, and the footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::contract::Site;
use crate::{i18n, links};

/// Site title and the column navigation; the current column is marked with `aria-current`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = expect_context::<Site>();
    let columns = site
        .categories
        .iter()
        .map(|c| {
            let name = c.name.clone();
            view! { <li><A href=links::category(&c.slug, 1)>{name}</A></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__title" href="/">{site.title.clone()}</a>
                <nav class="site-nav" aria-label=i18n::COLUMNS_NAV>
                    <ul class="site-nav__list">
                        <li><A href=links::home(1) exact=true>{i18n::HOME}</A></li>
                        {columns}
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// The footer with the site map link.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = expect_context::<Site>();
    view! {
        <footer class="site-footer">
            <p>
                <A href=links::sitemap()>{i18n::SITEMAP}</A>
            </p>
            <p class="site-footer__about">{site.description.clone().unwrap_or_default()}</p>
        </footer>
    }
}
