use std::collections::HashMap;

use super::*;
use crate::builder::render::placeholder;
use crate::builder::search_files::search_files;
use crate::contract::decode;
use crate::search::index::POSITIONS_BUDGET;

fn article(id: &str, column: &str, title: &str, html: &str) -> Article {
    let mut a = placeholder();
    a.id = id.into();
    a.title = title.into();
    a.date_published = "2025-01-01T08:00:00+08:00".into();
    a.content_html = Some(html.into());
    a.news.category = column.into();
    a
}

/// The index of `articles` and the articles' own files, by path.
fn api_files(articles: &[Article]) -> HashMap<String, Vec<u8>> {
    let columns = ["news".to_owned(), "notices".to_owned()];
    let mut files: HashMap<String, Vec<u8>> = build_index(articles, &columns).into_iter().collect();
    for a in articles {
        files.insert(
            format!("articles/{}.json", a.id),
            serde_json::to_vec(a).unwrap(),
        );
    }
    files
}

/// The document numbers `q` finds, reading `files` the way the app does.
fn search_with(files: &HashMap<String, Vec<u8>>, q: &str, budget: usize) -> Vec<u32> {
    let read = |path: &str| {
        files
            .get(path)
            .cloned()
            .ok_or_else(|| format!("{path}: missing"))
    };
    search_files(read, q, budget)
        .unwrap()
        .found
        .iter()
        .map(|f| f.id.trim_start_matches('a').parse().unwrap())
        .collect()
}

fn search(files: &HashMap<String, Vec<u8>>, q: &str) -> Vec<u32> {
    search_with(files, q, POSITIONS_BUDGET)
}

fn corpus(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            article(
                &format!("a{i}"),
                if i % 2 == 0 { "news" } else { "notices" },
                &format!("第{i}期抽检通报"),
                &format!("<p>样品{i}号：冷链食品<strong>安全</strong>检查，批次{}。</p><p>每个月都抽检。</p>", i * 7),
            )
        })
        .collect()
}

#[test]
fn writes_manifest_chunks_and_ids() {
    let files = api_files(&corpus(IDS_PER_FILE + 2));
    let file = |path: &str| std::str::from_utf8(&files[path]).unwrap().to_owned();
    let second: SearchIds = decode(&file("search/ids/1.json")).unwrap();
    assert_eq!(
        second.ids,
        [format!("a{IDS_PER_FILE}"), format!("a{}", IDS_PER_FILE + 1)]
    );
    let manifest: SearchManifest = decode(&file("search/manifest.json")).unwrap();
    assert_eq!(manifest.doc_columns[..3], [0, 1, 0]);
    assert_eq!(manifest.version, SEARCH_FORMAT);
    assert_eq!(manifest.ids_per_file, IDS_PER_FILE as u32);
}

#[test]
fn queries_find_phrases_across_many_chunks() {
    // Enough documents that the dictionary spans several chunks and every thread gets a share.
    let files = api_files(&corpus(2_000));
    let chunk_count = files
        .keys()
        .filter(|p| p.starts_with("search/chunks/"))
        .count();
    assert!(chunk_count > 3, "{chunk_count} chunks");
    assert_eq!(search(&files, "冷链食品安全").len(), 2_000);
    assert_eq!(search(&files, "第1999期"), [1999]);
    assert_eq!(search(&files, "样品12号"), [12]);
    // The number after 批次 is a word matched by prefix: 7, 70–79, 700–799, …
    let expected: Vec<u32> = (0..2_000u32)
        .filter(|i| (i * 7).to_string().starts_with('7'))
        .collect();
    assert_eq!(search(&files, "批次7"), expected);
    assert!(search(&files, "食品冷链").is_empty());
    // Without positions, tokens and trigrams narrow the search and the text confirms it.
    assert_eq!(search_with(&files, "冷链食品安全", 0).len(), 2_000);
    assert_eq!(search_with(&files, "样品12号", 0), [12]);
    assert_eq!(search_with(&files, "批次7", 0), expected);
}
