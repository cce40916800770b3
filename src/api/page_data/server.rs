//! The server side of page data: what a pre-rendered page read, recorded as it renders.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;
use serde_json::value::RawValue;

use super::cache;

type Source = Box<dyn Fn(&str) -> Option<String>>;

thread_local! {
    static SOURCE: RefCell<Option<Source>> = const { RefCell::new(None) };
    static USED: RefCell<Vec<(String, Option<Rc<str>>)>> = const { RefCell::new(Vec::new()) };
    static BODY_IN_PAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Makes this thread's renders read what the cache lacks with `source` (URL → body, `None`
/// when missing). The cache is emptied: what it holds came from the previous source.
pub fn serve_from(source: impl Fn(&str) -> Option<String> + 'static) {
    SOURCE.with(|s| *s.borrow_mut() = Some(Box::new(source)));
    cache::CACHE.with(|c| *c.borrow_mut() = cache::ResponseCache::default());
    USED.with(|u| u.borrow_mut().clear());
    BODY_IN_PAGE.with(|b| b.borrow_mut().take());
}

/// Notes that the page renders the `content_html` of the article at `url` as its body: the
/// document travels without it, and the browser reads it back from the page.
pub fn body_in_page(url: &str) {
    BODY_IN_PAGE.with(|b| *b.borrow_mut() = Some(url.to_owned()));
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
    #[serde(skip_serializing_if = "Option::is_none")]
    body_in_page: Option<&'a str>,
}

/// The page-data JSON of the page rendered since the last call, for `route`; `<` is escaped
/// so that the text cannot end its `<script>` element. Bodies go in as they were read, byte
/// for byte, so that the browser decodes exactly what the server did; one that is not JSON
/// at all goes in as missing, which the app treats alike (it cannot be shown either way). The
/// article whose body the page renders ([`body_in_page`]) goes in without `content_html`, its
/// other fields byte for byte.
pub fn take_page(route: &str) -> Result<String, serde_json::Error> {
    let used = USED.with(|u| std::mem::take(&mut *u.borrow_mut()));
    let body_url = BODY_IN_PAGE.with(|b| b.borrow_mut().take());
    let mut body_in_page = None;
    let responses = used
        .iter()
        .map(|(url, body)| {
            let mut raw = body
                .as_ref()
                .and_then(|b| RawValue::from_string(b.to_string()).ok());
            if body_url.as_deref() == Some(url.as_str()) {
                if let Some(without) = raw.as_deref().and_then(without_content_html) {
                    raw = Some(without);
                    body_in_page = Some(url.as_str());
                }
            }
            (url.as_str(), raw)
        })
        .collect();
    let page = PageData {
        route,
        responses,
        body_in_page,
    };
    let json = serde_json::to_string(&page)?;
    Ok(json.replace('<', "\\u003c"))
}

/// The document without its `content_html` string, the other fields byte for byte; `None` when
/// it has none to take.
fn without_content_html(document: &RawValue) -> Option<Box<RawValue>> {
    let mut fields: BTreeMap<String, Box<RawValue>> = serde_json::from_str(document.get()).ok()?;
    fields
        .remove("content_html")
        .filter(|html| html.get().starts_with('"'))?;
    serde_json::value::to_raw_value(&fields).ok()
}
