//! Live view counts from a GoatCounter site (`goatcounter` in config.json): one view sent per
//! article shown, and the count GoatCounter reports for the article's path. Both are optional
//! extras: a failure is never shown, the data's own number stays.

use std::cell::RefCell;

use super::fetch::fetch_text;
use super::{Api, ApiError};
use crate::links::encode_component;

/// How long an article waits for the count before it settles for the data's number.
const COUNT_TIMEOUT_MS: i32 = 3_000;

/// One view, in the parameters GoatCounter documents as stable.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PageView<'a> {
    /// The page's path, deploy prefix included (`/news/articles/x`).
    path: &'a str,
    title: &'a str,
    /// Where the reader came from, for the view they arrived on; empty for the views after it.
    referrer: &'a str,
    /// The screen's width in CSS pixels.
    width: i32,
}

/// Which view was counted last, by router path: an article rendered again within one view (in
/// the reader's language) is not counted again. A navigation elsewhere starts a new view.
#[derive(Default)]
struct Views {
    counted: Option<String>,
    /// Some view has been counted: the document's referrer said where the first came from.
    any_counted: bool,
    /// The router path of the page the browser loaded.
    landing: Option<String>,
}

thread_local! {
    static VIEWS: RefCell<Views> = RefCell::new(Views::default());
}

/// Notes the router path of the page the browser loaded (before any in-app navigation).
pub fn note_landing(route: &str) {
    VIEWS.with(|v| v.borrow_mut().landing = Some(route.to_owned()));
}

/// Marks an in-app navigation to `route` (the router's path).
pub fn note_navigation(route: &str) {
    VIEWS.with(|v| {
        let mut views = v.borrow_mut();
        if views.counted.as_deref() != Some(route) {
            views.counted = None;
        }
    });
}

impl Api {
    /// Whether config.json names a GoatCounter site.
    pub fn counts_views(&self) -> bool {
        self.counter.is_some()
    }

    /// Counts the view of the article at `route` (the router's path; `path` is the same with
    /// the deploy prefix) with `navigator.sendBeacon`, unless this view was counted already.
    /// Does nothing without a counter.
    pub fn count_view(&self, route: &str, path: &str, title: &str) {
        let (Some(origin), Some(window)) = (&self.counter, web_sys::window()) else {
            return;
        };
        // The referrer says where the reader came from for the page the browser loaded only.
        let arrival = VIEWS.with(|v| {
            let mut views = v.borrow_mut();
            if views.counted.as_deref() == Some(route) {
                return None;
            }
            views.counted = Some(route.to_owned());
            let first = !std::mem::replace(&mut views.any_counted, true);
            Some(first && views.landing.as_deref() == Some(route))
        });
        let Some(arrival) = arrival else {
            return;
        };
        let referrer = match window.document() {
            Some(document) if arrival => document.referrer(),
            _ => String::new(),
        };
        let width = window.screen().and_then(|s| s.width()).unwrap_or(0);
        let view = PageView {
            path,
            title,
            referrer: &referrer,
            width,
        };
        // A beacon the browser refuses (too many queued) is a view lost, not a failure to show.
        let _ = window.navigator().send_beacon(&count_url(origin, &view));
    }

    /// The views GoatCounter has counted for `path`: 0 for a path it has never seen (404).
    pub async fn counted_views(&self, path: &str) -> Result<u64, ApiError> {
        let origin = self.counter.as_deref().ok_or(ApiError::NotFound)?;
        let text = match fetch_text(&counter_url(origin, path), COUNT_TIMEOUT_MS).await {
            Err(ApiError::NotFound) => return Ok(0),
            other => other?,
        };
        // `{"count": "1 234", …}`: read with the browser's JSON parser, as one string field does
        // not earn a serde deserializer in the wasm.
        let count = js_sys::JSON::parse(&text)
            .and_then(|answer| js_sys::Reflect::get(&answer, &"count".into()))
            .ok()
            .and_then(|count| count.as_string())
            .unwrap_or_default();
        parse_count(&count).ok_or(ApiError::Decode(format!("count {count:?} is not a number")))
    }
}

/// `{origin}/count?p=…&t=…&r=…&s=…&ns=1`; `ns=1` counts every view, not only a session's first.
fn count_url(origin: &str, view: &PageView<'_>) -> String {
    format!(
        "{origin}/count?p={}&t={}&r={}&s={}&ns=1",
        encode_component(view.path),
        encode_component(view.title),
        encode_component(view.referrer),
        view.width
    )
}

/// `{origin}/counter/{encodeURIComponent(path)}.json`.
fn counter_url(origin: &str, path: &str) -> String {
    format!("{origin}/counter/{}.json", encode_component(path))
}

/// A count as GoatCounter formats it: digits grouped by a narrow no-break space (or the site's
/// chosen separator: space, no-break space, comma, point, apostrophe).
fn parse_count(text: &str) -> Option<u64> {
    let separator = |c: char| {
        matches!(
            c,
            '\u{202f}' | '\u{a0}' | '\u{2009}' | ' ' | ',' | '.' | '\''
        )
    };
    let text = text.trim();
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit() || separator(c)) {
        return None;
    }
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_goatcounters_formatted_counts() {
        for (text, count) in [
            ("0", Some(0)),
            ("7", Some(7)),
            ("1\u{202f}234", Some(1234)),
            ("12\u{202f}345\u{202f}678", Some(12_345_678)),
            ("1,234", Some(1234)),
            ("1.234", Some(1234)),
            ("1 234", Some(1234)),
            (" 42 ", Some(42)),
            ("", None),
            ("\u{202f}", None),
            ("-3", None),
            ("12k", None),
            ("NaN", None),
            ("99999999999999999999999", None),
        ] {
            assert_eq!(parse_count(text), count, "{text:?}");
        }
    }

    #[test]
    fn builds_the_documented_urls() {
        let view = PageView {
            path: "/news/articles/2025-a",
            title: "夏季食品安全 & 提示",
            referrer: "https://search.example/?q=a b",
            width: 390,
        };
        assert_eq!(
            count_url("https://stats.example.org", &view),
            "https://stats.example.org/count?p=%2Fnews%2Farticles%2F2025-a\
             &t=%E5%A4%8F%E5%AD%A3%E9%A3%9F%E5%93%81%E5%AE%89%E5%85%A8%20%26%20%E6%8F%90%E7%A4%BA\
             &r=https%3A%2F%2Fsearch.example%2F%3Fq%3Da%20b&s=390&ns=1"
        );
        assert_eq!(
            counter_url("https://stats.example.org", "/news/articles/2025-a"),
            "https://stats.example.org/counter/%2Fnews%2Farticles%2F2025-a.json"
        );
    }
}
