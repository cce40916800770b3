//! One feed item as one article file: its id, base URL, body, title and dates by the lenient
//! rules (each deviation a warning naming the item), then TOML front matter and the body.

use url::Url;

use super::body::{attachments, body};
use super::html::resolve_url;
use super::ids::{derive_id, IdFrom};
use super::rules::{dates, distinct, summary_text, tags, title};
use super::{Feed, Item, Options, Source};

/// The first line of an imported file's front matter: a later import rewrites only files that
/// have it, so removing it keeps an article's edits.
pub const MARKER: &str = "# Imported by news-builder import: the next import replaces this file unless this line is removed.";

/// How the second line of an imported file's front matter starts: the feed the item came from
/// (where it was read, and the feed's own link). Another feed's item of the same id does not
/// replace the file, it gets an id of its own.
pub const ORIGIN: &str = "# Origin: ";

/// What every item of one feed shares.
pub struct FeedContext<'a> {
    pub name: &'a str,
    /// The feed's URL and its own link, or for a file its link (else its path), quoted: what
    /// [`ORIGIN`] records.
    pub origin: String,
    /// The feed's URL (or, read from a file, its own link): the last base for relative URLs.
    pub url: Option<Url>,
    /// The date of items without one, and whose it is.
    pub date: Option<(&'a str, &'static str)>,
    pub language: Option<&'a str>,
    pub options: &'a Options,
}

impl<'a> FeedContext<'a> {
    pub fn new(source: &'a Source, feed: &'a Feed, options: &'a Options) -> Self {
        let url = [source.url.as_deref(), feed.link.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|u| Url::parse(u).ok());
        let location = source.location.as_deref().unwrap_or(&source.name);
        let identity = feed.link.as_deref().unwrap_or_default();
        // A file is known by its feed's link when it has one: the same feed is often saved
        // under a new name each time.
        let origin = match source.url {
            None if !identity.is_empty() => format!("feed {identity:?}"),
            _ => format!("{location:?} feed {identity:?}"),
        };
        FeedContext {
            name: &source.name,
            origin,
            url,
            date: feed
                .date
                .as_deref()
                .map(|d| (d, "the feed's date"))
                .or_else(|| {
                    let modified = source.modified.as_deref();
                    modified.map(|d| (d, "the time the feed was last modified"))
                }),
            language: feed.language.as_deref(),
            options,
        }
    }
}

/// An item on its way to a file.
#[derive(Debug, Clone)]
pub struct Draft {
    pub id: String,
    /// What identifies the item in its feed (its id, link or content hash).
    pub key: String,
    /// The feed it came from, as [`FeedContext::origin`].
    pub origin: String,
    /// Whose date stands in for the item's, when it has none.
    pub stand_in: Option<&'static str>,
    /// `feed.xml: item 3 ("标题")`, for messages.
    pub at: String,
    pub front: toml::Table,
    pub body: String,
    pub warnings: Vec<String>,
}

impl Draft {
    pub fn set_id(&mut self, id: String) {
        self.front.insert("id".into(), id.clone().into());
        self.id = id;
    }
}

