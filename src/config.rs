//! Runtime configuration: `config.json` next to `index.html`, read once at start.

use serde::Deserialize;

/// The API base used when `config.json` is missing.
pub const DEFAULT_API_BASE: &str = "api/";

/// The parsed `config.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where the static API lives: relative to the page's base, root-relative, or an absolute
    /// `http(s)` URL.
    #[serde(default = "default_api_base")]
    pub api_base: String,
    /// The origin of a GoatCounter site that counts and reports article views, if any
    /// (`https://stats.example.org`; `http://` only on 127.0.0.1 and localhost, for tests).
    #[serde(default)]
    pub goatcounter: Option<String>,
}

fn default_api_base() -> String {
    DEFAULT_API_BASE.to_owned()
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base: default_api_base(),
            goatcounter: None,
        }
    }
}

/// Why `config.json` could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// Not JSON, or not the shape above (the message names the field).
    Invalid(String),
    /// `api_base` is empty or uses a scheme other than http and https.
    BadApiBase(String),
    /// `goatcounter` is not an `https://` origin.
    BadGoatcounter(String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Invalid(msg) => write!(f, "config.json is invalid: {msg}"),
            ConfigError::BadApiBase(base) => {
                write!(
                    f,
                    "config.json: api_base {base:?} must be a path or an http(s) URL"
                )
            }
            ConfigError::BadGoatcounter(origin) => write!(
                f,
                "config.json: goatcounter {origin:?} must be an https:// origin, such as \"https://stats.example.org\""
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses and checks the text of `config.json`.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        // Refused before decoding: an array would decode as the fields in order. (Not through
        // `serde_json::Value`, whose decoder would be in the wasm for this check alone.)
        let start = text.trim_start();
        if !start.is_empty() && !start.starts_with('{') {
            return Err(ConfigError::Invalid("expected a JSON object".into()));
        }
        let config: Config = crate::contract::decode(text).map_err(ConfigError::Invalid)?;
        let base = config.api_base.trim();
        let has_scheme = scheme(base).is_some();
        let allowed = match scheme(base) {
            Some(s) => s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"),
            None => !base.is_empty() && !base.chars().any(char::is_control),
        };
        if !allowed || (has_scheme && !base.contains("://")) {
            return Err(ConfigError::BadApiBase(config.api_base));
        }
        let goatcounter = match config.goatcounter {
            Some(origin) => {
                Some(counter_origin(&origin).ok_or(ConfigError::BadGoatcounter(origin))?)
            }
            None => None,
        };
        Ok(Config {
            api_base: base.to_owned(),
            goatcounter,
        })
    }

    /// The absolute-path or absolute-URL API base, ending in `/`, for a page whose base path is
    /// `page_base` (the router's base, `/` at the root).
    pub fn resolve_api_base(&self, page_base: &str) -> String {
        let base = self.api_base.as_str();
        let mut resolved = if scheme(base).is_some() || base.starts_with('/') {
            base.to_owned()
        } else {
            let page_base = page_base.trim_end_matches('/');
            format!("{page_base}/{}", base.trim_start_matches("./"))
        };
        if !resolved.ends_with('/') {
            resolved.push('/');
        }
        resolved
    }
}

/// `origin` without a trailing `/`, when it is a bare `https://host[:port]` (or `http://` on
/// 127.0.0.1 or localhost): no path, query, fragment or credentials.
fn counter_origin(origin: &str) -> Option<String> {
    let origin = origin.trim();
    let origin = origin.strip_suffix('/').unwrap_or(origin);
    let (secure, authority) = match origin.split_once("://")? {
        ("https", authority) => (true, authority),
        ("http", authority) => (false, authority),
        _ => return None,
    };
    let (host, port) = authority.split_once(':').unwrap_or((authority, "0"));
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    let local = host == "127.0.0.1" || host == "localhost";
    (host_ok && port.parse::<u16>().is_ok() && (secure || local)).then(|| origin.to_owned())
}

