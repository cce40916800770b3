//! `news-builder check`: signs that content was tampered with. The page this project was modelled
//! on had a betting brand spliced into a government article; such insertions hide behind
//! invisible characters and hidden text, and link out. The sanitizer already drops hidden text,
//! but its presence in the source is the signal. Every finding is a warning, `file:line:
//! message`; `build` reports them too, and `--strict` makes them fail.

mod html;

use std::collections::HashSet;

use super::parallel::on_every_core;
use super::site::SiteConfig;
use super::source::SourceArticle;
use super::Diagnostic;

/// Every finding in `articles`, given the site's `[integrity]` settings and the files below
/// `media/` (as `media/…`), in file order.
pub fn check(
    site: &SiteConfig,
    articles: &[SourceArticle],
    media: &HashSet<String>,
) -> Vec<Diagnostic> {
    let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    on_every_core(articles, 1, |_, part| {
        part.iter()
            .flat_map(|article| check_article(site, article, &ids, media))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The findings in one article.
fn check_article(
    site: &SiteConfig,
    article: &SourceArticle,
    ids: &HashSet<&str>,
    media: &HashSet<String>,
) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let mut found = |line: usize, message: String| {
        findings.push(Diagnostic::new(&article.file, line, message));
    };
    // The line of the body where `needle` first appears (ASCII letters in any case).
    let body_line = |needle: &str| {
        let body = article.body.to_lowercase();
        let at = body.find(&needle.to_lowercase()).unwrap_or(0);
        article.body_line + body[..at].matches('\n').count()
    };
    for (what, text) in [("title", &article.title), ("body", &article.body)] {
        for c in invisible_characters(text) {
            let line = match what {
                "title" => article.title_line,
                _ => body_line(&c.to_string()),
            };
            found(
                line,
                format!("invisible character {} in the {what}", describe(c)),
            );
        }
        for term in blocked_terms(text, &site.integrity.blocked_terms) {
            let line = match what {
                "title" => article.title_line,
                _ => body_line(term),
            };
            found(line, format!("blocked term {term:?} in the {what}"));
        }
    }
    for attribute in html::attributes(&article.body, article.format) {
        let problems = attribute.problems(&site.integrity.allowed_hosts, ids, media);
        if problems.is_empty() {
            continue;
        }
        // An attribute without a value (`hidden`) is found by its name.
        let needle = match attribute.value.as_str() {
            "" => &attribute.name,
            value => value,
        };
        let line = body_line(needle);
        for message in problems {
            found(line, message);
        }
    }
    findings
}

/// Characters that are not seen but change what text says or how it reads: zero-width spaces
/// and joiners, direction marks and overrides, invisible operators, the soft hyphen.
fn invisible_characters(text: &str) -> Vec<char> {
    let mut found: Vec<char> = text.chars().filter(|c| is_invisible(*c)).collect();
    found.dedup();
    found
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `U+202E (right-to-left override)`.
fn describe(c: char) -> String {
    let name = match c {
        '\u{00AD}' => "soft hyphen",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "direction mark",
        '\u{202A}'..='\u{202E}' => "direction embedding or override",
        '\u{2066}'..='\u{2069}' => "direction isolate",
        '\u{FEFF}' => "zero-width no-break space",
        _ => "invisible formatting character",
    };
    format!("U+{:04X} ({name})", u32::from(c))
}

/// The terms of `blocked` that `text` contains (ASCII letters in any case).
fn blocked_terms<'a>(text: &str, blocked: &'a [String]) -> Vec<&'a str> {
    if blocked.is_empty() {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    blocked
        .iter()
        .filter(|term| !term.is_empty() && lower.contains(&term.to_lowercase()))
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests;
