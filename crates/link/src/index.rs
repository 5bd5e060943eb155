//! The incremental link index: add articles one at a time, read copy groups
//! and story clusters at any point.
//!
//! Cost of [`LinkIndex::add`]: shingling and featurising the new article,
//! then one posting-list walk per shingle (to find the articles it shares
//! text with) — proportional to how much text it shares, not to the index
//! size. Story scores are cached per candidate pair (pairs sharing a feature
//! that still has weight) and re-scored only for features whose document
//! frequency changed since the last read: the pairs the new articles touch.
//! Reading clusters then takes one union-find pass over the cached edges.
//!
//! Order independence: every decision is a symmetric function of a pair and
//! of document frequencies, which depend only on the set of articles; scores
//! are recomputed from scratch in a canonical order whenever an input
//! changes, never patched, so they are bit-identical whatever the order of
//! additions; groups are connected components, sorted (see `components`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use parallax_core::{short_id, Article};
use serde::{Deserialize, Serialize};

use crate::components::components;
use crate::copies::{containment, is_copy, CopyGroup, CopyMember, MIN_SHARED_SHINGLES};
use crate::features::story_features;
use crate::shingles::{fingerprint, Fingerprint, ShingleMap};
use crate::similarity::{story_similarity, MAX_DF};

/// Story score at or above which two articles are linked into one story.
/// Chosen on BASIL 2010–2014 by leave-one-year-out cross-validation (see
/// `docs/linking.md` and `bench/stories/run.sh`).
pub const STORY_THRESHOLD: f64 = 0.28;

/// Why an article could not be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddError {
    /// An article with this id is already in the index. Ids are derived from
    /// the URL or the content, so this is a re-ingest; the index keeps the
    /// first (replacing would need removal, which the index does not do).
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

/// What the index keeps of an article: only what linking needs. It is a
/// function of the article alone, so a caller may persist it (keyed by the
/// article's content hash) and re-add it later with [`LinkIndex::add_entry`]
/// instead of decoding and re-featurising the article: that is what keeps a
/// relink of a large store from reading every article again.
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

/// An entry inside the index: the [`LinkEntry`] with its features interned.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    fingerprint: Fingerprint,
    features: Vec<u32>,
    day: Option<NaiveDate>,
}

/// A story: articles reporting one developing event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id derived from the sorted member ids (the same members always
    /// give the same id; a story that gains a member gets a new id).
    pub id: String,
    /// Member article ids, sorted.
    pub articles: Vec<String>,
    /// Ids of the copy groups inside the story, sorted.
    pub copy_groups: Vec<String>,
    /// Outlets of the members, sorted and unique.
    pub outlets: Vec<String>,
    /// Earliest stated publication date of a member (`YYYY-MM-DD`…).
    pub first_published: Option<String>,
    /// Latest stated publication date of a member.
    pub last_published: Option<String>,
}

/// Copy groups and stories of the index at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Linking {
    /// Groups of two or more copies of one text, sorted by id.
    pub copy_groups: Vec<CopyGroup>,
    /// Every article in exactly one story (possibly alone), sorted by id.
    pub stories: Vec<Story>,
}

/// The cross-article index. See the module documentation.
#[derive(Debug, Clone)]
pub struct LinkIndex {
    entries: Vec<Entry>,
    slot_of: HashMap<String, usize>,
    /// Shingle → slots of the articles containing it.
    shingle_postings: ShingleMap<Vec<u32>>,
    /// Copy pairs (smaller slot first).
    copy_pairs: BTreeSet<(u32, u32)>,
    /// Scratch space of `find_copies`: shingles shared with each slot, all
    /// zero between calls.
    shared_counts: Vec<u32>,
    /// Feature name → interned id.
    feature_ids: HashMap<String, u32>,
    /// Feature id → slots of the articles having it.
    feature_postings: Vec<Vec<u32>>,
    /// Features whose document frequency changed since the last re-score,
    /// with their document frequency then.
    dirty: BTreeMap<u32, usize>,
    /// Cached non-zero story scores of candidate pairs (smaller slot first).
    scores: HashMap<(u32, u32), f64>,
    threshold: f64,
}

impl Default for LinkIndex {
    fn default() -> Self {
        LinkIndex::new()
    }
}

impl LinkIndex {
    /// An empty index with the default story threshold.
    pub fn new() -> Self {
        LinkIndex::with_threshold(STORY_THRESHOLD)
    }

    /// An empty index linking stories at `threshold` (for evaluation).
    pub fn with_threshold(threshold: f64) -> Self {
        LinkIndex {
            entries: Vec::new(),
            slot_of: HashMap::new(),
            shingle_postings: ShingleMap::default(),
            copy_pairs: BTreeSet::new(),
            shared_counts: Vec::new(),
            feature_ids: HashMap::new(),
            feature_postings: Vec::new(),
            dirty: BTreeMap::new(),
            scores: HashMap::new(),
            threshold,
        }
    }

