//! The incremental link index: add (and remove) articles one at a time,
//! read copy groups and story clusters at any point.
//!
//! Memory: the index keeps per article a [`Sketch`] (about one shingle in
//! eight, see [`crate::sketch`]), its interned story features and a few
//! strings — not its full shingle sets — plus posting lists over sampled
//! shingles and over features, the copy pairs, and the story scores at or
//! above the threshold. About 1.4–1.7 KB per article in all (140 MB at
//! 100,000 articles, 17 MB at 10,000: `docs/scale.md`).
//!
//! Cost of an addition: one posting-list walk per sampled shingle, a sketch
//! comparison per article sharing one, and a comparison of full shingle sets
//! only for the few pairs the sketches cannot decide (fetched from a
//! [`FingerprintSource`] or from fingerprints the index retains). Story
//! scores are re-scored at the next read only for pairs sharing a feature
//! whose document frequency changed (`rescore`), and clusters come from one
//! pass over the kept edges (`groups`).
//!
//! Order independence: every decision is a symmetric function of a pair and
//! of document frequencies, which depend only on the set of articles; scores
//! are recomputed from scratch in a canonical order (features sorted by a
//! hash of their name) whenever an input changes, never patched, so they are
//! bit-identical whatever the order of additions and removals; groups and
//! stories are built from the sets of pairs in a canonical order (see
//! `groups` and [`crate::clustering`]).

mod groups;
mod rescore;
mod snapshot;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use parallax_core::Article;
use serde::{Deserialize, Serialize};

use crate::copies::{is_copy, sketch_call, SketchCall, COPY_CONTAINMENT};
use crate::features::story_features;
use crate::postings::Postings;
use crate::shingles::{fingerprint, stable_hash, Fingerprint, PassThrough};
use crate::sketch::Sketch;

pub use groups::{Linking, Story};
pub use snapshot::{Snapshot, SnapshotView};

/// Story score at or above which two articles are linked into one story.
/// Chosen on BASIL 2010–2014 by leave-one-year-out cross-validation (see
/// `docs/linking.md` and `bench/stories/run.sh`).
pub const STORY_THRESHOLD: f64 = 0.28;

/// Why an article could not be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddError {
    /// An article with this id is already in the index. Ids are derived from
    /// the URL or the content, so this is a re-ingest; a caller replacing a
    /// revised article removes the old entry first ([`LinkIndex::remove`]).
    AlreadyPresent(String),
}

impl std::fmt::Display for AddError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AddError::AlreadyPresent(id) => write!(f, "article {id} is already in the link index"),
        }
    }
}

impl std::error::Error for AddError {}

/// What the index needs of an article, computed from the article alone
/// ([`LinkEntry::of`]), so a caller can compute it once per stored revision.
/// The index keeps a [`Sketch`] of the fingerprint, not the fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkEntry {
    /// Article id.
    pub id: String,
    /// Outlet name, else domain.
    pub outlet: Option<String>,
    /// Publication date as the article states it.
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Word shingles of the body (see [`crate::shingles`]).
    pub fingerprint: Fingerprint,
    /// Story feature names (`e:<entity key>`, `t:<term>`), sorted, unique.
    pub features: Vec<String>,
    /// Publication day, when known to the day.
    pub day: Option<NaiveDate>,
}

impl LinkEntry {
    /// The link entry of an analysed article.
    pub fn of(article: &Article) -> LinkEntry {
        let story = story_features(article);
        LinkEntry {
            id: article.id.clone(),
            outlet: article
                .outlet
                .name
                .clone()
                .or_else(|| article.outlet.domain.clone()),
            published: article.published.date.clone(),
            title: article.title.clone(),
            fingerprint: fingerprint(&article.body),
            features: story.features.into_iter().collect(),
            day: story.day,
        }
    }
}

/// Where the index gets the full shingle sets of an article it holds, for
/// the pairs its sketches cannot decide: the caller's store (an article's
/// fingerprint is [`crate::shingles::fingerprint`] of its body).
pub trait FingerprintSource {
    /// The fingerprint of the article `id` as it was added, or `None` when
    /// it cannot be had (the pair is then decided on the estimate).
    fn fingerprint(&mut self, id: &str) -> Option<Fingerprint>;
}

impl<F: FnMut(&str) -> Option<Fingerprint>> FingerprintSource for F {
    fn fingerprint(&mut self, id: &str) -> Option<Fingerprint> {
        self(id)
    }
}

/// A source with nothing in it (decisions rest on retained fingerprints or
/// on the estimate).
struct NoSource;

impl FingerprintSource for NoSource {
    fn fingerprint(&mut self, _id: &str) -> Option<Fingerprint> {
        None
    }
}

