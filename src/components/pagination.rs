//! Numbered page links with previous/next and the totals.

use leptos::prelude::*;

use crate::components::strings;
use crate::contract::PageInfo;
use crate::pagination::{next_page, page_links, prev_page, PageLink};

/// Page links for one list, `href` giving the link of each page; the current page is marked with
/// `aria-current="page"`.
#[component]
pub fn Pagination(#[prop(into)] href: Callback<u32, String>, info: PageInfo) -> impl IntoView {
    let t = strings();
    let current = info.page;
    let numbered = page_links(current, info.total_pages)
        .into_iter()
        .map(|link| match link {
            PageLink::Gap => {
                view! { <li class="pagination__gap" aria-hidden="true">"…"</li> }.into_any()
            }
            PageLink::Page(n) => view! {
                <li>
                    <a
                        class="pagination__page"
                        href=href.run(n)
                        aria-label=t.page_label(n)
                        aria-current=(n == current).then_some("page")
                    >
                        {n}
                    </a>
                </li>
            }
            .into_any(),
        })
        .collect_view();
    let step = |target: Option<u32>, label: &'static str| {
        target.map(|n| view! { <li><a class="pagination__step" href=href.run(n)>{label}</a></li> })
    };
    view! {
        <nav class="pagination" aria-label=t.pagination>
            <ul class="pagination__list">
                {step(prev_page(current), t.prev_page)}
                {numbered}
                {step(next_page(current, info.total_pages), t.next_page)}
            </ul>
            <p class="pagination__total">
                {t.total_pages(info.total_pages)} " · " {t.total_items(info.total_items)}
            </p>
        </nav>
    }
}
