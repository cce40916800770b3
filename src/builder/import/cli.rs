//! `news-builder import`'s command line: its arguments read strictly (an unknown option is an
//! error, not silently ignored), the import run, and what it did printed.

use std::path::PathBuf;
use std::time::Instant;

use super::write::{apply, plan, Change, Counts};
use super::{import, parse_offset, read_source, Options, DEFAULT_TIMEZONE};
use crate::contract::is_valid_id;

/// How to call `import`.
pub const USAGE: &str = "usage: news-builder import SOURCE... --column SLUG [--out DIR] [--timezone +08:00] [--dry-run]";

/// The options `import` takes that are followed by a value.
const VALUED: &[&str] = &["column", "out", "timezone"];
/// The options `import` takes alone.
const SWITCHES: &[&str] = &["dry-run"];

/// `import`'s arguments, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportArgs {
    pub sources: Vec<String>,
    pub column: String,
    pub out: PathBuf,
    pub timezone: String,
    pub dry_run: bool,
}

/// Reads `import`'s arguments (those after the word `import`): every option known, given once,
/// valued where it takes a value (`--out DIR` or `--out=DIR`); the column a valid slug.
pub fn parse_args(args: &[String]) -> Result<ImportArgs, String> {
    let mut sources = Vec::new();
    let mut values: Vec<(&str, String)> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let Some(option) = arg.strip_prefix("--") else {
            sources.push(arg.clone());
            continue;
        };
        let (name, inline) = match option.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (option, None),
        };
        let value = if SWITCHES.contains(&name) {
            match inline {
                Some(_) => return Err(format!("--{name} takes no value\n{USAGE}")),
                None => String::new(),
            }
        } else if VALUED.contains(&name) {
            match inline.or_else(|| it.next().cloned()) {
                Some(value) => value,
                None => return Err(format!("--{name} needs a value\n{USAGE}")),
            }
        } else {
            return Err(format!(
                "unknown option --{name} for import (it takes --column, --out, --timezone and --dry-run)\n{USAGE}"
            ));
        };
        if values.iter().any(|(n, _)| *n == name) {
            return Err(format!("--{name} is given twice\n{USAGE}"));
        }
        values.push((name, value));
    }
    let value = |name: &str| {
        let found = values.iter().find(|(n, _)| *n == name);
        found.map(|(_, v)| v.clone())
    };
    if sources.is_empty() {
        return Err(format!("import needs a feed file or URL\n{USAGE}"));
    }
    let column = value("column").ok_or_else(|| format!("--column is required\n{USAGE}"))?;
    if !is_valid_id(&column) {
        return Err(format!(
            "--column {column:?} is not a column slug: letters, digits, - and _, starting with a letter or digit (a slug of site.toml's [[columns]])"
        ));
    }
    Ok(ImportArgs {
        sources,
        column,
        out: PathBuf::from(value("out").unwrap_or_else(|| "content".to_owned())),
        timezone: value("timezone").unwrap_or_else(|| DEFAULT_TIMEZONE.to_owned()),
        dry_run: value("dry-run").is_some(),
    })
}

/// Imports feeds (files or URLs) as Markdown articles into `--out` (default `content`);
/// `--dry-run` lists what an import would add and change, and writes nothing.
pub fn run(args: &[String]) -> Result<(), String> {
    let args = parse_args(args)?;
    let zone = &args.timezone;
    let timezone = parse_offset(zone)
        .ok_or_else(|| format!("--timezone {zone:?} is not an offset such as +08:00 or -05:00"))?;
    let started = Instant::now();
    let sources = args
        .sources
        .iter()
        .map(|s| read_source(s))
        .collect::<Result<Vec<_>, String>>()?;
    for source in &sources {
        if let Some(url) = source.redirected() {
            println!("{}: redirected to {url}", source.name);
        }
    }
    let options = Options {
        column: args.column.clone(),
        timezone,
        out: Some(args.out.clone()),
    };
    let done = import(&sources, &options).map_err(|errors| {
        format!(
            "{}\n{} error(s); nothing was written",
            errors.join("\n"),
            errors.len()
        )
    })?;
    for warning in &done.warnings {
        eprintln!("{warning}");
    }
    for summary in &done.summaries {
        println!("{summary}");
    }
    let out = &args.out;
    let changes = plan(out, &done.files)?;
    for ((name, _), change) in done.files.iter().zip(&changes) {
        if args.dry_run || matches!(change, Change::Kept) {
            println!("{change}: {}", out.join(name).display());
        }
    }
    if !args.dry_run {
        apply(out, &done.files, &changes)?;
    }
    let counts = Counts::of(&changes);
    println!(
        "{} {} articles into {}: {} added, {} changed, {} unchanged, {} kept (not from an import); {} warning(s), {:.2} s",
        if args.dry_run { "would import" } else { "imported" },
        done.files.len(),
        out.display(),
        counts.added,
        counts.changed,
        counts.unchanged,
        counts.kept,
        done.warnings.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<ImportArgs, String> {
        parse_args(&args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn options_are_read_strictly() {
        let read = parse(&[
            "a.xml",
            "--column=notices",
            "--out",
            "c",
            "--dry-run",
            "b.xml",
        ]);
        let read = read.expect("valid");
        assert_eq!(read.sources, ["a.xml", "b.xml"]);
        assert_eq!(
            (read.column.as_str(), read.out),
            ("notices", PathBuf::from("c"))
        );
        assert!(read.dry_run && read.timezone == DEFAULT_TIMEZONE);
        let cases: [(&[&str], &str); 6] = [
            (
                &["a", "--column", "x", "--output", "d"],
                "unknown option --output for import",
            ),
            (
                &["a", "--column", "x", "--timezon", "+8"],
                "unknown option --timezon",
            ),
            (&["a", "--column", "x", "--out"], "--out needs a value"),
            (
                &["a", "--column", "x", "--dry-run=yes"],
                "--dry-run takes no value",
            ),
            (
                &["a", "--column", "x", "--column", "y"],
                "--column is given twice",
            ),
            (
                &["a", "--column", "../x"],
                "--column \"../x\" is not a column slug",
            ),
        ];
        for (args, message) in cases {
            let error = parse(args).expect_err(message);
            assert!(error.starts_with(message), "{args:?}: {error}");
        }
    }
}
