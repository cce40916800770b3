//! Atom 1.0 feeds (RFC 4287): the site's newest articles (`atom.xml`) and each column's
//! (`feeds/{slug}.xml`), with their bodies sanitized as on the pages and every URL absolute.

use std::io::{self, Cursor};

use quick_xml::events::BytesText;
use quick_xml::Writer;

use super::head::Public;
use super::publish::{document, w3c_date};
use super::routes::route;
use crate::api::{page_data, Api};
use crate::builder::render::sanitize_body;
use crate::contract::{is_valid_id, Article, ArticleSummary, Site};
use crate::dates::sort_key;
use crate::links::{self, ListSource};

/// How many of the newest articles a feed carries.
pub const ENTRIES: usize = 20;

const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

/// The folder of the column feeds, below the site.
pub const COLUMN_DIR: &str = "feeds";

/// The file of the site's feed (`None`) or a column's, relative to the site's folder.
pub fn feed_file(column: Option<&str>) -> String {
    match column {
        None => "atom.xml".to_owned(),
        Some(slug) => format!("{COLUMN_DIR}/{slug}.xml"),
    }
}

/// Files to write: (name relative to the site's folder, text).
pub type Files = Vec<(String, String)>;

/// Every feed of the site `api` serves, and a line for each article a feed could not take.
pub fn feed_files(api: &Api, site: &Site, public: &Public) -> Result<(Files, Vec<String>), String> {
    let mut files = Vec::new();
    let mut notices = Vec::new();
    let mut sources = vec![(ListSource::Latest, None)];
    sources.extend(
        site.categories
            .iter()
            .filter(|c| is_valid_id(&c.slug))
            .map(|c| (ListSource::Column(c.slug.clone()), Some(c))),
    );
    for (source, column) in sources {
        let items = newest(api, &source)?;
        let file = feed_file(column.map(|c| c.slug.as_str()));
        let title = match column {
            Some(c) => format!("{} · {}", c.name, site.title),
            None => site.title.clone(),
        };
        let subtitle = column.map_or(&site.description, |c| &c.description);
        let feed = Feed {
            id: public.page(&route(&source.href(1))),
            title: &title,
            subtitle: subtitle.as_deref(),
            language: &site.language,
            author: &site.title,
            self_url: public.file(&file),
        };
        // An article whose id could not be a path has no page to link to (as in the sitemap).
        let entries: Vec<Entry> = items
            .iter()
            .filter(|item| is_valid_id(&item.id))
            .filter_map(|item| entry(api, public, site, item, &file, &mut notices))
            .collect();
        let xml = feed.write(&entries).map_err(|e| format!("{file}: {e}"))?;
        files.push((file, xml));
    }
    Ok((files, notices))
}

/// The first [`ENTRIES`] items of a list, from as many of its pages as that takes.
fn newest(api: &Api, source: &ListSource) -> Result<Vec<ArticleSummary>, String> {
    let mut items = Vec::new();
    let mut page = 1;
    while items.len() < ENTRIES {
        let href = source.href(page);
        let list = page_data::unrecorded(|| api.list_page_now(source, page))
            .ok_or_else(|| format!("{href}: no data"))?
            .map_err(|e| format!("{href}: {e}"))?;
        items.extend(list.items);
        if page >= list.news.total_pages {
            break;
        }
        page += 1;
    }
    items.truncate(ENTRIES);
    Ok(items)
}

/// The feed's channel.
struct Feed<'a> {
    id: String,
    title: &'a str,
    subtitle: Option<&'a str>,
    language: &'a str,
    author: &'a str,
    self_url: String,
}

/// One article in a feed.
struct Entry {
    url: String,
    title: String,
    published: String,
    updated: String,
    authors: Vec<String>,
    category: (String, String),
    summary: Option<String>,
    content: Option<String>,
}

