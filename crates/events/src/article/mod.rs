//! Coding one analysed article: for each sentence, its actors from the
//! entity layer (`slots`), its verbs and event nouns coded with the shipped
//! dictionaries (`noun_events`), calls for action turned into demands
//! (`calls`), each event completed with modality, whether it is reported
//! speech, date, place, figures and a confidence (`build`); then definite
//! references to earlier events resolved (`references`).

mod build;
mod calls;
mod noun_events;
mod references;
mod senses;
mod slots;

use once_cell::sync::Lazy;
use parallax_analyze::tokens::{tokenize, tokens_in};
use parallax_core::{Article, Event, EventActor, Modality, Span};

use crate::actors::{code_of_key, event_actor};
use crate::clause::is_reporting;
use crate::coder::{code_sentence, Coded};
use crate::dictionary::verbs::VerbDictionary;
use crate::modality;
use crate::words::upper;
use build::{push_pairs, Draft};
use senses::Sense;

/// PETRARCH2's CAMEO verb dictionary (MIT) with Parallax's additions.
static VERBS: Lazy<VerbDictionary> = Lazy::new(|| {
    let mut dict = VerbDictionary::default();
    dict.add(include_str!("../../data/cameo-verbs.txt"));
    dict.add(include_str!("../../data/verbs-parallax.txt"));
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
        let slots = slots::actor_slots(article, &s);
        let ranges: Vec<(usize, usize)> = slots.iter().map(|a| (a.start, a.end)).collect();
        let coded = code_sentence(&VERBS, &s.words, &capitalised_inside(article, &s), &ranges);
        let mut covered: Vec<(usize, usize)> = Vec::new();
        let names = name_words(article, &s);
        for c in &coded {
            // Speech verbs introduce statements (quotes), not events; a verb form in a
            // name ("the Media Research Center", "Stealing America") is no verb.
            if s.words.get(c.verb.0).is_some_and(|w| is_reporting(w)) || names.contains(&c.verb.0) {
                continue;
            }
            // A question asserts nothing ("Marco Rubio, will you resign?").
            if in_question(&s.words, c.verb.1) {
                continue;
            }
            // "the U.S.-led campaign", "a Saudi-backed force": a form hyphenated to the
            // word before it is part of a compound adjective.
            let hyphenated = s
                .spans
                .get(c.verb.0)
                .and_then(|w| body.get(..w.start))
                .is_some_and(|before| before.ends_with('-'));
            if hyphenated {
                continue;
            }
            let Some(c) = in_sense(c, &s.words, &slots) else {
                continue;
            };
            let c = &c;
            if c.specificity > 0 {
                covered.push((c.verb.0, c.clause.1));
            }
            let speaker = speaker_of(article, s.span_of(c.verb.0, c.verb.1));
            if let (Some(speaker), true) = (
                &speaker,
                calls::is_call(&s.words, c.group_start, c.verb.0, c.clause.0),
            ) {
                push_demand(&mut events, article, &s, &slots, c, speaker);
                continue;
            }
            if senses::is_noun_complement(&VERBS, &s.words, c.group_start) {
                continue;
            }
            let draft = Draft {
                trigger: c.verb,
                clause: c.clause,
                modality: modality::of_verb_group(&s.words, c.group_start, c.verb.0, c.clause.0, c.clause.1),
                specific: c.specificity > 0,
                // A generic verb's pattern says what was done, not to whom: "got his money"
                // is an event only with someone it was got from or given to.
                needs_target: c.specificity == 0 || senses::is_generic(&c.lemma),
                doerless_report: c.passive || build::names_weapon(&s.words[c.clause.0..c.group_start]),
            };
            for (code, sources, targets) in [
                (&c.forward, &c.sources, &c.targets),
                (&c.reverse, &c.targets, &c.sources),
            ] {
                if let Some(code) = code {
                    push_pairs(
                        &mut events,
                        article,
                        &s,
                        &slots,
                        &draft,
                        code,
                        sources,
                        targets,
                        speaker.as_ref(),
                    );
                }
            }
        }
        noun_events::code_nouns(&mut events, article, &s, &slots, &covered);
    }
    references::resolve(article, &mut events);
    drop_repeats(&mut events);
    events
}

/// One trigger coded twice with the same code, source and target codes (two
/// mentions of one actor, or one verb reached by two verb groups) is one
/// event: PETRARCH keeps each (source, target, code) of a sentence once, and
/// a repeat would count twice in GDELT's mention counts.
fn drop_repeats(events: &mut Vec<Event>) {
    let code = |actor: &Option<EventActor>| actor.as_ref().map(|a| a.code.clone());
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| {
        seen.insert((
            e.trigger.start,
            e.trigger.end,
            e.cameo.code.clone(),
            code(&e.source),
            code(&e.target),
        ))
    });
}

