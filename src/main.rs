//! The browser entry point: hydrates a pre-rendered page, or renders the app into the plain shell.

use leptos::prelude::*;
use newsreader::{adopt_pre_rendered_page, document_base, App};

fn main() {
    console_error_panic_hook::set_once();
    let base = document_base();
    if adopt_pre_rendered_page(&base) {
        #[cfg(feature = "hydrate")]
        {
            leptos::mount::hydrate_body(move || view! { <App base/> });
            return;
        }
    }
    leptos::mount::mount_to_body(move || view! { <App base/> });
}
