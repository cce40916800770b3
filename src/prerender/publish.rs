//! What search engines and feed readers read beside the pages: `robots.txt`, and with the site's
//! public URL a `sitemap.xml` per the sitemaps.org protocol (an index of parts when there are more
//! than [`MAX_URLS`] pages) and the Atom feeds.

use std::fs;
use std::io::{self, Cursor};
use std::path::Path;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use super::feeds::{feed_files, COLUMN_DIR};
use super::head::PageHeads;
use super::routes::Route;
use super::site::write_page;
use crate::dates::Timestamp;

/// The most URLs one sitemap file may list (sitemaps.org).
pub const MAX_URLS: usize = 50_000;

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// What [`write_files`] did.
#[derive(Debug, Default)]
pub struct Published {
    /// The URLs the sitemap lists (0 without a site URL).
    pub sitemap_urls: usize,
    /// The Atom feeds written (0 without a site URL).
    pub feeds: usize,
    /// What was left out, and why.
    pub notices: Vec<String>,
}

/// Writes `robots.txt` into `dist` and, with the site's public URLs (`heads`), the sitemap files
/// of `routes` and the feeds; sitemap and feed files a previous run wrote that are not part of
/// this one are removed (a smaller site, a column gone, no site URL any more). A file whose bytes
/// did not change is not rewritten.
pub fn write_files(
    dist: &Path,
    base: &str,
    heads: Option<&PageHeads>,
    routes: &[Route],
) -> Result<Published, String> {
    let site_url = heads.map(|h| h.public.site_url());
    let sitemap_url = site_url.map(|url| format!("{url}{base}sitemap.xml"));
    write_file(dist, "robots.txt", &robots_txt(sitemap_url.as_deref()))?;
    let mut published = Published::default();
    let (sitemaps, feeds) = match heads {
        Some(heads) => {
            let (sitemaps, count) = sitemap_files(heads.public.site_url(), base, routes, MAX_URLS)
                .map_err(|e| format!("sitemap.xml: {e}"))?;
            published.sitemap_urls = count;
            let (feeds, notices) = feed_files(&heads.api, &heads.site, &heads.public)?;
            published.feeds = feeds.len();
            published.notices = notices;
            (sitemaps, feeds)
        }
        None => {
            published.notices.push(
                "no --site-url: sitemap.xml, the Atom feeds, canonical links and structured data \
                 not written (they need the site's absolute URLs)"
                    .into(),
            );
            (Vec::new(), Vec::new())
        }
    };
    for (name, xml) in sitemaps.iter().chain(&feeds) {
        write_file(dist, name, xml)?;
    }
    remove_stale_sitemaps(dist, &sitemaps).map_err(|e| format!("sitemap files: {e}"))?;
    remove_stale_feeds(dist, &feeds).map_err(|e| format!("feed files: {e}"))?;
    Ok(published)
}

/// Writes `name` into `dist` unless its bytes are there already.
pub(super) fn write_file(dist: &Path, name: &str, text: &str) -> Result<(), String> {
    let file = dist.join(name);
    if fs::read(&file).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    write_page(&file, text).map_err(|e| format!("{name}: {e}"))
}

/// Removes `sitemap*.xml` files (and their compressed copies) that are not in `files`.
fn remove_stale_sitemaps(dist: &Path, files: &[(String, String)]) -> io::Result<()> {
    for entry in fs::read_dir(dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let stem = name.trim_end_matches(".br").trim_end_matches(".gz");
        let ours =
            stem == "sitemap.xml" || (stem.starts_with("sitemap-") && stem.ends_with(".xml"));
        if ours && !files.iter().any(|(f, _)| f == stem) {
            fs::remove_file(dist.join(&name))?;
        }
    }
    Ok(())
}

