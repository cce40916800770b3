//! One Markdown file per article, with TOML (`+++`) or YAML (`---`) front matter.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::site::{line_of, string_table};
use super::Diagnostic;
use crate::contract::{is_valid_id, Disclosure};
use crate::dates::Timestamp;

/// An article as read from its file, checked except for its column (which needs the site).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceArticle {
    /// The file, as given on the command line, for diagnostics.
    pub file: String,
    /// The front matter line of the `column` key, for diagnostics.
    pub column_line: usize,
    /// The line of the `title` key and the body's first line, for diagnostics.
    pub title_line: usize,
    pub body_line: usize,
    pub id: String,
    pub title: String,
    pub date: String,
    pub updated: Option<String>,
    pub column: String,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub views: Option<u64>,
    pub summary: Option<String>,
    pub image: Option<String>,
    pub language: Option<String>,
    /// The 信息公开 fields, when the article is a public document.
    pub disclosure: Disclosure,
    /// The body (raw HTML in Markdown is allowed and sanitized).
    pub body: String,
    /// What the body is written in (`format` in the front matter).
    pub format: BodyFormat,
}

/// What an article's body is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BodyFormat {
    #[default]
    Markdown,
    /// HTML as it is (`format = "html"`): sanitized, never read as Markdown, whose indented
    /// lines would become code blocks.
    Html,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Option<String>,
    title: String,
    date: String,
    updated: Option<String>,
    column: String,
    #[serde(default)]
    tags: Vec<String>,
    author: Option<OneOrMany>,
    source: Option<String>,
    views: Option<u64>,
    summary: Option<String>,
    image: Option<String>,
    language: Option<String>,
    #[serde(default)]
    disclosure: BTreeMap<String, String>,
    format: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Parses one article file. `stem` (the file name without `.md`) is the id when the front matter
/// has none. Every problem found is returned, each with its line.
pub fn parse_article(file: &str, stem: &str, text: &str) -> Result<SourceArticle, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (fence, first_line_end) = match text.find('\n') {
        Some(end) => (text[..end].trim_end(), end + 1),
        None => (text.trim_end(), text.len()),
    };
    if fence != "+++" && fence != "---" {
        return Err(vec![Diagnostic::new(
            file,
            1,
            "expected front matter: a first line of +++ (TOML) or --- (YAML)",
        )]);
    }
    let rest = &text[first_line_end..];
    let Some((matter, body)) = split_at_fence(rest, fence) else {
        return Err(vec![Diagnostic::new(
            file,
            1,
            format!("front matter is not closed by a {fence} line"),
        )]);
    };
    let at = |line: usize| line + 1; // front matter line → file line
    let fm: FrontMatter = if fence == "+++" {
        toml::from_str(matter).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(matter, s.start));
            vec![Diagnostic::new(file, at(line), e.message())]
        })?
    } else {
        serde_yaml_ng::from_str(matter).map_err(|e| {
            let line = e.location().map_or(1, |l| l.line());
            vec![Diagnostic::new(file, at(line), e.to_string())]
        })?
    };
    let key_line = |key: &str| at(key_line(matter, key));

    let mut errors = Vec::new();
    let id = fm.id.clone().unwrap_or_else(|| stem.to_owned());
    if !is_valid_id(&id) {
        let line = if fm.id.is_some() { key_line("id") } else { 1 };
        errors.push(Diagnostic::new(
            file,
            line,
            format!("id {id:?} must match ^[A-Za-z0-9][A-Za-z0-9_-]{{0,127}}$"),
        ));
    }
    if fm.title.trim().is_empty() {
        errors.push(Diagnostic::new(file, key_line("title"), "title is empty"));
    }
    for (key, value) in [("date", Some(&fm.date)), ("updated", fm.updated.as_ref())] {
        if let Some(value) = value {
            if Timestamp::parse(value).is_none() {
                errors.push(Diagnostic::new(file, key_line(key), format!("{key} {value:?} is not RFC 3339 with an offset (2025-03-14T09:30:00+08:00)")));
            }
        }
    }
    let disclosure = string_table(&fm.disclosure, &Disclosure::FIELDS, "disclosure")
        .unwrap_or_else(|e| {
            errors.push(Diagnostic::new(file, key_line("disclosure"), e));
            Disclosure::default()
        });
    let format = match fm.format.as_deref() {
        None | Some("markdown") => BodyFormat::Markdown,
        Some("html") => BodyFormat::Html,
        Some(other) => {
            let message = format!("format {other:?} must be \"markdown\" or \"html\"");
            errors.push(Diagnostic::new(file, key_line("format"), message));
            BodyFormat::Markdown
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SourceArticle {
        file: file.to_owned(),
        column_line: key_line("column"),
        title_line: key_line("title"),
        body_line: text[..text.len() - body.len()].matches('\n').count() + 1,
        id,
        title: fm.title.trim().to_owned(),
        date: fm.date,
        updated: fm.updated,
        column: fm.column,
        tags: fm.tags,
        authors: match fm.author {
            None => Vec::new(),
            Some(OneOrMany::One(name)) => vec![name],
            Some(OneOrMany::Many(names)) => names,
        },
        source: fm.source,
        views: fm.views,
        summary: fm.summary,
        image: fm.image,
        language: fm.language,
        disclosure,
        body: body.to_owned(),
        format,
    })
}

