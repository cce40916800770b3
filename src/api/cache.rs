//! The in-memory response cache: bodies that decoded, by URL, so that going back never refetches.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

/// How many responses the cache keeps.
const CACHE_ENTRIES: usize = 256;

thread_local! {
    pub(super) static CACHE: RefCell<ResponseCache> = RefCell::new(ResponseCache::default());
}

/// Response bodies that decoded, by URL, oldest evicted first; `None` marks a URL that a
/// pre-rendered page found missing (see [`super::page_data`]).
#[derive(Default)]
pub(super) struct ResponseCache {
    bodies: HashMap<String, Option<Rc<str>>>,
    order: VecDeque<String>,
}

impl ResponseCache {
    /// A cached body.
    pub(super) fn get(&self, url: &str) -> Option<Rc<str>> {
        self.bodies.get(url).cloned().flatten()
    }

    /// A cached body, or `Some(None)` for a URL known to be missing.
    pub(super) fn lookup(&self, url: &str) -> Option<Option<Rc<str>>> {
        self.bodies.get(url).cloned()
    }

    pub(super) fn insert(&mut self, url: &str, body: Option<Rc<str>>) {
        if self.bodies.insert(url.to_owned(), body).is_none() {
            self.order.push_back(url.to_owned());
        }
        while self.order.len() > CACHE_ENTRIES {
            if let Some(old) = self.order.pop_front() {
                self.bodies.remove(&old);
            }
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
        assert_eq!(cache.order.len(), CACHE_ENTRIES);
    }
}
