//! Any path no route matches.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::NotFoundView;
use crate::i18n;

/// The 404 page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=i18n::NOT_FOUND/>
        <Meta name="description" content=i18n::NOT_FOUND_HINT/>
        <NotFoundView/>
    }
}
