//! The search worker's side: it answers each [`ToWorker`] with a [`FromWorker`], both as JSON
//! text, running the query with its own copy of the fetch layer and caches.

use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::found::{Found, SearchRequest};
use crate::api::{Api, ApiError};

/// The page's message: request `id`, run against the API at `api`.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ToWorker {
    pub id: u32,
    pub api: String,
    pub request: SearchRequest,
}

/// The worker's answer to request `id`.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct FromWorker {
    pub id: u32,
    pub answer: Result<Found, ApiError>,
}

/// Starts answering the page's messages (the worker binary's `main`). Queries run concurrently;
/// a message that is not a [`ToWorker`] (a page of another build) gets an answer that is not a
/// [`FromWorker`], on which the page gives up.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(message) = event
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<ToWorker>(&text).ok())
        else {
            // A page of another build: an answer it cannot read makes it give up at once.
            let _ = reply_to.post_message(&"unreadable".into());
            return;
        };
        let scope = reply_to.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = Api::new(&message.api).find(&message.request).await;
            let reply = FromWorker {
                id: message.id,
                answer,
            };
            if let Ok(text) = serde_json::to_string(&reply) {
                let _ = scope.post_message(&text.into());
            }
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page that started it.
    on_message.forget();
}
