//! Coding one analysed article: for each sentence, its actors from the
//! entity layer, its verbs and event nouns coded with the shipped
//! dictionaries, and each event completed with modality, whether it is
//! reported speech, date, place, figures and a confidence.

use once_cell::sync::Lazy;
use parallax_analyze::gazetteer::PlaceName;
use parallax_analyze::tokens::{tokenize, tokens_in};
use parallax_core::{Article, Event, EventActor, Modality, Span};

use crate::actors::{agent_at, code_of_key, event_actor, is_actor_mention, ActorSlot};
use crate::clause::{is_boundary, is_reporting, verb_groups};
use crate::coder::code_sentence;
use crate::dictionary::verbs::VerbDictionary;
use crate::words::upper;
use crate::{codes, modality, nouns, setting};

/// PETRARCH2's CAMEO verb dictionary (MIT) with Parallax's additions.
static VERBS: Lazy<VerbDictionary> = Lazy::new(|| {
    let mut dict = VerbDictionary::default();
    dict.add(include_str!("../data/cameo-verbs.txt"));
    dict.add(include_str!("../data/verbs-parallax.txt"));
    dict
});

/// The shipped verb dictionary (parsed on first use).
pub fn verb_dictionary() -> &'static VerbDictionary {
    &VERBS
}

/// One sentence prepared for coding.
struct SentenceWords {
    span: Span,
    words: Vec<String>,
    spans: Vec<Span>,
}

impl SentenceWords {
    fn span_of(&self, start: usize, end: usize) -> Span {
        match (
            self.spans.get(start),
            end.checked_sub(1).and_then(|e| self.spans.get(e)),
        ) {
            (Some(a), Some(b)) => Span::new(a.start, b.end),
            _ => self.span,
        }
    }
}

/// The events of an analysed article, in text order.
pub fn code_events(article: &Article) -> Vec<Event> {
    let body = &article.body;
    let tokens = tokenize(body);
    let mut events = Vec::new();
    for sentence in &article.analysis.sentences {
        let toks = tokens_in(&tokens, sentence.span);
        let s = SentenceWords {
            span: sentence.span,
            words: toks.iter().map(|t| upper(t.text(body))).collect(),
            spans: toks.iter().map(|t| t.span).collect(),
        };
        let slots = actor_slots(article, &s);
        let ranges: Vec<(usize, usize)> = slots.iter().map(|a| (a.start, a.end)).collect();
        let coded = code_sentence(&VERBS, &s.words, &ranges);
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for c in &coded {
            // Speech verbs introduce statements (quotes), not events.
            if s.words.get(c.verb.0).is_some_and(|w| is_reporting(w)) {
                continue;
            }
            let own = modality::of_verb_group(&s.words, c.group_start, c.verb.0, c.clause.0, c.clause.1);
            let draft = Draft {
                trigger: (c.verb.0, c.verb.1),
                clause: c.clause,
                modality: own,
                specific: c.specificity > 0,
            };
            if c.specificity > 0 {
                covered.push((c.verb.0, c.clause.1));
            }
            for (code, sources, targets) in [
                (&c.forward, &c.sources, &c.targets),
                (&c.reverse, &c.targets, &c.sources),
            ] {
                if let Some(code) = code {
                    push_pairs(&mut events, article, &s, &slots, &draft, code, sources, targets);
                }
            }
        }
        code_nouns(&mut events, article, &s, &slots, &ranges, &covered);
    }
    events
}

/// The speaker of the quote a subjectless trigger stands in ("It's time to
/// hit the Russian war machine …," Sybiha said): the speaker acts.
fn speaker_slot(article: &Article, s: &SentenceWords, draft: &Draft) -> Option<ActorSlot> {
    let trigger = s.span_of(draft.trigger.0, draft.trigger.1);
    let quote = article.analysis.quotes.iter().find(|q| {
        q.parts
            .iter()
            .any(|p| p.start <= trigger.start && trigger.end <= p.end)
            || (q.parts.is_empty() && q.span.start <= trigger.start && trigger.end <= q.span.end)
    })?;
    let speaker = quote.speaker.as_ref()?;
    let (code, _) = code_of_key(&speaker.key)?;
    let mention = article.analysis.entities.iter().find(|m| m.span == speaker.span);
    let actor = event_actor(&code, &speaker.name, speaker.span, mention);
    Some(ActorSlot {
        start: draft.trigger.0,
        end: draft.trigger.0,
        actor,
        named: true,
    })
}

