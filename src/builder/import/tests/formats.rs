//! One feed per format: what is kept of each, read back as the builder reads it.

use super::{article, error, fixture, run, source, warnings_of};

#[test]
fn rss_2_with_content_encoded_enclosures_and_media() {
    let done = run(&[fixture!("rss2.xml")]);
    assert_eq!(done.summaries, ["rss2.xml: RSS 2.0, UTF-8, 2 items"]);
    let a = article(&done, "example-gov-2018-0918-1");
    assert_eq!(a.title, "关于开展学校食堂食品安全检查的通知");
    assert_eq!(a.date, "2018-09-18T14:38:10+08:00");
    assert_eq!((a.column.as_str(), a.updated), ("notices", None));
    assert_eq!(a.tags, ["食品安全", "学校食堂"]);
    assert_eq!(a.authors, ["办公室"]);
    assert_eq!(a.summary.as_deref(), Some("各区县局：为保障师生饮食安全……"));
    assert_eq!(
        a.image.as_deref(),
        Some("https://www.example.gov.cn/images/2018/check-small.png")
    );
    // content:encoded is the body, CDATA and all, its relative URLs resolved against the link.
    assert!(a.body.starts_with("<p>各区县局：</p>"), "{}", a.body);
    assert!(a.body.contains(
        r#"<img src="https://www.example.gov.cn/images/2018/check.png" alt="检查现场">"#
    ));
    assert!(a
        .body
        .contains(r#"<a href="https://www.example.gov.cn/tzgg/201809/fj/plan.pdf">检查方案</a>"#));
    assert!(a.body.contains("<p>附件</p>\n<ul>\n<li><a href=\"https://www.example.gov.cn/tzgg/201809/fj/plan.pdf\">plan.pdf</a> (application/pdf, 246 KB)</li>\n<li><a href=\"https://www.example.gov.cn/images/2018/check.png\">check.png</a> (image/png)</li>\n</ul>"), "{}", a.body);
    assert_eq!(
        warnings_of(&done, "rss2.xml", 1),
        ["2 relative URL(s) in the body resolved against https://www.example.gov.cn/tzgg/201809/t20180918_1.html"]
    );
    // A guid that is a URL becomes a slug; an escaped-HTML description is the body.
    let b = article(
        &done,
        "https-www-example-gov-cn-tzgg-201809-t20180917-2-html",
    );
    assert_eq!(b.date, "2018-09-17T08:00:00+00:00");
    assert_eq!(b.body.trim(), "<p>平台于<b>今日</b>上线，企业可登录<a href=\"https://www.example.gov.cn/ggfw/\">公共服务</a>栏目办理。</p>");
}

#[test]
fn rss_0_9x() {
    let done = run(&[fixture!("rss091.xml")]);
    assert_eq!(done.summaries, ["rss091.xml: RSS 0.9x, UTF-8, 1 items"]);
    let a = article(&done, "https-news-example-org-2019-03-road-works-html");
    assert_eq!(a.date, "2019-03-01T10:00:00-05:00");
    assert_eq!(
        a.body.trim(),
        "Main Street will be closed from Monday & Tuesday."
    );
    assert_eq!(
        warnings_of(&done, "rss091.xml", 1),
        ["no date, used the feed's date", "no id, used the link"]
    );
    // RSS 0.90 has no dates at all: the time the feed was last changed stands in.
    let mut old = fixture!("rss090.rdf");
    old.modified = Some("2001-05-06T07:08:09Z".to_owned());
    let done = run(&[old]);
    let a = article(&done, "https-old-example-org-news-opening-html");
    assert_eq!(
        (a.title.as_str(), a.date.as_str()),
        ("Portal opens", "2001-05-06T07:08:09Z")
    );
    assert!(warnings_of(&done, "rss090.rdf", 1)
        .contains(&"no date, used the time the feed was last modified".to_owned()));
    let undated = fixture!("rss090.rdf");
    assert_eq!(
        error(&[undated]),
        "rss090.rdf: item 1 (\"Portal opens\"): no date, and the feed has none either"
    );
}

#[test]
fn rss_1_0() {
    let done = run(&[fixture!("rss1.rdf")]);
    assert_eq!(done.summaries, ["rss1.rdf: RSS 1.0, UTF-8, 1 items"]);
    let a = article(&done, "https-rdf-example-org-a-1");
    assert_eq!(a.date, "2020-05-06T09:15:00+08:00");
    assert_eq!(a.authors, ["审批科"]);
    assert_eq!(a.body.trim(), "本周行政许可决定共 12 件。");
}

#[test]
fn atom_with_xhtml_html_and_text_content() {
    let done = run(&[fixture!("atom.xml")]);
    let a = article(&done, "tag-atom-example-org-2021-post-1");
    assert_eq!(a.title, "新规解读", "an HTML title as text");
    assert_eq!(
        (a.date.as_str(), a.updated.as_deref()),
        (
            "2021-06-01T10:00:00+08:00",
            Some("2021-06-02T08:30:00+08:00")
        )
    );
    assert_eq!(
        (a.tags.clone(), a.authors.clone()),
        (vec!["政策解读".to_owned()], vec!["王芳".to_owned()])
    );
    assert_eq!(a.summary.as_deref(), Some("新规要点一览。"));
    // XHTML content, its links against the content's own xml:base; the enclosure link against
    // the feed's.
    assert!(
        a.body.contains(
            r#"<a href="https://atom.example.org/blog/posts/1/detail.html">详见细则</a>"#
        ),
        "{}",
        a.body
    );
    assert!(a.body.contains(r#"<a href="https://atom.example.org/blog/files/guide.pdf">解读全文</a> (application/pdf, 1.0 MB)"#), "{}", a.body);
    let b = article(&done, "tag-atom-example-org-2021-post-2");
    assert_eq!(
        b.date, "2021-05-20T09:00:00Z",
        "updated stands for a missing published"
    );
    assert_eq!(
        b.body.trim(),
        r#"<p>An <em>escaped</em> body with <img src="https://atom.example.org/blog/img/2.png">.</p>"#
    );
    let c = article(&done, "tag-atom-example-org-2021-post-3");
    assert_eq!(
        c.body.trim(),
        "First line with \\*stars\\* & \\<angle\\>.\n\nSecond paragraph."
    );
    let d = article(&done, "tag-atom-example-org-2021-post-4");
    assert_eq!(d.body.trim(), "<p>Only a summary here.</p>\n\n<p><a href=\"https://atom.example.org/blog/posts/4.html\">https://atom.example.org/blog/posts/4.html</a></p>");
    assert_eq!(
        warnings_of(&done, "atom.xml", 4),
        ["no body: kept the summary and the link"]
    );
}

#[test]
fn json_feed_1_0() {
    let done = run(&[fixture!("jsonfeed10.json")]);
    assert_eq!(
        done.summaries,
        ["jsonfeed10.json: JSON Feed 1.0, UTF-8, 2 items"]
    );
    let a = article(&done, "2047");
    assert_eq!(a.tags, ["workflow", "omnifocus"]);
    assert_eq!(a.authors, ["Li Ming"], "the feed's author");
    assert_eq!(a.date, "2019-01-07T09:00:00-08:00");
    assert_eq!(
        warnings_of(&done, "jsonfeed10.json", 1),
        [
            "id 2047 is a number, read as text",
            "1 relative URL(s) in the body resolved against https://notes.example.org/2047",
            "tag \"workflow,omnifocus\" split at its commas"
        ]
    );
    let b = article(&done, "https-notes-example-org-no-id");
    assert_eq!(
        (b.authors.clone(), b.body.trim()),
        (vec!["Guest".to_owned()], "Plain text body.")
    );
}

#[test]
fn json_feed_1_1_with_our_extension() {
    let done = run(&[fixture!("jsonfeed11.json")]);
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    let a = article(&done, "https-news-example-gov-cn-posts-1");
    assert_eq!((a.column.as_str(), a.views), ("notices", Some(3)));
    assert_eq!(a.source.as_deref(), Some("市场监管局"));
    assert_eq!(
        (a.authors.clone(), a.tags.clone()),
        (vec!["李明".to_owned()], vec!["餐饮".to_owned()])
    );
    assert_eq!(a.updated.as_deref(), Some("2025-03-15T10:00:00+08:00"));
    assert_eq!(
        (a.summary.as_deref(), a.image.as_deref()),
        (
            Some("摘要一"),
            Some("https://news.example.gov.cn/img/1.jpg")
        )
    );
    assert!(
        a.body.starts_with("<p>正文</p>\n\n<p>附件</p>"),
        "{}",
        a.body
    );
    assert!(a.body.contains(">通知原文</a> (application/vnd.openxmlformats-officedocument.wordprocessingml.document, 21 KB)"));
    let b = article(&done, "plain-2");
    assert_eq!(
        (b.column.as_str(), b.body.trim()),
        ("notices", "a \\*b\\*\n\nc")
    );
}

#[test]
fn wordpress_posts() {
    let done = run(&[fixture!("wordpress.json")]);
    assert_eq!(
        done.summaries,
        ["wordpress.json: WordPress posts, UTF-8, 2 items"]
    );
    let a = article(&done, "https-wp-example-org-p-123");
    assert_eq!(a.title, "Hello – it’s WordPress");
    assert_eq!(
        a.date, "2018-09-18T14:38:10+08:00",
        "the offset from date and date_gmt"
    );
    assert_eq!(a.updated.as_deref(), Some("2018-09-19T09:00:00+08:00"));
    assert_eq!(
        (a.tags.clone(), a.authors.clone()),
        (
            vec!["News".to_owned(), "Welcome".to_owned(), "First".to_owned()],
            vec!["Editor".to_owned()]
        )
    );
    assert_eq!(
        a.image.as_deref(),
        Some("https://wp.example.org/wp-content/uploads/2018/09/cover.jpg")
    );
    assert_eq!(a.summary.as_deref(), Some("Welcome."));
    assert!(
        a.body.contains(
            r#"<img src="https://wp.example.org/wp-content/uploads/2018/09/a.jpg" alt="">"#
        ),
        "{}",
        a.body
    );
    let b = article(&done, "https-wp-example-org-p-124");
    assert_eq!(b.date, "2018-09-20T08:00:00+08:00");
    assert_eq!(
        warnings_of(&done, "wordpress.json", 2),
        [
            "tags and categories are term ids without names (export with ?_embed to keep them): left out",
            "date \"2018-09-20T08:00:00\": no time zone, read as +08:00"
        ]
    );
}

#[test]
fn what_is_not_a_feed_says_where() {
    assert_eq!(
        error(&[fixture!("malformed.xml")]),
        "malformed.xml:6: ill-formed document: expected `</title>`, but `</description>` was found"
    );
    let cases = [
        ("{}", "x.json:1: missing field `version`"),
        (
            r#"{"version":"https://example.org/v2","items":[]}"#,
            "x.json:1: version \"https://example.org/v2\" is not JSON Feed 1.0 (http://jsonfeed.org/version/1) or 1.1 (https://jsonfeed.org/version/1.1)",
        ),
        (
            "{\"version\":\"https://jsonfeed.org/version/1.1\",\n\"items\":[{\"id\":\"a\",\n\"title\":[1]}]}",
            "x.json:3: items[0].title: invalid type: sequence, expected a string",
        ),
        ("[{\"title\": 5}]", "x.json:1: [0].title: invalid type: integer `5`, expected struct Rendered"),
        ("plain text", "x.json:1: not a feed: RSS and Atom start with <, JSON Feed with {, a WordPress export with ["),
        ("<html><body>not a feed</body></html>", "x.json: not an RSS or Atom feed: unable to parse feed: no root element"),
    ];
    for (text, want) in cases {
        assert_eq!(error(&[source("x.json", text)]), want, "{text}");
    }
}
