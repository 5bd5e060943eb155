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
//! article mentions *in a sentence about the same thing* (sharing at least
//! [`MIN_SHARED_CONTENT`] entity keys or content words): a bare weekday
//! lands on some mentioned day for almost any candidate, so without the
//! content check unrelated reports weeks or months apart "agreed" (a
//! January report's "on Friday" pinned to a September week). The best candidate wins;
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

use crate::features::{publication_day, sentence_content};

/// How far before or after a dated article's publication a candidate
/// publication day may lie.
const WINDOW_DAYS: u64 = 7;

/// Confidence when only the story's dates, and no shared reference, support
/// the inferred day.
const STORY_ONLY_CONFIDENCE: f32 = 0.3;

/// Entity keys or content words two sentences must share for their time
/// references to count as the same happening.
const MIN_SHARED_CONTENT: usize = 2;

/// Day → what the dated articles' sentences referring to that day are about.
type References = BTreeMap<NaiveDate, Vec<BTreeSet<String>>>;

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
    let pub_days: Vec<NaiveDate> = dated.iter().map(|(_, d)| *d).collect();
    let mut out: Vec<InferredDate> = story
        .iter()
        .filter(|a| publication_day(a).is_none())
        .filter_map(|a| infer_one(a, &references, &pub_days, &dated))
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
        .filter_map(|t| Some((parse_day(t.date.as_deref()?)?, sentence_content(article, t.span))))
        .collect()
}

/// True when some reference to `day` is about what `content` is about.
fn refers_to_same(references: &References, day: NaiveDate, content: &BTreeSet<String>) -> bool {
    references.get(&day).is_some_and(|contents| {
        contents
            .iter()
            .any(|other| other.intersection(content).take(MIN_SHARED_CONTENT).count() >= MIN_SHARED_CONTENT)
    })
}

fn infer_one(
    article: &Article,
    references: &References,
    pub_days: &[NaiveDate],
    dated: &[(&Article, NaiveDate)],
) -> Option<InferredDate> {
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
        .map(|t| sentence_content(article, t.span))
        .collect();
    let mut best: Option<(usize, i64, NaiveDate)> = None;
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
                            .is_some_and(|d| refers_to_same(references, d, content))
                })
                .count();
            let distance = pub_days
                .iter()
                .map(|d| (*d - candidate).num_days().abs())
                .min()
                .unwrap_or(0);
            let better = match best {
                None => true,
                Some((a, dist, _)) => agreeing > a || (agreeing == a && distance < dist),
            };
            if better {
                best = Some((agreeing, distance, candidate));
            }
        }
    }
    let (agreeing, _, day) = best?;
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
    let mut evidence: Vec<String> = dated.iter().map(|(a, _)| a.id.clone()).collect();
    evidence.sort();
    evidence.dedup();
    Some(InferredDate {
        article: article.id.clone(),
        published,
        evidence,
        agreeing_times: agreeing,
        times,
    })
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
