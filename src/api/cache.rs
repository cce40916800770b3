//! The in-memory response cache: bodies that decoded, by URL, so that going back never refetches.

use std::cell::RefCell;
use std::rc::Rc;

/// How many responses the cache keeps.
const CACHE_ENTRIES: usize = 256;

thread_local! {
    pub(super) static CACHE: RefCell<ResponseCache> = RefCell::new(ResponseCache::default());
}

/// Response bodies that decoded, by URL, oldest evicted first; `None` marks a URL that a
/// pre-rendered page found missing (see [`super::page_data`]). A list, oldest first: a search of
/// a few hundred URLs costs nothing next to a fetch, and a hash map would add its code to the wasm.
#[derive(Default)]
pub(super) struct ResponseCache {
    bodies: Vec<(String, Option<Rc<str>>)>,
}

impl ResponseCache {
    /// A cached body.
    pub(super) fn get(&self, url: &str) -> Option<Rc<str>> {
        self.lookup(url).flatten()
    }

    /// A cached body, or `Some(None)` for a URL known to be missing.
    pub(super) fn lookup(&self, url: &str) -> Option<Option<Rc<str>>> {
        self.bodies
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, body)| body.clone())
    }

    /// Keeps `body` for `url`; a URL kept already keeps its place in the eviction order.
    pub(super) fn insert(&mut self, url: &str, body: Option<Rc<str>>) {
        match self.bodies.iter_mut().find(|(u, _)| u == url) {
            Some(entry) => entry.1 = body,
            None => self.bodies.push((url.to_owned(), body)),
        }
        if self.bodies.len() > CACHE_ENTRIES {
            self.bodies.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_evicts_oldest_first() {
        let mut cache = ResponseCache::default();
        for i in 0..=CACHE_ENTRIES {
            cache.insert(&format!("u{i}"), Some(Rc::from("x")));
        }
        assert!(cache.get("u0").is_none());
        assert!(cache.get("u1").is_some());
        cache.insert("u1", Some(Rc::from("y")));
        assert_eq!(cache.get("u1").as_deref(), Some("y"));
        assert_eq!(cache.bodies.len(), CACHE_ENTRIES);
        // Replacing u1 kept its place: it is the oldest, the next to go.
        cache.insert("new", None);
        assert!(cache.get("u1").is_none());
        assert_eq!(cache.lookup("new"), Some(None));
    }
}
