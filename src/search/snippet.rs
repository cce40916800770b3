//! Snippets: the part of a text around the first match of a query, with every match marked.

use std::ops::Range;

use super::query::{Match, PhraseToken, Query};
use crate::tokenize::{for_each_token_span, Kind, Span};

/// A piece of a snippet; `marked` pieces are what the query matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// How many characters a snippet shows around its first match.
pub const SNIPPET_CHARS: usize = 90;

/// The byte ranges of `text` that the query's phrases match, in order, not overlapping.
pub fn match_ranges(text: &str, query: &Query) -> Vec<Range<usize>> {
    let mut tokens: Vec<(String, Kind, Span)> = Vec::new();
    for_each_token_span(text, |t, _, kind, span| {
        tokens.push((t.to_owned(), kind, span))
    });
    // Matches come in the order of their first token, so they need no sorting to be merged.
    let ranges = (0..tokens.len()).flat_map(|start| {
        let tokens = &tokens;
        query
            .phrases
            .iter()
            .filter_map(move |phrase| match_at(tokens, start, &phrase.tokens))
    });
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn match_at(
    tokens: &[(String, Kind, Span)],
    start: usize,
    phrase: &[PhraseToken],
) -> Option<Range<usize>> {
    let mut end = 0;
    for q in phrase {
        let (text, kind, span) = tokens.get(start + q.offset as usize)?;
        let matched = match q.matching {
            Match::Exact => text == &q.text,
            Match::Prefix => text.starts_with(&q.text),
        };
        if !matched {
            return None;
        }
        // A lone character matched by prefix covers only that character of a pair.
        end = if q.matching == Match::Prefix && *kind == Kind::Pair && q.text.chars().count() == 1 {
            span.first_end
        } else {
            span.end
        };
    }
    let first = tokens.get(start)?;
    Some(first.2.start..end)
}

/// Whether every part of `query` occurs in `title` or in `text`: how a result that was matched
/// without positions is confirmed before it is shown.
pub fn confirms(query: &Query, title: &str, text: &str) -> bool {
    query.phrases.iter().all(|phrase| {
        let single = Query {
            phrases: vec![phrase.clone()],
        };
        !match_ranges(title, &single).is_empty() || !match_ranges(text, &single).is_empty()
    })
}

/// `text` cut to about [`SNIPPET_CHARS`] characters around its first match (its start when
/// nothing matches), split into marked and unmarked pieces.
pub fn snippet(text: &str, query: &Query) -> Vec<Piece> {
    let ranges = match_ranges(text, query);
    let first = ranges.first().map_or(0, |r| r.start);
    let before = SNIPPET_CHARS / 4;
    let start = text[..first]
        .char_indices()
        .rev()
        .nth(before.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    let mut pieces = Vec::new();
    if start > 0 {
        pieces.push(plain("…"));
    }
    pieces.extend(pieces_between(text, start..end, &ranges));
    if end < text.len() {
        pieces.push(plain("…"));
    }
    pieces
}

/// All of `text`, with its matches marked (for titles).
pub fn highlight(text: &str, query: &Query) -> Vec<Piece> {
    pieces_between(text, 0..text.len(), &match_ranges(text, query))
}

fn pieces_between(text: &str, window: Range<usize>, ranges: &[Range<usize>]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = window.start;
    for r in ranges {
        let (s, e) = (r.start.max(window.start), r.end.min(window.end));
        if s >= e {
            continue;
        }
        if s > at {
            pieces.push(plain(&text[at..s]));
        }
        pieces.push(Piece {
            text: text[s..e].to_owned(),
            marked: true,
        });
        at = e;
    }
    if at < window.end {
        pieces.push(plain(&text[at..window.end]));
    }
    pieces
}

fn plain(text: &str) -> Piece {
    Piece {
        text: text.to_owned(),
        marked: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, q: &str) -> Vec<String> {
        highlight(text, &Query::parse(q))
            .into_iter()
            .filter(|p| p.marked)
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn marks_the_original_text() {
        assert_eq!(
            marked("本市ＨＡＣＣＰ 体系认证", "haccp体系"),
            ["ＨＡＣＣＰ 体系"]
        );
        assert_eq!(marked("菜价与菜篮子", "菜"), ["菜", "菜"]);
        assert_eq!(marked("每个月都抽检", "月都 抽检"), ["月都抽检"]);
        assert_eq!(marked("Food safety", "saf"), ["safety"]);
        assert!(marked("食品", "冷链").is_empty());
    }

    #[test]
    fn confirms_every_part_in_title_or_text() {
        let q = Query::parse("冷链 食品安全");
        assert!(confirms(&q, "冷链运输", "保障食品安全。"));
        assert!(!confirms(&q, "冷链运输", "食品的安全。"));
    }

    #[test]
    fn cuts_around_the_first_match() {
        let text = format!("{}冷链{}", "前".repeat(200), "后".repeat(200));
        let pieces = snippet(&text, &Query::parse("冷链"));
        assert_eq!(pieces.first().map(|p| p.text.as_str()), Some("…"));
        assert_eq!(pieces.last().map(|p| p.text.as_str()), Some("…"));
        let shown: usize = pieces.iter().map(|p| p.text.chars().count()).sum();
        assert_eq!(shown, SNIPPET_CHARS + 2);
        assert!(pieces.iter().any(|p| p.marked && p.text == "冷链"));
        let short = snippet("短文", &Query::parse("冷链"));
        assert_eq!(short, [plain("短文")]);
    }
}
