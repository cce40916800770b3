//! The article-body sanitizer in a real browser: hostile HTML leaves no script, no event
//! handler and no `javascript:` URL in the DOM; allowed markup survives.
#![cfg(target_arch = "wasm32")]

use newsreader::sanitize::dom::sanitize_html;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const BASE: &str = "https://news.example/api/";

// OWASP XSS filter-evasion cheat-sheet style payloads, plus mutation-XSS and namespace tricks.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://x.example/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
    "<a href=\" &#14;  javascript:alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=alert(1)//",
    "<BODY ONLOAD=alert('XSS')>",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=\"alert(1)\"></video>",
    "<style>@import 'https://x.example/x.css';</style><p>x</p>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<div onclick=\"alert(1)\"><p onmouseover=alert(1)>x</p></div>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><img src=x onerror=alert(1)></template>",
    "<table><td background=\"javascript:alert(1)\">x</td></table>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<img src=\"x\" alt=\"\" onerror=\"alert(1)\" title=\"&quot; onerror=alert(2)\">",
    "<!--<img src=x onerror=alert(1)>--><p>after comment</p>",
    "<p>a<script>alert(1)</script>b</p>",
    "<a href=\"https://ok.example/\" onclick=\"alert(1)\" target=\"_top\">ok</a>",
    "<xss id=x tabindex=1 onfocus=alert(1)></xss>",
    "<select><option><img src=x onerror=alert(1)></option></select>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
];

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
    assert!(PAYLOADS.len() >= 30);
    for payload in PAYLOADS {
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
