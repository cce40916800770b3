//! The page's side of search: the worker (`src/bin/search-worker.rs`, built by Trunk beside the
//! app) is started when search is first needed, and each query is a message to it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use super::found::{Found, SearchRequest};
use super::worker::{FromWorker, ToWorker};
use crate::api::fetch::offline;
use crate::api::{cache, Api, ApiError};

/// The worker's loader (`public/search-loader.js`), relative to the document's base (the deploy
/// path).
const WORKER_URL: &str = "search-loader.js";

/// How long a query may wait for the worker's answer: a query makes up to five rounds of
/// requests, each within [`crate::api::TIMEOUT_MS`]; a worker whose files stall never answers.
const ANSWER_TIMEOUT_MS: i32 = 4 * crate::api::TIMEOUT_MS;

type Waiting = Rc<RefCell<Vec<(u32, oneshot::Sender<Result<Found, ApiError>>)>>>;

/// A running worker and the requests it has not answered yet.
struct Connection {
    worker: Worker,
    waiting: Waiting,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static WORKER: RefCell<Option<Connection>> = const { RefCell::new(None) };
    // Unique for the page's life, across workers: a late timer never matches a newer request.
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

impl Api {
    /// Starts the search worker if it is not running, so that its files load while the reader
    /// types (the search box calls this on focus).
    pub fn prepare_search(&self) {
        with_worker(|_| Some(()));
    }

    /// One page of the results of `request`, found by the search worker.
    pub async fn search_results(&self, request: SearchRequest) -> Result<Found, ApiError> {
        let (sender, answer) = oneshot::channel();
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        });
        let sent = with_worker(|connection| {
            let message = ToWorker {
                id,
                api: self.base.to_string(),
                request,
            };
            let text = serde_json::to_string(&message).ok()?;
            connection.worker.post_message(&text.into()).ok()?;
            connection.waiting.borrow_mut().push((id, sender));
            Some(())
        });
        if sent.is_none() {
            return Err(unreachable_worker());
        }
        give_up_after(id, ANSWER_TIMEOUT_MS);
        // A dropped sender: the worker failed (see `connect`).
        let found = answer.await.map_err(|_| unreachable_worker())??;
        self.keep_documents(&found);
        Ok(found)
    }

    /// Puts the articles a result page showed into this side's cache.
    fn keep_documents(&self, found: &Found) {
        let articles = format!("{}articles/", self.base);
        cache::CACHE.with(|c| {
            let mut c = c.borrow_mut();
            for (url, body) in &found.documents {
                if url.starts_with(&articles) {
                    c.insert(url, Some(body.as_str().into()));
                }
            }
        });
    }
}

/// Runs `f` on the worker, started first if it is not running; `None` when it cannot start.
fn with_worker<R>(f: impl FnOnce(&Connection) -> Option<R>) -> Option<R> {
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = connect();
        }
        f(w.as_ref()?)
    })
}

/// The worker could not be started or stopped answering: its files did not load (offline, or
/// a host without them) or it failed.
fn unreachable_worker() -> ApiError {
    if offline() {
        ApiError::Offline
    } else {
        ApiError::Network
    }
}

/// Stops the worker; every request still waiting fails with `error` (by default, as
/// [`unreachable_worker`]). The next query starts a new worker.
fn disconnect(error: Option<ApiError>) {
    let Some(connection) = WORKER.with(|w| w.borrow_mut().take()) else {
        return;
    };
    connection.worker.set_onmessage(None);
    connection.worker.set_onerror(None);
    connection.worker.terminate();
    let waiting = std::mem::take(&mut *connection.waiting.borrow_mut());
    if let Some(error) = error {
        for (_, sender) in waiting {
            let _ = sender.send(Err(error.clone()));
        }
    }
}

/// Fails request `id` and stops the worker if it has not answered within `ms`.
fn give_up_after(id: u32, ms: i32) {
    let check = Closure::once_into_js(move || {
        let late = WORKER.with(|w| {
            w.borrow()
                .as_ref()
                .is_some_and(|c| c.waiting.borrow().iter().any(|(i, _)| *i == id))
        });
        if late {
            disconnect(Some(ApiError::Timeout));
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), ms);
    }
}

/// Starts the worker; `None` when the browser refuses to.
fn connect() -> Option<Connection> {
    let worker = Worker::new(WORKER_URL).ok()?;
    let waiting: Waiting = Rc::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let reply = event
                .data()
                .as_string()
                .and_then(|text| serde_json::from_str::<FromWorker>(&text).ok());
            // An answer this page cannot read: a worker of another build (the host was updated
            // since this page loaded). Nothing it says can be trusted to arrive: fail everything.
            let Some(reply) = reply else {
                disconnect(Some(ApiError::Decode(
                    "search worker: an answer this page cannot read (a newer build?)".into(),
                )));
                return;
            };
            let mut waiting = waiting.borrow_mut();
            if let Some(i) = waiting.iter().position(|(id, _)| *id == reply.id) {
                let (_, sender) = waiting.swap_remove(i);
                // The page that asked may have gone: nobody is waiting then.
                let _ = sender.send(reply.answer);
            }
        })
    };
    // A worker that fails to load or dies is dropped with every request it had: each fails, and
    // the next query (a retry) starts a new worker.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        disconnect(None);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Connection {
        worker,
        waiting,
        _on_message: on_message,
        _on_error: on_error,
    })
}
