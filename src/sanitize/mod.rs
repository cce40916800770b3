//! The allowlist for untrusted article HTML. The rules here are pure; [`dom`] applies them to a
//! document parsed by the browser's inert `DOMParser`.

#[cfg(feature = "app")]
pub mod dom;

/// What happens to an element of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// Kept, with its allowed attributes and sanitized children.
    Keep,
    /// Left out, but its children are kept (unknown wrappers such as `div`, `span`, `font`).
    Unwrap,
    /// Left out with everything inside it.
    Drop,
}

/// Elements kept, with their allowed attributes.
pub const KEPT: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "br",
    "hr",
    "code",
    "pre",
];

/// Elements removed together with everything inside them.
pub const DROPPED: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "datalist",
    "output",
    "title",
    "head",
    "meta",
    "link",
    "base",
    "xmp",
    "plaintext",
    "listing",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "dialog",
    "portal",
    "slot",
    "param",
    "marquee",
];

/// What to do with an element named `tag` (a lower-case local name in the HTML namespace).
pub fn disposition(tag: &str) -> Disposition {
    if KEPT.contains(&tag) {
        Disposition::Keep
    } else if DROPPED.contains(&tag) {
        Disposition::Drop
    } else {
        Disposition::Unwrap
    }
}

/// An attribute that may be kept, and how its value is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrKind {
    /// Plain text (`alt`, `title`).
    Text,
    /// A URL: kept only when [`is_safe_url`] allows it.
    Url,
}

/// The attributes kept on a kept element `tag`.
pub fn allowed_attributes(tag: &str) -> &'static [(&'static str, AttrKind)] {
    match tag {
        "a" => &[("href", AttrKind::Url), ("title", AttrKind::Text)],
        "img" => &[
            ("src", AttrKind::Url),
            ("alt", AttrKind::Text),
            ("title", AttrKind::Text),
        ],
        _ => &[("title", AttrKind::Text)],
    }
}

/// Whether a URL attribute value may be kept: relative URLs, and absolute ones with the http,
/// https or mailto scheme. Values with control characters (which browsers strip, so that
/// `java\tscript:` still runs) are refused outright.
pub fn is_safe_url(value: &str) -> bool {
    let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if value.chars().any(|c| c.is_control()) {
        return false;
    }
    match crate::config::scheme(value) {
        None => true,
        Some(s) => ["http", "https", "mailto"]
            .iter()
            .any(|ok| s.eq_ignore_ascii_case(ok)),
    }
}

/// Whether a kept URL should be resolved against the API base: relative URLs other than
/// in-page `#fragment` links and protocol-relative `//host` ones.
pub fn needs_base(value: &str) -> bool {
    let value = value.trim();
    crate::config::scheme(value).is_none() && !value.starts_with('#') && !value.starts_with("//")
}

/// Nesting deeper than this is flattened to text, so hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_rules() {
        for t in [
            "p",
            "h2",
            "a",
            "img",
            "table",
            "td",
            "pre",
            "figcaption",
            "br",
        ] {
            assert_eq!(disposition(t), Disposition::Keep, "{t}");
        }
        for t in [
            "script", "style", "iframe", "svg", "math", "form", "template", "noscript", "object",
        ] {
            assert_eq!(disposition(t), Disposition::Drop, "{t}");
        }
        for t in ["div", "span", "font", "section", "h1", "custom-element"] {
            assert_eq!(disposition(t), Disposition::Unwrap, "{t}");
        }
    }

    #[test]
    fn attribute_rules() {
        let names = |tag| {
            allowed_attributes(tag)
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("a"), ["href", "title"]);
        assert_eq!(names("img"), ["src", "alt", "title"]);
        assert_eq!(names("p"), ["title"]);
        assert!(!names("td").contains(&"style"));
    }

    #[test]
    fn url_rules() {
        for ok in [
            "https://example.org/x",
            "HTTP://x",
            "mailto:a@example.org",
            "media/a.svg",
            "/a",
            "#top",
            "//cdn.example.org/a.png",
            "?q=1",
            "a/b:c",
            " https://x ",
        ] {
            assert!(is_safe_url(ok), "{ok:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:x",
            "java\tscript:x",
            "java\nscript:x",
            "\u{1}javascript:x",
            "vbscript:x",
            "data:text/html;base64,xx",
            "file:///etc/passwd",
            "jav&#x09;ascript:x",
        ] {
            // The last one is safe only because DOMParser decodes entities before we see the value;
            // undecoded, its "scheme" contains '&' and it parses as a relative path.
            if bad.contains('&') {
                assert!(is_safe_url(bad), "{bad:?} is relative as written");
                continue;
            }
            assert!(!is_safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn base_resolution_rules() {
        assert!(needs_base("media/a.svg"));
        assert!(needs_base("/media/a.svg"));
        assert!(!needs_base("#note-1"));
        assert!(!needs_base("https://x/a"));
        assert!(!needs_base("//x/a"));
    }
}