/// Removes the site's feed and the column feeds (with their compressed copies) that are not in
/// `files`.
fn remove_stale_feeds(dist: &Path, files: &[(String, String)]) -> io::Result<()> {
    let kept = |name: &str| files.iter().any(|(f, _)| f == name);
    let mut candidates: Vec<String> = ["atom.xml", "atom.xml.br", "atom.xml.gz"]
        .map(String::from)
        .into();
    if let Ok(entries) = fs::read_dir(dist.join(COLUMN_DIR)) {
        for entry in entries {
            let name = entry?.file_name().to_string_lossy().into_owned();
            candidates.push(format!("{COLUMN_DIR}/{name}"));
        }
    }
    for name in candidates {
        let stem = name.trim_end_matches(".br").trim_end_matches(".gz");
        if stem.ends_with(".xml") && !kept(stem) {
            match fs::remove_file(dist.join(&name)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
    }
    Ok(())
}

/// `robots.txt`: everything may be crawled; the sitemap is named when there is one.
pub fn robots_txt(sitemap_url: Option<&str>) -> String {
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = sitemap_url {
        robots.push_str(&format!("\nSitemap: {url}\n"));
    }
    robots
}

/// The site's public URL (`https://news.example.org`, no trailing slash), checked: an absolute
/// http(s) URL with a host and no query or fragment.
pub fn site_url(arg: &str) -> Result<String, String> {
    let url = arg.trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("--site-url {arg}: not an http(s) URL"))?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || rest.contains(['?', '#', ' ', '<', '>', '"']) {
        return Err(format!(
            "--site-url {arg}: expected https://host[/path], without query or fragment"
        ));
    }
    Ok(url.to_owned())
}

/// The sitemap files of the pages at `routes`, for a site deployed at `base` (`/` or `/news/`)
/// under `site_url`: `sitemap.xml` alone, or `sitemap.xml` as an index of `sitemap-1.xml`, …
/// when there are more than `max` URLs; with the number of URLs listed. Related views are left
/// out: they list what the articles and lists already hold.
pub fn sitemap_files(
    site_url: &str,
    base: &str,
    routes: &[Route],
    max: usize,
) -> io::Result<(Vec<(String, String)>, usize)> {
    let root = format!("{site_url}{}", base.trim_end_matches('/'));
    let listed: Vec<&Route> = routes
        .iter()
        .filter(|r| !r.path.ends_with("/related"))
        .collect();
    if listed.len() <= max {
        let file = ("sitemap.xml".to_owned(), urlset(&root, &listed)?);
        return Ok((vec![file], listed.len()));
    }
    let mut files = Vec::new();
    let mut parts = Vec::new();
    for (n, chunk) in listed.chunks(max.max(1)).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        let newest = chunk
            .iter()
            .filter_map(|r| r.lastmod.as_deref())
            .max_by_key(|d| crate::dates::sort_key(d));
        parts.push((format!("{root}/{name}"), newest.and_then(w3c_date)));
        files.push((name, urlset(&root, chunk)?));
    }
    files.insert(0, ("sitemap.xml".to_owned(), index(&parts)?));
    Ok((files, listed.len()))
}

/// A `<urlset>` of `routes` below `root`.
fn urlset(root: &str, routes: &[&Route]) -> io::Result<String> {
    document("urlset", &[("xmlns", SITEMAP_NS)], |w| {
        for route in routes {
            let loc = format!("{root}{}", route.path);
            entry(w, "url", &loc, route.lastmod.as_deref().and_then(w3c_date))?;
        }
        Ok(())
    })
}

/// A `<sitemapindex>` of `parts` (URL, newest date in it).
fn index(parts: &[(String, Option<String>)]) -> io::Result<String> {
    document("sitemapindex", &[("xmlns", SITEMAP_NS)], |w| {
        for (loc, lastmod) in parts {
            entry(w, "sitemap", loc, lastmod.clone())?;
        }
        Ok(())
    })
}

/// An indented UTF-8 XML document: the `root` element with `attributes`, its content written by
/// `body` (the sitemap files, the feeds).
pub(super) fn document(
    root: &str,
    attributes: &[(&str, &str)],
    body: impl FnOnce(&mut Writer<Cursor<Vec<u8>>>) -> io::Result<()>,
) -> io::Result<String> {
    let mut writer = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element(root)
        .with_attributes(attributes.iter().copied())
        .write_inner_content(body)?;
    let mut xml = String::from_utf8(writer.into_inner().into_inner())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    xml.push('\n');
    Ok(xml)
}

/// One `<url>` or `<sitemap>` with its `<loc>` and, when known, `<lastmod>`.
fn entry(
    w: &mut Writer<Cursor<Vec<u8>>>,
    tag: &str,
    loc: &str,
    lastmod: Option<String>,
) -> io::Result<()> {
    w.create_element(tag).write_inner_content(|w| {
        w.create_element("loc")
            .write_text_content(BytesText::new(loc))?;
        if let Some(date) = lastmod {
            w.create_element("lastmod")
                .write_text_content(BytesText::new(&date))?;
        }
        Ok(())
    })?;
    Ok(())
}

/// An RFC 3339 date as the W3C datetime a sitemap takes (with `T` and `Z` upper case); a date
/// that does not parse is left out rather than written wrong.
pub(super) fn w3c_date(date: &str) -> Option<String> {
    Timestamp::parse(date)?;
    let mut w3c = date.to_owned();
    w3c.replace_range(10..11, "T");
    if w3c.ends_with('z') {
        w3c.replace_range(w3c.len() - 1.., "Z");
    }
    Some(w3c)
}

#[cfg(test)]
mod tests;
