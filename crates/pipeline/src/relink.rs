//! The link stage as run after every ingest that changed the store: every
//! stored article goes into a [`LinkIndex`], and the stories that appeared
//! since the last relink are assembled into reports and stored, while those
//! that no longer exist are dropped — one transaction.
//!
//! What makes this scale with the store: the index is fed the articles'
//! [`parallax_link::LinkEntry`]s from the link cache (`link_cache`), so only
//! new or revised articles are decoded; and a story's id is a function of its
//! members, so an unchanged id is an unchanged story whose stored row is left
//! alone — only stories touched by the new articles are assembled and
//! written.
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

use parallax_core::Article;
use parallax_link::{infer_dates, CopyGroup, InferredDate, LinkIndex, Story};
use parallax_store::{Store, StoryRecord};
use parallax_story::{assemble, AssembleOptions, StoryReport};

use crate::link_cache::current_entries;

/// What a relink did.
pub struct Relinked {
    /// Every story, as the link stage made them.
    pub stories: Vec<Story>,
    /// Ids of the stories whose reports were (re)assembled in this run.
    pub assembled: Vec<String>,
    /// Ids of the stored stories dropped in this run (their members now
    /// belong to other stories).
    pub dropped: Vec<String>,
    /// Number of copy groups (syndicated or near-duplicate texts).
    pub copy_groups: usize,
    /// Articles whose link entries came from the link cache.
    pub entries_reused: usize,
    /// Articles read from the store and featurised in this run.
    pub entries_computed: usize,
}

/// Links every stored article and stores the stories that changed.
pub fn relink<S: Store + ?Sized>(store: &mut S) -> crate::Result<Relinked> {
    let entries = current_entries(store)?;
    let mut index = LinkIndex::new();
    for entry in entries.entries {
        // Entries come one per stored id, so a duplicate cannot occur;
        // ignoring the error keeps the link stage total.
        let _ = index.add_entry(entry);
    }
    let linking = index.linking();
    drop(index);
    let stored: HashSet<String> = store.story_ids()?.into_iter().collect();
    let current: HashSet<&str> = linking.stories.iter().map(|s| s.id.as_str()).collect();
    let mut dropped: Vec<String> = stored
        .iter()
        .filter(|id| !current.contains(id.as_str()))
        .cloned()
        .collect();
    dropped.sort();
    let mut records = Vec::new();
    for story in linking.stories.iter().filter(|s| !stored.contains(&s.id)) {
        let members = load_members(store, story)?;
        let report = serde_json::to_string(&story_report(story, &members, &linking.copy_groups))?;
        records.push(StoryRecord {
            id: story.id.clone(),
            title: story_title(&report),
            articles: story.articles.clone(),
            outlets: story.outlets.clone(),
            first_published: story.first_published.clone(),
            last_published: story.last_published.clone(),
            report,
        });
    }
    store.update_stories(&records, &dropped)?;
    Ok(Relinked {
        assembled: records.into_iter().map(|r| r.id).collect(),
        stories: linking.stories,
        dropped,
        copy_groups: linking.copy_groups.len(),
        entries_reused: entries.reused,
        entries_computed: entries.computed,
    })
}

fn load_members<S: Store + ?Sized>(store: &S, story: &Story) -> crate::Result<Vec<Article>> {
    let mut members = Vec::with_capacity(story.articles.len());
    for id in &story.articles {
        if let Some(article) = store.article(id)? {
            members.push(article);
        }
    }
    Ok(members)
}

/// The stored report: the assembled [`StoryReport`] plus what the link
/// stage knows about the story (`copies`, `inferred_dates`).
#[derive(serde::Serialize)]
struct StoredReport<'a> {
    #[serde(flatten)]
    report: StoryReport,
    /// Groups of copies of one text among the members.
    copies: Vec<&'a CopyGroup>,
    /// Publication dates inferred for undated members.
    inferred_dates: Vec<InferredDate>,
}

fn story_report<'a>(story: &Story, members: &[Article], copy_groups: &'a [CopyGroup]) -> StoredReport<'a> {
    let refs: Vec<&Article> = members.iter().collect();
    let inferred = infer_dates(&refs);
    let by_article: BTreeMap<&str, &InferredDate> = inferred
        .iter()
        .filter(|d| d.agreeing_times > 0)
        .map(|d| (d.article.as_str(), d))
        .collect();
    let redated: Vec<Article> = members
        .iter()
        .map(|article| match by_article.get(article.id.as_str()) {
            Some(date) => {
                let mut copy = article.clone();
                parallax_analyze::redate(&mut copy, date.published.clone());
                copy.analysis.events = parallax_events::code_events(&copy);
                copy
            }
            None => article.clone(),
        })
        .collect();
    let in_story: HashSet<&str> = story.articles.iter().map(String::as_str).collect();
    StoredReport {
        report: assemble(&story.id, &redated, &AssembleOptions::default()),
        copies: copy_groups
            .iter()
            .filter(|g| g.members().any(|m| in_story.contains(m)))
            .collect(),
        inferred_dates: inferred,
    }
}

/// A listing title: the headline of the earliest dated article (undated
/// ones after, ties by id).
fn story_title(report: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(report).ok()?;
    let mut titled: Vec<(bool, &str, &str, &str)> = value["articles"]
        .as_array()?
        .iter()
        .filter_map(|a| {
            let published = a["published"].as_str();
            Some((
                published.is_none(),
                published.unwrap_or(""),
                a["id"].as_str()?,
                a["title"].as_str()?,
            ))
        })
        .collect();
    titled.sort();
    titled.first().map(|(_, _, _, title)| title.to_string())
}