/// Splits `text` at the first line that is exactly `fence`: (before, after).
fn split_at_fence<'a>(text: &'a str, fence: &str) -> Option<(&'a str, &'a str)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((&text[..offset], &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// The 1-based line where `key` is set in the front matter, or 1.
fn key_line(matter: &str, key: &str) -> usize {
    matter
        .lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(['=', ':']))
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOML_ARTICLE: &str = "+++\ntitle = \"标题\"\ndate = \"2025-03-14T09:30:00+08:00\"\ncolumn = \"notices\"\ntags = [\"餐饮\", \"学校食堂\"]\nauthor = \"李明\"\nviews = 12\n+++\n第一段。\n\n第二段。\n";

    #[test]
    fn parses_toml_front_matter_and_derives_the_id() {
        let a = parse_article("content/a.md", "2025-0314-a", TOML_ARTICLE).expect("valid");
        assert_eq!(a.id, "2025-0314-a");
        assert_eq!(a.title, "标题");
        assert_eq!(a.tags, ["餐饮", "学校食堂"]);
        assert_eq!(a.authors, ["李明"]);
        assert_eq!(a.views, Some(12));
        assert_eq!(a.column_line, 4);
        assert_eq!(a.body, "第一段。\n\n第二段。\n");
    }

    #[test]
    fn parses_yaml_front_matter() {
        let text = "---\nid: custom-id\ntitle: Title\ndate: 2025-03-14T09:30:00+08:00\ncolumn: science\nauthor: [A, B]\n---\nBody\n";
        let a = parse_article("b.md", "b", text).expect("valid yaml");
        assert_eq!(a.id, "custom-id");
        assert_eq!(a.authors, ["A", "B"]);
        assert_eq!(a.date, "2025-03-14T09:30:00+08:00");
    }

    #[test]
    fn reads_disclosure_fields_in_toml_and_yaml() {
        let toml = TOML_ARTICLE.replacen(
            "views = 12\n",
            "views = 12\n[disclosure]\ndocument_no = \"某发〔2025〕1号\"\nvalidity = \"有效\"\n",
            1,
        );
        let a = parse_article("a.md", "a", &toml).expect("valid");
        assert_eq!(a.disclosure.document_no.as_deref(), Some("某发〔2025〕1号"));
        assert_eq!(a.disclosure.validity.as_deref(), Some("有效"));
        let yaml = "---\ntitle: T\ndate: 2025-03-14T09:30:00+08:00\ncolumn: c\ndisclosure:\n  index_no: X-1\n  issuer: 某局\n---\nBody\n";
        let a = parse_article("b.md", "b", yaml).expect("valid yaml");
        assert_eq!(a.disclosure.index_no.as_deref(), Some("X-1"));
        assert!(parse_article("c.md", "c", TOML_ARTICLE)
            .expect("valid")
            .disclosure
            .is_empty());
        let typo = yaml.replace("issuer:", "isuer:");
        let error = first_error(&typo);
        assert!(
            error.starts_with("x.md:5: disclosure: unknown field `isuer`"),
            "{error}"
        );
    }

    fn first_error(text: &str) -> String {
        parse_article("x.md", "x", text).expect_err(text)[0].to_string()
    }

    #[test]
    fn every_problem_has_a_file_and_line() {
        assert_eq!(
            first_error("no front matter"),
            "x.md:1: expected front matter: a first line of +++ (TOML) or --- (YAML)"
        );
        assert!(first_error("+++\ntitle = \"t\"\n").contains("not closed"));
        let bad_date = TOML_ARTICLE.replace("2025-03-14T09:30:00+08:00", "2025-03-14");
        assert!(
            first_error(&bad_date).starts_with("x.md:3: date \"2025-03-14\""),
            "{}",
            first_error(&bad_date)
        );
        let bad_type = TOML_ARTICLE.replace("views = 12", "views = \"many\"");
        assert!(
            first_error(&bad_type).starts_with("x.md:7:"),
            "{}",
            first_error(&bad_type)
        );
        let unknown = TOML_ARTICLE.replace("views = 12", "viewz = 12");
        assert!(
            first_error(&unknown).starts_with("x.md:7:") && first_error(&unknown).contains("viewz")
        );
        let bad_format = TOML_ARTICLE.replace("views = 12", "format = \"rst\"");
        assert_eq!(
            first_error(&bad_format),
            "x.md:7: format \"rst\" must be \"markdown\" or \"html\""
        );
        let bad_id = TOML_ARTICLE.replace("+++\ntitle", "+++\nid = \"../etc\"\ntitle");
        assert!(
            first_error(&bad_id).starts_with("x.md:2: id \"../etc\""),
            "{}",
            first_error(&bad_id)
        );
        let yaml_bad = "---\ntitle: t\ndate: [1\n---\n";
        assert!(
            first_error(yaml_bad).starts_with("x.md:"),
            "{}",
            first_error(yaml_bad)
        );
    }
}
