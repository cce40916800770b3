//! Pre-renders a whole built site in place, on every core; a page whose bytes did not change is
//! not rewritten, and pages of routes that no longer exist are removed.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::head::{self, PageHeads, Public};
use super::routes::dated_routes;
use super::{file_of, manifest, offline, publish, render_page, Shell};
use crate::api::{self, page_data};
use crate::builder::parallel::on_every_core;

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Pages new or changed.
    pub written: usize,
    /// Pages whose bytes were already there.
    pub unchanged: usize,
    /// Pages of routes that are gone.
    pub removed: usize,
    /// Routes left to the app (`route: why`): data they need is missing or unreadable.
    pub failed: Vec<String>,
    /// Why nothing was pre-rendered, when the API is not part of the site.
    pub skipped: Option<String>,
    /// What was left out, and why (one line each).
    pub notices: Vec<String>,
    /// The URLs `sitemap.xml` lists (0 without a site URL).
    pub sitemap_urls: usize,
    /// The Atom feeds written (0 without a site URL).
    pub feeds: usize,
}

/// The folders pre-rendered pages live in (besides the home page).
const PAGE_DIRS: &[&str] = &["articles", "category", "page", "sitemap"];

/// Pre-renders the site built into `dist` (Trunk's output with the API and `404.html`, the
/// app's plain shell) at the deploy path its `<base href>` names, and writes `robots.txt` and,
/// with the site's public URL (`https://host`, checked by [`publish::site_url`]), `sitemap.xml`,
/// the Atom feeds and each page's canonical link and structured data; `manifest.webmanifest` is
/// the site's, and `offline.json` lists what the service worker keeps. A route whose data is
/// missing or unreadable is left to the app and reported; the others are still written.
pub fn prerender(dist: &Path, site_url: Option<&str>) -> Result<Report, String> {
    let site_url = site_url.map(publish::site_url).transpose()?;
    let shell_file = dist.join("404.html");
    let shell_html = read(&shell_file)
        .map_err(|e| format!("{}: {e} (build the app first)", shell_file.display()))?;
    let shell = Shell::parse(&shell_html)?;
    let base = base_href(&shell_html).ok_or("404.html has no <base href>")?;

    page_data::serve_from(source(dist, &base));
    let api = match api::configured_api_now(&base) {
        Some(Ok(api)) => api,
        Some(Err(e)) => return Err(format!("config.json: {e:?}")),
        None => return Err("config.json cannot be read".into()),
    };
    let offline_notice = write_offline_list(dist, &shell_html, &base, api.base())?;
    if !api.base().starts_with(&base) {
        copy_shell(dist, "search", &shell_html)?;
        copy_shell(dist, "", &shell_html)?;
        publish::write_files(dist, &base, None, &[])?;
        let removed = remove_stale(dist, &HashSet::new()).map_err(|e| e.to_string())?;
        let skipped = Some(format!(
            "config.json puts the API at {}, outside the site: pages are rendered in the browser",
            api.base()
        ));
        return Ok(Report {
            removed,
            skipped,
            notices: offline_notice.into_iter().collect(),
            ..Report::default()
        });
    }
    let dated = dated_routes(&api)?;
    let routes: Vec<String> = dated.iter().map(|r| r.path.clone()).collect();
    let site = api
        .site_now()
        .ok_or("site.json: not found")?
        .map_err(|e| format!("site.json: {e}"))?;
    publish::write_file(dist, manifest::FILE, &manifest::manifest(&site))?;
    let heads = site_url.as_ref().map(|url| PageHeads {
        public: Public::new(url, &base, api.base()),
        site,
        api: api.clone(),
    });
    let _ = page_data::take_page("");
    // Search is not pre-rendered: the plain shell, so that it answers 200, with the site's feed.
    let search = match &heads {
        Some(heads) => head::insert(&shell_html, &heads.site_feed()),
        None => shell_html.clone(),
    };
    copy_shell(dist, "search", &search)?;

    let results = on_every_core(&routes, 1, |_, part| {
        page_data::serve_from(source(dist, &base));
        write_pages(dist, &shell, &base, part, heads.as_ref())
    });
    let mut report = Report::default();
    report.notices.extend(offline_notice);
    let mut pages = HashSet::new();
    for result in results {
        let (part, written) = result.map_err(|e| e.to_string())?;
        report.written += part.written;
        report.unchanged += part.unchanged;
        report.failed.extend(part.failed);
        pages.extend(written);
    }
    report.removed = remove_stale(dist, &pages).map_err(|e| e.to_string())?;
    let published = publish::write_files(dist, &base, heads.as_ref(), &dated)?;
    report.sitemap_urls = published.sitemap_urls;
    report.feeds = published.feeds;
    report.notices.extend(published.notices);
    Ok(report)
}

