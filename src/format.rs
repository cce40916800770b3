//! Small text formatting helpers for numbers and plain-text bodies.

/// `1234567` → `"1,234,567"`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
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

#[cfg(test)]
mod tests {
    use super::*;

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
