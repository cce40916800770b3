//! Imported HTML as a browser tokenizes it (html5ever's tokenizer): relative URLs made absolute,
//! and the plain text of a title or summary. The markup is written back token by token, so its
//! structure stays exactly as the feed had it; nothing is sanitized here (the build does that,
//! and `news-builder check` still sees what the feed held).

use std::cell::{Cell, RefCell};

use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use url::Url;

use crate::search::text::BLOCK_TAGS;

/// Attributes that hold one URL.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "poster", "cite", "data", "longdesc"];

/// What resolving a body's URLs did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The body, written back when a URL in it changed; `None` when it is as it was.
    pub html: Option<String>,
    /// URLs made absolute.
    pub resolved: usize,
    /// Relative URLs left as they were, for want of a base.
    pub unresolved: usize,
}

/// Makes every relative URL in `html` absolute against `base` (a fragment `#x` stays as it is).
pub fn resolve_urls(html: &str, base: Option<&Url>) -> Resolved {
    // Most bodies have no URL at all: tokenize only those that might.
    let lower = html.to_ascii_lowercase();
    if !URL_ATTRIBUTES
        .iter()
        .chain(&["srcset"])
        .any(|a| lower.contains(&format!("{a}=")))
    {
        return Resolved::default();
    }
    let sink = tokenize(
        html,
        Sink {
            base: base.cloned(),
            ..Sink::default()
        },
    );
    let mut counts = sink.counts.take();
    if counts.resolved > 0 {
        counts.html = Some(sink.out.take());
    }
    counts
}

/// `url` resolved against `base` when it is relative.
pub fn resolve_url(url: &str, base: Option<&Url>) -> Option<String> {
    resolve(url, base, &mut Resolved::default())
}

/// The text of `html` without its markup, whitespace collapsed.
pub fn text_of(html: &str) -> String {
    let text = if html.contains(['<', '&']) {
        tokenize(
            html,
            Sink {
                text_only: true,
                ..Sink::default()
            },
        )
        .out
        .take()
    } else {
        html.to_owned()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tokenize(html: &str, sink: Sink) -> Sink {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    // The sink never asks the tokenizer to stop for a script.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink
}

/// Writes the tokens back (or, `text_only`, only their text), resolving URLs on the way.
#[derive(Default)]
struct Sink {
    base: Option<Url>,
    text_only: bool,
    out: RefCell<String>,
    counts: RefCell<Resolved>,
    /// Inside `<script>`, `<style>`… text is raw: written as it came, left out of the text.
    raw: Cell<Option<RawKind>>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut out = self.out.borrow_mut();
        match token {
            Token::TagToken(tag) => return self.tag(tag, &mut out),
            Token::CharacterTokens(text) => match self.raw.get() {
                _ if self.text_only && !matches!(self.raw.get(), None | Some(RawKind::Rcdata)) => {}
                Some(RawKind::Rawtext | RawKind::ScriptData | RawKind::ScriptDataEscaped(_)) => {
                    out.push_str(&text);
                }
                _ if self.text_only => out.push_str(&text),
                _ => escape(&text, false, &mut out),
            },
            Token::NullCharacterToken if !self.text_only => out.push('\0'),
            Token::CommentToken(text) if !self.text_only => {
                out.push_str(&format!("<!--{text}-->"));
            }
            Token::DoctypeToken(doctype) if !self.text_only => {
                let name = doctype.name.as_deref().unwrap_or("html");
                out.push_str(&format!("<!DOCTYPE {name}>"));
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl Sink {
    fn tag(&self, mut tag: Tag, out: &mut String) -> TokenSinkResult<()> {
        let name = &*tag.name;
        if tag.kind == TagKind::EndTag {
            self.raw.set(None);
        }
        if self.text_only {
            if BLOCK_TAGS.contains(&name) {
                out.push(' ');
            }
        } else if tag.kind == TagKind::EndTag {
            out.push_str(&format!("</{name}>"));
        } else {
            out.push('<');
            out.push_str(name);
            for attr in &mut tag.attrs {
                let attr_name = &*attr.name.local;
                let mut counts = self.counts.borrow_mut();
                let new = if attr_name == "srcset" {
                    resolve_srcset(&attr.value, self.base.as_ref(), &mut counts)
                } else if URL_ATTRIBUTES.contains(&attr_name) {
                    resolve(&attr.value, self.base.as_ref(), &mut counts)
                } else {
                    None
                };
                out.push(' ');
                out.push_str(attr_name);
                out.push_str("=\"");
                escape(new.as_deref().unwrap_or(&attr.value), true, out);
                out.push('"');
            }
            out.push_str(if tag.self_closing { " />" } else { ">" });
        }
        if tag.kind == TagKind::EndTag || tag.self_closing {
            return TokenSinkResult::Continue;
        }
        // What html5ever's tree builder tells its tokenizer after these start tags.
        let raw = match name {
            "script" => RawKind::ScriptData,
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => RawKind::Rawtext,
            "textarea" | "title" => RawKind::Rcdata,
            "plaintext" => {
                self.raw.set(Some(RawKind::Rawtext));
                return TokenSinkResult::Plaintext;
            }
            _ => return TokenSinkResult::Continue,
        };
        self.raw.set(Some(raw));
        TokenSinkResult::RawData(raw)
    }
}

fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' if attribute => out.push_str("&quot;"),
            '<' if !attribute => out.push_str("&lt;"),
            '>' if !attribute => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

fn resolve(value: &str, base: Option<&Url>, counts: &mut Resolved) -> Option<String> {
    let value = value.trim();
    if value.is_empty() || value.starts_with('#') {
        return None;
    }
    match Url::parse(value) {
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            match base.and_then(|b| b.join(value).ok()) {
                Some(url) => {
                    counts.resolved += 1;
                    Some(url.to_string())
                }
                None => {
                    counts.unresolved += 1;
                    None
                }
            }
        }
        _ => None,
    }
}

/// `a.jpg 1x, /b.jpg 2x` with each URL resolved.
fn resolve_srcset(value: &str, base: Option<&Url>, counts: &mut Resolved) -> Option<String> {
    let before = counts.resolved;
    let parts: Vec<String> = value
        .split(',')
        .map(|candidate| {
            let candidate = candidate.trim();
            let (url, descriptor) = candidate.split_once(' ').unwrap_or((candidate, ""));
            match resolve(url, base, counts) {
                Some(url) if descriptor.is_empty() => url,
                Some(url) => format!("{url} {}", descriptor.trim()),
                None => candidate.to_owned(),
            }
        })
        .collect();
    (counts.resolved > before).then(|| parts.join(", "))
}
