//! RSS 0.9x, 1.0 and 2.0 and Atom 1.0, parsed by feed-rs, as [`Feed`]s.
//!
//! Before feed-rs sees the text, quick-xml walks it once: XML declarations go (the text is UTF-8
//! now, whatever they said), an `<rss>` root without a version feed-rs knows is read as RSS 2.0,
//! RSS 0.90's namespace becomes RSS 1.0's, and a syntax error gets its line.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use feed_rs::model::{self, FeedType, Text};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{Attachment, Body, Feed, Item};

const RSS_090: &str = "http://my.netscape.com/rdf/simple/0.9/";
const RSS_10: &str = "http://purl.org/rss/1.0/";

/// Parses the feed `name`, text already UTF-8; `url` is where it was fetched from.
pub fn parse(name: &str, text: &str, url: Option<&str>) -> Result<Feed, String> {
    let prepared = prepare(name, text);
    // feed-rs turns dates into instants in UTC, losing their offset and whether they had one:
    // its date parser hands back the position of the date's text in `dates` instead, as seconds
    // since 1970, and the text is read once the item is known (`raw_date`).
    let dates: Arc<Mutex<Vec<String>>> = Arc::default();
    let log = Arc::clone(&dates);
    let parser = feed_rs::parser::Builder::new()
        .base_uri(url)
        .sanitize_content(false)
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(move |text| {
            let mut log = log.lock().ok()?;
            let at = i64::try_from(log.len()).ok()?;
            log.push(text.to_owned());
            DateTime::from_timestamp(at, 0)
        })
        .build();
    // feed-rs is not meant to panic, but input is outside data: a panic is an error here.
    let parsed = catch_unwind(AssertUnwindSafe(|| parser.parse(prepared.text.as_bytes())))
        .map_err(|_| format!("{name}: the feed parser failed on this feed"))?;
    let feed = parsed.map_err(|e| match &prepared.error {
        Some(syntax) => syntax.clone(),
        None => format!("{name}: not an RSS or Atom feed: {e}"),
    })?;
    let dates = dates.lock().map(|d| d.clone()).unwrap_or_default();
    Ok(convert(feed, &dates, prepared.notes))
}

/// The text feed-rs gets, and what preparing it found.
struct Prepared {
    text: String,
    /// The first syntax error, as `name:line: message`.
    error: Option<String>,
    /// Notes for every item.
    notes: Vec<String>,
}

fn prepare(name: &str, text: &str) -> Prepared {
    let mut reader = Reader::from_str(text);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut notes = Vec::new();
    let mut root_seen = false;
    let error = loop {
        let start = position(&reader);
        match reader.read_event() {
            Ok(Event::Eof) => break None,
            Ok(Event::Decl(_)) => edits.push((start, position(&reader), String::new())),
            Ok(Event::Start(tag) | Event::Empty(tag)) if !root_seen => {
                root_seen = true;
                if let Some((tag, note)) = normalized_root(&tag) {
                    edits.push((start, position(&reader), tag));
                    notes.extend(note);
                }
            }
            Ok(_) => {}
            Err(e) => {
                let at = usize::try_from(reader.error_position())
                    .unwrap_or(0)
                    .min(text.len());
                let line = text.as_bytes()[..at]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                break Some(format!("{name}:{line}: {e}"));
            }
        }
    };
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (start, end, replacement) in edits {
        out.push_str(&text[from..start]);
        out.push_str(&replacement);
        from = end;
    }
    out.push_str(&text[from..]);
    Prepared {
        text: out,
        error,
        notes,
    }
}

