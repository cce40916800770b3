//! Turning what the reader typed into phrases of tokens to look up.

use crate::tokenize::{normalize, runs, Class};

/// How a query token must match an indexed term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The term itself.
    Exact,
    /// Any term that starts with it: the last word typed, or a lone last character.
    Prefix,
}

/// One term the query needs, and how it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermNeed {
    pub text: String,
    pub prefix: bool,
}

impl TermNeed {
    /// The need a phrase token stands for.
    pub fn of(token: &PhraseToken) -> TermNeed {
        TermNeed {
            text: token.text.clone(),
            prefix: token.matching == Match::Prefix,
        }
    }
}

/// One token of a phrase, at `offset` from the phrase's first token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseToken {
    pub text: String,
    pub matching: Match,
    pub offset: u32,
}

/// One white-space separated part of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Phrase {
    /// The tokens that must sit at consecutive positions.
    pub tokens: Vec<PhraseToken>,
    /// The trigrams of its CJK runs of three or more characters: a document lacking one cannot
    /// match, so their document lists narrow the search down before positions are needed.
    pub trigrams: Vec<String>,
    /// Whether document lists alone decide a match: one token, or one run of three CJK
    /// characters (its trigram).
    pub doc_lists_suffice: bool,
}

/// A parsed query: one phrase per white-space separated part; a document must contain all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub phrases: Vec<Phrase>,
}

/// The longest query looked at, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

impl Query {
    /// Parses `text`. Parts with nothing searchable in them (punctuation only) are dropped.
    pub fn parse(text: &str) -> Query {
        let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let normalized = normalize(&text);
        let phrases = normalized
            .split(char::is_whitespace)
            .map(phrase)
            .filter(|p| !p.tokens.is_empty())
            .collect();
        Query { phrases }
    }

    /// Whether there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every term the query needs, once each, in order of appearance, each with whether its positions would
    /// help (it is part of a phrase that document lists cannot decide) or its document list is
    /// enough.
    pub fn needs(&self) -> Vec<(TermNeed, bool)> {
        let mut needs: Vec<(TermNeed, bool)> = Vec::new();
        let mut add =
            |need: TermNeed, positions: bool| match needs.iter_mut().find(|(n, _)| *n == need) {
                Some(entry) => entry.1 |= positions,
                None => needs.push((need, positions)),
            };
        for p in &self.phrases {
            for t in &p.tokens {
                add(TermNeed::of(t), !p.doc_lists_suffice);
            }
            for t in &p.trigrams {
                let need = TermNeed {
                    text: t.clone(),
                    prefix: false,
                };
                add(need, false);
            }
        }
        needs
    }
}

/// The phrase of one part. Mirrors the indexer: a word is one token, every character of a CJK
/// run one token (the pair it starts, or itself at the run's end). The last run of the part may
/// end mid-word or mid-run in the text, so its last word or lone character matches by prefix, and
/// a run's last character is left out when the pair before it already implies it.
fn phrase(part: &str) -> Phrase {
    let runs = runs(part);
    let mut trigrams = Vec::new();
    for (class, run) in &runs {
        let chars: Vec<char> = run.chars().collect();
        if *class == Class::Cjk {
            trigrams.extend(chars.windows(3).map(|w| w.iter().collect::<String>()));
        }
    }
    let single_trigram = matches!(&runs[..], [(Class::Cjk, run)] if run.chars().count() == 3);
    let tokens = phrase_tokens(&runs);
    Phrase {
        doc_lists_suffice: tokens.len() == 1 || single_trigram,
        tokens,
        trigrams,
    }
}

fn phrase_tokens(runs: &[(Class, String)]) -> Vec<PhraseToken> {
    let mut tokens = Vec::new();
    let mut offset = 0;
    let mut push = |text: String, matching: Match| {
        tokens.push(PhraseToken {
            text,
            matching,
            offset,
        });
        offset += 1;
    };
    for (i, (class, run)) in runs.iter().enumerate() {
        let last_run = i + 1 == runs.len();
        let open_end = if last_run {
            Match::Prefix
        } else {
            Match::Exact
        };
        match class {
            Class::Word => push(run.clone(), open_end),
            Class::Cjk => {
                let chars: Vec<char> = run.chars().collect();
                for pair in chars.windows(2) {
                    push(pair.iter().collect(), Match::Exact);
                }
                match chars.last() {
                    Some(&c) if chars.len() == 1 => push(c.to_string(), open_end),
                    Some(&c) if !last_run => push(c.to_string(), Match::Exact),
                    _ => {}
                }
            }
            Class::Other => {}
        }
    }
    tokens
}

#[cfg(test)]
mod tests;
