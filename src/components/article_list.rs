//! A list of article cards.

use leptos::prelude::*;

use crate::api::Api;
use crate::components::{strings, Later};
use crate::contract::{ArticleSummary, Site};
use crate::dates::display_date;
use crate::links;
use crate::list_memory::ListMemory;

/// The articles as a list named "文章列表". When `list_href` is given, opening an article
/// remembers that list page for "back to list".
#[component]
pub fn ArticleList(
    items: Vec<ArticleSummary>,
    #[prop(optional)] list_href: Option<String>,
) -> impl IntoView {
    let t = strings();
    let site = use_context::<Site>();
    let memory = use_context::<ListMemory>();
    let on_open = move || {
        if let (Some(memory), Some(href)) = (memory, list_href.clone()) {
            memory.remember(href);
        }
    };
    let cards = items
        .into_iter()
        .map(|item| {
            let column = site
                .as_ref()
                .map(|s| s.category_name(&item.news.category).to_owned());
            let on_open = on_open.clone();
            // Each card hydrates in a task of its own.
            Later(move || view! { <ArticleCard item column on_open/> })
        })
        .collect_view();
    view! { <ul class="news-list" aria-label=t.article_list>{cards}</ul> }
}

#[component]
fn ArticleCard(
    item: ArticleSummary,
    column: Option<String>,
    on_open: impl Fn() + 'static,
) -> impl IntoView {
    let t = strings();
    let lead = item.lead().map(str::to_owned);
    let column = column
        .or_else(|| Some(item.news.category.clone()))
        .filter(|c| !c.is_empty());
    let prefetch = prefetcher(item.id.clone());
    view! {
        <li class="news-list__item">
            <article class="news-card">
                <h2 class="news-card__title">
                    <a
                        href=links::article(&item.id)
                        on:click=move |_| on_open()
                        on:mouseenter={
                            let prefetch = prefetch.clone();
                            move |_| prefetch()
                        }
                        on:focus=move |_| prefetch()
                    >
                        {item.title.clone()}
                    </a>
                </h2>
                <p class="news-card__meta">
                    <time datetime=item.date_published.clone()>{display_date(&item.date_published)}</time>
                    {column.map(|c| view! { <span class="news-card__column">{c}</span> })}
                    {item.news.views.map(|v| view! { <span class="news-card__views">{t.views(v)}</span> })}
                </p>
                {lead.map(|l| view! { <p class="news-card__summary">{l}</p> })}
            </article>
        </li>
    }
}

/// Loads an article into the cache when its link is hovered or focused, so that opening it is
/// instant. Once is enough: later hovers do nothing.
fn prefetcher(id: String) -> impl Fn() + Clone + 'static {
    let api = use_context::<Api>();
    let started = StoredValue::new(false);
    move || {
        let Some(api) = api.clone() else { return };
        if started.get_value() {
            return;
        }
        started.set_value(true);
        let id = id.clone();
        leptos::task::spawn_local(async move {
            // A failed prefetch is not shown: opening the article fetches again and shows the error.
            let _ = api.article(&id).await;
        });
    }
}
