//! Each kind of finding, found at its line; clean content finds nothing.

use std::collections::HashSet;

use super::*;
use crate::builder::source::parse_article;

const SITE: &str = "title = \"站\"\n[[columns]]\nslug = \"a\"\nname = \"甲\"\n[integrity]\nallowed_hosts = [\"example.gov.cn\"]\nblocked_terms = [\"博彩\", \"Casino\"]\n";

fn findings(articles: &[(&str, &str)]) -> Vec<String> {
    let site = SiteConfig::parse("site.toml", SITE).expect("site");
    let parsed: Vec<SourceArticle> = articles
        .iter()
        .map(|(id, body)| {
            let text = format!("+++\ntitle = \"标题\"\ndate = \"2025-01-01T00:00:00+08:00\"\ncolumn = \"a\"\n+++\n{body}");
            parse_article(&format!("{id}.md"), id, &text).expect("article")
        })
        .collect();
    let media: HashSet<String> = ["media/chart.svg".to_owned()].into();
    check(&site, &parsed, &media)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn clean_content_has_no_findings() {
    let body = "第一段，[另一篇](../articles/b)与[部网站](https://www.example.gov.cn/x)。\n\n![图](media/chart.svg)\n\n<p style=\"color: #333; text-align: center\">居中</p>\n";
    assert_eq!(
        findings(&[("a", body), ("b", "正文。")]),
        Vec::<String>::new()
    );
}

#[test]
fn every_kind_of_tampering_is_found_at_its_line() {
    let body = [
        "第一段。",                                                  // line 6
        "含有\u{200B}零宽字符。",                                    // 8
        "<span style=\"display:none\">澳门博彩</span>",              // 10
        "<div style=\"position:absolute; left:-9999px\">隐藏</div>", // 12
        "<p style=\"COLOR:#fff;background-color:#FFF\">同色</p>",    // 14
        "<p style=\"font-size: 0px !important\">零号字</p>",         // 16
        "<p hidden>隐藏属性</p>",                                    // 18
        "[外链](https://casino.example.com/)",                       // 20
        "[死链](/articles/nope)",                                    // 22
        "![缺图](media/missing.png)",                                // 24
        "\u{202E}反向",                                              // 26
    ]
    .join("\n\n");
    let found = findings(&[("a", &body)]);
    let expected = [
        "a.md:8: invisible character U+200B (zero-width space) in the body",
        "a.md:26: invisible character U+202E (direction embedding or override) in the body",
        "a.md:10: blocked term \"博彩\" in the body",
        "a.md:20: blocked term \"Casino\" in the body",
        "a.md:10: hidden text: <span> with style \"display: none\"",
        "a.md:12: hidden text: <div> with style \"left: -9999px\"",
        "a.md:14: hidden text: <p> with style \"color: #fff\" on the same background",
        "a.md:16: hidden text: <p> with style \"font-size: 0px\"",
        "a.md:18: hidden text: <p> with the hidden attribute",
        "a.md:20: link to casino.example.com, outside [integrity] allowed_hosts",
        "a.md:22: link to an unknown article \"nope\"",
        "a.md:24: missing media file media/missing.png",
    ];
    for line in expected {
        assert!(found.iter().any(|f| f == line), "{line} not in {found:#?}");
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn a_title_is_checked_too() {
    let site = SiteConfig::parse("site.toml", SITE).expect("site");
    let text = "+++\ndate = \"2025-01-01T00:00:00+08:00\"\ntitle = \"通知\u{200D}博彩\"\ncolumn = \"a\"\n+++\n正文。\n";
    let article = parse_article("t.md", "t", text).expect("article");
    let found: Vec<String> = check(&site, &[article], &HashSet::new())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "t.md:3: invisible character U+200D (zero-width joiner) in the title",
            "t.md:3: blocked term \"博彩\" in the title",
        ]
    );
}

#[test]
fn the_sample_content_is_clean() {
    let content = crate::builder::read_content(std::path::Path::new("content")).expect("content/");
    let found: Vec<String> = content.check().iter().map(ToString::to_string).collect();
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn an_html_body_is_read_as_html_even_where_markdown_would_see_code() {
    let site = SiteConfig::parse("site.toml", SITE).expect("site");
    // Pretty-printed CMS markup: as Markdown, the indented line after a blank one is a code block.
    let text = "+++\ntitle = \"标题\"\ndate = \"2025-01-01T00:00:00+08:00\"\ncolumn = \"a\"\nformat = \"html\"\n+++\n<div>\n\n    <p style=\"display:none\">藏</p>\n</div>\n";
    let article = parse_article("h.md", "h", text).expect("article");
    let found: Vec<String> = check(&site, &[article], &HashSet::new())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        ["h.md:9: hidden text: <p> with style \"display: none\""]
    );
}
