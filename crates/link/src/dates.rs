//! Publication dates for undated articles, inferred from their story.
//!
//! An undated article that says a press conference happened "on Wednesday"
//! and a dated article of the same story that puts that conference on
//! 2025-09-03 together pin the undated one to a week: "on Wednesday" means
//! 2025-09-03 only if it was published between that Wednesday and the next
//! Tuesday. Each day within a week of a dated article of the story
//! is tried as the publication date: the undated article's relative time
//! expressions are resolved against it (with the analysis's own
//! [`parallax_analyze::times::resolve`], so the conventions are the same),
//! and a candidate scores one point per expression landing on a day a dated
//! article mentions *in a sentence about the same happening*
//! ([`same_happening`]: the sentences' entity keys and content words,
//! weighted by how rare they are in the story, have a cosine of at least
//! [`SAME_HAPPENING`]). A bare weekday lands on some mentioned day for
//! almost any candidate, and in a story every sentence names the same few
//! people, so without a weighted content check unrelated reports months
//! apart "agreed" (a January report's "on Thursday" about a new Kremlin
//! invitation pinned to the September week of an earlier one). A month and
//! day stated without a year ("Sept. 4") needs no content check: it agrees
//! when it lands on a day a dated article mentions or was published on, a
//! coincidence a weekday makes likely and a calendar date does not. The best candidate wins;
//! ties go to the day nearest a dated article's publication (copies and
//! follow-ups usually run within a day or two), then the earliest. With no
//! textual agreement at all the story's dates are still evidence, but weak,
//! and the confidence says so. The result is returned as data, marked
//! inferred: the article's own `published` field is never changed here.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use parallax_analyze::times::resolve;
use parallax_core::{Article, DatePrecision, DateProvenance, PublishedDate, Span, TimeRelation};
use serde::{Deserialize, Serialize};

use crate::features::publication_day;

mod same_happening;

use same_happening::{happening_content, SentenceWeights};

/// How far before or after a dated article's publication a candidate
/// publication day may lie.
const WINDOW_DAYS: u64 = 7;

/// Confidence when only the story's dates, and no shared reference, support
/// the inferred day.
const STORY_ONLY_CONFIDENCE: f32 = 0.3;

/// Least weighted content similarity of two sentences for their time
/// references to count as references to the same happening. Chosen on BASIL
/// 2010–2014 (`bench/stories/run.sh`, 2026-12-07; grid 0.1–0.3): at 0.15, 3
/// of 49 same-topic impostors from a month or more away still "agree" (0.1:
/// 5; 0.3: 1; the former two-shared-items rule: 23) while 90 of 150 hidden
/// dates keep a supporting reference, 83 of them right within a day.
const SAME_HAPPENING: f64 = 0.15;

/// Day → what the dated articles' sentences referring to that day are about.
type References = BTreeMap<NaiveDate, Vec<BTreeSet<String>>>;

/// What a candidate day is checked against: the dated articles' references
/// and publication days, and the story's content weights.
struct Evidence<'a> {
    references: References,
    publication_days: BTreeSet<NaiveDate>,
    weights: SentenceWeights,
    dated: Vec<(&'a Article, NaiveDate)>,
}

/// A time expression of the undated article, resolved with the inferred date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedTime {
    /// Span of the expression in the article body.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// Resolved date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
    pub date: String,
    /// End of a range, when a range.
    pub end: Option<String>,
}

/// A publication date inferred for an article from its story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InferredDate {
    /// The undated article.
    pub article: String,
    /// The inferred date, with `provenance: inferred` and a confidence.
    pub published: PublishedDate,
    /// Dated articles whose dates or time references supported it, sorted.
    pub evidence: Vec<String>,
    /// How many of the article's time expressions agree with the story's
    /// dates when resolved against the inferred day.
    pub agreeing_times: usize,
    /// The article's relative time expressions resolved against it.
    pub times: Vec<ResolvedTime>,
}