/// Counters of the copy decisions made, for benchmarks and diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyStats {
    /// Pairs sharing at least one sampled shingle (compared at all).
    pub candidates: u64,
    /// Pairs decided on the full shingle sets (the sketches were unsure).
    pub exact: u64,
    /// Unsure pairs decided on the estimate because no full set was at hand.
    pub estimated: u64,
}

/// An article inside the index.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    id: String,
    /// Interned outlet (see `LinkIndex::outlets`).
    outlet: Option<u32>,
    published: Option<String>,
    title: Option<String>,
    sketch: Sketch,
    /// Interned features, sorted by the hash of their name.
    features: Vec<u32>,
    day: Option<NaiveDate>,
}

/// The cross-article index. See the module documentation.
#[derive(Debug, Clone)]
pub struct LinkIndex {
    /// Slot → article; `None` once removed (slots are never reused).
    entries: Vec<Option<Entry>>,
    slot_of: HashMap<String, u32>,
    /// Distinct outlet names, interned.
    outlets: Vec<String>,
    outlet_ids: HashMap<String, u32>,
    /// Sampled shingle → slots of the articles containing it.
    samples: Postings,
    /// Copy pairs (smaller slot first).
    copy_pairs: BTreeSet<(u32, u32)>,
    /// Feature id → hash of its name (the canonical order of features).
    feature_hashes: Vec<u64>,
    /// Hash of a feature name → feature id.
    feature_ids: HashMap<u64, u32, std::hash::BuildHasherDefault<PassThrough>>,
    /// Feature id → slots of the articles having it, ascending.
    feature_postings: Vec<Vec<u32>>,
    /// Features whose document frequency changed since the last re-score,
    /// with their document frequency then.
    dirty: BTreeMap<u32, usize>,
    /// Slots below this existed at the last re-score.
    watermark: u32,
    /// Story scores of candidate pairs at or above `keep_scores_from`
    /// (smaller slot first).
    scores: HashMap<(u32, u32), f64>,
    keep_scores_from: f64,
    threshold: f64,
    /// Full fingerprints by slot, when the index keeps them
    /// ([`LinkIndex::new`]); `None` for a compact index.
    retained: Option<HashMap<u32, Fingerprint>>,
    /// Scratch space of `find_copies`: shared samples per slot, all zero
    /// between calls.
    shared_counts: Vec<u32>,
    stats: CopyStats,
}

impl Default for LinkIndex {
    fn default() -> Self {
        LinkIndex::new()
    }
}

impl LinkIndex {
    /// An empty index with the default story threshold that keeps every
    /// article's full fingerprint, so that pairs its sketches cannot decide
    /// are decided exactly without a [`FingerprintSource`]. For corpora that
    /// fit in memory (tests, benchmarks, one command's files); a store of
    /// any size uses [`LinkIndex::compact`].
    pub fn new() -> Self {
        LinkIndex::with_threshold(STORY_THRESHOLD)
    }

    /// Like [`LinkIndex::new`], linking stories at `threshold` and keeping
    /// the scores of pairs at or above it.
    pub fn with_threshold(threshold: f64) -> Self {
        LinkIndex {
            entries: Vec::new(),
            slot_of: HashMap::new(),
            outlets: Vec::new(),
            outlet_ids: HashMap::new(),
            samples: Postings::default(),
            copy_pairs: BTreeSet::new(),
            feature_hashes: Vec::new(),
            feature_ids: HashMap::default(),
            feature_postings: Vec::new(),
            dirty: BTreeMap::new(),
            watermark: 0,
            scores: HashMap::new(),
            keep_scores_from: threshold,
            threshold,
            retained: Some(HashMap::new()),
            shared_counts: Vec::new(),
            stats: CopyStats::default(),
        }
    }

    /// An empty index with the default threshold that keeps only sketches:
    /// pairs the sketches cannot decide are decided on full fingerprints
    /// fetched through [`LinkIndex::add_entry_with`]'s source.
    pub fn compact() -> Self {
        let mut index = LinkIndex::new();
        index.retained = None;
        index
    }

    /// Keeps every non-zero story score (not only those at or above the
    /// threshold), for [`LinkIndex::story_scores`] when choosing a threshold.
    pub fn keeping_all_scores(mut self) -> Self {
        self.keep_scores_from = f64::MIN_POSITIVE;
        self
    }

    /// Number of articles in the index.
    pub fn len(&self) -> usize {
        self.slot_of.len()
    }

    /// True when the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }

    /// True when an article with this id is in the index.
    pub fn contains(&self, id: &str) -> bool {
        self.slot_of.contains_key(id)
    }

