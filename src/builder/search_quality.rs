//! The labelled query set (`tests/search/queries.toml`) against the sample site: recall,
//! precision and ranking, measured and printed.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::search_files::search_files;
use crate::contract::{decode, Article};
use crate::search::index::POSITIONS_BUDGET;
use crate::search::text::article_text;
use crate::tokenize::{class, normalize, Class};

#[derive(Deserialize)]
struct QuerySet {
    query: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    q: String,
    lang: String,
    shape: String,
    expect: Vec<String>,
}

/// The reference matcher, written without the index: text and query are normalized, every run of
/// separators and every change between Latin and CJK becomes one space, and a part matches where
/// it is a substring, starting at a word boundary when it starts with a letter or digit.
fn canonical(text: &str) -> String {
    let mut out = String::new();
    let mut last = Class::Other;
    for c in normalize(text).chars() {
        let cls = class(c);
        match cls {
            Class::Other => {}
            _ if last != cls && !out.is_empty() && !out.ends_with(' ') => {
                out.push(' ');
                out.push(c);
            }
            _ => out.push(c),
        }
        if cls == Class::Other && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        last = cls;
    }
    out.trim_end().to_owned()
}

fn part_in(part: &str, text: &str) -> bool {
    let starts_with_word = part.chars().next().is_some_and(|c| class(c) == Class::Word);
    text.match_indices(part).any(|(at, _)| {
        !starts_with_word
            || text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| class(c) != Class::Word)
    })
}

/// Whether every part of `query` is in one of `fields` (a part may be in the title, the next
/// in the body).
fn contains_in(fields: &[&str], query: &str) -> bool {
    let fields: Vec<String> = fields.iter().map(|f| canonical(f)).collect();
    let parts: Vec<String> = normalize(query)
        .split(char::is_whitespace)
        .map(canonical)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty() && parts.iter().all(|p| fields.iter().any(|f| part_in(p, f)))
}

fn contains(text: &str, query: &str) -> bool {
    contains_in(&[text], query)
}

#[test]
fn the_reference_matcher() {
    assert!(contains("本市每个月都抽检", "每个月都"));
    assert!(!contains("每个人每月都", "每个月都"));
    assert!(contains("通过 ＨＡＣＣＰ 体系认证", "HACCP体系"));
    assert!(!contains("食品，安全", "食品安全"));
    assert!(contains("Food safety", "saf"));
    assert!(!contains("unsafe", "safe"));
    assert!(contains("冷链运输，食品追溯", "冷链 追溯"));
    assert!(contains_in(&["冷链运输", "食品追溯"], "冷链 追溯"));
    assert!(!contains_in(&["冷链", "运输"], "冷链运输"));
}

#[test]
fn labelled_queries_recall_precision_and_ranking() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set: QuerySet = toml::from_str(
        &std::fs::read_to_string(root.join("tests/search/queries.toml")).expect("queries.toml"),
    )
    .expect("queries.toml parses");
    let files: HashMap<String, Vec<u8>> = super::build_from_dir(&root.join("content"))
        .expect("the sample site builds")
        .into_iter()
        .collect();
    let articles: Vec<Article> = files
        .iter()
        .filter(|(path, _)| path.starts_with("articles/"))
        .map(|(_, bytes)| decode(std::str::from_utf8(bytes).unwrap_or_default()).expect("article"))
        .collect();
    let read = |path: &str| {
        files
            .get(path)
            .cloned()
            .ok_or_else(|| format!("{path}: missing"))
    };

    let count = |lang: &str| set.query.iter().filter(|q| q.lang == lang).count();
    assert!(
        count("zh") >= 60 && count("en") >= 10,
        "zh {} en {}",
        count("zh"),
        count("en")
    );
    let (mut expected_total, mut found_total, mut true_found) = (0, 0, 0);
    let mut problems = Vec::new();
    for labelled in &set.query {
        let mut truth: Vec<&str> = articles
            .iter()
            .filter(|a| contains_in(&[&a.title, &article_text(a)], &labelled.q))
            .map(|a| a.id.as_str())
            .collect();
        truth.sort_unstable();
        let mut labels: Vec<&str> = labelled.expect.iter().map(String::as_str).collect();
        labels.sort_unstable();
        if labels != truth {
            problems.push(format!(
                "{:?} ({}): labelled {labels:?}, the text has {truth:?}",
                labelled.q, labelled.shape
            ));
        }
        let result = search_files(read, &labelled.q, POSITIONS_BUDGET).expect("search runs");
        let found: Vec<&str> = result.found.iter().map(|f| f.id.as_str()).collect();
        // Without any positions (as when they are too costly to load) the text confirms the
        // candidates: the same results.
        let unpositioned = search_files(read, &labelled.q, 0).expect("search runs");
        if unpositioned.found != result.found {
            problems.push(format!(
                "{:?}: different results without positions",
                labelled.q
            ));
        }
        expected_total += labels.len();
        found_total += found.len();
        true_found += found.iter().filter(|id| labels.contains(id)).count();
        for missing in labels.iter().filter(|id| !found.contains(id)) {
            problems.push(format!(
                "{:?} ({}): missed {missing}",
                labelled.q, labelled.shape
            ));
        }
        for extra in found.iter().filter(|id| !labels.contains(id)) {
            problems.push(format!(
                "{:?} ({}): wrongly found {extra}",
                labelled.q, labelled.shape
            ));
        }
        // Title matches first: once a result's title lacks the query, no later title has it.
        let in_title: Vec<bool> = result
            .found
            .iter()
            .map(|f| contains(&f.title, &labelled.q))
            .collect();
        if in_title.windows(2).any(|w| !w[0] && w[1]) {
            problems.push(format!(
                "{:?}: a title match ranked below a body match",
                labelled.q
            ));
        }
    }
    let recall = true_found as f64 / expected_total.max(1) as f64;
    let precision = true_found as f64 / found_total.max(1) as f64;
    println!(
        "search quality: {} queries ({} zh, {} en), {expected_total} expected results, recall {:.1}%, precision {:.1}%",
        set.query.len(),
        count("zh"),
        count("en"),
        recall * 100.0,
        precision * 100.0
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(recall == 1.0 && precision >= 0.95);
}
