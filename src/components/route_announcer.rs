//! After each in-app navigation: focus moves to the new page's `<h1>` and a polite live region
//! announces the page, as a full page load would for a screen reader; the head elements that
//! described the page first loaded (its canonical link, its structured data) go.

use crate::components::effect;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The attribute the pre-renderer puts on head elements that describe the page it wrote, not the
/// site.
pub const FIRST_PAGE: &str = "data-first-page";

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
    effect(move |previous: Option<String>| {
        let pathname = location.pathname.get();
        let path = format!("{pathname}{}", location.search.get());
        match previous {
            None => crate::api::note_landing(&pathname),
            Some(previous) if previous != path => {
                focus.pending.set(true);
                forget_first_page_head();
                crate::api::note_navigation(&pathname);
            }
            Some(_) => {}
        }
        path
    });
    view! { <div class="visually-hidden" aria-live="polite" aria-atomic="true">{move || focus.announcement.get()}</div> }
}

/// Removes the head elements marked [`FIRST_PAGE`]: after a navigation they would name the
/// wrong page.
fn forget_first_page_head() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all(&format!("head [{FIRST_PAGE}]")) else {
        return;
    };
    for node in (0..nodes.length()).filter_map(|i| nodes.item(i)) {
        if let Some(parent) = node.parent_node() {
            let _ = parent.remove_child(&node);
        }
    }
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
    effect(move |_| {
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
