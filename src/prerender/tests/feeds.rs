//! The Atom feeds, canonical links and structured data written with a site URL, hostile data
//! included.

use std::fs;

use quick_xml::events::Event;

use super::super::*;
use super::{check_attributes, edit_first_article, page, sample_site, tags, FORBIDDEN};

/// The text of every `tag` element of a well-formed XML document, references resolved.
fn xml_texts(xml: &str, tag: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut inside, mut text, mut texts) = (false, String::new(), Vec::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                inside = e.name().as_ref() == tag;
                text.clear();
            }
            Event::Text(t) if inside => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if inside => match r.resolve_char_ref().expect("reference") {
                Some(c) => text.push(c),
                None => text.push_str(
                    quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .expect("a predefined entity"),
                ),
            },
            Event::End(_) if inside => {
                texts.push(std::mem::take(&mut text));
                inside = false;
            }
            Event::Eof => return texts,
            _ => {}
        }
    }
}

/// The JSON of the page's one `<script type="application/ld+json">`.
fn json_ld(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\" data-first-page>";
    let start = html.find(open).expect("JSON-LD") + open.len();
    let end = start + html[start..].find("</script>").expect("closed");
    serde_json::from_str(&html[start..end]).expect("JSON-LD is JSON")
}

#[test]
fn feeds_canonical_links_and_json_ld_with_a_site_url_only() {
    let payloads: Vec<String> =
        serde_json::from_str(include_str!("../../../tests/xss/payloads.json")).expect("payloads");
    let hostile = format!("{}\u{1}\u{FFFF}", payloads.join("\n"));
    let dist = sample_site("feeds");
    let id = edit_first_article(&dist, |article| {
        article["title"] = hostile.clone().into();
        article["content_html"] = hostile.clone().into();
        article["image"] = "media/a.png".into();
    });
    let report = prerender(&dist, Some("https://news.example.org")).expect("pre-renders");
    assert_eq!(report.feeds, 5, "the site and its four columns");

    let site = fs::read_to_string(dist.join("atom.xml")).expect("atom.xml");
    let ids = xml_texts(&site, "id");
    assert_eq!(ids[0], "https://news.example.org/news/");
    assert_eq!(
        ids.len(),
        1 + feeds::ENTRIES,
        "the feed and its newest entries: {ids:?}"
    );
    assert_eq!(
        ids[1],
        format!("https://news.example.org/news/articles/{id}")
    );
    // The hostile title is text, with only the characters XML cannot hold taken out.
    let titles = xml_texts(&site, "title");
    assert_eq!(titles[1], hostile.replace(['\0', '\u{1}', '\u{FFFF}'], ""));
    let content = xml_texts(&site, "content").remove(0);
    for (tag, attributes) in tags(&content) {
        assert!(
            !FORBIDDEN.contains(&tag.as_str()),
            "<{tag}> in a feed's content"
        );
        check_attributes(&tag, attributes);
    }
    let column = fs::read_to_string(dist.join("feeds/notices.xml")).expect("column feed");
    assert!(xml_texts(&column, "id")
        .iter()
        .all(|id| id.starts_with("https://news.example.org/news/")));

    let html = page(&dist, &format!("/articles/{id}"));
    let head = &html[..html.find("<body>").expect("body")];
    let canonical = format!(
        "<link rel=\"canonical\" href=\"https://news.example.org/news/articles/{id}\" data-first-page>"
    );
    assert_eq!(head.matches("rel=\"canonical\"").count(), 1);
    assert!(head.contains(&canonical), "{head}");
    assert!(head.contains("href=\"https://news.example.org/news/atom.xml\""));
    for (tag, attributes) in tags(head) {
        assert!(
            ["html", "head", "meta", "base", "title", "link", "script"].contains(&tag.as_str()),
            "<{tag}> in the head"
        );
        if tag == "script" {
            assert!(attributes
                .iter()
                .any(|(n, v)| n == "type" && v.starts_with("application/")));
        }
    }
    let data = json_ld(&html);
    assert_eq!(data[0]["@type"], "NewsArticle");
    assert_eq!(data[0]["headline"], hostile.as_str());
    assert_eq!(
        data[0]["image"][0],
        "https://news.example.org/news/api/media/a.png"
    );
    assert_eq!(data[1]["@type"], "BreadcrumbList");
    assert_eq!(
        data[1]["itemListElement"][2]["item"],
        data[0]["mainEntityOfPage"]
    );
    let list = page(&dist, "/category/notices");
    assert!(list.contains("href=\"https://news.example.org/news/category/notices\""));
    assert!(list.contains("href=\"https://news.example.org/news/feeds/notices.xml\""));
    assert!(!list.contains("application/ld+json"));

    let report = prerender(&dist, None).expect("pre-renders");
    assert_eq!(report.feeds, 0);
    assert!(!dist.join("atom.xml").exists() && !dist.join("feeds/notices.xml").exists());
    assert!(!page(&dist, &format!("/articles/{id}")).contains("rel=\"canonical\""));
    let _ = fs::remove_dir_all(dist);
}
