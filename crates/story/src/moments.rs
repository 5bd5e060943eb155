//! Moments: the sentences a timeline is made of. A sentence is a moment
//! when it dates something itself (a time expression of the reporter's, not
//! one inside a speaker's quotation or a relative clause), quotes a speaker
//! (a statement, dated by its occasion), or reports an event the coder found
//! and the text asserts. Each moment knows its date (and whether the date
//! rests on an inferred publication date), its principal actor (the speaker,
//! else the event's actor), where it happened, and the facts (merged events
//! and statements) it reports — which is how moments of different articles
//! meet.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_core::{
    Article, DatePrecision, DateProvenance, EntityType, Event, Modality, Quote, QuoteKind, Span,
    TimeExpression, TimeRelation,
};

use crate::clause::in_relative_clause;
use crate::corpus::{span_text, Corpus, Occasion};
use crate::report::{FigureGroup, Statement, StoryEvent};
use crate::statements::{speaker_of, OPENING_BYTES};

/// When a moment happened, as its sentence (or its quote's occasion) says.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// Its precision.
    pub precision: DatePrecision,
    /// Last day, when the expression is a range ("last week").
    pub end: Option<String>,
    /// Confidence of the inferred publication date the date was resolved
    /// against; `None` when the text states it.
    pub inferred: Option<f32>,
    /// True when the expression names a night ("last night", "overnight"),
    /// which outlets date by either of the two days it spans.
    pub night: bool,
}

/// A time expression the sentence states but that cannot be resolved: its
/// article has no publication date to count from.
#[derive(Debug, Clone, PartialEq)]
pub struct Unresolved {
    /// As written.
    pub text: String,
    /// How it relates to the (unknown) publication date.
    pub relation: TimeRelation,
}