/// Infers publication dates for the members of one story that are not dated
/// to the day, from the members that are. Articles are matched by id; the
/// result is sorted by article id and does not depend on the input order.
pub fn infer_dates(story: &[&Article]) -> Vec<InferredDate> {
    let dated: Vec<(&Article, NaiveDate)> = story
        .iter()
        .filter_map(|a| publication_day(a).map(|d| (*a, d)))
        .collect();
    if dated.is_empty() {
        return Vec::new();
    }
    let mut references = References::new();
    for (article, _) in &dated {
        for (day, content) in mentioned_days(article) {
            references.entry(day).or_default().push(content);
        }
    }
    let evidence = Evidence {
        references,
        publication_days: dated.iter().map(|(_, d)| *d).collect(),
        weights: SentenceWeights::of_story(story),
        dated,
    };
    let mut out: Vec<InferredDate> = story
        .iter()
        .filter(|a| publication_day(a).is_none())
        .filter_map(|a| infer_one(a, &evidence))
        .collect();
    out.sort_by(|a, b| a.article.cmp(&b.article));
    out
}

/// Days a dated article's time expressions resolve to (at day precision),
/// each with what its sentence is about.
fn mentioned_days(article: &Article) -> Vec<(NaiveDate, BTreeSet<String>)> {
    article
        .analysis
        .times
        .iter()
        .filter(|t| t.precision == Some(DatePrecision::Day))
        .filter_map(|t| Some((parse_day(t.date.as_deref()?)?, happening_content(article, t.span))))
        .collect()
}

impl Evidence<'_> {
    /// True when the expression `relation`, resolved to `day`, agrees with
    /// the dated articles: a stated month and day landing on a day they
    /// mention or were published on; any other reference landing on a day a
    /// dated sentence about the same happening (`content`) mentions.
    fn agrees(&self, relation: &TimeRelation, day: NaiveDate, content: &BTreeSet<String>) -> bool {
        if let TimeRelation::YearlessDate { day: Some(_), .. } = relation {
            return self.publication_days.contains(&day) || self.references.contains_key(&day);
        }
        self.references.get(&day).is_some_and(|contents| {
            contents
                .iter()
                .any(|other| self.weights.similarity(content, other) >= SAME_HAPPENING)
        })
    }
}

