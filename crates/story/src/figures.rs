//! Figures reconciled across articles. Two figures are compared only when
//! they measure the same quantity (`figure_measure`): the same classes of
//! counted nouns ("ships" = "vessels"), the same thing happening to them
//! (drones launched ≠ drones shot down ≠ drones that struck), the same unit
//! and names. Figures with one measure in different articles are one group
//! when their sentences are similar and the dates they state agree. Several
//! exact figures joined by "and" in one clause under one predicate ("502
//! drones and 24 missiles") also stand as their sum ("drone and missile" =
//! 526), so an outlet that only gives the total can be checked against one
//! that gives the parts. Qualifiers turn each figure into an interval
//! (exact: the value; at least: the value and up; at most: up to it;
//! approximately: ±10 %); a group whose intervals share no value is a
//! conflict, citing every figure's sentence.

use std::collections::BTreeSet;

use parallax_core::{Article, Figure, Qualifier, Span};

use crate::corpus::{
    dates_compatible, days_apart, evidence, sentence_around, span_text, stated_date, Corpus,
};
use crate::figure_measure::{predicate_of, Measure};
use crate::figure_predicate::clause_span;
use crate::report::{Agreement, Cell, Conflict, ConflictKind, FigureGroup, FigureMention};
use crate::similarity::Compared;
use crate::AssembleOptions;

/// Relative tolerance of an approximate figure ("about 500" allows 450–550).
const APPROXIMATE_TOLERANCE: f64 = 0.1;

/// One figure (or sum of figures) of one article.
struct Item<'a> {
    article: &'a Article,
    measure: Measure,
    counts: String,
    unit: Option<String>,
    mention: FigureMention,
    date: Option<FigureDate>,
}

/// The day a figure is dated to, and whether the date names a night ("last
/// night", "overnight"): a night runs past midnight, so outlets date what
/// happened in it by either day.
struct FigureDate {
    day: String,
    night: bool,
}

impl FigureDate {
    /// Whether two figures can be dated to the same occasion: compatible
    /// dates, or a night and the full day after it.
    fn agrees_with(&self, other: &FigureDate) -> bool {
        let night_then_day = |night: &FigureDate, day: &FigureDate| {
            night.night && !day.night && day.day > night.day && days_apart(&night.day, &day.day) == Some(1)
        };
        dates_compatible(&self.day, &other.day) || night_then_day(self, other) || night_then_day(other, self)
    }
}

/// Figure groups, the conflicts among them, and which article conflicts.
pub struct ReconciledFigures {
    /// Groups given by at least two articles, sorted by sources then first figure.
    pub groups: Vec<FigureGroup>,
    /// One conflict per conflicting group.
    pub conflicts: Vec<Conflict>,
    /// For each group (same order), the articles whose figure disagrees with
    /// the value most articles allow.
    pub dissenters: Vec<BTreeSet<String>>,
}

/// Groups and reconciles the figures of `corpus`.
pub fn reconcile_figures(corpus: &Corpus, options: &AssembleOptions) -> ReconciledFigures {
    let items: Vec<Item> = corpus.articles.iter().flat_map(|a| article_items(a)).collect();
    let compared = Compared::new(
        &items
            .iter()
            .map(|i| span_text(i.article, i.mention.sentence))
            .collect::<Vec<_>>(),
    );
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for i in 0..items.len() {
        let best = clusters
            .iter()
            .enumerate()
            .filter(|(_, members)| {
                members.iter().all(|&m| {
                    items[m].measure.same_quantity(&items[i].measure)
                        && items[m].article.id != items[i].article.id
                        && match (&items[m].date, &items[i].date) {
                            (Some(a), Some(b)) => a.agrees_with(b),
                            _ => true,
                        }
                })
            })
            .map(|(c, members)| {
                (
                    c,
                    members.iter().map(|&m| compared.similarity(i, m)).sum::<f32>() / members.len() as f32,
                )
            })
            .filter(|(_, s)| *s >= options.figure_context_threshold)
            .fold(None, |best: Option<(usize, f32)>, (c, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((c, s)),
            });
        match best {
            Some((c, _)) => clusters[c].push(i),
            None => clusters.push(vec![i]),
        }
    }
    let mut groups: Vec<(usize, FigureGroup, BTreeSet<String>)> = clusters
        .iter()
        .filter(|members| members.len() > 1)
        .map(|members| {
            let (group, dissenters) = build(&items, members);
            (members[0], group, dissenters)
        })
        .collect();
    groups.sort_by(|a, b| b.1.sources.len().cmp(&a.1.sources.len()).then(a.0.cmp(&b.0)));
    let mut out = ReconciledFigures {
        groups: Vec::new(),
        conflicts: Vec::new(),
        dissenters: Vec::new(),
    };
    for (n, (first, mut group, dissenters)) in groups.into_iter().enumerate() {
        group.id = format!("f{}", n + 1);
        if group.agreement == Agreement::Conflict {
            out.conflicts.push(conflict(
                &group,
                items[first].measure.predicate.as_deref(),
                corpus,
            ));
        }
        out.groups.push(group);
        out.dissenters.push(dissenters);
    }
    out
}

