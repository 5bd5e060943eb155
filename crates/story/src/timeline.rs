//! The timeline: merged events and statements that have a date, in date
//! order (coarser dates sort before the days they contain: "2025-09" before
//! "2025-09-03"), ties broken by fact id. Left out (they stay in `events`
//! and `statements`): undated facts, and facts only one article reports
//! whose date is a guess (an event dated by its article's publication, a
//! statement dated from an earlier sentence). An event several articles
//! report but none dates keeps its publication date, marked
//! `date_from_publication`. Two entries resting on exactly the same
//! evidence spans (one sentence coded as two events) are shown once.

use crate::labels::{event_summary, statement_summary};
use crate::report::{Evidence, Statement, StoryEvent, TimelineEntry};

/// Timeline entries for the dated events and statements.
pub fn build_timeline(events: &[StoryEvent], statements: &[Statement]) -> Vec<TimelineEntry> {
    let mut entries = Vec::new();
    for event in events {
        let (Some(date), Some(precision)) = (&event.date, event.precision) else {
            continue;
        };
        if event.date_from_publication && event.sources.len() < 2 {
            continue;
        }
        entries.push(TimelineEntry {
            date: date.clone(),
            precision,
            date_from_publication: event.date_from_publication,
            summary: event_summary(event),
            fact: event.id.clone(),
            sources: event.sources.clone(),
            evidence: event
                .mentions
                .iter()
                .map(|m| Evidence {
                    article: m.article.clone(),
                    span: m.span,
                    text: m.text.clone(),
                })
                .collect(),
        });
    }
    for statement in statements {
        let (Some(date), Some(precision)) = (&statement.date, statement.precision) else {
            continue;
        };
        if statement.date_from_context && statement.sources.len() < 2 {
            continue;
        }
        entries.push(TimelineEntry {
            date: date.clone(),
            precision,
            date_from_publication: false,
            summary: statement_summary(statement),
            fact: statement.id.clone(),
            sources: statement.sources.clone(),
            evidence: statement
                .quotes
                .iter()
                .map(|q| Evidence {
                    article: q.article.clone(),
                    span: q.span,
                    text: q.text.clone(),
                })
                .collect(),
        });
    }
    entries.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| fact_order(&a.fact).cmp(&fact_order(&b.fact)))
    });
    let mut seen = std::collections::BTreeSet::new();
    entries.retain(|e| {
        seen.insert(
            e.evidence
                .iter()
                .map(|x| (x.article.clone(), x.span))
                .collect::<Vec<_>>(),
        )
    });
    entries
}

/// "e12" → ('e', 12), so e2 sorts before e10.
fn fact_order(fact: &str) -> (char, usize) {
    let mut chars = fact.chars();
    let kind = chars.next().unwrap_or(' ');
    (kind, chars.as_str().parse().unwrap_or(usize::MAX))
}
