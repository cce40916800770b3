//! No input makes the import panic, and what it makes always reads back: property tests, with
//! `PROPTEST_CASES` cases each (default 256; `make fuzz` sets more).

use proptest::prelude::*;

use super::super::dates::{parse_date, parse_offset};
use super::super::html::{resolve_urls, text_of};
use super::super::ids::id_of;
use super::{articles, import, options, Source};
use crate::contract::is_valid_id;
use crate::dates::Timestamp;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text with the characters feeds and their markup treat specially.
fn feedish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z0-9 ,:/.+-]{0,10}",
        "[通知公告食品安全，。年月日]{0,6}",
        "[<>&;\"'/=#%?!\\[\\]]{0,4}",
        Just("<![CDATA[".to_owned()),
        Just("]]>".to_owned()),
        Just("<?xml version=\"1.0\" encoding=\"gbk\"?>".to_owned()),
        Just("<img src=\"a.png\">".to_owned()),
        Just("&amp;".to_owned()),
        any::<String>(),
    ];
    proptest::collection::vec(pieces, 0..5).prop_map(|v| v.concat())
}

/// An RSS item with `parts` in its fields.
fn rss(parts: &[String]) -> String {
    let at = |i: usize| parts.get(i).map(String::as_str).unwrap_or_default();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><link>{}</link><item><guid>{}</guid><title>{}</title><link>{}</link><pubDate>{}</pubDate><category>{}</category><description>{}</description><enclosure url=\"{}\"/></item></channel></rss>",
        at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7)
    )
}

fn never_panics(name: &str, bytes: Vec<u8>, charset: Option<String>) {
    let source = Source {
        name: name.to_owned(),
        bytes,
        charset,
        ..Source::default()
    };
    match import(&[source], &options()) {
        // Whatever is made reads back as the builder reads it.
        Ok(done) => drop(articles(&done)),
        Err(errors) => {
            let caught = errors.iter().find(|e| e.contains("the feed parser failed"));
            assert!(caught.is_none(), "feed-rs panicked: {caught:?}");
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400), gbk in any::<bool>()) {
        never_panics("bytes", bytes, gbk.then(|| "gbk".to_owned()));
    }

    #[test]
    fn any_rss_fields(parts in proptest::collection::vec(feedish(), 8)) {
        never_panics("rss.xml", rss(&parts).into_bytes(), None);
    }

    #[test]
    fn any_json_feed_fields(title in feedish(), date in feedish(), tags in feedish(), html in feedish()) {
        let json = serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1",
            "items": [{"title": title, "date_published": date, "tags": tags, "content_html": html, "url": "x/y"}]
        });
        never_panics("feed.json", json.to_string().into_bytes(), None);
    }

    #[test]
    fn dates_read_are_rfc_3339(text in feedish(), zone in "[+-][0-9]{1,2}(:[0-9]{2})?") {
        let zone = parse_offset(&zone).unwrap_or(options().timezone);
        if let Some(date) = parse_date(&text, zone) {
            prop_assert!(Timestamp::parse(&date.rfc3339).is_some(), "{text:?} → {date:?}");
        }
    }

    #[test]
    fn html_and_ids(html in feedish()) {
        let base = url::Url::parse("https://example.org/a/b.html").ok();
        let _ = resolve_urls(&html, base.as_ref());
        let _ = text_of(&html);
        prop_assert!(is_valid_id(&id_of(&html)));
    }
}
