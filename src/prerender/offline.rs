//! `offline.json`: what the service worker (`public/sw.js`) keeps for reading offline — the app's
//! shell as this build made it (its hashed files are kept for good) and the site's description —
//! with the build's version, which the page also names when it registers the worker, so that a
//! new deploy is a new worker (docs/offline.md).

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;

use serde_json::json;

/// The list's file name, beside `index.html`.
pub const FILE: &str = "offline.json";

/// Files of the shell besides the hashed build outputs, when the build has them.
const SHELL_FILES: &[&str] = &[
    "404.html",
    "config.json",
    "favicon.svg",
    "manifest.webmanifest",
    "icon-192.png",
    // The search worker: Trunk names a worker's files by its binary, without a hash.
    "search-loader.js",
    "search-worker.js",
    "search-worker_bg.wasm",
];

/// The hashed outputs Trunk writes: `{prefix}{hash}{suffix}`.
const HASHED: &[(&str, &str)] = &[
    ("newsreader-", "_bg.wasm"),
    ("newsreader-", ".js"),
    ("main-", ".css"),
    ("boot-", ".js"),
];

/// The list for the build in `dist`: the shell files and the hashed files `shell` (the text of
/// `404.html`) loads, relative to the site's folder (`base`), plus `site.json` when the API
/// (`api_base`) is inside the site. The version is a hash of the shell's names and bytes (not of `site.json`,
/// which changes with every article): a new deploy of the app, its stylesheet or its
/// configuration is a new version, new content is not.
pub fn offline_list(
    dist: &Path,
    shell: &str,
    base: &str,
    api_base: &str,
) -> Result<String, String> {
    let mut hashed: Vec<&str> = shell
        .split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '/' | '<' | '>' | '='))
        .filter(|token| HASHED.iter().any(|(p, s)| is_hashed(token, p, s)))
        .collect();
    hashed.sort_unstable();
    hashed.dedup();
    if !hashed
        .iter()
        .any(|name| is_hashed(name, "newsreader-", ".js"))
    {
        return Err("404.html loads no newsreader-*.js: build the app first".into());
    }
    let mut files: Vec<String> = SHELL_FILES
        .iter()
        .copied()
        .chain(hashed)
        .filter(|name| dist.join(name).is_file())
        .map(str::to_owned)
        .collect();
    let mut hasher = DefaultHasher::new();
    for name in &files {
        name.hash(&mut hasher);
        fs::read(dist.join(name))
            .map_err(|e| format!("{name}: {e}"))?
            .hash(&mut hasher);
    }
    let version = format!("{:016x}", hasher.finish());
    if let Some(api) = api_base.strip_prefix(base) {
        files.push(format!("{api}site.json"));
    }
    let mut text = serde_json::to_string_pretty(&json!({ "version": version, "files": files }))
        .map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// Whether `name` is `{prefix}{hash}{suffix}` (the hash is hex digits).
fn is_hashed(name: &str, prefix: &str, suffix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(suffix))
        .is_some_and(|hash| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = r#"<link rel="stylesheet" href="/news/main-ff00.css"><meta name="app-entry" data-js="/news/newsreader-0a1b2c.js" data-wasm="/news/newsreader-0a1b2c_bg.wasm"><script type="module" src="/news/boot-12ab.js"></script>"#;

    fn dist_with(files: &[(&str, &str)]) -> std::path::PathBuf {
        let dist = std::env::temp_dir().join(format!("offline-list-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(&dist).expect("temp dir");
        for (name, text) in files {
            fs::write(dist.join(name), text).expect("write");
        }
        dist
    }

    fn list(dist: &Path) -> serde_json::Value {
        let shell = fs::read_to_string(dist.join("404.html")).expect("the shell");
        serde_json::from_str(&offline_list(dist, &shell, "/news/", "/news/api/").expect("a list"))
            .expect("JSON")
    }

    #[test]
    fn lists_the_shell_what_it_loads_and_the_site_with_a_version_of_their_bytes() {
        let mut files = vec![
            ("404.html", SHELL),
            ("config.json", "{}"),
            ("favicon.svg", "<svg/>"),
            ("newsreader-0a1b2c_bg.wasm", "wasm"),
            ("newsreader-0a1b2c.js", "js"),
            ("newsreader-99.js", "a previous build's, still on disk"),
            ("main-ff00.css", "css"),
            ("boot-12ab.js", "boot"),
        ];
        let dist = dist_with(&files);
        let first = list(&dist);
        assert_eq!(
            first["files"],
            json!([
                "404.html",
                "config.json",
                "favicon.svg",
                "boot-12ab.js",
                "main-ff00.css",
                "newsreader-0a1b2c.js",
                "newsreader-0a1b2c_bg.wasm",
                "api/site.json"
            ])
        );
        assert_eq!(
            list(&dist)["version"],
            first["version"],
            "the same build, the same version"
        );
        fs::create_dir_all(dist.join("api")).expect("api");
        fs::write(dist.join("api/site.json"), "new content").expect("write");
        assert_eq!(
            list(&dist)["version"],
            first["version"],
            "content is not a new version"
        );
        files[1] = (
            "config.json",
            r#"{"goatcounter": "https://stats.example.org"}"#,
        );
        let dist = dist_with(&files);
        assert_ne!(
            list(&dist)["version"],
            first["version"],
            "a new configuration is"
        );
        let elsewhere = offline_list(&dist, SHELL, "/news/", "https://data.example.org/api/")
            .expect("a list without the API");
        assert!(!elsewhere.contains("site.json"), "{elsewhere}");
        assert!(offline_list(&dist, "<p>no app</p>", "/news/", "/news/api/")
            .expect_err("no app")
            .contains("build the app"));
        let _ = fs::remove_dir_all(&dist);
    }
}
