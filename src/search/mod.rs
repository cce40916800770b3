//! Full-text search over a static, chunked index, with no Leptos in it: the binary chunk format
//! (written by the builder, read by the app), query parsing, phrase matching and snippets.
//!
//! A query is split on white space into parts; a document matches when it contains every part.
//! Each part is a phrase of [`crate::tokenize`] tokens at consecutive positions within the title
//! or within the body, so a part matches exactly where the normalized text contains it.

pub mod chunk;
pub mod engine;
pub mod index;
pub mod paging;
pub mod query;
pub mod snippet;
pub mod text;

pub use chunk::{Chunk, ChunkWriter, DocPositions};
pub use engine::{evaluate, Hit};
pub use query::{Query, TermNeed};
