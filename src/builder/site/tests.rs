//! Parsing site.toml: defaults, errors with their lines, the organization table.

use super::*;

const SITE: &str = r#"title = "测试站"
description = "说明"
page_size = 5

[[columns]]
slug = "notices"
name = "通知公告"

[[columns]]
slug = "science"
name = "科普知识"

[related]
threshold = 70
"#;

#[test]
fn parses_with_defaults() {
    let site = SiteConfig::parse("site.toml", SITE).expect("valid");
    assert_eq!(site.language, "zh-CN");
    assert_eq!(site.page_size, 5);
    assert_eq!(site.columns.len(), 2);
    assert_eq!(site.related.threshold, 70);
    assert_eq!(site.related.tags_weight, 80);
    assert!(!site.related.include_newer);
}

#[test]
fn reports_errors_with_lines() {
    let bad = SITE
        .replace("slug = \"science\"", "slug = \"notices\"")
        .replace("page_size = 5", "page_size = 0");
    let errors = SiteConfig::parse("site.toml", &bad).expect_err("duplicate slug");
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|e| e.contains("page_size")), "{text:?}");
    assert!(
        text.iter()
            .any(|e| e.starts_with("site.toml:") && e.contains("used twice")),
        "{text:?}"
    );

    let errors = SiteConfig::parse("site.toml", "title = 3\ncolumns = []").expect_err("wrong type");
    assert_eq!(errors[0].line, 1);
    let errors = SiteConfig::parse("site.toml", "title = \"x\"\ncolums = []\n").expect_err("typo");
    assert_eq!(errors[0].line, 2, "{}", errors[0]);
}

#[test]
fn reads_the_organization_and_names_a_misspelt_key() {
    let site = SiteConfig::parse("site.toml", SITE).expect("valid");
    assert!(site.organization().expect("empty").is_empty());
    let with =
        format!("{SITE}\n[organization]\nsponsor = \"某市人民政府办公室\"\nicp = \"某ICP备1号\"\n");
    let org = SiteConfig::parse("site.toml", &with)
        .expect("valid")
        .organization()
        .expect("known keys");
    assert_eq!(org.sponsor.as_deref(), Some("某市人民政府办公室"));
    assert_eq!(org.icp.as_deref(), Some("某ICP备1号"));
    let typo = with.replace("sponsor =", "sponser =");
    let errors = SiteConfig::parse("site.toml", &typo).expect_err("typo");
    let line = typo
        .lines()
        .position(|l| l == "[organization]")
        .expect("table")
        + 1;
    assert_eq!(errors[0].line, line, "{}", errors[0]);
    assert!(errors[0].to_string().contains("`sponser`"), "{}", errors[0]);
}
