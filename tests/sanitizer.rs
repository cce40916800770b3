//! The article-body sanitizer in a real browser: hostile HTML leaves no script, no event
//! handler and no `javascript:` URL in the DOM; allowed markup survives.
#![cfg(target_arch = "wasm32")]

use newsreader::sanitize::dom::sanitize_html;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const BASE: &str = "https://news.example/api/";

/// The XSS corpus shared with the end-to-end tests (tests/e2e/xss.spec.ts): OWASP filter-evasion
/// cheat-sheet vectors, `javascript:` spellings, SVG and MathML, mutation XSS and namespace
/// confusion, `srcdoc`, `formaction`, CSS `url()`.
fn payloads() -> Vec<String> {
    serde_json::from_str(include_str!("xss/payloads.json"))
        .expect("tests/xss/payloads.json is a list of strings")
}

// Written out again on purpose: the expectation must not follow a change to the allowlist itself.
const KEPT_TAGS: &[&str] = &[
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

fn sanitized(html: &str) -> HtmlElement {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let holder: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    let fragment = sanitize_html(&doc, html, BASE).expect("sanitize");
    holder.append_child(&fragment).expect("append");
    holder
}

fn elements(root: &HtmlElement) -> Vec<Element> {
    let list = root.query_selector_all("*").expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn assert_safe(payload: &str, root: &HtmlElement) {
    for el in elements(root) {
        let tag = el.local_name();
        assert!(
            KEPT_TAGS.contains(&tag.as_str()),
            "{payload}: <{tag}> survived"
        );
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names
                .get(i)
                .as_string()
                .unwrap_or_default()
                .to_ascii_lowercase();
            assert!(
                !name.starts_with("on"),
                "{payload}: event handler {name} survived"
            );
            assert!(
                ["href", "src", "alt", "title", "rel", "loading"].contains(&name.as_str()),
                "{payload}: attribute {name} survived"
            );
            let value = el
                .get_attribute(&name)
                .unwrap_or_default()
                .to_ascii_lowercase();
            let compact: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            for bad in ["javascript:", "vbscript:", "data:"] {
                assert!(
                    !compact.starts_with(bad),
                    "{payload}: {name}={value} survived"
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn hostile_payloads_leave_nothing_executable() {
    let payloads = payloads();
    assert!(payloads.len() >= 100);
    for payload in &payloads {
        let root = sanitized(payload);
        assert_safe(payload, &root);
        let html = root.inner_html().to_ascii_lowercase();
        assert!(!html.contains("<script"), "{payload}: {html}");
    }
}

#[wasm_bindgen_test]
fn allowed_markup_and_text_survive() {
    let root = sanitized(
        "<h2>小标题</h2><p>第一段<strong>加粗</strong>与<em>强调</em>。</p>\
         <ul><li>一</li><li>二</li></ul>\
         <p><a href=\"https://example.org/a\" title=\"说明\">外部链接</a> <a href=\"mailto:x@example.org\">邮件</a></p>\
         <figure><img src=\"media/chart.svg\" alt=\"图表\"><figcaption>图注</figcaption></figure>\
         <div><span>包裹的文字</span></div><p>a<script>alert(1)</script>b</p>",
    );
    assert_safe("allowed", &root);
    let text = root.text_content().unwrap_or_default();
    for expected in [
        "小标题",
        "第一段加粗与强调。",
        "外部链接",
        "包裹的文字",
        "图注",
        "ab",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text:?}");
    }
    let link = root
        .query_selector("a[title]")
        .ok()
        .flatten()
        .expect("titled link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/a")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer nofollow ugc")
    );
    let img = root.query_selector("img").ok().flatten().expect("image");
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://news.example/api/media/chart.svg")
    );
    assert_eq!(img.get_attribute("alt").as_deref(), Some("图表"));
    assert!(
        root.query_selector("div, span").ok().flatten().is_none(),
        "wrappers are unwrapped"
    );
}

#[wasm_bindgen_test]
fn deep_nesting_is_flattened_not_a_crash() {
    let depth = 5_000;
    let html = format!("{}深处{}", "<b>".repeat(depth), "</b>".repeat(depth));
    let root = sanitized(&html);
    assert!(root.text_content().unwrap_or_default().contains("深处"));
    assert!(elements(&root).len() <= newsreader::sanitize::MAX_DEPTH);
}
