//! The search index the app queries: the term dictionary in content-named chunks, a manifest, and
//! one small document per article for result lists. See `docs/search.md`.

use std::collections::HashMap;
use std::ops::Range;

use super::parallel::on_every_core;
use super::OutputFile;
use crate::contract::{Article, SearchChunkRef, SearchIds, SearchManifest, SEARCH_FORMAT};
use crate::search::chunk::{content_name, ChunkWriter, PostingsWriter};
use crate::search::text::article_text;
use crate::tokenize::{for_each_token, Trigrams};

/// A chunk is closed once its dictionary part holds this many bytes (before compression)…
pub const CHUNK_BYTES: usize = 16 * 1024;

/// …or its positions file this many: a phrase query fetches the positions of its chunks.
pub const POSITIONS_BYTES: usize = 32 * 1024;

/// Article ids per `search/ids/{k}.json`.
pub const IDS_PER_FILE: usize = 128;

/// FxHash (as in rustc): the term table is hashed once per token, and SipHash's resistance to
/// crafted keys buys nothing in a build.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// The postings of one range of documents, with its own term numbering.
#[derive(Default)]
struct Partial {
    ids: FastMap<Box<str>, u32>,
    postings: Vec<PostingsWriter>,
}

/// Builds the index over `articles` (document `n` is `articles[n]`, newest first) for a site
/// whose columns have the slugs `columns`.
pub fn build_index(articles: &[Article], columns: &[String]) -> Vec<OutputFile> {
    // Thread boundaries on id-file boundaries keep each thread's id files whole.
    let partials = on_every_core(articles, IDS_PER_FILE, |start, part| {
        index_range(articles, start..start + part.len())
    });

    let mut out = Vec::new();
    let mut merged: FastMap<Box<str>, PostingsWriter> = FastMap::default();
    for (k, part) in articles.chunks(IDS_PER_FILE).enumerate() {
        let ids = SearchIds {
            ids: part.iter().map(|a| a.id.clone()).collect(),
        };
        out.push((
            format!("search/ids/{k}.json"),
            serde_json::to_vec(&ids).unwrap_or_default(),
        ));
    }
    for partial in partials {
        let mut postings: Vec<Option<PostingsWriter>> =
            partial.postings.into_iter().map(Some).collect();
        for (term, id) in partial.ids {
            if let Some(p) = postings[id as usize].take() {
                merged.entry(term).or_default().append(p);
            }
        }
    }
    let mut terms: Vec<(Box<str>, PostingsWriter)> = merged.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let mut chunks = Vec::new();
    let mut writer = ChunkWriter::default();
    let mut first: Option<String> = None;
    for (term, postings) in &terms {
        first.get_or_insert_with(|| term.to_string());
        writer.push(term, postings);
        if writer.len() >= CHUNK_BYTES || writer.positions_len() >= POSITIONS_BYTES {
            let full = std::mem::take(&mut writer);
            chunks.push(close_chunk(
                first.take().unwrap_or_default(),
                full,
                &mut out,
            ));
        }
    }
    if !writer.is_empty() {
        chunks.push(close_chunk(
            first.take().unwrap_or_default(),
            writer,
            &mut out,
        ));
    }

    let column_index: HashMap<&str, u16> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i as u16))
        .collect();
    let manifest = SearchManifest {
        version: SEARCH_FORMAT,
        columns: columns.to_vec(),
        doc_columns: articles
            .iter()
            .map(|a| {
                column_index
                    .get(a.news.category.as_str())
                    .copied()
                    .unwrap_or(0)
            })
            .collect(),
        ids_per_file: IDS_PER_FILE as u32,
        chunks,
    };
    out.push((
        "search/manifest.json".into(),
        serde_json::to_vec(&manifest).unwrap_or_default(),
    ));
    out
}

fn close_chunk(first: String, writer: ChunkWriter, out: &mut Vec<OutputFile>) -> SearchChunkRef {
    let (chunk, positions) = writer.finish();
    let file = content_name(&chunk);
    out.push((format!("search/chunks/{file}"), chunk));
    if let Some((name, bytes)) = positions {
        out.push((format!("search/positions/{name}"), bytes));
    }
    SearchChunkRef { first, file }
}

/// The fields of an occurrence: title or body, and the same for trigrams.
const TITLE: u8 = 0;
const BODY: u8 = 1;
const TRIGRAM: u8 = 2;

impl Partial {
    /// The number of `term` in this partial index, assigned on first sight.
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.ids.insert(term.into(), id);
        self.postings.push(PostingsWriter::default());
        id
    }
}

fn index_range(articles: &[Article], range: Range<usize>) -> Partial {
    let mut partial = Partial::default();
    // (term, field, position) of one document; field 0 is the title, 1 the body.
    let mut occurrences: Vec<(u32, u8, u32)> = Vec::new();
    for n in range {
        let article = &articles[n];
        let text = article_text(article);
        occurrences.clear();
        for (field, source) in [(TITLE, article.title.as_str()), (BODY, text.as_str())] {
            let mut trigrams = Trigrams::default();
            for_each_token(source, |term, position, kind| {
                occurrences.push((partial.id(term), field, position));
                // Trigrams are indexed for their document lists only.
                if let Some(trigram) = trigrams.next(term, position, kind) {
                    occurrences.push((partial.id(trigram), field + TRIGRAM, 0));
                }
            });
        }
        occurrences.sort_unstable();
        let (mut title, mut body) = (Vec::new(), Vec::new());
        let mut trigram_in_title = None;
        for (i, &(term, field, position)) in occurrences.iter().enumerate() {
            match field {
                TITLE => title.push(position),
                BODY => body.push(position),
                _ => {
                    let in_title = trigram_in_title.get_or_insert(field == TITLE + TRIGRAM);
                    *in_title |= field == TITLE + TRIGRAM;
                }
            }
            if occurrences.get(i + 1).is_none_or(|next| next.0 != term) {
                let postings = &mut partial.postings[term as usize];
                match trigram_in_title.take() {
                    Some(in_title) => postings.push_doc(n as u32, in_title),
                    None => postings.push(n as u32, &title, &body),
                }
                title.clear();
                body.clear();
            }
        }
    }
    partial
}

#[cfg(test)]
mod tests;
