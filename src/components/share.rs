//! Copy-link and, where the browser has it, native share (`navigator.share`) for an article.

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::components::{effect, strings};

/// "复制链接", and "分享" when the browser can share; the outcome is announced politely.
#[component]
pub fn ShareControls(title: String) -> impl IntoView {
    let t = strings();
    let status = RwSignal::new(String::new());
    let can_share = RwSignal::new(false);
    // Whether the browser can share is only known in the browser: ask once mounted.
    effect(move |_| can_share.set(navigator_method("share").is_some()));
    let copy = move |_| {
        // Cleared first, so that copying again is announced again.
        status.set(String::new());
        leptos::task::spawn_local(async move {
            let message = match copy_to_clipboard(&current_url()).await {
                Ok(()) => t.link_copied,
                Err(()) => t.copy_failed,
            };
            status.set(message.to_owned());
        });
    };
    let share = move |_| {
        let title = title.clone();
        status.set(String::new());
        leptos::task::spawn_local(async move {
            match share_page(&title, &current_url()).await {
                // The reader closing the share sheet rejects with AbortError: nothing to report.
                Ok(()) | Err(Some(_)) => {}
                Err(None) => status.set(t.share_failed.to_owned()),
            }
        });
    };
    view! {
        <div class="share" role="group" aria-label=t.share>
            <button type="button" class="share__button" on:click=copy>{t.copy_link}</button>
            <button type="button" class="share__button" on:click=share hidden=move || !can_share.get()>
                {t.share}
            </button>
            <span class="share__status" role="status">{move || status.get()}</span>
        </div>
    }
}

fn current_url() -> String {
    window().location().href().unwrap_or_default()
}

/// `navigator[name]` when it is a function.
fn navigator_method(name: &str) -> Option<Function> {
    Reflect::get(&window().navigator(), &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Calls `method` on `target` with `arg` and waits for the promise it returns; the error is the
/// rejection value, if any.
async fn call_async(target: &JsValue, method: &Function, arg: &JsValue) -> Result<(), JsValue> {
    let promise: Promise = method.call1(target, arg)?.dyn_into()?;
    JsFuture::from(promise).await.map(|_| ())
}

async fn copy_to_clipboard(text: &str) -> Result<(), ()> {
    let clipboard =
        Reflect::get(&window().navigator(), &JsValue::from_str("clipboard")).map_err(|_| ())?;
    let write = Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .map_err(|_| ())?
        .dyn_into::<Function>()
        .map_err(|_| ())?;
    call_async(&clipboard, &write, &JsValue::from_str(text))
        .await
        .map_err(|_| ())
}

/// Opens the share sheet. `Err(Some(()))` when the reader dismissed it, `Err(None)` when sharing
/// failed.
async fn share_page(title: &str, url: &str) -> Result<(), Option<()>> {
    let share = navigator_method("share").ok_or(None)?;
    let data = js_sys::Object::new();
    Reflect::set(&data, &"title".into(), &title.into()).map_err(|_| None)?;
    Reflect::set(&data, &"url".into(), &url.into()).map_err(|_| None)?;
    call_async(&window().navigator().into(), &share, &data.into())
        .await
        .map_err(|error| {
            let name = Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            (name.as_deref() == Some("AbortError")).then_some(())
        })
}
