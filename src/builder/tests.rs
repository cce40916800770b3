use super::site::SiteConfig;
use super::source::parse_article;
use super::*;
use crate::contract::{decode, Article, FeedPage, Site};

const SITE: &str = "title = \"测试站\"\npage_size = 2\n[[columns]]\nslug = \"a\"\nname = \"甲\"\n[[columns]]\nslug = \"b\"\nname = \"乙\"\n[[columns]]\nslug = \"empty\"\nname = \"空\"\n";

fn article(id: &str, date: &str, column: &str, tags: &str) -> SourceArticle {
    let text = format!("+++\ntitle = \"标题 {id}\"\ndate = \"{date}\"\ncolumn = \"{column}\"\ntags = [{tags}]\n+++\n第一段 {id}。\n\n第二段。\n");
    parse_article(&format!("{id}.md"), id, &text).expect("fixture article")
}

fn site() -> SiteConfig {
    SiteConfig::parse("site.toml", SITE).expect("fixture site")
}

fn file<'a>(files: &'a [OutputFile], path: &str) -> &'a [u8] {
    &files
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("{path} not built"))
        .1
}

fn doc<T: serde::de::DeserializeOwned>(files: &[OutputFile], path: &str) -> T {
    decode(std::str::from_utf8(file(files, path)).expect("utf-8")).expect("contract document")
}

#[test]
fn builds_the_whole_contract() {
    let articles = vec![
        article("a1", "2025-01-01T08:00:00+08:00", "a", "\"冷链\""),
        article("a2", "2025-02-01T08:00:00+08:00", "a", "\"冷链\""),
        article("b1", "2025-01-15T08:00:00+08:00", "b", "\"冷链\", \"餐饮\""),
        article("a3", "2025-03-01T08:00:00+08:00", "a", ""),
    ];
    let files = build(&site(), articles).expect("builds");
    let site: Site = doc(&files, "site.json");
    assert_eq!(
        site.categories.iter().map(|c| c.count).collect::<Vec<_>>(),
        [3, 1, 0]
    );

    let feed1: FeedPage = doc(&files, "feed/1.json");
    assert_eq!(
        feed1
            .items
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
        ["a3", "a2"]
    );
    assert_eq!(feed1.next_url.as_deref(), Some("feed/2.json"));
    assert_eq!(
        (
            feed1.news.page,
            feed1.news.total_pages,
            feed1.news.total_items
        ),
        (1, 2, 4)
    );
    assert_eq!(
        feed1.items[0].content_text, "第一段 a3。",
        "the summary is the first paragraph"
    );
    let feed2: FeedPage = doc(&files, "feed/2.json");
    assert_eq!(
        feed2
            .items
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
        ["b1", "a1"]
    );
    assert_eq!(feed2.next_url, None);
    let empty: FeedPage = doc(&files, "category/empty/1.json");
    assert!(empty.items.is_empty() && empty.news.total_pages == 1);

    // Neighbours within the column: prev is older, next is newer.
    let a2: Article = doc(&files, "articles/a2.json");
    assert_eq!(a2.news.prev.as_ref().map(|p| p.id.as_str()), Some("a1"));
    assert_eq!(a2.news.next.as_ref().map(|n| n.id.as_str()), Some("a3"));
    assert!(a2
        .content_html
        .as_deref()
        .is_some_and(|h| h.contains("<p>第二段。</p>")));
    // Related, older only: a1 (same column + tag = 180) before b1 (tag + month? no: tag only, 78 < 80).
    assert_eq!(
        a2.news
            .related
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["a1"]
    );
    let a3: Article = doc(&files, "articles/a3.json");
    assert_eq!(
        a3.news
            .related
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["a2", "a1"]
    );
    assert_eq!(a3.news.next, None);
}

#[test]
fn every_bad_input_is_listed() {
    let mut dup = article("a1", "2025-01-01T08:00:00+08:00", "a", "");
    dup.file = "other.md".into();
    let articles = vec![
        article("a1", "2025-01-01T08:00:00+08:00", "a", ""),
        dup,
        article("x1", "2025-01-01T08:00:00+08:00", "nope", ""),
    ];
    let errors: Vec<String> = build(&site(), articles)
        .expect_err("bad input")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("other.md:1: duplicate id \"a1\": also used by a1.md"),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with("x1.md:4: unknown column \"nope\""),
        "{errors:?}"
    );
}

#[test]
fn reads_a_content_folder_and_reports_file_and_line() {
    let dir = std::env::temp_dir().join(format!("news-content-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("2025")).expect("dir");
    std::fs::write(dir.join("site.toml"), SITE).expect("site");
    std::fs::write(
        dir.join("2025/good.md"),
        "+++\ntitle = \"好\"\ndate = \"2025-01-01T00:00:00Z\"\ncolumn = \"a\"\n+++\n正文\n",
    )
    .expect("good");
    assert!(build_from_dir(&dir).is_ok());
    std::fs::write(
        dir.join("bad.md"),
        "+++\ntitle = \"坏\"\ndate = \"yesterday\"\ncolumn = \"a\"\n+++\n",
    )
    .expect("bad");
    let errors = build_from_dir(&dir).expect_err("bad date");
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}:3: date \"yesterday\" is not RFC 3339 with an offset (2025-03-14T09:30:00+08:00)",
            dir.join("bad.md").display()
        )
    );
    std::fs::write(
        dir.join("bad.md"),
        "+++\ntitle = \"好\"\ndate = \"2025-01-02T00:00:00Z\"\ncolumn = \"a\"\n+++\n",
    )
    .expect("fixed");
    std::fs::write(dir.join("2025/notes.txt"), "not an article").expect("stray");
    let errors = build_from_dir(&dir).expect_err("stray file");
    assert!(errors[0].to_string().ends_with("notes.txt:1: not an article: only *.md files, site.toml and media/ belong in the content folder"), "{}", errors[0]);
    std::fs::remove_dir_all(&dir).expect("cleanup");
}
