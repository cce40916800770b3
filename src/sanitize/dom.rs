//! Applies the allowlist to HTML parsed by the browser's `DOMParser`, whose document is inert
//! (no scripts run, no resources load), copying only what is allowed into fresh nodes of the
//! live document. Nothing is ever serialized and parsed again, so there is no mutation XSS.

use super::{
    allowed_attributes, disposition, is_safe_url, needs_base, AttrKind, Disposition, MAX_DEPTH,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DocumentFragment, DomParser, Element, Node, SupportedType};

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Sanitizes `html` into a fragment of `doc`. Relative URLs are resolved against `base_url`, an
/// absolute URL (the API base).
pub fn sanitize_html(
    doc: &Document,
    html: &str,
    base_url: &str,
) -> Result<DocumentFragment, JsValue> {
    let inert = DomParser::new()?.parse_from_string(html, SupportedType::TextHtml)?;
    let out = doc.create_document_fragment();
    if let Some(body) = inert.body() {
        copy_children(doc, &body, &out, base_url, 0)?;
    }
    Ok(out)
}

fn copy_children(
    doc: &Document,
    from: &Node,
    to: &Node,
    base_url: &str,
    depth: usize,
) -> Result<(), JsValue> {
    let children = from.child_nodes();
    for i in 0..children.length() {
        let Some(node) = children.item(i) else {
            continue;
        };
        match node.node_type() {
            Node::TEXT_NODE => {
                let text = node.node_value().unwrap_or_default();
                to.append_child(&doc.create_text_node(&text))?;
            }
            Node::ELEMENT_NODE => {
                let Ok(el) = node.dyn_into::<Element>() else {
                    continue;
                };
                copy_element(doc, &el, to, base_url, depth)?;
            }
            // Comments, CDATA and processing instructions are dropped.
            _ => {}
        }
    }
    Ok(())
}

fn copy_element(
    doc: &Document,
    el: &Element,
    to: &Node,
    base_url: &str,
    depth: usize,
) -> Result<(), JsValue> {
    if el.namespace_uri().as_deref() != Some(HTML_NAMESPACE) {
        return Ok(());
    }
    if depth >= MAX_DEPTH {
        if let Some(text) = el.text_content() {
            to.append_child(&doc.create_text_node(&text))?;
        }
        return Ok(());
    }
    let tag = el.local_name();
    match disposition(&tag) {
        Disposition::Drop => Ok(()),
        Disposition::Unwrap => copy_children(doc, el, to, base_url, depth + 1),
        Disposition::Keep => {
            let copy = doc.create_element(&tag)?;
            for (name, kind) in allowed_attributes(&tag) {
                let Some(value) = el.get_attribute(name) else {
                    continue;
                };
                let value = match kind {
                    AttrKind::Text => Some(value),
                    AttrKind::Url => safe_resolved_url(&value, base_url),
                };
                if let Some(value) = value {
                    copy.set_attribute(name, &value)?;
                }
            }
            match tag.as_str() {
                "a" => copy.set_attribute("rel", "noopener noreferrer nofollow ugc")?,
                "img" => copy.set_attribute("loading", "lazy")?,
                _ => {}
            }
            copy_children(doc, el, &copy, base_url, depth + 1)?;
            to.append_child(&copy)?;
            Ok(())
        }
    }
}

fn safe_resolved_url(value: &str, base_url: &str) -> Option<String> {
    if !is_safe_url(value) {
        return None;
    }
    if !needs_base(value) {
        return Some(value.trim().to_owned());
    }
    let resolved = web_sys::Url::new_with_base(value.trim(), base_url)
        .ok()?
        .href();
    // A relative URL cannot change the base's scheme, but check the result anyway.
    is_safe_url(&resolved).then_some(resolved)
}
