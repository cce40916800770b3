//! Which chunks of the index a query needs, and its postings once they are loaded.

use super::chunk::Chunk;
use super::engine::{merge, Postings, TermPostings};
use super::query::{Query, TermNeed};
use crate::contract::SearchManifest;

/// What to load for a query: the indexes (into `manifest.chunks`) of the chunks that hold the
/// terms of `needs`, in order, each once, with whether a phrase could use its positions.
pub fn chunks_for(manifest: &SearchManifest, needs: &[(TermNeed, bool)]) -> Vec<(usize, bool)> {
    let mut wanted: Vec<Option<bool>> = vec![None; manifest.chunks.len()];
    for (need, positions) in needs {
        for i in chunk_range(manifest, need) {
            let w = wanted[i].get_or_insert(false);
            *w |= *positions;
        }
    }
    wanted
        .into_iter()
        .enumerate()
        .filter_map(|(i, w)| w.map(|positions| (i, positions)))
        .collect()
}

/// The chunks a term lives in: the one whose range holds it, and for a prefix every following
/// chunk that still starts with it.
fn chunk_range(manifest: &SearchManifest, need: &TermNeed) -> std::ops::Range<usize> {
    let chunks = &manifest.chunks;
    if chunks.is_empty() {
        return 0..0;
    }
    let first = chunks
        .partition_point(|c| c.first.as_str() <= need.text.as_str())
        .saturating_sub(1);
    let mut end = first + 1;
    if need.prefix {
        while chunks
            .get(end)
            .is_some_and(|c| c.first.starts_with(&need.text))
        {
            end += 1;
        }
    }
    first..end
}

/// The most positions bytes (before compression) a query loads; a phrase whose positions would
/// take more is matched by its tokens and trigrams and checked against the text when shown.
pub const POSITIONS_BUDGET: usize = 64 * 1024;

/// Which of the loaded chunks' positions files to fetch: those of the phrases that need
/// positions, phrase by phrase while the total stays within `budget` bytes (the app uses
/// [`POSITIONS_BUDGET`]).
pub fn positions_to_load<'a>(
    manifest: &SearchManifest,
    query: &Query,
    budget: usize,
    chunk: impl Fn(usize) -> Option<&'a Chunk>,
) -> Vec<usize> {
    let phrases: Vec<(usize, Vec<usize>)> = query
        .phrases
        .iter()
        .filter(|p| !p.doc_lists_suffice)
        .map(|p| {
            let mut chunks: Vec<usize> = p
                .tokens
                .iter()
                .flat_map(|t| chunk_range(manifest, &TermNeed::of(t)))
                .collect();
            chunks.sort_unstable();
            chunks.dedup();
            let bytes = chunks
                .iter()
                .map(|&i| chunk(i).map_or(0, Chunk::positions_file_len))
                .fold(0, usize::saturating_add);
            (bytes, chunks)
        })
        .collect();
    let mut load: Vec<usize> = Vec::new();
    let mut total: usize = 0;
    for (bytes, chunks) in phrases {
        let extra: usize = chunks
            .iter()
            .filter(|i| !load.contains(i))
            .map(|&i| chunk(i).map_or(0, Chunk::positions_file_len))
            .fold(0, usize::saturating_add);
        if bytes == 0 || total.saturating_add(extra) > budget {
            continue;
        }
        total += extra;
        load.extend(
            chunks
                .iter()
                .filter(|&&i| chunk(i).and_then(Chunk::positions_file).is_some()),
        );
        load.sort_unstable();
        load.dedup();
    }
    load
}

/// A chunk as loaded: the dictionary part and, when it was fetched, its positions file.
pub type Loaded<'a> = (&'a Chunk, Option<&'a [u8]>);

/// The postings of every need, from the chunks `chunk(i)` returns for [`chunks_for`]; a chunk it
/// cannot give is an error, not an empty result. Positions are read wherever they were loaded.
pub fn collect_postings<'a>(
    manifest: &SearchManifest,
    needs: &[(TermNeed, bool)],
    chunk: impl Fn(usize) -> Option<Loaded<'a>>,
) -> Result<Postings, String> {
    let mut postings = Postings::default();
    for (need, wants_positions) in needs {
        let mut lists = Vec::new();
        let mut with_positions = *wants_positions;
        for i in chunk_range(manifest, need) {
            let (c, positions) = chunk(i).ok_or_else(|| format!("chunk {i} not loaded"))?;
            let terms: Vec<&str> = if need.prefix {
                c.terms_with_prefix(&need.text).collect()
            } else {
                vec![need.text.as_str()]
            };
            for term in terms {
                let loaded = *wants_positions && positions.is_some() && c.positions_len(term) > 0;
                let list = match positions {
                    Some(p) if loaded => c.positions(term, p)?,
                    _ => c.docs(term)?,
                };
                with_positions &= loaded || list.is_empty();
                lists.push(list);
            }
        }
        let docs = if lists.len() == 1 {
            lists.pop().unwrap_or_default()
        } else {
            merge(lists)
        };
        postings.insert(
            need.clone(),
            TermPostings {
                docs,
                positions: with_positions,
            },
        );
    }
    Ok(postings)
}
