//! The browser entry point.

use leptos::prelude::*;
use newsreader::{document_base, App};

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <App base=document_base()/> });
}
