//! Phrase matching over postings: which documents contain every part of a query, title matches
//! first.

use super::chunk::DocPositions;
use super::query::{Phrase, Query, TermNeed};

/// One matching document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The document number (0 is the newest article).
    pub doc: u32,
    /// How many parts of the query its title contains.
    pub title_matches: u32,
    /// False when a phrase was matched by its tokens and trigrams without positions (they were
    /// too costly to load): the document is then checked against its text before it is shown.
    pub verified: bool,
}

/// The documents of one term, with its positions in them when they were loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermPostings {
    pub docs: Vec<DocPositions>,
    pub positions: bool,
}

/// The postings for each term a query needs; a prefix need holds the merged postings of every
/// term that starts with it. A query has few terms: a list is all it takes.
#[derive(Debug, Clone, Default)]
pub struct Postings(Vec<(TermNeed, TermPostings)>);

impl Postings {
    /// Sets the postings of `need`.
    pub fn insert(&mut self, need: TermNeed, postings: TermPostings) {
        match self.0.iter_mut().find(|(n, _)| *n == need) {
            Some(entry) => entry.1 = postings,
            None => self.0.push((need, postings)),
        }
    }

    /// The postings of `need`, if given.
    pub fn get(&self, need: &TermNeed) -> Option<&TermPostings> {
        self.0.iter().find(|(n, _)| n == need).map(|(_, p)| p)
    }
}

/// The documents that contain every part of `query`: most title matches first, then newest first.
pub fn evaluate(query: &Query, postings: &Postings) -> Vec<Hit> {
    let mut hits: Option<Vec<Hit>> = None;
    for phrase in &query.phrases {
        let found = phrase_hits(phrase, postings);
        hits = Some(match hits {
            None => found,
            Some(previous) => intersect(&previous, &found),
        });
    }
    let mut hits = hits.unwrap_or_default();
    // Documents are unique: an unstable sort gives the one order there is.
    hits.sort_unstable_by_key(|h| (std::cmp::Reverse(h.title_matches), h.doc));
    hits
}

/// Merges the postings of several terms (those sharing a prefix) into one list.
pub fn merge(lists: Vec<Vec<DocPositions>>) -> Vec<DocPositions> {
    let mut all: Vec<DocPositions> = lists.into_iter().flatten().collect();
    all.sort_unstable_by_key(|d| d.doc);
    let mut merged: Vec<DocPositions> = Vec::with_capacity(all.len());
    for entry in all {
        match merged.last_mut() {
            Some(last) if last.doc == entry.doc => {
                last.in_title |= entry.in_title;
                last.title.extend(entry.title);
                last.body.extend(entry.body);
            }
            _ => merged.push(entry),
        }
    }
    for d in &mut merged {
        d.title.sort_unstable();
        d.body.sort_unstable();
    }
    merged
}

fn phrase_hits(phrase: &Phrase, postings: &Postings) -> Vec<Hit> {
    let empty = TermPostings::default();
    let get = |need: TermNeed| postings.get(&need).unwrap_or(&empty);
    let tokens: Vec<(&TermPostings, u32)> = phrase
        .tokens
        .iter()
        .map(|t| (get(TermNeed::of(t)), t.offset))
        .collect();
    let trigrams: Vec<&TermPostings> = phrase
        .trigrams
        .iter()
        .map(|t| {
            get(TermNeed {
                text: t.clone(),
                prefix: false,
            })
        })
        .collect();
    let positional = !phrase.doc_lists_suffice && tokens.iter().all(|(t, _)| t.positions);
    let lists = tokens.iter().map(|(t, _)| t).chain(&trigrams);
    let Some(anchor) = lists.min_by_key(|t| t.docs.len()) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for entry in &anchor.docs {
        let entries: Option<Vec<(&DocPositions, u32)>> = tokens
            .iter()
            .map(|(list, offset)| find(list, entry.doc).map(|d| (d, *offset)))
            .collect();
        let grams: Option<Vec<&DocPositions>> =
            trigrams.iter().map(|list| find(list, entry.doc)).collect();
        let (Some(entries), Some(grams)) = (entries, grams) else {
            continue;
        };
        let all_in_title =
            entries.iter().all(|(d, _)| d.in_title) && grams.iter().all(|d| d.in_title);
        let (in_title, matched) = if positional {
            let in_title = contains(&entries, |d| &d.title);
            (in_title, in_title || contains(&entries, |d| &d.body))
        } else {
            (all_in_title, true)
        };
        if matched {
            hits.push(Hit {
                doc: entry.doc,
                title_matches: u32::from(in_title),
                verified: positional || phrase.doc_lists_suffice,
            });
        }
    }
    // In the anchor's document order: already sorted.
    hits
}

fn find(list: &TermPostings, doc: u32) -> Option<&DocPositions> {
    list.docs
        .binary_search_by_key(&doc, |d| d.doc)
        .ok()
        .map(|i| &list.docs[i])
}

/// Whether one field holds every token at consecutive positions from some start.
fn contains(entries: &[(&DocPositions, u32)], field: impl Fn(&DocPositions) -> &Vec<u32>) -> bool {
    let Some(&(anchor, anchor_offset)) = entries.iter().min_by_key(|(d, _)| field(d).len()) else {
        return false;
    };
    field(anchor).iter().any(|&p| {
        p.checked_sub(anchor_offset).is_some_and(|start| {
            entries.iter().all(|(d, offset)| {
                start
                    .checked_add(*offset)
                    .is_some_and(|p| field(d).binary_search(&p).is_ok())
            })
        })
    })
}

fn intersect(a: &[Hit], b: &[Hit]) -> Vec<Hit> {
    a.iter()
        .filter_map(|x| {
            b.binary_search_by_key(&x.doc, |h| h.doc).ok().map(|i| Hit {
                doc: x.doc,
                title_matches: x.title_matches + b[i].title_matches,
                verified: x.verified && b[i].verified,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
