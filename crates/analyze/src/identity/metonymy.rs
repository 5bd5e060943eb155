//! Metonymy: a capital or a seat of government acting as the subject of a
//! speech or action verb stands for the government ("Moscow launched…",
//! "the Kremlin said", "Kyiv has dismissed…", "Moscow also illegally
//! declared…", "a line Kyiv will not cross", "Kyiv and its allies have
//! rejected…"), and so does one accused or urged ("accused Moscow of…",
//! "urged Kyiv to…"); after a preposition of place it stays a place ("in
//! Moscow", "to Kyiv", "at the White House"), unless "from" follows
//! something only an institution issues ("an invitation from the Kremlin"
//! is the government's invitation).

use parallax_core::EntityType;

use super::words::Word;
use super::Mention;
use crate::gazetteer::{gazetteer, PlaceName};
use crate::kb::kb;

/// Prepositions that make the following name a location.
const LOCATIVE: &[&str] = &[
    "in",
    "to",
    "from",
    "at",
    "near",
    "into",
    "inside",
    "outside",
    "around",
    "across",
    "toward",
    "towards",
    "via",
    "through",
    "over",
    "outskirts",
    "visit",
    "visited",
    "visiting",
    "reach",
    "reached",
];

/// Nouns for what an institution issues; "<noun> from X" makes X the body.
const ISSUED: &[&str] = &[
    "invitation",
    "invitations",
    "statement",
    "statements",
    "request",
    "requests",
    "offer",
    "offers",
    "proposal",
    "proposals",
    "message",
    "messages",
    "response",
    "reply",
    "order",
    "orders",
    "warning",
    "warnings",
    "demand",
    "demands",
    "signal",
    "signals",
    "comment",
    "comments",
    "readout",
    "approval",
    "permission",
    "instructions",
    "ultimatum",
];

/// Auxiliaries and adverbs between a subject and its verb.
const BRIDGE: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "will",
    "would",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "also",
    "again",
    "still",
    "already",
    "repeatedly",
    "reportedly",
    "officially",
    "previously",
    "not",
    "never",
    "then",
    "now",
    "quickly",
];

/// Modal auxiliaries: after one (and "not" or adverbs) the next plain word
/// is a verb in its base form ("Kyiv will not cross").
const MODALS: &[&str] = &[
    "will",
    "would",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "shall",
    "cannot",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "shouldn't",
    "mustn't",
];

/// Verbs whose object is a political actor when a preposition introducing
/// the charge or the request follows ("accused Moscow of", "urged Kyiv to").
const ACTOR_OBJECT_VERBS: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "blamed",
    "blames",
    "blaming",
    "urged",
    "urges",
    "urging",
    "pressed",
    "presses",
    "pressing",
    "pressured",
    "pressuring",
    "warned",
    "warns",
    "warning",
    "criticised",
    "criticized",
    "criticises",
    "criticizes",
    "condemned",
    "condemns",
    "praised",
    "praises",
    "thanked",
    "thanks",
    "sanctioned",
    "sanctions",
    "punished",
    "punish",
];

/// Prepositions that follow such an object: the charge, the reason or the
/// requested action.
const CHARGE_PREPOSITIONS: &[&str] = &["of", "for", "to", "against", "over"];

/// Nouns for a government's partners: only an actor has them ("Kyiv and its
/// Western allies").
const PARTNER_NOUNS: &[&str] = &["allies", "partners", "backers", "supporters", "patrons"];

/// Verbs that have a political actor as subject.
const ACTION_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "launched",
    "launches",
    "dismissed",
    "dismisses",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "accused",
    "accuses",
    "warned",
    "warns",
    "claimed",
    "claims",
    "announced",
    "announces",
    "insisted",
    "insists",
    "responded",
    "responds",
    "struck",
    "strikes",
    "attacked",
    "attacks",
    "sent",
    "sends",
    "wants",
    "demanded",
    "demands",
    "called",
    "calls",
    "urged",
    "urges",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "confirmed",
    "confirms",
    "stated",
    "states",
    "added",
    "noted",
    "hit",
    "hits",
    "fired",
    "fires",
    "sought",
    "seeks",
    "believes",
    "considers",
    "sees",
    "views",
    "offered",
    "offers",
    "proposed",
    "proposes",
    "signed",
    "signs",
    "ordered",
    "orders",
    "approved",
    "approves",
    "blamed",
    "blames",
    "condemned",
    "condemns",
    "welcomed",
    "welcomes",
    "vowed",
    "vows",
    "threatened",
    "threatens",
    "promised",
    "promises",
    "plans",
    "planned",
    "hopes",
    "expects",
    "continues",
    "continued",
    "argued",
    "argues",
    "declined",
    "declines",
    "reacted",
    "reacts",
];

