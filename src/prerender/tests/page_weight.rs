//! The data a pre-rendered page carries: what it was rendered from, and no more.

use std::fs;

use super::super::*;
use super::{edit_first_article, page, sample_site, SHELL};

#[test]
fn the_page_data_is_what_the_page_was_rendered_from() {
    let dist = sample_site("data");
    prerender(&dist, None).expect("pre-renders");
    let data = page_data_of(&page(&dist, "/sitemap"));
    assert_eq!(data["route"], "/sitemap");
    assert_eq!(urls_of(&data), ["/news/config.json", "/news/api/site.json"]);
    assert!(
        data["responses"][0][1].is_null(),
        "no config.json: known missing"
    );
    let _ = fs::remove_dir_all(dist);
}

#[test]
fn article_pages_carry_the_related_news_they_show_not_the_lists_it_was_ranked_from() {
    let dist = sample_site("related");
    let id = edit_first_article(&dist, |article| {
        article["_news"]["related"] = serde_json::json!([]);
    });

    let shell = Shell::parse(SHELL).expect("shell");
    page_data::serve_from(site::source_for_tests(&dist, "/news/"));
    let routes = [
        (format!("/articles/{id}"), "related"),
        (format!("/articles/{id}/related"), "related-news"),
    ];
    for (route, derived) in routes {
        let html = render_page(&shell, "/news/", &route).expect("renders");
        let data = page_data_of(&html);
        let urls = urls_of(&data);
        assert!(
            !urls.iter().any(|u| u.contains("/category/")),
            "{route}: {urls:?}"
        );
        let key = format!("/news/api/articles/{id}.json#{derived}");
        let value = data["responses"]
            .as_array()
            .expect("responses")
            .iter()
            .find(|r| r[0] == key.as_str())
            .map(|r| r[1].clone())
            .unwrap_or_else(|| panic!("{route}: no {key} in {urls:?}"));
        let related = value.get("related").cloned().unwrap_or(value);
        let related = related.as_array().expect("a list");
        assert!(!related.is_empty(), "{route}");
        for item in related {
            let title = item["title"].as_str().expect("a title");
            assert!(html.contains(title), "{route}: {title}");
            // The box under an article shows titles and dates: no summary travels for it.
            let fields = item.as_object().expect("an object").len();
            assert_eq!(fields == 3, derived == "related", "{route}: {item}");
        }
    }
    // The related page shows the article's title, not its body: the article is not carried.
    let html = render_page(&shell, "/news/", &format!("/articles/{id}/related")).expect("renders");
    let urls = urls_of(&page_data_of(&html)).join(" ");
    assert!(!urls.contains(&format!("articles/{id}.json ")), "{urls}");
    assert!(!urls.ends_with(&format!("articles/{id}.json")), "{urls}");
    let _ = fs::remove_dir_all(dist);
}

/// The page-data block of a pre-rendered page.
fn page_data_of(html: &str) -> serde_json::Value {
    let start = html.find("id=\"page-data\">").expect("block") + "id=\"page-data\">".len();
    let end = start + html[start..].find("</script>").expect("end");
    serde_json::from_str(&html[start..end]).expect("JSON")
}

fn urls_of(data: &serde_json::Value) -> Vec<&str> {
    data["responses"]
        .as_array()
        .expect("responses")
        .iter()
        .map(|r| r[0].as_str().expect("url"))
        .collect()
}
