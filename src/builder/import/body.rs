//! An article's body from an item: its HTML with relative URLs made absolute, its text escaped
//! for Markdown, or (with no body) its summary and link; attachments listed after it.

use url::Url;

use super::html::{resolve_url, resolve_urls};
use super::{Attachment, Body, Item};

/// The body of `item`, with what was assumed noted, and whether it is HTML (else Markdown);
/// `link` is its resolved link.
pub fn body(
    item: &Item,
    link: Option<&str>,
    base: Option<&Url>,
    notes: &mut Vec<String>,
) -> (String, bool) {
    let html = matches!(
        item.body.as_ref().or(item.summary.as_ref()),
        Some(Body::Html(_))
    );
    if let Some(body) = &item.body {
        return (markdown(body, base, notes), html);
    }
    let mut kept = item
        .summary
        .as_ref()
        .map(|s| markdown(s, base, notes))
        .unwrap_or_default();
    if let Some(link) = link {
        let link = escape_html(link);
        kept.push_str(&format!("\n\n<p><a href=\"{link}\">{link}</a></p>"));
    }
    notes.push(
        match (&item.summary, link) {
            (None, None) => "no body, summary or link: the article is its title",
            (Some(_), Some(_)) => "no body: kept the summary and the link",
            (Some(_), None) => "no body: kept the summary",
            (None, Some(_)) => "no body: kept the link",
        }
        .to_owned(),
    );
    (kept, html)
}

fn markdown(body: &Body, base: Option<&Url>, notes: &mut Vec<String>) -> String {
    match body {
        Body::Html(html) => html_body(html, base, notes),
        Body::Text(text) => escape_markdown_text(text),
    }
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

/// Attachments as a list of links after the body (front matter has no field for them), headed
/// `附件`, or `Attachments` in an English feed.
pub fn attachments(list: &[&Attachment], base: Option<&Url>, language: Option<&str>) -> String {
    if list.is_empty() {
        return String::new();
    }
    let english = language.is_some_and(|l| l.to_ascii_lowercase().starts_with("en"));
    let heading = if english { "Attachments" } else { "附件" };
    let mut out = format!("\n\n<p>{heading}</p>\n<ul>\n");
    for a in list {
        let url = resolve_url(&a.url, base).unwrap_or_else(|| a.url.clone());
        let name = a.title.clone().unwrap_or_else(|| file_name(&url));
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

/// The last segment of a URL's path, or the URL.
fn file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    match path.trim_end_matches('/').rsplit('/').next() {
        Some(last) if !last.is_empty() => last.to_owned(),
        _ => url.to_owned(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachments_are_a_list_of_links() {
        let pdf = Attachment {
            url: "files/a b.pdf".into(),
            mime: Some("application/pdf".into()),
            size: Some(1_500_000),
            title: None,
        };
        let base = Url::parse("https://x.org/news/1.html").ok();
        let html = attachments(&[&pdf], base.as_ref(), Some("zh-CN"));
        assert_eq!(
            html,
            "\n\n<p>附件</p>\n<ul>\n<li><a href=\"https://x.org/news/files/a%20b.pdf\">a%20b.pdf</a> (application/pdf, 1.5 MB)</li>\n</ul>"
        );
        assert!(attachments(&[&pdf], None, Some("en-us")).contains("<p>Attachments</p>"));
        assert_eq!(attachments(&[], None, None), "");
    }

    #[test]
    fn sizes_and_names() {
        assert_eq!(
            [size(999), size(1_000), size(245_760), size(2_000_000)],
            ["999 B", "1 KB", "246 KB", "2.0 MB"]
        );
        assert_eq!(file_name("https://x.org/a/b.pdf?x=1"), "b.pdf");
        assert_eq!(file_name("https://x.org/"), "x.org");
    }
}
