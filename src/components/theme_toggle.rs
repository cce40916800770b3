//! The light/dark switch. The page follows `prefers-color-scheme` until the reader chooses; the
//! choice is kept in localStorage and applied by `theme.js` before the first paint.

use leptos::prelude::*;

use crate::components::preference::remember;
use crate::components::{effect, strings};

const STORAGE_KEY: &str = "theme";

/// A toggle button: pressed means dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let t = strings();
    let dark = RwSignal::new(false);
    // Read the theme in effect once mounted: the DOM is only touched in effects and handlers.
    effect(move |_| dark.set(is_dark()));
    let toggle = move |_| {
        let next = !dark.get_untracked();
        apply(next);
        dark.set(next);
    };
    view! {
        <button
            type="button"
            class="header-button"
            aria-pressed=move || dark.get().to_string()
            on:click=toggle
        >
            {t.dark_mode}
        </button>
    }
}

fn is_dark() -> bool {
    match document()
        .document_element()
        .and_then(|html| html.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => true,
        Some(_) => false,
        None => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches()),
    }
}

fn apply(dark: bool) {
    let theme = if dark { "dark" } else { "light" };
    remember("data-theme", Some(theme), STORAGE_KEY, theme);
}
