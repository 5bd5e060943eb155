//! Events merged across articles. Two coded events are one when they share
//! the CAMEO root, neither actor contradicts the other (two people must be
//! the same person; other actors match by CAMEO country, so "Russia",
//! "Moscow" and "the Kremlin" agree; a missing actor is no contradiction),
//! the places do not differ, the event is not negated in one and not in
//! the other, and the dates the sentences state agree (a
//! date that is only the publication date counts as unknown, but undated
//! mentions in articles published more than two weeks apart stay apart;
//! when nothing dates both mentions, the sentences must be more similar).
//! The evidence sentences must also be similar — a little when both actors
//! match, more when one does, a lot when none does — so that two unrelated
//! meetings of the same two leaders stay apart. Within one article only
//! near-repeat sentences merge. Two stated full days
//! one day apart still merge when both actors match (outlets in different
//! time zones write "last night" and "early on Wednesday"), and the event
//! records a date conflict. An event coded from reported speech with no
//! date or place of its own takes those of its statement ("Putin also said
//! …" after "Speaking in Vladivostok on Sept. 5"). Greedy complete-link in
//! canonical order.

use std::collections::{BTreeMap, BTreeSet};

use parallax_core::{Article, DatePrecision, Event, EventActor, Modality};

use crate::corpus::{
    dates_compatible, days_apart, evidence, month_day, more_precise, span_text, Corpus, Occasion,
};
use crate::report::{Conflict, ConflictKind, EventMention, StoryActor, StoryEvent};
use crate::similarity::{rounded, Compared};

/// Least evidence-sentence similarity when one actor matches (the other unknown).
const SENTENCE_MATCH: f32 = 0.35;

/// Least evidence-sentence similarity when both actors match (countries
/// such as Russia and Ukraine act on each other in most sentences of a story).
const BOTH_ACTORS_MATCH: f32 = 0.3;

/// Least evidence-sentence similarity when nothing dates the two mentions
/// (no stated day on one side and no publication dates to compare).
const UNDATED_MATCH: f32 = 0.5;

/// Sentence similarity that merges without matching actors, and that two
/// sentences of one article need to be one event.
const SAME_ARTICLE_MATCH: f32 = 0.6;

/// Undated mentions in articles published further apart than this are
/// kept apart: a later article reporting an old event usually dates it.
const MAX_PUBLICATION_GAP_DAYS: i64 = 14;

struct Item<'a> {
    article: &'a Article,
    event: &'a Event,
    /// The date the sentence states (not the publication fallback).
    stated: Option<(String, DatePrecision)>,
    /// Month and day the sentence states, even when the year is unknown.
    month_day: Option<(u32, u32)>,
    /// Keys of the places it happened at: its own, else those of the
    /// statement it was reported in.
    places: BTreeSet<String>,
}

/// How two optional actors relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ActorMatch {
    Same,
    Unknown,
    Different,
}

/// Merged events and the date conflicts found while merging.
pub struct MergedEvents {
    /// Sorted by number of sources (descending), then first mention.
    pub events: Vec<StoryEvent>,
    /// Events whose mentions state different days.
    pub conflicts: Vec<Conflict>,
}

