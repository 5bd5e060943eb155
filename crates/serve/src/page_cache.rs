//! Rendered pages kept in memory, each with the fingerprint of the stored
//! data it was rendered from.
//!
//! A story page is a pure function of its stored row (report, title,
//! outlets, dates), and parsing a report of hundreds of kilobytes and
//! rendering it costs milliseconds, while reading the row and hashing it
//! costs a small fraction of that. So a page is served from here when the
//! fingerprint of the row just read equals the one it was rendered from:
//! a relink that rewrites the report (or another process writing the
//! store) changes the fingerprint, and the next request renders afresh.
//! Nothing is ever served without reading the store first, so the cache
//! can be stale only in memory, never in what it answers.
//!
//! Memory is bounded: past the byte budget, the least recently used pages
//! are dropped.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;

/// What a page was rendered from: BLAKE3 of the stored data.
pub type Fingerprint = [u8; 32];

/// The fingerprint of the pieces of stored data a page is rendered from.
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> Fingerprint {
    let mut hasher = blake3::Hasher::new();
    for part in parts {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    *hasher.finalize().as_bytes()
}

/// Rendered pages by key (a story id), bounded in bytes.
pub struct PageCache {
    budget: usize,
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    pages: HashMap<String, Page>,
    bytes: usize,
    /// Incremented on every use; a page's `used` is the tick of its last use.
    tick: u64,
}

struct Page {
    fingerprint: Fingerprint,
    body: Bytes,
    used: u64,
}

impl PageCache {
    /// A cache holding at most `budget` bytes of pages.
    pub fn new(budget: usize) -> PageCache {
        PageCache {
            budget,
            inner: Mutex::new(Entries::default()),
        }
    }

    /// The page of `key` if it was rendered from data with this fingerprint.
    pub fn get(&self, key: &str, fingerprint: &Fingerprint) -> Option<Bytes> {
        let mut entries = self.inner.lock().ok()?;
        entries.tick += 1;
        let tick = entries.tick;
        let page = entries.pages.get_mut(key)?;
        if page.fingerprint != *fingerprint {
            return None;
        }
        page.used = tick;
        Some(page.body.clone())
    }

    /// Keeps the page of `key` rendered from data with `fingerprint`,
    /// replacing an older one. A page larger than the whole budget is not kept.
    pub fn insert(&self, key: &str, fingerprint: Fingerprint, body: Bytes) {
        if body.len() > self.budget {
            return;
        }
        let Ok(mut entries) = self.inner.lock() else {
            return;
        };
        entries.tick += 1;
        let page = Page {
            fingerprint,
            used: entries.tick,
            body,
        };
        entries.bytes += page.body.len();
        if let Some(old) = entries.pages.insert(key.to_owned(), page) {
            entries.bytes -= old.body.len();
        }
        if entries.bytes > self.budget {
            entries.evict_to(self.budget);
        }
    }

    /// Bytes of pages held.
    pub fn bytes(&self) -> usize {
        self.inner.lock().map_or(0, |entries| entries.bytes)
    }
}

impl Entries {
    /// Drops the least recently used pages until at most `budget` bytes are held.
    fn evict_to(&mut self, budget: usize) {
        let mut by_age: Vec<(u64, String)> = self
            .pages
            .iter()
            .map(|(key, page)| (page.used, key.clone()))
            .collect();
        by_age.sort_unstable();
        for (_, key) in by_age {
            if self.bytes <= budget {
                break;
            }
            if let Some(page) = self.pages.remove(&key) {
                self.bytes -= page.body.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Bytes {
        Bytes::from(text.to_owned())
    }

    #[test]
    fn a_page_is_served_only_for_the_data_it_was_rendered_from() {
        let cache = PageCache::new(1024);
        let old = fingerprint([b"report v1".as_slice()]);
        let new = fingerprint([b"report v2".as_slice()]);
        cache.insert("s1", old, page("<p>v1</p>"));
        assert_eq!(cache.get("s1", &old), Some(page("<p>v1</p>")));
        assert_eq!(cache.get("s1", &new), None);
        assert_eq!(cache.get("s2", &old), None);
        cache.insert("s1", new, page("<p>v2!</p>"));
        assert_eq!(cache.get("s1", &new), Some(page("<p>v2!</p>")));
        assert_eq!(cache.get("s1", &old), None);
        assert_eq!(cache.bytes(), "<p>v2!</p>".len());
    }

    #[test]
    fn fingerprints_separate_their_parts() {
        assert_ne!(
            fingerprint([b"ab".as_slice(), b"c".as_slice()]),
            fingerprint([b"a".as_slice(), b"bc".as_slice()])
        );
    }

    #[test]
    fn the_least_recently_used_pages_go_first_past_the_budget() {
        let cache = PageCache::new(30);
        let print = fingerprint([b"x".as_slice()]);
        cache.insert("a", print, page("0123456789"));
        cache.insert("b", print, page("0123456789"));
        cache.insert("c", print, page("0123456789"));
        assert!(cache.get("a", &print).is_some()); // a is now the most recent
        cache.insert("d", print, page("0123456789"));
        assert!(cache.get("b", &print).is_none());
        assert!(cache.get("a", &print).is_some());
        assert!(cache.get("c", &print).is_some());
        assert!(cache.get("d", &print).is_some());
        assert_eq!(cache.bytes(), 30);
        cache.insert("huge", print, page(&"x".repeat(31)));
        assert!(cache.get("huge", &print).is_none());
        assert_eq!(cache.bytes(), 30);
    }
}
