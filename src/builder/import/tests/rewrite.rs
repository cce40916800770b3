//! Importing into a folder again and again: same names, unchanged files untouched, changed
//! items updated, hand-written articles never overwritten or deleted, and the builder reads
//! the result.

use std::fs;
use std::path::PathBuf;

use super::{fixture, run, source};
use crate::builder::import::write::{apply, plan, Change, Counts};
use crate::builder::read_content;

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("news-import-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

#[test]
fn a_second_import_changes_nothing_and_a_changed_item_is_updated() {
    let dir = folder("again");
    let feeds = [fixture!("jsonfeed11.json"), fixture!("rss2.xml")];
    let first = run(&feeds);
    let changes = plan(&dir, &first.files).expect("plans");
    assert!(!dir.exists(), "planning writes nothing");
    assert_eq!(Counts::of(&changes).added, 4);
    apply(&dir, &first.files, &changes).expect("writes");

    let hand_written = dir.join("hand-written.md");
    fs::write(&hand_written, "+++\ntitle = \"手写\"\ndate = \"2025-01-01T00:00:00+08:00\"\ncolumn = \"notices\"\n+++\n正文\n").expect("writes");
    let before: Vec<_> = first
        .files
        .iter()
        .map(|(name, _)| {
            fs::metadata(dir.join(name))
                .and_then(|m| m.modified())
                .expect("mtime")
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(20));

    let again = run(&feeds);
    assert_eq!(again.files, first.files, "the same names and bytes");
    let changes = plan(&dir, &again.files).expect("plans");
    assert!(
        changes.iter().all(|c| *c == Change::Unchanged),
        "{changes:?}"
    );
    apply(&dir, &again.files, &changes).expect("writes nothing");
    let after: Vec<_> = again
        .files
        .iter()
        .map(|(name, _)| {
            fs::metadata(dir.join(name))
                .and_then(|m| m.modified())
                .expect("mtime")
        })
        .collect();
    assert_eq!(before, after, "unchanged files keep their mtime");

    // One item changes its title; another leaves the feed: its file stays.
    let text = String::from_utf8(fixture!("jsonfeed11.json").bytes).expect("utf-8");
    let changed = text.replace("\"title\": \"标题一\"", "\"title\": \"标题一（更正）\"");
    let changed = changed.replace("\"id\": \"plain-2\"", "\"id\": \"plain-3\"");
    let third = run(&[source("jsonfeed11.json", &changed), fixture!("rss2.xml")]);
    let changes = plan(&dir, &third.files).expect("plans");
    assert_eq!(
        Counts::of(&changes),
        Counts {
            added: 1,
            changed: 1,
            unchanged: 2,
            kept: 0
        }
    );
    apply(&dir, &third.files, &changes).expect("writes");
    let updated =
        fs::read_to_string(dir.join("https-news-example-gov-cn-posts-1.md")).expect("reads");
    assert!(updated.contains("标题一（更正）"));
    assert!(
        dir.join("plain-2.md").exists(),
        "an item gone from the feed keeps its file"
    );
    assert!(hand_written.exists());

    // The builder reads the folder as it is.
    fs::write(
        dir.join("site.toml"),
        "title = \"站\"\n[[columns]]\nslug = \"notices\"\nname = \"通知公告\"\n",
    )
    .expect("writes");
    let content = read_content(&dir).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(content.articles.len(), 6);
    content.build().unwrap_or_else(|e| panic!("{e:?}"));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_hand_written_file_of_the_same_name_is_kept() {
    let dir = folder("kept");
    fs::create_dir_all(&dir).expect("creates");
    let mine = "+++\ntitle = \"我写的\"\ndate = \"2025-01-01T00:00:00+08:00\"\ncolumn = \"notices\"\n+++\n正文\n";
    fs::write(dir.join("plain-2.md"), mine).expect("writes");
    let done = run(&[fixture!("jsonfeed11.json")]);
    let changes = plan(&dir, &done.files).expect("plans");
    assert_eq!(changes, [Change::Added, Change::Kept]);
    apply(&dir, &done.files, &changes).expect("writes");
    assert_eq!(
        fs::read_to_string(dir.join("plain-2.md")).expect("reads"),
        mine
    );
    // An imported file whose marker line was removed is the operator's now.
    let name = dir.join("https-news-example-gov-cn-posts-1.md");
    let edited = fs::read_to_string(&name).expect("reads").replacen(
        super::super::markdown::MARKER,
        "# edited by hand",
        1,
    );
    fs::write(&name, &edited).expect("writes");
    assert_eq!(
        plan(&dir, &done.files).expect("plans"),
        [Change::Kept, Change::Kept]
    );
    let _ = fs::remove_dir_all(&dir);
}
