//! Small text formatting helpers for numbers and plain-text bodies.

/// `1234567` → `"1,234,567"`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Splits a plain-text body into paragraphs at blank lines; lines within a paragraph are joined
/// with a newline, and empty paragraphs are left out.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// Estimated reading time in whole minutes (at least 1) of a body given as HTML or text:
/// CJK characters at 400 a minute, other words at 220 a minute. Markup is not counted.
pub fn reading_minutes(body: &str) -> u32 {
    let (mut cjk, mut words, mut in_tag, mut in_word) = (0u32, 0u32, false, false);
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if in_tag => {}
            _ if is_cjk(c) => {
                cjk += 1;
                in_word = false;
            }
            _ if c.is_alphanumeric() => {
                if !in_word {
                    words += 1;
                }
                in_word = true;
            }
            _ => in_word = false,
        }
    }
    let minutes = f64::from(cjk) / 400.0 + f64::from(words) / 220.0;
    (minutes.ceil() as u32).max(1)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_counts_cjk_characters_and_words() {
        assert_eq!(reading_minutes(""), 1);
        assert_eq!(reading_minutes(&"字".repeat(400)), 1);
        assert_eq!(reading_minutes(&"字".repeat(401)), 2);
        assert_eq!(reading_minutes(&"word ".repeat(440)), 2);
        // Markup is not text: a long tag counts for nothing.
        let html = format!("<p title=\"{}\">短文</p>", "x".repeat(5000));
        assert_eq!(reading_minutes(&html), 1);
        assert_eq!(
            reading_minutes(&format!("{}{}", "字".repeat(400), "word ".repeat(220))),
            2
        );
    }

    #[test]
    fn groups_thousands() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (1234, "1,234"),
            (250_000, "250,000"),
            (1_234_567, "1,234,567"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ];
        for (n, want) in cases {
            assert_eq!(group_thousands(n), want);
        }
    }

    #[test]
    fn splits_paragraphs_on_blank_lines() {
        assert_eq!(
            paragraphs("一\n\n二\n三\n\n\n  \n四 "),
            ["一", "二\n三", "四"]
        );
        assert_eq!(paragraphs("a\r\n\r\nb"), ["a", "b"]);
        assert!(paragraphs("  \n\n ").is_empty());
    }
}
