//! The text of an article as search sees it, on both sides: the builder indexes it and the app
//! cuts snippets from it, so both must derive it the same way.

use crate::contract::Article;

/// The searchable body of `article`: its HTML as text, or its plain text.
pub fn article_text(article: &Article) -> String {
    match (&article.content_html, &article.content_text) {
        (Some(html), _) => plain_text(html),
        (None, Some(text)) => text.clone(),
        (None, None) => String::new(),
    }
}

/// Elements that end a line of text: their content does not run on into what follows (also
/// where the feed import separates words).
pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "blockquote",
    "pre",
    "tr",
    "td",
    "th",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "hr",
    "section",
    "article",
];

/// The text of sanitized HTML as a reader sees it: inline markup removed, a newline at each
/// block boundary, entities decoded, blank lines collapsed.
pub fn plain_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        raw.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if BLOCK_TAGS.contains(&name.as_str()) {
            raw.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    raw.push_str(rest);
    let decoded = decode_entities(&raw);
    decoded
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Decodes the entities an HTML serializer writes: the five named ones, `&nbsp;` and numeric.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| match &after[..e] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            num => num
                .strip_prefix("#x")
                .or_else(|| num.strip_prefix("#X"))
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| num.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_what_a_reader_sees() {
        let html = "<h2>标题</h2>\n<p><strong>食品</strong>安全 &amp; <em>HACCP</em></p>\n<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n<p>&#x51b7;&#38142; &amp;bogus; a&amp;b</p>";
        assert_eq!(
            plain_text(html),
            "标题\n食品安全 & HACCP\n一\n二\n冷链 &bogus; a&b"
        );
        assert_eq!(plain_text("<p>未闭合<"), "未闭合");
    }
}
