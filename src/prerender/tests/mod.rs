//! The sample site (content/) built and pre-rendered natively, and hostile data rendered.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::builder::build_from_dir;

const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<base href=\"/news/\" />\n<title>新闻阅读器</title>\n<meta name=\"description\" content=\"x\" />\n<meta name=\"app-entry\" data-js=\"/news/newsreader-0123abcd.js\" data-wasm=\"/news/newsreader-0123abcd_bg.wasm\">\n</head>\n<body>\n<noscript>JS</noscript>\n</body>\n</html>\n";

/// A built sample site under /news/ in a fresh folder: the API from content/, the shell and
/// (stand-ins for) the app's hashed module and wasm.
fn sample_site(name: &str) -> PathBuf {
    let dist = std::env::temp_dir().join(format!("prerender-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dist);
    let files = build_from_dir(Path::new("content")).expect("content/ builds");
    for (path, bytes) in files {
        let file = dist.join("api").join(path);
        fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        fs::write(file, bytes).expect("write");
    }
    fs::write(dist.join("404.html"), SHELL).expect("shell");
    for app in ["newsreader-0123abcd.js", "newsreader-0123abcd_bg.wasm"] {
        fs::write(dist.join(app), "app").expect("app");
    }
    dist
}

/// The first page of the home feed, as built on disk.
fn first_feed_page(dist: &Path) -> crate::contract::FeedPage {
    serde_json::from_str(&fs::read_to_string(dist.join("api/feed/1.json")).expect("feed"))
        .expect("feed")
}

/// Changes the first article of the home feed on disk with `edit`; returns its id.
fn edit_first_article(dist: &Path, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let feed = first_feed_page(dist);
    let id = feed.items[0].id.clone();
    let path = dist.join(format!("api/articles/{id}.json"));
    let mut article: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).expect("article")).expect("JSON");
    edit(&mut article);
    fs::write(&path, article.to_string()).expect("write");
    id
}

fn page(dist: &Path, route: &str) -> String {
    fs::read_to_string(dist.join(file_of(route))).unwrap_or_else(|e| panic!("{route}: {e}"))
}

#[test]
fn every_route_of_the_sample_site_is_pre_rendered_once() {
    let dist = sample_site("all");
    let report = prerender(&dist, None).expect("pre-renders");
    let articles = fs::read_dir(dist.join("api/articles"))
        .expect("articles")
        .count();
    assert!(report.written > 2 * articles, "{report:?}");
    assert_eq!(report.unchanged, 0);

    let site: crate::contract::Site =
        serde_json::from_str(&fs::read_to_string(dist.join("api/site.json")).expect("site"))
            .expect("site.json");
    let feed = first_feed_page(&dist);
    let first = &feed.items[0];

    let home = page(&dist, "/");
    assert!(home.contains("class=\"page__title\">最新文章</h1>"));
    assert!(home.contains(&first.title));
    assert!(home.contains(&format!("<title>最新文章 — {}</title>", site.title)));
    assert!(!page(&dist, "/page/2").contains(&first.title));

    let article = page(&dist, &format!("/articles/{}", first.id));
    assert!(article.contains(&format!(
        "<meta property=\"og:title\" content=\"{}\">",
        first.title
    )));
    assert!(article.contains("class=\"article__body\"><p>"));
    assert!(article.contains("<script type=\"application/json\" id=\"page-data\">"));
    assert!(!article.contains("<noscript>"));
    assert!(page(&dist, &format!("/articles/{}/related", first.id)).contains("相关新闻："));
    assert!(page(&dist, "/sitemap").contains("网站地图"));
    for column in &site.categories {
        assert!(page(&dist, &format!("/category/{}", column.slug)).contains(&column.name));
    }
    assert_eq!(
        fs::read_to_string(dist.join("search/index.html")).expect("search"),
        SHELL
    );

    // Again with nothing changed: nothing is written. A page of a route that is gone is removed.
    fs::create_dir_all(dist.join("articles/gone")).expect("mkdir");
    fs::write(dist.join("articles/gone/index.html"), "old").expect("write");
    let again = prerender(&dist, None).expect("pre-renders again");
    assert_eq!(
        (again.written, again.unchanged, again.removed),
        (0, report.written, 1)
    );
    assert!(again.failed.is_empty(), "{:?}", again.failed);
    let _ = fs::remove_dir_all(dist);
}

#[test]
fn a_route_whose_data_is_broken_is_left_to_the_app() {
    let dist = sample_site("broken");
    prerender(&dist, None).expect("pre-renders");
    let feed = first_feed_page(&dist);
    let broken = &feed.items[0].id;
    fs::write(
        dist.join(format!("api/articles/{broken}.json")),
        "{\"truncated\": ",
    )
    .expect("write");
    fs::write(dist.join(format!("articles/{broken}/index.html.br")), "old").expect("write");
    let report = prerender(&dist, None).expect("pre-renders the rest");
    assert!(report
        .failed
        .iter()
        .any(|f| f.starts_with(&format!("/articles/{broken}:"))));
    assert!(
        !dist.join(format!("articles/{broken}/index.html")).exists(),
        "the stale page went"
    );
    assert!(!dist
        .join(format!("articles/{broken}/index.html.br"))
        .exists());
    assert!(dist
        .join(format!("articles/{}/index.html", feed.items[1].id))
        .exists());
    let _ = fs::remove_dir_all(dist);
}

