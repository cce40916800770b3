//! Components mounted in a real browser with fixture data (never the network).
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::tick;
use leptos_router::components::Router;
use newsreader::api::ApiError;
use newsreader::components::article_body::BodyContent;
use newsreader::components::{ArticleBody, ArticleList, ErrorView, Pagination};
use newsreader::contract::{decode, FeedPage, PageInfo, Site};
use newsreader::links::ListSource;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1", "title": "测试",
  "items": [
    {"id": "a-1", "title": "学校食堂检查结果公布", "date_published": "2026-03-14T09:30:00+08:00",
     "content_text": "摘要一", "_news": {"category": "notices", "views": 12345}},
    {"id": "a-2", "title": "<b>Not bold</b>", "date_published": "2025-12-01T08:00:00+08:00",
     "content_text": "", "summary": "Summary two", "_news": {"category": "science"}}
  ],
  "_news": {"page": 2, "total_pages": 5, "total_items": 44}
}"#;

const SITE: &str = r#"{"version":"1","title":"测试站","language":"zh-CN","page_size":10,
  "categories":[{"slug":"notices","name":"通知公告","count":1},{"slug":"science","name":"科普知识","count":1}]}"#;

fn container() -> HtmlElement {
    let doc = document();
    let el: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body().expect("body").append_child(&el).expect("append");
    el
}

fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn article_list_renders_from_fixture_data() {
    let feed: FeedPage = decode(FEED).expect("fixture feed");
    let site: Site = decode(SITE).expect("fixture site");
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(site);
        view! { <Router><ArticleList items=feed.items/></Router> }
    });
    tick().await;
    let list = root
        .query_selector("ul[aria-label='文章列表']")
        .ok()
        .flatten()
        .expect("a named list");
    assert_eq!(list.children().length(), 2);
    assert_eq!(
        texts(&root, "h2 a"),
        ["学校食堂检查结果公布", "<b>Not bold</b>"],
        "titles are text, never markup"
    );
    assert!(root.query_selector("h2 b").ok().flatten().is_none());
    let first = root.query_selector("h2 a").ok().flatten().expect("link");
    assert_eq!(first.get_attribute("href").as_deref(), Some("articles/a-1"));
    let text = root.text_content().unwrap_or_default();
    for expected in [
        "2026-03-14",
        "通知公告",
        "浏览 12,345 次",
        "摘要一",
        "科普知识",
        "Summary two",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text:?}");
    }
}

#[wasm_bindgen_test]
async fn pagination_marks_only_the_current_page() {
    let root = container();
    let info = PageInfo {
        page: 2,
        total_pages: 5,
        total_items: 44,
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><Pagination href=|n| ListSource::Column("notices".into()).href(n) info/></Router> }
    });
    tick().await;
    let current = root
        .query_selector_all("[aria-current='page']")
        .expect("query");
    assert_eq!(current.length(), 1);
    let current = root
        .query_selector("[aria-current='page']")
        .ok()
        .flatten()
        .expect("current");
    assert_eq!(
        current.get_attribute("aria-label").as_deref(),
        Some("第 2 页")
    );
    assert_eq!(
        current.get_attribute("href").as_deref(),
        Some("category/notices/page/2")
    );
    let text = root.text_content().unwrap_or_default();
    for expected in ["上一页", "下一页", "共 5 页", "共 44 篇"] {
        assert!(text.contains(expected), "missing {expected:?} in {text:?}");
    }
    let first = root
        .query_selector("a[aria-label='第 1 页']")
        .ok()
        .flatten()
        .expect("page 1");
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("category/notices")
    );
}

#[wasm_bindgen_test]
async fn error_view_explains_and_retries() {
    let root = container();
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let on_retry = Callback::new(move |()| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        view! { <ErrorView error=ApiError::Decode("_news.views: invalid type".into()) on_retry/> }
    });
    tick().await;
    let alert = root
        .query_selector("[role='alert']")
        .ok()
        .flatten()
        .expect("an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(
        text.contains("加载失败") && text.contains("内容无法读取") && text.contains("_news.views"),
        "{text}"
    );
    let button: HtmlElement = root
        .query_selector("button")
        .ok()
        .flatten()
        .expect("retry")
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("重试"));
    button.click();
    assert_eq!(retries.load(Ordering::SeqCst), 1);
}

#[wasm_bindgen_test]
async fn not_found_error_shows_the_404_view() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ErrorView error=ApiError::NotFound on_retry=Callback::new(|()| {})/> }
    });
    tick().await;
    assert_eq!(texts(&root, "h1"), ["页面不存在"]);
    assert!(
        root.query_selector("button").ok().flatten().is_none(),
        "nothing to retry"
    );
}

#[wasm_bindgen_test]
async fn article_body_sanitizes_html_after_mount() {
    let root = container();
    let body = BodyContent::Html("<p onclick=\"alert(1)\">正文<script>alert(1)</script></p><img src=\"x.png\" onerror=\"alert(1)\">".into());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ArticleBody body base="https://news.example/api/"/> }
    });
    tick().await;
    tick().await;
    let html = root.inner_html();
    assert!(html.contains("正文"), "{html}");
    assert!(
        !html.contains("script") && !html.contains("onclick") && !html.contains("onerror"),
        "{html}"
    );
    assert!(html.contains("https://news.example/api/x.png"), "{html}");
}

#[wasm_bindgen_test]
async fn article_body_text_becomes_paragraphs() {
    let root = container();
    let body = BodyContent::Text("第一段\n\n<b>第二段</b>\n\n\n第三段".into());
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ArticleBody body base="/api/"/> },
    );
    tick().await;
    assert_eq!(texts(&root, "p"), ["第一段", "<b>第二段</b>", "第三段"]);
}