fn position(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

/// The root start tag rewritten so that feed-rs reads it, when it must be, and why.
fn normalized_root(tag: &BytesStart) -> Option<(String, Option<String>)> {
    let local = tag.local_name();
    let attributes: Vec<(String, String)> = tag
        .attributes()
        .flatten()
        .map(|a| (a.key.as_ref().to_owned(), a.value.into_owned()))
        .collect();
    let value = |key: &str| {
        attributes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let (replace, with, note) = match local.as_ref() {
        "rss" => match value("version") {
            Some("2.0" | "0.91" | "0.92" | "") => return None,
            Some(v @ ("0.93" | "0.94")) => ("version", "2.0", format!("RSS {v} read as RSS 2.0")),
            Some(v) => (
                "version",
                "2.0",
                format!("unknown RSS version {v:?}, read as RSS 2.0"),
            ),
            None => (
                "version",
                "2.0",
                "no RSS version, read as RSS 2.0".to_owned(),
            ),
        },
        "RDF" if value("xmlns") == Some(RSS_090) => ("xmlns", RSS_10, String::new()),
        _ => return None,
    };
    let mut out = format!("<{} {replace}=\"{with}\"", tag.name().as_ref());
    for (key, value) in attributes.iter().filter(|(k, _)| k != replace) {
        let quote = if value.contains('"') { '\'' } else { '"' };
        out.push_str(&format!(" {key}={quote}{value}{quote}"));
    }
    out.push_str(if tag.ends_with('/') { "/>" } else { ">" });
    Some((out, (!note.is_empty()).then_some(note)))
}

fn convert(feed: model::Feed, dates: &[String], notes: Vec<String>) -> Feed {
    let raw_date = |d: Option<DateTime<Utc>>| {
        d.and_then(|d| usize::try_from(d.timestamp()).ok())
            .and_then(|i| dates.get(i).cloned())
    };
    let format = match feed.feed_type {
        FeedType::Atom => "Atom 1.0",
        FeedType::JSON => "JSON Feed",
        FeedType::RSS0 => "RSS 0.9x",
        FeedType::RSS1 => "RSS 1.0",
        FeedType::RSS2 => "RSS 2.0",
    };
    let atom = feed.feed_type == FeedType::Atom;
    let rss = !atom;
    let items = feed
        .entries
        .into_iter()
        .map(|entry| {
            let mut item = item(entry, &raw_date, rss);
            item.notes.extend(notes.iter().cloned());
            item
        })
        .collect();
    Feed {
        format,
        link: alternate(&feed.links).map(|l| l.href.clone()),
        date: raw_date(feed.updated.or(feed.published)),
        language: feed.language,
        items,
    }
}

fn item(
    entry: model::Entry,
    raw_date: &impl Fn(Option<DateTime<Utc>>) -> Option<String>,
    rss: bool,
) -> Item {
    let mut item = Item {
        id: Some(entry.id).filter(|id| !id.trim().is_empty()),
        title: entry.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
        link: alternate(&entry.links).map(|l| l.href.clone()),
        published: raw_date(entry.published),
        language: entry.language,
        base: entry.base,
        ..Item::default()
    };
    // feed-rs copies an RSS item's date to `updated`; Atom's `updated` stands for an entry
    // without `published`.
    item.updated = if entry.updated == entry.published {
        None
    } else {
        raw_date(entry.updated)
    };
    if !rss && item.published.is_none() {
        item.published = item.updated.take();
    }
    item.summary = entry
        .summary
        .map(|t| body_of(&t.content_type.to_string(), t.content));
    match entry.content {
        Some(model::Content {
            body: Some(body),
            content_type,
            src,
            ..
        }) => {
            item.body = Some(body_of(&content_type.to_string(), body));
            // `content:encoded` carries the xml:base in force as its `src`.
            if item.base.is_none() {
                item.base = src.map(|s| s.href);
            }
        }
        Some(model::Content { src: Some(src), .. }) => {
            item.notes.push(format!(
                "the content is not in the feed but at {}",
                src.href
            ));
        }
        _ => {}
    }
    // An RSS description is the item's body unless `content:encoded` gives one.
    if rss && item.body.is_none() {
        item.body = item.summary.take();
    }
    item.tags = entry
        .categories
        .into_iter()
        .map(|c| c.label.unwrap_or(c.term))
        .collect();
    item.authors = entry.authors.into_iter().filter_map(|p| p.name).collect();
    for link in entry
        .links
        .iter()
        .filter(|l| l.rel.as_deref() == Some("enclosure"))
    {
        item.attachments.push(Attachment {
            url: link.href.clone(),
            mime: link.media_type.clone(),
            size: link.length,
            title: link.title.clone(),
        });
    }
    for media in entry.media {
        if item.image.is_none() {
            item.image = media.thumbnails.first().map(|t| t.image.uri.clone());
        }
        for content in media.content {
            let Some(url) = content.url else { continue };
            if item.attachments.iter().all(|a| a.url != url.as_str()) {
                item.attachments.push(Attachment {
                    url: url.to_string(),
                    mime: content.content_type.map(|m| m.to_string()),
                    size: content.size,
                    title: media.title.as_ref().map(|t| t.content.clone()),
                });
            }
        }
    }
    item
}

/// The link to the item's (or feed's) page: no `rel`, or `alternate`.
fn alternate(links: &[model::Link]) -> Option<&model::Link> {
    links
        .iter()
        .find(|l| matches!(l.rel.as_deref(), None | Some("alternate")) && l.target.is_none())
}

fn text_of(text: &Text) -> String {
    match body_of(&text.content_type.to_string(), text.content.clone()) {
        Body::Html(html) => super::html::text_of(&html),
        Body::Text(text) => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// HTML (`text/html`, XHTML) or plain text, by media type.
fn body_of(media_type: &str, content: String) -> Body {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case("text/plain") {
        Body::Text(content)
    } else {
        Body::Html(content)
    }
}
