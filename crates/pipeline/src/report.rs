//! One story's stored report: the assembled [`StoryReport`] plus what the
//! link stage knows about the story, from a bounded number of its members.
//!
//! **Report cap.** Assembly compares every member's quotes, figures and
//! sentences with the others', and holds every member; its cost grows
//! faster than the story. A story of more than [`MAX_REPORT_ARTICLES`]
//! members is assembled from that many of them: first the members that are
//! not copies of another member (a copy repeats its original's text, so it
//! adds sources, not facts), then, if still too many, members taken at even
//! steps through the story in date order, so the report covers its whole
//! span. The stored report says so (`assembled_from`), and the story's
//! membership (`Store::story`) always lists every member.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use parallax_core::Article;
use parallax_link::copies::copy_share;
use parallax_link::shingles::fingerprint;
use parallax_link::{infer_dates, CopyGroup, InferredDate, Story};
use parallax_story::{assemble, AssembleOptions, StoryReport};
use serde::Serialize;

/// Most members a report is assembled from (see the module documentation).
/// The stories of the generated 100,000-article corpus stay far below it
/// (largest 7 members, `docs/scale.md`), so the cap only guards against
/// what real coverage of a big event produces; the cost of one 60-member
/// report has not been measured.
pub const MAX_REPORT_ARTICLES: usize = 60;

/// The stored report (JSON in the store's `stories.report`).
#[derive(Serialize)]
pub struct StoredReport {
    #[serde(flatten)]
    pub report: StoryReport,
    /// Groups of copies of one text among the members.
    pub copies: Vec<CopyGroup>,
    /// Publication dates inferred for undated members.
    pub inferred_dates: Vec<InferredDate>,
    /// Present only when the report was assembled from fewer articles than
    /// the story has (more than [`MAX_REPORT_ARTICLES`] members, or a member
    /// the store could not give back): which of them it was assembled from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assembled_from: Option<AssembledFrom>,
}

/// How a capped report was assembled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssembledFrom {
    /// Members the report was assembled from.
    pub articles: usize,
    /// Members of the story.
    pub of: usize,
    /// Ids of the members left out of the report (still members: listed in
    /// the story's membership), sorted.
    pub left_out: Vec<String>,
}

/// The ids of the members a report is assembled from: all of them up to
/// [`MAX_REPORT_ARTICLES`], else a choice described in the module
/// documentation. `published` gives each member's stated date (unknown
/// dates sort last); the result is sorted by id.
pub fn report_members(
    story: &Story,
    copy_groups: &[&CopyGroup],
    published: &BTreeMap<String, Option<String>>,
) -> Vec<String> {
    if story.articles.len() <= MAX_REPORT_ARTICLES {
        return story.articles.clone();
    }
    let copies: HashSet<&str> = copy_groups
        .iter()
        .flat_map(|g| g.copies.iter().map(|c| c.article.as_str()))
        .collect();
    let mut originals: Vec<&String> = story
        .articles
        .iter()
        .filter(|a| !copies.contains(a.as_str()))
        .collect();
    let mut chosen: Vec<String> = if originals.len() <= MAX_REPORT_ARTICLES {
        // Room for some copies too (the first by id), so the report is
        // assembled from as many members as the cap allows.
        let room = MAX_REPORT_ARTICLES - originals.len();
        let extra = story
            .articles
            .iter()
            .filter(|a| copies.contains(a.as_str()))
            .take(room);
        originals.into_iter().chain(extra).cloned().collect()
    } else {
        let date = |id: &String| published.get(id).cloned().flatten();
        originals.sort_by(|a, b| {
            let (da, db) = (date(a), date(b));
            (da.is_none(), da, *a).cmp(&(db.is_none(), db, *b))
        });
        let n = originals.len();
        (0..MAX_REPORT_ARTICLES)
            .map(|k| originals[k * n / MAX_REPORT_ARTICLES].clone())
            .collect()
    };
    chosen.sort();
    chosen.dedup();
    chosen
}

/// The stored report of `story` from the members it is assembled from
/// (`members`, see [`report_members`]) and the story's copy groups.
pub fn story_report(story: &Story, members: &[Article], copy_groups: &[&CopyGroup]) -> StoredReport {
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
    let used: BTreeSet<&str> = members.iter().map(|a| a.id.as_str()).collect();
    let assembled_from = (used.len() < story.articles.len()).then(|| AssembledFrom {
        articles: used.len(),
        of: story.articles.len(),
        left_out: story
            .articles
            .iter()
            .filter(|a| !used.contains(a.as_str()))
            .cloned()
            .collect(),
    });
    StoredReport {
        report: assemble(&story.id, &redated, &AssembleOptions::default()),
        copies: copy_groups.iter().map(|g| measured(g, members)).collect(),
        inferred_dates: inferred,
        assembled_from,
    }
}

/// A copy group with each copy's containment measured on the full texts
/// where both are among `members` (the link index keeps only samples of
/// texts, so its own figure is an estimate).
fn measured(group: &CopyGroup, members: &[Article]) -> CopyGroup {
    let body = |id: &str| members.iter().find(|a| a.id == id).map(|a| a.body.as_str());
    let mut group = group.clone();
    if let Some(original) = body(&group.original.article).map(fingerprint) {
        for copy in &mut group.copies {
            if let Some(text) = body(&copy.article) {
                copy.containment = copy_share(&fingerprint(text), &original);
            }
        }
    }
    group
}

/// A listing title: the headline of the earliest dated article of the
/// report (undated ones after, ties by id).
pub fn story_title(report: &StoryReport) -> Option<String> {
    report
        .articles
        .iter()
        .filter_map(|a| {
            Some((
                a.published.is_none(),
                a.published.as_deref().unwrap_or(""),
                a.id.as_str(),
                a.title.as_deref()?,
            ))
        })
        .min()
        .map(|(_, _, _, title)| title.to_owned())
}
