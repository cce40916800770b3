//! One feed item as one article file: the lenient rules (ids, dates, tags, titles, bodies and
//! their URLs), each deviation a warning naming the item, then TOML front matter and the body.

use url::Url;

use super::dates::parse_date;
use super::html::{resolve_url, resolve_urls, text_of};
use super::ids::{derive_id, IdFrom};
use super::{Attachment, Body, Feed, Item, Options, Source};

/// The first line of an imported file's front matter: a later import rewrites only files that
/// have it, so removing it keeps an article's edits.
pub const MARKER: &str = "# Imported by news-builder import: the next import replaces this file unless this line is removed.";

/// What every item of one feed shares.
pub struct FeedContext<'a> {
    pub index: usize,
    pub name: &'a str,
    /// The feed's URL (or, read from a file, its own link): the last base for relative URLs.
    pub url: Option<Url>,
    pub date: Option<&'a str>,
    pub language: Option<&'a str>,
    pub options: &'a Options,
}

impl<'a> FeedContext<'a> {
    pub fn new(index: usize, source: &'a Source, feed: &'a Feed, options: &'a Options) -> Self {
        let url = [source.url.as_deref(), feed.link.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|u| Url::parse(u).ok());
        FeedContext {
            index,
            name: &source.name,
            url,
            date: feed.date.as_deref(),
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
    pub source: usize,
    pub source_name: String,
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
    let link_url = link.as_deref().and_then(|l| Url::parse(l).ok());
    let base = item
        .base
        .as_deref()
        .and_then(|b| {
            resolve_url(b, link_url.as_ref().or(feed.url.as_ref())).or_else(|| Some(b.to_owned()))
        })
        .and_then(|b| Url::parse(&b).ok())
        .or(link_url)
        .or_else(|| feed.url.clone());

    let attachments_html = attachments(
        &item.attachments,
        base.as_ref(),
        item.language.as_deref().or(feed.language),
    );
    let mut body = match &item.body {
        Some(Body::Html(html)) => html_body(html, base.as_ref(), &mut notes),
        Some(Body::Text(text)) => escape_markdown_text(text),
        None => {
            let mut kept = match &item.summary {
                Some(Body::Html(html)) => html_body(html, base.as_ref(), &mut notes),
                Some(Body::Text(text)) => escape_markdown_text(text),
                None => String::new(),
            };
            if let Some(link) = &link {
                let link = escape_html(link);
                kept.push_str(&format!("\n\n<p><a href=\"{link}\">{link}</a></p>"));
            }
            notes.push(match (&item.summary, &link) {
                (None, None) => "no body, summary or link: the article is its title".to_owned(),
                (Some(_), Some(_)) => "no body: kept the summary and the link".to_owned(),
                (Some(_), None) => "no body: kept the summary".to_owned(),
                (None, Some(_)) => "no body: kept the link".to_owned(),
            });
            kept
        }
    };
    let body_text = || text_of(&body);
    let title = match item
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(title) => title.to_owned(),
        None => {
            let text = body_text();
            if text.is_empty() {
                return Err(format!("{at}: no title, and no text to make one of"));
            }
            notes.push("no title, used the start of the text".to_owned());
            let mut title: String = text.chars().take(30).collect();
            if text.chars().count() > 30 {
                title.push('…');
            }
            title
        }
    };
    let date = date(feed, item, &mut notes).map_err(|e| format!("{at}: {e}"))?;
    let (id, from) = derive_id(item.id.as_deref(), link.as_deref(), &title, &body);
    match from {
        IdFrom::FeedId => {}
        IdFrom::Link => notes.push("no id, used the link".to_owned()),
        IdFrom::ContentHash => {
            notes.push("no id or link, used a hash of the title and body".to_owned())
        }
    }
    let key = match from {
        IdFrom::FeedId => item.id.clone().unwrap_or_default(),
        IdFrom::Link => link.clone().unwrap_or_default(),
        IdFrom::ContentHash => id.clone(),
    };
    body.push_str(&attachments_html);

    let mut front = toml::Table::new();
    let mut set = |key: &str, value: toml::Value| {
        front.insert(key.to_owned(), value);
    };
    set("id", id.clone().into());
    set("title", title.into());
    set("date", date.0.into());
    if let Some(updated) = date.1 {
        set("updated", updated.into());
    }
    set(
        "column",
        item.column
            .clone()
            .unwrap_or_else(|| feed.options.column.clone())
            .into(),
    );
    let tags = tags(&item.tags, &mut notes);
    if !tags.is_empty() {
        set(
            "tags",
            toml::Value::Array(tags.into_iter().map(Into::into).collect()),
        );
    }
    let authors = distinct(item.authors.iter().map(|a| a.trim().to_owned()));
    if !authors.is_empty() {
        set(
            "author",
            toml::Value::Array(authors.into_iter().map(Into::into).collect()),
        );
    }
    if let Some(v) = &item.source {
        set("source", v.clone().into());
    }
    if let Some(v) = item.views {
        set(
            "views",
            toml::Value::Integer(i64::try_from(v).unwrap_or(i64::MAX)),
        );
    }
    if item.body.is_some() {
        if let Some(summary) = item
            .summary
            .as_ref()
            .map(summary_text)
            .filter(|s| !s.is_empty())
        {
            set("summary", summary.into());
        }
    }
    if let Some(image) = &item.image {
        let image = resolve_url(image, base.as_ref()).unwrap_or_else(|| image.clone());
        set("image", image.into());
    }
    if let Some(language) = &item.language {
        set("language", language.clone().into());
    }
    Ok(Draft {
        id,
        key,
        source: feed.index,
        source_name: feed.name.to_owned(),
        warnings: notes.iter().map(|n| format!("{at}: {n}")).collect(),
        at,
        front,
        body,
    })
}

/// The file name and Markdown of a draft.
pub fn render(draft: &Draft) -> (String, String) {
    // A table of strings, numbers and arrays of strings always serializes.
    let front = toml::to_string(&draft.front).unwrap_or_default();
    let body = draft.body.trim();
    (
        format!("{}.md", draft.id),
        format!("+++\n{MARKER}\n{front}+++\n{body}\n"),
    )
}

/// The date and updated date, RFC 3339: the published date, else the updated one, else the
/// feed's, each assumption noted.
fn date(
    feed: &FeedContext,
    item: &Item,
    notes: &mut Vec<String>,
) -> Result<(String, Option<String>), String> {
    let zone = feed.options.timezone;
    let read = |key: &str, text: &str, notes: &mut Vec<String>| {
        match parse_date(text, zone) {
        Some(d) => {
            if let Some(note) = d.note {
                notes.push(format!("{key} {text:?}: {note}"));
            }
            Ok(d.rfc3339)
        }
        None => Err(format!(
            "{key} {text:?} is not a date this import reads (RFC 3339, RFC 2822, 2018-09-18 14:38:10, 2018/9/18, 2018年9月18日)"
        )),
    }
    };
    let updated = match item.updated.as_deref() {
        Some(text) => match read("updated", text, notes) {
            Ok(d) => Some(d),
            Err(e) => {
                notes.push(format!("{e}: left out"));
                None
            }
        },
        None => None,
    };
    let date = match (item.published.as_deref(), &updated, feed.date) {
        (Some(text), _, _) => read("date", text, notes)?,
        (None, Some(updated), _) => {
            notes.push("no date, used the updated date".to_owned());
            updated.clone()
        }
        (None, None, Some(text)) => {
            let date = read("the feed's date", text, notes)?;
            notes.push("no date, used the feed's".to_owned());
            date
        }
        (None, None, None) => return Err("no date, and the feed has none either".to_owned()),
    };
    let updated = updated.filter(|u| *u != date);
    Ok((date, updated))
}

/// An HTML body with its relative URLs made absolute (noted), or left with a note.
fn html_body(html: &str, base: Option<&Url>, notes: &mut Vec<String>) -> String {
    let resolved = resolve_urls(html, base);
    if resolved.resolved > 0 {
        let base = base.map(Url::as_str).unwrap_or_default();
        notes.push(format!(
            "{} relative URL(s) in the body resolved against {base}",
            resolved.resolved
        ));
    }
    if resolved.unresolved > 0 {
        notes.push(format!(
            "{} relative URL(s) in the body left as they are: no base URL (import from the feed's URL)",
            resolved.unresolved
        ));
    }
    resolved.html.unwrap_or_else(|| html.to_owned())
}

/// Tags trimmed, those given as one comma-separated string split (noted), repeats dropped.
fn tags(tags: &[String], notes: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for tag in tags {
        if tag.contains([',', '，']) {
            notes.push(format!("tag {tag:?} split at its commas"));
            out.extend(tag.split([',', '，']).map(|t| t.trim().to_owned()));
        } else {
            out.push(tag.trim().to_owned());
        }
    }
    distinct(out.into_iter())
}

fn distinct(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.filter(|i| !i.is_empty()) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn summary_text(summary: &Body) -> String {
    match summary {
        Body::Html(html) => text_of(html),
        Body::Text(text) => text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Attachments as a list of links after the body (front matter has no field for them).
fn attachments(list: &[Attachment], base: Option<&Url>, language: Option<&str>) -> String {
    if list.is_empty() {
        return String::new();
    }
    let english = language.is_some_and(|l| l.to_ascii_lowercase().starts_with("en"));
    let mut out = format!(
        "\n\n<p>{}</p>\n<ul>\n",
        if english { "Attachments" } else { "附件" }
    );
    for a in list {
        let url = resolve_url(&a.url, base).unwrap_or_else(|| a.url.clone());
        let name = a.title.clone().unwrap_or_else(|| {
            let path = url.split(['?', '#']).next().unwrap_or_default();
            let last = path
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default();
            if last.is_empty() {
                url.clone()
            } else {
                last.to_owned()
            }
        });
        let about: Vec<String> = a.mime.iter().cloned().chain(a.size.map(size)).collect();
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" ({})", about.join(", "))
        };
        out.push_str(&format!(
            "<li><a href=\"{}\">{}</a>{}</li>\n",
            escape_html(&url),
            escape_html(&name),
            escape_html(&about)
        ));
    }
    out.push_str("</ul>");
    out
}

fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Plain text as Markdown: paragraphs kept, characters Markdown would read as markup escaped.
pub fn escape_markdown_text(text: &str) -> String {
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
