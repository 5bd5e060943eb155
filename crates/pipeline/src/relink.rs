//! The link stage as run after every ingest that changed the store: the
//! link index is brought in line with the store ([`Linker::sync`]), and the
//! stories that appeared since the last relink are assembled into reports
//! and stored, while those that no longer exist are dropped (and recorded
//! as moved, so their ids keep resolving) — one transaction.
//!
//! What makes this scale with the store: the linker holds its index between
//! relinks (in the server's memory, or saved beside the store for the next
//! process), so only new or revised articles are read; a story's id is a
//! function of its members, so an unchanged id is an unchanged story whose
//! stored row is left alone — only stories touched by the new articles are
//! assembled and written; reports are assembled a few at a time and written
//! as they are made, from at most [`crate::MAX_REPORT_ARTICLES`] members
//! each, so neither a large story nor a full relink holds much in memory.
//!
//! Undated members get the publication date the story implies
//! (`parallax_link::infer_dates`); when at least one of the member's own time
//! references agrees with a dated member's (same day, same happening), the
//! report is assembled from a copy of the article re-dated that way
//! (relative times and event dates re-resolved). A date resting on the
//! story's dates alone is reported in `inferred_dates` with its low
//! confidence but not used to date the article's facts: placing them on the
//! timeline would turn a weak guess into a dated fact. The stored articles
//! always keep what their own text says.

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use parallax_core::Article;
use parallax_link::{CopyGroup, LinkIndex, Story};
use parallax_store::{Store, StoreError, StoryRecord};
use rayon::prelude::*;

use crate::linker::{Linker, Synced};
use crate::report::{report_members, story_report, story_title};
use crate::PipelineError;

/// Stories assembled together (in parallel) hold at most about this many
/// member articles in memory at once.
const ASSEMBLY_BATCH_ARTICLES: usize = 128;

/// What a relink did.
pub struct Relinked {
    /// Every story, as the link stage made them.
    pub stories: Vec<Story>,
    /// Ids of the stories whose reports were (re)assembled in this run.
    pub assembled: Vec<String>,
    /// Ids of the stored stories dropped in this run (their members now
    /// belong to other stories; each is recorded as moved).
    pub dropped: Vec<String>,
    /// Number of copy groups (syndicated or near-duplicate texts).
    pub copy_groups: usize,
    /// Articles the linker already held at their current revision.
    pub entries_reused: usize,
    /// Articles read from the store and added to the link index in this run.
    pub entries_computed: usize,
    /// Articles removed from the link index (revised or gone).
    pub entries_removed: usize,
    /// Wall time of each phase.
    pub timings: RelinkTimings,
}

/// Wall time of each phase of a relink.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RelinkTimings {
    /// Bringing the link index in line with the store.
    pub sync: std::time::Duration,
    /// Reading copy groups and stories from the index.
    pub link: std::time::Duration,
    /// Assembling the new stories' reports and writing the change.
    pub write: std::time::Duration,
}

/// Links every stored article and stores the stories that changed, resuming
/// from (and then updating) the linker state saved beside the store.
pub fn relink<S: Store + ?Sized>(store: &mut S) -> crate::Result<Relinked> {
    let mut linker = Linker::open(&*store);
    let relinked = linker.relink(store)?;
    linker.save(&*store);
    Ok(relinked)
}

impl Linker {
    /// Brings the index in line with `store`, then assembles and stores the
    /// stories that appeared and drops those that vanished. The caller
    /// decides when to [`Linker::save`].
    pub fn relink<S: Store + ?Sized>(&mut self, store: &mut S) -> crate::Result<Relinked> {
        let started = Instant::now();
        let synced = self.sync(&*store)?;
        let synced_at = Instant::now();
        let linking = self.index.linking();
        let linked_at = Instant::now();
        let stored: HashSet<String> = store.story_ids()?.into_iter().collect();
        let current: HashSet<&str> = linking.stories.iter().map(|s| s.id.as_str()).collect();
        let mut dropped: Vec<String> = stored
            .iter()
            .filter(|id| !current.contains(id.as_str()))
            .cloned()
            .collect();
        dropped.sort();
        let fresh: Vec<&Story> = linking
            .stories
            .iter()
            .filter(|s| !stored.contains(&s.id))
            .collect();
        let assembled = write_stories(store, &self.index, &fresh, &dropped)?;
        let timings = RelinkTimings {
            sync: synced_at - started,
            link: linked_at - synced_at,
            write: linked_at.elapsed(),
        };
        Ok(Relinked {
            timings,
            assembled,
            copy_groups: linking.copy_groups.len(),
            stories: linking.stories,
            dropped,
            entries_reused: synced.kept,
            entries_computed: synced.added,
            entries_removed: synced.removed,
        })
    }
}

