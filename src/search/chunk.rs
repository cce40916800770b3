//! The binary chunk format. A chunk of the term dictionary lists, for each term, the documents
//! it occurs in; its companion positions file holds where in them, needed only for phrases.
//!
//! ```text
//! chunk     := varint(len) positions_file_name term*
//! term      := varint(len) utf8 varint(docs_len) docs varint(positions_len)
//! docs      := varint(doc_count) varint(doc_delta << 1 | in_title)*
//! positions := (varint(title_count) varint(body_count) varint(position_delta)*)*   one per doc
//! ```
//! A term's positions start where the previous term's end in the positions file; a term indexed
//! for its document list only (a trigram) has none. Doc deltas count
//! from the previous document (the first from 0); position deltas from the previous position in
//! the same field (the first from 0).

use std::ops::Range;

/// Where one term occurs in one document. `title` and `body` are empty when only the document
/// list was decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocPositions {
    pub doc: u32,
    pub in_title: bool,
    pub title: Vec<u32>,
    pub body: Vec<u32>,
}

/// Whether `name` has the form [`content_name`] gives: 16 hex digits and `.bin`. Names read from
/// the index are checked, so that no index file can point a request anywhere else.
pub fn is_content_name(name: &str) -> bool {
    name.strip_suffix(".bin")
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A file name for `bytes` derived from their content (64-bit FNV-1a), so that a file that does
/// not change keeps its name and can be cached forever.
pub fn content_name(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}.bin")
}

/// Appends `value` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A cursor over varints; every read fails cleanly on truncated or overlong input.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u32, String> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = *self
                .bytes
                .get(self.at)
                .ok_or_else(|| format!("truncated at byte {}", self.at))?;
            self.at += 1;
            value |= u32::from(byte & 0x7F)
                .checked_shl(shift)
                .filter(|_| shift < 28 || byte & 0x70 == 0)
                .ok_or_else(|| format!("varint too long at byte {}", self.at))?;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(format!("varint too long at byte {}", self.at))
    }

    fn take(&mut self, len: u32) -> Result<Range<usize>, String> {
        let end = self
            .at
            .checked_add(len as usize)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| format!("truncated at byte {}", self.at))?;
        let range = self.at..end;
        self.at = end;
        Ok(range)
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

/// Builds one term's postings, documents in increasing order.
#[derive(Debug, Default)]
pub struct PostingsWriter {
    docs: Vec<u8>,
    positions: Vec<u8>,
    count: u32,
    last_doc: Option<u32>,
}

impl PostingsWriter {
    /// Adds document `doc` (greater than any added before) with its sorted positions.
    pub fn push(&mut self, doc: u32, title: &[u32], body: &[u32]) {
        let delta = self.last_doc.map_or(doc, |last| doc - last);
        put_varint(&mut self.docs, delta << 1 | u32::from(!title.is_empty()));
        put_varint(&mut self.positions, title.len() as u32);
        put_varint(&mut self.positions, body.len() as u32);
        for field in [title, body] {
            let mut previous = 0;
            for &p in field {
                put_varint(&mut self.positions, p - previous);
                previous = p;
            }
        }
        self.count += 1;
        self.last_doc = Some(doc);
    }

    /// Adds document `doc` (greater than any added before) without positions: for terms that
    /// only ever narrow a search down.
    pub fn push_doc(&mut self, doc: u32, in_title: bool) {
        let delta = self.last_doc.map_or(doc, |last| doc - last);
        put_varint(&mut self.docs, delta << 1 | u32::from(in_title));
        self.count += 1;
        self.last_doc = Some(doc);
    }

    /// Appends `later`, whose documents all come after this writer's.
    pub fn append(&mut self, later: PostingsWriter) {
        let mut reader = Reader {
            bytes: &later.docs,
            at: 0,
        };
        // The later writer's first delta counts from 0: re-base it on our last document.
        let Ok(first) = reader.varint() else {
            return;
        };
        let (later_first, in_title) = (first >> 1, first & 1);
        let delta = self.last_doc.map_or(later_first, |last| later_first - last);
        put_varint(&mut self.docs, delta << 1 | in_title);
        self.docs.extend_from_slice(&later.docs[reader.at..]);
        self.positions.extend_from_slice(&later.positions);
        self.count += later.count;
        self.last_doc = later.last_doc;
    }

