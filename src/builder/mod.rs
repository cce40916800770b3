//! The content builder: a folder of Markdown articles and a `site.toml` in, the static API of
//! `docs/data-format.md` out, written with the app's own contract types.

pub mod check;
pub mod import;
pub mod input;
pub mod output;
pub mod parallel;
pub mod related_index;
pub mod render;
pub mod search_files;
pub mod search_index;
#[cfg(test)]
mod search_quality;
pub mod site;
pub mod source;
pub mod synth;

use std::collections::HashMap;
use std::fmt;

use crate::contract::{
    AdjacentArticle, Article, ArticleSummary, Category, FeedPage, PageInfo, RelatedRef, Site,
    JSON_FEED_VERSION,
};
use crate::dates::{sort_key, Timestamp};
pub use input::{build_from_dir, read_content};
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
    let mut rendered = render::render_all(&mut articles);
    let related =
        related_index::rank_all(&related_inputs(site, &articles, &rendered), &site.related);
    drop(articles);

    let column_slugs: Vec<String> = site.columns.iter().map(|c| c.slug.clone()).collect();
    let mut out = search_index::build_index(&rendered, &column_slugs);
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
            let mut article = std::mem::replace(&mut rendered[i], render::placeholder());
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
        // Checked when site.toml was parsed.
        organization: site.organization().unwrap_or_default(),
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

fn related_inputs(
    site: &SiteConfig,
    sources: &[SourceArticle],
    rendered: &[Article],
) -> Vec<RelatedInput> {
    let mut tag_ids: HashMap<&str, u32> = HashMap::new();
    let mut term_ids: HashMap<String, u32> = HashMap::new();
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
            let terms = crate::tokenize::terms(&text)
                .into_iter()
                .map(|t| {
                    let next = term_ids.len() as u32;
                    *term_ids.entry(t).or_insert(next)
                })
                .collect();
            RelatedInput {
                column,
                tags,
                month,
                terms,
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