    /// Number of articles in the index.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no article was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds an analysed article.
    pub fn add(&mut self, article: &Article) -> Result<(), AddError> {
        if self.slot_of.contains_key(&article.id) {
            return Err(AddError::AlreadyPresent(article.id.clone()));
        }
        self.add_entry(LinkEntry::of(article))
    }

    /// Adds an article by its [`LinkEntry`] (as [`LinkEntry::of`] made it,
    /// possibly persisted and read back): the same result as [`Self::add`].
    pub fn add_entry(&mut self, entry: LinkEntry) -> Result<(), AddError> {
        if self.slot_of.contains_key(&entry.id) {
            return Err(AddError::AlreadyPresent(entry.id));
        }
        let slot = self.entries.len() as u32;
        self.find_copies(slot, &entry.fingerprint);
        for &hash in &entry.fingerprint.all {
            self.shingle_postings.entry(hash).or_default().push(slot);
        }

        let mut features: Vec<u32> = entry.features.iter().map(|name| self.intern(name)).collect();
        features.sort_unstable();
        features.dedup();
        for &feature in &features {
            let postings = &mut self.feature_postings[feature as usize];
            self.dirty.entry(feature).or_insert(postings.len());
            postings.push(slot);
        }

        self.slot_of.insert(entry.id.clone(), slot as usize);
        self.entries.push(Entry {
            id: entry.id,
            outlet: entry.outlet,
            published: entry.published,
            title: entry.title,
            fingerprint: entry.fingerprint,
            features,
            day: entry.day,
        });
        Ok(())
    }

    /// Copy groups and stories of everything added so far.
    pub fn linking(&mut self) -> Linking {
        let copy_groups = self.copy_groups();
        let stories = self.stories_with(&copy_groups);
        Linking { copy_groups, stories }
    }

    /// Groups of copies, each with its fullest member as original.
    pub fn copy_groups(&self) -> Vec<CopyGroup> {
        let ids: Vec<String> = self.entries.iter().map(|e| e.id.clone()).collect();
        let edges = self.copy_pairs.iter().map(|&(a, b)| (a as usize, b as usize));
        let mut groups: Vec<CopyGroup> = components(&ids, edges)
            .into_iter()
            .filter(|members| members.len() > 1)
            .map(|members| self.copy_group(&members))
            .collect();
        groups.sort_by(|a, b| a.id.cmp(&b.id));
        groups
    }

