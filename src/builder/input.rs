//! Reading a content folder: `site.toml`, every `*.md` below it, and `media/`.

use std::collections::HashSet;
use std::path::Path;

use super::site::SiteConfig;
use super::source::SourceArticle;
use super::{build, check, source, Diagnostic, OutputFile};

/// A content folder, read and parsed.
pub struct Content {
    pub site: SiteConfig,
    pub articles: Vec<SourceArticle>,
    /// The files below `media/`, as `media/…` with their bytes.
    pub media: Vec<OutputFile>,
}

impl Content {
    /// What `news-builder check` finds in the articles (warnings).
    pub fn check(&self) -> Vec<Diagnostic> {
        let media: HashSet<String> = self.media.iter().map(|(path, _)| path.clone()).collect();
        check::check(&self.site, &self.articles, &media)
    }

    /// The API's files.
    pub fn build(self) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let media = self.media;
        build(&self.site, self.articles).map(|mut files| {
            files.extend(media);
            files.sort_by(|a, b| a.0.cmp(&b.0));
            files
        })
    }
}

/// Reads `content_dir` (its `site.toml` and every `*.md` below it) and returns the API's files.
/// Nothing is written; every problem found is returned.
pub fn build_from_dir(content_dir: &Path) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    read_content(content_dir)?.build()
}

/// Reads and parses `content_dir`; every problem found is returned.
pub fn read_content(content_dir: &Path) -> Result<Content, Vec<Diagnostic>> {
    let site_path = content_dir.join("site.toml");
    let site_name = site_path.display().to_string();
    let site_text = std::fs::read_to_string(&site_path)
        .map_err(|e| vec![Diagnostic::new(&site_name, 1, format!("cannot read: {e}"))])?;
    let site = SiteConfig::parse(&site_name, &site_text);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect_markdown(content_dir, true, &mut files, &mut errors).map_err(|e| {
        vec![Diagnostic::new(
            &content_dir.display().to_string(),
            1,
            format!("cannot list: {e}"),
        )]
    })?;
    files.sort();
    let mut articles = Vec::with_capacity(files.len());
    for path in files {
        let name = path.display().to_string();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match std::fs::read_to_string(&path) {
            Ok(text) => match source::parse_article(&name, &stem, &text) {
                Ok(article) => articles.push(article),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(Diagnostic::new(&name, 1, format!("cannot read: {e}"))),
        }
    }
    let media = read_media(&content_dir.join("media")).map_err(|e| {
        vec![Diagnostic::new(
            &content_dir.join("media").display().to_string(),
            1,
            format!("cannot read: {e}"),
        )]
    })?;
    match site {
        Ok(site) if errors.is_empty() => Ok(Content {
            site,
            articles,
            media,
        }),
        Ok(_) => Err(errors),
        Err(mut site_errors) => {
            site_errors.append(&mut errors);
            Err(site_errors)
        }
    }
}

/// The files below `content/media/`, copied as they are to `media/` in the output.
fn read_media(dir: &Path) -> std::io::Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                files.push((
                    format!("media/{}", rel.to_string_lossy()),
                    std::fs::read(&path)?,
                ));
            }
        }
    }
    Ok(files)
}

/// Every `*.md` below `dir`; anything else (but, at the top, `site.toml` and `media/`, and hidden
/// files anywhere) is an error, so that no article is silently left out.
fn collect_markdown(
    dir: &Path,
    is_root: bool,
    out: &mut Vec<std::path::PathBuf>,
    stray: &mut Vec<Diagnostic>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || (is_root && (name == "site.toml" || name == "media")) {
            continue;
        }
        if path.is_dir() {
            collect_markdown(&path, false, out, stray)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        } else {
            stray.push(Diagnostic::new(
                &path.display().to_string(),
                1,
                "not an article: only *.md files, site.toml and media/ belong in the content folder",
            ));
        }
    }
    Ok(())
}