    /// How many bytes the positions take.
    pub fn positions_len(&self) -> usize {
        self.positions.len()
    }
}

/// Builds a chunk and its positions file from terms given in byte order.
#[derive(Debug, Default)]
pub struct ChunkWriter {
    dictionary: Vec<u8>,
    positions: Vec<u8>,
}

impl ChunkWriter {
    /// Adds `term` with its postings.
    pub fn push(&mut self, term: &str, postings: &PostingsWriter) {
        put_varint(&mut self.dictionary, term.len() as u32);
        self.dictionary.extend_from_slice(term.as_bytes());
        let mut head = Vec::with_capacity(5);
        put_varint(&mut head, postings.count);
        put_varint(
            &mut self.dictionary,
            (head.len() + postings.docs.len()) as u32,
        );
        self.dictionary.extend_from_slice(&head);
        self.dictionary.extend_from_slice(&postings.docs);
        put_varint(&mut self.dictionary, postings.positions.len() as u32);
        self.positions.extend_from_slice(&postings.positions);
    }

    /// The bytes of the dictionary part so far.
    pub fn len(&self) -> usize {
        self.dictionary.len()
    }

    /// The bytes of the positions file so far.
    pub fn positions_len(&self) -> usize {
        self.positions.len()
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.dictionary.is_empty()
    }

    /// The finished chunk, and its positions file with the name the chunk gives it (none when
    /// no term in the chunk has positions).
    pub fn finish(self) -> (Vec<u8>, Option<(String, Vec<u8>)>) {
        let positions =
            (!self.positions.is_empty()).then(|| (content_name(&self.positions), self.positions));
        let name = positions.as_ref().map_or("", |(n, _)| n.as_str());
        let mut chunk = Vec::with_capacity(self.dictionary.len() + 32);
        put_varint(&mut chunk, name.len() as u32);
        chunk.extend_from_slice(name.as_bytes());
        chunk.extend_from_slice(&self.dictionary);
        (chunk, positions)
    }
}

/// One term of a parsed chunk: where its document list is in the chunk, and its positions in the
/// positions file.
#[derive(Debug, Clone)]
struct TermEntry {
    term: String,
    docs: Range<usize>,
    positions: Range<usize>,
}

/// A parsed chunk: its terms, each decoded on demand.
#[derive(Debug, Clone)]
pub struct Chunk {
    bytes: Vec<u8>,
    positions_file: String,
    terms: Vec<TermEntry>,
}

impl Chunk {
    /// Reads the term list; fails on any malformed or unsorted input.
    pub fn parse(bytes: Vec<u8>) -> Result<Chunk, String> {
        let mut terms: Vec<TermEntry> = Vec::new();
        let mut reader = Reader {
            bytes: &bytes,
            at: 0,
        };
        let name_len = reader.varint()?;
        let name = reader.take(name_len)?;
        let positions_file = std::str::from_utf8(&bytes[name])
            .ok()
            .filter(|n| n.is_empty() || is_content_name(n))
            .ok_or("bad positions file name")?
            .to_owned();
        let mut positions_at: usize = 0;
        while !reader.done() {
            let len = reader.varint()?;
            let range = reader.take(len)?;
            let term = std::str::from_utf8(&bytes[range])
                .map_err(|_| format!("term before byte {} is not UTF-8", reader.at))?
                .to_owned();
            if terms.last().is_some_and(|last| last.term >= term) {
                return Err(format!("term {term:?} out of order"));
            }
            let len = reader.varint()?;
            let docs = reader.take(len)?;
            let positions_len = reader.varint()? as usize;
            let end = positions_at
                .checked_add(positions_len)
                .ok_or("positions beyond any file")?;
            let positions = positions_at..end;
            positions_at = positions.end;
            terms.push(TermEntry {
                term,
                docs,
                positions,
            });
        }
        Ok(Chunk {
            bytes,
            positions_file,
            terms,
        })
    }

