//! Reading the index: copy groups (copy trees) and stories.
//!
//! **Copy groups are trees, not connected components.** Each copy points to
//! the fullest article it is a copy of among those fuller than itself
//! (fullest = most shingles; ties: earliest stated date, then smallest id);
//! a group is a tree of such pointers, its root the original. Connected
//! components chained: a short text contained in two longer, unrelated ones
//! (two reports quoting one statement at length; a paragraph reused in two
//! roundups) joined both into one "copy group", and on a dense corpus such
//! bridges made groups of dozens spanning years. With pointers, the short
//! text joins one of them — the fullest — and the other stays apart.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use parallax_core::short_id;
use serde::{Deserialize, Serialize};

use super::{Entry, LinkIndex};
use crate::clustering::{story_clusters, Edge, Link, SAME_STORY_DAYS};
use crate::components::components;
use crate::copies::{copy_share, estimated_containment, CopyGroup, CopyMember};

/// A story: articles reporting one happening.
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

impl LinkIndex {
    /// Copy groups and stories of everything in the index.
    pub fn linking(&mut self) -> Linking {
        let copy_groups = self.copy_groups();
        let stories = self.stories_with(&copy_groups);
        Linking { copy_groups, stories }
    }

    /// Groups of copies (copy trees), each with its root as original.
    pub fn copy_groups(&self) -> Vec<CopyGroup> {
        let (slots, ids) = self.live();
        let node: HashMap<u32, usize> = slots.iter().enumerate().map(|(i, &s)| (s, i)).collect();
        let edges = self
            .copy_tree()
            .into_iter()
            .filter_map(|(copy, of)| Some((*node.get(&copy)?, *node.get(&of)?)));
        let mut groups: Vec<CopyGroup> = components(&ids, edges)
            .into_iter()
            .filter(|members| members.len() > 1)
            .map(|members| self.copy_group(&members))
            .collect();
        groups.sort_by(|a, b| a.id.cmp(&b.id));
        groups
    }

    /// The copy groups among `members` alone (a story's articles): the copy
    /// tree of the copy pairs whose two articles are both members. Unlike a
    /// global copy group, which may reach into other stories and change
    /// when one of their articles arrives, this depends on the members
    /// only (each pair's decision is a function of its two texts), so a
    /// story's report, assembled once per member set, never goes stale and
    /// does not depend on the order articles arrived in.
    pub fn copy_groups_among(&self, members: &[String]) -> Vec<CopyGroup> {
        let slots: BTreeSet<u32> = members
            .iter()
            .filter_map(|id| self.slot_of.get(id).copied())
            .collect();
        // Pairs are stored smaller slot first: each pair inside the story is
        // found once, from its smaller slot.
        let inside = slots.iter().flat_map(|&a| {
            self.copy_pairs
                .range((a, 0)..=(a, u32::MAX))
                .copied()
                .filter(|(_, b)| slots.contains(b))
        });
        let tree = self.tree_of(inside);
        let ids: Vec<String> = slots
            .iter()
            .filter_map(|&s| self.entry(s).map(|e| e.id.clone()))
            .collect();
        let node: HashMap<u32, usize> = slots.iter().enumerate().map(|(i, &s)| (s, i)).collect();
        let edges = tree
            .into_iter()
            .filter_map(|(copy, of)| Some((*node.get(&copy)?, *node.get(&of)?)));
        let mut groups: Vec<CopyGroup> = components(&ids, edges)
            .into_iter()
            .filter(|group| group.len() > 1)
            .map(|group| self.copy_group(&group))
            .collect();
        groups.sort_by(|a, b| a.id.cmp(&b.id));
        groups
    }

    /// The copy links that join stories: copy-tree links between articles
    /// published within [`SAME_STORY_DAYS`] of each other (or with a date
    /// unknown), as id pairs, smaller id first, sorted.
    pub fn story_copy_links(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .story_copy_tree()
            .into_iter()
            .filter_map(|(a, b)| {
                let (x, y) = self.id_pair(a, b)?;
                Some((x.to_owned(), y.to_owned()))
            })
            .collect();
        out.sort();
        out
    }