/// Writes `offline.json`; without the app's files to list (a `dist` holding only the API) there
/// is none, and the notice says so.
fn write_offline_list(
    dist: &Path,
    shell: &str,
    base: &str,
    api_base: &str,
) -> Result<Option<String>, String> {
    match offline::offline_list(dist, shell, base, api_base) {
        Ok(list) => publish::write_file(dist, offline::FILE, &list).map(|()| None),
        Err(e) => {
            let _ = fs::remove_file(dist.join(offline::FILE));
            Ok(Some(format!("{}: not written, {e}", offline::FILE)))
        }
    }
}

/// Renders and writes `routes`; returns what it did and the pages now on disk.
fn write_pages(
    dist: &Path,
    shell: &Shell,
    base: &str,
    routes: &[String],
    heads: Option<&PageHeads>,
) -> io::Result<(Report, Vec<PathBuf>)> {
    let mut report = Report::default();
    let mut pages = Vec::with_capacity(routes.len());
    for route in routes {
        let html = match render_page(shell, base, route) {
            Ok(html) => match heads {
                Some(heads) => head::insert(&html, &heads.of(route)),
                None => html,
            },
            Err(why) => {
                report.failed.push(format!("{route}: {why}"));
                continue;
            }
        };
        let file = dist.join(file_of(route));
        if fs::read(&file).is_ok_and(|old| old == html.as_bytes()) {
            report.unchanged += 1;
        } else {
            write_page(&file, &html)?;
            report.written += 1;
        }
        pages.push(file);
    }
    Ok((report, pages))
}

/// Reads a URL of the site at `base` from `dist`: `None` when there is no such file.
fn source(dist: &Path, base: &str) -> impl Fn(&str) -> Option<String> + 'static {
    let (dist, base) = (dist.to_path_buf(), base.to_owned());
    move |url| {
        let rel = Path::new(url.strip_prefix(&base)?);
        // Only plain names below the site: the API's own URLs never need more.
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return None;
        }
        read(&dist.join(rel)).ok()
    }
}

/// [`source`], for the tests of a single render.
#[cfg(test)]
pub(super) fn source_for_tests(dist: &Path, base: &str) -> impl Fn(&str) -> Option<String> {
    source(dist, base)
}

/// Writes the shell as `{dir}/index.html` unless it is there already.
fn copy_shell(dist: &Path, dir: &str, shell: &str) -> Result<(), String> {
    let file = dist.join(dir).join("index.html");
    if read(&file).is_ok_and(|old| old == shell) {
        return Ok(());
    }
    write_page(&file, shell).map_err(|e| format!("{}: {e}", file.display()))
}

/// Writes a page whole, through a temporary file: a host serving the folder never sends half a
/// page, and a hard-linked copy of the old page keeps its bytes. Its compressed copies go, as
/// `make build` writes them afresh: a host must never serve an old `.br` beside a new page.
pub(super) fn write_page(file: &Path, html: &str) -> io::Result<()> {
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir)?;
    }
    let temporary = PathBuf::from(format!("{}.tmp", file.display()));
    fs::write(&temporary, html)?;
    fs::rename(&temporary, file)?;
    for suffix in [".br", ".gz"] {
        match fs::remove_file(format!("{}{suffix}", file.display())) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

fn read(path: &Path) -> io::Result<String> {
    fs::read_to_string(path)
}

/// The `href` of the shell's `<base>`, as Trunk writes it (`<base href="/news/" />`).
fn base_href(html: &str) -> Option<String> {
    let start = html.find("<base href=\"")? + "<base href=\"".len();
    let end = html[start..].find('"')?;
    Some(crate::links::normalize_base(&html[start..start + end]))
}

/// The page a file is, or is a compressed copy of: `…/index.html(.br|.gz)` → `…/index.html`.
fn page_of(file: &Path) -> Option<PathBuf> {
    let name = file.file_name()?.to_str()?;
    let page = name
        .strip_suffix(".br")
        .or_else(|| name.strip_suffix(".gz"))
        .unwrap_or(name);
    (page == "index.html").then(|| file.with_file_name(page))
}

/// Removes the pages that are not in `keep` from the page folders, with their compressed copies,
/// and returns how many pages went.
fn remove_stale(dist: &Path, keep: &HashSet<PathBuf>) -> io::Result<usize> {
    let mut removed = 0;
    let mut stack: Vec<PathBuf> = PAGE_DIRS.iter().map(|d| dist.join(d)).collect();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            // Never through a symbolic link: only what is inside the site.
            if entry.file_type()?.is_dir() {
                stack.push(path);
                continue;
            }
            let Some(page) = page_of(&path) else {
                continue;
            };
            if !keep.contains(&page) {
                fs::remove_file(&path)?;
                removed += usize::from(page == path);
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests;
