use super::*;

const ARTICLE: &str = r#"{
  "id": "a1", "title": "标题", "date_published": "2025-03-14T09:30:00+08:00",
  "content_html": "<p>正文</p>", "tags": ["餐饮"], "authors": [{"name": "李明"}],
  "unknown_field": {"ignored": true},
  "_news": {"category": "notices", "views": 12, "source": "青川日报",
            "related": [{"id": "a2", "title": "另一篇", "date_published": "2025-01-01T00:00:00+08:00"}],
            "next": {"id": "a3", "title": "下一篇"}}
}"#;

#[test]
fn decodes_a_full_article_and_ignores_unknown_fields() {
    let a: Article = decode(ARTICLE).expect("valid article");
    assert_eq!(a.title, "标题");
    assert_eq!(a.news.views, Some(12));
    assert_eq!(a.news.related.len(), 1);
    assert_eq!(a.news.prev, None);
    assert_eq!(a.news.next.as_ref().map(|n| n.id.as_str()), Some("a3"));
    assert_eq!(a.body(), Some(Body::Html("<p>正文</p>")));
}

#[test]
fn a_minimal_article_is_fine() {
    let a: Article = decode(
        r#"{"id":"a","title":"t","date_published":"2025-01-01T00:00:00Z","content_text":"x","_news":{"category":"c"}}"#,
    )
    .expect("minimal article");
    assert_eq!(a.body(), Some(Body::Text("x")));
    assert!(a.authors.is_empty() && a.tags.is_empty() && a.news.related.is_empty());
}

#[test]
fn field_errors_name_the_field() {
    let cases = [
        (
            r#"{"title":"t","date_published":"d","_news":{"category":"c"}}"#,
            "id",
        ),
        (
            r#"{"id":1,"title":"t","date_published":"d","_news":{"category":"c"}}"#,
            "id",
        ),
        (
            r#"{"id":"a","title":"t","date_published":"d","_news":{"category":"c","views":"many"}}"#,
            "_news.views",
        ),
        (
            r#"{"id":"a","title":"t","date_published":"d","tags":"x","_news":{"category":"c"}}"#,
            "tags",
        ),
        (
            r#"{"id":"a","title":"t","date_published":"d","authors":[{"nom":"x"}],"_news":{"category":"c"}}"#,
            "name",
        ),
        (
            r#"{"id":"a","title":"t","date_published":"d","_news":{"category":"c","prev":{"id":"b"}}}"#,
            "title",
        ),
        (r#"{"id":"a","title":"t","date_published":"d"}"#, "_news"),
    ];
    for (json, field) in cases {
        let err = decode::<Article>(json).expect_err(json);
        assert!(
            err.contains(field),
            "{json}: error {err:?} should name {field}"
        );
    }
}

#[test]
fn list_page_errors_name_the_item_field() {
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
        {"id":"a","title":"t","date_published":"d","content_text":"","_news":{"category":"c"}},
        {"id":"b","title":"t","date_published":"d","content_text":"","_news":{"category":"c","views":-1}}],
        "_news":{"page":1,"total_pages":1,"total_items":2}}"#;
    let err = decode::<FeedPage>(json).expect_err("negative views");
    assert!(err.starts_with("items[1]._news.views"), "{err}");
}

#[test]
fn not_json_is_a_decode_error() {
    for text in ["", "<!doctype html><h1>500</h1>", "{\"id\": ", "null", "[]"] {
        assert!(decode::<FeedPage>(text).is_err(), "{text:?}");
    }
}

#[test]
fn site_decodes_and_names_columns() {
    let site: Site = decode(
        r#"{"version":"1","title":"S","language":"zh-CN","page_size":10,
            "categories":[{"slug":"notices","name":"通知公告","count":3}]}"#,
    )
    .expect("site");
    assert_eq!(site.category_name("notices"), "通知公告");
    assert_eq!(site.category_name("gone"), "gone");
}

#[test]
fn summary_lead_prefers_summary_then_content_text() {
    let mut s: ArticleSummary = decode(
        r#"{"id":"a","title":"t","date_published":"d","content_text":" 文本 ","_news":{"category":"c"}}"#,
    )
    .expect("summary");
    assert_eq!(s.lead(), Some("文本"));
    s.summary = Some("摘要".into());
    assert_eq!(s.lead(), Some("摘要"));
    s.summary = Some(" ".into());
    s.content_text.clear();
    assert_eq!(s.lead(), None);
}

#[test]
fn id_validation() {
    let long_ok = "a".repeat(128);
    let too_long = "a".repeat(129);
    for ok in ["a", "A1", "2025-03-14-x", "a_b", long_ok.as_str()] {
        assert!(is_valid_id(ok), "{ok}");
    }
    for bad in [
        "",
        "-a",
        "_a",
        "a/b",
        "../x",
        "%2e%2e",
        "a.json",
        "食品",
        "a b",
        too_long.as_str(),
    ] {
        assert!(!is_valid_id(bad), "{bad}");
    }
}

#[test]
fn article_round_trips_through_serde() {
    let a: Article = decode(ARTICLE).expect("valid article");
    let text = serde_json::to_string(&a).expect("serializes");
    assert_eq!(decode::<Article>(&text), Ok(a));
}

#[test]
fn government_fields_are_optional_and_round_trip() {
    let site = r#"{"version":"1","title":"t","language":"zh-CN","page_size":10,"categories":[]}"#;
    let plain: Site = decode(site).expect("a v1 site.json without them");
    assert!(plain.organization.is_empty());
    assert!(!serde_json::to_string(&plain)
        .expect("json")
        .contains("organization"));
    let with = site.replace(
        "\"categories\":[]",
        r#""categories":[],"organization":{"icp":"某ICP备1号","public_security":"某公网安备 110105 02号","extra":1}"#,
    );
    let site: Site = decode(&with).expect("unknown fields ignored");
    assert_eq!(site.organization.icp.as_deref(), Some("某ICP备1号"));
    assert_eq!(
        site.organization.public_security_url().as_deref(),
        Some("https://beian.mps.gov.cn/#/query/webSearch?code=11010502")
    );
    let article: Article = decode(ARTICLE).expect("valid");
    assert!(article.news.disclosure.is_empty());
    let with = ARTICLE.replace(
        "\"source\": \"青川日报\",",
        r#""source": "青川日报", "disclosure": {"document_no": "某发〔2025〕1号"},"#,
    );
    let article: Article = decode(&with).expect("valid");
    assert_eq!(article.news.disclosure.values()[2], Some("某发〔2025〕1号"));
    let no_digits = Organization {
        public_security: Some("备案中".into()),
        ..Organization::default()
    };
    assert_eq!(no_digits.public_security_url(), None);
}