/// One sentence of one article that can stand on a timeline.
#[derive(Debug, Clone)]
pub struct Moment<'a> {
    /// The article.
    pub article: &'a Article,
    /// The sentence.
    pub sentence: Span,
    /// Its position among the article's sentences.
    pub position: usize,
    /// Its text.
    pub text: String,
    /// Its own date (time expression, else its quote's occasion).
    pub date: Option<MomentDate>,
    /// Its own time expression when it could not be resolved.
    pub unresolved: Option<Unresolved>,
    /// True when its own time expression or modality points after the
    /// article's publication: a plan or an announcement, not a happening yet.
    pub future: bool,
    /// Who it is about as an occasion: the speaker of its quote, else the
    /// person acting in its first event; none when its date belongs to what
    /// a speaker reports rather than to the saying ("Zelenskyy said
    /// Monday's talks …" dates the talks, not Zelenskyy's words).
    pub principal: Option<String>,
    /// Keys of the places it happened at.
    pub places: BTreeSet<String>,
    /// Keys of the places the sentence says it happened in ("in Beijing",
    /// "at … in Vladivostok"): places after "in" or "at", outside quotations.
    pub venues: BTreeSet<String>,
    /// Ids of the merged events, statements and figure groups it reports,
    /// sorted.
    pub facts: Vec<String>,
    /// Its events that the text asserts and that are not merely what a
    /// quoted speaker claims another actor did, each with its merged event's id.
    pub events: Vec<(&'a Event, Option<String>)>,
    /// Its quotes that are statement wordings, each with its statement's id.
    pub quotes: Vec<(&'a Quote, Option<String>)>,
}

/// Everything the moments are read from.
pub struct MomentSources<'a, 'b> {
    /// The story's articles.
    pub corpus: &'b Corpus<'a>,
    /// Merged events.
    pub events: &'b [StoryEvent],
    /// Statements.
    pub statements: &'b [Statement],
    /// Figure groups (a figure two articles give for one thing, one day).
    pub figures: &'b [FigureGroup],
    /// Each quote's occasion, by (article id, quote index).
    pub occasions: &'b BTreeMap<(String, usize), Occasion>,
}

/// The moments of the story, in canonical order (article id, sentence).
pub fn collect_moments<'a>(sources: &MomentSources<'a, '_>) -> Vec<Moment<'a>> {
    let mut event_ids: HashMap<(&str, Span, Span), &str> = HashMap::new();
    for event in sources.events {
        for m in &event.mentions {
            event_ids.insert((m.article.as_str(), m.span, m.trigger), event.id.as_str());
        }
    }
    let mut statement_ids: HashMap<(&str, Span), &str> = HashMap::new();
    for statement in sources.statements {
        for q in &statement.quotes {
            statement_ids.insert((q.article.as_str(), q.span), statement.id.as_str());
        }
    }
    let mut figure_ids: HashMap<(&str, Span), Vec<&str>> = HashMap::new();
    for group in sources.figures {
        for m in &group.mentions {
            figure_ids
                .entry((m.article.as_str(), m.sentence))
                .or_default()
                .push(group.id.as_str());
        }
    }
    let mut moments = Vec::new();
    for article in &sources.corpus.articles {
        for (position, sentence) in article.analysis.sentences.iter().enumerate() {
            let span = sentence.span;
            let within = |s: Span| s.start >= span.start && s.start < span.end.max(span.start + 1);
            let quotes: Vec<(usize, &Quote)> = article
                .analysis
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| within(q.span) && statement_ids.contains_key(&(article.id.as_str(), q.span)))
                .collect();
            let all_events: Vec<&Event> = article
                .analysis
                .events
                .iter()
                .filter(|e| e.span == span)
                .collect();
            let events: Vec<&Event> = all_events
                .iter()
                .copied()
                .filter(|e| e.modality == Modality::Asserted && !claimed_by_another(article, e))
                .collect();
            let time = own_time(article, span);
            // A sentence whose only events are planned ("is set to head to
            // Paris, where he will hold talks") is kept as a plan: it may
            // join the happening it announced, and is dropped otherwise.
            let plans = all_events.iter().any(|e| e.modality == Modality::Future);
            if time.is_none() && quotes.is_empty() && events.is_empty() && !plans {
                continue;
            }
            let events: Vec<(&Event, Option<String>)> = events
                .into_iter()
                .map(|e| {
                    let id = event_ids.get(&(article.id.as_str(), e.span, e.trigger));
                    (e, id.map(|id| id.to_string()))
                })
                .collect();
            let quote_facts: Vec<(&Quote, Option<String>)> = quotes
                .iter()
                .map(|(_, q)| {
                    (
                        *q,
                        statement_ids
                            .get(&(article.id.as_str(), q.span))
                            .map(|id| id.to_string()),
                    )
                })
                .collect();
            let figures = figure_ids.get(&(article.id.as_str(), span)).into_iter().flatten();
            let mut facts: Vec<String> = events
                .iter()
                .filter_map(|(_, id)| id.clone())
                .chain(quote_facts.iter().filter_map(|(_, id)| id.clone()))
                .chain(figures.map(|id| id.to_string()))
                .collect();
            facts.sort_by_key(|f| fact_order(f));
            facts.dedup();
            let occasions: Vec<&Occasion> = quotes
                .iter()
                .filter_map(|(i, _)| sources.occasions.get(&(article.id.clone(), *i)))
                .collect();
            let mut date = time.and_then(|t| moment_date(article, t));
            let unresolved = time.filter(|t| t.date.is_none()).map(|t| Unresolved {
                text: t.text.clone(),
                relation: t.relation.clone(),
            });
            let mut future = time.is_some_and(|t| points_ahead(article, t));
            if time.is_none() {
                date = occasions.iter().find_map(|o| occasion_date(article, o));
                future = announces_plan(&all_events, &span_text(article, span));
            }
            if future {
                date = None;
            }
            let reported_content = time.is_some_and(|t| inside_reported_content(article, t));
            // A person first (the quote's speaker, else the person acting in
            // the reporter's own words), then a named non-person source
            // ("Kyiv's air force").
            let person = |key: &String| key.starts_with("person:");
            let principal = quotes
                .iter()
                .find_map(|(_, q)| q.speaker.as_ref().map(|s| s.key.clone()))
                .or_else(|| {
                    events
                        .iter()
                        .filter(|(e, _)| e.quote.is_none())
                        .find_map(|(e, _)| e.source.as_ref()?.key.clone().filter(person))
                })
                .or_else(|| quotes.iter().find_map(|(_, q)| speaker_key(q)))
                .filter(|_| !reported_content);
            let places = occasions
                .iter()
                .flat_map(|o| o.places.iter().cloned())
                .chain(events.iter().filter_map(|(e, _)| e.place.as_ref()?.key.clone()))
                .collect();
            moments.push(Moment {
                article,
                sentence: span,
                position,
                text: span_text(article, span),
                date,
                unresolved,
                future,
                principal,
                places,
                venues: venues(article, span),
                facts,
                events,
                quotes: quote_facts,
            });
        }
    }
    moments
}

