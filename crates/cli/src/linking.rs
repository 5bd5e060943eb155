//! The link stage as the CLI runs it after an ingest: every stored article
//! goes into a [`LinkIndex`]; the resulting stories are assembled into
//! reports (only the stories whose membership changed — a story's id is a
//! function of its members, so an unchanged id means an unchanged story) and
//! stored as one set.
//!
//! Undated members get the publication date the story implies
//! (`parallax_link::infer_dates`); the report is assembled from copies of the
//! articles re-dated that way (relative times and event dates re-resolved),
//! while the stored articles keep what their own text says.

use std::collections::{BTreeMap, HashSet};

use parallax_core::Article;
use parallax_link::{infer_dates, CopyGroup, InferredDate, LinkIndex, Story};
use parallax_store::{SqliteStore, Store, StoryRecord};
use parallax_story::{assemble, AssembleOptions, StoryReport};

/// What a relink did.
pub struct Relinked {
    /// Every story, as the link stage made them.
    pub stories: Vec<Story>,
    /// Ids of the stories whose reports were (re)assembled in this run.
    pub assembled: Vec<String>,
    /// Number of copy groups (syndicated or near-duplicate texts).
    pub copy_groups: usize,
}

/// Links every stored article and stores the stories.
pub fn relink(store: &mut SqliteStore) -> anyhow::Result<Relinked> {
    let mut index = LinkIndex::new();
    store.for_each_article(&mut |article| {
        // The store holds one current revision per id, so a duplicate id
        // cannot occur; ignoring the error keeps the link stage total.
        let _ = index.add(&article);
        Ok(())
    })?;
    let linking = index.linking();
    let known: HashSet<String> = store.story_ids()?.into_iter().collect();
    let mut records = Vec::with_capacity(linking.stories.len());
    let mut assembled = Vec::new();
    for story in &linking.stories {
        let report = match known.contains(&story.id) {
            true => store.story(&story.id)?.map(|stored| stored.report),
            false => None,
        };
        let report = match report {
            Some(report) => report,
            None => {
                assembled.push(story.id.clone());
                let members = load_members(store, story)?;
                serde_json::to_string(&story_report(story, &members, &linking.copy_groups))?
            }
        };
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
    store.replace_stories(&records)?;
    Ok(Relinked {
        stories: linking.stories,
        assembled,
        copy_groups: linking.copy_groups.len(),
    })
}

fn load_members(store: &SqliteStore, story: &Story) -> anyhow::Result<Vec<Article>> {
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
    let by_article: BTreeMap<&str, &InferredDate> =
        inferred.iter().map(|d| (d.article.as_str(), d)).collect();
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