/// What the coder found for one trigger, before actors are paired.
struct Draft {
    trigger: (usize, usize),
    clause: (usize, usize),
    modality: Modality,
    specific: bool,
}

#[allow(clippy::too_many_arguments)]
fn push_pairs(
    events: &mut Vec<Event>,
    article: &Article,
    s: &SentenceWords,
    slots: &[ActorSlot],
    draft: &Draft,
    code: &str,
    sources: &[usize],
    targets: &[usize],
) {
    if sources.is_empty() && targets.is_empty() {
        return;
    }
    let one = |list: &[usize]| -> Vec<Option<usize>> {
        if list.is_empty() {
            vec![None]
        } else {
            list.iter().map(|&i| Some(i)).collect()
        }
    };
    for source in one(sources) {
        for target in one(targets) {
            let speaker = speaker_slot(article, s, draft);
            let source = source.and_then(|i| slots.get(i)).or(speaker.as_ref());
            let target = target.and_then(|i| slots.get(i));
            if let (Some(a), Some(b)) = (source, target) {
                // An actor does not act on itself (PETRARCH drops same-code dyads too).
                if a.actor.code == b.actor.code || a.actor.span == b.actor.span {
                    continue;
                }
            }
            if let Some(event) = build(article, s, draft, code, source, target, slots) {
                events.push(event);
            }
        }
    }
}

fn build(
    article: &Article,
    s: &SentenceWords,
    draft: &Draft,
    code: &str,
    source: Option<&ActorSlot>,
    target: Option<&ActorSlot>,
    slots: &[ActorSlot],
) -> Option<Event> {
    // Public statements (CAMEO 01) are quotes, not events.
    if code.starts_with("01") {
        return None;
    }
    let cameo = codes::cameo(code)?;
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
    let actor_spans: Vec<Span> = slots.iter().map(|a| a.actor.span).collect();
    let place = setting::event_place(article, s.span, &actor_spans);
    let clause = s.span_of(draft.clause.0, draft.clause.1);
    let figures = article
        .analysis
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.span.start >= clause.start && f.span.end <= clause.end)
        .map(|(i, _)| i)
        .collect();
    let confidence = 0.35
        + 0.2 * source.is_some() as u8 as f32
        + 0.2 * target.is_some() as u8 as f32
        + 0.1 * draft.specific as u8 as f32
        + 0.1 * source.or(target).is_some_and(|a| a.named) as u8 as f32;
    Some(Event {
        span: s.span,
        trigger,
        source: source.map(|a| a.actor.clone()),
        target: target.map(|a| a.actor.clone()),
        cameo,
        plover,
        modality,
        reported: quote.is_some() || speech,
        date,
        place,
        figures,
        quote,
        confidence: confidence.min(0.95),
    })
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

/// Events named by nouns that no verb pattern already took.
fn code_nouns(
    events: &mut Vec<Event>,
    article: &Article,
    s: &SentenceWords,
    slots: &[ActorSlot],
    ranges: &[(usize, usize)],
    covered: &[(usize, usize)],
) {
    let groups = verb_groups(&VERBS, &s.words, ranges);
    for i in 0..s.words.len() {
        let Some(noun) = nouns::noun_at(&s.words, i) else {
            continue;
        };
        let lo = (0..i)
            .rev()
            .find(|&k| is_boundary(&s.words[k]))
            .map_or(0, |k| k + 1);
        let hi = (i..s.words.len())
            .find(|&k| is_boundary(&s.words[k]))
            .unwrap_or(s.words.len());
        let governed = modality::of_governing_verb(&s.words, lo, hi, i);
        // A pattern that took the noun coded it ("dismissed the invitation"), unless
        // the verb denies it: "ruled out a meeting" is also a meeting that is not held.
        let taken = covered.iter().any(|&(from, to)| from <= i && i < to) && governed != Modality::Negated;
        if taken || groups.iter().any(|g| g.verb_start <= i && i < g.verb_end) {
            continue;
        }
        let code = nouns::code_for(noun, &s.words, i, hi);
        let governing = groups
            .iter()
            .rev()
            .find(|g| g.verb_end <= i && g.verb_start >= lo);
        let source = nouns::possessor(&s.words, ranges, i).or_else(|| {
            let before = governing.map_or(i, |g| g.start);
            ranges
                .iter()
                .rposition(|&(start, end)| end <= before && start >= lo)
        });
        let target = nouns::linked_target(&s.words, ranges, i, hi).filter(|t| Some(*t) != source);
        if source.is_none() && target.is_none() {
            continue;
        }
        let draft = Draft {
            trigger: (i, i + 1),
            clause: (lo, hi),
            modality: governed,
            specific: false,
        };
        let (source, target) = (
            source.and_then(|k| slots.get(k)),
            target.and_then(|k| slots.get(k)),
        );
        if let Some(event) = build(article, s, &draft, &code, source, target, slots) {
            events.push(event);
        }
    }
}

