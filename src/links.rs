//! The app's own route URLs, built in one place. They are relative to the document's
//! `<base href>` (the deploy path, `/` or e.g. `/news/`), so the same build works under any path.

/// `./`, or `page/{n}` after the first page (a path, so that each page can be a static file).
pub fn home(page: u32) -> String {
    if page > 1 {
        format!("page/{page}")
    } else {
        "./".to_owned()
    }
}

/// `category/{slug}`, or `category/{slug}/page/{n}` after the first page.
pub fn category(slug: &str, page: u32) -> String {
    if page > 1 {
        format!("category/{slug}/page/{page}")
    } else {
        format!("category/{slug}")
    }
}

/// `articles/{id}`.
pub fn article(id: &str) -> String {
    format!("articles/{id}")
}

/// `articles/{id}/related`.
pub fn related(id: &str) -> String {
    format!("articles/{id}/related")
}

/// `sitemap`.
pub fn sitemap() -> String {
    "sitemap".to_owned()
}

/// The search page, for a form's `action` (the form adds `?q=…`).
pub fn search_page() -> String {
    "search".to_owned()
}

/// `search?q=…` with the column filter and page when set; the query is percent-encoded.
pub fn search(q: &str, column: Option<&str>, page: u32) -> String {
    let mut link = format!("search?q={}", encode_component(q));
    if let Some(column) = column {
        link.push_str("&column=");
        link.push_str(&encode_component(column));
    }
    if page > 1 {
        link.push_str(&format!("&page={page}"));
    }
    link
}

/// Percent-encodes everything but the unreserved characters of RFC 3986, as
/// `encodeURIComponent` does.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The absolute path of a link built here, for a site deployed at `base` (ends in `/`), without
/// its query: `absolute_path("/news/", "search?q=x")` is `/news/search`.
pub fn absolute_path(base: &str, link: &str) -> String {
    let path = link.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_prefix("./").unwrap_or(path);
    format!("{base}{path}")
}

/// The route of an address-bar path under `base`: `/news/articles/x/` → `/articles/x`; `None`
/// outside `base`.
pub fn route_of(base: &str, path: &str) -> Option<String> {
    let rest = path
        .strip_prefix(base)
        .or_else(|| (path == base.trim_end_matches('/')).then_some(""))?;
    Some(format!("/{}", rest.trim_end_matches('/')))
}

/// Whether a query leaves the page a path shows as it is: any parameter but `page` (tracking
/// parameters and the like) does.
pub fn query_keeps_page(query: &str) -> bool {
    !query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some("page"))
}

/// Normalizes a deploy path to the form the app uses: leading and trailing `/` (`news` → `/news/`).
pub fn normalize_base(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// Which list a list page shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListSource {
    /// All articles, newest first.
    Latest,
    /// One column, by slug.
    Column(String),
}

impl ListSource {
    /// The route of page `page` of this list.
    pub fn href(&self, page: u32) -> String {
        match self {
            ListSource::Latest => home(page),
            ListSource::Column(slug) => category(slug, page),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_routes() {
        assert_eq!(home(1), "./");
        assert_eq!(home(3), "page/3");
        assert_eq!(category("notices", 0), "category/notices");
        assert_eq!(category("notices", 2), "category/notices/page/2");
        assert_eq!(article("a-1"), "articles/a-1");
        assert_eq!(related("a-1"), "articles/a-1/related");
        assert_eq!(ListSource::Latest.href(2), "page/2");
        assert_eq!(
            route_of("/news/", "/news/articles/x/").as_deref(),
            Some("/articles/x")
        );
        assert_eq!(route_of("/news/", "/news").as_deref(), Some("/"));
        assert_eq!(route_of("/", "/").as_deref(), Some("/"));
        assert_eq!(route_of("/news/", "/other/x"), None);
        assert!(query_keeps_page(""));
        assert!(query_keeps_page("?utm_source=x&ref=y"));
        assert!(!query_keeps_page("?page=2"));
        assert!(!query_keeps_page("?a=1&page"));
        assert_eq!(ListSource::Column("x".into()).href(1), "category/x");
    }

    #[test]
    fn builds_search_links() {
        assert_eq!(search("冷链", None, 1), "search?q=%E5%86%B7%E9%93%BE");
        assert_eq!(
            search("a&b c", Some("notices"), 2),
            "search?q=a%26b%20c&column=notices&page=2"
        );
        assert_eq!(
            absolute_path("/news/", &search("x", None, 1)),
            "/news/search"
        );
    }

    #[test]
    fn absolute_paths_under_a_base() {
        assert_eq!(absolute_path("/", &home(2)), "/page/2");
        assert_eq!(absolute_path("/news/", &home(1)), "/news/");
        assert_eq!(
            absolute_path("/news/", &category("x", 2)),
            "/news/category/x/page/2"
        );
        assert_eq!(absolute_path("/", &article("a")), "/articles/a");
    }

    #[test]
    fn normalizes_bases() {
        for (raw, want) in [
            ("", "/"),
            ("/", "/"),
            ("news", "/news/"),
            ("/news", "/news/"),
            ("/a/b/", "/a/b/"),
        ] {
            assert_eq!(normalize_base(raw), want, "{raw:?}");
        }
    }
}
