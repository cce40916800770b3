//! 10,000 items imported into a folder, then again unchanged: the figures, not assertions on
//! time. Run in release mode:
//!
//! ```sh
//! cargo test --release --lib --features builder import::tests::scale -- --ignored --nocapture
//! ```

use std::fmt::Write as _;
use std::time::Instant;

use super::{import, options, Source};
use crate::builder::import::write::{apply, plan, Counts};

/// An RSS 2.0 feed of `count` items, each with a body of about 2 KB, a relative link and an
/// image, tags and an enclosure on every tenth.
fn big_feed(count: usize) -> Vec<u8> {
    let mut feed = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>规模测试</title><link>https://scale.example.gov.cn/</link>\n");
    let paragraph =
        "为进一步加强食品安全监管工作，保障人民群众饮食安全，现将有关事项通知如下。".repeat(4);
    for n in 0..count {
        let day = n % 28 + 1;
        let _ = write!(
            feed,
            "<item><title>第 {n} 号通知</title><link>https://scale.example.gov.cn/a/{n}.html</link><guid>scale-{n}</guid><pubDate>2024-02-{day:02} 09:30:00</pubDate><category>食品安全,通知</category><content:encoded><![CDATA[<p>{paragraph}</p><p><a href=\"../b/{n}.html\">相关</a><img src=\"/img/{n}.png\"></p><p>{paragraph}</p>]]></content:encoded>"
        );
        if n % 10 == 0 {
            let _ = write!(feed, "<enclosure url=\"https://scale.example.gov.cn/f/{n}.pdf\" length=\"12345\" type=\"application/pdf\"/>");
        }
        feed.push_str("</item>\n");
    }
    feed.push_str("</channel></rss>\n");
    feed.into_bytes()
}

#[test]
#[ignore = "a measurement: run in release mode with --ignored --nocapture"]
fn ten_thousand_items() {
    let bytes = big_feed(10_000);
    let megabytes = bytes.len() as f64 / 1e6;
    let sources = [Source {
        name: "scale.xml".to_owned(),
        bytes,
        ..Source::default()
    }];
    let dir = std::env::temp_dir().join(format!("news-import-scale-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for round in ["first", "again"] {
        let started = Instant::now();
        let done = import(&sources, &options()).expect("imports");
        let parsed = started.elapsed();
        let changes = plan(&dir, &done.files).expect("plans");
        apply(&dir, &done.files, &changes).expect("writes");
        let counts = Counts::of(&changes);
        println!(
            "{round}: {} items ({megabytes:.1} MB) in {:.2} s ({:.2} s to parse and convert, {} warnings); {} added, {} unchanged",
            done.files.len(),
            started.elapsed().as_secs_f64(),
            parsed.as_secs_f64(),
            done.warnings.len(),
            counts.added,
            counts.unchanged
        );
        assert_eq!(done.files.len(), 10_000);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
