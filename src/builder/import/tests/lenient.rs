//! What real feeds bend, read as they mean it, each time with a warning naming the item.

use super::{article, articles, error, fixture, run, source, warnings_of};

#[test]
fn every_deviation_is_read_and_said() {
    let done = run(&[fixture!("deviations.xml")]);
    let name = "deviations.xml";
    assert_eq!(done.summaries, ["deviations.xml: RSS 2.0, UTF-8, 6 items"]);
    assert!(done
        .warnings
        .contains(&"deviations.xml: no RSS version, read as RSS 2.0".to_owned()));

    let a = article(&done, "https-dev-example-gov-cn-a-1-html");
    assert_eq!(
        (a.date.as_str(), a.tags.clone()),
        (
            "2018-09-18T14:38:10+08:00",
            vec!["食品安全".to_owned(), "学校食堂".to_owned()]
        )
    );
    assert_eq!(
        a.body.trim(),
        r#"<p>详见<a href="https://dev.example.gov.cn/a/2.html">下一篇</a>。</p>"#
    );
    assert_eq!(
        warnings_of(&done, name, 1),
        [
            "1 relative URL(s) in the body resolved against https://dev.example.gov.cn/a/1.html",
            "date \"2018-09-18 14:38:10\": no time zone, read as +08:00",
            "no id, used the link",
            "tag \"食品安全,学校食堂\" split at its commas",
        ]
    );
    // A relative link is resolved against the feed's own link, and is the body's base.
    let b = article(&done, "dev-2");
    assert_eq!(b.date, "2018-09-18T10:00:00+08:00");
    assert_eq!(
        b.body.trim(),
        r#"<p>正文二。<img src="https://dev.example.gov.cn/a/img/2.png"></p>"#
    );
    assert_eq!(
        warnings_of(&done, name, 2),
        [
            "1 relative URL(s) in the body resolved against https://dev.example.gov.cn/a/2.html",
            "date \"Mon, 18 Sep 2018 10:00:00 +0800\": weekday does not match 2018-09-18, ignored"
        ]
    );
    let c = article(&done, "dev-3");
    assert_eq!(c.date, "2018-09-20T08:00:00+08:00");
    assert_eq!(
        warnings_of(&done, name, 3),
        [
            "the feed's date \"2018-09-20 08:00:00\": no time zone, read as +08:00",
            "no date, used the feed's date"
        ]
    );
    let untitled = articles(&done)
        .into_iter()
        .find(|a| a.id.starts_with("item-"))
        .expect("hashed id");
    assert_eq!(
        untitled.title,
        "没有标题的一条消息，正文比三十个字还要长一些，好让标题被截断…"
    );
    assert_eq!(untitled.date, "2018-09-17T00:00:00+08:00");
    assert_eq!(
        warnings_of(&done, name, 4),
        [
            "no title, used the start of the text",
            "date \"2018/9/17\": no time zone, read as +08:00",
            "no id or link, used a hash of the title and body"
        ]
    );
    let e = article(&done, "dev-5");
    assert_eq!(
        e.body.trim(),
        r#"<p><a href="https://dev.example.gov.cn/a/5.html">https://dev.example.gov.cn/a/5.html</a></p>"#
    );
    assert!(warnings_of(&done, name, 5).contains(&"no body: kept the link".to_owned()));
    // The same guid twice: the second is left out.
    assert_eq!(done.files.len(), 5);
    assert_eq!(
        warnings_of(&done, name, 6),
        ["same id as deviations.xml: item 2 (\"星期写错了\"), left out"]
    );
    // A relative link is resolved against the feed's own link.
    assert!(done
        .files
        .iter()
        .any(|(_, md)| md.contains("id = \"dev-2\"")));
}

#[test]
fn the_time_zone_is_the_import_s() {
    let feed = r#"<rss version="2.0"><channel><item><guid>t</guid><title>T</title><pubDate>2018-09-18 14:38:10</pubDate><description>x</description></item></channel></rss>"#;
    let mut options = super::options();
    options.timezone = super::parse_offset("-05:00").expect("an offset");
    let done = super::import(&[source("tz.xml", feed)], &options).expect("imports");
    assert!(
        done.files[0]
            .1
            .contains("date = \"2018-09-18T14:38:10-05:00\""),
        "{}",
        done.files[0].1
    );
}

