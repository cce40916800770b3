//! Writes a build into its output folder: files whose bytes did not change are kept as they are
//! (same inode and mtime, so ETags and CDN caches stay warm), and the new tree is assembled in a
//! sibling folder and swapped in only once it is complete.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::parallel::on_every_core;
use super::OutputFile;

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WriteReport {
    /// Files new or changed.
    pub written: usize,
    /// Files whose bytes were already there.
    pub unchanged: usize,
}

/// Replaces `out_dir` with exactly `files`.
pub fn write_tree(out_dir: &Path, files: &[OutputFile]) -> io::Result<WriteReport> {
    let staging = sibling(out_dir, "building");
    let retired = sibling(out_dir, "previous");
    for dir in [&staging, &retired] {
        if dir.exists() {
            fs::remove_dir_all(dir)?;
        }
    }
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|(rel, _)| staging.join(rel).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for dir in &dirs {
        fs::create_dir_all(dir)?;
    }
    // Writing is mostly system calls: split it over the cores.
    let reports = on_every_core(files, 1, |_, part| write_files(out_dir, &staging, part));
    let mut report = WriteReport::default();
    for r in reports {
        let r = r?;
        report.written += r.written;
        report.unchanged += r.unchanged;
    }
    fs::create_dir_all(&staging)?;
    if out_dir.exists() {
        fs::rename(out_dir, &retired)?;
    }
    fs::rename(&staging, out_dir)?;
    if retired.exists() {
        fs::remove_dir_all(&retired)?;
    }
    Ok(report)
}

/// Writes `files` below `staging`, hard-linking those whose bytes are already in `out_dir`.
fn write_files(out_dir: &Path, staging: &Path, files: &[OutputFile]) -> io::Result<WriteReport> {
    let mut report = WriteReport::default();
    for (rel, bytes) in files {
        let target = staging.join(rel);
        let existing = out_dir.join(rel);
        if fs::read(&existing).is_ok_and(|old| old == *bytes)
            && fs::hard_link(&existing, &target).is_ok()
        {
            report.unchanged += 1;
        } else {
            fs::write(&target, bytes)?;
            report.written += 1;
        }
    }
    Ok(report)
}

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    dir.with_file_name(format!(".{name}.{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn keeps_unchanged_files_and_swaps_the_tree() {
        let root = std::env::temp_dir().join(format!("news-output-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let out = root.join("api");
        let first = vec![
            ("a.json".to_owned(), b"1".to_vec()),
            ("d/b.json".to_owned(), b"2".to_vec()),
        ];
        assert_eq!(
            write_tree(&out, &first).expect("first"),
            WriteReport {
                written: 2,
                unchanged: 0
            }
        );
        let inode = fs::metadata(out.join("a.json")).expect("a").ino();

        let second = vec![
            ("a.json".to_owned(), b"1".to_vec()),
            ("d/c.json".to_owned(), b"3".to_vec()),
        ];
        assert_eq!(
            write_tree(&out, &second).expect("second"),
            WriteReport {
                written: 1,
                unchanged: 1
            }
        );
        assert_eq!(
            fs::metadata(out.join("a.json")).expect("a").ino(),
            inode,
            "unchanged file kept"
        );
        assert!(
            !out.join("d/b.json").exists(),
            "files no longer built are gone"
        );
        assert_eq!(fs::read(out.join("d/c.json")).expect("c"), b"3");
        assert!(!root.join(".api.building").exists() && !root.join(".api.previous").exists());
        fs::remove_dir_all(&root).expect("cleanup");
    }
}
