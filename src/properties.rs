//! Property tests: the code that meets outside input never panics on any input, and keeps its
//! invariants. `make test` runs each property [`CASES`] times; `make fuzz` many more
//! (`PROPTEST_CASES`).

use proptest::prelude::*;

use crate::contract::{decode, Article, FeedPage, SearchIds, SearchManifest, Site};
use crate::search::chunk::Chunk;
use crate::search::snippet::{confirms, highlight, snippet};
use crate::search::text::plain_text;
use crate::search::Query;
use crate::tokenize::{for_each_token_span, normalize, tokenize};

/// Cases per property in `make test`, unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 512;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text that mixes the scripts and characters the code treats specially.
fn mixed_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z0-9 ]{0,8}",
        "[食品安全冷链抽检每个月都菜]{0,6}",
        "[ＨＡＣＣＰ０-９　，。！？]{0,4}",
        "[\u{F900}-\u{F910}\u{2F00}-\u{2F05}①-⑩℃㎏ﬁ]{0,3}",
        "[<>&;\"'/=#%.-]{0,4}",
        any::<String>(),
    ];
    proptest::collection::vec(pieces, 0..6).prop_map(|v| v.concat())
}

/// JSON-like text: often valid JSON of the contract's shapes, often nearly.
fn json_like() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("null".to_owned()),
        Just("\"x\"".to_owned()),
        Just("1e400".to_owned()),
        Just("-1".to_owned()),
        Just("[]".to_owned()),
        Just("{}".to_owned()),
        any::<String>().prop_map(|s| format!("{s:?}")),
        any::<u64>().prop_map(|n| n.to_string()),
    ];
    let key = prop_oneof![
        Just("id"),
        Just("title"),
        Just("date_published"),
        Just("content_html"),
        Just("_news"),
        Just("items"),
        Just("version"),
        Just("categories"),
        Just("page_size"),
        Just("chunks"),
        Just("doc_columns"),
        Just("ids"),
        Just("category"),
        Just("views"),
    ];
    proptest::collection::vec((key, value), 0..8).prop_map(|fields| {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", body.join(","))
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_decoder_never_panics(text in prop_oneof![json_like(), any::<String>()]) {
        let _ = decode::<Article>(&text);
        let _ = decode::<FeedPage>(&text);
        let _ = decode::<Site>(&text);
        let _ = decode::<SearchManifest>(&text);
        let _ = decode::<SearchIds>(&text);
        let _ = crate::config::Config::parse(&text);
    }

    #[test]
    fn url_rules_never_panic_and_refuse_scripts(s in any::<String>(), pad in "[ \t\n]{0,3}") {
        let _ = crate::sanitize::needs_base(&s);
        let _ = crate::sanitize::disposition(&s);
        let _ = crate::sanitize::allowed_attributes(&s);
        for scheme in ["javascript:", "JavaScript:", "vbscript:", "data:"] {
            let url = format!("{pad}{scheme}{s}");
            prop_assert!(!crate::sanitize::is_safe_url(&url), "{:?}", url);
        }
    }

    #[test]
    fn tokens_point_into_the_text(text in mixed_text()) {
        let mut last = 0;
        for_each_token_span(&text, |_, position, _, span| {
            assert!(span.start <= span.first_end && span.first_end <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert!(position >= last);
            last = position;
        });
        let _ = normalize(&text);
        let _ = tokenize(&text);
    }

    #[test]
    fn queries_snippets_and_text_never_panic(text in mixed_text(), q in mixed_text()) {
        let query = Query::parse(&q);
        let _ = query.needs();
        let pieces = snippet(&text, &query);
        prop_assert!(pieces.iter().all(|p| text.contains(p.text.as_str()) || p.text == "…"));
        let marked: String = highlight(&text, &query).into_iter().map(|p| p.text).collect();
        prop_assert_eq!(marked, text.clone());
        let _ = confirms(&query, &q, &text);
        let _ = plain_text(&text);
    }

    #[test]
    fn a_query_finds_itself(text in mixed_text()) {
        // Whatever the text, searching for it confirms it (when it has anything searchable).
        let query = Query::parse(&text);
        if !query.is_empty() {
            prop_assert!(confirms(&query, "", &text), "{:?}", text);
        }
    }

    #[test]
    fn chunks_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256), term in "[a-z食品]{0,3}") {
        if let Ok(chunk) = Chunk::parse(bytes.clone()) {
            let _ = chunk.docs(&term);
            let _ = chunk.positions(&term, &bytes);
            let _ = chunk.terms_with_prefix(&term).count();
        }
    }

    #[test]
    fn dates_and_pages_never_panic(s in any::<String>(), current in any::<u32>(), total in any::<u32>()) {
        let _ = crate::dates::Timestamp::parse(&s);
        let _ = crate::dates::display_date(&s);
        let _ = crate::dates::display_datetime(&s);
        let _ = crate::dates::sort_key(&s);
        let page = crate::pagination::parse_page(Some(&s));
        prop_assert!(page >= 1);
        let links = crate::pagination::page_links(current, total.min(100_000));
        prop_assert!(links.len() <= 9);
        let _ = crate::pagination::next_page(current, total);
        let _ = crate::pagination::prev_page(current);
        let _ = crate::format::reading_minutes(&s);
        let _ = crate::format::paragraphs(&s);
    }
}

/// The corpus: every XSS payload and labelled query the other tests use, through the same
/// functions, as fixed seeds next to the random cases.
#[test]
fn the_corpus_never_panics() {
    let payloads: Vec<String> =
        serde_json::from_str(include_str!("../tests/xss/payloads.json")).expect("payloads.json");
    let queries: Vec<String> = include_str!("../tests/search/queries.toml")
        .lines()
        .filter_map(|l| l.strip_prefix("q = "))
        .filter_map(|q| serde_json::from_str(q).ok())
        .collect();
    assert!(payloads.len() >= 100 && queries.len() >= 70);
    for text in payloads.iter().chain(&queries) {
        let _ = decode::<Article>(text);
        let _ = crate::config::Config::parse(text);
        let _ = crate::sanitize::is_safe_url(text);
        let query = Query::parse(text);
        let _ = snippet(text, &query);
        let _ = plain_text(text);
        let _ = tokenize(text);
        let _ = crate::dates::Timestamp::parse(text);
        let _ = crate::pagination::parse_page(Some(text));
    }
}
