//! Events named by nouns ("Russia's demand for Ukrainian forces to
//! withdraw", "ruled out an immediate meeting") that no verb pattern took.

use parallax_core::{Article, Event, Modality};

use super::build::{build, Draft, Side};
use super::senses::{self, Sense};
use super::{SentenceWords, VERBS};
use crate::actors::ActorSlot;
use crate::clause::{is_boundary, verb_groups};
use crate::{modality, nouns};

/// Codes the event nouns of one sentence. `covered` are the (verb, clause
/// end) word ranges whose specific pattern already coded what they govern.
pub fn code_nouns(
    events: &mut Vec<Event>,
    article: &Article,
    s: &SentenceWords,
    slots: &[ActorSlot],
    covered: &[(usize, usize)],
) {
    let ranges: Vec<(usize, usize)> = slots.iter().map(|a| (a.start, a.end)).collect();
    let groups = verb_groups(&VERBS, &s.words, &ranges);
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
        // The noun's doer: its possessor ("Russia's demand"), else the subject of the
        // verb it is the object of ("Putin ruled out an immediate meeting"); an actor
        // that merely stands before it ("Trump's response to the … attacks") is not.
        // A noun in a phrase of time or setting ("met during a Group of 20 meeting", "the
        // negotiator in the talks") only situates its clause: its doer is its possessor alone.
        let setting = nouns::in_setting_phrase(&s.words, &ranges, i);
        let source = nouns::possessor(&s.words, &ranges, i).or_else(|| {
            let verb = governing.filter(|_| !setting)?;
            ranges
                .iter()
                .rposition(|&(start, end)| end <= verb.start && start >= lo)
        });
        let target = nouns::linked_target(&s.words, &ranges, i, hi).filter(|t| Some(*t) != source);
        // "Donald Trump's attacks on Bill Clinton": between people, a war of words.
        let code = match senses::verbal_sense(
            "",
            &code,
            &s.words,
            (lo, hi),
            source.and_then(|k| slots.get(k)),
            target.and_then(|k| slots.get(k)),
        ) {
            Some(Sense::NotAnEvent) => continue,
            Some(Sense::Code(recoded)) => recoded,
            None => code,
        };
        let draft = Draft {
            trigger: (i, i + 1),
            clause: (lo, hi),
            modality: governed,
            specific: false,
            needs_target: false,
            doerless_report: false,
        };
        let (source, target) = (Side::of(slots, source), Side::of(slots, target));
        if let Some(event) = build(article, s, &draft, &code, source, target, slots) {
            events.push(event);
        }
    }
}
