//! 长辈版, the elder-friendly mode of the MIIT's 2021 age-friendly rules: larger text and touch
//! targets, stronger contrast, the essential actions only (all in the stylesheet, under
//! `data-elder` on `<html>`). The choice is kept in localStorage and applied by `theme.js` before
//! the first paint.

use leptos::prelude::*;

use crate::components::preference::remember;
use crate::components::{effect, strings};

const STORAGE_KEY: &str = "elder";
const ATTRIBUTE: &str = "data-elder";

/// A toggle button: pressed means the elder-friendly mode is on.
#[component]
pub fn ElderToggle() -> impl IntoView {
    let t = strings();
    let on = RwSignal::new(false);
    // Read the mode in effect once mounted: the DOM is only touched in effects and handlers.
    effect(move |_| {
        let html = document().document_element();
        on.set(html.is_some_and(|html| html.has_attribute(ATTRIBUTE)));
    });
    let toggle = move |_| {
        let next = !on.get_untracked();
        apply(next);
        on.set(next);
    };
    view! {
        <button
            type="button"
            class="header-button"
            aria-pressed=move || on.get().to_string()
            on:click=toggle
        >
            {t.elder_mode}
        </button>
    }
}

fn apply(on: bool) {
    let stored = if on { "on" } else { "off" };
    remember(ATTRIBUTE, on.then_some("on"), STORAGE_KEY, stored);
}
