//! Which sense of a dictionary verb a real-world sentence uses, where the
//! CAMEO dictionary (written for wire reports on states and armed groups)
//! reads ordinary news wrongly: generic verbs whose default code says too
//! little ("came to know him", "paid no price"), a verb whose object makes it
//! non-political ("hit a record", "leads the polls") or verbal ("attacked the
//! plan"), and a violent verb between people with no weapon or casualty in
//! its clause, which in news is a war of words ("Bush attacked Trump").

use std::collections::{HashMap, HashSet};

use once_cell::sync::Lazy;

use crate::actors::ActorSlot;
use crate::dictionary::verbs::VerbDictionary;

/// Base forms of verbs coded only by their specific patterns.
static GENERIC: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    include_str!("../../data/generic-verbs.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Verb → (object words, code; `None` for a non-political sense).
type Senses = HashMap<&'static str, Vec<(HashSet<&'static str>, Option<&'static str>)>>;

static SENSES: Lazy<Senses> = Lazy::new(|| {
    let mut senses: Senses = HashMap::new();
    for line in include_str!("../../data/senses.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t').map(str::trim);
        let (Some(verb), Some(objects), Some(code)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let code = (code != "-").then_some(code);
        senses
            .entry(verb)
            .or_default()
            .push((objects.split_whitespace().collect(), code));
    }
    senses
});

/// The most words between a verb and the object word that picks its sense.
const OBJECT_WINDOW: usize = 4;

/// Code for a verbal attack: "criticize or denounce".
const CRITICIZE: &str = "111";

/// Words that make a violent verb physical: weapons, force, casualties.
const PHYSICAL: &[&str] = &[
    "KILLED", "KILLING", "DEAD", "DEATH", "WOUNDED", "INJURED", "INJURING", "WOUNDING", "GUN", "GUNS",
    "KNIFE", "BULLET", "BULLETS", "TROOPS", "SOLDIERS", "FORCES", "MILITARY", "ARMY", "POLICE", "OFFICER",
    "OFFICERS", "PUNCHED", "STABBED", "BEATEN", "HOSPITAL",
];

/// Verbs whose past tense is their base form ("Russia hit Kyiv").
const UNCHANGED_PAST: &[&str] = &[
    "HIT",
    "CUT",
    "PUT",
    "SET",
    "LET",
    "SHUT",
    "QUIT",
    "BEAT",
    "CAST",
    "COST",
    "HURT",
    "SPREAD",
    "BET",
    "BURST",
    "THRUST",
    "UPSET",
    "SPLIT",
    "BROADCAST",
    "FORECAST",
    "READ",
    "BID",
    "RID",
    "SHED",
];

/// Subjects that take a verb's base form in the present tense.
const BASE_FORM_SUBJECTS: &[&str] = &["I", "YOU", "WE", "THEY", "“", "\"", "(", "AND", "OR", "NOR"];

/// True when the verb's base form at word `i` has nothing before it that
/// could make it finite or an infinitive — no plural or first/second person
/// subject, no "to", auxiliary or adverb, no conjoined actors, not the first
/// word — so it is a noun: "Sanders campaign manager", "top campaign
/// officials", "a Group of 20 meeting"; also right after a form of "be",
/// where it is an adjective ("is fine").
pub fn is_bare_noun(words: &[String], i: usize, lemma: &str, slots: &[ActorSlot]) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let base = lemma.split([' ', '_']).next() == Some(words[i].as_str());
    if !base || UNCHANGED_PAST.contains(&lemma) {
        return false;
    }
    let previous = words[p].as_str();
    let actor_before = slots.iter().find(|a| a.end == i);
    // A name ending in -s ("Sanders") is one actor; actors joined by "and" are several.
    let plural =
        actor_before.is_none() && previous.len() > 3 && previous.ends_with('S') && !previous.ends_with("SS");
    let compound_subject = actor_before
        .and_then(|a| a.start.checked_sub(1))
        .is_some_and(|k| matches!(words[k].as_str(), "AND" | "OR" | ","));
    // "is fine", "are free": after a form of "be" a base form is an adjective or a noun.
    if crate::clause::is_be_form(previous) && !matches!(previous, "GET" | "GOT" | "GETS") {
        return true;
    }
    // After a comma or colon a base form has no subject ("… Social Security, tax cuts").
    let opening_mark = !previous.chars().any(char::is_alphanumeric) && !matches!(previous, "," | ";" | ":");
    let finite_context = crate::clause::is_group_word(previous)
        || BASE_FORM_SUBJECTS.contains(&previous)
        || plural
        || compound_subject
        || opening_mark;
    !finite_context
}

/// Verbs done by each of a compound subject to the others when they have
/// no object ("Obama and Putin met", "Cruz and Rubio clashed").
const RECIPROCAL: &[&str] = &[
    "MEET",
    "TALK",
    "NEGOTIATE",
    "CONFER",
    "CLASH",
    "SPAR",
    "QUARREL",
    "FEUD",
    "FIGHT",
    "BATTLE",
    "AGREE",
    "COOPERATE",
    "RECONCILE",
    "DEBATE",
];

/// True for a verb a compound subject does to one another.
pub fn is_reciprocal(lemma: &str) -> bool {
    RECIPROCAL.contains(&lemma)
}

/// Roles that make a violent verb physical whoever the other side is.
const ARMED_ROLES: &[&str] = &["MIL", "REB", "INS", "COP", "SPY", "UAF", "IMG"];

/// True when the verb group starting at `group_start` is an infinitive
/// after a noun or an object ("a proposal to ban Muslims", "leverage to
/// insist on a justice", "urged the administration to join a coalition"):
/// it names an action proposed, wished or urged, not one done; the word that
/// governs it is the event, if any. After a verb or an -ed/-ing form
/// ("continued to block", "decided to", "trying to") the infinitive stays.
pub fn is_noun_complement(dict: &VerbDictionary, words: &[String], group_start: usize) -> bool {
    let Some(p) = group_start.checked_sub(1) else {
        return false;
    };
    let previous = words[p].as_str();
    words.get(group_start).is_some_and(|w| w == "TO")
        && !after_ordinal(words, group_start)
        && previous.len() > 2
        && previous.chars().all(char::is_alphabetic)
        && !crate::clause::is_group_word(previous)
        && !crate::clause::is_auxiliary(previous)
        && !previous.ends_with("ED")
        && !previous.ends_with("ING")
        && dict.verb_at(words, p).is_none()
}

/// Words that, after "the", make the infinitive of their noun phrase an act
/// done ("the first sitting members of Congress to endorse Donald Trump").
const ORDINALS: &[&str] = &["FIRST", "SECOND", "THIRD", "LAST", "ONLY", "LATEST"];

/// Most words between "the first" and the infinitive's "to".
const MAX_ORDINAL_PHRASE: usize = 7;

/// True when "the first / last / only …" opens the noun phrase right
/// before the "to" at `to`, with only plain words between.
fn after_ordinal(words: &[String], to: usize) -> bool {
    (2..=MAX_ORDINAL_PHRASE.min(to))
        .map(|back| to - back)
        .take_while(|&k| {
            words[k + 1..to]
                .iter()
                .all(|w| w.chars().all(char::is_alphanumeric))
        })
        .any(|k| k + 1 < to && words[k] == "THE" && ORDINALS.contains(&words[k + 1].as_str()))
}

/// True when the verb's default code is not coded on real-world text.
pub fn is_generic(lemma: &str) -> bool {
    GENERIC.contains(lemma)
}

/// What a verb means in its sentence when that differs from its dictionary code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sense {
    /// Another CAMEO code.
    Code(String),
    /// No political event at all ("hit a record", "beating Mr. Trump for second").
    NotAnEvent,
}

