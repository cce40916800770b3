//! Imports a JSON Feed 1.1 file as Markdown articles (one file each, TOML front matter), so a
//! publisher's existing feed becomes builder input. HTML bodies are kept as they are: Markdown
//! passes raw HTML through, and the build sanitizes it.

use crate::contract::{decode, is_valid_id, JSON_FEED_VERSION};
use serde::Deserialize;

/// A JSON Feed 1.1 document, as much of it as an import needs.
#[derive(Debug, Deserialize)]
struct Feed {
    version: String,
    items: Vec<FeedItem>,
}

#[derive(Debug, Deserialize)]
struct FeedItem {
    id: String,
    title: Option<String>,
    date_published: Option<String>,
    date_modified: Option<String>,
    content_html: Option<String>,
    content_text: Option<String>,
    summary: Option<String>,
    image: Option<String>,
    #[serde(default)]
    authors: Vec<crate::contract::Author>,
    #[serde(default)]
    tags: Vec<String>,
    language: Option<String>,
    #[serde(rename = "_news")]
    news: Option<NewsFields>,
}

#[derive(Debug, Deserialize)]
struct NewsFields {
    category: Option<String>,
    views: Option<u64>,
    source: Option<String>,
}

/// Converts a feed to `(file name, Markdown)` pairs. Items without a column in `_news.category`
/// go to `default_column`; an item without a title or date is an error naming it.
pub fn import_feed(text: &str, default_column: &str) -> Result<Vec<(String, String)>, String> {
    let feed: Feed = decode(text)?;
    if !feed.version.starts_with("https://jsonfeed.org/version/1") {
        return Err(format!(
            "version {:?} is not JSON Feed 1.x ({JSON_FEED_VERSION})",
            feed.version
        ));
    }
    feed.items
        .into_iter()
        .enumerate()
        .map(|(i, item)| to_markdown(i, item, default_column))
        .collect()
}

fn to_markdown(
    index: usize,
    item: FeedItem,
    default_column: &str,
) -> Result<(String, String), String> {
    let at = |field: &str| format!("items[{index}] ({:?}): {field} is missing", item.id);
    let title = item.title.clone().ok_or_else(|| at("title"))?;
    let date = item
        .date_published
        .clone()
        .ok_or_else(|| at("date_published"))?;
    let id: String = if is_valid_id(&item.id) {
        item.id.clone()
    } else {
        slug_of(&item.id, index)
    };
    let news = item.news.as_ref();
    let column = news
        .and_then(|n| n.category.clone())
        .unwrap_or_else(|| default_column.to_owned());
    let mut matter = toml::Table::new();
    let mut set = |key: &str, value: toml::Value| {
        matter.insert(key.to_owned(), value);
    };
    set("id", id.clone().into());
    set("title", title.into());
    set("date", date.into());
    if let Some(v) = item.date_modified {
        set("updated", v.into());
    }
    set("column", column.into());
    if !item.tags.is_empty() {
        set(
            "tags",
            toml::Value::Array(item.tags.into_iter().map(Into::into).collect()),
        );
    }
    if !item.authors.is_empty() {
        set(
            "author",
            toml::Value::Array(item.authors.into_iter().map(|a| a.name.into()).collect()),
        );
    }
    if let Some(v) = news.and_then(|n| n.source.clone()) {
        set("source", v.into());
    }
    if let Some(v) = news.and_then(|n| n.views) {
        set(
            "views",
            toml::Value::Integer(i64::try_from(v).unwrap_or(i64::MAX)),
        );
    }
    for (key, value) in [
        ("summary", item.summary),
        ("image", item.image),
        ("language", item.language),
    ] {
        if let Some(v) = value {
            set(key, v.into());
        }
    }
    let body = match (item.content_html, item.content_text) {
        (Some(html), _) => html,
        (None, Some(text)) => escape_markdown_text(&text),
        (None, None) => String::new(),
    };
    let front = toml::to_string(&matter).map_err(|e| e.to_string())?;
    Ok((
        format!("{id}.md"),
        format!("+++\n{front}+++\n{}\n", body.trim_end()),
    ))
}

/// Plain text as Markdown: paragraphs kept, characters Markdown would read as markup escaped.
fn escape_markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn slug_of(id: &str, index: usize) -> String {
    let slug: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug: String = slug.chars().take(100).collect();
    if is_valid_id(&slug) {
        slug
    } else {
        format!("item-{index}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::source::parse_article;

    #[test]
    fn feed_items_become_articles_the_builder_reads() {
        let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
            {"id":"https://example.org/posts/1","title":"标题一","date_published":"2025-03-14T09:30:00+08:00",
             "content_html":"<p>正文</p>","tags":["餐饮"],"authors":[{"name":"李明"}],"_news":{"category":"notices","views":3}},
            {"id":"plain-2","title":"Two","date_published":"2025-03-15T09:30:00+08:00","content_text":"a *b*\n\nc"}]}"#;
        let files = import_feed(feed, "science").expect("imports");
        assert_eq!(files[0].0, "https-example-org-posts-1.md");
        let a = parse_article(&files[0].0, "x", &files[0].1).expect("parses back");
        assert_eq!(
            (a.id.as_str(), a.column.as_str(), a.views),
            ("https-example-org-posts-1", "notices", Some(3))
        );
        assert_eq!(a.authors, ["李明"]);
        assert_eq!(a.body.trim(), "<p>正文</p>");
        let b = parse_article(&files[1].0, "x", &files[1].1).expect("parses back");
        assert_eq!(b.column, "science");
        assert_eq!(b.body.trim(), "a \\*b\\*\n\nc");
    }

    #[test]
    fn bad_feeds_are_refused_with_a_reason() {
        assert!(import_feed("{}", "c")
            .expect_err("no version")
            .contains("version"));
        let untitled = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"a","date_published":"2025-01-01T00:00:00Z"}]}"#;
        assert!(import_feed(untitled, "c")
            .expect_err("no title")
            .contains("items[0]"));
    }
}
