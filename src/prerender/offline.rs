//! `offline.json`: what the service worker (`public/sw.js`) keeps for reading offline — the app's
//! shell as this build made it (its hashed files are kept for good) and the site's description —
//! with the build's version, which the page also names when it registers the worker, so that a
//! new deploy is a new worker (docs/offline.md).

use std::fs;
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
];

/// The hashed outputs Trunk writes: `{prefix}{hash}{suffix}`.
const HASHED: &[(&str, &str)] = &[
    ("newsreader-", "_bg.wasm"),
    ("newsreader-", ".js"),
    ("main-", ".css"),
    ("boot-", ".js"),
];

/// The list for the build in `dist`, paths relative to the site's folder (`base`); `api_base`
/// adds `site.json` when the API is inside the site. The version is the app module's hash.
pub fn offline_list(dist: &Path, base: &str, api_base: &str) -> Result<String, String> {
    let entries = fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut hashed: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| HASHED.iter().any(|(p, s)| hash_of(name, p, s).is_some()))
        .collect();
    hashed.sort();
    let version = hashed
        .iter()
        .find_map(|name| hash_of(name, "newsreader-", ".js"))
        .ok_or("no newsreader-*.js: build the app first")?
        .to_owned();
    let mut files: Vec<String> = SHELL_FILES
        .iter()
        .filter(|name| dist.join(name).is_file())
        .map(|name| (*name).to_owned())
        .collect();
    files.extend(hashed);
    if let Some(api) = api_base.strip_prefix(base) {
        files.push(format!("{api}site.json"));
    }
    let mut text = serde_json::to_string_pretty(&json!({ "version": version, "files": files }))
        .map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// The hash in `{prefix}{hash}{suffix}`, when `name` is such a name (the hash is hex digits).
fn hash_of<'a>(name: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    let hash = name.strip_prefix(prefix)?.strip_suffix(suffix)?;
    (!hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_shell_the_hashed_files_and_the_site() {
        let dist = std::env::temp_dir().join(format!("offline-list-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(dist.join("api")).expect("temp dir");
        for name in [
            "404.html",
            "config.json",
            "favicon.svg",
            "newsreader-0a1b2c_bg.wasm",
            "newsreader-0a1b2c.js",
            "newsreader-0a1b2c.js.br",
            "main-ff00.css",
            "boot-12ab.js",
            "theme.js",
            "notes-xyz.js",
        ] {
            fs::write(dist.join(name), "x").expect("write");
        }
        let list: serde_json::Value =
            serde_json::from_str(&offline_list(&dist, "/news/", "/news/api/").expect("a list"))
                .expect("JSON");
        assert_eq!(list["version"], "0a1b2c");
        assert_eq!(
            list["files"],
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
        let elsewhere = offline_list(&dist, "/news/", "https://data.example.org/api/")
            .expect("a list without the API");
        assert!(!elsewhere.contains("site.json"), "{elsewhere}");
        fs::remove_file(dist.join("newsreader-0a1b2c.js")).expect("remove");
        assert!(offline_list(&dist, "/news/", "/news/api/")
            .expect_err("no app")
            .contains("build the app"));
        let _ = fs::remove_dir_all(&dist);
    }
}
