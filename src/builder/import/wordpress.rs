//! A WordPress REST export: the JSON array `wp/v2/posts` returns. Titles, bodies and excerpts
//! are rendered HTML; dates are the site's local time (`date`) beside UTC (`date_gmt`), which
//! together give the offset. Tag, category, author and image names come only with `?_embed`.

use chrono::{FixedOffset, NaiveDateTime};
use serde::Deserialize;
use serde_json::Value;

use super::json_feed::decode;
use super::{Body, Feed, Item};

#[derive(Debug, Deserialize)]
struct Post {
    id: Option<Value>,
    date: Option<String>,
    date_gmt: Option<String>,
    modified: Option<String>,
    modified_gmt: Option<String>,
    link: Option<String>,
    guid: Option<Rendered>,
    title: Option<Rendered>,
    content: Option<Rendered>,
    excerpt: Option<Rendered>,
    #[serde(default)]
    tags: Vec<Value>,
    #[serde(default)]
    categories: Vec<Value>,
    #[serde(rename = "_embedded")]
    embedded: Option<Embedded>,
}

#[derive(Debug, Deserialize)]
struct Rendered {
    #[serde(default)]
    rendered: String,
    #[serde(default)]
    protected: bool,
}

#[derive(Debug, Default, Deserialize)]
struct Embedded {
    #[serde(default)]
    author: Vec<Named>,
    #[serde(rename = "wp:term", default)]
    terms: Vec<Vec<Named>>,
    #[serde(rename = "wp:featuredmedia", default)]
    media: Vec<Media>,
}

#[derive(Debug, Deserialize)]
struct Named {
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Media {
    source_url: Option<String>,
}

/// Parses the WordPress export `name`.
pub fn parse(name: &str, text: &str) -> Result<Feed, String> {
    let posts: Vec<Post> = decode(name, text)?;
    Ok(Feed {
        format: "WordPress posts",
        items: posts.into_iter().map(item).collect(),
        ..Feed::default()
    })
}

fn item(post: Post) -> Item {
    let mut notes = Vec::new();
    let embedded = post.embedded.unwrap_or_default();
    let tags: Vec<String> = embedded
        .terms
        .into_iter()
        .flatten()
        .filter_map(|t| t.name)
        .collect();
    if tags.is_empty() && !(post.tags.is_empty() && post.categories.is_empty()) {
        notes.push("tags and categories are term ids without names (export with ?_embed to keep them): left out".to_owned());
    }
    let (content, protected) = match post.content {
        Some(c) => (Some(c.rendered), c.protected),
        None => (None, false),
    };
    if protected {
        notes.push("the post is password protected: its content is not in the export".to_owned());
    }
    Item {
        // The guid (`https://example.org/?p=123`) is what the site's RSS feed gives as the id
        // too: importing either way names the file the same.
        id: post
            .guid
            .map(|g| super::html::text_of(&g.rendered))
            .filter(|g| !g.is_empty())
            .or_else(|| {
                post.id
                    .as_ref()
                    .map(|id| format!("wp-{}", id.to_string().trim_matches('"')))
            }),
        title: post.title.map(|t| super::html::text_of(&t.rendered)),
        link: post.link,
        published: local_date(post.date, post.date_gmt),
        updated: local_date(post.modified, post.modified_gmt),
        body: content.filter(|c| !c.trim().is_empty()).map(Body::Html),
        summary: post
            .excerpt
            .map(|e| e.rendered)
            .filter(|e| !e.trim().is_empty())
            .map(Body::Html),
        tags,
        authors: embedded.author.into_iter().filter_map(|a| a.name).collect(),
        image: embedded.media.into_iter().find_map(|m| m.source_url),
        notes,
        ..Item::default()
    }
}

/// The local date with the offset that `date - date_gmt` gives (`2018-09-18T14:38:10+08:00`);
/// the local date alone (read in the import's zone, with a warning) when UTC is missing.
fn local_date(local: Option<String>, utc: Option<String>) -> Option<String> {
    let local = local?;
    let parse = |s: &str| NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M:%S").ok();
    let (Some(l), Some(u)) = (parse(&local), utc.as_deref().and_then(parse)) else {
        return Some(local);
    };
    let seconds = i32::try_from((l - u).num_seconds()).ok()?;
    match FixedOffset::east_opt(seconds).filter(|_| seconds % 60 == 0 && seconds.abs() <= 14 * 3600)
    {
        Some(offset) => Some(format!("{}{offset}", l.format("%Y-%m-%dT%H:%M:%S"))),
        None => Some(local),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_comes_from_the_two_dates() {
        let date = |l: &str, u: Option<&str>| local_date(Some(l.into()), u.map(Into::into));
        assert_eq!(
            date("2018-09-18T14:38:10", Some("2018-09-18T06:38:10")).as_deref(),
            Some("2018-09-18T14:38:10+08:00")
        );
        assert_eq!(
            date("2018-09-18T01:00:00", Some("2018-09-18T06:30:00")).as_deref(),
            Some("2018-09-18T01:00:00-05:30")
        );
        assert_eq!(
            date("2018-09-18T14:38:10", None).as_deref(),
            Some("2018-09-18T14:38:10")
        );
        assert_eq!(
            date("2018-09-18T14:38:10", Some("2018-09-10T06:38:10")).as_deref(),
            Some("2018-09-18T14:38:10"),
            "no offset is a week"
        );
        assert_eq!(local_date(None, Some("2018-09-18T06:38:10".into())), None);
    }
}
