//! The results of one query: count, column filter, the result list and its pages.

use leptos::prelude::*;

use crate::api::{Api, ApiError, SearchOutcome};
use crate::components::{strings, Pagination};
use crate::contract::{Article, PageInfo, Site};
use crate::dates::display_date;
use crate::links;
use crate::search::paging::{result_page, ResultPage};
use crate::search::snippet::{confirms, highlight, snippet, Piece};
use crate::search::text::article_text;
use crate::search::Query;

/// One page of results with the documents it shows, ready to render.
#[derive(Debug, Clone)]
pub struct LoadedResults {
    q: String,
    query: Query,
    column: Option<String>,
    columns: Vec<String>,
    page: ResultPage,
    /// The articles shown, each with its text.
    articles: Vec<(Article, String)>,
}

impl LoadedResults {
    /// Picks page `page` (`page_size` per page) of the hits in `column` and loads what those
    /// results show; a result matched without positions is dropped here if its text does not
    /// confirm it.
    pub async fn load(
        api: &Api,
        q: String,
        query: Query,
        outcome: SearchOutcome,
        column: Option<String>,
        page: u32,
        page_size: u32,
    ) -> Result<LoadedResults, ApiError> {
        let manifest = outcome.manifest;
        // An unknown column filters nothing rather than hiding every result.
        let column_index = column
            .as_ref()
            .and_then(|c| manifest.columns.iter().position(|m| m == c))
            .map(|i| i as u16);
        let column = column_index.and(column);
        let page = result_page(
            &outcome.hits,
            &manifest.doc_columns,
            column_index,
            page,
            page_size,
        );
        let shown: Vec<u32> = page.shown.iter().map(|h| h.doc).collect();
        let loaded = api.search_articles(&manifest, &shown).await?;
        let articles = page
            .shown
            .iter()
            .zip(loaded)
            .map(|(hit, article)| {
                let text = article_text(&article);
                (hit, article, text)
            })
            .filter(|(hit, article, text)| hit.verified || confirms(&query, &article.title, text))
            .map(|(_, article, text)| (article, text))
            .collect();
        Ok(LoadedResults {
            q,
            query,
            column,
            columns: manifest.columns.clone(),
            page,
            articles,
        })
    }
}

/// Count, filter, list and pages; "nothing found" when there is nothing.
#[component]
pub fn ResultsView(results: LoadedResults) -> impl IntoView {
    let t = strings();
    let LoadedResults {
        q,
        query,
        column,
        columns,
        page,
        articles,
    } = results;
    // Nothing matched, or nothing on this page survived the check against the text.
    if page.columns.is_empty() || articles.is_empty() {
        return view! { <p class="search-empty" role="status">{t.search_none(&q)}</p> }.into_any();
    }
    let filter = view! { <ColumnFilter q=q.clone() current=column.clone() columns counts=page.columns.clone()/> };
    let items = articles
        .into_iter()
        .map(|(article, text)| view! { <ResultItem article text query=query.clone()/> })
        .collect_view();
    let info = PageInfo {
        page: page.page,
        total_pages: page.total_pages,
        total_items: page.total as u32,
    };
    let href = move |n| links::search(&q, column.as_deref(), n);
    view! {
        <p class="search-count" role="status">{t.search_count(page.total, page.approximate)}</p>
        {filter}
        <ol class="search-results" aria-label=t.search_results>{items}</ol>
        <Pagination href info/>
    }
    .into_any()
}

/// "All columns" and one link per column with hits, the current one marked.
#[component]
fn ColumnFilter(
    q: String,
    current: Option<String>,
    columns: Vec<String>,
    counts: Vec<(u16, usize)>,
) -> impl IntoView {
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
        .filter_map(|&(i, n)| {
            let slug = columns.get(i as usize)?;
            let label = t.column_with_count(site.category_name(slug), n);
            Some(link(Some(slug), label))
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
fn ResultItem(article: Article, text: String, query: Query) -> impl IntoView {
    let site = expect_context::<Site>();
    let column = site.category_name(&article.news.category).to_owned();
    let title = marked(highlight(&article.title, &query));
    let excerpt = marked(snippet(&text, &query));
    view! {
        <li class="search-result">
            <h2 class="search-result__title"><a href=links::article(&article.id)>{title}</a></h2>
            <p class="search-result__meta">
                <time datetime=article.date_published.clone()>{display_date(&article.date_published)}</time>
                <span class="search-result__column">{column}</span>
            </p>
            <p class="search-result__snippet">{excerpt}</p>
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
