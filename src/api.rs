//! The fetch layer: one generic fetch that maps every failure to [`ApiError`], an in-memory cache,
//! and one small typed function per endpoint. Components never build API URLs or call `fetch`.

mod cache;
mod counter;
mod fetch;
pub mod page_data;
mod related;
#[cfg(feature = "search")]
mod search;

pub use counter::{note_landing, note_navigation};
pub use fetch::fetch_json;
use fetch::fetch_text;
pub use related::RelatedNews;

#[cfg(feature = "search")]
pub use search::{serve as serve_search_worker, Found, FoundItem, SearchRequest};

use std::sync::Arc;

use crate::config::{Config, ConfigError};
use crate::contract::{is_valid_id, Article, FeedPage, Site};
use crate::links::ListSource;

/// A request with no answer after this long fails with [`ApiError::Timeout`].
pub const TIMEOUT_MS: i32 = 15_000;

/// Why a request failed (also the search worker's answer, as JSON).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ApiError {
    /// HTTP 404 or 410, or an id that cannot exist (no request is made for it).
    NotFound,
    /// The request never got an answer: refused, aborted, or the network failed.
    Network,
    /// The browser is offline and nothing kept for reading offline answered.
    Offline,
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
    /// Any other HTTP status outside 2xx.
    Status(u16),
    /// The answer is not the document the contract describes; says where
    /// ([`crate::contract::decode`]).
    Decode(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::NotFound => f.write_str("not found"),
            ApiError::Network => f.write_str("network failure"),
            ApiError::Offline => f.write_str("offline"),
            ApiError::Timeout => write!(f, "no answer within {} s", TIMEOUT_MS / 1000),
            ApiError::Status(code) => write!(f, "HTTP {code}"),
            ApiError::Decode(msg) => write!(f, "unreadable data: {msg}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// Why the app could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BootError {
    /// `config.json` exists but cannot be used.
    Config(ConfigError),
    /// `config.json` or `site.json` could not be loaded.
    Api(ApiError),
}

/// What the app needs before it can show any route.
#[derive(Debug, Clone)]
pub struct Boot {
    pub api: Api,
    pub site: Site,
}

/// Reads `config.json` (missing → defaults) from `page_base`, then `site.json` from the API.
pub async fn boot(page_base: &str) -> Result<Boot, BootError> {
    let api = api_of(
        page_base,
        fetch_text(&config_url(page_base), TIMEOUT_MS).await,
    )?;
    let site = api.site().await.map_err(BootError::Api)?;
    Ok(Boot { api, site })
}

/// [`boot`] from data at hand (a pre-rendered page's), without a request; `None` when some of it
/// must be fetched.
pub fn boot_now(page_base: &str) -> Option<Result<Boot, BootError>> {
    let api = match configured_api_now(page_base)? {
        Ok(api) => api,
        Err(e) => return Some(Err(e)),
    };
    let site = api.site_now()?.map_err(BootError::Api);
    Some(site.map(|site| Boot { api, site }))
}

/// The API `config.json` names (the default when it is missing), if the file is at hand now.
pub fn configured_api_now(page_base: &str) -> Option<Result<Api, BootError>> {
    let config = page_data::text_now(&config_url(page_base))?.map(|t| t.to_string());
    Some(api_of(page_base, config))
}

fn config_url(page_base: &str) -> String {
    format!("{page_base}config.json")
}

fn api_of(page_base: &str, config: Result<String, ApiError>) -> Result<Api, BootError> {
    let config = match config {
        Ok(text) => Config::parse(&text).map_err(BootError::Config)?,
        Err(ApiError::NotFound) => Config::default(),
        Err(e) => return Err(BootError::Api(e)),
    };
    let api = Api::new(&config.resolve_api_base(page_base));
    Ok(match config.goatcounter {
        Some(origin) => api.with_view_counter(&origin),
        None => api,
    })
}

/// The static API at one base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Api {
    base: Arc<str>,
    /// The GoatCounter origin that counts views, if config.json names one.
    counter: Option<Arc<str>>,
}

