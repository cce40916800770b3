//! Any path no route matches.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::strings;
use crate::components::NotFoundView;

/// The 404 page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = strings();
    view! {
        <Title text=t.not_found/>
        <Meta name="description" content=t.not_found_hint/>
        <NotFoundView/>
    }
}
