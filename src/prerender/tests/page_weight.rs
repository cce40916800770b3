//! The data a pre-rendered page carries: what it was rendered from, and no more.

use std::fs;

use super::super::*;
use super::{edit_first_article, first_feed_page, page, sample_site, SHELL};

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
    let route = format!("/articles/{id}");
    let html = render_page(&shell, "/news/", &route).expect("renders");
    let data = page_data_of(&html);
    let urls = urls_of(&data);
    assert!(!urls.iter().any(|u| u.contains("/category/")), "{urls:?}");
    let key = format!("/news/api/articles/{id}.json#related");
    let related = carried(&data, &key).unwrap_or_else(|| panic!("no {key} in {urls:?}"));
    let related = related.as_array().expect("a list");
    assert!(!related.is_empty());
    for item in related {
        let title = item["title"].as_str().expect("a title");
        assert!(html.contains(title), "{title}");
        // The box under an article shows titles and dates: no summary travels for it.
        assert_eq!(item.as_object().expect("an object").len(), 3, "{item}");
    }
    let _ = fs::remove_dir_all(dist);
}

#[test]
fn a_related_view_carries_its_articles_title_alone_and_loads_its_list() {
    let dist = sample_site("related-view");
    let shell = Shell::parse(SHELL).expect("shell");
    page_data::serve_from(site::source_for_tests(&dist, "/news/"));
    let feed = first_feed_page(&dist);
    let (id, title) = (&feed.items[0].id, &feed.items[0].title);
    let html = render_page(&shell, "/news/", &format!("/articles/{id}/related")).expect("renders");
    let data = page_data_of(&html);
    let key = format!("/news/api/articles/{id}.json#title");
    assert_eq!(
        urls_of(&data),
        ["/news/config.json", "/news/api/site.json", key.as_str()]
    );
    assert_eq!(carried(&data, &key), Some(serde_json::json!(title)));
    assert!(html.contains(&format!("相关新闻：{title}</h1>")));
    assert!(
        html.contains("<p role=\"status\" hidden class=\"loading\">"),
        "{html}"
    );
    assert!(!html.contains("news-list"));
    let _ = fs::remove_dir_all(dist);
}

/// The value a page carries under `key`, if any.
fn carried(data: &serde_json::Value, key: &str) -> Option<serde_json::Value> {
    data["responses"]
        .as_array()
        .expect("responses")
        .iter()
        .find(|r| r[0] == key)
        .map(|r| r[1].clone())
}

#[test]
fn an_article_body_travels_once_as_the_pages_html() {
    let dist = sample_site("body");
    prerender(&dist, None).expect("pre-renders");
    let feed = first_feed_page(&dist);
    let id = &feed.items[0].id;
    let url = format!("/news/api/articles/{id}.json");
    let source: crate::contract::Article =
        serde_json::from_str(&fs::read_to_string(dist.join(&url[6..])).expect("article"))
            .expect("article");
    let html = page(&dist, &format!("/articles/{id}"));
    let data = page_data_of(&html);
    assert_eq!(data["body_in_page"], url.as_str());
    let carried = carried(&data, &url).expect("the article travels");
    assert!(carried.get("content_html").is_none(), "{carried}");
    assert_eq!(carried["title"], source.title.as_str());

    // The browser reads the body back from the page: the same article, its body as rendered.
    let body = crate::builder::render::sanitize_body(
        source.content_html.as_deref().expect("an HTML body"),
        "/news/api/",
    );
    assert!(html.contains(&format!("<div class=\"article__body\">{body}</div>")));
    let block = &html[html.find("id=\"page-data\">").expect("block") + 15..];
    let block = &block[..block.find("</script>").expect("end")];
    page_data::serve_from(|_| None);
    page_data::load(block, || Some(body.clone())).expect("loads");
    let article = crate::api::Api::new("/news/api/")
        .article_now(id)
        .expect("at hand")
        .expect("decodes");
    assert_eq!(article.content_html.as_deref(), Some(body.as_str()));
    assert_eq!(
        (article.title, article.news.views),
        (source.title, source.news.views)
    );
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
