//! The text feed-rs gets: quick-xml walks it once, and XML declarations go (the text is UTF-8
//! now, whatever they said; feed-rs would switch encodings on one and fail), an `<rss>` root
//! with a version feed-rs does not know (or none) is read as RSS 2.0, RSS 0.90's namespace
//! becomes RSS 1.0's, RSS enclosures are taken out to be read here, and a syntax error gets its
//! line.

use quick_xml::errors::{Error, IllFormedError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::super::Attachment;

const RSS_090: &str = "http://my.netscape.com/rdf/simple/0.9/";
const RSS_10: &str = "http://purl.org/rss/1.0/";

/// The text feed-rs gets, and what preparing it found.
pub struct Prepared {
    pub text: String,
    /// The first syntax error, as `name:line: message`.
    pub error: Option<String>,
    /// Warnings about the whole feed.
    pub notes: Vec<String>,
    /// The RSS enclosures of each `<item>`, in order. They are taken out of the text: feed-rs
    /// drops an item's enclosures when it also has MediaRSS content, and relative ones when the
    /// feed has no URL.
    pub enclosures: Vec<Vec<Attachment>>,
}

pub fn prepare(name: &str, text: &str) -> Prepared {
    let mut reader = Reader::from_str(text);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut notes = Vec::new();
    let mut enclosures: Vec<Vec<Attachment>> = Vec::new();
    let mut root_seen = false;
    let mut open_enclosure = None;
    let mut error = None;
    let (mut ampersands, mut bare_ampersands) = (0, None);
    loop {
        let start = position(&reader);
        let event = match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(event) => event,
            // quick-xml reads on after an error, and so does feed-rs: read on to find every
            // declaration, and keep the first error for when feed-rs fails too. A bare `&` (in
            // `AT&T`) is read as `&amp;`, as browsers read it.
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(0);
                let at = at.min(text.len());
                let line = text.as_bytes()[..at]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                let bare = matches!(e, Error::IllFormed(IllFormedError::UnclosedReference))
                    && text.as_bytes().get(at) == Some(&b'&');
                if bare && open_enclosure.is_none() {
                    edits.push((at, at + 1, "&amp;".to_owned()));
                    bare_ampersands.get_or_insert(line);
                    ampersands += 1;
                } else {
                    error.get_or_insert_with(|| format!("{name}:{line}: {e}"));
                }
                if position(&reader) <= start {
                    break;
                }
                continue;
            }
        };
        let end = position(&reader);
        match event {
            _ if open_enclosure.is_some() => {
                if matches!(&event, Event::End(tag) if tag.local_name().as_ref() == "enclosure") {
                    edits.extend(open_enclosure.take().map(|from| (from, end, String::new())));
                }
            }
            Event::Decl(_) => edits.push((start, end, String::new())),
            Event::Start(tag) | Event::Empty(tag) if !root_seen => {
                root_seen = true;
                if let Some((tag, note)) = normalized_root(&tag) {
                    edits.push((start, end, tag));
                    notes.extend(note);
                }
            }
            Event::Start(ref tag) | Event::Empty(ref tag) => match tag.name().as_ref() {
                "item" => enclosures.push(Vec::new()),
                "enclosure" if !enclosures.is_empty() => {
                    if let (Some(list), Some(found)) = (enclosures.last_mut(), enclosure(tag)) {
                        list.push(found);
                    }
                    if matches!(event, Event::Start(_)) {
                        open_enclosure = Some(start);
                    } else {
                        edits.push((start, end, String::new()));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    if let Some(line) = bare_ampersands {
        notes.push(format!(
            "{ampersands} bare & read as &amp; (the first on line {line})"
        ));
    }
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
        enclosures,
    }
}

/// An `<enclosure url length type>`; `None` without a URL.
fn enclosure(tag: &BytesStart) -> Option<Attachment> {
    let mut found = Attachment {
        url: String::new(),
        mime: None,
        size: None,
        title: None,
    };
    for attribute in tag.attributes().flatten() {
        // A value with a bare `&` (`a.pdf?x=1&y=2`) is read as it is, as feed-rs reads it.
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .unwrap_or_else(|_| attribute.value.clone())
            .trim()
            .to_owned();
        match attribute.key.as_ref() {
            "url" => found.url = value,
            "type" if !value.is_empty() => found.mime = Some(value),
            "length" => found.size = value.parse().ok().filter(|n| *n > 0),
            _ => {}
        }
    }
    (!found.url.is_empty()).then_some(found)
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
