//! The one place errors, loading and "not found" are shown.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::PageHeading;
use crate::components::{effect, strings};
use crate::links;

/// What the reader is told for each error.
pub fn error_message(error: &ApiError) -> String {
    let t = strings();
    match error {
        ApiError::NotFound => t.not_found_hint.to_owned(),
        ApiError::Network => t.err_network.to_owned(),
        ApiError::Offline => t.err_offline.to_owned(),
        ApiError::Timeout => t.err_timeout.to_owned(),
        ApiError::Status(code) => t.server_error(*code),
        ApiError::Decode(_) => t.err_decode.to_owned(),
    }
}

/// Shows an [`ApiError`]: "not found" as the 404 view, anything else as an alert with a retry
/// button and, for unreadable data, where the data is at fault.
#[component]
pub fn ErrorView(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let t = strings();
    if error == ApiError::NotFound {
        return view! { <NotFoundView/> }.into_any();
    }
    let detail = match &error {
        ApiError::Decode(field) => Some(field.clone()),
        _ => None,
    };
    view! {
        <section class="error-view" role="alert">
            <h2 class="error-view__title">{t.load_failed}</h2>
            <p>{error_message(&error)}</p>
            {detail.map(|d| view! { <p class="error-view__detail"><code>{d}</code></p> })}
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t.retry}
            </button>
        </section>
    }
    .into_any()
}

/// The 404 view: a heading and a way home.
#[component]
pub fn NotFoundView() -> impl IntoView {
    let t = strings();
    view! {
        <section class="not-found">
            <PageHeading text=t.not_found/>
            <p>{t.not_found_hint}</p>
            <p><a href=links::home(1)>{t.back_home}</a></p>
        </section>
    }
}

/// The loading indicator, announced politely; it only appears when loading takes longer than
/// [`LOADING_DELAY_MS`], so that quick (and cached) loads never flash it. Pre-rendered, it means
/// that data the page needs was missing: the page is left to the app.
#[component]
pub fn Loading() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::prerender::note_loading();
    view! { <ExpectedLoading/> }
}

/// [`Loading`] in a page pre-rendered loading on purpose: what it loads, the page does not carry.
#[component]
pub fn ExpectedLoading() -> impl IntoView {
    let t = strings();
    let shown = RwSignal::new(false);
    effect(move |_| {
        set_timeout(
            move || {
                // The load may have finished (and this view gone) before the delay.
                shown.try_set(true);
            },
            std::time::Duration::from_millis(LOADING_DELAY_MS),
        );
    });
    view! { <p class="loading" role="status" hidden=move || !shown.get()>{t.loading}</p> }
}

/// How long a load may take before the indicator appears.
pub const LOADING_DELAY_MS: u64 = 150;
