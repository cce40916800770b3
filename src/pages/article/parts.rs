//! The small pieces around an article's body.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::Api;
use crate::components::{effect, strings};
use crate::contract::{AdjacentArticle, Article, Body, Disclosure};
use crate::dates::display_datetime;
use crate::format::reading_minutes;
use crate::links;
use crate::list_memory::ListMemory;
use crate::PageBase;

/// 首页 › column › title.
#[component]
pub fn Breadcrumb(column: String, column_name: String, title: String) -> impl IntoView {
    let t = strings();
    view! {
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <ol class="breadcrumb__list">
                <li><a href=links::home(1)>{t.home}</a></li>
                <li><a href=links::category(&column, 1)>{column_name}</a></li>
                <li aria-current="page" class="breadcrumb__current">{title}</li>
            </ol>
        </nav>
    }
}

/// Publish time, view count, source and authors.
#[component]
pub fn ArticleMetaLine(article: Article) -> impl IntoView {
    let t = strings();
    let authors = article
        .authors
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join("、");
    let minutes = article.body().map_or(1, |body| match body {
        Body::Html(text) | Body::Text(text) => reading_minutes(text),
    });
    let item = |label: &'static str, value: String| {
        view! { <span class="article__meta-item">{t.label(label)} {value}</span> }
    };
    let views = live_views(&article);
    view! {
        <p class="article__meta">
            <span class="article__meta-item">
                {t.label(t.published)}
                <time datetime=article.date_published.clone()>{display_datetime(&article.date_published)}</time>
            </span>
            // Always there (hidden without a number), so that a count arriving later changes text.
            <span class="article__meta-item" hidden=move || views().is_none()>
                {t.label(t.views)} {move || views().map(|v| t.count(v)).unwrap_or_default()}
            </span>
            {article.news.source.clone().map(|s| item(t.source, s))}
            {(!authors.is_empty()).then(|| item(t.author, authors))}
            <span class="article__meta-item">{t.reading_time(minutes)}</span>
        </p>
    }
}

/// The article's view count: the data's `views`, plus what the GoatCounter site of config.json
/// reports once it answers (`None` while neither has a number). Counts this view once shown
/// (effects never run at pre-render); a count that fails, is slow or is refused changes nothing.
fn live_views(article: &Article) -> impl Fn() -> Option<u64> + Copy + 'static {
    let live = RwSignal::new(None::<u64>);
    let api = expect_context::<Api>();
    if api.counts_views() {
        let base = PageBase::current();
        let path = links::absolute_path(&base, &links::article(&article.id));
        let (title, route) = (article.title.clone(), use_location().pathname);
        effect(move |_| {
            api.count_view(&route.get_untracked(), &path, &title);
            let (api, path) = (api.clone(), path.clone());
            // Scoped: leaving the article aborts the request.
            leptos::task::spawn_local_scoped(async move {
                if let Ok(count) = api.counted_views(&path).await {
                    live.try_set(Some(count));
                }
            });
        });
    }
    let data = article.news.views;
    move || match (data, live.get()) {
        (None, None) => None,
        (data, live) => Some(data.unwrap_or(0).saturating_add(live.unwrap_or(0))),
    }
}

/// The article's tags, if any.
#[component]
pub fn TagList(tags: Vec<String>) -> impl IntoView {
    let t = strings();
    (!tags.is_empty()).then(|| {
        let items = tags
            .into_iter()
            .map(|t| view! { <li class="tags__item">{t}</li> })
            .collect_view();
        view! { <ul class="tags" aria-label=t.tags>{items}</ul> }
    })
}

/// Links to the previous and next article of the column.
#[component]
pub fn AdjacentNav(prev: Option<AdjacentArticle>, next: Option<AdjacentArticle>) -> impl IntoView {
    let t = strings();
    let link = |label: &'static str, target: Option<AdjacentArticle>, class: &'static str| {
        target.map(|a| {
            view! {
                <a class=class href=links::article(&a.id)>
                    <span class="adjacent__label">{t.label(label)}</span>
                    {a.title}
                </a>
            }
        })
    };
    (prev.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="adjacent" aria-label=t.adjacent_nav>
                {link(t.prev_article, prev, "adjacent__prev")}
                {link(t.next_article, next, "adjacent__next")}
            </nav>
        }
    })
}

/// "返回列表": to the list page the reader came from, or page 1 of the article's column.
#[component]
pub fn BackToList(column: String) -> impl IntoView {
    let t = strings();
    let memory = use_context::<ListMemory>();
    let fallback = links::category(&column, 1);
    let href = match memory {
        Some(m) => m.back_href(fallback),
        None => fallback,
    };
    view! {
        <p class="back-to-list">
            <a
                class="button button--ghost"
                href=href
                on:click=move |_| {
                    if let Some(m) = memory {
                        m.request_restore();
                    }
                }
            >
                {t.back_to_list}
            </a>
        </p>
    }
}

/// The 信息公开 fields of a public document: a table of label and value, set fields only.
#[component]
pub fn DisclosureTable(disclosure: Disclosure) -> impl IntoView {
    let t = strings();
    let rows = t
        .disclosure_fields
        .iter()
        .zip(disclosure.values())
        .filter_map(|(label, value)| {
            let value = value?.to_owned();
            Some(view! { <tr><th scope="row">{*label}</th><td>{value}</td></tr> })
        })
        .collect_view();
    view! {
        <table class="disclosure">
            <caption>{t.disclosure}</caption>
            <tbody>{rows}</tbody>
        </table>
    }
}
