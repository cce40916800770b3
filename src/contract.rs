//! The data contract, v1: the JSON documents of the static API (see `docs/data-format.md`).
//!
//! List pages are JSON Feed 1.1 documents and articles are JSON Feed items; our own fields live
//! under `_news`. Unknown fields are ignored, optional fields may be missing, and a wrong type or
//! a missing required field is a decode error.

use serde::{Deserialize, Serialize};

mod gov;

pub use gov::{Disclosure, Organization, ICP_LOOKUP};

/// The `version` every list page declares.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";

/// `site.json`: the site's title, language, page size and columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub version: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub language: String,
    pub page_size: u32,
    pub categories: Vec<Category>,
    /// Who runs the site (a government site's footer); absent when nothing is set.
    #[serde(default, skip_serializing_if = "Organization::is_empty")]
    pub organization: Organization,
}

impl Site {
    /// The column with this slug, if the site has one.
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    /// The display name of a column, falling back to its slug for a column the site does not list.
    pub fn category_name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.category(slug).map_or(slug, |c| c.name.as_str())
    }
}

/// One column (category) of the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub count: u32,
}

/// `feed/{n}.json` or `category/{slug}/{n}.json`: one page of a list, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedPage {
    pub version: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_url: Option<String>,
    pub items: Vec<ArticleSummary>,
    #[serde(rename = "_news")]
    pub news: PageInfo,
}

/// Where a list page sits in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageInfo {
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u32,
}

/// An article as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    pub title: String,
    pub date_published: String,
    /// The summary as plain text; may be empty.
    pub content_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(rename = "_news")]
    pub news: SummaryMeta,
}

impl ArticleSummary {
    /// The text to show under the title: `summary`, else `content_text`; `None` when both are empty.
    pub fn lead(&self) -> Option<&str> {
        [self.summary.as_deref(), Some(self.content_text.as_str())]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|s| !s.is_empty())
    }
}

/// Our fields on a list item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryMeta {
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
}

/// `articles/{id}.json`: one whole article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub date_published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_modified: Option<String>,
    /// Untrusted HTML: rendered only through the sanitizer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_html: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(rename = "_news")]
    pub news: ArticleMeta,
}

/// An article's body, as the data gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body<'a> {
    /// Untrusted HTML, to be sanitized.
    Html(&'a str),
    /// Plain text, paragraphs separated by blank lines.
    Text(&'a str),
}

impl Article {
    /// The body: `content_html` wins over `content_text`; `None` when the article has neither.
    pub fn body(&self) -> Option<Body<'_>> {
        match (&self.content_html, &self.content_text) {
            (Some(html), _) => Some(Body::Html(html)),
            (None, Some(text)) => Some(Body::Text(text)),
            (None, None) => None,
        }
    }

    /// The article as a list item, for related lists.
    pub fn to_summary(&self) -> ArticleSummary {
        ArticleSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            date_published: self.date_published.clone(),
            content_text: self.summary.clone().unwrap_or_default(),
            summary: None,
            tags: self.tags.clone(),
            image: self.image.clone(),
            news: SummaryMeta {
                category: self.news.category.clone(),
                views: self.news.views,
            },
        }
    }
}

/// One author of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
}

/// Our fields on an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<RelatedRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<AdjacentArticle>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<AdjacentArticle>,
    /// The 信息公开 fields of a public document; absent when nothing is set.
    #[serde(default, skip_serializing_if = "Disclosure::is_empty")]
    pub disclosure: Disclosure,
}

/// A related article, as the publisher chose it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedRef {
    pub id: String,
    pub title: String,
    pub date_published: String,
}

/// The previous or next article in the same column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdjacentArticle {
    pub id: String,
    pub title: String,
}

/// The search index format version that [`SearchManifest::version`] declares.
pub const SEARCH_FORMAT: u32 = 1;

/// `search/manifest.json`: what the search index holds and where each part of it lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchManifest {
    /// [`SEARCH_FORMAT`]; a reader refuses any other.
    pub version: u32,
    /// Column slugs; `doc_columns` holds indexes into this list.
    pub columns: Vec<String>,
    /// The column of each document, by document number (newest article first).
    pub doc_columns: Vec<u16>,
    /// How many ids each `search/ids/{k}.json` holds.
    pub ids_per_file: u32,
    /// The chunks of the term dictionary, in term order.
    pub chunks: Vec<SearchChunkRef>,
}

/// One chunk of the term dictionary: the terms from `first` up to the next chunk's first term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchChunkRef {
    pub first: String,
    /// File name below `search/chunks/`; named by content, so cacheable forever. The chunk
    /// names its own positions file below `search/positions/`, fetched only for phrases.
    pub file: String,
}

/// `search/ids/{k}.json`: the article ids of documents `k × ids_per_file` onwards. A result
/// shows its article (`articles/{id}.json`): title, column, date and the text of its snippet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchIds {
    pub ids: Vec<String>,
}

/// Whether `s` is a valid article id or column slug: `^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`.
/// Anything else is "not found" without a request.
pub fn is_valid_id(s: &str) -> bool {
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 128
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
}

/// Decodes a contract document. Natively the message names the field at fault (`_news.views:
/// invalid type …`); in the wasm it is serde_json's, with line and column, which saves the
/// path-tracking deserializer's code.
pub fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(target_arch = "wasm32")]
    return serde_json::from_str(text).map_err(|e| e.to_string());
    #[cfg(not(target_arch = "wasm32"))]
    {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if path.is_empty() || path == "." {
                inner.to_string()
            } else {
                format!("{path}: {inner}")
            }
        })
    }
}

#[cfg(test)]
mod tests;
