use super::*;
use crate::tokenize::{for_each_token, Trigrams};

/// Postings for `query` computed straight from a tiny corpus of (title, body) pairs.
fn postings_for(query: &Query, docs: &[(&str, &str)]) -> Postings {
    let mut out = Postings::default();
    for (need, _) in query.needs() {
        let mut list = Vec::new();
        for (n, (title, body)) in docs.iter().enumerate() {
            let positions = |text: &str| {
                let mut found = Vec::new();
                let mut trigrams = Trigrams::default();
                for_each_token(text, |t, p, kind| {
                    let hit = if need.prefix {
                        t.starts_with(&need.text)
                    } else {
                        t == need.text
                    };
                    let trigram = trigrams.next(t, p, kind) == Some(need.text.as_str());
                    if hit || trigram {
                        found.push(p);
                    }
                });
                found
            };
            let title = positions(title);
            let entry = DocPositions {
                doc: n as u32,
                in_title: !title.is_empty(),
                title,
                body: positions(body),
            };
            if !entry.title.is_empty() || !entry.body.is_empty() {
                list.push(entry);
            }
        }
        out.insert(
            need,
            TermPostings {
                docs: list,
                positions: true,
            },
        );
    }
    out
}

fn search(q: &str, docs: &[(&str, &str)]) -> Vec<(u32, u32)> {
    let query = Query::parse(q);
    evaluate(&query, &postings_for(&query, docs))
        .into_iter()
        .map(|h| (h.doc, h.title_matches))
        .collect()
}

const DOCS: &[(&str, &str)] = &[
    ("每个/月/都", "每个人每月都来。"),
    ("抽检通报", "本市每个月都开展抽检，HACCP 体系认证企业。"),
    ("每个月都抽检", "冷链食品，安全。"),
    ("菜价", "食品安全是大事。Food safety first."),
];

#[test]
fn phrases_need_consecutive_tokens() {
    assert_eq!(search("每个月都", DOCS), [(2, 1), (1, 0)]);
    assert_eq!(search("食品安全", DOCS), [(3, 0)]);
    // Across a comma the runs are separate: only a query with the break matches.
    assert_eq!(search("食品，安全", DOCS), [(2, 0)]);
    assert_eq!(search("haccp体系", DOCS), [(1, 0)]);
}

#[test]
fn one_character_and_prefix_queries() {
    assert_eq!(search("菜", DOCS), [(3, 1)]);
    assert_eq!(search("月", DOCS), [(0, 1), (2, 1), (1, 0)]);
    assert_eq!(search("saf", DOCS), [(3, 0)]);
    assert_eq!(search("safety firs", DOCS), [(3, 0)]);
    assert!(search("afety", DOCS).is_empty());
}

#[test]
fn all_parts_must_match() {
    assert_eq!(search("冷链 安全", DOCS), [(2, 0)]);
    assert!(search("冷链 菜价", DOCS).is_empty());
    assert!(search("", DOCS).is_empty());
}

#[test]
fn merging_unions_positions() {
    let entry = |doc, title: Vec<u32>, body| DocPositions {
        doc,
        in_title: !title.is_empty(),
        title,
        body,
    };
    let a = vec![entry(1, vec![3], vec![])];
    let b = vec![entry(0, vec![], vec![2]), entry(1, vec![1], vec![5])];
    let m = merge(vec![a, b]);
    assert_eq!(m.len(), 2);
    assert_eq!(m[1].title, [1, 3]);
    assert!(m[1].in_title && !m[0].in_title);
}