/// The sense the verb's object selects, if a listed object follows.
pub fn by_object(lemma: &str, words: &[String], verb_end: usize, clause_end: usize) -> Option<Sense> {
    let senses = SENSES.get(lemma)?;
    let window = &words[verb_end.min(clause_end)..(verb_end + OBJECT_WINDOW).min(clause_end)];
    senses.iter().find_map(|(objects, code)| {
        window
            .iter()
            .any(|w| objects.contains(w.as_str()))
            .then(|| code.map_or(Sense::NotAnEvent, |c| Sense::Code(c.to_owned())))
    })
}

/// Verbs of winning and losing: between people with no force in the clause
/// they are a contest, an election or a poll ("nearly beating Mr. Trump for
/// second", "Sanders can catch Clinton", "crushing her by more than 20
/// points"), not an event.
const CONTESTS: &[&str] = &[
    "BEAT",
    "DEFEAT",
    "EDGE",
    "OUTPACE",
    "TRAIL",
    "TOP",
    "OUTPOLL",
    "OUTSCORE",
    "CATCH",
    "CRUSH",
    "LEAD",
    "TROUNCE",
    "ROUT",
    "OVERWHELM",
    "OVERTAKE",
    "SURPASS",
];

/// Code for verbal support: "praise or endorse".
const ENDORSE: &str = "051";

