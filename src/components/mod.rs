//! Reusable view pieces.

pub mod article_body;
pub mod article_list;
pub mod elder_mode;
pub mod error_view;
pub mod feed_view;
pub mod font_size;
pub mod hydrate_later;
pub mod language;
pub mod layout;
pub mod pagination;
pub mod preference;
pub mod route_announcer;
#[cfg(feature = "search")]
pub mod search_box;
pub mod share;
pub mod theme_toggle;
pub mod update_notice;

pub use article_body::ArticleBody;
pub use article_list::ArticleList;
pub use error_view::{ErrorView, ExpectedLoading, Loading, NotFoundView};
pub use feed_view::FeedView;
pub use hydrate_later::{announce_ready, next_task, owned, Later, NavigationHold};
pub use layout::{SiteFooter, SiteHeader};
pub use pagination::Pagination;
pub use route_announcer::{PageHeading, RouteAnnouncer};
#[cfg(feature = "search")]
pub use search_box::SearchBox;
pub use theme_toggle::ThemeToggle;

use crate::i18n::{Lang, Strings};

/// The UI strings of the current language: the app provides a [`Lang`] context; without one
/// (in component tests) they are zh-CN.
pub fn strings() -> &'static Strings {
    leptos::prelude::use_context::<Lang>()
        .unwrap_or_default()
        .strings()
}

/// An effect, as `Effect::new` makes it, with its function boxed: every effect of the app then
/// shares one copy of the framework's effect task in the wasm, instead of one per closure.
pub fn effect<T: 'static>(f: impl FnMut(Option<T>) -> T + 'static) {
    leptos::prelude::Effect::new(Box::new(f) as Box<dyn FnMut(Option<T>) -> T>);
}
