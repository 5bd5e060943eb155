//! The briefing: a few sentences copied from the articles, chosen by how
//! many outlets report the same thing, with a small bonus for sentences
//! near the top of their article (where news puts what matters), kept
//! diverse (one sentence per happening, none too similar to one already
//! chosen), then told in date order (the date of the sentence's happening,
//! else the date the sentence states, else its article's publication date;
//! undated last). A sentence's support is the other articles reporting the
//! same happening on the timeline (each cited with its most similar sentence
//! of that happening): similar wording alone is not support, as the same
//! names fill every sentence of a story ("Zelensky invited Putin to Kyiv"
//! is not "Putin invited Zelensky to Moscow"). Each sentence cites every
//! article that supports it, with the supporting sentence as evidence.
//! Only sentences that stand alone in the reporters' words are candidates:
//! not a sentence mostly inside a quotation, nor one opening with a
//! quotation mark or a pronoun.

use std::collections::BTreeSet;

use parallax_core::{Article, QuoteKind, Span};

use crate::corpus::{evidence, stated_date, Corpus};
use crate::report::{BriefingSentence, Evidence};
use crate::similarity::Compared;
use crate::AssembleOptions;

/// Fewest and most words a briefing sentence may have.
const WORDS: std::ops::RangeInclusive<usize> = 6..=60;

/// Most sentences compared in all (bounds the quadratic comparison).
const MAX_SENTENCES: usize = 1500;

/// Weight of the lead bonus (a sentence at the top gets all of it).
const LEAD_BONUS: f32 = 0.5;

/// Pronouns that make a sentence depend on the one before it.
const DEPENDENT_OPENINGS: &[&str] = &[
    "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
];

/// False for a sentence a reader cannot follow out of context: one opening
/// with a quotation mark (a speaker's words, often one piece of a longer
/// quote: the statements section shows them with their attribution) or a
/// pronoun ("He dismissed …").
fn stands_alone(text: &str) -> bool {
    if text.starts_with(['"', '“', '”', '«', '\'', '‘']) {
        return false;
    }
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    !DEPENDENT_OPENINGS.contains(&first.trim_end_matches([',', '’', '\''].as_ref()))
}

/// True when more than half of the sentence lies inside a quote of the
/// article (the middle sentences of a long quotation).
fn mostly_quoted(article: &Article, sentence: Span) -> bool {
    let quoted: usize = article
        .analysis
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| {
            q.span
                .end
                .min(sentence.end)
                .saturating_sub(q.span.start.max(sentence.start))
        })
        .sum();
    quoted * 2 > sentence.len()
}

struct Candidate {
    article: usize,
    position: usize,
    evidence: Evidence,
    date: Option<String>,
    /// Index of the happening the sentence reports, when it reports one.
    happening: Option<usize>,
}

/// A happening of the timeline as the briefing sees it: its sentences and
/// its date (`None` for one dated only relative to an undated article).
pub struct Happening<'a> {
    /// Its evidence sentences.
    pub evidence: &'a [Evidence],
    /// Its date.
    pub date: Option<&'a str>,
}

/// The briefing of `corpus`: between `options.briefing_min` and
/// `options.briefing_max` sentences (fewer only when the articles have fewer
/// usable sentences), supported through the timeline's `happenings`.
pub fn build_briefing(
    corpus: &Corpus,
    options: &AssembleOptions,
    happenings: &[Happening],
) -> Vec<BriefingSentence> {
    let happening_of: std::collections::HashMap<(&str, Span), usize> = happenings
        .iter()
        .enumerate()
        .flat_map(|(h, happening)| {
            happening
                .evidence
                .iter()
                .map(move |e| ((e.article.as_str(), e.span), h))
        })
        .collect();
    let per_article = (MAX_SENTENCES / corpus.articles.len().max(1)).max(5);
    let mut candidates = Vec::new();
    for (a, article) in corpus.articles.iter().enumerate() {
        let usable = article
            .analysis
            .sentences
            .iter()
            .map(|s| evidence(article, s.span))
            .filter(|e| {
                let words = e.text.split_whitespace().count();
                WORDS.contains(&words) && stands_alone(&e.text) && !mostly_quoted(article, e.span)
            });
        for (position, evidence) in usable.take(per_article).enumerate() {
            let happening = happening_of.get(&(article.id.as_str(), evidence.span)).copied();
            let date = match happening {
                Some(h) => happenings[h].date.map(str::to_owned),
                None => stated_date(article, evidence.span)
                    .map(|d| d.0)
                    .or_else(|| article.published.date.clone()),
            };
            candidates.push(Candidate {
                article: a,
                position,
                evidence,
                date,
                happening,
            });
        }
    }
    // Candidates are pushed article by article: each article owns a range.
    let ranges: Vec<std::ops::Range<usize>> = (0..corpus.articles.len())
        .map(|a| {
            let start = candidates.partition_point(|c| c.article < a);
            let end = candidates.partition_point(|c| c.article <= a);
            start..end
        })
        .collect();
    let compared = Compared::new(
        &candidates
            .iter()
            .map(|c| c.evidence.text.as_str())
            .collect::<Vec<_>>(),
    );
    // For each candidate: (score, supporting candidates, one per other
    // article reporting its happening).
    let supported: Vec<(f32, Vec<usize>)> = (0..candidates.len())
        .map(|i| {
            let mut support = Vec::new();
            for (a, range) in ranges.iter().enumerate() {
                if a == candidates[i].article || candidates[i].happening.is_none() {
                    continue;
                }
                let best = range
                    .clone()
                    .filter(|&j| candidates[j].happening == candidates[i].happening)
                    .map(|j| (compared.similarity(i, j), j))
                    .fold(None, |best: Option<(f32, usize)>, x| match best {
                        Some(b) if b.0 >= x.0 => Some(b),
                        _ => Some(x),
                    });
                if let Some((_, j)) = best {
                    support.push(j);
                }
            }
            let lead = LEAD_BONUS / (1.0 + candidates[i].position as f32);
            (support.len() as f32 + lead, support)
        })
        .collect();
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| supported[b].0.total_cmp(&supported[a].0).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    for &i in &order {
        if chosen.len() >= options.briefing_max {
            break;
        }
        let cross_outlet = !supported[i].1.is_empty();
        if !cross_outlet && chosen.len() >= options.briefing_min {
            break;
        }
        let redundant = chosen.iter().any(|&c| {
            compared.similarity(i, c) >= options.briefing_support_threshold
                || (candidates[i].happening.is_some() && candidates[i].happening == candidates[c].happening)
        });
        if !redundant {
            chosen.push(i);
        }
    }
    chosen.sort_by(|&a, &b| match (&candidates[a].date, &candidates[b].date) {
        (Some(x), Some(y)) => x.cmp(y).then(a.cmp(&b)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.cmp(&b),
    });
    chosen
        .into_iter()
        .map(|i| {
            let mut cited: Vec<Evidence> = std::iter::once(i)
                .chain(supported[i].1.iter().copied())
                .map(|j| candidates[j].evidence.clone())
                .collect();
            cited.sort();
            let sources: BTreeSet<String> = cited.iter().map(|e| e.article.clone()).collect();
            BriefingSentence {
                text: candidates[i].evidence.text.clone(),
                sources: sources.into_iter().collect(),
                evidence: cited,
            }
        })
        .collect()
}
