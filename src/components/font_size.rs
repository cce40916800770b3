//! Text size for long articles: steps around the default, remembered in localStorage and applied
//! as `data-font-size` on `<html>` (by `theme.js` before the first paint, then by this control).

use leptos::prelude::*;

use crate::components::preference::remember;
use crate::components::{effect, strings};

const STORAGE_KEY: &str = "font-size";
/// The smallest and largest step; 0 is the stylesheet's default.
const STEPS: std::ops::RangeInclusive<i32> = -1..=3;

/// "A−" and "A+" buttons.
#[component]
pub fn FontSizeControl() -> impl IntoView {
    let t = strings();
    let step = RwSignal::new(0);
    effect(move |_| step.set(current()));
    let change = move |delta: i32| {
        let next = (step.get_untracked() + delta).clamp(*STEPS.start(), *STEPS.end());
        apply(next);
        step.set(next);
    };
    let at_smallest = move || step.get() <= *STEPS.start();
    let at_largest = move || step.get() >= *STEPS.end();
    // The accessible names start with the visible text (WCAG 2.5.3, label in name), so that a
    // reader who says "A plus" to a voice control finds the button.
    let smaller = format!("{SMALLER} {}", t.font_smaller);
    let larger = format!("{LARGER} {}", t.font_larger);
    view! {
        <div class="font-size" role="group" aria-label=t.font_size>
            <button
                type="button"
                class="font-size__button"
                aria-label=smaller
                disabled=at_smallest
                on:click=move |_| change(-1)
            >
                {SMALLER}
            </button>
            <button
                type="button"
                class="font-size__button"
                aria-label=larger
                disabled=at_largest
                on:click=move |_| change(1)
            >
                {LARGER}
            </button>
        </div>
    }
}

fn current() -> i32 {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("data-font-size"))
        .and_then(|v| v.parse().ok())
        .filter(|v| STEPS.contains(v))
        .unwrap_or(0)
}

fn apply(step: i32) {
    let step = step.to_string();
    remember("data-font-size", Some(&step), STORAGE_KEY, &step);
}

/// The buttons' visible text.
const SMALLER: &str = "A−";
const LARGER: &str = "A+";