/// Assembles the reports of `fresh` a batch at a time (reading members
/// through a second handle on the store) and streams them into one
/// transaction that also drops `dropped`. Returns the ids assembled.
fn write_stories<S: Store + ?Sized>(
    store: &mut S,
    index: &LinkIndex,
    fresh: &[&Story],
    dropped: &[String],
) -> crate::Result<Vec<String>> {
    let reader = store.reader()?;
    let mut failure: Option<PipelineError> = None;
    let mut assembled = Vec::with_capacity(fresh.len());
    let mut batches = batches(fresh);
    let mut pending: std::vec::IntoIter<crate::Result<StoryRecord>> = Vec::new().into_iter();
    let mut records = std::iter::from_fn(|| loop {
        if failure.is_some() {
            return None;
        }
        match pending.next() {
            Some(Ok(record)) => {
                assembled.push(record.id.clone());
                return Some(Ok(record));
            }
            Some(Err(error)) => {
                let reason = error.to_string();
                failure = Some(error);
                return Some(Err(StoreError::Abandoned(reason)));
            }
            None => {
                let batch = batches.next()?;
                pending = assemble_batch(reader.as_ref(), batch, index).into_iter();
            }
        }
    });
    let written = store.update_stories_streaming(&mut records, dropped);
    if let Some(error) = failure {
        return Err(error);
    }
    written?;
    Ok(assembled)
}

/// `fresh` cut into runs holding about [`ASSEMBLY_BATCH_ARTICLES`] members.
fn batches<'a>(fresh: &'a [&'a Story]) -> impl Iterator<Item = &'a [&'a Story]> {
    let mut rest = fresh;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (mut members, mut n) = (0, 0);
        while n < rest.len() && (n == 0 || members + rest[n].articles.len() <= ASSEMBLY_BATCH_ARTICLES) {
            members += rest[n].articles.len().min(crate::MAX_REPORT_ARTICLES);
            n += 1;
        }
        let (batch, tail) = rest.split_at(n);
        rest = tail;
        Some(batch)
    })
}

/// A story with its copy groups and the members its report is assembled
/// from, read and ready to assemble.
struct Loaded<'a> {
    story: &'a Story,
    groups: Vec<CopyGroup>,
    members: Vec<Article>,
}

/// Reads the members of a batch of stories (sequentially, through
/// `reader`), then assembles their reports in parallel.
fn assemble_batch(
    reader: &(dyn Store + Send),
    batch: &[&Story],
    index: &LinkIndex,
) -> Vec<crate::Result<StoryRecord>> {
    let mut loaded: Vec<crate::Result<Loaded>> = Vec::with_capacity(batch.len());
    for &story in batch {
        // The copies among the story's own members: a function of the
        // members alone, like the story's id (see `copy_groups_among`).
        let groups = index.copy_groups_among(&story.articles);
        let group_refs: Vec<&CopyGroup> = groups.iter().collect();
        loaded.push(load_members(reader, story, &group_refs).map(|members| Loaded {
            story,
            groups,
            members,
        }));
    }
    loaded
        .into_par_iter()
        .map(|loaded| {
            let Loaded {
                story,
                groups,
                members,
            } = loaded?;
            let group_refs: Vec<&CopyGroup> = groups.iter().collect();
            let stored = story_report(story, &members, &group_refs);
            let title = story_title(&stored.report);
            Ok(StoryRecord {
                id: story.id.clone(),
                title,
                articles: story.articles.clone(),
                outlets: story.outlets.clone(),
                first_published: story.first_published.clone(),
                last_published: story.last_published.clone(),
                report: serde_json::to_string(&stored)?,
            })
        })
        .collect()
}

/// The members a story's report is assembled from, read from the store.
/// For a story above the report cap, every member is read once for its
/// date (one at a time) to choose them.
fn load_members(
    reader: &(dyn Store + Send),
    story: &Story,
    groups: &[&CopyGroup],
) -> crate::Result<Vec<Article>> {
    let mut published: BTreeMap<String, Option<String>> = BTreeMap::new();
    if story.articles.len() > crate::MAX_REPORT_ARTICLES {
        for id in &story.articles {
            let date = reader.article(id)?.and_then(|a| a.published.date);
            published.insert(id.clone(), date);
        }
    }
    let chosen = report_members(story, groups, &published);
    let mut members = Vec::with_capacity(chosen.len());
    for id in &chosen {
        if let Some(article) = reader.article(id)? {
            members.push(article);
        }
    }
    Ok(members)
}

impl Synced {
    /// True when the sync changed the index.
    pub fn changed(&self) -> bool {
        self.added + self.removed > 0
    }
}