impl Api {
    /// An API rooted at `base` (ends in `/`).
    pub fn new(base: &str) -> Self {
        Api {
            base: base.into(),
            counter: None,
        }
    }

    /// The same API, with views counted by the GoatCounter site at `origin`.
    pub fn with_view_counter(self, origin: &str) -> Self {
        Api {
            counter: Some(origin.into()),
            ..self
        }
    }

    /// The base URL, for resolving relative URLs inside article bodies.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `site.json`.
    pub async fn site(&self) -> Result<Site, ApiError> {
        fetch_json(&self.site_url()).await
    }

    /// [`Api::site`] if it is at hand now.
    pub fn site_now(&self) -> Option<Result<Site, ApiError>> {
        page_data::now(&self.site_url())
    }

    fn site_url(&self) -> String {
        format!("{}site.json", self.base)
    }

    /// One page of the latest articles or of one column.
    pub async fn list_page(&self, source: &ListSource, page: u32) -> Result<FeedPage, ApiError> {
        fetch_json(&self.list_url(source, page)?).await
    }

    /// [`Api::list_page`] if it is at hand now.
    pub fn list_page_now(
        &self,
        source: &ListSource,
        page: u32,
    ) -> Option<Result<FeedPage, ApiError>> {
        match self.list_url(source, page) {
            Ok(url) => page_data::now(&url),
            Err(e) => Some(Err(e)),
        }
    }

    fn list_url(&self, source: &ListSource, page: u32) -> Result<String, ApiError> {
        match source {
            _ if page == 0 => Err(ApiError::NotFound),
            ListSource::Latest => Ok(format!("{}feed/{page}.json", self.base)),
            ListSource::Column(slug) if is_valid_id(slug) => {
                Ok(format!("{}category/{slug}/{page}.json", self.base))
            }
            ListSource::Column(_) => Err(ApiError::NotFound),
        }
    }

    /// `articles/{id}.json`; an id outside the contract's pattern is not found without a request.
    pub async fn article(&self, id: &str) -> Result<Article, ApiError> {
        with_body(fetch_json(&self.article_url(id)?).await?)
    }

    /// [`Api::article`] if it is at hand now.
    pub fn article_now(&self, id: &str) -> Option<Result<Article, ApiError>> {
        match self.article_url(id) {
            Ok(url) => page_data::now(&url).map(|r| r.and_then(with_body)),
            Err(e) => Some(Err(e)),
        }
    }

    /// The part of article `id` that `T` holds, if at hand now: the pre-renderer reads what a
    /// page's head needs without decoding the body.
    #[cfg(feature = "ssr")]
    pub fn article_part_now<T: serde::de::DeserializeOwned>(
        &self,
        id: &str,
    ) -> Option<Result<T, ApiError>> {
        match self.article_url(id) {
            Ok(url) => page_data::now(&url),
            Err(e) => Some(Err(e)),
        }
    }

    /// Notes that the page being pre-rendered shows article `id`'s HTML body: the article's
    /// document travels in the page without it, and the browser reads it back from the page.
    #[cfg(feature = "ssr")]
    pub fn body_in_page(&self, id: &str) {
        if let Ok(url) = self.article_url(id) {
            page_data::body_in_page(&url);
        }
    }

    fn article_url(&self, id: &str) -> Result<String, ApiError> {
        if is_valid_id(id) {
            Ok(format!("{}articles/{id}.json", self.base))
        } else {
            Err(ApiError::NotFound)
        }
    }
}

/// Checks that an article has a body.
fn with_body(article: Article) -> Result<Article, ApiError> {
    if article.body().is_none() {
        return Err(ApiError::Decode(
            "content_html or content_text: missing".into(),
        ));
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_describe_themselves() {
        assert_eq!(ApiError::Status(503).to_string(), "HTTP 503");
        assert_eq!(ApiError::Timeout.to_string(), "no answer within 15 s");
        assert!(ApiError::Decode("_news.views: bad".into())
            .to_string()
            .contains("_news.views"));
    }
}