/// The figures of one article that count something, plus sums of exact
/// figures joined by "and" or commas in one sentence.
fn article_items(article: &Article) -> Vec<Item<'_>> {
    let mut figures: Vec<&Figure> = article
        .analysis
        .figures
        .iter()
        .filter(|f| f.counts.is_some() || f.unit.is_some())
        .collect();
    figures.sort_by_key(|f| (f.span.start, f.span.end));
    let mut items: Vec<Item> = figures.iter().map(|f| item(article, &[f])).collect();
    let mut run: Vec<&Figure> = Vec::new();
    let mut run_predicate = None;
    for figure in figures {
        let predicate = predicate_of(article, figure.span);
        let joins = run.last().is_some_and(|last| {
            let between = article.body.get(last.span.end..figure.span.start).unwrap_or("x");
            let between = between.trim().trim_start_matches(',').trim();
            (between == "and" || between.is_empty())
                && last.qualifier == Qualifier::Exact
                && figure.qualifier == Qualifier::Exact
                && last.unit == figure.unit
                && last.part_of.is_none()
                && figure.part_of.is_none()
                // A later item of a comma list ("launched 41 drones, 3 missiles
                // and …") sits in a clause of its own, without the verb.
                && (predicate.is_none() || predicate == run_predicate)
        });
        if !joins {
            if run.len() > 1 {
                items.push(item(article, &run));
            }
            run.clear();
        }
        if run.is_empty() {
            run_predicate = predicate;
        }
        run.push(figure);
    }
    if run.len() > 1 {
        items.push(item(article, &run));
    }
    items
}

/// An item for one figure, or for the sum of `parts`.
fn item<'a>(article: &'a Article, parts: &[&Figure]) -> Item<'a> {
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let span = Span::new(first.span.start, last.span.end.max(first.span.start));
    let counts: Vec<String> = parts.iter().filter_map(|f| f.counts.clone()).collect();
    let counts = counts.join(" and ");
    let unit = first.unit.clone();
    let sentence = sentence_around(article, span);
    Item {
        article,
        measure: Measure::of(article, parts),
        counts,
        unit,
        mention: FigureMention {
            article: article.id.clone(),
            span,
            text: span_text(article, span),
            value: parts.iter().map(|f| f.value).sum(),
            qualifier: first.qualifier,
            summed: parts.len() > 1,
            sentence,
        },
        date: figure_date(article, sentence, span),
    }
}

/// The date that applies to a figure: the resolved time expression of its
/// clause nearest to it (a dateline's "March 3" or a "said on Tuesday"
/// elsewhere in the sentence often dates the report, not what is counted),
/// else the first date its sentence states.
fn figure_date(article: &Article, sentence: Span, figure: Span) -> Option<FigureDate> {
    let clause = sentence
        .slice(&article.body)
        .and_then(|text| clause_span(text, sentence.start, figure));
    let distance = |t: Span| t.start.abs_diff(figure.end).min(t.end.abs_diff(figure.start));
    clause
        .and_then(|clause| {
            article
                .analysis
                .times
                .iter()
                .filter(|t| t.date.is_some() && t.span.start >= clause.start && t.span.end <= clause.end)
                .min_by_key(|t| (distance(t.span), t.span.start))
                .and_then(|t| {
                    Some(FigureDate {
                        day: t.date.clone()?,
                        night: t.part_of_day.as_deref() == Some("night"),
                    })
                })
        })
        .or_else(|| {
            stated_date(article, sentence).map(|d| FigureDate {
                day: d.0,
                night: false,
            })
        })
}

/// The values a figure allows.
fn interval(mention: &FigureMention) -> (f64, f64) {
    let v = mention.value;
    match mention.qualifier {
        Qualifier::Exact => (v, v),
        Qualifier::AtLeast => (v, f64::INFINITY),
        Qualifier::AtMost => (f64::NEG_INFINITY, v),
        Qualifier::Approximately => (
            v * (1.0 - APPROXIMATE_TOLERANCE),
            v * (1.0 + APPROXIMATE_TOLERANCE),
        ),
    }
}

