//! The index as a serialisable value, so a caller can persist it and a new
//! process can resume from it instead of rebuilding: what was decided (copy
//! pairs, story scores) is kept; what is derived from the entries (posting
//! lists, id lookup) is rebuilt on load in one pass.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use serde::Deserialize;

use super::{CopyStats, Entry, LinkIndex};
use crate::postings::Postings;
use crate::shingles::Fingerprint;

/// A [`LinkIndex`] at one moment, with scores current and removed slots
/// compacted away. Serialise it with any serde format; [`LinkIndex::from`]
/// turns it back into an index that behaves exactly as the original.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    entries: Vec<Entry>,
    outlets: Vec<String>,
    feature_hashes: Vec<u64>,
    copy_pairs: Vec<(u32, u32)>,
    scores: Vec<(u32, u32, f64)>,
    keep_scores_from: f64,
    threshold: f64,
    retained: Option<Vec<(u32, Fingerprint)>>,
    stats: CopyStats,
}

impl LinkIndex {
    /// The index as a [`Snapshot`] (re-scoring first, so nothing pending is
    /// lost). Slots of removed articles are compacted away.
    pub fn snapshot(&mut self) -> Snapshot {
        let view = self.snapshot_view();
        Snapshot {
            entries: view.index.entries.iter().flatten().cloned().collect(),
            outlets: view.index.outlets.clone(),
            feature_hashes: view.index.feature_hashes.clone(),
            copy_pairs: view.copy_pairs().collect(),
            scores: view.scores().collect(),
            keep_scores_from: view.index.keep_scores_from,
            threshold: view.index.threshold,
            retained: view
                .retained()
                .map(|r| r.map(|(slot, f)| (slot, f.clone())).collect()),
            stats: view.index.stats,
        }
    }

    /// A view of the index that serialises exactly as its [`Snapshot`]
    /// would, without copying it (re-scoring first). Deserialise the bytes
    /// as a [`Snapshot`].
    pub fn snapshot_view(&mut self) -> SnapshotView<'_> {
        self.rescore();
        let mut next = 0u32;
        let new_slot = self
            .entries
            .iter()
            .map(|e| {
                e.as_ref().map(|_| {
                    next += 1;
                    next - 1
                })
            })
            .collect();
        SnapshotView {
            index: self,
            new_slot,
        }
    }
}

/// A borrowed [`Snapshot`]: see [`LinkIndex::snapshot_view`].
pub struct SnapshotView<'a> {
    index: &'a LinkIndex,
    /// Old slot → compacted slot (`None` for removed articles).
    new_slot: Vec<Option<u32>>,
}

impl SnapshotView<'_> {
    fn remap(&self, a: u32, b: u32) -> Option<(u32, u32)> {
        let (x, y) = (self.new_slot[a as usize]?, self.new_slot[b as usize]?);
        Some((x.min(y), x.max(y)))
    }

    /// Copy pairs in compacted slots, ascending (compaction keeps order).
    fn copy_pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.index
            .copy_pairs
            .iter()
            .filter_map(|&(a, b)| self.remap(a, b))
    }

    fn scores(&self) -> impl Iterator<Item = (u32, u32, f64)> + '_ {
        self.index
            .scores
            .iter()
            .filter_map(|(&(a, b), &s)| self.remap(a, b).map(|(x, y)| (x, y, s)))
    }

    fn retained(&self) -> Option<impl Iterator<Item = (u32, &Fingerprint)> + '_> {
        self.index.retained.as_ref().map(|r| {
            r.iter()
                .filter_map(|(&slot, f)| Some((self.new_slot[slot as usize]?, f)))
        })
    }
}

