//! Remembers the list page (and its scroll position) a reader left to open an article, so that
//! "back to list" returns to the same page and place.

use crate::components::effect;
use leptos::prelude::*;

/// A list page the reader left, and how far down it was scrolled.
#[derive(Debug, Clone, PartialEq)]
pub struct ListVisit {
    pub href: String,
    pub scroll_y: f64,
}

/// Shared through context by the app.
#[derive(Debug, Clone, Copy)]
pub struct ListMemory {
    last: RwSignal<Option<ListVisit>>,
    restore_pending: RwSignal<bool>,
}

impl Default for ListMemory {
    fn default() -> Self {
        let memory = ListMemory {
            last: RwSignal::new(None),
            restore_pending: RwSignal::new(false),
        };
        // The browser's back and forward buttons return to the list as "back to list" does.
        effect(move |_| {
            let handle =
                window_event_listener(leptos::ev::popstate, move |_| memory.request_restore());
            on_cleanup(move || handle.remove());
        });
        memory
    }
}

impl ListMemory {
    /// Records the list at `href`, at the window's current scroll position.
    pub fn remember(&self, href: String) {
        let scroll_y = window().scroll_y().unwrap_or(0.0);
        self.last.set(Some(ListVisit { href, scroll_y }));
    }

    /// Where "back to list" leads: the remembered list, else `fallback`.
    pub fn back_href(&self, fallback: String) -> String {
        self.last
            .with_untracked(|last| last.as_ref().map_or(fallback, |v| v.href.clone()))
    }

    /// Called when the reader follows "back to list": the list restores its scroll once loaded.
    pub fn request_restore(&self) {
        self.restore_pending.set(true);
    }

    /// Called by a list once its items are in the DOM: scrolls back if a restore was requested
    /// for this list.
    pub fn restore_scroll(&self, href: &str) {
        if !self.restore_pending.get_untracked() {
            return;
        }
        self.restore_pending.set(false);
        let Some(visit) = self.last.get_untracked().filter(|v| v.href == href) else {
            return;
        };
        // Wait for layout, so the page is tall enough to scroll that far.
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, visit.scroll_y));
    }
}
