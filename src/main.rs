//! The browser entry point: hydrates a pre-rendered page, or renders the app into the plain shell.
// Hydrating nests the view types of the whole app in one async type.
#![recursion_limit = "256"]

use leptos::prelude::*;
use newsreader::components::{announce_ready, next_task};
use newsreader::{adopt_pre_rendered_page, document_base, App};

fn main() {
    console_error_panic_hook::set_once();
    // In a task after the one that compiled the wasm; hydration is asynchronous, so that the
    // parts marked `Later` hydrate in tasks of their own.
    wasm_bindgen_futures::spawn_local(async {
        next_task().await;
        let base = document_base();
        if adopt_pre_rendered_page(&base) {
            #[cfg(feature = "hydrate")]
            if let Some(body) = document().body() {
                let hold = newsreader::components::NavigationHold::start();
                leptos::mount::hydrate_from_async(body, move || view! { <App base/> })
                    .await
                    .forget();
                drop(hold);
                // The effects of hydration run first (the theme toggle reads the theme in one).
                next_task().await;
                announce_ready();
                return;
            }
        }
        leptos::mount::mount_to_body(move || view! { <App base/> });
        announce_ready();
    });
}