    /// Live slots in slot order, and their ids.
    fn live(&self) -> (Vec<u32>, Vec<String>) {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(slot, e)| e.as_ref().map(|e| (slot as u32, e.id.clone())))
            .unzip()
    }

    /// Each copy's link to the fullest article it copies among those
    /// fuller than itself: `(copy slot, original slot)`.
    fn copy_tree(&self) -> Vec<(u32, u32)> {
        self.tree_of(self.copy_pairs.iter().copied())
    }

    /// The copy tree of `pairs`: each copy linked to the fullest article it
    /// copies among those fuller than itself, `(copy slot, original slot)`.
    /// The result does not depend on the order of `pairs` (fullness is a
    /// total order).
    fn tree_of(&self, pairs: impl IntoIterator<Item = (u32, u32)>) -> Vec<(u32, u32)> {
        let mut best: BTreeMap<u32, u32> = BTreeMap::new();
        for (a, b) in pairs {
            let (Some(ea), Some(eb)) = (self.entry(a), self.entry(b)) else {
                continue;
            };
            let (copy, original) = match fuller(ea, eb) {
                std::cmp::Ordering::Greater => (a, b),
                _ => (b, a),
            };
            best.entry(copy)
                .and_modify(|current| {
                    if let (Some(o), Some(c)) = (self.entry(original), self.entry(*current)) {
                        if fuller(o, c) == std::cmp::Ordering::Less {
                            *current = original;
                        }
                    }
                })
                .or_insert(original);
        }
        best.into_iter().collect()
    }

    /// The copy-tree links close enough in time to join stories.
    fn story_copy_tree(&self) -> Vec<(u32, u32)> {
        self.copy_tree()
            .into_iter()
            .filter(|&(a, b)| match (self.entry(a), self.entry(b)) {
                (Some(ea), Some(eb)) => within_days(ea.day, eb.day, SAME_STORY_DAYS),
                _ => false,
            })
            .collect()
    }

    fn stories_with(&mut self, copy_groups: &[CopyGroup]) -> Vec<Story> {
        self.rescore();
        let (slots, ids) = self.live();
        let node: HashMap<u32, usize> = slots.iter().enumerate().map(|(i, &s)| (s, i)).collect();
        let days: Vec<Option<NaiveDate>> = slots.iter().map(|&s| self.entry(s).and_then(|e| e.day)).collect();
        let threshold = self.threshold;
        let scored = self
            .scores
            .iter()
            .filter(|(_, &s)| s >= threshold)
            .map(|(&(a, b), &s)| (a, b, Link::Score(s)));
        let copied = self
            .story_copy_tree()
            .into_iter()
            .map(|(a, b)| (a, b, Link::Copy));
        let edges: Vec<Edge> = scored
            .chain(copied)
            .filter_map(|(a, b, link)| {
                Some(Edge {
                    a: *node.get(&a)?,
                    b: *node.get(&b)?,
                    link,
                })
            })
            .collect();
        let group_of: HashMap<&str, &str> = copy_groups
            .iter()
            .flat_map(|g| g.members().map(move |m| (m, g.id.as_str())))
            .collect();
        story_clusters(&ids, &days, &edges)
            .into_iter()
            .map(|members| self.story(members, &group_of))
            .collect()
    }

    fn story(&self, articles: Vec<String>, group_of: &HashMap<&str, &str>) -> Story {
        let entries: Vec<&Entry> = articles
            .iter()
            .filter_map(|id| self.slot_of.get(id).and_then(|&s| self.entry(s)))
            .collect();
        let mut copy_groups: Vec<String> = articles
            .iter()
            .filter_map(|id| group_of.get(id.as_str()).map(|g| g.to_string()))
            .collect();
        copy_groups.sort();
        copy_groups.dedup();
        let outlets: BTreeSet<&str> = entries
            .iter()
            .filter_map(|e| e.outlet.map(|o| self.outlets[o as usize].as_str()))
            .collect();
        let dates: BTreeSet<&str> = entries.iter().filter_map(|e| e.published.as_deref()).collect();
        Story {
            id: short_id(&format!("story:{}", articles.join(","))),
            first_published: dates.first().map(|d| d.to_string()),
            last_published: dates.last().map(|d| d.to_string()),
            outlets: outlets.into_iter().map(str::to_owned).collect(),
            copy_groups,
            articles,
        }
    }

    fn copy_group(&self, members: &[String]) -> CopyGroup {
        let entries: Vec<(u32, &Entry)> = members
            .iter()
            .filter_map(|id| {
                let slot = *self.slot_of.get(id)?;
                Some((slot, self.entry(slot)?))
            })
            .collect();
        let (original_slot, original) = entries
            .iter()
            .copied()
            .min_by(|a, b| fuller(a.1, b.1))
            .unwrap_or(entries[0]);
        let member = |slot: u32, e: &Entry| CopyMember {
            article: e.id.clone(),
            outlet: e.outlet.map(|o| self.outlets[o as usize].clone()),
            published: e.published.clone(),
            title: e.title.clone(),
            containment: if slot == original_slot {
                1.0
            } else {
                self.containment_in(slot, e, original_slot, original)
            },
        };
        let mut copies: Vec<CopyMember> = entries
            .iter()
            .filter(|(slot, _)| *slot != original_slot)
            .map(|&(slot, e)| member(slot, e))
            .collect();
        copies.sort_by(|a, b| a.article.cmp(&b.article));
        CopyGroup {
            id: short_id(&format!("copies:{}", members.join(","))),
            original: member(original_slot, original),
            copies,
        }
    }

    /// Share of a copy's shingles found in the original: exact when the
    /// index retains fingerprints, else estimated from the sketches (a
    /// caller holding the articles can measure it exactly with
    /// [`crate::copies::copy_share`]).
    fn containment_in(&self, slot: u32, copy: &Entry, original_slot: u32, original: &Entry) -> f64 {
        let retained = self
            .retained
            .as_ref()
            .and_then(|r| Some((r.get(&slot)?, r.get(&original_slot)?)));
        match retained {
            Some((c, o)) => copy_share(c, o),
            None => estimated_containment(&copy.sketch, &original.sketch),
        }
    }
}

/// Which of two articles is the fuller text: `Less` when `a` is (more
/// shingles; then an earlier stated date, unknown dates last; then the
/// smaller id).
fn fuller(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    b.sketch
        .all
        .cmp(&a.sketch.all)
        .then_with(|| date_order(&a.published, &b.published))
        .then_with(|| a.id.cmp(&b.id))
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

/// True when two days are at most `days` apart, or either is unknown.
fn within_days(a: Option<NaiveDate>, b: Option<NaiveDate>, days: i64) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= days,
        _ => true,
    }
}
