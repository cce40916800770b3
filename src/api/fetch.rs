//! The one way the app fetches: a timeout, abort on navigation, every failure mapped to
//! [`ApiError`], and contract documents cached by URL. It runs in a page and in the search
//! worker alike: it uses the globals both have (`fetch`, `setTimeout`, `navigator`), not `window`.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Promise;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use super::{cache, ApiError, TIMEOUT_MS};
use crate::contract::decode;

/// Fetches and decodes one contract document, from the cache when it was loaded before.
pub async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    if let Some(body) = cache::CACHE.with(|c| c.borrow().get(url)) {
        return decode(&body).map_err(ApiError::Decode);
    }
    let body: Rc<str> = fetch_text(url, TIMEOUT_MS).await?.into();
    let value = decode(&body).map_err(ApiError::Decode)?;
    cache::CACHE.with(|c| c.borrow_mut().insert(url, Some(body)));
    Ok(value)
}

/// Fetches a text file, giving up after `timeout_ms` ([`TIMEOUT_MS`] for contract documents).
pub(super) async fn fetch_text(url: &str, timeout_ms: i32) -> Result<String, ApiError> {
    fetch_body(url, Response::text, timeout_ms)
        .await?
        .as_string()
        .ok_or(ApiError::Network)
}

/// Fetches a binary file (a search index chunk).
#[cfg(feature = "search")]
pub(super) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, ApiError> {
    let buffer = fetch_body(url, Response::array_buffer, TIMEOUT_MS).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, of a window or a worker.
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &RequestInit) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, ms: i32) -> i32;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: i32);
}

/// Whether the browser says it is offline (`navigator.onLine`, of a window or a worker).
pub(super) fn offline() -> bool {
    let on_line = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"onLine".into()));
    on_line.ok().and_then(|v| v.as_bool()) == Some(false)
}

/// Aborts the request and clears its timer when the fetch finishes or is dropped.
struct InFlight {
    controller: AbortController,
    timer: i32,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        clear_timeout(self.timer);
        self.controller.abort();
    }
}

/// Fetches `url` and reads its body with `read` (`Response::text`, `Response::array_buffer`),
/// all within `timeout_ms`.
async fn fetch_body(
    url: &str,
    read: fn(&Response) -> Result<Promise, JsValue>,
    timeout_ms: i32,
) -> Result<JsValue, ApiError> {
    let controller = AbortController::new().map_err(|_| ApiError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Closure::<dyn FnMut()>::new(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), timeout_ms);
    let in_flight = InFlight {
        controller: controller.clone(),
        timer,
        _on_timeout: on_timeout,
    };
    // Navigating away disposes the owner of the resource that started this request: abort it.
    let abort_on_cleanup = SendWrapper::new(controller.clone());
    on_cleanup(move || abort_on_cleanup.abort());

    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let result = request(url, &init, read).await;
    drop(in_flight);
    result.map_err(|e| match e {
        ApiError::Network if timed_out.get() => ApiError::Timeout,
        ApiError::Network if offline() => ApiError::Offline,
        other => other,
    })
}

async fn request(
    url: &str,
    init: &RequestInit,
    read: fn(&Response) -> Result<Promise, JsValue>,
) -> Result<JsValue, ApiError> {
    let network = |_: JsValue| ApiError::Network;
    let response: Response = JsFuture::from(global_fetch(url, init))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(ApiError::NotFound),
        status => return Err(ApiError::Status(status)),
    }
    JsFuture::from(read(&response).map_err(network)?)
        .await
        .map_err(network)
}
