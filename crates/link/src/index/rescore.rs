//! Keeping story scores current: after additions and removals, re-score the
//! pairs sharing a feature whose document frequency changed — and only
//! those — from scratch.

use super::LinkIndex;
use crate::similarity::{story_similarity, MAX_DF};

/// Which members of a changed feature need their pairs re-scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Touch {
    /// The feature did not change, or has no weight before or after.
    None,
    /// The feature weighs something now: every pair of its members.
    All,
    /// The feature lost its weight (now in more than `MAX_DF` articles):
    /// the pairs of the members it had at the last re-score.
    Earlier,
}

impl LinkIndex {
    /// Re-scores the pairs sharing a feature whose document frequency
    /// changed since the last call and whose weight may have changed with it
    /// (it had weight before or has weight now). Each such pair is scored
    /// once, from its two feature lists and the current frequencies, and
    /// kept when at or above `keep_scores_from`.
    ///
    /// Work is per touched article: its partners through its changed
    /// features are gathered with a scratch mark per slot, so no set of all
    /// touched pairs is ever built (on a full build of 100,000 articles
    /// that set was the largest allocation of the link stage).
    pub(super) fn rescore(&mut self) {
        let slots = self.entries.len();
        let watermark = self.watermark as usize;
        self.watermark = slots as u32;
        if self.dirty.is_empty() {
            return;
        }
        let dirty = std::mem::take(&mut self.dirty);
        let mut touch = vec![Touch::None; self.feature_postings.len()];
        let mut touched = vec![false; slots];
        for (feature, old_df) in dirty {
            let postings = &self.feature_postings[feature as usize];
            let how = if postings.len() <= MAX_DF {
                Touch::All
            } else if (1..=MAX_DF).contains(&old_df) {
                Touch::Earlier
            } else {
                continue;
            };
            touch[feature as usize] = how;
            for &slot in postings {
                if how == Touch::All || (slot as usize) < watermark {
                    touched[slot as usize] = true;
                }
            }
        }
        let mut marked = vec![false; slots];
        let mut partners: Vec<u32> = Vec::new();
        let touched_slots: Vec<usize> = (0..slots).filter(|&a| touched[a]).collect();
        drop(touched);
        for a in touched_slots {
            let Some(entry) = &self.entries[a] else {
                continue;
            };
            for &feature in &entry.features {
                let how = touch[feature as usize];
                if how == Touch::None || (how == Touch::Earlier && a >= watermark) {
                    continue;
                }
                for &b in &self.feature_postings[feature as usize] {
                    let b_index = b as usize;
                    if b_index <= a || (how == Touch::Earlier && b_index >= watermark) || marked[b_index] {
                        continue;
                    }
                    marked[b_index] = true;
                    partners.push(b);
                }
            }
            for b in partners.drain(..) {
                marked[b as usize] = false;
                self.score_pair(a as u32, b);
            }
        }
    }

    /// Scores one pair (`a < b`) and keeps or drops its cached score.
    fn score_pair(&mut self, a: u32, b: u32) {
        let (Some(ea), Some(eb)) = (self.entry(a), self.entry(b)) else {
            self.scores.remove(&(a, b));
            return;
        };
        let postings = &self.feature_postings;
        let hashes = &self.feature_hashes;
        let score = story_similarity(
            (&ea.features, ea.day),
            (&eb.features, eb.day),
            |f: u32| hashes[f as usize],
            |f: u32| postings[f as usize].len(),
        );
        if score >= self.keep_scores_from {
            self.scores.insert((a, b), score);
        } else {
            self.scores.remove(&(a, b));
        }
    }
}
