//! RSS 0.9x, 1.0 and 2.0 and Atom 1.0, parsed by feed-rs, as [`Feed`]s.
//!
//! Before feed-rs sees the text, quick-xml walks it once ([`prepare`]).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use feed_rs::model::{self, FeedType, Text};
use prepare::prepare;
use url::Url;

use super::{Attachment, Body, Feed, Item};

mod prepare;

/// Parses the feed `name`, text already UTF-8; `url` is where it was fetched from.
pub fn parse(name: &str, text: &str, url: Option<&str>) -> Result<Feed, String> {
    let prepared = prepare(name, text);
    // feed-rs turns dates into instants in UTC, losing their offset and whether they had one:
    // its date parser hands back the position of the date's text in `dates` instead, as seconds
    // since 1970, and the text is read once the item is known (`Context::date`).
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
    let context = Context {
        dates: &dates,
        url: url.and_then(|u| Url::parse(u).ok()),
        rss: feed.feed_type != FeedType::Atom,
    };
    Ok(convert(feed, &context, prepared.notes, prepared.enclosures))
}

/// What every entry of a feed is read with.
struct Context<'a> {
    /// The text of every date, by the position feed-rs hands back.
    dates: &'a [String],
    /// The feed's URL: feed-rs makes it the `xml:base` of what sets none.
    url: Option<Url>,
    rss: bool,
}

impl Context<'_> {
    /// The text of a date feed-rs read.
    fn date(&self, date: Option<DateTime<Utc>>) -> Option<String> {
        let at = usize::try_from(date?.timestamp()).ok()?;
        self.dates.get(at).cloned()
    }
}

fn convert(
    feed: model::Feed,
    context: &Context,
    notes: Vec<String>,
    enclosures: Vec<Vec<Attachment>>,
) -> Feed {
    let format = match feed.feed_type {
        FeedType::Atom => "Atom 1.0",
        FeedType::JSON => "JSON Feed",
        FeedType::RSS0 => "RSS 0.9x",
        FeedType::RSS1 => "RSS 1.0",
        FeedType::RSS2 => "RSS 2.0",
    };
    let mut enclosures = enclosures.into_iter();
    let items = feed
        .entries
        .into_iter()
        .map(|entry| item(entry, enclosures.next().unwrap_or_default(), context))
        .collect();
    Feed {
        format,
        link: alternate(&feed.links).map(|l| l.href.clone()),
        date: context.date(feed.updated.or(feed.published)),
        language: feed.language,
        items,
        notes,
    }
}

/// An entry as an item, with the RSS enclosures read before feed-rs.
fn item(entry: model::Entry, enclosures: Vec<Attachment>, context: &Context) -> Item {
    let rss = context.rss;
    let mut item = Item {
        id: Some(entry.id).filter(|id| !id.trim().is_empty()),
        title: entry.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
        link: alternate(&entry.links).map(|l| l.href.clone()),
        published: context.date(entry.published),
        language: entry.language,
        base: entry.base,
        ..Item::default()
    };
    // feed-rs copies an RSS item's date to `updated`; Atom's `updated` stands for an entry
    // without `published`.
    item.updated = if entry.updated == entry.published {
        None
    } else {
        context.date(entry.updated)
    };
    if !rss && item.published.is_none() {
        item.published = item.updated.take();
    }
    item.summary = entry
        .summary
        .map(|t| body_of(t.content_type.as_ref(), t.content));
    match entry.content {
        Some(model::Content {
            body: Some(body),
            content_type,
            src,
            ..
        }) => {
            item.body = Some(body_of(content_type.as_ref(), body));
            // `content:encoded` carries the xml:base in force as its `src`: the feed's URL unless
            // the feed sets one, and then the item's link is the better base.
            if item.base.is_none() {
                let declared = src.filter(|s| Url::parse(&s.href).ok() != context.url);
                item.base = declared.map(|s| s.href);
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
    item.attachments = enclosures;
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
            let known = |a: &Attachment| Url::parse(&a.url).is_ok_and(|u| u == url);
            if !item.attachments.iter().any(known) {
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
    match body_of(text.content_type.as_ref(), text.content.clone()) {
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