    /// Counters of the copy decisions made so far.
    pub fn copy_stats(&self) -> CopyStats {
        self.stats
    }

    /// Adds an analysed article.
    pub fn add(&mut self, article: &Article) -> Result<(), AddError> {
        if self.slot_of.contains_key(&article.id) {
            return Err(AddError::AlreadyPresent(article.id.clone()));
        }
        self.add_entry(LinkEntry::of(article))
    }

    /// Adds an article by its [`LinkEntry`]; unsure copy pairs are decided
    /// on retained fingerprints, or on the estimate by a compact index.
    pub fn add_entry(&mut self, entry: LinkEntry) -> Result<(), AddError> {
        self.add_entry_with(entry, &mut NoSource)
    }

    /// Adds an article by its [`LinkEntry`], fetching from `source` the full
    /// fingerprints of indexed articles where a copy decision needs them.
    pub fn add_entry_with(
        &mut self,
        entry: LinkEntry,
        source: &mut dyn FingerprintSource,
    ) -> Result<(), AddError> {
        if self.slot_of.contains_key(&entry.id) {
            return Err(AddError::AlreadyPresent(entry.id));
        }
        let slot = self.entries.len() as u32;
        let sketch = Sketch::of(&entry.fingerprint);
        self.find_copies(slot, &sketch, &entry.fingerprint, source);
        for &key in sketch.keys() {
            self.samples.push(key, slot);
        }

        let mut features: Vec<u32> = entry.features.iter().map(|name| self.intern(name)).collect();
        features.sort_unstable_by_key(|&f| self.feature_hashes[f as usize]);
        features.dedup();
        for &feature in &features {
            let postings = &mut self.feature_postings[feature as usize];
            self.dirty.entry(feature).or_insert(postings.len());
            postings.push(slot);
        }
        if let Some(retained) = &mut self.retained {
            retained.insert(slot, entry.fingerprint);
        }
        let outlet = entry.outlet.map(|name| self.intern_outlet(name));
        self.slot_of.insert(entry.id.clone(), slot);
        self.entries.push(Some(Entry {
            id: entry.id,
            outlet,
            published: entry.published,
            title: entry.title,
            sketch,
            features,
            day: entry.day,
        }));
        Ok(())
    }

