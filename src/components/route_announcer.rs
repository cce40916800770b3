//! After each in-app navigation: focus moves to the new page's `<h1>` and a polite live region
//! announces the page, as a full page load would for a screen reader.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shared by the announcer and every [`PageHeading`]; the app provides it above both.
#[derive(Debug, Clone, Copy)]
pub struct RouteFocus {
    /// Set by a navigation, cleared by the heading that takes the focus.
    pending: RwSignal<bool>,
    announcement: RwSignal<String>,
}

impl Default for RouteFocus {
    fn default() -> Self {
        RouteFocus {
            pending: RwSignal::new(false),
            announcement: RwSignal::new(String::new()),
        }
    }
}

/// The live region, and the watcher that marks each navigation.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let focus = expect_context::<RouteFocus>();
    let location = use_location();
    // The first run is the initial load, where the browser's own focus handling is right.
    Effect::new(move |previous: Option<String>| {
        let path = format!("{}{}", location.pathname.get(), location.search.get());
        if previous.as_ref().is_some_and(|p| *p != path) {
            focus.pending.set(true);
        }
        path
    });
    view! { <div class="visually-hidden" aria-live="polite" aria-atomic="true">{move || focus.announcement.get()}</div> }
}

/// A page's `<h1>`: takes the focus (and is announced) when it appears after a navigation.
#[component]
pub fn PageHeading(
    #[prop(into)] text: String,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let focus = use_context::<RouteFocus>();
    let announced = text.clone();
    Effect::new(move |_| {
        let (Some(el), Some(focus)) = (heading.get(), focus) else {
            return;
        };
        if focus.pending.get_untracked() {
            focus.pending.set(false);
            focus.announcement.set(announced.clone());
            // Inside <Suspense> the heading is built before it is attached: focus it once laid out.
            // Without scrolling: a list being restored to its old scroll position stays there.
            request_animation_frame(move || {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            });
        }
    });
    view! {
        <h1 node_ref=heading tabindex="-1" class=class.unwrap_or_else(|| "page__title".to_owned())>
            {text}
        </h1>
    }
}