/// The key a quote's statement is grouped under: the speaker's, else the
/// named non-person source's.
fn speaker_key(quote: &Quote) -> Option<String> {
    speaker_of(quote).map(|s| s.key)
}

/// True when the time expression lies inside what a speaker reports (an
/// indirect quote's content, past its opening).
fn inside_reported_content(article: &Article, time: &TimeExpression) -> bool {
    article.analysis.quotes.iter().any(|q| {
        q.kind == QuoteKind::Indirect
            && q.span.start + OPENING_BYTES < time.span.start
            && time.span.end <= q.span.end
    })
}

/// Places named after "in" or "at" in the reporter's words of the sentence
/// (not in what a speaker is quoted or reported as saying).
fn venues(article: &Article, sentence: Span) -> BTreeSet<String> {
    let quoted = |s: Span| {
        article
            .analysis
            .quotes
            .iter()
            .any(|q| q.span.start <= s.start && s.end <= q.span.end)
    };
    article
        .analysis
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Place && e.metonym_of.is_none())
        .filter(|e| e.span.start >= sentence.start && e.span.end <= sentence.end && !quoted(e.span))
        .filter(|e| {
            let before = article
                .body
                .get(sentence.start..e.span.start)
                .unwrap_or("")
                .trim_end();
            let word = before.rsplit(' ').next().unwrap_or("").to_lowercase();
            word == "in" || word == "at"
        })
        .map(|e| e.key.clone())
        .collect()
}

/// "e12" → ('e', 12), so e2 sorts before e10.
pub fn fact_order(fact: &str) -> (char, usize) {
    let mut chars = fact.chars();
    let kind = chars.next().unwrap_or(' ');
    (kind, chars.as_str().parse().unwrap_or(usize::MAX))
}

/// True for an event coded inside a direct or partial quotation whose
/// actor is not the speaker ("Putin will commit demonstrative killings,"
/// Zelensky said): what one side says the other did or will do is the
/// speaker's statement, not a happening of its own.
fn claimed_by_another(article: &Article, event: &Event) -> bool {
    let Some(quote) = event.quote.and_then(|q| article.analysis.quotes.get(q)) else {
        return false;
    };
    let inside = quote.span.start <= event.trigger.start && event.trigger.end <= quote.span.end;
    let speaker = quote.speaker.as_ref().map(|s| s.key.as_str());
    let actor = event.source.as_ref().and_then(|s| s.key.as_deref());
    quote.kind != QuoteKind::Indirect && inside && (speaker.is_none() || speaker != actor)
}

/// The sentence's own time expression: the first one outside direct and
/// partial quotations (a speaker's "on Monday" dates what they speak of)
/// and outside relative clauses (", which was also targeted on Sunday"
/// dates the antecedent's other happening).
fn own_time(article: &Article, sentence: Span) -> Option<&TimeExpression> {
    let text = article.body.get(sentence.start..sentence.end).unwrap_or("");
    let quoted = |s: Span| {
        article
            .analysis
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .any(|q| q.span.start <= s.start && s.end <= q.span.end)
    };
    article.analysis.times.iter().find(|t| {
        t.span.start >= sentence.start
            && t.span.end <= sentence.end
            && !quoted(t.span)
            && !in_relative_clause(text, t.span.start - sentence.start)
            && !in_plan(text, t.span.start - sentence.start)
    })
}