    /// Removes an article (a revised article is removed, then its new
    /// revision added). The index is then exactly as if the article had
    /// never been added. Returns false when the id is not in the index.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.slot_of.remove(id) else {
            return false;
        };
        let Some(entry) = self.entries.get_mut(slot as usize).and_then(Option::take) else {
            return false;
        };
        for &key in entry.sketch.keys() {
            self.samples.remove(key, slot);
        }
        for &feature in &entry.features {
            let postings = &mut self.feature_postings[feature as usize];
            self.dirty.entry(feature).or_insert(postings.len());
            if let Ok(at) = postings.binary_search(&slot) {
                postings.remove(at);
            }
        }
        self.copy_pairs.retain(|&(a, b)| a != slot && b != slot);
        self.scores.retain(|&(a, b), _| a != slot && b != slot);
        if let Some(retained) = &mut self.retained {
            retained.remove(&slot);
        }
        true
    }

    /// Ids of the articles in the index, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.slot_of.keys().map(String::as_str)
    }

    /// Every kept story score (pairs at or above the threshold, or every
    /// non-zero one after [`LinkIndex::keeping_all_scores`]), as (id, id,
    /// score) with the smaller id first, sorted.
    pub fn story_scores(&mut self) -> Vec<(String, String, f64)> {
        self.rescore();
        let mut out: Vec<(String, String, f64)> = self
            .scores
            .iter()
            .filter_map(|(&(a, b), &s)| {
                let (x, y) = self.id_pair(a, b)?;
                Some((x.to_owned(), y.to_owned(), s))
            })
            .collect();
        out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        out
    }

    /// Pairs of article ids decided to be copies, smaller id first, sorted.
    pub fn copy_pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .copy_pairs
            .iter()
            .filter_map(|&(a, b)| {
                let (x, y) = self.id_pair(a, b)?;
                Some((x.to_owned(), y.to_owned()))
            })
            .collect();
        out.sort();
        out
    }

    /// Approximate heap bytes held by the index, by part (for the scale
    /// benchmark's account of memory).
    pub fn memory(&self) -> BTreeMap<&'static str, usize> {
        let entries: usize = self
            .entries
            .iter()
            .flatten()
            .map(|e| {
                std::mem::size_of::<Entry>()
                    + e.id.capacity()
                    + e.published.as_ref().map_or(0, String::capacity)
                    + e.title.as_ref().map_or(0, String::capacity)
                    + e.sketch.heap_bytes()
                    + e.features.capacity() * 4
            })
            .sum();
        let features: usize = self
            .feature_postings
            .iter()
            .map(|p| p.capacity() * 4 + 24)
            .sum::<usize>()
            + self.feature_ids.capacity() * 13
            + self.feature_hashes.capacity() * 8;
        let retained: usize = self.retained.as_ref().map_or(0, |r| {
            r.values()
                .map(|f| (f.all.capacity() + f.narrative.capacity()) * 8 + 56)
                .sum()
        });
        BTreeMap::from([
            ("entries", entries + self.entries.capacity() * 8),
            (
                "ids",
                self.slot_of.capacity() * 33 + self.slot_of.keys().map(String::capacity).sum::<usize>(),
            ),
            ("sampled_postings", self.samples.heap_bytes()),
            ("features", features),
            ("copy_pairs", self.copy_pairs.len() * 16),
            ("scores", self.scores.capacity() * 17),
            ("retained_fingerprints", retained),
        ])
    }

    fn entry(&self, slot: u32) -> Option<&Entry> {
        self.entries.get(slot as usize).and_then(Option::as_ref)
    }

    /// The ids of two slots, smaller id first.
    fn id_pair(&self, a: u32, b: u32) -> Option<(&str, &str)> {
        let (x, y) = (self.entry(a)?.id.as_str(), self.entry(b)?.id.as_str());
        Some(if x <= y { (x, y) } else { (y, x) })
    }

    /// Decides copy pairs between the new article and every article sharing
    /// a sampled shingle with it: on the sketches where they are sure, else
    /// on the full shingle sets (the new article's, and the other's from
    /// the retained fingerprints or `source`).
    ///
    /// Shared samples are counted in a dense per-slot array reused across
    /// additions (only the touched slots are reset): a hash map here cost
    /// most of a relink's time, because a shingle common to many articles (a
    /// shared quotation, boilerplate) makes every addition walk a long list.
    fn find_copies(
        &mut self,
        slot: u32,
        sketch: &Sketch,
        full: &Fingerprint,
        source: &mut dyn FingerprintSource,
    ) {
        let mut shared = std::mem::take(&mut self.shared_counts);
        shared.resize(self.entries.len(), 0);
        let mut touched: Vec<u32> = Vec::new();
        for &key in sketch.keys() {
            for &other in self.samples.get(key) {
                let count = &mut shared[other as usize];
                if *count == 0 {
                    touched.push(other);
                }
                *count += 1;
            }
        }
        for other in touched {
            shared[other as usize] = 0;
            // Fields, not `self.entry`: the stats and pairs are updated below.
            let Some(theirs) = self.entries.get(other as usize).and_then(Option::as_ref) else {
                continue;
            };
            self.stats.candidates += 1;
            let copy = match sketch_call(sketch, &theirs.sketch) {
                SketchCall::Copy => true,
                SketchCall::NotCopy => false,
                SketchCall::Unsure => {
                    let their_full = match &self.retained {
                        Some(retained) => retained.get(&other).cloned(),
                        None => source.fingerprint(&theirs.id),
                    };
                    match their_full {
                        Some(their_full) => {
                            self.stats.exact += 1;
                            is_copy(full, &their_full)
                        }
                        None => {
                            self.stats.estimated += 1;
                            estimate_says_copy(sketch, &theirs.sketch)
                        }
                    }
                }
            };
            if copy {
                self.copy_pairs.insert((other.min(slot), other.max(slot)));
            }
        }
        self.shared_counts = shared;
    }

    fn intern(&mut self, name: &str) -> u32 {
        let hash = stable_hash(name);
        if let Some(&id) = self.feature_ids.get(&hash) {
            return id;
        }
        let id = self.feature_postings.len() as u32;
        self.feature_ids.insert(hash, id);
        self.feature_hashes.push(hash);
        self.feature_postings.push(Vec::new());
        id
    }

    fn intern_outlet(&mut self, name: String) -> u32 {
        if let Some(&id) = self.outlet_ids.get(&name) {
            return id;
        }
        let id = self.outlets.len() as u32;
        self.outlet_ids.insert(name.clone(), id);
        self.outlets.push(name);
        id
    }
}

/// The fallback decision for an unsure pair without full sets: the point
/// estimate against the threshold.
fn estimate_says_copy(a: &Sketch, b: &Sketch) -> bool {
    let (small, large) = if a.all <= b.all { (a, b) } else { (b, a) };
    crate::copies::estimated_containment(small, large) >= COPY_CONTAINMENT
}
