//! Reading a built API the way the app does: the index files a query needs, then the matching
//! articles. For `news-builder search` and the search tests.

use std::collections::HashMap;

use crate::contract::{Article, SearchIds, SearchManifest};
use crate::search::text::article_text;

/// One result of [`search_files`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    pub title: String,
    /// How many parts of the query its title contains.
    pub title_matches: u32,
}

/// What [`search_files`] found, and which index files it read.
#[derive(Debug, Default)]
pub struct FileSearch {
    /// (path below the API folder, bytes) of every index file read, in order.
    pub files: Vec<(String, usize)>,
    /// Matching articles, in result order, confirmed against their text.
    pub found: Vec<Found>,
    /// Whether every result was matched with positions (none needed confirming).
    pub all_verified: bool,
}

/// Runs `query` the way the app does, reading the built API through `read` (a path below the
/// API folder to its bytes): the index files the app would fetch, then every matching article
/// (the app reads those page by page). `positions_budget` is the app's
/// [`POSITIONS_BUDGET`](crate::search::index::POSITIONS_BUDGET) unless a test wants another.
pub fn search_files(
    mut read: impl FnMut(&str) -> Result<Vec<u8>, String>,
    query: &str,
    positions_budget: usize,
) -> Result<FileSearch, String> {
    use crate::contract::decode;
    use crate::search::index::{chunks_for, collect_postings, positions_to_load};
    use crate::search::{evaluate, snippet::confirms, Chunk, Query};

    let mut result = FileSearch::default();
    let mut index_file = |path: String, files: &mut Vec<(String, usize)>| {
        let bytes = read(&path)?;
        files.push((path, bytes.len()));
        Ok::<_, String>(bytes)
    };
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).map_err(|e| e.to_string());
    let manifest: SearchManifest = decode(&text(index_file(
        "search/manifest.json".into(),
        &mut result.files,
    )?)?)?;
    let query = Query::parse(query);
    let needs = query.needs();
    let mut chunks = HashMap::new();
    for (i, _) in chunks_for(&manifest, &needs) {
        let path = format!("search/chunks/{}", manifest.chunks[i].file);
        chunks.insert(i, Chunk::parse(index_file(path, &mut result.files)?)?);
    }
    let mut positions = HashMap::new();
    for i in positions_to_load(&manifest, &query, positions_budget, |i| chunks.get(&i)) {
        if let Some(name) = chunks[&i].positions_file() {
            let path = format!("search/positions/{name}");
            positions.insert(i, index_file(path, &mut result.files)?);
        }
    }
    let postings = collect_postings(&manifest, &needs, |i| {
        chunks
            .get(&i)
            .map(|c| (c, positions.get(&i).map(Vec::as_slice)))
    })?;
    let hits = evaluate(&query, &postings);
    result.all_verified = hits.iter().all(|h| h.verified);
    let per_file = manifest.ids_per_file.max(1);
    let mut id_files: HashMap<u32, SearchIds> = HashMap::new();
    for hit in hits {
        let k = hit.doc / per_file;
        let ids = match id_files.entry(k) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(decode(&text(read(&format!("search/ids/{k}.json"))?)?)?)
            }
        };
        let id = ids
            .ids
            .get((hit.doc % per_file) as usize)
            .ok_or_else(|| format!("search/ids/{k}.json: no document {}", hit.doc))?
            .clone();
        let article: Article = decode(&text(read(&format!("articles/{id}.json"))?)?)?;
        if hit.verified || confirms(&query, &article.title, &article_text(&article)) {
            result.found.push(Found {
                id,
                title: article.title,
                title_matches: hit.title_matches,
            });
        }
    }
    Ok(result)
}
