//! Search. The page asks the search worker for a page of results ([`client`]); the worker
//! ([`worker`]) finds them ([`found`]) in the index files, loaded here as a query needs them and
//! kept for the next query.

mod client;
mod found;
mod worker;

pub use found::{Found, FoundItem, SearchRequest};
pub use worker::serve;

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::try_join_all;

use super::fetch::{fetch_bytes, fetch_json};
use super::{Api, ApiError};
use crate::contract::{Article, SearchIds, SearchManifest, SEARCH_FORMAT};
use crate::search::chunk::is_content_name;
use crate::search::index::{chunks_for, collect_postings, positions_to_load, POSITIONS_BUDGET};
use crate::search::{evaluate, Chunk, Hit, Query};

/// How many chunks and positions files stay in memory between queries.
const KEPT_FILES: usize = 96;

/// Index files already loaded, by name; a few dozen at most, so a list will do.
type Kept<T> = RefCell<Vec<(String, Rc<T>)>>;

thread_local! {
    static CHUNKS: Kept<Chunk> = const { RefCell::new(Vec::new()) };
    static POSITIONS: Kept<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// What a query found: every matching document in result order, with the manifest that says
/// which column each is in.
#[derive(Debug, Clone)]
struct SearchOutcome {
    hits: Vec<Hit>,
    manifest: Rc<SearchManifest>,
}

/// A file the index names is missing: the index and the files are out of step (an index from an
/// older build), which is not "search unavailable" but unreadable data.
fn part_of_index(error: ApiError, path: &str) -> ApiError {
    match error {
        ApiError::NotFound => {
            ApiError::Decode(format!("{path}: named by the search index, but missing"))
        }
        other => other,
    }
}

fn kept<T>(store: &'static std::thread::LocalKey<Kept<T>>, name: &str) -> Option<Rc<T>> {
    store.with(|s| {
        s.borrow()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    })
}

fn keep<T>(store: &'static std::thread::LocalKey<Kept<T>>, name: &str, value: Rc<T>) {
    store.with(|s| {
        let mut s = s.borrow_mut();
        // Index files are named by content: any of them may go; the oldest goes first.
        if s.len() >= KEPT_FILES {
            s.remove(0);
        }
        s.push((name.to_owned(), value));
    });
}

impl Api {
    /// `search/manifest.json`; a format this app does not know is a decode error.
    async fn search_manifest(&self) -> Result<SearchManifest, ApiError> {
        let manifest: SearchManifest =
            fetch_json(&format!("{}search/manifest.json", self.base)).await?;
        if manifest.version != SEARCH_FORMAT {
            return Err(ApiError::Decode(format!(
                "search/manifest.json: version {} (this app reads {SEARCH_FORMAT})",
                manifest.version
            )));
        }
        Ok(manifest)
    }

    /// One chunk of the term dictionary.
    async fn search_chunk(&self, file: &str) -> Result<Rc<Chunk>, ApiError> {
        if let Some(chunk) = kept(&CHUNKS, file) {
            return Ok(chunk);
        }
        if !is_content_name(file) {
            return Err(ApiError::Decode(format!(
                "search/manifest.json: bad chunk name {file:?}"
            )));
        }
        let path = format!("search/chunks/{file}");
        let bytes = fetch_bytes(&format!("{}{path}", self.base))
            .await
            .map_err(|e| part_of_index(e, &path))?;
        let chunk = Rc::new(
            Chunk::parse(bytes)
                .map_err(|e| ApiError::Decode(format!("search/chunks/{file}: {e}")))?,
        );
        keep(&CHUNKS, file, chunk.clone());
        Ok(chunk)
    }

    /// One chunk's positions file.
    async fn search_positions(&self, file: &str) -> Result<Rc<Vec<u8>>, ApiError> {
        if let Some(bytes) = kept(&POSITIONS, file) {
            return Ok(bytes);
        }
        let path = format!("search/positions/{file}");
        let bytes = Rc::new(
            fetch_bytes(&format!("{}{path}", self.base))
                .await
                .map_err(|e| part_of_index(e, &path))?,
        );
        keep(&POSITIONS, file, bytes.clone());
        Ok(bytes)
    }

    /// The articles of documents `docs`, in order: each `search/ids/{k}.json` they need once,
    /// then the articles (which then stay cached for opening).
    async fn search_articles(
        &self,
        manifest: &SearchManifest,
        docs: &[u32],
    ) -> Result<Vec<Article>, ApiError> {
        let per_file = manifest.ids_per_file.max(1);
        let mut files: Vec<u32> = docs.iter().map(|d| d / per_file).collect();
        files.sort_unstable();
        files.dedup();
        let loaded = try_join_all(files.iter().map(|&k| async move {
            let path = format!("search/ids/{k}.json");
            let ids: SearchIds = fetch_json(&format!("{}{path}", self.base))
                .await
                .map_err(|e| part_of_index(e, &path))?;
            Ok::<_, ApiError>((k, ids))
        }))
        .await?;
        let id_of = |doc: u32| {
            let k = doc / per_file;
            loaded
                .iter()
                .find(|(file, _)| *file == k)
                .and_then(|(_, ids)| ids.ids.get((doc % per_file) as usize))
                .ok_or_else(|| ApiError::Decode(format!("search/ids/{k}.json: no document {doc}")))
        };
        let ids: Vec<&String> = docs.iter().map(|&d| id_of(d)).collect::<Result<_, _>>()?;
        try_join_all(ids.into_iter().map(|id| async move {
            self.article(id)
                .await
                .map_err(|e| part_of_index(e, &format!("articles/{id}.json")))
        }))
        .await
    }

    /// Runs `query`: the manifest, then the chunks its terms live in, then positions files where
    /// a phrase needs them and they fit the budget.
    async fn search(&self, query: &Query) -> Result<SearchOutcome, ApiError> {
        let manifest = Rc::new(self.search_manifest().await?);
        let needs = query.needs();
        let wanted = chunks_for(&manifest, &needs);
        let loaded = try_join_all(wanted.iter().map(|&(i, _)| {
            let file = manifest.chunks[i].file.clone();
            async move { self.search_chunk(&file).await.map(|c| (i, c)) }
        }))
        .await?;
        // By chunk number: a query touches a handful of the manifest's chunks.
        let mut chunks: Vec<Option<Rc<Chunk>>> = vec![None; manifest.chunks.len()];
        for (i, chunk) in loaded {
            chunks[i] = Some(chunk);
        }
        let chunk = |i: usize| chunks.get(i).and_then(Option::as_deref);
        let with_positions = positions_to_load(&manifest, query, POSITIONS_BUDGET, chunk);
        let loaded = try_join_all(with_positions.iter().filter_map(|&i| {
            let file = chunk(i)?.positions_file()?.to_owned();
            Some(async move { self.search_positions(&file).await.map(|p| (i, p)) })
        }))
        .await?;
        let mut positions: Vec<Option<Rc<Vec<u8>>>> = vec![None; manifest.chunks.len()];
        for (i, bytes) in loaded {
            positions[i] = Some(bytes);
        }
        let postings = collect_postings(&manifest, &needs, |i| {
            let bytes = positions.get(i).and_then(Option::as_deref);
            Some((chunk(i)?, bytes.map(Vec::as_slice)))
        })
        .map_err(ApiError::Decode)?;
        Ok(SearchOutcome {
            hits: evaluate(query, &postings),
            manifest,
        })
    }
}