fn infer_one(article: &Article, evidence: &Evidence) -> Option<InferredDate> {
    let pub_days = &evidence.publication_days;
    let dated = &evidence.dated;
    // Days within the window of some dated member: a long story with
    // members months apart is not searched day by day in between.
    let candidates: BTreeSet<NaiveDate> = pub_days
        .iter()
        .flat_map(|d| {
            (0..=2 * WINDOW_DAYS).filter_map(move |k| {
                d.checked_sub_days(Days::new(WINDOW_DAYS))?
                    .checked_add_days(Days::new(k))
            })
        })
        .collect();
    let relative: Vec<_> = article
        .analysis
        .times
        .iter()
        .filter(|t| t.relation != TimeRelation::Absolute)
        .collect();
    let contents: Vec<BTreeSet<String>> = relative
        .iter()
        .map(|t| happening_content(article, t.span))
        .collect();
    // The latest day the article names by its calendar date ("Sept. 5"):
    // news reports mostly what has happened, so a publication day before it
    // is the less likely of two otherwise equal candidates.
    let latest_named = latest_named_day(article, &evidence.publication_days);
    let mut best: Option<(usize, bool, i64, NaiveDate)> = None;
    for candidate in candidates {
        if consistent_with_stated(&article.published, candidate) {
            let anchor = PublishedDate::day(
                chrono::Datelike::year(&candidate),
                chrono::Datelike::month(&candidate),
                chrono::Datelike::day(&candidate),
                DateProvenance::Inferred,
            );
            let agreeing = relative
                .iter()
                .zip(&contents)
                .filter(|(t, content)| {
                    let resolved = resolve(&t.relation, &anchor);
                    resolved.precision == Some(DatePrecision::Day)
                        && resolved
                            .date
                            .as_deref()
                            .and_then(parse_day)
                            .is_some_and(|d| evidence.agrees(&t.relation, d, content))
                })
                .count();
            let distance = pub_days
                .iter()
                .map(|d| (*d - candidate).num_days().abs())
                .min()
                .unwrap_or(0);
            let after_named = latest_named.is_none_or(|d| candidate >= d);
            let better = match best {
                None => true,
                Some((a, after, dist, _)) => {
                    (agreeing, after_named, std::cmp::Reverse(distance)) > (a, after, std::cmp::Reverse(dist))
                }
            };
            if better {
                best = Some((agreeing, after_named, distance, candidate));
            }
        }
    }
    let (agreeing, _, _, day) = best?;
    let mut published = PublishedDate::day(
        chrono::Datelike::year(&day),
        chrono::Datelike::month(&day),
        chrono::Datelike::day(&day),
        DateProvenance::Inferred,
    );
    published.confidence = Some(confidence(agreeing));
    published.raw = Some(format!(
        "inferred from {} dated article(s) of the story",
        dated.len()
    ));
    let times = relative
        .iter()
        .filter_map(|t| {
            let resolved = resolve(&t.relation, &published);
            Some(ResolvedTime {
                span: t.span,
                text: t.text.clone(),
                date: resolved.date?,
                end: resolved.end,
            })
        })
        .collect();
    let mut supporting: Vec<String> = dated.iter().map(|(a, _)| a.id.clone()).collect();
    supporting.sort();
    supporting.dedup();
    Some(InferredDate {
        article: article.id.clone(),
        published,
        evidence: supporting,
        agreeing_times: agreeing,
        times,
    })
}

/// The latest day-precise date the article states by month and day (with
/// or without a year), resolved in the year of the story's dated articles.
fn latest_named_day(article: &Article, publication_days: &BTreeSet<NaiveDate>) -> Option<NaiveDate> {
    let anchor = publication_days.iter().next()?;
    let anchor = PublishedDate::day(
        chrono::Datelike::year(anchor),
        chrono::Datelike::month(anchor),
        chrono::Datelike::day(anchor),
        DateProvenance::Inferred,
    );
    article
        .analysis
        .times
        .iter()
        .filter_map(|t| match t.relation {
            TimeRelation::YearlessDate { day: Some(_), .. } => resolve(&t.relation, &anchor).date,
            TimeRelation::Absolute if t.precision == Some(DatePrecision::Day) => t.date.clone(),
            _ => None,
        })
        .filter_map(|d| parse_day(&d))
        .max()
}

/// Each agreeing reference raises confidence; none leaves only the story's
/// dates as (weak) evidence. Capped below 1: an inference is never a
/// statement.
fn confidence(agreeing: usize) -> f32 {
    if agreeing == 0 {
        STORY_ONLY_CONFIDENCE
    } else {
        (0.5 + 0.15 * agreeing as f32).min(0.9)
    }
}