/// The ISO3 code of the country a word names or is the demonym of.
fn country_of_word(word: &str) -> Option<String> {
    let gaz = parallax_analyze::gazetteer::gazetteer();
    match gaz.lookup(word)? {
        PlaceName::Country(c) | PlaceName::Demonym { country: c, .. } => {
            gaz.countries.get(c).map(|c| c.iso3.clone())
        }
        PlaceName::Place(_) => None,
    }
}

/// Prepositions that make a place the target of an action ("attacks on Kyiv").
const TARGET_PLACE_LINKS: &[&str] = &["on", "against", "targeting"];

/// The actor code of a place attacked or targeted: its country.
fn targeted_place_code(body: &str, m: &parallax_core::EntityMention) -> Option<String> {
    let before = body
        .get(..m.span.start)?
        .split_whitespace()
        .last()?
        .to_lowercase();
    if !TARGET_PLACE_LINKS.contains(&before.as_str()) {
        return None;
    }
    let place = setting::geocode(body, m);
    place.country
}

/// The actors of a sentence: coded entity mentions (places after "in" are
/// places, not actors), merged with a following role noun ("Ukrainian
/// forces"), and bare role nouns.
fn actor_slots(article: &Article, s: &SentenceWords) -> Vec<ActorSlot> {
    let body = &article.body;
    let mut slots: Vec<ActorSlot> = Vec::new();
    for m in &article.analysis.entities {
        if m.span.start < s.span.start || m.span.end > s.span.end {
            continue;
        }
        let code = if is_actor_mention(m) {
            if m.key.starts_with("country:") && setting::is_located(body, m) {
                continue;
            }
            code_of_key(&m.key).map(|c| c.0)
        } else {
            targeted_place_code(body, m)
        };
        let Some(code) = code else { continue };
        let Some(start) = s.spans.iter().position(|w| w.start >= m.span.start) else {
            continue;
        };
        let end = s
            .spans
            .iter()
            .rposition(|w| w.end <= m.span.end)
            .map_or(start + 1, |e| e + 1);
        if end <= start || slots.last().is_some_and(|l| l.end > start) {
            continue;
        }
        let text = m.span.slice(body).unwrap_or("");
        let named = m.form != parallax_core::MentionForm::Pronoun;
        slots.push(ActorSlot {
            start,
            end,
            actor: event_actor(&code, text, m.span, Some(m)),
            named,
        });
    }
    let mut merged: Vec<ActorSlot> = Vec::new();
    let mut i = 0;
    let mut next_slot = 0;
    while i < s.words.len() {
        if let Some(slot) = slots.get(next_slot).filter(|a| a.start == i) {
            let mut slot = slot.clone();
            next_slot += 1;
            let after = if matches!(s.words.get(slot.end).map(String::as_str), Some("'S")) {
                slot.end + 1
            } else {
                slot.end
            };
            if let Some((len, role)) = agent_at(&s.words, after).filter(|_| slot.actor.code.len() == 3) {
                slot.end = after + len;
                let span = s.span_of(slot.start, slot.end);
                let code = format!("{}{role}", slot.actor.code);
                let mut actor = event_actor(&code, span.slice(body).unwrap_or(""), span, None);
                actor.name = slot.actor.name.take();
                actor.key = slot.actor.key.take();
                slot.actor = actor;
            }
            i = slot.end;
            merged.push(slot);
            continue;
        }
        if let Some((len, role)) = agent_at(&s.words, i) {
            // "the Russian war machine": a demonym the entity layer left alone gives the country.
            let demonym = i
                .checked_sub(1)
                .and_then(|p| s.spans.get(p))
                .and_then(|sp| sp.slice(body))
                .and_then(country_of_word);
            let (start, code) = match demonym {
                Some(iso3) => (i - 1, format!("{iso3}{role}")),
                None => (i, role.to_owned()),
            };
            let span = s.span_of(start, i + len);
            let actor: EventActor = event_actor(&code, span.slice(body).unwrap_or(""), span, None);
            merged.push(ActorSlot {
                start,
                end: i + len,
                actor,
                named: false,
            });
            i += len;
            continue;
        }
        i += 1;
    }
    merged
}
