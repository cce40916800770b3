//! The data a pre-rendered page was rendered from. It travels inside the page as
//! `<script type="application/json" id="page-data">` (data, never run, so the strict CSP allows
//! it): `{"route": "/articles/x", "responses": [[url, body or null], …]}`. Before hydrating, the
//! browser puts the responses into the response cache, so the components find at once the data the
//! server found and render the same DOM without a request.
//!
//! On the server ([`serve_from`], [`take_page`]) the same cache lookups read the built site from
//! disk and record what each page used. A value the page computes from bigger documents (related
//! news, ranked from its column's first list page) travels as that value alone ([`derived`]), so
//! that a page carries only the data it renders.

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
}

/// Puts the responses of a page-data block into the cache and returns the route the page was
/// rendered for (hydrate only when it is the route in the address bar).
pub fn load(text: &str) -> Result<String, String> {
    let data: PageData = serde_json::from_str(text).map_err(|e| e.to_string())?;
    cache::CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        for (url, body) in data.responses {
            cache.insert(&url, body.map(|b| Rc::from(b.get())));
        }
    });
    Ok(data.route)
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
pub use server::{serve_from, take_page, unrecorded};

#[cfg(feature = "ssr")]
mod server {
    use std::cell::RefCell;
    use std::rc::Rc;

    use serde::Serialize;
    use serde_json::value::RawValue;

    use super::cache;

    type Source = Box<dyn Fn(&str) -> Option<String>>;

    thread_local! {
        static SOURCE: RefCell<Option<Source>> = const { RefCell::new(None) };
        static USED: RefCell<Vec<(String, Option<Rc<str>>)>> = const { RefCell::new(Vec::new()) };
    }

    /// Makes this thread's renders read what the cache lacks with `source` (URL → body, `None`
    /// when missing). The cache is emptied: what it holds came from the previous source.
    pub fn serve_from(source: impl Fn(&str) -> Option<String> + 'static) {
        SOURCE.with(|s| *s.borrow_mut() = Some(Box::new(source)));
        cache::CACHE.with(|c| *c.borrow_mut() = cache::ResponseCache::default());
        USED.with(|u| u.borrow_mut().clear());
    }

    pub(super) fn lookup(url: &str, found: Option<Option<Rc<str>>>) -> Option<Option<Rc<str>>> {
        let found = found.or_else(|| {
            let body = SOURCE.with(|s| s.borrow().as_ref().map(|read| read(url)))?;
            let body: Option<Rc<str>> = body.map(Rc::from);
            cache::CACHE.with(|c| c.borrow_mut().insert(url, body.clone()));
            Some(body)
        });
        if let Some(body) = &found {
            record(url, body.clone());
        }
        found
    }

    /// Records that the page used `body` from `url`.
    pub(super) fn record(url: &str, body: Option<Rc<str>>) {
        USED.with(|u| {
            let mut used = u.borrow_mut();
            if !used.iter().any(|(u, _)| u == url) {
                used.push((url.to_owned(), body));
            }
        });
    }

    /// Runs `f`, forgetting what it reads: reads the pre-renderer makes beside a page (its feeds
    /// and structured data) never travel inside the page.
    pub fn unrecorded<T>(f: impl FnOnce() -> T) -> T {
        let at = mark();
        let value = f();
        USED.with(|u| u.borrow_mut().truncate(at));
        value
    }

    /// Where the record of used documents stands now.
    pub(super) fn mark() -> usize {
        USED.with(|u| u.borrow().len())
    }

    /// Replaces what was recorded since `mark` with `value` under `key`.
    pub(super) fn replace_since(mark: usize, key: &str, value: &impl Serialize) {
        let Ok(body) = serde_json::to_string(value) else {
            return;
        };
        let body: Rc<str> = body.into();
        cache::CACHE.with(|c| c.borrow_mut().insert(key, Some(body.clone())));
        USED.with(|u| {
            let mut used = u.borrow_mut();
            used.truncate(mark);
            used.push((key.to_owned(), Some(body)));
        });
    }

    #[derive(Serialize)]
    struct PageData<'a> {
        route: &'a str,
        responses: Vec<(&'a str, Option<Box<RawValue>>)>,
    }

    /// The page-data JSON of the page rendered since the last call, for `route`; `<` is escaped
    /// so that the text cannot end its `<script>` element. Bodies go in as they were read, byte
    /// for byte, so that the browser decodes exactly what the server did; one that is not JSON
    /// at all goes in as missing, which the app treats alike (it cannot be shown either way).
    pub fn take_page(route: &str) -> Result<String, serde_json::Error> {
        let used = USED.with(|u| std::mem::take(&mut *u.borrow_mut()));
        let responses = used
            .iter()
            .map(|(url, body)| {
                let raw = body
                    .as_ref()
                    .and_then(|b| RawValue::from_string(b.to_string()).ok());
                (url.as_str(), raw)
            })
            .collect();
        let json = serde_json::to_string(&PageData { route, responses })?;
        Ok(json.replace('<', "\\u003c"))
    }
}