/// A candidate must agree with whatever coarser date the article states
/// (its month or year).
fn consistent_with_stated(stated: &PublishedDate, candidate: NaiveDate) -> bool {
    match stated.date.as_deref() {
        Some(text) => candidate.format("%Y-%m-%d").to_string().starts_with(text),
        None => true,
    }
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::analyzed;

    #[test]
    fn shared_weekday_reference_pins_the_undated_article() {
        // 2025-09-03 was a Wednesday; the dated report ran on Friday 09-05.
        let dated = analyzed(
            "dated",
            "Leaders met in Beijing",
            "The foreign ministers met in Beijing on Wednesday and agreed to hold further talks.",
            Some((2025, 9, 5)),
        );
        let undated = analyzed(
            "undated",
            "Beijing talks",
            "Speaking at a press conference in Beijing on Wednesday, the minister said talks would go on.",
            None,
        );
        let inferred = infer_dates(&[&undated, &dated]);
        assert_eq!(inferred.len(), 1);
        let got = &inferred[0];
        assert_eq!(got.article, "undated");
        assert_eq!(got.agreeing_times, 1);
        assert_eq!(got.published.provenance, Some(DateProvenance::Inferred));
        // Nearest to the dated article among the days on which "on
        // Wednesday" means 09-03.
        assert_eq!(got.published.date.as_deref(), Some("2025-09-05"));
        assert!(got.published.confidence.unwrap_or(0.0) > STORY_ONLY_CONFIDENCE);
        assert!(
            got.times.iter().any(|t| t.date == "2025-09-03"),
            "{:?}",
            got.times
        );
    }

    #[test]
    fn a_shared_weekday_about_something_else_is_no_agreement() {
        let dated = analyzed(
            "dated",
            "Leaders met in Beijing",
            "The foreign ministers met in Beijing on Wednesday and agreed to hold further talks.",
            Some((2025, 9, 5)),
        );
        let undated = analyzed(
            "undated",
            "Floods",
            "Floods swept through coastal villages on Wednesday, rescuers reported.",
            None,
        );
        let inferred = infer_dates(&[&undated, &dated]);
        assert_eq!(inferred.len(), 1);
        assert_eq!(inferred[0].agreeing_times, 0);
        assert_eq!(inferred[0].published.confidence, Some(STORY_ONLY_CONFIDENCE));
    }

    #[test]
    fn the_same_people_on_a_weekday_are_not_the_same_happening() {
        // Both name the two presidents; only the dated one is about an invitation.
        let dated = analyzed(
            "dated",
            "Invitation",
            "Russian President Vladimir Putin said on Wednesday he had invited Ukrainian President \
             Volodymyr Zelensky to Moscow for a meeting.",
            Some((2025, 9, 4)),
        );
        let undated = analyzed(
            "undated",
            "Ceasefire",
            "Ukrainian President Volodymyr Zelensky dismissed a ceasefire proposal on Wednesday and \
             renewed his call for direct talks with Russian President Vladimir Putin.",
            None,
        );
        let inferred = infer_dates(&[&dated, &undated]);
        assert_eq!(inferred.len(), 1);
        assert_eq!(inferred[0].agreeing_times, 0, "{:?}", inferred[0]);
    }

    #[test]
    fn a_stated_month_and_day_agrees_without_shared_words() {
        let dated = analyzed(
            "dated",
            "Summit",
            "Leaders met in Paris on Thursday.",
            Some((2025, 9, 4)),
        );
        let undated = analyzed(
            "undated",
            "Forum",
            "On Sept. 4 the minister spoke about the harvest.",
            None,
        );
        let inferred = infer_dates(&[&dated, &undated]);
        assert_eq!(inferred[0].agreeing_times, 1, "{:?}", inferred[0]);
        assert!(inferred[0].times.iter().any(|t| t.date == "2025-09-04"));
    }

    #[test]
    fn no_dated_member_no_inference() {
        let a = analyzed("a", "t", "Talks went on on Monday.", None);
        let b = analyzed("b", "t", "Talks went on.", None);
        assert!(infer_dates(&[&a, &b]).is_empty());
    }

    #[test]
    fn without_shared_references_the_confidence_is_low() {
        let dated = analyzed(
            "dated",
            "t",
            "The council voted on the budget.",
            Some((2014, 3, 4)),
        );
        let undated = analyzed("undated", "t", "The council passed the budget.", None);
        let inferred = infer_dates(&[&dated, &undated]);
        assert_eq!(inferred.len(), 1);
        assert_eq!(inferred[0].published.date.as_deref(), Some("2014-03-04"));
        assert_eq!(inferred[0].published.confidence, Some(STORY_ONLY_CONFIDENCE));
    }
}
