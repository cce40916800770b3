//! `news-builder import`: the feeds a CMS already publishes (RSS 0.9x, 1.0 and 2.0, Atom 1.0,
//! JSON Feed 1.0 and 1.1, a WordPress `wp/v2/posts` export), in any encoding, from a file or a
//! URL, as Markdown articles with TOML front matter: one file per item, named by its id.
//!
//! Real feeds bend their formats; the import reads what they mean and says what it assumed:
//! every deviation is a warning naming the item (`feed.xml: item 3 ("标题"): no id, used the
//! link`). Bodies are kept as HTML, relative URLs in them made absolute; the build sanitizes them.

mod body;
mod clashes;
pub mod cli;
mod dates;
mod encoding;
mod html;
mod ids;
mod json_feed;
mod markdown;
mod rules;
mod source;
mod wordpress;
pub mod write;
mod xml;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use chrono::FixedOffset;

use super::parallel::on_every_core;
pub use dates::parse_offset;
use markdown::Draft;
pub use source::{read_source, Source};

/// One item of a feed, whatever its format, as the feed gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    pub id: Option<String>,
    /// Plain text.
    pub title: Option<String>,
    pub link: Option<String>,
    /// Dates as the feed writes them.
    pub published: Option<String>,
    pub updated: Option<String>,
    pub body: Option<Body>,
    pub summary: Option<Body>,
    /// The `xml:base` in force for the body, if the feed sets one.
    pub base: Option<String>,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub image: Option<String>,
    pub language: Option<String>,
    pub attachments: Vec<Attachment>,
    /// Our JSON Feed extension (`_news`): the column, views and source.
    pub column: Option<String>,
    pub views: Option<u64>,
    pub source: Option<String>,
    /// What reading the item had to assume, as warnings.
    pub notes: Vec<String>,
}

/// A body or summary: HTML, or plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Html(String),
    Text(String),
}

/// A file attached to an item (an RSS enclosure, a JSON Feed attachment, a media object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub url: String,
    pub mime: Option<String>,
    pub size: Option<u64>,
    pub title: Option<String>,
}

/// A feed, whatever its format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feed {
    /// `RSS 2.0`, `Atom 1.0`, `JSON Feed 1.1`…
    pub format: &'static str,
    /// The feed's own link (its site), the last base for relative URLs.
    pub link: Option<String>,
    /// The feed's date, for items that have none.
    pub date: Option<String>,
    pub language: Option<String>,
    pub items: Vec<Item>,
    /// What reading the whole feed had to assume, as warnings.
    pub notes: Vec<String>,
}

/// The offset of dates written without one, unless `--timezone` names another: China's.
pub const DEFAULT_TIMEZONE: &str = "+08:00";

/// How to import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The column of items that do not name one.
    pub column: String,
    /// The offset of dates written without one.
    pub timezone: FixedOffset,
    /// The folder the files go into: what earlier imports left there decides clashing ids and
    /// the dates of undated items. `None` imports as into an empty folder.
    pub out: Option<PathBuf>,
}

/// What an import made: files to write, and what it noticed.
#[derive(Debug, Default)]
pub struct Import {
    /// `(file name, Markdown)`, in the order of the sources and their items.
    pub files: Vec<(String, String)>,
    pub warnings: Vec<String>,
    /// One line per source: its format, encoding and item count.
    pub summaries: Vec<String>,
}

/// Reads a source's feed: decodes it, detects its format, parses it.
pub fn parse_source(source: &Source) -> Result<(Feed, String, Vec<String>), String> {
    let decoded = encoding::decode(&source.name, &source.bytes, source.charset.as_deref());
    let text = decoded.text.trim_start_matches('\u{feff}');
    let feed = match text.trim_start().as_bytes().first() {
        Some(b'<') => xml::parse(&source.name, text, source.url.as_deref())?,
        Some(b'{') => json_feed::parse(&source.name, text)?,
        Some(b'[') => wordpress::parse(&source.name, text)?,
        _ => {
            return Err(format!(
                "{}:1: not a feed: RSS and Atom start with <, JSON Feed with {{, a WordPress export with [",
                source.name
            ))
        }
    };
    Ok((feed, decoded.encoding.to_owned(), decoded.warnings))
}

/// Imports every source: each item becomes one article. Errors name the source and the item;
/// with any error nothing is returned.
pub fn import(sources: &[Source], options: &Options) -> Result<Import, Vec<String>> {
    let mut out = Import::default();
    let mut errors = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    for source in sources {
        let (feed, encoding, warnings) = match parse_source(source) {
            Ok(parsed) => parsed,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        out.warnings.extend(warnings);
        let notes = feed.notes.iter().map(|n| format!("{}: {n}", source.name));
        out.warnings.extend(notes);
        out.summaries.push(format!(
            "{}: {}, {encoding}, {} items",
            source.name,
            feed.format,
            feed.items.len()
        ));
        let context = markdown::FeedContext::new(source, &feed, options);
        let made = on_every_core(&feed.items, 64, |start, items| {
            items
                .iter()
                .enumerate()
                .map(|(i, item)| markdown::draft(&context, start + i + 1, item))
                .collect::<Vec<_>>()
        });
        for result in made.into_iter().flatten() {
            match result {
                Ok(draft) => drafts.push(draft),
                Err(e) => errors.push(e),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut id_warnings = Vec::new();
    let mut folder = clashes::Folder::new(options.out.as_deref());
    let mut drafts = clashes::settle(drafts, &mut folder, &mut id_warnings);
    clashes::keep_dates(&mut drafts, &mut folder);
    for draft in &drafts {
        out.warnings.extend(draft.warnings.iter().cloned());
    }
    out.warnings.extend(id_warnings);
    out.files = drafts.iter().map(markdown::render).collect();
    Ok(out)
}
