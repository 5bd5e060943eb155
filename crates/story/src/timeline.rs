//! The timeline: the story's happenings in date order, each one entry
//! merging every article's report of it ([`crate::happenings`] over
//! [`crate::moments`]), with a headline-style summary
//! ([`crate::headline`]), its date and precision, whether the date rests on
//! an inferred publication date, its sources and evidence sentences.
//!
//! Three lists come out:
//! - `timeline`: happenings with a date, in date order (coarser dates
//!   before the days they contain: "2025-09" before "2025-09-03");
//! - `background`: happenings dated more than [`BACKGROUND_DAYS`] before the
//!   story's first dated report (a 2014 annexation recalled in a 2025
//!   story): context, kept apart;
//! - `undated`: happenings of articles whose publication date is unknown
//!   and could not be inferred, dated only relative to that article ("on
//!   Friday"), ordered within each article by when they fall whatever the
//!   article's weekday would be.
//!
//! A happening no sentence dates is left out (it stays in `events` and
//! `statements`): two reports of one day that mention something undated
//! are as often recalling the past ("Russia withdrew from the grain deal")
//! as reporting the news, so their publication date would be a guess the
//! timeline would present as a fact. `date_from_publication` is therefore
//! always false here; the field is kept for readers of older reports.

use std::collections::{BTreeMap, BTreeSet};

use parallax_analyze::times::resolve;
use parallax_core::{DatePrecision, DateProvenance, PublishedDate};

use crate::corpus::{days_apart, Corpus};
use crate::happenings::{group_date, group_happenings};
use crate::headline::headline;
use crate::moments::{collect_moments, fact_order, Moment, MomentSources};
use crate::report::{Evidence, TimelineEntry, UndatedEntry};

/// Happenings that ended more than this many days before the story's first
/// dated report are background.
pub const BACKGROUND_DAYS: i64 = 30;

/// The three lists of the timeline.
pub struct Timeline {
    /// Dated happenings of the story.
    pub timeline: Vec<TimelineEntry>,
    /// Dated happenings long before the story.
    pub background: Vec<TimelineEntry>,
    /// Happenings dated only relative to an undated article.
    pub undated: Vec<UndatedEntry>,
}

/// What one happening holds, before it becomes an entry.
struct Happening {
    summary: String,
    fact: String,
    facts: Vec<String>,
    place: Option<String>,
    sources: Vec<String>,
    evidence: Vec<Evidence>,
}

