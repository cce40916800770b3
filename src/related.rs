//! Related news computed in the browser when the article names none: shared tags first, then
//! recency, never the article itself.

use crate::contract::{Article, ArticleSummary};
use crate::dates::sort_key;

/// How many related articles to show.
pub const MAX_RELATED: usize = 5;

/// Ranks `candidates` for `article`: most shared tags first, then newest first, then by id so the
/// order is stable; the article itself and duplicates are left out; at most [`MAX_RELATED`].
pub fn rank_related(article: &Article, candidates: &[ArticleSummary]) -> Vec<ArticleSummary> {
    let shared = |c: &ArticleSummary| c.tags.iter().filter(|t| article.tags.contains(t)).count();
    let scored: Vec<Scored> = candidates
        .iter()
        .filter(|c| c.id != article.id)
        .map(|c| (shared(c), sort_key(&c.date_published), c))
        .collect();
    // The best one left, a few times over, rather than a sort: the candidates are one list page,
    // and the wasm then carries no sort. Of equals, the first in `candidates` is taken.
    let mut picked: Vec<&ArticleSummary> = Vec::new();
    while picked.len() < MAX_RELATED {
        let best = scored
            .iter()
            .filter(|(_, _, c)| !picked.iter().any(|p| p.id == c.id))
            .reduce(|best, next| if ranks_before(next, best) { next } else { best });
        let Some(&(_, _, c)) = best else { break };
        picked.push(c);
    }
    picked.into_iter().cloned().collect()
}

/// A candidate with its shared tags and its date's sort key.
type Scored<'a> = (usize, i64, &'a ArticleSummary);

/// Whether `a` ranks strictly before `b`.
fn ranks_before(a: &Scored, b: &Scored) -> bool {
    b.0.cmp(&a.0)
        .then(b.1.cmp(&a.1))
        .then_with(|| a.2.id.cmp(&b.2.id))
        .is_lt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{ArticleMeta, SummaryMeta};

    fn summary(id: &str, date: &str, tags: &[&str]) -> ArticleSummary {
        ArticleSummary {
            id: id.into(),
            title: id.into(),
            date_published: date.into(),
            content_text: String::new(),
            summary: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            image: None,
            news: SummaryMeta {
                category: "c".into(),
                views: None,
            },
        }
    }

    fn article(id: &str, tags: &[&str]) -> Article {
        Article {
            id: id.into(),
            title: id.into(),
            date_published: "2025-06-01T00:00:00+08:00".into(),
            date_modified: None,
            content_html: None,
            content_text: Some(String::new()),
            summary: None,
            image: None,
            authors: vec![],
            tags: tags.iter().map(|t| t.to_string()).collect(),
            language: None,
            news: ArticleMeta {
                category: "c".into(),
                views: None,
                source: None,
                related: vec![],
                prev: None,
                next: None,
                disclosure: Default::default(),
            },
        }
    }

    fn ids(v: &[ArticleSummary]) -> Vec<&str> {
        v.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn shared_tags_then_recency_never_itself() {
        let me = article("me", &["餐饮", "学校食堂"]);
        let candidates = [
            summary("me", "2026-01-01T00:00:00+08:00", &["餐饮", "学校食堂"]),
            summary(
                "old-two-tags",
                "2024-01-01T00:00:00+08:00",
                &["餐饮", "学校食堂"],
            ),
            summary("new-no-tags", "2026-01-01T00:00:00+08:00", &[]),
            summary("mid-one-tag", "2025-01-01T00:00:00+08:00", &["餐饮"]),
            summary(
                "new-one-tag",
                "2025-05-01T00:00:00+08:00",
                &["学校食堂", "冷链"],
            ),
            summary("bad-date", "yesterday", &["餐饮"]),
        ];
        let got = rank_related(&me, &candidates);
        assert_eq!(
            ids(&got),
            [
                "old-two-tags",
                "new-one-tag",
                "mid-one-tag",
                "bad-date",
                "new-no-tags"
            ]
        );
    }

    #[test]
    fn at_most_five_and_no_duplicates() {
        let me = article("me", &["t"]);
        let mut candidates: Vec<_> = (0..9)
            .map(|i| {
                summary(
                    &format!("a{i}"),
                    &format!("2025-01-0{}T00:00:00Z", i + 1),
                    &["t"],
                )
            })
            .collect();
        candidates.push(candidates[8].clone());
        let got = rank_related(&me, &candidates);
        assert_eq!(ids(&got), ["a8", "a7", "a6", "a5", "a4"]);
        assert!(rank_related(&me, &[]).is_empty());
    }

    #[test]
    fn offsets_are_compared_as_instants() {
        let me = article("me", &[]);
        let candidates = [
            summary("utc-later", "2025-01-01T01:00:00Z", &[]),
            summary("beijing-earlier", "2025-01-01T08:30:00+08:00", &[]),
        ];
        assert_eq!(
            ids(&rank_related(&me, &candidates)),
            ["utc-later", "beijing-earlier"]
        );
    }

    #[test]
    fn picks_what_a_full_sort_would_keep() {
        // Many ties and duplicate ids: the first of equals in `candidates` is the one kept, as a
        // stable sort by the same order followed by "first of each id" keeps it.
        let mut seed = 7_u32;
        let mut next = |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % n
        };
        for _ in 0..500 {
            let me = article("a0", &["x", "y"]);
            let candidates: Vec<_> = (0..next(12))
                .map(|i| {
                    let tags: &[&str] = [&["x"][..], &["x", "y"], &["z"], &[]][next(4) as usize];
                    let mut s = summary(
                        &format!("a{}", next(6)),
                        &format!("2025-01-0{}T00:00:00Z", 1 + next(3)),
                        tags,
                    );
                    s.title = format!("candidate {i}");
                    s
                })
                .collect();
            let mut sorted: Vec<_> = candidates.iter().filter(|c| c.id != me.id).collect();
            sorted.sort_by_key(|c| {
                let shared = c.tags.iter().filter(|t| me.tags.contains(t)).count();
                (
                    std::cmp::Reverse(shared),
                    std::cmp::Reverse(sort_key(&c.date_published)),
                    &c.id,
                )
            });
            let mut expected: Vec<&ArticleSummary> = Vec::new();
            for c in sorted {
                if expected.len() < MAX_RELATED && !expected.iter().any(|e| e.id == c.id) {
                    expected.push(c);
                }
            }
            let titles = |v: Vec<&ArticleSummary>| {
                v.into_iter().map(|c| c.title.clone()).collect::<Vec<_>>()
            };
            assert_eq!(
                titles(rank_related(&me, &candidates).iter().collect()),
                titles(expected),
                "{candidates:?}"
            );
        }
    }
}