impl Serialize for SnapshotView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// A sequence written from an iterator, once.
        struct Seq<I>(std::cell::Cell<Option<I>>);
        impl<I: Iterator<Item = T>, T: Serialize> Serialize for Seq<I> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self.0.take() {
                    Some(items) => serializer.collect_seq(items),
                    None => Err(serde::ser::Error::custom("sequence serialised twice")),
                }
            }
        }
        fn seq<I: Iterator>(items: I) -> Seq<I> {
            Seq(std::cell::Cell::new(Some(items)))
        }
        let index = self.index;
        let mut out = serializer.serialize_struct("Snapshot", 9)?;
        // Counted sequences: bincode needs each length up front.
        let live = index.entries.iter().flatten().count();
        out.serialize_field("entries", &seq(ExactLen(index.entries.iter().flatten(), live)))?;
        out.serialize_field("outlets", &index.outlets)?;
        out.serialize_field("feature_hashes", &index.feature_hashes)?;
        let pairs = self.copy_pairs().count();
        out.serialize_field("copy_pairs", &seq(ExactLen(self.copy_pairs(), pairs)))?;
        let scores = self.scores().count();
        out.serialize_field("scores", &seq(ExactLen(self.scores(), scores)))?;
        out.serialize_field("keep_scores_from", &index.keep_scores_from)?;
        out.serialize_field("threshold", &index.threshold)?;
        match self.retained() {
            None => out.serialize_field("retained", &None::<Vec<(u32, Fingerprint)>>)?,
            Some(items) => {
                let mut kept: Vec<(u32, &Fingerprint)> = items.collect();
                kept.sort_unstable_by_key(|(slot, _)| *slot);
                out.serialize_field("retained", &Some(kept))?;
            }
        }
        out.serialize_field("stats", &index.stats)?;
        out.end()
    }
}

/// An iterator with a known length, so serde formats that write lengths
/// first (bincode) can write it as a sequence.
struct ExactLen<I>(I, usize);

impl<I: Iterator> Iterator for ExactLen<I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.1, Some(self.1))
    }
}

impl From<Snapshot> for LinkIndex {
    fn from(snapshot: Snapshot) -> LinkIndex {
        let Snapshot {
            entries,
            outlets,
            feature_hashes,
            copy_pairs,
            scores,
            keep_scores_from,
            threshold,
            retained,
            stats,
        } = snapshot;
        let slots = entries.len();
        let mut samples = Postings::default();
        let mut feature_postings: Vec<Vec<u32>> = vec![Vec::new(); feature_hashes.len()];
        let mut slot_of = HashMap::with_capacity(slots);
        let mut kept: Vec<Option<Entry>> = Vec::with_capacity(slots);
        for (slot, entry) in entries.into_iter().enumerate() {
            let slot = slot as u32;
            for &key in entry.sketch.keys() {
                samples.push(key, slot);
            }
            for &feature in &entry.features {
                // A feature id outside the table means a damaged snapshot;
                // skipping it keeps loading total (the caller validates
                // snapshots by their own header and checksum).
                if let Some(postings) = feature_postings.get_mut(feature as usize) {
                    postings.push(slot);
                }
            }
            slot_of.insert(entry.id.clone(), slot);
            kept.push(Some(entry));
        }
        let in_range = |a: u32, b: u32| (a as usize) < slots && (b as usize) < slots && a < b;
        let feature_ids = feature_hashes
            .iter()
            .enumerate()
            .map(|(id, &hash)| (hash, id as u32))
            .collect();
        let outlet_ids = outlets
            .iter()
            .enumerate()
            .map(|(id, name)| (name.clone(), id as u32))
            .collect();
        LinkIndex {
            entries: kept,
            slot_of,
            outlets,
            outlet_ids,
            samples,
            copy_pairs: copy_pairs.into_iter().filter(|&(a, b)| in_range(a, b)).collect(),
            feature_hashes,
            feature_ids,
            feature_postings,
            dirty: BTreeMap::new(),
            watermark: slots as u32,
            scores: scores
                .into_iter()
                .filter(|&(a, b, _)| in_range(a, b))
                .map(|(a, b, s)| ((a, b), s))
                .collect(),
            keep_scores_from,
            threshold,
            retained: retained.map(|r| r.into_iter().collect()),
            shared_counts: Vec::new(),
            stats,
        }
    }
}
