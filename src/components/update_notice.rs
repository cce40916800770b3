//! 有新版本 · 刷新: a new deploy's service worker is waiting (public/boot.js says so with the
//! `newsreader-update` event, or `data-update` on `<html>` when it came before the app started);
//! the button asks boot.js (`newsreader-apply-update`) to let it take over and reload.

use crate::components::effect;
use leptos::prelude::*;

/// The attribute boot.js sets on `<html>` once a new version waits.
const READY_ATTRIBUTE: &str = "data-update";

/// A polite live region that shows the notice when a new version is ready.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let t = super::strings();
    let ready = RwSignal::new(false);
    effect(move |_| {
        if document()
            .document_element()
            .is_some_and(|html| html.has_attribute(READY_ATTRIBUTE))
        {
            ready.set(true);
        }
        let handle = window_event_listener_untyped("newsreader-update", move |_| ready.set(true));
        on_cleanup(move || handle.remove());
    });
    let reload = move |_| {
        if let Ok(event) = web_sys::Event::new("newsreader-apply-update") {
            let _ = window().dispatch_event(&event);
        }
    };
    // Rendered hidden rather than inserted: the same markup on the server, and smaller.
    view! {
        <div class="update-notice" role="status">
            <p class="update-notice__inner" hidden=move || !ready.get()>
                {t.update_ready} " · "
                <button type="button" class="update-notice__button" on:click=reload>{t.update_reload}</button>
            </p>
        </div>
    }
}
