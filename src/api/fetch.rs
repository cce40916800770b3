//! The one way the app fetches: a timeout, abort on navigation, every failure mapped to
//! [`ApiError`], and contract documents cached by URL.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Promise;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
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

/// Aborts the request and clears its timer when the fetch finishes or is dropped.
struct InFlight {
    controller: AbortController,
    timer: i32,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.timer);
        }
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
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let controller = AbortController::new().map_err(|_| ApiError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Closure::<dyn FnMut()>::new(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            timeout_ms,
        )
        .map_err(|_| ApiError::Network)?;
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
    let result = request(&window, url, &init, read).await;
    drop(in_flight);
    result.map_err(|e| match e {
        ApiError::Network if timed_out.get() => ApiError::Timeout,
        ApiError::Network if !window.navigator().on_line() => ApiError::Offline,
        other => other,
    })
}

async fn request(
    window: &web_sys::Window,
    url: &str,
    init: &RequestInit,
    read: fn(&Response) -> Result<Promise, JsValue>,
) -> Result<JsValue, ApiError> {
    let network = |_: JsValue| ApiError::Network;
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
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
