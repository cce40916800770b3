//! The one place errors, loading and "not found" are shown.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::PageHeading;
use crate::{i18n, links};

/// What the reader is told for each error.
pub fn error_message(error: &ApiError) -> String {
    match error {
        ApiError::NotFound => i18n::NOT_FOUND_HINT.to_owned(),
        ApiError::Network => i18n::ERR_NETWORK.to_owned(),
        ApiError::Timeout => i18n::ERR_TIMEOUT.to_owned(),
        ApiError::Status(code) => i18n::server_error(*code),
        ApiError::Decode(_) => i18n::ERR_DECODE.to_owned(),
    }
}

/// Shows an [`ApiError`]: "not found" as the 404 view, anything else as an alert with a retry
/// button and, for unreadable data, the field at fault.
#[component]
pub fn ErrorView(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    if error == ApiError::NotFound {
        return view! { <NotFoundView/> }.into_any();
    }
    let detail = match &error {
        ApiError::Decode(field) => Some(field.clone()),
        _ => None,
    };
    view! {
        <section class="error-view" role="alert">
            <h2 class="error-view__title">{i18n::LOAD_FAILED}</h2>
            <p>{error_message(&error)}</p>
            {detail.map(|d| view! { <p class="error-view__detail"><code>{d}</code></p> })}
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {i18n::RETRY}
            </button>
        </section>
    }
    .into_any()
}

/// The 404 view: a heading and a way home.
#[component]
pub fn NotFoundView() -> impl IntoView {
    view! {
        <section class="not-found">
            <PageHeading text=i18n::NOT_FOUND/>
            <p>{i18n::NOT_FOUND_HINT}</p>
            <p><a href=links::home(1)>{i18n::BACK_HOME}</a></p>
        </section>
    }
}

/// The loading indicator, announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{i18n::LOADING}</p> }
}
