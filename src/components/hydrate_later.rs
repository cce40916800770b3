//! Hydration in short tasks. [`Later`] marks a part of the page that hydration reaches in a
//! browser task of its own, so that hydrating a pre-rendered page is a few shorter tasks instead
//! of one long one (the browser can answer input between them); rendering and building are
//! unchanged. [`NavigationHold`] leaves navigation to the browser until hydration is complete
//! ([`announce_ready`] says when it is), and
//! [`owned`] gives a view that renders again an owner of its own.

use leptos::prelude::Owner;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::reactive_graph::OwnedView;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The view `make` returns, made and hydrated after the browser has run its other tasks (where
/// hydration is asynchronous: `main.rs` hydrates that way). It is made only then, so that the
/// effects of its components run after it is hydrated, as they would after a hydration in one
/// go: an effect that adjusts a view to the browser (a stored theme, say) then updates the DOM.
pub struct Later<F>(pub F);

impl<F, V> Render for Later<F>
where
    F: FnOnce() -> V,
    V: Render,
{
    type State = V::State;

    fn build(self) -> Self::State {
        (self.0)().build()
    }

    fn rebuild(self, state: &mut Self::State) {
        (self.0)().rebuild(state);
    }
}

impl<F, V> AddAnyAttr for Later<F>
where
    F: FnOnce() -> V + Send,
    V: RenderHtml,
{
    type Output<SomeNewAttr: Attribute> = V::Output<SomeNewAttr>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        (self.0)().add_any_attr(attr)
    }
}

impl<F, V> RenderHtml for Later<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml,
{
    type AsyncOutput = V::AsyncOutput;
    // Itself, not the view made now: an `AnyView` takes the owned form of what it holds.
    type Owned = Self;

    const MIN_LENGTH: usize = V::MIN_LENGTH;

    // Nothing to find before the view is made: `resolve` makes it and waits for its data.
    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        (self.0)().resolve().await
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        (self.0)().to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) where
        Self: Sized,
    {
        (self.0)().to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        );
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        (self.0)().hydrate::<FROM_SERVER>(cursor, position)
    }

    async fn hydrate_async(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        next_task().await;
        (self.0)().hydrate_async(cursor, position).await
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

/// Resolves in a later browser task, at once natively: `scheduler.yield()` where the browser has
/// it (the rest of hydration then goes before other queued tasks, but after input), else
/// `setTimeout(0)`.
pub async fn next_task() {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::{Function, Promise, Reflect};
        let scheduler = Reflect::get(&js_sys::global(), &"scheduler".into()).ok();
        let yield_now = scheduler
            .as_ref()
            .filter(|s| s.is_object())
            .and_then(|s| Reflect::get(s, &"yield".into()).ok())
            .and_then(|f| f.dyn_into::<Function>().ok());
        let promise = match (scheduler, yield_now) {
            (Some(scheduler), Some(yield_now)) => yield_now
                .call0(&scheduler)
                .ok()
                .and_then(|p| p.dyn_into::<Promise>().ok()),
            _ => None,
        };
        let promise = promise.unwrap_or_else(|| {
            Promise::new(&mut |resolve, _| {
                let _ = leptos::prelude::window()
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            })
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// While held, link clicks, form submissions and history moves are the browser's own, as before
/// the app started: the router listens from the start of hydration, but the routes hydrate a few
/// tasks later, and a navigation in between would hydrate the new page onto the old one's DOM.
/// `main.rs` holds it until hydration is complete; dropping it gives navigation back to the app.
/// A button's press is held too, and pressed again once the app is ready ([`announce_ready`]).
pub struct NavigationHold {
    to_browser: Closure<dyn FnMut(web_sys::Event)>,
    reload: Closure<dyn FnMut(web_sys::Event)>,
}

impl NavigationHold {
    /// Starts holding: its listeners come before the router's.
    pub fn start() -> Self {
        // Capturing at the window, before anything else sees the event; the default action (the
        // link followed, the form sent) is left to the browser.
        let to_browser = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            // A button's press waits for the end of hydration (boot.js presses it again then),
            // so that a part hydrated already does not act on it now as well.
            let on_link_or_button = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| {
                    el.closest("a[href], button[type=\"button\"]")
                        .ok()
                        .flatten()
                })
                .is_some();
            if on_link_or_button || event.type_() == "submit" {
                event.stop_immediate_propagation();
            }
        });
        // Back or forward: the page shown is no longer the address's; load the address's.
        let reload = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            event.stop_immediate_propagation();
            let _ = leptos::prelude::window().location().reload();
        });
        let window = leptos::prelude::window();
        for kind in ["click", "submit"] {
            let _ = window.add_event_listener_with_callback_and_bool(
                kind,
                to_browser.as_ref().unchecked_ref(),
                true,
            );
        }
        let _ =
            window.add_event_listener_with_callback("popstate", reload.as_ref().unchecked_ref());
        NavigationHold { to_browser, reload }
    }
}

impl Drop for NavigationHold {
    fn drop(&mut self) {
        let window = leptos::prelude::window();
        for kind in ["click", "submit"] {
            let _ = window.remove_event_listener_with_callback_and_bool(
                kind,
                self.to_browser.as_ref().unchecked_ref(),
                true,
            );
        }
        let _ = window
            .remove_event_listener_with_callback("popstate", self.reload.as_ref().unchecked_ref());
    }
}

/// The view `make` returns, with a reactive owner of its own, cleaned up when the view is
/// replaced. For the body of a `move ||` view that renders again (a language switch, the next
/// article): leptos runs the first render of such a closure under the closure's parent when it
/// hydrates asynchronously, so without an owner of their own the first render's listeners and
/// effects would outlive it.
pub fn owned<V>(make: impl FnOnce() -> V) -> OwnedView<V> {
    let owner = Owner::new();
    let view = owner.with(make);
    OwnedView::new_with_owner(view, owner)
}

/// Tells the page that the app is ready, its effects run: `boot.js` presses again the buttons a
/// reader pressed before, and marks `<html data-hydrated>`.
pub fn announce_ready() {
    if let Ok(event) = web_sys::Event::new("newsreader-hydrated") {
        let _ = leptos::prelude::window().dispatch_event(&event);
    }
}
