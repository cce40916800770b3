//! Pre-rendering: the app's own components rendered natively (the `ssr` feature) into a static
//! HTML page per route — every list page, article, related view and the site map — written at
//! the route's path (`articles/{id}/index.html`) with the data it was rendered from, which the
//! browser then hydrates (see `docs/prerender.md`).

mod feeds;
mod head;
mod manifest;
mod offline;
mod publish;
mod routes;
mod shell;
mod site;

pub use routes::{file_of, routes};
pub use shell::Shell;
pub use site::{prerender, Report};

use std::cell::Cell;

use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::api::{self, page_data};
use crate::i18n::Lang;
use crate::App;

thread_local! {
    static INCOMPLETE: Cell<bool> = const { Cell::new(false) };
}

/// The executor of a render: it polls a spawned task once, where it is spawned, and drops it if
/// it is not done. Rendering to a string is synchronous; the one task that matters is
/// leptos_meta's wait for a tick, which is done at once. A thread pool would cost two thread
/// switches per page.
struct OnTheSpot;

impl any_spawner::CustomExecutor for OnTheSpot {
    fn spawn(&self, fut: any_spawner::PinnedFuture<()>) {
        let _ = futures::FutureExt::now_or_never(fut);
    }

    fn spawn_local(&self, fut: any_spawner::PinnedLocalFuture<()>) {
        let _ = futures::FutureExt::now_or_never(fut);
    }

    fn poll_local(&self) {}
}

/// Called by the loading indicator: on the server it means that data a page needs was missing.
pub fn note_loading() {
    INCOMPLETE.with(|i| i.set(true));
}

/// Renders `route` (e.g. `/articles/x`) of the site deployed at `base` (e.g. `/news/`) into a
/// whole page of `shell`. Data is read through [`page_data::serve_from`], set up by the caller
/// for this thread. Fails when the route needs data that is not there.
pub fn render_page(shell: &Shell, base: &str, route: &str) -> Result<String, String> {
    let _ = any_spawner::Executor::init_custom_executor(OnTheSpot);
    INCOMPLETE.with(|i| i.set(false));
    let owner = Owner::new();
    let rendered = owner.with(|| {
        let lang = match api::boot_now(base) {
            Some(Ok(boot)) => Lang::from_tag(&boot.site.language).tag(),
            _ => return Err("config.json or site.json cannot be read".to_owned()),
        };
        provide_context(RequestUrl::new(&format!(
            "{}{route}",
            base.trim_end_matches('/')
        )));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let base = base.to_owned();
        let body = view! { <App base/> }.to_html();
        Ok((body, output, lang))
    });
    drop(owner);
    // Taken whatever happened, so that the next page's data starts empty.
    let data = page_data::take_page(route).map_err(|e| e.to_string())?;
    let (body, meta, lang) = rendered?;
    if INCOMPLETE.with(Cell::get) {
        return Err("data it needs is missing or unreadable".to_owned());
    }
    let page = shell.page(lang, &body, &data);
    Ok(futures::executor::block_on(async move {
        meta.inject_meta_context(futures::stream::iter([page]))
            .await
            .collect::<String>()
            .await
    }))
}

#[cfg(test)]
mod tests;
