//! Markdown to sanitized HTML, and the summary the builder derives from it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

use super::source::{BodyFormat, SourceArticle};
use crate::contract::{Article, ArticleMeta, Author};
use crate::sanitize::{allowed_attributes, DROPPED, KEPT};
use crate::search::text::decode_entities;

/// How long a derived summary may be, in characters.
const SUMMARY_CHARS: usize = 120;

/// Renders Markdown (raw HTML in it included) to HTML, then sanitizes it with the same allowlist
/// the app applies in the browser.
pub fn render_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    html::push_html(&mut out, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    sanitizer().clean(&out).to_string()
}

/// Sanitizes an article body for a pre-rendered page with the same allowlist; relative URLs in it
/// are resolved against `base` (the API's path, e.g. `/news/api/`), as the app resolves them.
pub fn sanitize_body(body: &str, base: &str) -> String {
    BODY_BASE.with(|b| b.replace(base.to_owned()));
    body_sanitizer().clean(body).to_string()
}

thread_local! {
    static BODY_BASE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

fn body_sanitizer() -> &'static Builder<'static> {
    static SANITIZER: OnceLock<Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = allowlist();
        builder.url_relative(UrlRelative::Custom(Box::new(resolve_in_body)));
        builder
    })
}

/// A relative URL in a body, resolved against the page's [`BODY_BASE`].
fn resolve_in_body(url: &str) -> Option<std::borrow::Cow<'_, str>> {
    match url.as_bytes().first() {
        Some(b'/' | b'#') => Some(url.into()),
        _ => Some(BODY_BASE.with(|b| format!("{}{url}", b.borrow())).into()),
    }
}

fn sanitizer() -> &'static Builder<'static> {
    static SANITIZER: OnceLock<Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(allowlist)
}

/// The app's allowlist (`crate::sanitize`) as an ammonia builder.
fn allowlist() -> Builder<'static> {
    {
        let mut tag_attributes: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
        for tag in KEPT {
            let names = allowed_attributes(tag)
                .iter()
                .map(|(name, _)| *name)
                .filter(|n| *n != "title");
            tag_attributes.insert(tag, names.collect());
        }
        let dropped: HashSet<&'static str> = DROPPED.iter().copied().collect();
        let mut builder = Builder::empty();
        builder
            .tags(KEPT.iter().copied().collect())
            .clean_content_tags(dropped)
            .tag_attributes(tag_attributes)
            .generic_attributes(["title"].into_iter().collect())
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .url_relative(UrlRelative::PassThrough)
            .link_rel(Some("noopener noreferrer nofollow ugc"))
            .strip_comments(true);
        builder
    }
}

/// The text of the first paragraph, without markup, cut to [`SUMMARY_CHARS`] characters.
pub fn first_paragraph(markdown: &str) -> String {
    let mut text = String::new();
    let mut depth = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) => depth += 1,
            Event::End(TagEnd::Paragraph) if depth > 0 => {
                if !text.trim().is_empty() {
                    break;
                }
                depth -= 1;
            }
            Event::Text(t) | Event::Code(t) if depth > 0 => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth > 0 => text.push(' '),
            // A paragraph written as raw HTML (<p>…</p>) counts too: keep its text.
            Event::Html(h) | Event::InlineHtml(h) if text.is_empty() || depth > 0 => {
                let plain = strip_tags(&h);
                if !plain.trim().is_empty() {
                    text.push_str(&plain);
                    if depth == 0 && h.contains("</p>") {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    truncate(text.trim(), SUMMARY_CHARS)
}

/// `s` without anything between `<` and `>`, with the common entities decoded.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(&out)
}

/// The text of the first paragraph with text of (sanitized) HTML, or of all of it when it has
/// none, its spaces collapsed, cut to [`SUMMARY_CHARS`] characters.
fn first_html_paragraph(html: &str) -> String {
    let words = |s: &str| {
        strip_tags(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first = html.split("</p>").find_map(|part| {
        let start = part.rfind("<p>").or_else(|| part.rfind("<p "))?;
        Some(words(&part[start..])).filter(|t| !t.is_empty())
    });
    let text = first.unwrap_or_else(|| words(html));
    truncate(&text, SUMMARY_CHARS)
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s[..at].trim_end()),
        None => s.to_owned(),
    }
}

/// Renders every article, on all cores; the Markdown bodies are released once rendered.
pub fn render_all(articles: &mut [SourceArticle]) -> Vec<Article> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = articles
            .chunks_mut(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter_mut()
                        .map(|a| {
                            let article = to_article(a);
                            a.body = String::new();
                            article
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker only panics on a bug: re-raise it rather than lose articles.
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// An empty article, left behind where one has been moved out.
pub fn placeholder() -> Article {
    Article {
        id: String::new(),
        title: String::new(),
        date_published: String::new(),
        date_modified: None,
        content_html: None,
        content_text: None,
        summary: None,
        image: None,
        authors: Vec::new(),
        tags: Vec::new(),
        language: None,
        news: ArticleMeta {
            category: String::new(),
            views: None,
            source: None,
            related: Vec::new(),
            prev: None,
            next: None,
            disclosure: Default::default(),
        },
    }
}

fn to_article(a: &SourceArticle) -> Article {
    let html = match a.format {
        BodyFormat::Markdown => render_html(&a.body),
        BodyFormat::Html => sanitizer().clean(&a.body).to_string(),
    };
    let summary = a.summary.clone().unwrap_or_else(|| match a.format {
        BodyFormat::Markdown => first_paragraph(&a.body),
        BodyFormat::Html => first_html_paragraph(&html),
    });
    Article {
        id: a.id.clone(),
        title: a.title.clone(),
        date_published: a.date.clone(),
        date_modified: a.updated.clone(),
        content_html: Some(html),
        content_text: None,
        summary: (!summary.is_empty()).then_some(summary),
        image: a.image.clone(),
        authors: a
            .authors
            .iter()
            .map(|name| Author { name: name.clone() })
            .collect(),
        tags: a.tags.clone(),
        language: a.language.clone(),
        news: ArticleMeta {
            category: a.column.clone(),
            views: a.views,
            source: a.source.clone(),
            related: Vec::new(),
            prev: None,
            next: None,
            disclosure: a.disclosure.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown_and_sanitizes_it() {
        let html = render_html("## 小标题\n\n正文 **加粗** [链接](https://example.org/a)\n\n<script>alert(1)</script>\n\n<p onclick=\"x()\">段落</p>\n\n[坏链接](javascript:alert(1))\n\n![图](media/a.svg)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h2>小标题</h2>"), "{html}");
        assert!(html.contains("<strong>加粗</strong>"));
        assert!(html.contains("href=\"https://example.org/a\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow ugc\""));
        assert!(
            html.contains("<img src=\"media/a.svg\" alt=\"图\">"),
            "{html}"
        );
        assert!(html.contains("<table>") && html.contains("<td>1</td>"));
        for bad in ["<script", "alert(1)</", "onclick", "javascript:"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn derives_the_summary_from_the_first_paragraph() {
        assert_eq!(
            first_paragraph("## 标题\n\n第一段*强调*文字，\n续行。\n\n第二段。"),
            "第一段强调文字， 续行。"
        );
        assert_eq!(
            first_paragraph("<p>HTML 段落 &amp; 文字</p>\n<p>第二段</p>"),
            "HTML 段落 & 文字"
        );
        assert_eq!(first_paragraph(""), "");
        let long = "字".repeat(200);
        let summary = first_paragraph(&long);
        assert_eq!(summary.chars().count(), SUMMARY_CHARS + 1);
        assert!(summary.ends_with('…'));
    }
}
