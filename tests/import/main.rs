//! `news-builder import` as an operator runs it: arguments, exit codes, what it prints, what it
//! writes. Run with `cargo test --features builder --test import` (it needs the binary).
#![cfg(all(feature = "builder", not(target_arch = "wasm32")))]

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BUILDER: &str = env!("CARGO_BIN_EXE_news-builder");

fn fixture(name: &str) -> String {
    format!(
        "{}/src/builder/import/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("news-import-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

/// Runs `news-builder import ARGS…`: (success, stdout, stderr).
fn import(args: &[&str]) -> (bool, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(BUILDER)
        .arg("import")
        .args(args)
        .output()
        .expect("news-builder runs");
    (
        status.success(),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn imports_writes_and_imports_again_without_changes() {
    let dir = folder("again");
    let out = dir.to_string_lossy().into_owned();
    let (rss, json) = (fixture("rss2.xml"), fixture("jsonfeed10.json"));
    let args = [
        rss.as_str(),
        json.as_str(),
        "--column",
        "notices",
        "--out",
        out.as_str(),
    ];
    let (ok, stdout, stderr) = import(&args);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("rss2.xml: RSS 2.0, UTF-8, 2 items"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("imported 4 articles into {out}: 4 added, 0 changed, 0 unchanged, 0 kept (not from an import)")),
        "{stdout}"
    );
    assert!(stderr.contains("jsonfeed10.json: item 1 (\"Weekly review\"): tag \"workflow,omnifocus\" split at its commas"), "{stderr}");
    assert_eq!(files(&dir).len(), 4);

    let (ok, stdout, _) = import(&args);
    assert!(ok);
    assert!(stdout.contains("4 articles into"), "{stdout}");
    assert!(
        stdout.contains("0 added, 0 changed, 4 unchanged"),
        "{stdout}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_dry_run_lists_and_writes_nothing() {
    let dir = folder("dry");
    let out = dir.to_string_lossy().into_owned();
    let feed = fixture("jsonfeed11.json");
    let (ok, stdout, stderr) = import(&[&feed, "--column", "notices", "--out", &out, "--dry-run"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains(&format!("add: {out}/plain-2.md")),
        "{stdout}"
    );
    assert!(stdout.contains("would import 2 articles"), "{stdout}");
    assert!(!dir.exists(), "nothing written");

    assert!(import(&[&feed, "--column", "notices", "--out", &out]).0);
    let changed = fs::read_to_string(&feed)
        .expect("reads")
        .replace("\"Two\"", "\"Two, corrected\"");
    let changed_feed = dir.join("changed.json");
    fs::write(&changed_feed, changed).expect("writes");
    let changed_feed = changed_feed.to_string_lossy().into_owned();
    let (ok, stdout, _) = import(&[
        &changed_feed,
        "--column",
        "notices",
        "--out",
        &out,
        "--dry-run",
    ]);
    assert!(ok);
    assert!(
        stdout.contains(&format!(
            "unchanged: {out}/https-news-example-gov-cn-posts-1.md"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("change: {out}/plain-2.md")),
        "{stdout}"
    );
    assert!(fs::read_to_string(dir.join("plain-2.md"))
        .expect("reads")
        .contains("title = \"Two\""));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_fails_with_its_place_and_writes_nothing() {
    let dir = folder("bad");
    let out = dir.to_string_lossy().into_owned();
    let (good, bad) = (fixture("rss2.xml"), fixture("malformed.xml"));
    let (ok, _, stderr) = import(&[&good, &bad, "--column", "notices", "--out", &out]);
    assert!(!ok);
    assert!(stderr.contains("malformed.xml:6: ill-formed document: expected `</title>`, but `</description>` was found\n1 error(s); nothing was written"), "{stderr}");
    assert!(!dir.exists());

    let cases: [(&[&str], &str); 7] = [
        (&["--column", "x"], "import needs a feed file or URL"),
        (
            // A missing feed: were the option ignored, nothing is written into ./content.
            &["/no/such/feed.xml", "--column", "x", "--output", &out],
            "unknown option --output for import (it takes --column, --out, --timezone and --dry-run)",
        ),
        (
            &["/no/such/feed.xml", "--column", "x", "--timezon", "+09:00"],
            "unknown option --timezon for import",
        ),
        (&["/no/such/feed.xml", "--column", "通知"], "--column \"通知\" is not a column slug"),
        (&[&good], "--column is required"),
        (
            &[&good, "--column", "x", "--timezone", "Beijing"],
            "--timezone \"Beijing\" is not an offset such as +08:00 or -05:00",
        ),
        (
            &["/no/such/feed.xml", "--column", "x"],
            "/no/such/feed.xml: No such file or directory",
        ),
    ];
    for (args, message) in cases {
        let (ok, _, stderr) = import(args);
        assert!(!ok && stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn a_url_and_a_time_zone() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = listener.local_addr().expect("an address");
    let feed = "<rss version=\"2.0\"><channel><item><guid>u</guid><title>U</title><pubDate>2018-09-18 14:38:10</pubDate><description>x</description></item></channel></rss>";
    let server = std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut reader = BufReader::new(stream.try_clone().expect("a stream"));
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", feed.len());
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(feed.as_bytes());
        }
    });
    let dir = folder("url");
    let out = dir.to_string_lossy().into_owned();
    let url = format!("http://{address}/feed.xml");
    let (ok, stdout, stderr) = import(&[
        &url,
        "--column",
        "notices",
        "--out",
        &out,
        "--timezone",
        "-05:00",
    ]);
    server.join().expect("the server stops");
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains(&format!("{url}: RSS 2.0, UTF-8, 1 items")),
        "{stdout}"
    );
    assert!(stderr.contains("no time zone, read as -05:00"), "{stderr}");
    let article = fs::read_to_string(dir.join("u.md")).expect("written");
    assert!(
        article.contains("date = \"2018-09-18T14:38:10-05:00\""),
        "{article}"
    );
    let _ = fs::remove_dir_all(&dir);
}
