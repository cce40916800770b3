//! One page of search results, found and made ready to render by the search worker: the page
//! only shows it, so the engine, the tokenizer and the snippets stay out of the app's wasm.

use serde::{Deserialize, Serialize};

use crate::api::{cache, Api, ApiError};
use crate::search::paging::result_page;
use crate::search::snippet::{confirms, highlight, snippet, Piece};
use crate::search::text::article_text;
use crate::search::Query;

/// What the search page asks for: page `page` (`page_size` per page) of the results of `q`,
/// in `column` if given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    pub q: String,
    pub column: Option<String>,
    pub page: u32,
    pub page_size: u32,
}

/// One page of results, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// The column filter in force: `None` when none was asked for, or an unknown one (which
    /// filters nothing rather than hiding every result).
    pub column: Option<String>,
    /// (column slug, results in it) for every column with results, in column order.
    pub columns: Vec<(String, usize)>,
    /// How many results pass the column filter.
    pub total: usize,
    /// Whether some of those are still to be confirmed against their text.
    pub approximate: bool,
    /// This page, clamped to the pages there are, and how many there are.
    pub page: u32,
    pub total_pages: u32,
    /// The results on this page.
    pub items: Vec<FoundItem>,
    /// The documents of the articles shown, by URL, for the app's cache: opening a result
    /// needs no request.
    pub documents: Vec<(String, String)>,
}

/// One result: its article's link fields, and its title and snippet with the matches marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundItem {
    pub id: String,
    pub date_published: String,
    pub category: String,
    pub title: Vec<Piece>,
    pub snippet: Vec<Piece>,
}

impl Api {
    /// Runs `request` here (in the search worker): the query, the page of hits, their articles;
    /// a hit matched without positions is dropped if its text does not confirm it.
    pub async fn find(&self, request: &SearchRequest) -> Result<Found, ApiError> {
        let query = Query::parse(&request.q);
        let outcome = self.search(&query).await?;
        let manifest = outcome.manifest;
        let column_index = request
            .column
            .as_ref()
            .and_then(|c| manifest.columns.iter().position(|m| m == c))
            .map(|i| i as u16);
        let page = result_page(
            &outcome.hits,
            &manifest.doc_columns,
            column_index,
            request.page,
            request.page_size,
        );
        let shown: Vec<u32> = page.shown.iter().map(|h| h.doc).collect();
        let articles = self.search_articles(&manifest, &shown).await?;
        let mut items = Vec::with_capacity(articles.len());
        let mut documents = Vec::with_capacity(articles.len());
        for (hit, article) in page.shown.iter().zip(articles) {
            let text = article_text(&article);
            if !hit.verified && !confirms(&query, &article.title, &text) {
                continue;
            }
            if let Some(document) = document_of(self, &article.id) {
                documents.push(document);
            }
            items.push(FoundItem {
                title: highlight(&article.title, &query),
                snippet: snippet(&text, &query),
                id: article.id,
                date_published: article.date_published,
                category: article.news.category,
            });
        }
        let columns = page
            .columns
            .iter()
            .filter_map(|&(i, n)| Some((manifest.columns.get(i as usize)?.clone(), n)))
            .collect();
        Ok(Found {
            column: column_index.and(request.column.clone()),
            columns,
            total: page.total,
            approximate: page.approximate,
            page: page.page,
            total_pages: page.total_pages,
            items,
            documents,
        })
    }
}

/// Article `id`'s document as it was fetched, with its URL.
fn document_of(api: &Api, id: &str) -> Option<(String, String)> {
    let url = api.article_url(id).ok()?;
    let body = cache::CACHE.with(|c| c.borrow().get(&url))?;
    Some((url, body.to_string()))
}