/// The URL scheme of `s`, if it has one (`javascript` in `javascript:alert(1)`).
pub fn scheme(s: &str) -> Option<&str> {
    let end = s.find(':')?;
    let candidate = &s[..end];
    let mut chars = candidate.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_defaults() {
        assert_eq!(
            Config::parse(r#"{"api_base":"data/"}"#),
            Ok(Config {
                api_base: "data/".into(),
                goatcounter: None,
            })
        );
        assert_eq!(Config::parse("{}"), Ok(Config::default()));
        assert_eq!(
            Config::parse(r#"{"api_base":"https://cdn.example.org/news/api"}"#),
            Ok(Config {
                api_base: "https://cdn.example.org/news/api".into(),
                goatcounter: None,
            })
        );
    }

    #[test]
    fn rejects_bad_files_with_a_reason() {
        let cases = [
            ("", "EOF"),
            ("not json", "expected"),
            (r#"{"api_base": 3}"#, "api_base"),
            (r#"{"api_base": null}"#, "api_base"),
            (r#"{"apiBase": "api/"}"#, "apiBase"),
            ("[]", "object"),
            ("\"api/\"", "object"),
        ];
        for (text, needle) in cases {
            let err = Config::parse(text).expect_err(text).to_string();
            assert!(err.contains(needle), "{text:?} → {err}");
        }
    }

    #[test]
    fn rejects_unsafe_api_bases() {
        for base in [
            "",
            "  ",
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "ftp://x/",
            "mailto:a@b",
            "a\u{0}b",
        ] {
            let json = serde_json::json!({ "api_base": base }).to_string();
            assert!(
                matches!(Config::parse(&json), Err(ConfigError::BadApiBase(_))),
                "{base:?}"
            );
        }
    }

    #[test]
    fn takes_a_goatcounter_origin_and_refuses_anything_else() {
        let origin = |o: &str| {
            let json = serde_json::json!({ "goatcounter": o }).to_string();
            Config::parse(&json).map(|c| c.goatcounter.unwrap_or_default())
        };
        for (given, kept) in [
            ("https://stats.example.org", "https://stats.example.org"),
            ("https://stats.example.org/", "https://stats.example.org"),
            (
                "https://stats.example.org:8443",
                "https://stats.example.org:8443",
            ),
            ("http://127.0.0.1:4180", "http://127.0.0.1:4180"),
            ("http://localhost:8081/", "http://localhost:8081"),
        ] {
            assert_eq!(origin(given).as_deref(), Ok(kept), "{given}");
        }
        for bad in [
            "",
            "stats.example.org",
            "http://stats.example.org",
            "https://stats.example.org/count",
            "https://stats.example.org?x=1",
            "https://user@stats.example.org",
            "https://stats.example.org:99999",
            "https://",
            "javascript:alert(1)",
            "ftp://127.0.0.1",
        ] {
            let err = origin(bad).expect_err(bad);
            assert!(matches!(err, ConfigError::BadGoatcounter(_)), "{bad:?}");
            assert!(err.to_string().contains("goatcounter"), "{err}");
        }
        let wrong_type = Config::parse(r#"{"goatcounter": true}"#).expect_err("a boolean");
        assert!(
            wrong_type.to_string().contains("goatcounter"),
            "{wrong_type}"
        );
    }

    #[test]
    fn resolves_against_the_page_base() {
        let cfg = |b: &str| Config {
            api_base: b.into(),
            goatcounter: None,
        };
        assert_eq!(cfg("api/").resolve_api_base("/"), "/api/");
        assert_eq!(cfg("api").resolve_api_base("/"), "/api/");
        assert_eq!(cfg("./api/").resolve_api_base("/news/"), "/news/api/");
        assert_eq!(cfg("api/").resolve_api_base("/news"), "/news/api/");
        assert_eq!(cfg("/data/").resolve_api_base("/news/"), "/data/");
        assert_eq!(
            cfg("https://x.example/api").resolve_api_base("/news/"),
            "https://x.example/api/"
        );
    }

    #[test]
    fn finds_schemes() {
        assert_eq!(scheme("https://x"), Some("https"));
        assert_eq!(scheme("javascript:x"), Some("javascript"));
        assert_eq!(scheme("a/b:c"), None);
        assert_eq!(scheme("1a:b"), None);
        assert_eq!(scheme("relative/path"), None);
    }
}