/// The entry of `item`: its whole article when it can be read (else the list's title and
/// summary), `None` with a notice when its date is not RFC 3339 (Atom requires one).
fn entry(
    api: &Api,
    public: &Public,
    site: &Site,
    item: &ArticleSummary,
    file: &str,
    notices: &mut Vec<String>,
) -> Option<Entry> {
    let Some(published) = w3c_date(&item.date_published) else {
        notices.push(format!(
            "{file}: article {} left out: date {:?} is not RFC 3339",
            item.id, item.date_published
        ));
        return None;
    };
    let article: Option<Article> =
        page_data::unrecorded(|| api.article_now(&item.id)).and_then(Result::ok);
    let updated = article
        .as_ref()
        .and_then(|a| a.date_modified.as_deref())
        .and_then(w3c_date)
        .filter(|m| sort_key(m) >= sort_key(&published))
        .unwrap_or_else(|| published.clone());
    let content = article.as_ref().and_then(|a| match a.body()? {
        crate::contract::Body::Html(html) => Some(sanitize_body(html, &public.api)),
        crate::contract::Body::Text(text) => Some(
            crate::format::paragraphs(text)
                .iter()
                .map(|p| format!("<p>{}</p>", quick_xml::escape::escape(p.as_str())))
                .collect(),
        ),
    });
    let category = &item.news.category;
    let title = article.as_ref().map_or(&item.title, |a| &a.title).clone();
    Some(Entry {
        url: public.page(&route(&links::article(&item.id))),
        title,
        published,
        updated,
        authors: article
            .as_ref()
            .map(|a| a.authors.iter().map(|a| a.name.clone()).collect())
            .unwrap_or_default(),
        category: (category.clone(), site.category_name(category).to_owned()),
        summary: match &article {
            Some(a) => a.summary.clone().filter(|s| !s.is_empty()),
            None => item.lead().map(str::to_owned),
        },
        content,
    })
}

impl Feed<'_> {
    fn write(&self, entries: &[Entry]) -> io::Result<String> {
        // A feed with no entry yet is as old as the epoch: a fixed date keeps the file unchanged.
        let updated = entries
            .iter()
            .map(|e| e.updated.as_str())
            .max_by_key(|d| sort_key(d))
            .unwrap_or("1970-01-01T00:00:00Z");
        let attributes = [("xmlns", ATOM_NS), ("xml:lang", self.language)];
        document("feed", &attributes, |w| {
            text(w, "id", &self.id)?;
            text(w, "title", self.title)?;
            if let Some(subtitle) = self.subtitle.filter(|s| !s.is_empty()) {
                text(w, "subtitle", subtitle)?;
            }
            text(w, "updated", updated)?;
            link(w, "self", "application/atom+xml", &self.self_url)?;
            link(w, "alternate", "text/html", &self.id)?;
            w.create_element("author")
                .write_inner_content(|w| text(w, "name", self.author))?;
            text(w, "generator", "newsreader")?;
            for entry in entries {
                entry.write(w)?;
            }
            Ok(())
        })
    }
}

impl Entry {
    fn write(&self, w: &mut Writer<Cursor<Vec<u8>>>) -> io::Result<()> {
        w.create_element("entry").write_inner_content(|w| {
            text(w, "id", &self.url)?;
            text(w, "title", &self.title)?;
            link(w, "alternate", "text/html", &self.url)?;
            text(w, "published", &self.published)?;
            text(w, "updated", &self.updated)?;
            for name in &self.authors {
                w.create_element("author")
                    .write_inner_content(|w| text(w, "name", name))?;
            }
            w.create_element("category")
                .with_attribute(("term", xml_chars(&self.category.0).as_ref()))
                .with_attribute(("label", xml_chars(&self.category.1).as_ref()))
                .write_empty()?;
            if let Some(summary) = &self.summary {
                text(w, "summary", summary)?;
            }
            if let Some(content) = &self.content {
                w.create_element("content")
                    .with_attribute(("type", "html"))
                    .write_text_content(BytesText::new(&xml_chars(content)))?;
            }
            Ok(())
        })?;
        Ok(())
    }
}

fn text(w: &mut Writer<Cursor<Vec<u8>>>, tag: &str, value: &str) -> io::Result<()> {
    w.create_element(tag)
        .write_text_content(BytesText::new(&xml_chars(value)))?;
    Ok(())
}

/// `s` without the characters XML 1.0 cannot hold (C0 controls but tab and line ends, U+FFFE,
/// U+FFFF): data from another system may have them, and one would make the whole feed unreadable.
pub fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if s.contains(bad) {
        s.replace(bad, "").into()
    } else {
        s.into()
    }
}

fn link(w: &mut Writer<Cursor<Vec<u8>>>, rel: &str, kind: &str, href: &str) -> io::Result<()> {
    w.create_element("link")
        .with_attribute(("rel", rel))
        .with_attribute(("type", kind))
        .with_attribute(("href", href))
        .write_empty()?;
    Ok(())
}
