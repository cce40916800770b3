//! Puts an import's files into its folder, idempotently: a file whose bytes are already there is
//! not touched (its mtime stays), a changed item replaces the file an earlier import wrote, and a
//! file the import did not write (a hand-written article of the same name) is left alone. Nothing
//! is ever deleted.

use std::fmt;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use super::markdown::MARKER;
use crate::builder::parallel::on_every_core;

/// What writing one file does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Added,
    Changed,
    Unchanged,
    /// A file of that name that no import wrote: left as it is, the item not written.
    Kept,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Change::Added => "add",
            Change::Changed => "change",
            Change::Unchanged => "unchanged",
            Change::Kept => "keep (not from an import)",
        })
    }
}

/// How many files each change touches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub kept: usize,
}

impl Counts {
    pub fn of(changes: &[Change]) -> Self {
        let mut counts = Counts::default();
        for change in changes {
            *match change {
                Change::Added => &mut counts.added,
                Change::Changed => &mut counts.changed,
                Change::Unchanged => &mut counts.unchanged,
                Change::Kept => &mut counts.kept,
            } += 1;
        }
        counts
    }
}

/// What writing `files` (`(name, Markdown)`) into `dir` would do to each; `dir` may not exist yet.
pub fn plan(dir: &Path, files: &[(String, String)]) -> Result<Vec<Change>, String> {
    let runs = on_every_core(files, 1, |_, part| {
        part.iter()
            .map(|(name, markdown)| change(&dir.join(name), markdown))
            .collect::<Result<Vec<_>, String>>()
    });
    let mut changes = Vec::with_capacity(files.len());
    for run in runs {
        changes.extend(run?);
    }
    Ok(changes)
}

fn change(path: &Path, markdown: &str) -> Result<Change, String> {
    match fs::read(path) {
        Ok(existing) if existing == markdown.as_bytes() => Ok(Change::Unchanged),
        Ok(existing) if is_imported(&existing) => Ok(Change::Changed),
        Ok(_) => Ok(Change::Kept),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(Change::Added),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Whether a file was written by an import (and still has the line that says so).
pub fn is_imported(bytes: &[u8]) -> bool {
    let text = bytes
        .strip_prefix(b"+++\n")
        .or_else(|| bytes.strip_prefix(b"+++\r\n"));
    text.is_some_and(|t| t.starts_with(MARKER.as_bytes()))
}

/// Writes the files `changes` marks as added or changed, each through a temporary file renamed
/// over the old one (a reader never sees half a file).
pub fn apply(dir: &Path, files: &[(String, String)], changes: &[Change]) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let work: Vec<(&(String, String), Change)> =
        files.iter().zip(changes.iter().copied()).collect();
    let runs = on_every_core(&work, 1, |_, part| {
        for ((name, markdown), change) in part {
            if !matches!(change, Change::Added | Change::Changed) {
                continue;
            }
            let path = dir.join(name);
            let temporary = dir.join(format!(".{name}.importing"));
            fs::write(&temporary, markdown)
                .and_then(|()| fs::rename(&temporary, &path))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok::<(), String>(())
    });
    runs.into_iter().collect()
}
