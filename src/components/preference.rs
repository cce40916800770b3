//! A reader's display preference (theme, text size, elder mode): an attribute on `<html>`, which
//! the stylesheet follows, and a localStorage entry, which `theme.js` applies before the next
//! first paint.

use leptos::prelude::*;

/// Sets `attribute` on `<html>` to `value` (removes it for `None`) and stores `stored` under `key`.
pub fn remember(attribute: &str, value: Option<&str>, key: &str, stored: &str) {
    if let Some(html) = document().document_element() {
        // Setting or removing an attribute on <html> cannot fail for a valid name.
        let _ = match value {
            Some(value) => html.set_attribute(attribute, value),
            None => html.remove_attribute(attribute),
        };
    }
    // Private modes may refuse storage: the choice then lasts for this page only.
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(key, stored);
    }
}
