//! JSON Feed 1.0 (`http://jsonfeed.org/version/1`) and 1.1, read leniently: an id may be a
//! number or missing, tags a string, authors the 1.0 `author` object; our `_news` extension
//! names the column. A document that does not fit says where: `feed.json:3: items[0].title: …`.

use serde::Deserialize;

use super::{Attachment, Body, Feed, Item};

#[derive(Debug, Deserialize)]
struct JsonFeed {
    version: String,
    home_page_url: Option<String>,
    feed_url: Option<String>,
    language: Option<String>,
    #[serde(default)]
    authors: Vec<JsonAuthor>,
    author: Option<JsonAuthor>,
    items: Vec<JsonItem>,
}

#[derive(Debug, Deserialize)]
struct JsonItem {
    id: Option<StringOrNumber>,
    url: Option<String>,
    external_url: Option<String>,
    title: Option<String>,
    content_html: Option<String>,
    content_text: Option<String>,
    summary: Option<String>,
    image: Option<String>,
    banner_image: Option<String>,
    date_published: Option<String>,
    date_modified: Option<String>,
    #[serde(default)]
    authors: Vec<JsonAuthor>,
    author: Option<JsonAuthor>,
    tags: Option<OneOrMany>,
    language: Option<String>,
    #[serde(default)]
    attachments: Vec<JsonAttachment>,
    #[serde(rename = "_news")]
    news: Option<NewsFields>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum StringOrNumber {
    String(String),
    Number(serde_json::Number),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct JsonAuthor {
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
struct JsonAttachment {
    url: String,
    mime_type: Option<String>,
    title: Option<String>,
    size_in_bytes: Option<u64>,
}

#[derive(Debug, Deserialize)]
struct NewsFields {
    category: Option<String>,
    views: Option<u64>,
    source: Option<String>,
}

/// Parses the JSON Feed `name`.
pub fn parse(name: &str, text: &str) -> Result<Feed, String> {
    let feed: JsonFeed = decode(name, text)?;
    let format = match feed.version.as_str() {
        "https://jsonfeed.org/version/1.1" => "JSON Feed 1.1",
        "https://jsonfeed.org/version/1" | "http://jsonfeed.org/version/1" => "JSON Feed 1.0",
        v if v.contains("jsonfeed.org/version/1") => "JSON Feed 1.x",
        v => {
            return Err(format!(
                "{name}:1: version {v:?} is not JSON Feed 1.0 (http://jsonfeed.org/version/1) or 1.1 (https://jsonfeed.org/version/1.1)"
            ))
        }
    };
    let feed_authors = names(feed.authors, feed.author);
    let items = feed
        .items
        .into_iter()
        .map(|i| item(i, &feed_authors))
        .collect();
    Ok(Feed {
        format,
        link: feed.home_page_url.or(feed.feed_url),
        date: None,
        language: feed.language,
        items,
        notes: Vec::new(),
    })
}

/// `text` as `T`; an error names the line and the field: `feed.json:3: items[0].id: …`.
pub fn decode<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, String> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let line = inner.line().max(1);
        let message = inner.to_string();
        // serde_json ends its message with the position: the line is already in front.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        if path.is_empty() || path == "." {
            format!("{name}:{line}: {message}")
        } else {
            format!("{name}:{line}: {path}: {message}")
        }
    })
}

fn item(json: JsonItem, feed_authors: &[String]) -> Item {
    let mut notes = Vec::new();
    let id = match json.id {
        Some(StringOrNumber::String(id)) => Some(id),
        Some(StringOrNumber::Number(n)) => {
            notes.push(format!("id {n} is a number, read as text"));
            Some(n.to_string())
        }
        None => None,
    };
    let body = match (json.content_html, json.content_text) {
        (Some(html), _) => Some(Body::Html(html)),
        (None, Some(text)) => Some(Body::Text(text)),
        (None, None) => None,
    };
    let mut authors = names(json.authors, json.author);
    if authors.is_empty() {
        authors = feed_authors.to_vec();
    }
    let news = json.news;
    Item {
        id,
        title: json.title,
        link: json.url.or(json.external_url),
        published: json.date_published,
        updated: json.date_modified,
        body,
        summary: json.summary.map(Body::Text),
        tags: match json.tags {
            Some(OneOrMany::One(tag)) => vec![tag],
            Some(OneOrMany::Many(tags)) => tags,
            None => Vec::new(),
        },
        authors,
        image: json.image.or(json.banner_image),
        language: json.language,
        attachments: json
            .attachments
            .into_iter()
            .map(|a| Attachment {
                url: a.url,
                mime: a.mime_type,
                size: a.size_in_bytes,
                title: a.title,
            })
            .collect(),
        column: news.as_ref().and_then(|n| n.category.clone()),
        views: news.as_ref().and_then(|n| n.views),
        source: news.and_then(|n| n.source),
        notes,
        base: None,
    }
}

/// Names of JSON Feed 1.1 `authors`, else of 1.0's `author`.
fn names(authors: Vec<JsonAuthor>, author: Option<JsonAuthor>) -> Vec<String> {
    authors
        .into_iter()
        .chain(author)
        .filter_map(|a| a.name)
        .collect()
}