/// Item `n` (from 1) of a feed as a draft article; an error when it has no date to be found.
pub fn draft(feed: &FeedContext, n: usize, item: &Item) -> Result<Draft, String> {
    let label: String = item
        .title
        .as_deref()
        .unwrap_or("")
        .chars()
        .take(40)
        .collect();
    let at = format!("{}: item {n} ({label:?})", feed.name);
    let mut notes: Vec<String> = item.notes.clone();
    let link = item
        .link
        .as_deref()
        .map(|l| resolve_url(l, feed.url.as_ref()).unwrap_or_else(|| l.to_owned()));
    let base = base(feed, item, link.as_deref());
    let (mut body, html) = body(item, link.as_deref(), base.as_ref(), &mut notes);
    let title = title(item, &body, &mut notes).map_err(|e| format!("{at}: {e}"))?;
    let dates = dates(feed, item, &mut notes).map_err(|e| format!("{at}: {e}"))?;
    let (id, from) = derive_id(item.id.as_deref(), link.as_deref(), &title, &body);
    let key = match from {
        IdFrom::FeedId => item.id.clone().unwrap_or_default(),
        IdFrom::Link => {
            notes.push("no id, used the link".to_owned());
            link.clone().unwrap_or_default()
        }
        IdFrom::ContentHash => {
            notes.push("no id or link, used a hash of the title and body".to_owned());
            id.clone()
        }
    };
    // An image among the attachments is the article's image when the item names none.
    let image = item.image.clone().or_else(|| {
        let first = item
            .attachments
            .iter()
            .find(|a| a.mime.as_deref().is_some_and(|m| m.starts_with("image/")));
        first.map(|a| a.url.clone())
    });
    let listed: Vec<_> = item
        .attachments
        .iter()
        .filter(|a| Some(&a.url) != image.as_ref())
        .collect();
    body.push_str(&attachments(
        &listed,
        base.as_ref(),
        item.language.as_deref().or(feed.language),
    ));

    let mut front = toml::Table::new();
    let mut set = |key: &str, value: toml::Value| {
        front.insert(key.to_owned(), value);
    };
    let strings =
        |list: Vec<String>| toml::Value::Array(list.into_iter().map(Into::into).collect());
    set("id", id.clone().into());
    set("title", title.into());
    set("date", dates.date.into());
    if let Some(updated) = dates.updated {
        set("updated", updated.into());
    }
    let column = item.column.as_ref().unwrap_or(&feed.options.column);
    set("column", column.clone().into());
    let tags = tags(&item.tags, &mut notes);
    if !tags.is_empty() {
        set("tags", strings(tags));
    }
    let authors = distinct(item.authors.iter().map(|a| a.trim().to_owned()));
    if !authors.is_empty() {
        set("author", strings(authors));
    }
    if let Some(source) = &item.source {
        set("source", source.clone().into());
    }
    if let Some(views) = item.views {
        set("views", i64::try_from(views).unwrap_or(i64::MAX).into());
    }
    // Without a body the summary is the body already.
    let summary = item
        .summary
        .as_ref()
        .filter(|_| item.body.is_some())
        .map(summary_text);
    if let Some(summary) = summary.filter(|s| !s.is_empty()) {
        set("summary", summary.into());
    }
    if let Some(image) = image {
        let image = resolve_url(&image, base.as_ref()).unwrap_or(image);
        set("image", image.into());
    }
    if let Some(language) = &item.language {
        set("language", language.clone().into());
    }
    // HTML read as Markdown loses its indented lines to code blocks.
    if html {
        set("format", "html".into());
    }
    Ok(Draft {
        id,
        key,
        origin: feed.origin.clone(),
        stand_in: dates.stand_in,
        warnings: notes.iter().map(|n| format!("{at}: {n}")).collect(),
        at,
        front,
        body,
    })
}

/// The base of the item's relative URLs: its `xml:base`, else its link, else the feed's URL.
fn base(feed: &FeedContext, item: &Item, link: Option<&str>) -> Option<Url> {
    let link = link.and_then(|l| Url::parse(l).ok());
    let declared = item.base.as_deref().and_then(|b| {
        let against = link.as_ref().or(feed.url.as_ref());
        let resolved = resolve_url(b, against).unwrap_or_else(|| b.to_owned());
        Url::parse(&resolved).ok()
    });
    declared.or(link).or_else(|| feed.url.clone())
}

/// The file name and Markdown of a draft.
pub fn render(draft: &Draft) -> (String, String) {
    // A table of strings, numbers and arrays of strings always serializes.
    let front = toml::to_string(&draft.front).unwrap_or_default();
    let body = draft.body.trim();
    (
        format!("{}.md", draft.id),
        format!(
            "+++\n{MARKER}\n{ORIGIN}{}\n{front}+++\n{body}\n",
            draft.origin
        ),
    )
}