fn build(items: &[Item], members: &[usize]) -> (FigureGroup, BTreeSet<String>) {
    let mentions: Vec<FigureMention> = members.iter().map(|&m| items[m].mention.clone()).collect();
    let intervals: Vec<(f64, f64)> = mentions.iter().map(interval).collect();
    let low = intervals.iter().map(|i| i.0).fold(f64::NEG_INFINITY, f64::max);
    let high = intervals.iter().map(|i| i.1).fold(f64::INFINITY, f64::min);
    let consistent = low <= high + 1e-9;
    // The value most figures allow: dissenters are the figures that exclude it.
    let best_point = intervals
        .iter()
        .flat_map(|i| [i.0, i.1])
        .filter(|p| p.is_finite())
        .map(|p| {
            (
                intervals
                    .iter()
                    .filter(|i| i.0 <= p + 1e-9 && p <= i.1 + 1e-9)
                    .count(),
                p,
            )
        })
        .fold(None, |best: Option<(usize, f64)>, (n, p)| match best {
            Some((b, q)) if b > n || (b == n && q <= p) => Some((b, q)),
            _ => Some((n, p)),
        });
    let dissenters: BTreeSet<String> = match (consistent, best_point) {
        (false, Some((_, p))) => mentions
            .iter()
            .zip(&intervals)
            .filter(|(_, i)| !(i.0 <= p + 1e-9 && p <= i.1 + 1e-9))
            .map(|(m, _)| m.article.clone())
            .collect(),
        _ => BTreeSet::new(),
    };
    let sources: BTreeSet<String> = mentions.iter().map(|m| m.article.clone()).collect();
    let group = FigureGroup {
        id: String::new(),
        counts: items[members[0]].counts.clone(),
        unit: items[members[0]].unit.clone(),
        agreement: if consistent {
            Agreement::Consistent
        } else {
            Agreement::Conflict
        },
        low: (consistent && low.is_finite()).then_some(low),
        high: (consistent && high.is_finite()).then_some(high),
        mentions,
        sources: sources.into_iter().collect(),
    };
    (group, dissenters)
}

/// The conflict of a group, citing every figure's sentence; `predicate` is
/// what happened to the counted thing, when known ("damaged").
fn conflict(group: &FigureGroup, predicate: Option<&str>, corpus: &Corpus) -> Conflict {
    let what = match predicate {
        Some(p) => format!("{} ({p})", group.counts),
        None => group.counts.clone(),
    };
    let values: Vec<String> = group
        .mentions
        .iter()
        .map(|m| format!("{} ({}: {})", m.text, m.article, qualifier_word(m)))
        .collect();
    Conflict {
        kind: ConflictKind::Figure,
        facts: vec![group.id.clone()],
        description: format!("figures for {what} disagree: {}", values.join(" vs ")),
        evidence: group
            .mentions
            .iter()
            .filter_map(|m| {
                corpus
                    .articles
                    .iter()
                    .find(|a| a.id == m.article)
                    .map(|a| evidence(a, m.sentence))
            })
            .collect(),
    }
}

fn qualifier_word(mention: &FigureMention) -> &'static str {
    match mention.qualifier {
        Qualifier::Exact if mention.summed => "exact, summed",
        Qualifier::Exact => "exact",
        Qualifier::AtLeast => "at least",
        Qualifier::AtMost => "at most",
        Qualifier::Approximately => "approximately",
    }
}

/// The coverage cell of an article for a figure group.
pub fn figure_cell(group: &FigureGroup, dissenters: &BTreeSet<String>, article: &str) -> Cell {
    if dissenters.contains(article) {
        Cell::Conflicting
    } else if group.sources.iter().any(|s| s == article) {
        Cell::Reported
    } else {
        Cell::Omitted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: &str, night: bool) -> FigureDate {
        FigureDate {
            day: day.to_owned(),
            night,
        }
    }

    #[test]
    fn a_night_meets_the_day_after_it_but_not_the_next_night() {
        let night = date("2024-03-02", true);
        assert!(night.agrees_with(&date("2024-03-03", false)));
        assert!(date("2024-03-03", false).agrees_with(&night));
        assert!(!night.agrees_with(&date("2024-03-03", true)));
        assert!(!night.agrees_with(&date("2024-03-01", false)));
        assert!(!date("2024-03-02", false).agrees_with(&date("2024-03-03", false)));
        assert!(date("2024-03", false).agrees_with(&date("2024-03-03", false)));
    }
}
