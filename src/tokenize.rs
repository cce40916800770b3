//! The tokenizer shared by the content builder and (later) the in-browser search: identical at
//! index and query time. Full-width ASCII is folded to half-width and letters lower-cased; Latin
//! letters and digits form words; runs of Han, kana and Hangul become overlapping character
//! bigrams (a lone character stays a unigram), so no word segmenter can disagree with itself.

/// One token and its position (the index of the token in the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub position: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Cjk,
    Other,
}

/// Folds a character: full-width ASCII (U+FF01–U+FF5E) and the ideographic space to ASCII, then
/// lower-case.
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_uppercase() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    }
}

fn class(c: char) -> Class {
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

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut run_class = Class::Other;
    for c in text.chars().map(fold).chain(std::iter::once(' ')) {
        let cls = class(c);
        if cls != run_class || cls == Class::Other {
            flush(&run, run_class, &mut tokens);
            run.clear();
            run_class = cls;
        }
        if cls != Class::Other {
            run.push(c);
        }
    }
    tokens
}

fn flush(run: &[char], cls: Class, tokens: &mut Vec<Token>) {
    let mut push = |text: String| {
        let position = tokens.len();
        tokens.push(Token { text, position });
    };
    match cls {
        Class::Other => {}
        _ if run.is_empty() => {}
        Class::Word => push(run.iter().collect()),
        Class::Cjk if run.len() == 1 => push(run[0].to_string()),
        Class::Cjk => run.windows(2).for_each(|pair| push(pair.iter().collect())),
    }
}

/// The token texts of `text`, for callers that need no positions.
pub fn terms(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_runs_become_bigrams() {
        assert_eq!(terms("食品安全"), ["食品", "品安", "安全"]);
        assert_eq!(
            terms("每个月都抽检"),
            ["每个", "个月", "月都", "都抽", "抽检"]
        );
        assert_eq!(terms("菜"), ["菜"]);
    }

    #[test]
    fn mixed_scripts_and_width() {
        assert_eq!(terms("HACCP体系"), ["haccp", "体系"]);
        assert_eq!(terms("ＨＡＣＣＰ　体系"), ["haccp", "体系"]);
        assert_eq!(
            terms("2025年抽检3,000批次"),
            ["2025", "年抽", "抽检", "3", "000", "批次"]
        );
        assert_eq!(terms("Food-Safety rules!"), ["food", "safety", "rules"]);
        assert_eq!(terms("カタカナ"), ["カタ", "タカ", "カナ"]);
        assert!(terms("，。！？ ").is_empty());
    }

    #[test]
    fn positions_count_tokens() {
        let t = tokenize("冷链 food");
        assert_eq!(t.iter().map(|t| t.position).collect::<Vec<_>>(), [0, 1]);
    }
}
