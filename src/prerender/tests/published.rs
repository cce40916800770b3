//! robots.txt and the sitemap beside the pre-rendered pages.

use std::fs;

use super::super::*;
use super::sample_site;

#[test]
fn robots_txt_always_and_with_a_site_url_a_sitemap_of_every_article() {
    let dist = sample_site("sitemap");
    let report = prerender(&dist, None).expect("pre-renders");
    assert_eq!(
        fs::read_to_string(dist.join("robots.txt")).expect("robots.txt"),
        "User-agent: *\nAllow: /\n"
    );
    assert!(!dist.join("sitemap.xml").exists());
    assert_eq!(report.notices.len(), 1, "{report:?}");
    let offline: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dist.join("offline.json")).expect("offline.json"))
            .expect("JSON");
    assert!(offline["version"].as_str().is_some_and(|v| v.len() == 16));
    for file in [
        "newsreader-0123abcd.js",
        "newsreader-0123abcd_bg.wasm",
        "api/site.json",
    ] {
        assert!(
            offline["files"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f == file)),
            "{file}"
        );
    }

    let report = prerender(&dist, Some("https://news.example.org/")).expect("pre-renders");
    let robots = fs::read_to_string(dist.join("robots.txt")).expect("robots.txt");
    assert!(robots.ends_with("Sitemap: https://news.example.org/news/sitemap.xml\n"));
    let xml = fs::read_to_string(dist.join("sitemap.xml")).expect("sitemap.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut in_loc, mut locs) = (false, Vec::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) => in_loc = e.name().into_inner() == "loc",
            quick_xml::events::Event::Text(t) if in_loc => locs.push(t.to_string()),
            quick_xml::events::Event::Eof => break,
            _ => in_loc = false,
        }
    }
    assert_eq!(locs.len(), report.sitemap_urls);
    let articles = fs::read_dir(dist.join("api/articles")).expect("articles");
    for entry in articles {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let id = name.trim_end_matches(".json");
        let url = format!("https://news.example.org/news/articles/{id}");
        assert!(locs.contains(&url), "{url} not in the sitemap");
    }
    assert!(locs.iter().all(|l| !l.ends_with("/related")));
    assert!(prerender(&dist, Some("news.example.org")).is_err());
    // Without a site URL any more, the old sitemap goes: robots.txt no longer names it.
    prerender(&dist, None).expect("pre-renders");
    assert!(!dist.join("sitemap.xml").exists());
    let _ = fs::remove_dir_all(dist);
}

#[test]
fn the_manifest_names_the_site_and_follows_the_deploy_path() {
    let dist = sample_site("manifest");
    prerender(&dist, None).expect("pre-renders");
    let text = fs::read_to_string(dist.join("manifest.webmanifest")).expect("manifest");
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let site: crate::contract::Site =
        serde_json::from_str(&fs::read_to_string(dist.join("api/site.json")).expect("site"))
            .expect("site.json");
    assert_eq!(manifest["name"], site.title.as_str());
    assert_eq!(manifest["lang"], site.language.as_str());
    assert_eq!(
        manifest["description"],
        site.description.as_deref().unwrap_or_default()
    );
    // Relative to the manifest: under /news/ they are /news/ and /news/icon-….
    assert_eq!(
        (manifest["start_url"].as_str(), manifest["scope"].as_str()),
        (Some("./"), Some("./"))
    );
    let sizes: Vec<&str> = manifest["icons"]
        .as_array()
        .expect("icons")
        .iter()
        .filter_map(|i| i["sizes"].as_str())
        .collect();
    assert!(
        sizes.contains(&"192x192") && sizes.contains(&"512x512"),
        "{sizes:?}"
    );
    let _ = fs::remove_dir_all(dist);
}
