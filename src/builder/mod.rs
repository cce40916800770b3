//! The content builder: a folder of Markdown articles and a `site.toml` in, the static API of
//! `docs/data-format.md` out, written with the app's own contract types.

pub mod import;
pub mod output;
pub mod related_index;
pub mod render;
pub mod site;
pub mod source;
pub mod synth;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crate::contract::{
    AdjacentArticle, Article, ArticleMeta, ArticleSummary, Author, Category, FeedPage, PageInfo,
    RelatedRef, Site, JSON_FEED_VERSION,
};
use crate::dates::{sort_key, Timestamp};
use related_index::RelatedInput;
use site::SiteConfig;
use source::SourceArticle;

/// One problem in the input, as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    /// A problem at `file:line`.
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One output file: its path below the output folder, and its bytes.
pub type OutputFile = (String, Vec<u8>);

/// Reads `content_dir` (its `site.toml` and every `*.md` below it) and returns the API's files.
/// Nothing is written; every problem found is returned.
pub fn build_from_dir(content_dir: &Path) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
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
        Ok(site) if errors.is_empty() => build(&site, articles).map(|mut files| {
            files.extend(media);
            files.sort_by(|a, b| a.0.cmp(&b.0));
            files
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

/// Builds the API from parsed articles: checks ids and columns, renders, ranks related news,
/// links neighbours, paginates.
pub fn build(
    site: &SiteConfig,
    mut articles: Vec<SourceArticle>,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    check(site, &articles)?;
    articles.sort_by(|a, b| {
        sort_key(&b.date)
            .cmp(&sort_key(&a.date))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut rendered = render_all(&mut articles);
    let related =
        related_index::rank_all(&related_inputs(site, &articles, &rendered), &site.related);
    drop(articles);

    let mut out = Vec::new();
    let summaries: Vec<ArticleSummary> = rendered.iter().map(Article::to_summary).collect();
    let mut column_members: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in rendered.iter().enumerate() {
        column_members
            .entry(a.news.category.clone())
            .or_default()
            .push(i);
    }
    let adjacent = |j: usize| AdjacentArticle {
        id: summaries[j].id.clone(),
        title: summaries[j].title.clone(),
    };
    for members in column_members.values() {
        // Newest first: the previous article is the older neighbour, the next the newer one.
        for (pos, &i) in members.iter().enumerate() {
            // Each article is written once: move it out rather than copy its body.
            let mut article = std::mem::replace(&mut rendered[i], placeholder());
            article.news.prev = members.get(pos + 1).map(|&j| adjacent(j));
            article.news.next = pos.checked_sub(1).map(|p| adjacent(members[p]));
            article.news.related = related[i]
                .iter()
                .map(|&j| RelatedRef {
                    id: summaries[j].id.clone(),
                    title: summaries[j].title.clone(),
                    date_published: summaries[j].date_published.clone(),
                })
                .collect();
            out.push((format!("articles/{}.json", article.id), to_json(&article)));
        }
    }

    let all: Vec<usize> = (0..summaries.len()).collect();
    paginate(
        &mut out,
        "feed",
        &site.title,
        &all,
        &summaries,
        site.page_size,
    );
    let mut categories = Vec::new();
    for column in &site.columns {
        let members = column_members
            .get(column.slug.as_str())
            .cloned()
            .unwrap_or_default();
        let title = format!("{} — {}", column.name, site.title);
        paginate(
            &mut out,
            &format!("category/{}", column.slug),
            &title,
            &members,
            &summaries,
            site.page_size,
        );
        categories.push(Category {
            slug: column.slug.clone(),
            name: column.name.clone(),
            description: column.description.clone(),
            count: members.len() as u32,
        });
    }
    let site_doc = Site {
        version: "1".into(),
        title: site.title.clone(),
        description: site.description.clone(),
        language: site.language.clone(),
        page_size: site.page_size,
        categories,
    };
    out.push(("site.json".into(), to_json(&site_doc)));
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

fn check(site: &SiteConfig, articles: &[SourceArticle]) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut first_file: HashMap<&str, &str> = HashMap::new();
    for a in articles {
        if let Some(other) = first_file.insert(&a.id, &a.file) {
            errors.push(Diagnostic::new(
                &a.file,
                1,
                format!("duplicate id {:?}: also used by {other}", a.id),
            ));
        }
        if site.column(&a.column).is_none() {
            let known: Vec<&str> = site.columns.iter().map(|c| c.slug.as_str()).collect();
            errors.push(Diagnostic::new(
                &a.file,
                a.column_line,
                format!(
                    "unknown column {:?} (site.toml has {})",
                    a.column,
                    known.join(", ")
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Renders every article, on all cores; the Markdown bodies are released once rendered.
fn render_all(articles: &mut [SourceArticle]) -> Vec<Article> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = articles
            .chunks_mut(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter_mut()
                        .map(|a| {
                            let article = to_article(a);
                            a.body = String::new();
                            article
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker only panics on a bug: re-raise it rather than lose articles.
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// An empty article, left behind where one has been moved out.
fn placeholder() -> Article {
    Article {
        id: String::new(),
        title: String::new(),
        date_published: String::new(),
        date_modified: None,
        content_html: None,
        content_text: None,
        summary: None,
        image: None,
        authors: Vec::new(),
        tags: Vec::new(),
        language: None,
        news: ArticleMeta {
            category: String::new(),
            views: None,
            source: None,
            related: Vec::new(),
            prev: None,
            next: None,
        },
    }
}

fn to_article(a: &SourceArticle) -> Article {
    let summary = a
        .summary
        .clone()
        .unwrap_or_else(|| render::first_paragraph(&a.body));
    Article {
        id: a.id.clone(),
        title: a.title.clone(),
        date_published: a.date.clone(),
        date_modified: a.updated.clone(),
        content_html: Some(render::render_html(&a.body)),
        content_text: None,
        summary: (!summary.is_empty()).then_some(summary),
        image: a.image.clone(),
        authors: a
            .authors
            .iter()
            .map(|name| Author { name: name.clone() })
            .collect(),
        tags: a.tags.clone(),
        language: a.language.clone(),
        news: ArticleMeta {
            category: a.column.clone(),
            views: a.views,
            source: a.source.clone(),
            related: Vec::new(),
            prev: None,
            next: None,
        },
    }
}

fn related_inputs(
    site: &SiteConfig,
    sources: &[SourceArticle],
    rendered: &[Article],
) -> Vec<RelatedInput> {
    let mut tag_ids: HashMap<&str, u32> = HashMap::new();
    sources
        .iter()
        .zip(rendered)
        .map(|(s, a)| {
            let tags = s
                .tags
                .iter()
                .map(|t| {
                    let next = tag_ids.len() as u32;
                    *tag_ids.entry(t.as_str()).or_insert(next)
                })
                .collect();
            let column = site
                .columns
                .iter()
                .position(|c| c.slug == s.column)
                .unwrap_or(0) as u32;
            let month = Timestamp::parse(&s.date).map_or(0, |t| t.month_index());
            let text = format!("{} {}", s.title, a.summary.as_deref().unwrap_or_default());
            RelatedInput {
                column,
                tags,
                month,
                terms: crate::tokenize::terms(&text),
            }
        })
        .collect()
}

fn paginate(
    out: &mut Vec<OutputFile>,
    prefix: &str,
    title: &str,
    members: &[usize],
    summaries: &[ArticleSummary],
    page_size: u32,
) {
    let size = page_size.max(1) as usize;
    let total_pages = members.len().div_ceil(size).max(1);
    for page in 1..=total_pages {
        let items = members
            .iter()
            .skip((page - 1) * size)
            .take(size)
            .map(|&i| summaries[i].clone())
            .collect();
        let doc = FeedPage {
            version: JSON_FEED_VERSION.into(),
            title: title.to_owned(),
            next_url: (page < total_pages).then(|| format!("{prefix}/{}.json", page + 1)),
            items,
            news: PageInfo {
                page: page as u32,
                total_pages: total_pages as u32,
                total_items: members.len() as u32,
            },
        };
        out.push((format!("{prefix}/{page}.json"), to_json(&doc)));
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    // Contract types are plain data: serializing them cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests;
