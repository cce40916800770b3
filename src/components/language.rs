//! The UI language: the site's, until the reader picks the other one with the switch in the
//! header; the choice is kept in localStorage and `<html lang>` follows.

use leptos::prelude::*;

use crate::components::{effect, strings};
use crate::i18n::Lang;

const STORAGE_KEY: &str = "lang";

/// The language in use, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct LanguageChoice(RwSignal<Lang>);

impl LanguageChoice {
    /// Starts with the site's language; a stored choice is applied once the app is mounted.
    pub fn new(site_language: Lang) -> Self {
        let lang = RwSignal::new(site_language);
        effect(move |_| {
            // Setting the same language would render everything again (a hydrated page too).
            if let Some(stored) = stored_choice().filter(|s| *s != lang.get_untracked()) {
                lang.set(stored);
            }
        });
        effect(move |_| {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.get().tag());
            }
        });
        LanguageChoice(lang)
    }

    /// The language in use (reactive).
    pub fn current(&self) -> Lang {
        self.0.get()
    }

    /// Switches to `lang` and remembers it.
    pub fn choose(&self, lang: Lang) {
        // Private modes may refuse storage: the choice then lasts for this page only.
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(STORAGE_KEY, lang.tag());
        }
        self.0.set(lang);
    }
}

fn stored_choice() -> Option<Lang> {
    let storage = window().local_storage().ok().flatten()?;
    storage
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .map(|tag| Lang::from_tag(&tag))
}

/// A button naming the other language in that language ("English" / "中文").
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let target = strings().lang.other();
    let choice = use_context::<LanguageChoice>();
    view! {
        <button
            type="button"
            class="header-button"
            lang=target.tag()
            on:click=move |_| {
                if let Some(choice) = choice {
                    choice.choose(target);
                }
            }
        >
            {target.strings().language_name}
        </button>
    }
}