    /// The name of this chunk's positions file below `search/positions/`; `None` when no term in
    /// it has positions.
    pub fn positions_file(&self) -> Option<&str> {
        (!self.positions_file.is_empty()).then_some(self.positions_file.as_str())
    }

    /// How many bytes the positions of `term` take in the positions file.
    pub fn positions_len(&self, term: &str) -> usize {
        self.entry(term).map_or(0, |e| e.positions.len())
    }

    /// How many bytes the whole positions file has.
    pub fn positions_file_len(&self) -> usize {
        self.terms.last().map_or(0, |e| e.positions.end)
    }

    fn entry(&self, term: &str) -> Option<&TermEntry> {
        self.terms
            .binary_search_by(|t| t.term.as_str().cmp(term))
            .ok()
            .map(|i| &self.terms[i])
    }

    /// The documents `term` occurs in, without positions; empty when the chunk does not hold it.
    pub fn docs(&self, term: &str) -> Result<Vec<DocPositions>, String> {
        self.entry(term)
            .map_or(Ok(Vec::new()), |e| decode_docs(&self.bytes[e.docs.clone()]))
    }

    /// The documents `term` occurs in with its positions, read from this chunk's positions file.
    pub fn positions(&self, term: &str, positions: &[u8]) -> Result<Vec<DocPositions>, String> {
        let Some(entry) = self.entry(term) else {
            return Ok(Vec::new());
        };
        let mut docs = decode_docs(&self.bytes[entry.docs.clone()])?;
        if entry.positions.is_empty() {
            return Err(format!("{term:?} is indexed without positions"));
        }
        let bytes = positions
            .get(entry.positions.clone())
            .ok_or("positions file shorter than its chunk says")?;
        let mut reader = Reader { bytes, at: 0 };
        for doc in &mut docs {
            let title_count = reader.varint()?;
            let body_count = reader.varint()?;
            doc.title = read_positions(&mut reader, title_count)?;
            doc.body = read_positions(&mut reader, body_count)?;
        }
        Ok(docs)
    }

    /// The terms of this chunk that start with `prefix`.
    pub fn terms_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> {
        let start = self.terms.partition_point(|t| t.term.as_str() < prefix);
        self.terms[start..]
            .iter()
            .map(|t| t.term.as_str())
            .take_while(move |t| t.starts_with(prefix))
    }
}

fn decode_docs(bytes: &[u8]) -> Result<Vec<DocPositions>, String> {
    let mut reader = Reader { bytes, at: 0 };
    let count = reader.varint()?;
    // Every entry takes at least one byte: a count beyond that is corrupt, not a reason to
    // reserve memory.
    if count as usize > bytes.len() {
        return Err(format!("{count} documents in {} bytes", bytes.len()));
    }
    let mut out = Vec::with_capacity(count as usize);
    let mut doc: u32 = 0;
    for i in 0..count {
        let value = reader.varint()?;
        let delta = value >> 1;
        doc = doc
            .checked_add(delta)
            .filter(|_| i == 0 || delta > 0)
            .ok_or("document numbers out of order")?;
        out.push(DocPositions {
            doc,
            in_title: value & 1 == 1,
            ..Default::default()
        });
    }
    Ok(out)
}

fn read_positions(reader: &mut Reader<'_>, count: u32) -> Result<Vec<u32>, String> {
    if count as usize > reader.bytes.len() - reader.at.min(reader.bytes.len()) {
        return Err("position count beyond the data".into());
    }
    let mut positions = Vec::with_capacity(count as usize);
    let mut p: u32 = 0;
    for _ in 0..count {
        p = p.checked_add(reader.varint()?).ok_or("position overflow")?;
        positions.push(p);
    }
    Ok(positions)
}

#[cfg(test)]
mod tests;