/// A violent code (CAMEO 18–20) between people, with no weapon, force or
/// casualty in its clause, as criticism ("Bush also attacked billionaire
/// Donald Trump", "Rubio hit back"), and military protection (074) as verbal
/// support ("Trump defended his campaign manager"); a contest between people
/// is no event.
pub fn verbal_sense(
    lemma: &str,
    code: &str,
    words: &[String],
    clause: (usize, usize),
    source: Option<&ActorSlot>,
    target: Option<&ActorSlot>,
) -> Option<Sense> {
    let violent = ["18", "19", "20"].iter().any(|r| code.starts_with(r));
    let armed_or_state = |slot: &ActorSlot| {
        slot.actor.as_ref().is_some_and(|a| {
            a.code.len() == 3 && a.country.is_some()
                || a.role.as_deref().is_some_and(|r| ARMED_ROLES.contains(&r))
        })
    };
    let person = |slot: Option<&ActorSlot>| slot.is_some_and(|s| s.person);
    let between_people = (person(source) || person(target))
        && !source.is_some_and(armed_or_state)
        && !target.is_some_and(armed_or_state);
    let clause_words = words.get(clause.0..clause.1).unwrap_or(&[]);
    let physical = clause_words
        .iter()
        .any(|w| PHYSICAL.contains(&w.as_str()) || super::build::names_weapon(std::slice::from_ref(w)));
    if !between_people || physical {
        return None;
    }
    if CONTESTS.contains(&lemma) {
        return Some(Sense::NotAnEvent);
    }
    let code = if violent {
        Some(CRITICIZE)
    } else {
        code.starts_with("074").then_some(ENDORSE)
    };
    code.map(|c| Sense::Code(c.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    fn person(start: usize) -> ActorSlot {
        ActorSlot {
            start,
            end: start + 1,
            actor: None,
            named: true,
            person: true,
        }
    }

    #[test]
    fn objects_pick_the_sense() {
        let w = words("Trump hit a record high");
        assert_eq!(by_object("HIT", &w, 2, w.len()), Some(Sense::NotAnEvent));
        let w = words("Trump leads the race");
        assert_eq!(by_object("LEAD", &w, 2, w.len()), Some(Sense::NotAnEvent));
        let w = words("Cruz attacked the plan");
        assert_eq!(
            by_object("ATTACK", &w, 2, w.len()),
            Some(Sense::Code("111".into()))
        );
        let w = words("Russia hit Kyiv");
        assert_eq!(by_object("HIT", &w, 2, w.len()), None);
    }

    #[test]
    fn base_forms_without_a_subject_are_nouns() {
        let w = words("Sanders campaign manager Jeff Weaver");
        assert!(is_bare_noun(&w, 1, "CAMPAIGN", &[person(0)]));
        let w = words("the two sides meet");
        assert!(!is_bare_noun(&w, 3, "MEET", &[]), "a plural subject");
        let w = words("they will meet");
        assert!(!is_bare_noun(&w, 2, "MEET", &[]), "after a modal");
        let w = words("Obama and Putin meet");
        assert!(
            !is_bare_noun(&w, 3, "MEET", &[person(0), person(2)]),
            "a compound subject"
        );
        let w = words("Russia hit Kyiv");
        assert!(
            !is_bare_noun(&w, 1, "HIT", &[]),
            "a past tense like its base form"
        );
        let w = words("having leaders participate is fine");
        assert!(is_bare_noun(&w, 4, "FINE", &[]), "an adjective after 'is'");
    }

    #[test]
    fn infinitives_after_nouns_are_not_acts() {
        let mut d = VerbDictionary::default();
        d.add("--- BAN [172] ---\nBAN\n--- CONTINUE [---] ---\nCONTINUE {CONTINUED}\n");
        let w = words("a proposal to ban Muslims");
        assert!(is_noun_complement(&d, &w, 2));
        let w = words("Congress continued to ban it");
        assert!(!is_noun_complement(&d, &w, 2));
        let w = words("they became the first members of Congress to ban it");
        assert!(
            !is_noun_complement(&d, &w, 7),
            "'the first … to' names an act done"
        );
        assert!(is_reciprocal("MEET") && !is_reciprocal("ATTACK"));
    }

    #[test]
    fn attacks_between_people_are_verbal_unless_physical() {
        let (s, t) = (person(0), person(2));
        let sense = |lemma: &str, code: &str, text: &str, target: &ActorSlot| {
            let w = words(text);
            verbal_sense(lemma, code, &w, (0, w.len()), Some(&s), Some(target))
        };
        let criticism = Some(Sense::Code("111".into()));
        assert_eq!(sense("ATTACK", "190", "Bush attacked Trump", &t), criticism);
        assert_eq!(
            sense("ATTACK", "190", "Bush attacked Trump with a knife", &t),
            None
        );
        assert_eq!(sense("VISIT", "042", "Bush visited Trump", &t), None);
        let country = ActorSlot {
            person: false,
            actor: Some(crate::actors::event_actor(
                "RUS",
                "Russia",
                parallax_core::Span::new(0, 0),
                None,
            )),
            ..person(2)
        };
        assert_eq!(
            sense("ATTACK", "190", "Bush attacked Russia", &country),
            None,
            "an attack on a country stays an attack"
        );
        assert_eq!(
            sense("DEFEND", "074", "Trump defended Lewandowski", &t),
            Some(Sense::Code("051".into()))
        );
        assert_eq!(
            sense("BEAT", "182", "Cruz beat Trump", &t),
            Some(Sense::NotAnEvent),
            "a contest"
        );
        assert!(is_generic("GO") && !is_generic("ATTACK"));
    }
}
