//! `manifest.webmanifest`, the web app manifest: the site's name, language and description, with
//! the start URL, scope and icons relative to the manifest, so that they follow the deploy path.
//! The build ships a generic one (`public/manifest.webmanifest`); the pre-renderer writes the
//! site's over it.

use serde_json::{json, Value};

use crate::contract::Site;

/// The manifest's file name, in the site's folder.
pub const FILE: &str = "manifest.webmanifest";

/// The most characters of a launcher label (`short_name`) that fit under an icon.
const SHORT_NAME_CHARS: usize = 12;

/// The manifest of `site`.
pub fn manifest(site: &Site) -> String {
    let short_name: String = site.title.chars().take(SHORT_NAME_CHARS).collect();
    let icon =
        |src: &str, sizes: &str, kind: &str| json!({"src": src, "sizes": sizes, "type": kind});
    let mut maskable = icon("icon-512.png", "512x512", "image/png");
    maskable["purpose"] = json!("maskable");
    let mut manifest = json!({
        "name": site.title,
        "short_name": short_name,
        "lang": site.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1f5f8b",
        "icons": [
            icon("favicon.svg", "any", "image/svg+xml"),
            icon("icon-192.png", "192x192", "image/png"),
            icon("icon-512.png", "512x512", "image/png"),
            maskable,
        ],
    });
    if let Some(description) = site.description.as_deref().filter(|d| !d.is_empty()) {
        manifest["description"] = Value::from(description);
    }
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    text
}
