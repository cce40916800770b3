//! The header's search box; `/` focuses it from anywhere but a text field.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::components::{effect, strings};
use crate::links;

/// A search form that opens `search?q=…`; on the search page it shows the current query.
#[component]
pub fn SearchBox() -> impl IntoView {
    let t = strings();
    let input = NodeRef::<leptos::html::Input>::new();
    let query = use_query_map();
    let pathname = use_location().pathname;
    let current = move || {
        // `/search/` too: hosts without rewrites redirect to the folder of search/index.html.
        if pathname.with(|p| p.trim_end_matches('/').ends_with("/search")) {
            query.with(|q| q.get("q").unwrap_or_default())
        } else {
            String::new()
        }
    };
    // The search worker starts loading while the reader types.
    #[cfg(feature = "search")]
    let prepare = {
        let api = use_context::<crate::api::Api>();
        move |_: ev::FocusEvent| {
            if let Some(api) = &api {
                api.prepare_search();
            }
        }
    };
    #[cfg(not(feature = "search"))]
    let prepare = |_: ev::FocusEvent| {};
    // The box shows the query on the search page and is emptied when the reader leaves it; what
    // the reader typed before the box was hydrated stays (a `prop:value` would reset it then).
    effect(move |shown: Option<String>| {
        let query = current();
        if shown.is_some() || !query.is_empty() {
            if let Some(field) = input.get() {
                if field.value() != query {
                    field.set_value(&query);
                }
            }
        }
        query
    });
    let navigate = use_navigate();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let Some(field) = input.get() else { return };
        let q = field.value();
        if q.trim().is_empty() {
            let _ = field.focus();
            return;
        }
        // A leading "/" makes the router put its base (the deploy path) in front.
        navigate(
            &format!("/{}", links::search(q.trim(), None, 1)),
            Default::default(),
        );
    };
    effect(move |_| {
        let handle = window_event_listener(ev::keydown, move |ev| {
            if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            if typing_in(ev.target()) {
                return;
            }
            if let Some(field) = input.get_untracked() {
                ev.prevent_default();
                let _ = field.focus();
                field.select();
            }
        });
        on_cleanup(move || handle.remove());
    });
    view! {
        // Before hydration the browser submits the form itself: `search?q=…` all the same.
        <form
            class="search-box"
            role="search"
            aria-label=t.search
            action=links::search_page()
            method="get"
            on:submit=submit
        >
            <label class="visually-hidden" for="site-search">{t.search_label}</label>
            <input
                id="site-search"
                class="search-box__input"
                type="search"
                name="q"
                node_ref=input
                on:focus=prepare
                placeholder=t.search_label
                title=t.search_shortcut
                aria-keyshortcuts="/"
                enterkeyhint="search"
                autocomplete="off"
                maxlength="200"
            />
            <button type="submit" class="header-button">{t.search}</button>
        </form>
    }
}

/// Whether a key event comes from a place where "/" is text: a field or editable content.
fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    use wasm_bindgen::JsCast;
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    matches!(
        element.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || element.is_content_editable()
}