/// Words that make a time expression a deadline or a plan rather than the
/// date of something that happened ("would stay until the round ends on
/// Thursday", "will meet on Monday").
const PLAN_WORDS: &[&str] = &[
    "until",
    "till",
    "will",
    "would",
    "'ll",
    "’ll",
    "scheduled",
    "due",
    "expected",
    "plans",
];

/// True when a plan word stands in the clause before byte `offset` of
/// `sentence` (since its last comma).
fn in_plan(sentence: &str, offset: usize) -> bool {
    let before = sentence.get(..offset).unwrap_or("");
    let clause = before
        .rsplit([',', ';', ':'])
        .next()
        .unwrap_or(before)
        .to_lowercase();
    clause
        .split_whitespace()
        .any(|w| PLAN_WORDS.contains(&w) || PLAN_WORDS.iter().any(|p| p.starts_with('\'') && w.ends_with(p)))
}

/// Confidence of the article's inferred publication date, when it has one.
fn inferred_confidence(article: &Article) -> Option<f32> {
    (article.published.provenance == Some(DateProvenance::Inferred))
        .then(|| article.published.confidence.unwrap_or(0.0))
}

fn moment_date(article: &Article, time: &TimeExpression) -> Option<MomentDate> {
    Some(MomentDate {
        date: time.date.clone()?,
        precision: time.precision?,
        end: time.end.clone(),
        inferred: (time.relation != TimeRelation::Absolute)
            .then(|| inferred_confidence(article))
            .flatten(),
        night: time.part_of_day.as_deref() == Some("night"),
    })
}

fn occasion_date(article: &Article, occasion: &Occasion) -> Option<MomentDate> {
    let (date, precision) = occasion.date.clone()?;
    Some(MomentDate {
        date,
        precision,
        end: None,
        inferred: (!occasion.absolute)
            .then(|| inferred_confidence(article))
            .flatten(),
        night: false,
    })
}

/// Phrases of a main clause that announce a plan.
const PLAN_PHRASES: &[&str] = &[
    " will ",
    "'ll ",
    "’ll ",
    " set to ",
    " scheduled to ",
    " due to ",
    " expected to ",
    " plans to ",
    " is to ",
    " are to ",
];

/// True when the sentence announces a plan ("is set to head to Paris,
/// where he will hold talks"): its first coded event is future, or its
/// first clause says so. What it reports has not happened yet.
fn announces_plan(events: &[&Event], sentence: &str) -> bool {
    let first_event_planned = events
        .iter()
        .min_by_key(|e| e.trigger.start)
        .is_some_and(|e| e.modality == Modality::Future);
    let first_clause = format!(
        " {} ",
        sentence
            .split([',', ';', ':'])
            .next()
            .unwrap_or("")
            .to_lowercase()
    );
    first_event_planned || PLAN_PHRASES.iter().any(|p| first_clause.contains(p))
}

/// True when the expression points after the article's publication: "next
/// Monday", "tomorrow", or a resolved day later than the publication day
/// (when the article states it: an inferred day may be a day early).
fn points_ahead(article: &Article, time: &TimeExpression) -> bool {
    let ahead = match &time.relation {
        TimeRelation::Weekday { direction, .. } => *direction > 0,
        TimeRelation::Offset { amount, .. } => *amount > 0,
        _ => false,
    };
    let stated = inferred_confidence(article).is_none();
    let later = match (&time.date, &article.published.date, time.precision) {
        (Some(date), Some(published), Some(DatePrecision::Day)) if stated && published.len() == 10 => {
            date.as_str() > published.as_str()
        }
        _ => false,
    };
    ahead || later
}
