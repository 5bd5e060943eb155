//! The link index kept in step with a store.
//!
//! A [`Linker`] holds a compact [`LinkIndex`] and which revision of each
//! article it holds. [`Linker::sync`] compares that with the store's current
//! revisions (`Store::article_hashes`, one indexed query, no article decoded)
//! and applies the difference: articles gone or revised are removed from the
//! index, new or revised ones read, featurised and added. So the work of a
//! relink is proportional to what changed — provided the linker was kept:
//! a long-lived process (the server) keeps one in memory, and a new process
//! (the CLI) resumes from the state the last relink saved beside the store
//! ([`crate::link_state`]); only without either is every article added.
//!
//! Copy decisions the index's sketches cannot make read the other article's
//! full shingles from the store ([`StoreShingles`]).

use std::collections::BTreeMap;

use parallax_core::Article;
use parallax_link::shingles::{fingerprint, Fingerprint};
use parallax_link::{FingerprintSource, LinkEntry, LinkIndex};
use parallax_store::Store;
use rayon::prelude::*;

use crate::link_state::{self, revision_key, SavedState};

/// Articles read and featurised together when adding many (featurising runs
/// in parallel; reading does not). Bounds the articles held at once.
const ADD_BATCH: usize = 128;

/// What [`Linker::sync`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Synced {
    /// Articles already in the index at the revision the store holds.
    pub kept: usize,
    /// Articles read from the store and added (new or revised).
    pub added: usize,
    /// Articles removed from the index (revised, or gone from the store).
    pub removed: usize,
}

/// A link index kept in step with a store. See the module documentation.
pub struct Linker {
    pub(crate) index: LinkIndex,
    /// Article id → [`revision_key`] of the revision the index holds.
    revisions: BTreeMap<String, u64>,
}

impl Default for Linker {
    fn default() -> Self {
        Linker::new()
    }
}

impl Linker {
    /// An empty linker: the first [`Linker::sync`] adds every article.
    pub fn new() -> Linker {
        Linker {
            index: LinkIndex::compact(),
            revisions: BTreeMap::new(),
        }
    }

    /// The linker as the last relink saved it beside `store`, or an empty
    /// one when there is no usable saved state. Either way, call
    /// [`Linker::sync`] (or [`Linker::relink`]) before reading it.
    pub fn open<S: Store + ?Sized>(store: &S) -> Linker {
        let saved = link_state::state_path(store).and_then(|path| link_state::load(&path));
        match saved {
            Some(SavedState { revisions, index }) => Linker {
                index: LinkIndex::from(index),
                revisions,
            },
            None => Linker::new(),
        }
    }

    /// Saves the linker beside `store` for the next process. Best effort by
    /// design: a state that cannot be written only makes the next relink in
    /// a new process slower, never different.
    pub fn save<S: Store + ?Sized>(&mut self, store: &S) {
        let Some(path) = link_state::state_path(store) else {
            return;
        };
        let _ = link_state::save(&path, &self.revisions, self.index.snapshot_view());
    }

    /// Number of articles in the index.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The link index (for reading its copy statistics or memory account).
    pub fn index(&self) -> &LinkIndex {
        &self.index
    }

    /// Brings the index in line with the current revisions of `store`.
    pub fn sync<S: Store + ?Sized>(&mut self, store: &S) -> crate::Result<Synced> {
        let current = store.article_hashes()?;
        let mut synced = Synced::default();
        let mut to_add: Vec<(String, u64)> = Vec::new();
        let mut held = std::mem::take(&mut self.revisions).into_iter().peekable();
        let mut revisions = BTreeMap::new();
        for (id, content_hash) in current {
            let key = revision_key(&content_hash);
            // Both lists are in id order: what the index holds and the store
            // no longer has is removed.
            while let Some((gone, _)) = held.next_if(|(held_id, _)| *held_id < id) {
                self.index.remove(&gone);
                synced.removed += 1;
            }
            match held.next_if(|(held_id, _)| *held_id == id) {
                Some((_, held_key)) if held_key == key => {
                    synced.kept += 1;
                    revisions.insert(id, key);
                }
                Some(_) => {
                    self.index.remove(&id);
                    synced.removed += 1;
                    to_add.push((id, key));
                }
                None => to_add.push((id, key)),
            }
        }
        for (gone, _) in held {
            self.index.remove(&gone);
            synced.removed += 1;
        }
        let mut shingles = StoreShingles(store);
        for batch in to_add.chunks(ADD_BATCH) {
            let mut articles: Vec<(Article, u64)> = Vec::with_capacity(batch.len());
            for (id, key) in batch {
                // The id came from the store a moment ago; an article that
                // vanished since (a concurrent writer) is linked next time.
                if let Some(article) = store.article(id)? {
                    articles.push((article, *key));
                }
            }
            let entries: Vec<(LinkEntry, u64)> = articles
                .par_iter()
                .map(|(article, key)| (LinkEntry::of(article), *key))
                .collect();
            drop(articles);
            for (entry, key) in entries {
                let id = entry.id.clone();
                // The index may hold this id when the store's id differs
                // from the article's own (never for the SQLite store);
                // keeping the first keeps linking total.
                if self.index.add_entry_with(entry, &mut shingles).is_ok() {
                    synced.added += 1;
                    revisions.insert(id, key);
                }
            }
        }
        self.revisions = revisions;
        Ok(synced)
    }
}

/// Full shingle sets of stored articles, for the copy decisions the index's
/// sketches leave open (7–12 % of candidate pairs in the measured runs,
/// `docs/scale.md`).
pub(crate) struct StoreShingles<'s, S: Store + ?Sized>(pub &'s S);

impl<S: Store + ?Sized> FingerprintSource for StoreShingles<'_, S> {
    fn fingerprint(&mut self, id: &str) -> Option<Fingerprint> {
        let article = self.0.article(id).ok()??;
        Some(fingerprint(&article.body))
    }
}