#[test]
fn ids_that_come_out_the_same_are_told_apart_whatever_the_order() {
    let item = |id: &str| {
        format!(
            r#"{{"id":"{id}","title":"{id}","date_published":"2025-01-01T00:00:00Z","content_text":"x"}}"#
        )
    };
    let feed = |ids: [&str; 2]| {
        let items: Vec<String> = ids.iter().map(|id| item(id)).collect();
        source(
            "c.json",
            &format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
                items.join(",")
            ),
        )
    };
    let names = |sources: &[super::Source]| {
        let mut names: Vec<(String, String)> = run(sources)
            .files
            .into_iter()
            .map(|(n, md)| {
                (
                    n,
                    md.lines()
                        .find(|l| l.starts_with("title"))
                        .unwrap_or_default()
                        .to_owned(),
                )
            })
            .collect();
        names.sort();
        names
    };
    let forward = names(&[feed(["a/b", "a-b"])]);
    assert_eq!(
        forward,
        names(&[feed(["a-b", "a/b"])]),
        "the same names in either order"
    );
    assert!(forward.contains(&("a-b.md".to_owned(), "title = \"a-b\"".to_owned())));
    let other = forward
        .iter()
        .find(|(name, _)| name != "a-b.md")
        .expect("two files");
    assert!(
        other.0.starts_with("a-b-") && other.1 == "title = \"a/b\"",
        "{forward:?}"
    );
    let done = run(&[feed(["a/b", "a-b"])]);
    assert!(
        done.warnings
            .iter()
            .any(|w| w.contains("id \"a-b\" also made by")),
        "{:?}",
        done.warnings
    );
    // The same id in two feeds: both kept.
    let two = run(&[
        feed(["x", "y"]),
        source(
            "d.json",
            &format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
                item("x")
            ),
        ),
    ]);
    assert_eq!(two.files.len(), 3);
}

#[test]
fn a_stray_declaration_or_entity_does_not_stop_the_import() {
    let feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><item><guid>s</guid><title>A &amp; B &nbsp; C</title><pubDate>Tue, 18 Sep 2018 14:38:10 +0800</pubDate><description>x</description></item>\n<?xml version=\"1.0\" encoding=\"gbk\"?>\n</channel></rss>";
    let done = run(&[source("stray.xml", feed)]);
    assert_eq!(article(&done, "s").title, "A & B &nbsp; C");
}

#[test]
fn an_item_without_a_date_anywhere_is_an_error_naming_it() {
    let feed = r#"<rss version="2.0"><channel><item><title>Undated</title><description>x</description></item></channel></rss>"#;
    assert_eq!(
        error(&[source("u.xml", feed)]),
        "u.xml: item 1 (\"Undated\"): no date, and the feed has none either"
    );
    let feed = r#"<rss version="2.0"><channel><item><title>Bad</title><pubDate>yesterday</pubDate><description>x</description></item></channel></rss>"#;
    assert_eq!(error(&[source("b.xml", feed)]), "b.xml: item 1 (\"Bad\"): date \"yesterday\" is not a date this import reads (RFC 3339, RFC 2822, 2018-09-18 14:38:10, 2018/9/18, 2018年9月18日), and the feed has no date");
}

#[test]
fn an_unreadable_date_is_read_as_none() {
    let feed = r#"<rss version="2.0"><channel><lastBuildDate>Tue, 18 Sep 2018 10:00:00 +0800</lastBuildDate><item><guid>b</guid><title>Bad</title><pubDate>yesterday</pubDate><description>x</description></item><item><guid>g</guid><title>Good</title><pubDate>Mon, 17 Sep 2018 10:00:00 +0800</pubDate><description>y</description></item></channel></rss>"#;
    let done = run(&[source("b.xml", feed)]);
    assert_eq!(article(&done, "b").date, "2018-09-18T10:00:00+08:00");
    assert_eq!(article(&done, "g").date, "2018-09-17T10:00:00+08:00");
    assert_eq!(
        warnings_of(&done, "b.xml", 1),
        [
            "date \"yesterday\" is not a date this import reads (RFC 3339, RFC 2822, 2018-09-18 14:38:10, 2018/9/18, 2018年9月18日): read as no date",
            "no date, used the feed's date"
        ]
    );
}

#[test]
fn bare_ampersands_are_read_as_browsers_read_them() {
    let feed = "<rss version=\"2.0\"><channel>\n<item><guid>a</guid><title>AT&T & more</title><pubDate>Tue, 18 Sep 2018 10:00:00 +0800</pubDate><description>x</description><enclosure url=\"https://x.org/f?a=1&b=2\" type=\"application/pdf\"/></item></channel></rss>";
    let done = run(&[source("amp.xml", feed)]);
    let a = article(&done, "a");
    assert_eq!(a.title, "AT&T & more");
    assert!(
        a.body.contains("href=\"https://x.org/f?a=1&amp;b=2\""),
        "{}",
        a.body
    );
    assert_eq!(
        done.warnings,
        ["amp.xml: 2 bare & read as &amp; (the first on line 2)"]
    );
}
