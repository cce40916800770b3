//! What a pre-rendered page tells crawlers and feed readers in its `<head>`, with the site's
//! public URL: its canonical URL, the site's and its column's Atom feeds, and on articles
//! JSON-LD (`NewsArticle`, `BreadcrumbList`). Elements that describe this page alone are marked
//! [`FIRST_PAGE`]: the app removes them at the first in-app navigation.

use quick_xml::escape::escape;
use serde::Deserialize;
use serde_json::{json, Value};

use super::feeds::feed_file;
use super::publish::w3c_date;
use crate::components::route_announcer::FIRST_PAGE;
use crate::contract::{is_valid_id, Author, Site};
use crate::i18n::Lang;
use crate::links;

/// Where the site is published: the absolute URLs of its pages, files and API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Public {
    /// The site URL (`https://host`, no trailing slash).
    site: String,
    /// The site URL and the deploy path (`https://host/news`, no trailing slash).
    root: String,
    /// The API's absolute URL (`https://host/news/api/`).
    pub api: String,
}

impl Public {
    /// The site at `site_url` (checked by `publish::site_url`), deployed at `base` (`/news/`),
    /// its API at the absolute path `api_base` (`/news/api/`).
    pub fn new(site_url: &str, base: &str, api_base: &str) -> Public {
        Public {
            site: site_url.to_owned(),
            root: format!("{site_url}{}", base.trim_end_matches('/')),
            api: format!("{site_url}{api_base}"),
        }
    }

    /// The site URL (`https://host`).
    pub fn site_url(&self) -> &str {
        &self.site
    }

    /// The URL of a route: `/articles/x` → `https://host/news/articles/x`.
    pub fn page(&self, route: &str) -> String {
        format!("{}{route}", self.root)
    }

    /// The URL of a file of the site: `atom.xml` → `https://host/news/atom.xml`.
    pub fn file(&self, name: &str) -> String {
        format!("{}/{name}", self.root)
    }

    /// A URL found in the data (an image), absolute: relative ones are the API's, as in the app.
    pub fn resolve(&self, url: &str) -> String {
        if url.starts_with("https://") || url.starts_with("http://") {
            url.to_owned()
        } else if url.starts_with('/') {
            format!("{}{url}", self.site)
        } else {
            format!("{}{url}", self.api)
        }
    }
}

/// What a head needs of an article: read without its body, which is most of it.
#[derive(Debug, Deserialize)]
pub struct ArticleHead {
    title: String,
    date_published: String,
    date_modified: Option<String>,
    image: Option<String>,
    #[serde(default)]
    authors: Vec<Author>,
    language: Option<String>,
    #[serde(rename = "_news")]
    news: HeadMeta,
}

#[derive(Debug, Deserialize)]
struct HeadMeta {
    category: String,
}

/// The head elements of the page at `route`; `article` is the article it shows, if any.
pub fn page_head(
    public: &Public,
    site: &Site,
    route: &str,
    article: Option<&ArticleHead>,
) -> String {
    let url = public.page(route);
    let mut head = format!(
        "<link rel=\"canonical\" href=\"{}\" {FIRST_PAGE}>",
        escape(url.as_str())
    );
    head.push_str(&feed_link(public, &site.title, None, ""));
    let column = article
        .map(|a| a.news.category.as_str())
        .or_else(|| column_of(route))
        .and_then(|slug| site.category(slug))
        // A column whose slug could not be a file name has no feed.
        .filter(|c| is_valid_id(&c.slug));
    if let Some(column) = column {
        let title = format!("{} · {}", column.name, site.title);
        head.push_str(&feed_link(public, &title, Some(&column.slug), FIRST_PAGE));
    }
    if let Some(article) = article.filter(|_| !route.ends_with("/related")) {
        let data = json_ld(public, site, &url, article);
        // `<` escaped: the text can never end its element.
        let text = data.to_string().replace('<', "\\u003c");
        head.push_str(&format!(
            "<script type=\"application/ld+json\" {FIRST_PAGE}>{text}</script>"
        ));
    }
    head
}

/// The `<link rel="alternate">` of the site's feed or a column's.
fn feed_link(public: &Public, title: &str, column: Option<&str>, mark: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\"{}{mark}>",
        escape(title),
        escape(public.file(&feed_file(column)).as_str()),
        if mark.is_empty() { "" } else { " " },
    )
}

/// The column a list route shows: `/category/x/page/2` → `x`.
fn column_of(route: &str) -> Option<&str> {
    route.strip_prefix("/category/")?.split('/').next()
}

/// `NewsArticle` and `BreadcrumbList` (schema.org) for `article` at `url`.
fn json_ld(public: &Public, site: &Site, url: &str, article: &ArticleHead) -> Value {
    let publisher = json!({
        "@type": "Organization",
        "name": site.title,
        "url": public.page("/"),
    });
    let authors: Vec<Value> = if article.authors.is_empty() {
        vec![publisher.clone()]
    } else {
        article
            .authors
            .iter()
            .map(|a| json!({"@type": "Person", "name": a.name}))
            .collect()
    };
    let column = &article.news.category;
    let mut news = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "mainEntityOfPage": url,
        "inLanguage": article.language.as_deref().unwrap_or(&site.language),
        "articleSection": site.category_name(column),
        "author": authors,
        "publisher": publisher,
    });
    let dates = [
        ("datePublished", Some(article.date_published.as_str())),
        ("dateModified", article.date_modified.as_deref()),
    ];
    for (key, date) in dates {
        if let Some(date) = date.and_then(w3c_date) {
            news[key] = json!(date);
        }
    }
    if let Some(image) = &article.image {
        news["image"] = json!([public.resolve(image)]);
    }
    let crumbs = [
        (
            Lang::from_tag(&site.language).strings().home,
            public.page("/"),
        ),
        (
            site.category_name(column),
            public.page(&links::absolute_path("/", &links::category(column, 1))),
        ),
        (article.title.as_str(), url.to_owned()),
    ];
    let items: Vec<Value> = crumbs
        .iter()
        .enumerate()
        .map(|(n, (name, item))| {
            json!({"@type": "ListItem", "position": n + 1, "name": name, "item": item})
        })
        .collect();
    let breadcrumbs = json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items,
    });
    json!([news, breadcrumbs])
}

/// The head elements of every pre-rendered page of one site.
pub struct PageHeads {
    pub public: Public,
    pub site: Site,
    pub api: crate::api::Api,
}

impl PageHeads {
    /// The link to the site's feed, for pages that are not pre-rendered.
    pub fn site_feed(&self) -> String {
        feed_link(&self.public, &self.site.title, None, "")
    }

    /// The elements of the page at `route`, reading the article it shows (without adding it
    /// to the page's data).
    pub fn of(&self, route: &str) -> String {
        let id = route
            .strip_prefix("/articles/")
            .map(|rest| rest.trim_end_matches("/related"));
        let article = id.and_then(|id| {
            crate::api::page_data::unrecorded(|| self.api.article_part_now::<ArticleHead>(id))?.ok()
        });
        page_head(&self.public, &self.site, route, article.as_ref())
    }
}

/// `page` with `elements` at the end of its `<head>`.
pub fn insert(page: &str, elements: &str) -> String {
    match page.find("</head>") {
        Some(at) => format!("{}{elements}{}", &page[..at], &page[at..]),
        None => page.to_owned(),
    }
}
