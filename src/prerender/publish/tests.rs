use quick_xml::events::Event;
use quick_xml::Reader;

use super::*;

fn route(path: &str, lastmod: Option<&str>) -> Route {
    Route {
        path: path.to_owned(),
        lastmod: lastmod.map(str::to_owned),
    }
}

/// The root element's name and, for each entry, its `<loc>` and `<lastmod>`, read back with an
/// XML parser.
fn parse(xml: &str) -> (String, Vec<(String, Option<String>)>) {
    let mut reader = Reader::from_str(xml);
    let (mut root, mut entries, mut open) = (String::new(), Vec::new(), String::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name().into_inner().to_owned();
                if root.is_empty() {
                    root = name.clone();
                }
                if name == "url" || name == "sitemap" {
                    entries.push((String::new(), None));
                }
                open = name;
            }
            Event::Text(t) => text_of(&mut entries, &open, &t),
            Event::GeneralRef(r) => {
                let resolved = quick_xml::escape::resolve_xml_entity(&r).expect("a known entity");
                text_of(&mut entries, &open, resolved);
            }
            Event::End(_) => open.clear(),
            Event::Eof => break,
            _ => {}
        }
    }
    (root, entries)
}

/// Appends `text` to the open `<loc>` or `<lastmod>` of the last entry.
fn text_of(entries: &mut [(String, Option<String>)], open: &str, text: &str) {
    match (open, entries.last_mut()) {
        ("loc", Some(entry)) => entry.0.push_str(text),
        ("lastmod", Some(entry)) => entry.1.get_or_insert_with(String::new).push_str(text),
        _ => {}
    }
}

#[test]
fn a_sitemap_lists_absolute_urls_with_their_dates_without_related_views() {
    let routes = [
        route("/", Some("2026-07-03T09:00:00+08:00")),
        route("/articles/a", Some("2026-07-03T09:00:00+08:00")),
        route("/articles/a/related", Some("2026-07-03T09:00:00+08:00")),
        route("/sitemap", None),
        route("/articles/b&c", Some("not a date")),
    ];
    let (files, count) =
        sitemap_files("https://news.example.org", "/news/", &routes, MAX_URLS).expect("xml");
    assert_eq!((files.len(), count), (1, 4));
    assert_eq!(files[0].0, "sitemap.xml");
    let (root, entries) = parse(&files[0].1);
    assert_eq!(root, "urlset");
    assert!(files[0].1.contains(SITEMAP_NS));
    let date = Some("2026-07-03T09:00:00+08:00".to_owned());
    assert_eq!(
        entries,
        [
            ("https://news.example.org/news/".to_owned(), date.clone()),
            ("https://news.example.org/news/articles/a".to_owned(), date),
            ("https://news.example.org/news/sitemap".to_owned(), None),
            (
                "https://news.example.org/news/articles/b&c".to_owned(),
                None
            ),
        ]
    );
}

#[test]
fn more_urls_than_a_file_holds_make_an_index_of_parts() {
    let routes: Vec<Route> = (1..=5)
        .map(|n| {
            route(
                &format!("/articles/{n}"),
                Some(&format!("2026-01-0{n}T00:00:00Z")),
            )
        })
        .collect();
    let (files, count) = sitemap_files("https://news.example.org", "/", &routes, 2).expect("xml");
    assert_eq!(count, 5);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "sitemap.xml",
            "sitemap-1.xml",
            "sitemap-2.xml",
            "sitemap-3.xml"
        ]
    );
    let (root, parts) = parse(&files[0].1);
    assert_eq!(root, "sitemapindex");
    assert_eq!(
        parts[0],
        (
            "https://news.example.org/sitemap-1.xml".to_owned(),
            Some("2026-01-02T00:00:00Z".to_owned())
        )
    );
    assert_eq!(parts.len(), 3);
    let listed: usize = files[1..].iter().map(|(_, xml)| parse(xml).1.len()).sum();
    assert_eq!(listed, 5);
}

#[test]
fn robots_names_the_sitemap_only_when_there_is_one() {
    assert_eq!(robots_txt(None), "User-agent: *\nAllow: /\n");
    assert!(robots_txt(Some("https://x.org/sitemap.xml"))
        .ends_with("\nSitemap: https://x.org/sitemap.xml\n"));
}

#[test]
fn the_site_url_must_be_absolute_http() {
    assert_eq!(
        site_url("https://news.example.org/").as_deref(),
        Ok("https://news.example.org")
    );
    assert_eq!(
        site_url("http://127.0.0.1:8080").as_deref(),
        Ok("http://127.0.0.1:8080")
    );
    for bad in [
        "news.example.org",
        "ftp://x.org",
        "https://",
        "https://x.org/?a=1",
        "https://x.org/#f",
    ] {
        assert!(site_url(bad).is_err(), "{bad}");
    }
}
