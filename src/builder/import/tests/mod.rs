//! The import on feeds written for these tests (`../fixtures/`, none copied from a real site):
//! one per format, per encoding and per deviation; writing into a folder again and again; a
//! feed fetched from a local HTTP server.

mod dates;
mod encodings;
mod formats;
mod html;
mod http;
mod lenient;
mod properties;
mod redirects;
mod rewrite;
mod runs;
mod scale;

use super::{import, parse_offset, Import, Options, Source};
use crate::builder::source::{parse_article, SourceArticle};

/// The fixture `$name` as a source read from a file of that name.
macro_rules! fixture {
    ($name:literal) => {
        $crate::builder::import::Source {
            name: $name.to_owned(),
            bytes: include_bytes!(concat!("../fixtures/", $name)).to_vec(),
            ..$crate::builder::import::Source::default()
        }
    };
}
pub(crate) use fixture;

/// A source named `name` holding `text`.
pub fn source(name: &str, text: &str) -> Source {
    Source {
        name: name.to_owned(),
        bytes: text.as_bytes().to_vec(),
        ..Source::default()
    }
}

pub fn options() -> Options {
    Options {
        column: "notices".to_owned(),
        timezone: parse_offset("+08:00").expect("an offset"),
        out: None,
    }
}

/// Imports `sources`, which must import.
pub fn run(sources: &[Source]) -> Import {
    import(sources, &options()).unwrap_or_else(|e| panic!("imports: {e:#?}"))
}

/// The first error importing `sources`.
pub fn error(sources: &[Source]) -> String {
    match import(sources, &options()) {
        Ok(done) => panic!("imported {} files", done.files.len()),
        Err(errors) => errors[0].clone(),
    }
}

/// Every file of an import, read back as the builder reads it.
pub fn articles(done: &Import) -> Vec<SourceArticle> {
    done.files
        .iter()
        .map(|(name, markdown)| {
            let stem = name.trim_end_matches(".md");
            parse_article(name, stem, markdown)
                .unwrap_or_else(|e| panic!("{name} does not read back: {e:?}\n{markdown}"))
        })
        .collect()
}

/// The article `id` of an import.
pub fn article(done: &Import, id: &str) -> SourceArticle {
    articles(done)
        .into_iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| {
            let ids: Vec<&str> = done.files.iter().map(|(n, _)| n.as_str()).collect();
            panic!("no article {id}; files: {ids:?}")
        })
}

/// The warnings about item `n` (from 1) of the source `name`, without that prefix.
pub fn warnings_of(done: &Import, name: &str, n: usize) -> Vec<String> {
    let prefix = format!("{name}: item {n} (");
    done.warnings
        .iter()
        .filter_map(|w| w.strip_prefix(&prefix))
        .filter_map(|rest| rest.split_once("): ").map(|(_, m)| m.to_owned()))
        .collect()
}

/// Reads one HTTP request from `stream` (a test server's) up to its blank line; returns its path.
pub fn request_path(stream: &std::net::TcpStream) -> String {
    use std::io::BufRead;
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
    let mut reader = std::io::BufReader::new(stream.try_clone().expect("a stream"));
    let mut request = String::new();
    let _ = reader.read_line(&mut request);
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    request.split(' ').nth(1).unwrap_or_default().to_owned()
}