/// Merges the coded events of `corpus`.
/// Events coded from reported speech without a date or place of their own
/// take the occasion of their quote (`occasions`, from the statements).
pub fn merge_events(corpus: &Corpus, occasions: &BTreeMap<(String, usize), Occasion>) -> MergedEvents {
    let mut items = Vec::new();
    for article in &corpus.articles {
        let mut events: Vec<&Event> = article.analysis.events.iter().collect();
        events.sort_by_key(|e| (e.span.start, e.trigger.start, e.cameo.code.clone()));
        for event in events {
            let occasion = event.quote.and_then(|q| occasions.get(&(article.id.clone(), q)));
            let mut stated = event
                .date
                .as_ref()
                .filter(|d| !d.from_publication)
                .and_then(|d| Some((d.date.clone()?, d.precision?)));
            let mut month_day = event
                .date
                .as_ref()
                .and_then(|d| d.time)
                .and_then(|t| article.analysis.times.get(t))
                .and_then(month_day);
            if stated.is_none() && month_day.is_none() {
                stated = occasion.and_then(|o| o.date.clone());
                month_day = occasion.and_then(|o| o.month_day);
            }
            let places = match event.place.as_ref().and_then(|p| p.key.clone()) {
                Some(key) => BTreeSet::from([key]),
                None => occasion.map(|o| o.places.clone()).unwrap_or_default(),
            };
            items.push(Item {
                article,
                event,
                stated,
                month_day,
                places,
            });
        }
    }
    let sentences: Vec<String> = items.iter().map(|i| span_text(i.article, i.event.span)).collect();
    let compared = Compared::new(&sentences);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for i in 0..items.len() {
        let joined = clusters.iter_mut().find(|members| {
            members
                .iter()
                .all(|&m| mergeable(&items[i], &items[m], || compared.similarity(i, m)))
        });
        match joined {
            Some(members) => members.push(i),
            None => clusters.push(vec![i]),
        }
    }
    let mut built: Vec<(usize, StoryEvent, Option<Conflict>)> = clusters
        .iter()
        .map(|members| build(&items, members, &compared))
        .collect();
    built.sort_by(|a, b| b.1.sources.len().cmp(&a.1.sources.len()).then(a.0.cmp(&b.0)));
    let mut events = Vec::new();
    let mut conflicts = Vec::new();
    for (n, (_, mut event, conflict)) in built.into_iter().enumerate() {
        event.id = format!("e{}", n + 1);
        if let Some(mut conflict) = conflict {
            conflict.facts = vec![event.id.clone()];
            conflicts.push(conflict);
        }
        events.push(event);
    }
    MergedEvents { events, conflicts }
}

/// Two people must be the same person; otherwise actors of one country
/// match ("Russia", "Moscow" standing for the Russian government, and the
/// Kremlin are all Russia acting), as CAMEO codes them.
fn actor_match(a: &Option<EventActor>, b: &Option<EventActor>) -> ActorMatch {
    let (Some(a), Some(b)) = (a, b) else {
        return ActorMatch::Unknown;
    };
    let is_person = |x: &EventActor| x.key.as_deref().is_some_and(|k| k.starts_with("person:"));
    let same = match (&a.key, &b.key) {
        (Some(x), Some(y)) if x == y => true,
        _ if is_person(a) && is_person(b) => false,
        _ => match (&a.country, &b.country) {
            (Some(x), Some(y)) => x == y,
            _ => !a.code.is_empty() && a.code == b.code,
        },
    };
    if same {
        ActorMatch::Same
    } else {
        ActorMatch::Different
    }
}

/// `similarity` is computed only when the cheap tests pass.
fn mergeable(a: &Item, b: &Item, similarity: impl Fn() -> f32) -> bool {
    if a.event.cameo.root != b.event.cameo.root
        || (a.event.modality == Modality::Negated) != (b.event.modality == Modality::Negated)
    {
        return false;
    }
    let source = actor_match(&a.event.source, &b.event.source);
    let target = actor_match(&a.event.target, &b.event.target);
    if source == ActorMatch::Different || target == ActorMatch::Different {
        return false;
    }
    if !a.places.is_empty() && !b.places.is_empty() && a.places.is_disjoint(&b.places) {
        return false;
    }
    let both_actors = source == ActorMatch::Same && target == ActorMatch::Same;
    // Whether the dates agree, and whether anything dates both mentions.
    let (dates_agree, dated) = match (&a.stated, &b.stated) {
        (Some(x), Some(y)) => (
            dates_compatible(&x.0, &y.0) || (both_actors && days_apart(&x.0, &y.0).is_some_and(|d| d <= 1)),
            true,
        ),
        _ => match (a.month_day, b.month_day) {
            (Some(x), Some(y)) => (x == y, true),
            _ => match publication_days_apart(a, b) {
                Some(days) => (days <= MAX_PUBLICATION_GAP_DAYS, true),
                None => (true, false),
            },
        },
    };
    if !dates_agree {
        return false;
    }
    if a.article.id == b.article.id {
        // One article mentions an event twice only in a near-repeat sentence;
        // the same sentence coded twice with one root is one mention.
        return a.event.span == b.event.span || similarity() >= SAME_ARTICLE_MATCH;
    }
    let one_actor = source == ActorMatch::Same || target == ActorMatch::Same;
    let sentence_similarity = similarity();
    if !dated {
        // Nothing places the two mentions in time: the sentences alone must
        // say it is the same event.
        return (one_actor && sentence_similarity >= UNDATED_MATCH)
            || sentence_similarity >= SAME_ARTICLE_MATCH;
    }
    (both_actors && sentence_similarity >= BOTH_ACTORS_MATCH)
        || (one_actor && sentence_similarity >= SENTENCE_MATCH)
        || sentence_similarity >= SAME_ARTICLE_MATCH
}

