//! Turning what the coder found for one trigger into events: pairing its
//! sources and targets, the rule that an event needs a doer, and the
//! event's modality, reported flag, date, place, figures and confidence.

use parallax_core::{Article, Event, EventActor, Modality, Span};

use super::SentenceWords;
use crate::actors::ActorSlot;
use crate::clause::is_reporting;
use crate::{codes, setting};

/// What the coder found for one trigger, before actors are paired.
pub struct Draft {
    /// Words of the trigger.
    pub trigger: (usize, usize),
    /// Words of its clause.
    pub clause: (usize, usize),
    /// Its modality.
    pub modality: Modality,
    /// A specific pattern (not a default code) matched.
    pub specific: bool,
    /// The event is only coded with a known target: a verb's default code
    /// says too little on its own ("Trump leads", "they think").
    pub needs_target: bool,
    /// The sentence reports violence without naming a doer: the verb is
    /// passive ("civilians were killed") or its subject is a weapon or an
    /// attack ("artillery and drone strikes killed").
    pub doerless_report: bool,
}

/// One side of an event: nobody named, an actor without a code, or a coded actor.
#[derive(Clone, Copy)]
pub enum Side<'a> {
    /// The sentence names no one there.
    Absent,
    /// Someone the knowledge base cannot code stands there.
    Unknown,
    /// A coded actor.
    Known(&'a EventActor, bool),
}

impl<'a> Side<'a> {
    /// The side held by slot `index`, if any.
    pub fn of(slots: &'a [ActorSlot], index: Option<usize>) -> Side<'a> {
        match index.and_then(|i| slots.get(i)) {
            None => Side::Absent,
            Some(slot) => match &slot.actor {
                Some(actor) => Side::Known(actor, slot.named),
                None => Side::Unknown,
            },
        }
    }

    fn actor(&self) -> Option<&'a EventActor> {
        match self {
            Side::Known(actor, _) => Some(actor),
            _ => None,
        }
    }
}

/// Roots of events reported without a doer: who was attacked, arrested or
/// killed is news even when the sentence does not say by whom.
fn needs_no_source(root: &str) -> bool {
    matches!(root, "17" | "18" | "19" | "20")
}

/// Codes that are whole events without a target even as a verb's default
/// code: demands (10: "demanded an inquiry"), protests (14), shows of force
/// (15) and administrative restrictions (172: "Obama banned waterboarding").
fn needs_no_target(code: &str) -> bool {
    ["10", "14", "15", "172"].iter().any(|p| code.starts_with(p))
}

/// Weapons and attacks that may stand as the subject of a doerless report.
const WEAPONS: &[&str] = &[
    "STRIKE",
    "STRIKES",
    "AIRSTRIKE",
    "AIRSTRIKES",
    "ARTILLERY",
    "SHELLING",
    "SHELLS",
    "SHELL",
    "MISSILE",
    "MISSILES",
    "ROCKET",
    "ROCKETS",
    "DRONE",
    "DRONES",
    "BOMB",
    "BOMBS",
    "BOMBING",
    "BOMBINGS",
    "ATTACK",
    "ATTACKS",
    "RAID",
    "RAIDS",
    "GUNMEN",
    "GUNMAN",
    "EXPLOSION",
    "EXPLOSIONS",
    "BLAST",
    "BLASTS",
    "FIRE",
    "GUNFIRE",
    "MORTAR",
    "MORTARS",
    "GRENADE",
    "MINE",
    "MINES",
    "SNIPER",
    "SNIPERS",
    "ASSAILANTS",
    "ATTACKERS",
];

/// True when a weapon or attack word stands in `words` (the subject before a verb).
pub fn names_weapon(words: &[String]) -> bool {
    words.iter().any(|w| WEAPONS.contains(&w.as_str()))
}

/// Every (source, target) pair of the coded sources and targets as events.
/// `speaker` acts when the trigger has no subject at all (a quote's speaker).
#[allow(clippy::too_many_arguments)]
pub fn push_pairs(
    events: &mut Vec<Event>,
    article: &Article,
    s: &SentenceWords,
    slots: &[ActorSlot],
    draft: &Draft,
    code: &str,
    sources: &[usize],
    targets: &[usize],
    speaker: Option<&EventActor>,
) {
    let one = |list: &[usize]| -> Vec<Option<usize>> {
        if list.is_empty() {
            vec![None]
        } else {
            list.iter().map(|&i| Some(i)).collect()
        }
    };
    for source in one(sources) {
        for target in one(targets) {
            let source = match (Side::of(slots, source), speaker) {
                (Side::Absent, Some(speaker)) => Side::Known(speaker, true),
                (side, _) => side,
            };
            let target = Side::of(slots, target);
            if let Some(event) = build(article, s, draft, code, source, target, slots) {
                events.push(event);
            }
        }
    }
}