/// Turns capital-city and seat-of-government mentions into government
/// mentions where they act, and keeps them places where they locate.
pub(crate) fn decide(words: &[Word], mentions: &mut [Mention]) {
    let (g, kb) = (gazetteer(), kb());
    for mention in mentions.iter_mut() {
        let preposition = mention
            .words
            .start
            .checked_sub(1)
            .and_then(|i| {
                if words[i].folded == "the" {
                    i.checked_sub(1)
                } else {
                    Some(i)
                }
            })
            .filter(|&i| words[i].sentence == mention.sentence);
        let issuer = preposition.is_some_and(|i| issues(words, i));
        let locative = !issuer && preposition.is_some_and(|i| LOCATIVE.contains(&words[i].lower().as_str()));
        match mention.entity_type {
            // A seat of government ("the Kremlin") is the government unless
            // the text puts something in it.
            EntityType::Organization if mention.metonym_of.is_some() && locative => {
                let place = mention.metonym_of.take().unwrap_or_default();
                let name = words[mention.words.clone()]
                    .iter()
                    .map(|w| w.text)
                    .collect::<Vec<_>>()
                    .join(" ");
                mention.entity_type = EntityType::Place;
                mention.key = place;
                mention.canonical = name;
            }
            EntityType::Place
                if !locative && (issuer || acts(words, mention) || is_charged(words, mention)) =>
            {
                let Some(PlaceName::Place(i)) =
                    g.lookup_folded(&place_phrase(words, mention)).first().copied()
                else {
                    continue;
                };
                let Some(country) = g.capital_of(&g.places[i]) else {
                    continue;
                };
                let key = format!("org:{}-government", country.slug());
                let canonical = kb
                    .organizations
                    .iter()
                    .find(|o| o.key == key)
                    .map(|o| o.canonical.clone())
                    .unwrap_or_else(|| format!("Government of {}", country.name));
                mention.metonym_of = Some(std::mem::replace(&mut mention.key, key));
                mention.entity_type = EntityType::Organization;
                mention.canonical = canonical;
                mention.confidence *= 0.9;
            }
            _ => {}
        }
    }
}

/// Word `at` is "from" after something only an institution issues ("an
/// invitation from the Kremlin", "a statement from Moscow"): the name is the
/// issuer, not where something comes from.
fn issues(words: &[Word], at: usize) -> bool {
    if words[at].lower() != "from" {
        return false;
    }
    at.checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| w.sentence == words[at].sentence && ISSUED.contains(&w.lower().as_str()))
}

fn place_phrase(words: &[Word], mention: &Mention) -> String {
    words[mention.words.clone()]
        .iter()
        .map(|w| w.folded.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The mention is the subject of an action verb (possibly after
/// auxiliaries and adverbs: "Kyiv has dismissed", "Moscow was still
/// seeking", "Moscow also illegally declared", "Kyiv will not cross"), or is
/// coordinated with its own partners ("Kyiv and its allies have…").
fn acts(words: &[Word], mention: &Mention) -> bool {
    if words[mention.words.end - 1].possessive {
        return false;
    }
    if has_partners(words, mention) {
        return true;
    }
    let mut bridged = false;
    let mut after_modal = false;
    for word in words.iter().skip(mention.words.end).take(4) {
        if word.sentence != mention.sentence {
            return false;
        }
        let lower = word.lower();
        if ACTION_VERBS.contains(&lower.as_str()) {
            return true;
        }
        if MODALS.contains(&lower.as_str()) {
            bridged = true;
            after_modal = true;
            continue;
        }
        if BRIDGE.contains(&lower.as_str()) || is_adverb(word, &lower) {
            bridged = true;
            continue;
        }
        // After an auxiliary any participle is a verb ("has dismissed", "was
        // seeking"); after a modal any plain word but "be" is one ("will not
        // cross"; "will be cold" says nothing about an actor).
        let participle = lower.ends_with("ed") || lower.ends_with("ing");
        let base_verb = after_modal && !word.capitalized && lower != "be";
        return bridged && (participle || base_verb);
    }
    false
}

/// An adverb in -ly between subject and verb ("illegally", "quickly").
fn is_adverb(word: &Word, lower: &str) -> bool {
    !word.capitalized && lower.len() > 4 && lower.ends_with("ly")
}

/// "X and its/their [Western] allies": a place with partners is an actor.
fn has_partners(words: &[Word], mention: &Mention) -> bool {
    let at = mention.words.end;
    let same_sentence = |i: usize| words.get(i).is_some_and(|w| w.sentence == mention.sentence);
    let lower_at = |i: usize| words.get(i).map(|w| w.lower()).unwrap_or_default();
    same_sentence(at + 2)
        && lower_at(at) == "and"
        && matches!(lower_at(at + 1).as_str(), "its" | "their")
        && (at + 2..at + 4).any(|i| same_sentence(i) && PARTNER_NOUNS.contains(&lower_at(i).as_str()))
}

/// The mention is the object of an accusation, request or sanction followed
/// by its charge ("accused Moscow of stalling", "urged Kyiv to negotiate").
fn is_charged(words: &[Word], mention: &Mention) -> bool {
    let Some(verb) = mention.words.start.checked_sub(1).and_then(|i| words.get(i)) else {
        return false;
    };
    let next = words.get(mention.words.end);
    verb.sentence == mention.sentence
        && ACTOR_OBJECT_VERBS.contains(&verb.lower().as_str())
        && !words[mention.words.end - 1].possessive
        && next.is_some_and(|w| {
            w.sentence == mention.sentence && CHARGE_PREPOSITIONS.contains(&w.lower().as_str())
        })
}
