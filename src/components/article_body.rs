//! An article's body: sanitized HTML, or plain text as paragraphs.

use leptos::html::Div;
use leptos::prelude::*;

use crate::components::{effect, strings};
use crate::contract::Body;
use crate::format::paragraphs;
use crate::sanitize::dom::sanitize_html;

/// The body of an article, owned so that it can move into the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyContent {
    /// Untrusted HTML.
    Html(String),
    /// Plain text.
    Text(String),
}

impl From<Body<'_>> for BodyContent {
    fn from(body: Body<'_>) -> Self {
        match body {
            Body::Html(html) => BodyContent::Html(html.to_owned()),
            Body::Text(text) => BodyContent::Text(text.to_owned()),
        }
    }
}

/// Renders `body`. HTML goes only through the allowlist sanitizer; relative URLs in it resolve
/// against `base` (the API base).
#[component]
pub fn ArticleBody(body: BodyContent, #[prop(into)] base: String) -> impl IntoView {
    match body {
        BodyContent::Text(text) => {
            let paras = paragraphs(&text)
                .into_iter()
                .map(|p| view! { <p>{p}</p> })
                .collect_view();
            view! { <div class="article__body">{paras}</div> }.into_any()
        }
        BodyContent::Html(html) => {
            // A pre-rendered page carries the body, sanitized natively with the same allowlist;
            // hydration keeps it. Otherwise the browser's sanitizer fills the empty container.
            #[cfg(feature = "ssr")]
            let server_html = Some(crate::builder::render::sanitize_body(&html, &base));
            #[cfg(not(feature = "ssr"))]
            let server_html: Option<String> = None;
            let container = NodeRef::<Div>::new();
            // The DOM is only touched in an effect, after the container is mounted.
            effect(move |_| {
                // An empty body holds at most a placeholder comment; a pre-rendered one, elements.
                if let Some(el) = container.get().filter(|el| el.child_element_count() == 0) {
                    fill_sanitized(&el, &html, &base);
                }
            });
            view! { <div class="article__body" node_ref=container inner_html=server_html></div> }
                .into_any()
        }
    }
}

fn fill_sanitized(el: &web_sys::HtmlDivElement, html: &str, base: &str) {
    let t = strings();
    let doc = document();
    let absolute_base = window()
        .location()
        .href()
        .ok()
        .and_then(|page| web_sys::Url::new_with_base(base, &page).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| base.to_owned());
    match sanitize_html(&doc, html, &absolute_base) {
        Ok(fragment) => el.replace_children_with_node_1(&fragment),
        Err(e) => {
            leptos::logging::error!("article body could not be parsed: {e:?}");
            el.set_text_content(Some(t.no_body));
        }
    }
}