    /// Every candidate pair with a non-zero story score, as (id, id, score)
    /// with the smaller id first, sorted. For choosing and checking the
    /// threshold; copies are linked whatever their score.
    pub fn story_scores(&mut self) -> Vec<(String, String, f64)> {
        self.rescore();
        let mut out: Vec<(String, String, f64)> = self
            .scores
            .iter()
            .map(|(&(a, b), &s)| {
                let (x, y) = (&self.entries[a as usize].id, &self.entries[b as usize].id);
                if x <= y {
                    (x.clone(), y.clone(), s)
                } else {
                    (y.clone(), x.clone(), s)
                }
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
            .map(|&(a, b)| {
                let (x, y) = (&self.entries[a as usize].id, &self.entries[b as usize].id);
                if x <= y {
                    (x.clone(), y.clone())
                } else {
                    (y.clone(), x.clone())
                }
            })
            .collect();
        out.sort();
        out
    }

    fn stories_with(&mut self, copy_groups: &[CopyGroup]) -> Vec<Story> {
        self.rescore();
        let ids: Vec<String> = self.entries.iter().map(|e| e.id.clone()).collect();
        let threshold = self.threshold;
        let edges: Vec<(usize, usize)> = self
            .scores
            .iter()
            .filter(|(_, &s)| s >= threshold)
            .map(|(&(a, b), _)| (a as usize, b as usize))
            .chain(self.copy_pairs.iter().map(|&(a, b)| (a as usize, b as usize)))
            .collect();
        let group_of: HashMap<&str, &str> = copy_groups
            .iter()
            .flat_map(|g| g.members().map(move |m| (m, g.id.as_str())))
            .collect();
        components(&ids, edges)
            .into_iter()
            .map(|members| self.story(members, &group_of))
            .collect()
    }

    fn story(&self, articles: Vec<String>, group_of: &HashMap<&str, &str>) -> Story {
        let entries: Vec<&Entry> = articles
            .iter()
            .filter_map(|id| self.slot_of.get(id).map(|&s| &self.entries[s]))
            .collect();
        let mut copy_groups: Vec<String> = articles
            .iter()
            .filter_map(|id| group_of.get(id.as_str()).map(|g| g.to_string()))
            .collect();
        copy_groups.sort();
        copy_groups.dedup();
        let outlets: BTreeSet<String> = entries.iter().filter_map(|e| e.outlet.clone()).collect();
        let dates: BTreeSet<&str> = entries.iter().filter_map(|e| e.published.as_deref()).collect();
        Story {
            id: short_id(&format!("story:{}", articles.join(","))),
            first_published: dates.first().map(|d| d.to_string()),
            last_published: dates.last().map(|d| d.to_string()),
            outlets: outlets.into_iter().collect(),
            copy_groups,
            articles,
        }
    }

    fn copy_group(&self, members: &[String]) -> CopyGroup {
        let entries: Vec<&Entry> = members
            .iter()
            .filter_map(|id| self.slot_of.get(id).map(|&s| &self.entries[s]))
            .collect();
        // Fullest first; then earliest stated date (unknown last); then id.
        let original = entries
            .iter()
            .copied()
            .min_by(|a, b| {
                b.fingerprint
                    .all
                    .len()
                    .cmp(&a.fingerprint.all.len())
                    .then_with(|| date_order(&a.published, &b.published))
                    .then_with(|| a.id.cmp(&b.id))
            })
            .unwrap_or(entries[0]);
        let member = |e: &Entry| CopyMember {
            article: e.id.clone(),
            outlet: e.outlet.clone(),
            published: e.published.clone(),
            title: e.title.clone(),
            containment: if e.id == original.id {
                1.0
            } else {
                share_in(&e.fingerprint.all, &original.fingerprint.all)
            },
        };
        let mut copies: Vec<CopyMember> = entries
            .iter()
            .filter(|e| e.id != original.id)
            .map(|e| member(e))
            .collect();
        copies.sort_by(|a, b| a.article.cmp(&b.article));
        CopyGroup {
            id: short_id(&format!("copies:{}", members.join(","))),
            original: member(original),
            copies,
        }
    }

    /// Decides copy pairs between the new article and every article sharing
    /// enough shingles with it to possibly be a copy (a copy shares at least
    /// [`MIN_SHARED_SHINGLES`] narrative shingles, so at least as many in all).
    ///
    /// Shared shingles are counted in a dense per-slot array reused across
    /// additions (only the touched slots are reset): a hash map here cost
    /// four fifths of a relink's time on 10,000 articles, because a
    /// shingle common to many articles (a shared quotation, boilerplate)
    /// makes every addition walk a long posting list.
    fn find_copies(&mut self, slot: u32, fingerprint: &Fingerprint) {
        let mut shared = std::mem::take(&mut self.shared_counts);
        shared.resize(self.entries.len(), 0);
        let mut touched: Vec<u32> = Vec::new();
        for hash in &fingerprint.all {
            for &other in self.shingle_postings.get(hash).map(Vec::as_slice).unwrap_or(&[]) {
                let count = &mut shared[other as usize];
                if *count == 0 {
                    touched.push(other);
                }
                *count += 1;
            }
        }
        for other in touched {
            let count = std::mem::take(&mut shared[other as usize]) as usize;
            let theirs = &self.entries[other as usize].fingerprint;
            let needed = MIN_SHARED_SHINGLES
                .min(fingerprint.all.len())
                .min(theirs.all.len())
                .max(1);
            if count >= needed && is_copy(fingerprint, theirs) {
                self.copy_pairs.insert((other.min(slot), other.max(slot)));
            }
        }
        self.shared_counts = shared;
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.feature_ids.get(name) {
            return id;
        }
        let id = self.feature_postings.len() as u32;
        self.feature_ids.insert(name.to_owned(), id);
        self.feature_postings.push(Vec::new());
        id
    }

    /// Re-scores the pairs sharing a feature whose document frequency changed
    /// and whose weight may have changed with it (it had weight before or has
    /// weight now).
    fn rescore(&mut self) {
        let dirty = std::mem::take(&mut self.dirty);
        let mut pairs: BTreeSet<(u32, u32)> = BTreeSet::new();
        for (feature, old_df) in dirty {
            let postings = &self.feature_postings[feature as usize];
            // Postings are in slot order, so the first `old_df` are the
            // articles that had the feature before. When the feature has no
            // weight now, only their pairs lost something; the new members'
            // pairs are scored through their other features.
            let touched = if postings.len() <= MAX_DF {
                &postings[..]
            } else if old_df <= MAX_DF {
                &postings[..old_df.min(postings.len())]
            } else {
                continue;
            };
            for (i, &a) in touched.iter().enumerate() {
                for &b in &touched[i + 1..] {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
        for (a, b) in pairs {
            let (ea, eb) = (&self.entries[a as usize], &self.entries[b as usize]);
            let postings = &self.feature_postings;
            let score = story_similarity((&ea.features, ea.day), (&eb.features, eb.day), |f: u32| {
                postings[f as usize].len()
            });
            if score > 0.0 {
                self.scores.insert((a, b), score);
            } else {
                self.scores.remove(&(a, b));
            }
        }
    }
}

/// Share of `copy`'s shingles found in `original`.
fn share_in(copy: &[u64], original: &[u64]) -> f64 {
    if copy.is_empty() {
        return 0.0;
    }
    let (_, shared) = containment(copy, original);
    shared as f64 / copy.len() as f64
}

/// Earlier dates first; unknown dates after known ones. Dates are ISO
/// strings, so string order is date order at equal precision.
fn date_order(a: &Option<String>, b: &Option<String>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}
