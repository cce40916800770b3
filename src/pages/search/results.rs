//! One page of results, as the search worker found them: count, column filter, the result list
//! and its pages.

use leptos::prelude::*;

use crate::api::{Found, FoundItem};
use crate::components::{strings, Pagination};
use crate::contract::{PageInfo, Site};
use crate::dates::display_date;
use crate::links;
use crate::search::snippet::Piece;

/// Count, filter, list and pages; "nothing found" when there is nothing.
#[component]
pub fn ResultsView(q: String, found: Found) -> impl IntoView {
    let t = strings();
    let Found {
        column,
        columns,
        total,
        approximate,
        page,
        total_pages,
        items,
        ..
    } = found;
    // Nothing matched, or nothing on this page survived the check against the text.
    if columns.is_empty() || items.is_empty() {
        return view! { <p class="search-empty" role="status">{t.search_none(&q)}</p> }.into_any();
    }
    let filter = view! { <ColumnFilter q=q.clone() current=column.clone() counts=columns/> };
    let items = items
        .into_iter()
        .map(|item| view! { <ResultItem item/> })
        .collect_view();
    let info = PageInfo {
        page,
        total_pages,
        total_items: total as u32,
    };
    let href = move |n| links::search(&q, column.as_deref(), n);
    view! {
        <p class="search-count" role="status">{t.search_count(total, approximate)}</p>
        {filter}
        <ol class="search-results" aria-label=t.search_results>{items}</ol>
        <Pagination href info/>
    }
    .into_any()
}

/// "All columns" and one link per column with hits, the current one marked.
#[component]
fn ColumnFilter(q: String, current: Option<String>, counts: Vec<(String, usize)>) -> impl IntoView {
    let t = strings();
    let site = expect_context::<Site>();
    let total: usize = counts.iter().map(|c| c.1).sum();
    let link = |slug: Option<&str>, label: String| {
        let here = current.as_deref() == slug;
        view! {
            <li>
                <a href=links::search(&q, slug, 1) aria-current=here.then_some("page")>{label}</a>
            </li>
        }
    };
    let per_column = counts
        .iter()
        .map(|(slug, n)| {
            link(
                Some(slug),
                t.column_with_count(site.category_name(slug), *n),
            )
        })
        .collect_view();
    view! {
        <nav class="search-filter" aria-label=t.search_columns>
            <ul class="search-filter__list">
                {link(None, t.column_with_count(t.search_all_columns, total))}
                {per_column}
            </ul>
        </nav>
    }
}

#[component]
fn ResultItem(item: FoundItem) -> impl IntoView {
    let site = expect_context::<Site>();
    let column = site.category_name(&item.category).to_owned();
    view! {
        <li class="search-result">
            <h2 class="search-result__title"><a href=links::article(&item.id)>{marked(item.title)}</a></h2>
            <p class="search-result__meta">
                <time datetime=item.date_published.clone()>{display_date(&item.date_published)}</time>
                <span class="search-result__column">{column}</span>
            </p>
            <p class="search-result__snippet">{marked(item.snippet)}</p>
        </li>
    }
}

/// Text pieces as text nodes, the matched ones inside `<mark>`: never as markup.
fn marked(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.marked {
                view! { <mark>{p.text}</mark> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view()
}