/// The coded verb in the sense its sentence uses, or `None` when it is no
/// event there: a generic verb's bare default code (or a pattern with no
/// target), a base form with no subject that could take it, which is a noun
/// ("Sanders campaign manager", "top campaign officials"), an
/// object that makes the verb non-political ("hit a record"). An object or a
/// dyad of people may recode it ("attacked the plan", "Bush attacked Trump": criticism).
fn in_sense(c: &Coded, words: &[String], slots: &[crate::actors::ActorSlot]) -> Option<Coded> {
    // A generic verb is coded only by a specific pattern, and only on a coded target.
    let coded_target = c
        .targets
        .iter()
        .any(|&t| slots.get(t).is_some_and(|a| a.actor.is_some()));
    if senses::is_generic(&c.lemma) && (c.specificity == 0 || !coded_target) {
        return None;
    }
    if senses::is_bare_noun(words, c.verb.0, &c.lemma, slots) {
        return None;
    }
    let mut coded = c.clone();
    // "President Obama and President Vladimir V. Putin met": a reciprocal verb with a
    // compound subject and no object is done by each to the others.
    if senses::is_reciprocal(&c.lemma) && c.targets.is_empty() && c.sources.len() > 1 {
        coded.targets = c.sources.clone();
        coded.mutual = true;
    }
    let slot = |list: &[usize]| list.first().and_then(|&i| slots.get(i));
    let sense = senses::by_object(&c.lemma, words, c.verb.1, c.clause.1).or_else(|| {
        let code = c.forward.as_deref()?;
        senses::verbal_sense(
            &c.lemma,
            code,
            words,
            c.clause,
            slot(&c.sources),
            slot(&c.targets),
        )
    });
    match sense {
        Some(Sense::NotAnEvent) => return None,
        Some(Sense::Code(code)) => {
            coded.forward = Some(code);
            coded.reverse = None;
        }
        None => {}
    }
    Some(coded)
}

/// True when a question mark ends the stretch of the sentence after word
/// `from` (before any full stop).
fn in_question(words: &[String], from: usize) -> bool {
    words
        .iter()
        .skip(from)
        .find(|w| matches!(w.as_str(), "?" | "." | "!"))
        .is_some_and(|w| w == "?")
}

/// Words of the sentence that belong to a name: inside any entity mention,
/// or capitalised in mid-sentence when the sentence is not in title case.
fn name_words(article: &Article, s: &SentenceWords) -> Vec<usize> {
    let capitalised = capitalised_inside(article, s);
    (0..s.words.len())
        .filter(|&k| {
            let span = s.spans[k];
            let in_mention = article
                .analysis
                .entities
                .iter()
                .any(|m| m.span.start <= span.start && span.end <= m.span.end);
            in_mention || capitalised[k]
        })
        .collect()
}

/// Per word of the sentence: capitalised in the text though not opening the
/// sentence, in a sentence that is not in title case — part of a name
/// ("China's World War 2 victory parade").
fn capitalised_inside(article: &Article, s: &SentenceWords) -> Vec<bool> {
    let body = &article.body;
    let capitalised = |k: usize| {
        s.spans[k]
            .slice(body)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let alphabetic: Vec<usize> = (0..s.words.len())
        .filter(|&k| s.words[k].chars().all(char::is_alphabetic))
        .collect();
    let title_case = alphabetic.iter().filter(|&&k| capitalised(k)).count() * 2 > alphabetic.len();
    (0..s.words.len())
        .map(|k| {
            let sentence_start = k == 0 || !s.words[k - 1].chars().any(char::is_alphanumeric);
            !title_case && !sentence_start && capitalised(k)
        })
        .collect()
}

/// A call for the coded action in the speaker's words, as the speaker's
/// demand: aimed at the doer the call names ("Russia must withdraw"), unless
/// that is the speaker's own side ("we must hit …"), else at the action's
/// target ("time to hit the Russian war machine").
fn push_demand(
    events: &mut Vec<Event>,
    article: &Article,
    s: &SentenceWords,
    slots: &[crate::actors::ActorSlot],
    c: &Coded,
    speaker: &EventActor,
) {
    let Some(action) = c.forward.as_deref() else {
        return;
    };
    let own_side = |i: &usize| {
        slots
            .get(*i)
            .and_then(|slot| slot.actor.as_ref())
            .is_none_or(|a| a.country.is_some() && a.country == speaker.country)
    };
    let addressees: Vec<usize> = if c.sources.is_empty() || c.sources.iter().all(own_side) {
        c.targets.clone()
    } else {
        c.sources.clone()
    };
    let draft = Draft {
        trigger: c.verb,
        clause: c.clause,
        modality: Modality::Asserted,
        specific: true,
        needs_target: false,
        doerless_report: false,
    };
    let code = calls::demand_code(action);
    push_pairs(
        events,
        article,
        s,
        slots,
        &draft,
        code,
        &[],
        &addressees,
        Some(speaker),
    );
}

/// The coded speaker of the quote the span stands in ("It's time to hit the
/// Russian war machine …," Sybiha said).
fn speaker_of(article: &Article, span: Span) -> Option<EventActor> {
    let inside = |p: &Span| p.start <= span.start && span.end <= p.end;
    let quote = article
        .analysis
        .quotes
        .iter()
        .find(|q| q.parts.iter().any(inside) || (q.parts.is_empty() && inside(&q.span)))?;
    let speaker = quote.speaker.as_ref()?;
    let (code, _) = code_of_key(&speaker.key)?;
    let mention = article.analysis.entities.iter().find(|m| m.span == speaker.span);
    Some(event_actor(&code, &speaker.name, speaker.span, mention))
}