/// True when two sides are one actor ("X made concessions to X"): the same
/// mention or the same entity, or, without entity keys to tell them apart,
/// the same code. Two people with one code (two American politicians, both
/// `USAGOV`) are two actors, as in GDELT's same-country dyads.
fn is_same_actor(a: &EventActor, b: &EventActor) -> bool {
    a.span == b.span
        || match (&a.key, &b.key) {
            (Some(x), Some(y)) => x == y,
            _ => a.code == b.code,
        }
}

/// One event, or none when the sentence does not support one: a public
/// statement (CAMEO 01, the quotes layer's), an actor acting on itself, no known doer (except for
/// violence and coercion against a known target), or a verb's default code
/// without a known target.
pub fn build(
    article: &Article,
    s: &SentenceWords,
    draft: &Draft,
    code: &str,
    source: Side,
    target: Side,
    slots: &[ActorSlot],
) -> Option<Event> {
    if code.starts_with("01") {
        return None;
    }
    let cameo = codes::cameo(code)?;
    if let (Some(a), Some(b)) = (source.actor(), target.actor()) {
        if is_same_actor(a, b) {
            return None;
        }
    }
    let known_target = target.actor().is_some();
    // Only a sentence that names no doer at all ("strikes killed nine civilians") may
    // leave it out; a named doer the knowledge base cannot code ("Senate Majority
    // Leader Mitch McConnell is criticizing …") is a doer, with less confidence.
    let doerless = matches!(source, Side::Absent)
        && draft.doerless_report
        && needs_no_source(&cameo.root)
        && known_target;
    let named_doer = !matches!(source, Side::Absent);
    let has_target = !matches!(target, Side::Absent);
    let needs_target = draft.needs_target && !needs_no_target(&cameo.code);
    if (!named_doer && !doerless) || (needs_target && !has_target) {
        return None;
    }
    let confidence = confidence_of(draft, &source, &target);
    let plover = codes::plover(code)?;
    let trigger = s.span_of(draft.trigger.0, draft.trigger.1);
    let quote = article.analysis.quotes.iter().position(|q| {
        q.span.start <= trigger.start && trigger.end <= q.span.end
            || q.parts
                .iter()
                .any(|p| p.start <= trigger.start && trigger.end <= p.end)
    });
    let speech = s
        .words
        .iter()
        .enumerate()
        .any(|(k, w)| is_reporting(w) && (k < draft.trigger.0 || k >= draft.trigger.1));
    let date = setting::event_date(article, s.span, trigger);
    let mut modality = draft.modality;
    if modality == Modality::Asserted && is_after_publication(article, date.as_ref()) {
        modality = Modality::Future;
    }
    let actor_spans: Vec<Span> = slots
        .iter()
        .filter_map(|a| a.actor.as_ref().map(|a| a.span))
        .collect();
    let place = setting::event_place(article, s.span, trigger, &actor_spans);
    let clause = s.span_of(draft.clause.0, draft.clause.1);
    let figures = article
        .analysis
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.span.start >= clause.start && f.span.end <= clause.end)
        .map(|(i, _)| i)
        .collect();
    Some(Event {
        span: s.span,
        trigger,
        source: source.actor().cloned(),
        target: target.actor().cloned(),
        cameo,
        plover,
        modality,
        reported: quote.is_some() || speech,
        date,
        place,
        figures,
        quote,
        confidence,
    })
}

/// An event's confidence: 0.35, what each side adds, 0.1 for a specific
/// pattern and 0.1 when a coded side is named (not a pronoun or bare role);
/// at most 0.95. A ranking heuristic, not a calibrated probability.
fn confidence_of(draft: &Draft, source: &Side, target: &Side) -> f32 {
    let named = |side: &Side| matches!(side, Side::Known(_, true));
    let confidence = 0.35
        + side_weight(source)
        + side_weight(target)
        + 0.1 * f32::from(u8::from(draft.specific))
        + 0.1 * f32::from(u8::from(named(source) || named(target)));
    confidence.min(0.95)
}

/// What one side adds to an event's confidence: a coded actor 0.2, a named
/// actor without a code 0.1 (who acted is known, their CAMEO code is not),
/// nobody named 0.
fn side_weight(side: &Side) -> f32 {
    match side {
        Side::Known(..) => 0.2,
        Side::Unknown => 0.1,
        Side::Absent => 0.0,
    }
}

/// True when the event's own date is after the publication date (both to the day).
fn is_after_publication(article: &Article, date: Option<&parallax_core::EventDate>) -> bool {
    let (Some(published), Some(date)) = (article.published.date.as_deref(), date) else {
        return false;
    };
    !date.from_publication
        && date
            .date
            .as_deref()
            .is_some_and(|d| d.len() == 10 && published.len() == 10 && d > published)
}
