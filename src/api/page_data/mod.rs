//! The data a pre-rendered page was rendered from. It travels inside the page as
//! `<script type="application/json" id="page-data">` (data, never run, so the strict CSP allows
//! it): `{"route": "/articles/x", "responses": [[url, body or null], …]}`. Before hydrating, the
//! browser puts the responses into the response cache, so the components find at once the data the
//! server found and render the same DOM without a request.
//!
//! On the server ([`serve_from`], [`take_page`]) the same cache lookups read the built site from
//! disk and record what each page used. A value the page computes from bigger documents (related
//! news, ranked from its column's first list page) travels as that value alone ([`derived`]), so
//! that a page carries only the data it renders. An article's HTML body travels once, as the
//! page's HTML: the article's document comes without `content_html`, and the browser reads it back
//! from the rendered body (`"body_in_page": url`).

use std::rc::Rc;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{cache, ApiError};
use crate::contract::decode;

/// The `id` of the page-data element.
pub const ELEMENT_ID: &str = "page-data";

#[derive(Deserialize)]
struct PageData<'a> {
    route: String,
    #[serde(borrow)]
    responses: Vec<(String, Option<&'a RawValue>)>,
    /// The document whose `content_html` is the page's rendered article body.
    #[serde(default)]
    body_in_page: Option<String>,
}

/// Puts the responses of a page-data block into the cache and returns the route the page was
/// rendered for (hydrate only when it is the route in the address bar). `page_body` reads the
/// article body's HTML from the page, when the block says that a document's body is there.
pub fn load(text: &str, page_body: impl FnOnce() -> Option<String>) -> Result<String, String> {
    let data: PageData = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut page_body = Some(page_body);
    for (url, body) in data.responses {
        let mut body = body.map(|b| Rc::<str>::from(b.get()));
        if data.body_in_page.as_deref() == Some(url.as_str()) {
            // A document that cannot have its body back stays out of the cache.
            let html = page_body.take().and_then(|read| read());
            body = match (body, html) {
                (Some(document), Some(html)) => Some(with_content_html(&document, &html)?.into()),
                _ => return Err(format!("{url}: the article's body is not in the page")),
            };
        }
        cache::CACHE.with(|c| c.borrow_mut().insert(&url, body));
    }
    Ok(data.route)
}

/// `document` (a JSON object without `content_html`) with `html` as its `content_html`.
fn with_content_html(document: &str, html: &str) -> Result<String, String> {
    let open = document.trim_end();
    let open = open
        .strip_suffix('}')
        .ok_or("an article with its body in the page is not a JSON object")?;
    let html = serde_json::to_string(html).map_err(|e| e.to_string())?;
    let comma = if open.trim_end().ends_with('{') {
        ""
    } else {
        ","
    };
    Ok(format!("{open}{comma}\"content_html\":{html}}}"))
}

/// The body at `url` if it is at hand now: cached, carried by the page, or (on the server) on
/// disk. `Some(None)` means known to be missing.
fn lookup(url: &str) -> Option<Option<Rc<str>>> {
    let found = cache::CACHE.with(|c| c.borrow().lookup(url));
    #[cfg(feature = "ssr")]
    let found = server::lookup(url, found);
    found
}

/// The document at `url` decoded, if it is at hand now (see [`lookup`]); `None` means it must be
/// fetched.
pub(super) fn now<T: serde::de::DeserializeOwned>(url: &str) -> Option<Result<T, ApiError>> {
    Some(match lookup(url)? {
        Some(body) => decode(&body).map_err(ApiError::Decode),
        None => Err(ApiError::NotFound),
    })
}

/// A value computed from documents at hand, under `key` (a URL with a `#fragment`, never
/// fetched): the page's copy when it carries one, else `compute()`. On the server the page
/// records the value instead of the documents it was computed from, unless it failed, where the
/// documents (or their absence) travel so that the browser fails alike.
pub(super) fn derived<T>(
    key: &str,
    compute: impl FnOnce() -> Option<Result<T, ApiError>>,
) -> Option<Result<T, ApiError>>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    if let Some(body) = cache::CACHE.with(|c| c.borrow().get(key)) {
        #[cfg(feature = "ssr")]
        server::record(key, Some(body.clone()));
        return Some(decode(&body).map_err(ApiError::Decode));
    }
    #[cfg(feature = "ssr")]
    let mark = server::mark();
    let value = compute();
    #[cfg(feature = "ssr")]
    if let Some(Ok(value)) = &value {
        server::replace_since(mark, key, value);
    }
    value
}

/// A text file (`config.json`) if it is at hand now.
pub(super) fn text_now(url: &str) -> Option<Result<Rc<str>, ApiError>> {
    Some(lookup(url)?.ok_or(ApiError::NotFound))
}

#[cfg(feature = "ssr")]
pub use server::{body_in_page, serve_from, take_page, unrecorded};

#[cfg(feature = "ssr")]
mod server;

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"{"route":"/articles/a","responses":[["/api/articles/a.json",{"id":"a","title":"T"}]],"body_in_page":"/api/articles/a.json"}"#;

    #[test]
    fn a_body_in_the_page_goes_back_into_its_document() {
        let route = load(PAGE, || Some("<p>\"正文\" &amp; more</p>".to_owned()));
        assert_eq!(route.as_deref(), Ok("/articles/a"));
        let body = lookup("/api/articles/a.json").flatten().expect("cached");
        let document: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(document["content_html"], "<p>\"正文\" &amp; more</p>");
        assert_eq!(document["title"], "T");
        assert_eq!(
            with_content_html("{ }", "x").as_deref(),
            Ok(r#"{ "content_html":"x"}"#)
        );
    }

    #[test]
    fn a_page_that_lost_its_body_is_not_adopted() {
        let error = load(PAGE, || None).expect_err("no body");
        assert!(error.contains("/api/articles/a.json"), "{error}");
        let not_an_object = PAGE.replace(r#"{"id":"a","title":"T"}"#, "[1]");
        assert!(load(&not_an_object, || Some("<p>x</p>".to_owned())).is_err());
    }
}
