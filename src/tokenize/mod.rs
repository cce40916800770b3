//! The tokenizer shared by the content builder and the in-browser search: identical at index and
//! query time, so no word segmenter can disagree with itself.
//!
//! Text is normalized ([`fold`]: NFKC for the compatibility characters of [`nfkc_table`], then
//! lower-cased). Latin letters and digits form words; every character of a Han, kana or Hangul
//! run starts one token: the bigram it forms with the next character, or, for the last character
//! of the run, the character alone. Positions count tokens, so a phrase is a run of consecutive
//! positions and every occurrence of a single character is found by prefix.

mod nfkc_table;

use std::sync::OnceLock;

/// What a token stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A Latin/digit word.
    Word,
    /// Two characters of a CJK run.
    Pair,
    /// The last character of a CJK run of two or more.
    Tail,
    /// A CJK run of one character.
    Single,
}

/// One token and its position (the index of the token in the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub position: u32,
    pub kind: Kind,
}

/// A character class: what a run of characters is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Word,
    Cjk,
    Other,
}

/// Calls `out` with the normalized form of `c`: its NFKC form where the table has one, each
/// character lower-cased.
pub fn fold(c: char, out: &mut impl FnMut(char)) {
    // Most of a Chinese text: unified ideographs need neither table.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        out(c);
        return;
    }
    match compatibility(c) {
        Some(mapped) => mapped.chars().for_each(|m| out(lower(m))),
        None => out(lower(c)),
    }
}

/// Lower case for the alphabets a Chinese news site quotes: Latin (ASCII, Latin-1, Latin
/// Extended-A), Greek and Cyrillic. Unicode's full case tables would cost the app 6 KB of wasm
/// for scripts it never meets; other letters are left as they are, on both sides alike.
pub fn lower(c: char) -> char {
    let cp = c as u32;
    let shifted = match cp {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            cp + 32
        }
        0x400..=0x40F => cp + 80,
        // Latin Extended-A pairs capitals and small letters on even/odd code points, with the
        // exceptions of İ, ĸ, ŉ and the odd-based runs Ĺ–Ň and Ź–Ž.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if cp.is_multiple_of(2) => cp + 1,
        0x139..=0x148 | 0x179..=0x17E if !cp.is_multiple_of(2) => cp + 1,
        0x178 => 0xFF,
        _ => cp,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// `text` normalized as [`fold`] does it.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text.chars().for_each(|c| fold(c, &mut |f| out.push(f)));
    out
}

fn compatibility(c: char) -> Option<&'static str> {
    let cp = c as u32;
    if cp < 0xA0
        || !nfkc_table::RANGES
            .iter()
            .any(|&(a, b)| (a..=b).contains(&cp))
    {
        return None;
    }
    // The table is in code point order: parsed once, then searched.
    static MAP: OnceLock<Vec<(char, &'static str)>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        nfkc_table::TABLE
            .split_terminator('\u{1}')
            .filter_map(|entry| {
                let mut chars = entry.chars();
                let source = chars.next()?;
                Some((source, chars.as_str()))
            })
            .collect()
    });
    map.binary_search_by_key(&c, |e| e.0).ok().map(|i| map[i].1)
}

/// The class of an already folded character.
pub fn class(c: char) -> Class {
    let cp = c as u32;
    let cjk = matches!(cp,
        0x3040..=0x30FF      // hiragana, katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FA1F  // CJK extensions B–F, compatibility supplement
    );
    if cjk {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Other
    }
}

/// The runs of `text` after folding: maximal sequences of word or CJK characters, in order.
pub fn runs(text: &str) -> Vec<(Class, String)> {
    let mut runs: Vec<(Class, String)> = Vec::new();
    let mut current = Class::Other;
    for c in text.chars() {
        fold(c, &mut |f| {
            let cls = class(f);
            if cls == Class::Other {
                current = Class::Other;
                return;
            }
            match runs.last_mut() {
                Some((last, run)) if *last == cls && current == cls => run.push(f),
                _ => runs.push((cls, f.to_string())),
            }
            current = cls;
        });
    }
    runs
}