/// Builds the timeline of a story from its articles, merged events,
/// statements (with their occasions) and figure groups.
pub fn build_timeline(sources: &MomentSources) -> Timeline {
    let MomentSources {
        corpus,
        events,
        statements,
        ..
    } = *sources;
    let moments = collect_moments(sources);
    let sources: BTreeMap<&str, usize> = events
        .iter()
        .map(|e| (e.id.as_str(), e.sources.len()))
        .chain(statements.iter().map(|s| (s.id.as_str(), s.sources.len())))
        .collect();
    let sources_of = |fact: &str| sources.get(fact).copied().unwrap_or(0);
    let place_names = place_names(corpus);
    let first_report = corpus
        .articles
        .iter()
        .filter(|a| a.published.precision == Some(DatePrecision::Day))
        .filter_map(|a| a.published.date.clone())
        .min();
    let mut out = Timeline {
        timeline: Vec::new(),
        background: Vec::new(),
        undated: Vec::new(),
    };
    let mut undated_order = Vec::new();
    for members in group_happenings(&moments) {
        let place = main_venue(&moments, &members).and_then(|k| place_names.get(&k).cloned());
        let line = headline(&moments, &members, place.as_deref(), &sources_of);
        let happening = Happening {
            summary: line.text,
            fact: line.fact,
            facts: facts_of(&moments, &members),
            place,
            sources: members
                .iter()
                .map(|&m| moments[m].article.id.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            evidence: members
                .iter()
                .map(|&m| Evidence {
                    article: moments[m].article.id.clone(),
                    span: moments[m].sentence,
                    text: moments[m].text.clone(),
                })
                .collect(),
        };
        if let Some(entry) = dated_entry(&moments, &members, &happening) {
            if is_background(&entry, first_report.as_deref()) {
                out.background.push(entry);
            } else {
                out.timeline.push(entry);
            }
        } else if let Some(&m) = members
            .iter()
            .find(|&&m| moments[m].unresolved.is_some() && !moments[m].future)
        {
            let key = undated_key(&moments[m]);
            undated_order.push((key, undated_entry(&moments[m], happening)));
        }
    }
    let by_date = |a: &TimelineEntry, b: &TimelineEntry| {
        a.date.cmp(&b.date).then_with(|| {
            a.evidence
                .first()
                .map(|e| (&e.article, e.span))
                .cmp(&b.evidence.first().map(|e| (&e.article, e.span)))
        })
    };
    out.timeline.sort_by(by_date);
    out.background.sort_by(by_date);
    undated_order.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    out.undated = undated_order.into_iter().map(|(_, e)| e).collect();
    out
}

fn facts_of(moments: &[Moment], members: &[usize]) -> Vec<String> {
    let mut facts: Vec<String> = members
        .iter()
        .flat_map(|&m| moments[m].facts.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    facts.sort_by_key(|f| fact_order(f));
    facts
}

/// The place most of the happening's moments say it happened in (the
/// first key on a tie).
fn main_venue(moments: &[Moment], members: &[usize]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &m in members {
        for place in &moments[m].venues {
            *counts.entry(place.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .fold(None, |best: Option<(&str, usize)>, (k, n)| match best {
            Some((_, b)) if b >= n => best,
            _ => Some((k, n)),
        })
        .map(|(k, _)| k.to_owned())
}

/// Entity key → the name the articles most often write it with ("Geneva",
/// though the gazetteer's name is "Genève"; ties alphabetical).
fn place_names(corpus: &Corpus) -> BTreeMap<String, String> {
    let mut forms: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for article in &corpus.articles {
        for mention in &article.analysis.entities {
            if let Some(text) = mention.span.slice(&article.body) {
                *forms
                    .entry(mention.key.clone())
                    .or_default()
                    .entry(text.to_owned())
                    .or_default() += 1;
            }
        }
    }
    forms
        .into_iter()
        .filter_map(|(key, counts)| {
            let top = counts.values().copied().max()?;
            let form = counts.into_iter().find(|(_, n)| *n == top)?.0;
            Some((key, form))
        })
        .collect()
}

fn dated_entry(moments: &[Moment], members: &[usize], h: &Happening) -> Option<TimelineEntry> {
    let date = group_date(moments, members)?;
    // Stated by some article: not a guess; else the most confident inference.
    let dated: Vec<&Moment> = members
        .iter()
        .map(|&m| &moments[m])
        .filter(|m| m.date.is_some())
        .collect();
    let inferred = if dated
        .iter()
        .any(|m| m.date.as_ref().is_some_and(|d| d.inferred.is_none()))
    {
        None
    } else {
        dated
            .iter()
            .filter_map(|m| m.date.as_ref()?.inferred)
            .fold(None, |best: Option<f32>, c| Some(best.map_or(c, |b| b.max(c))))
    };
    Some(TimelineEntry {
        date: date.date.clone(),
        precision: date.precision,
        end: date.end.clone(),
        date_from_publication: false,
        date_inferred: inferred,
        summary: h.summary.clone(),
        place: h.place.clone(),
        fact: h.fact.clone(),
        facts: h.facts.clone(),
        sources: h.sources.clone(),
        evidence: h.evidence.clone(),
    })
}

/// True when the entry ended more than [`BACKGROUND_DAYS`] before `first_report`.
fn is_background(entry: &TimelineEntry, first_report: Option<&str>) -> bool {
    let Some(first) = first_report else {
        return false;
    };
    let last_day = match (&entry.end, entry.precision) {
        (Some(end), _) => end.clone(),
        (None, DatePrecision::Year) => format!("{}-12-31", entry.date),
        // The 28th: every month has one, and a few days do not matter here.
        (None, DatePrecision::Month) => format!("{}-28", entry.date),
        (None, DatePrecision::Day) => entry.date.clone(),
    };
    last_day.as_str() < first && days_apart(&last_day, first).is_some_and(|d| d > BACKGROUND_DAYS)
}

fn undated_entry(moment: &Moment, h: Happening) -> UndatedEntry {
    UndatedEntry {
        when: moment
            .unresolved
            .as_ref()
            .map(|u| u.text.clone())
            .unwrap_or_default(),
        relative_to: moment.article.id.clone(),
        summary: h.summary,
        place: h.place,
        fact: h.fact,
        facts: h.facts,
        sources: h.sources,
        evidence: h.evidence,
    }
}

/// Order of an undated happening: its article, then the mean number of
/// days its expression lies before the article over the seven weekdays the
/// article could have appeared on ("last week" before "on Friday" whatever
/// the day), then its position.
fn undated_key(moment: &Moment) -> (String, f64, usize) {
    let mean = moment.unresolved.as_ref().map_or(0.0, |u| {
        // 2024-01-01 was a Monday: anchors Monday to Sunday.
        let offsets: Vec<f64> = (1..=7)
            .filter_map(|day| {
                let anchor = PublishedDate::day(2024, 1, day, DateProvenance::Inferred);
                let resolved = resolve(&u.relation, &anchor).date?;
                let start = format!("{}-01", resolved.get(..7)?);
                let resolved = if resolved.len() == 10 { resolved } else { start };
                let anchor_day = anchor.date?;
                let apart = days_apart(&resolved, &anchor_day)? as f64;
                Some(if resolved < anchor_day { -apart } else { apart })
            })
            .collect();
        if offsets.is_empty() {
            0.0
        } else {
            offsets.iter().sum::<f64>() / offsets.len() as f64
        }
    });
    (moment.article.id.clone(), mean, moment.sentence.start)
}