#[test]
fn with_the_api_on_another_origin_nothing_is_pre_rendered() {
    let dist = sample_site("elsewhere");
    prerender(&dist, None).expect("pre-renders");
    fs::write(
        dist.join("config.json"),
        r#"{"api_base": "https://data.example.org/api/"}"#,
    )
    .expect("config");
    let report = prerender(&dist, None).expect("skips");
    assert!(report.skipped.is_some());
    assert!(report.removed > 0);
    assert_eq!(
        fs::read_to_string(dist.join("index.html")).expect("home"),
        SHELL
    );
    assert!(!dist.join("sitemap/index.html").exists());
    let _ = fs::remove_dir_all(dist);
}

#[test]
fn hostile_data_renders_as_text_and_sanitized_markup() {
    let payloads: Vec<String> =
        serde_json::from_str(include_str!("../../../tests/xss/payloads.json")).expect("payloads");
    let dist = sample_site("xss");
    let hostile = payloads.join("\n");
    let id = edit_first_article(&dist, |article| {
        article["title"] = hostile.clone().into();
        article["summary"] = hostile.clone().into();
        article["content_html"] = hostile.into();
        article["tags"] = serde_json::json!(payloads);
    });

    let shell = Shell::parse(SHELL).expect("shell");
    page_data::serve_from(site::source_for_tests(&dist, "/news/"));
    let html = render_page(&shell, "/news/", &format!("/articles/{id}")).expect("renders");
    let title_start = html.find("<title>").expect("title") + "<title>".len();
    let title_end = html.find("</title>").expect("title end");
    assert!(
        !html[title_start..title_end].contains('<'),
        "markup in <title>"
    );
    let body_start = html.find("<body>").expect("body");
    let mut scripts = 0;
    // The head's own elements (the shell's, and the page's meta tags, whose content carries the
    // hostile title and summary) are checked for their attributes; the body for its elements too.
    for (tag, attributes) in tags(&html[..body_start]) {
        assert!(
            ["html", "head", "meta", "base", "title"].contains(&tag.as_str()),
            "<{tag}> in the head"
        );
        check_attributes(&tag, attributes);
    }
    for (tag, attributes) in tags(&html[body_start..]) {
        assert!(
            !FORBIDDEN.contains(&tag.as_str()) || tag == "script",
            "<{tag}> in the body"
        );
        if tag == "script" {
            assert!(attributes.contains(&("type".into(), "application/json".into())));
            scripts += 1;
        }
        check_attributes(&tag, attributes);
    }
    assert_eq!(scripts, 1, "only the page-data block");
    let _ = fs::remove_dir_all(dist);
}

/// No handler, no style and no script URL, with character references decoded as a browser would.
fn check_attributes(tag: &str, attributes: Vec<(String, String)>) {
    for (name, value) in attributes {
        assert!(
            !name.starts_with("on") && name != "style",
            "{name}= on <{tag}>"
        );
        let value = crate::search::text::decode_entities(value.trim()).to_lowercase();
        let value: String = value.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        assert!(
            !value.starts_with("javascript:") && !value.starts_with("data:text"),
            "{name}={value} on <{tag}>"
        );
    }
}

/// Elements no article data may bring into a page (the header's search form is the app's own).
const FORBIDDEN: &[&str] = &[
    "script", "iframe", "frame", "object", "embed", "svg", "math", "style", "link", "meta", "base",
    "template", "textarea", "select",
];

/// The start tags of `html` with their attributes (name, value with entities left as they are),
/// read the way a browser tokenizes them, quotes included.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() || rest.starts_with('>') {
                break;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(rest.len());
            let attr = rest[..end].to_ascii_lowercase();
            rest = &rest[end..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix('=') {
                let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
                let (v, r) = match quote {
                    Some(q) => {
                        let body = &after[1..];
                        let close = body.find(q).unwrap_or(body.len());
                        (&body[..close], body.get(close + 1..).unwrap_or(""))
                    }
                    None => {
                        let close = after
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..close], &after[close..])
                    }
                };
                value = v.to_owned();
                rest = r;
            }
            attributes.push((attr, value));
        }
        // Raw text elements: their content is not markup.
        if name == "script" || name == "style" || name == "title" || name == "textarea" {
            if let Some(close) = rest.find(&format!("</{name}")) {
                rest = &rest[close..];
            }
        }
        out.push((name, attributes));
    }
    out
}

mod feeds;
mod page_weight;
mod published;