/// Where a token came from in the original text: byte offsets of its start, of the end of its
/// first character, and of its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub first_end: usize,
    pub end: usize,
}

/// Calls `each` with every token of `text`: its text, position and kind. Allocates no string
/// per token, for the builder's sake.
pub fn for_each_token(text: &str, mut each: impl FnMut(&str, u32, Kind)) {
    for_each_token_span(text, |t, position, kind, _| each(t, position, kind));
}

/// Like [`for_each_token`], also giving each token's [`Span`] in `text`.
pub fn for_each_token_span(text: &str, mut each: impl FnMut(&str, u32, Kind, Span)) {
    let mut position = 0;
    // Folded characters of the current run, each with the byte range of the character it came from.
    let mut run: Vec<(char, usize, usize)> = Vec::new();
    let mut run_class = Class::Other;
    let mut word = String::new();
    let mut flush = |run: &mut Vec<(char, usize, usize)>, cls: Class, position: &mut u32| {
        match (cls, run.first(), run.last()) {
            (Class::Word, Some(first), Some(last)) => {
                word.clear();
                word.extend(run.iter().map(|r| r.0));
                let span = Span {
                    start: first.1,
                    first_end: first.2,
                    end: last.2,
                };
                each(&word, *position, Kind::Word, span);
                *position += 1;
            }
            (Class::Cjk, Some(_), Some(_)) => {
                let mut buf = [0u8; 8];
                for (i, &(c, start, first_end)) in run.iter().enumerate() {
                    let n = c.encode_utf8(&mut buf).len();
                    let (len, kind, end) = match run.get(i + 1) {
                        Some(&(next, _, end)) => {
                            (n + next.encode_utf8(&mut buf[n..]).len(), Kind::Pair, end)
                        }
                        None if run.len() == 1 => (n, Kind::Single, first_end),
                        None => (n, Kind::Tail, first_end),
                    };
                    let span = Span {
                        start,
                        first_end,
                        end,
                    };
                    // Built from whole chars: always UTF-8.
                    each(
                        std::str::from_utf8(&buf[..len]).unwrap_or_default(),
                        *position,
                        kind,
                        span,
                    );
                    *position += 1;
                }
            }
            _ => {}
        }
        run.clear();
    };
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        fold(c, &mut |f| {
            let cls = class(f);
            if cls != run_class || cls == Class::Other {
                flush(&mut run, run_class, &mut position);
                run_class = cls;
            }
            if cls != Class::Other {
                run.push((f, at, end));
            }
        });
    }
    flush(&mut run, run_class, &mut position);
}

/// Derives trigrams from a token stream: two pairs at consecutive positions cover three
/// characters of one run. Feed it every token of a text in order.
#[derive(Debug, Default)]
pub struct Trigrams {
    previous: Option<(u32, char)>,
    current: String,
}

impl Trigrams {
    /// The trigram that ends with this token, if any.
    pub fn next(&mut self, term: &str, position: u32, kind: Kind) -> Option<&str> {
        if kind != Kind::Pair {
            self.previous = None;
            return None;
        }
        let mut chars = term.chars();
        let (first, second) = (chars.next()?, chars.next()?);
        let found = matches!(self.previous, Some((p, _)) if p + 1 == position);
        if let (true, Some((_, c))) = (found, self.previous) {
            self.current.clear();
            self.current.extend([c, first, second]);
        }
        self.previous = Some((position, first));
        found.then_some(self.current.as_str())
    }
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(text, |t, position, kind| {
        tokens.push(Token {
            text: t.to_owned(),
            position,
            kind,
        })
    });
    tokens
}

/// The terms for text similarity: words, bigrams and one-character runs (the tail unigrams that
/// search needs would only repeat the bigrams' characters).
pub fn terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for_each_token(text, |t, _, kind| {
        if kind != Kind::Tail {
            terms.push(t.to_owned());
        }
    });
    terms
}

#[cfg(test)]
mod tests;