/// Days between the publication dates two undated mentions fall back on.
fn publication_days_apart(a: &Item, b: &Item) -> Option<i64> {
    let fallback = |i: &Item| {
        i.event
            .date
            .as_ref()
            .filter(|d| d.from_publication)
            .and_then(|d| d.date.clone())
    };
    days_apart(&fallback(a)?, &fallback(b)?)
}

/// The modality most mentions give; the first mention's on a tie.
fn majority_modality<'a>(events: impl Iterator<Item = &'a Event>) -> Modality {
    let all: Vec<Modality> = events.map(|e| e.modality).collect();
    let count = |m: Modality| all.iter().filter(|&&x| x == m).count();
    all.iter()
        .copied()
        .fold(None, |best: Option<Modality>, m| match best {
            Some(b) if count(b) >= count(m) => Some(b),
            _ => Some(m),
        })
        .unwrap_or(Modality::Asserted)
}

fn story_actor(actor: &EventActor) -> StoryActor {
    StoryActor {
        key: actor.key.clone(),
        name: actor.name.clone().unwrap_or_else(|| actor.text.clone()),
        code: actor.code.clone(),
    }
}

/// The first actor of the mentions, preferring one with an entity key.
fn first_actor<'a>(actors: impl Iterator<Item = &'a Option<EventActor>> + Clone) -> Option<StoryActor> {
    let mut all = actors.flatten();
    let keyed = all.clone().find(|a| a.key.is_some());
    keyed.or_else(|| all.next()).map(story_actor)
}

fn build(items: &[Item], members: &[usize], compared: &Compared) -> (usize, StoryEvent, Option<Conflict>) {
    let events = || members.iter().map(|&m| items[m].event);
    let most_specific = events()
        .max_by(|a, b| a.cameo.code.len().cmp(&b.cameo.code.len()))
        .unwrap_or(items[members[0]].event);
    let stated: Vec<&(String, DatePrecision)> =
        members.iter().filter_map(|&m| items[m].stated.as_ref()).collect();
    let date = stated.iter().map(|d| (*d).clone()).reduce(more_precise);
    let conflicting_days: BTreeSet<&str> = stated
        .iter()
        .filter(|d| d.1 == DatePrecision::Day)
        .map(|d| d.0.as_str())
        .collect();
    let conflict = (conflicting_days.len() > 1).then(|| Conflict {
        kind: ConflictKind::Date,
        facts: Vec::new(),
        description: format!(
            "the same event is dated {}",
            conflicting_days.iter().copied().collect::<Vec<_>>().join(" and ")
        ),
        evidence: members
            .iter()
            .filter(|&&m| {
                items[m]
                    .stated
                    .as_ref()
                    .is_some_and(|d| d.1 == DatePrecision::Day)
            })
            .map(|&m| evidence(items[m].article, items[m].event.span))
            .collect(),
    });
    let publication = members
        .iter()
        .filter_map(|&m| {
            let d = items[m].event.date.as_ref().filter(|d| d.from_publication)?;
            Some((d.date.clone()?, d.precision?))
        })
        .min();
    let (date, precision, from_publication) = match (date, publication) {
        (Some(d), _) => (Some(d.0), Some(d.1), false),
        (None, Some(p)) => (Some(p.0), Some(p.1), true),
        (None, None) => (None, None, false),
    };
    let mentions: Vec<EventMention> = members
        .iter()
        .map(|&m| EventMention {
            article: items[m].article.id.clone(),
            span: items[m].event.span,
            trigger: items[m].event.trigger,
            text: span_text(items[m].article, items[m].event.span),
            date: items[m].stated.as_ref().map(|d| d.0.clone()),
            similarity: rounded(compared.similarity(members[0], m)),
        })
        .collect();
    let sources: BTreeSet<String> = mentions.iter().map(|m| m.article.clone()).collect();
    let event = StoryEvent {
        id: String::new(),
        cameo: most_specific.cameo.code.clone(),
        cameo_root: most_specific.cameo.root.clone(),
        plover: most_specific.plover.event_type.clone(),
        source: first_actor(events().map(|e| &e.source)),
        target: first_actor(events().map(|e| &e.target)),
        place: events().find_map(|e| e.place.as_ref().map(|p| p.name.clone())),
        modality: majority_modality(events()),
        date,
        precision,
        date_from_publication: from_publication,
        mentions,
        sources: sources.into_iter().collect(),
    };
    (members[0], event, conflict)
}
