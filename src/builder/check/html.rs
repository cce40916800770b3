//! The attributes of an article's HTML, as a browser parses them (html5ever, through ammonia),
//! and what they reveal: hidden text, links out of the site, links to articles or media that do
//! not exist.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::OnceLock;

use ammonia::{Builder, Url, UrlRelative};
use pulldown_cmark::{html, Options, Parser};

use crate::builder::source::BodyFormat;

/// One attribute of one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub tag: String,
    pub name: String,
    pub value: String,
}

thread_local! {
    static SEEN: RefCell<Vec<Attribute>> = const { RefCell::new(Vec::new()) };
}

/// Elements whose attributes are looked at: everything an article body may plausibly hold.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "figcaption",
    "figure",
    "font",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "label",
    "li",
    "main",
    "mark",
    "marquee",
    "nav",
    "object",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
];

/// Every attribute of the HTML that `body` is, or renders to when it is Markdown (raw HTML in it
/// included).
pub fn attributes(body: &str, format: BodyFormat) -> Vec<Attribute> {
    // Plain text has none: most articles are parsed no further.
    if !body.contains('<') && !body.contains("](") && !body.contains("]:") {
        return Vec::new();
    }
    let mut rendered = String::new();
    let rendered = match format {
        BodyFormat::Html => body,
        BodyFormat::Markdown => {
            html::push_html(&mut rendered, Parser::new_ext(body, Options::ENABLE_TABLES));
            rendered.as_str()
        }
    };
    SEEN.with(|s| s.borrow_mut().clear());
    let _ = inspector().clean(rendered);
    SEEN.with(|s| std::mem::take(&mut *s.borrow_mut()))
}

/// A cleaner that keeps every attribute of [`ELEMENTS`] and records each one into [`SEEN`].
fn inspector() -> &'static Builder<'static> {
    static INSPECTOR: OnceLock<Builder<'static>> = OnceLock::new();
    INSPECTOR.get_or_init(|| {
        let mut builder = Builder::empty();
        builder
            .tags(ELEMENTS.iter().copied().collect())
            .generic_attribute_prefixes([""].into_iter().collect())
            .url_schemes(["http", "https", "mailto", "ftp"].into_iter().collect())
            .url_relative(UrlRelative::PassThrough)
            .link_rel(None)
            .attribute_filter(record);
        builder
    })
}

fn record<'a>(tag: &str, name: &str, value: &'a str) -> Option<Cow<'a, str>> {
    SEEN.with(|s| {
        s.borrow_mut().push(Attribute {
            tag: tag.to_owned(),
            name: name.to_owned(),
            value: value.to_owned(),
        });
    });
    Some(Cow::Borrowed(value))
}

impl Attribute {
    /// What is wrong with this attribute: hidden text, a host outside `allowed_hosts` (when
    /// there are any), an article not in `ids`, a `media/` file not in `media`.
    pub fn problems(
        &self,
        allowed_hosts: &[String],
        ids: &HashSet<&str>,
        media: &HashSet<String>,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        match self.name.as_str() {
            "style" => problems.extend(
                hidden_by_style(&self.value)
                    .map(|why| format!("hidden text: <{}> with style {why}", self.tag)),
            ),
            "hidden" => problems.push(format!(
                "hidden text: <{}> with the hidden attribute",
                self.tag
            )),
            "href" | "src" => problems.extend(link_problem(&self.value, allowed_hosts, ids, media)),
            _ => {}
        }
        problems
    }
}

/// The declaration of an inline style that hides its text, quoted: `display: none`,
/// `font-size: 0`, an off-screen position, a colour like the background…
fn hidden_by_style(style: &str) -> Option<String> {
    let declarations: Vec<(String, String)> = style
        .split(';')
        .filter_map(|d| {
            let (property, value) = d.split_once(':')?;
            let value = value.trim().trim_end_matches("!important").trim();
            Some((
                property.trim().to_ascii_lowercase(),
                value.to_ascii_lowercase(),
            ))
        })
        .collect();
    for (property, value) in &declarations {
        let hides = match property.as_str() {
            "display" => value == "none",
            "visibility" => value == "hidden" || value == "collapse",
            "opacity" | "font-size" | "max-height" | "max-width" => is_zero(value),
            "left" | "top" | "right" | "bottom" | "text-indent" | "margin-left" | "margin-top" => {
                is_far_off(value)
            }
            _ => false,
        };
        if hides {
            return Some(format!("\"{property}: {value}\""));
        }
    }
    let value_of = |name: &str| declarations.iter().find(|(p, _)| p == name).map(|(_, v)| v);
    let color = value_of("color")?;
    let background = value_of("background-color").or_else(|| value_of("background"))?;
    (color == background).then(|| format!("\"color: {color}\" on the same background"))
}

/// `0`, `0px`, `0.0em`, `0%`.
fn is_zero(value: &str) -> bool {
    let number = value.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    number.parse::<f64>().is_ok_and(|n| n == 0.0)
}

/// A negative offset that puts text off any screen: 999px and beyond, or 99em/rem/vw/% and beyond.
fn is_far_off(value: &str) -> bool {
    let Some(magnitude) = value.strip_prefix('-') else {
        return false;
    };
    let unit_at = magnitude
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(magnitude.len());
    let Ok(n) = magnitude[..unit_at].parse::<f64>() else {
        return false;
    };
    match &magnitude[unit_at..] {
        "" | "px" | "pt" => n >= 999.0,
        _ => n >= 99.0,
    }
}

/// A link to a host outside `allowed_hosts`, to an unknown article, or to a missing media file.
fn link_problem(
    value: &str,
    allowed_hosts: &[String],
    ids: &HashSet<&str>,
    media: &HashSet<String>,
) -> Option<String> {
    let value = value.trim();
    if let Ok(url) = Url::parse(value) {
        let host = url.host_str()?;
        let allowed = allowed_hosts.is_empty()
            || allowed_hosts
                .iter()
                .any(|h| host == h || host.ends_with(&format!(".{h}")));
        return (!allowed).then(|| format!("link to {host}, outside [integrity] allowed_hosts"));
    }
    let path = value.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.split('/');
    while let Some(segment) = segments.next() {
        if segment == "articles" {
            let id = segments.next().unwrap_or_default();
            let id = id.strip_suffix(".json").unwrap_or(id);
            return (!id.is_empty() && !ids.contains(id))
                .then(|| format!("link to an unknown article {id:?}"));
        }
    }
    (path.starts_with("media/") && !media.contains(path))
        .then(|| format!("missing media file {path}"))
}
