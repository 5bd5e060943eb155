//! Metonymy: a capital or a seat of government acting as the subject of a
//! speech or action verb stands for the government ("Moscow launched…",
//! "the Kremlin said", "Kyiv has dismissed…"); after a preposition of place
//! it stays a place ("in Moscow", "to Kyiv", "at the White House"), unless
//! "from" follows something only an institution issues ("an invitation from
//! the Kremlin" is the government's invitation).

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
            EntityType::Place if !locative && (issuer || acts(words, mention)) => {
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
/// auxiliaries: "Kyiv has dismissed", "Moscow was still seeking").
fn acts(words: &[Word], mention: &Mention) -> bool {
    if words[mention.words.end - 1].possessive {
        return false;
    }
    let mut bridged = false;
    for word in words.iter().skip(mention.words.end).take(4) {
        if word.sentence != mention.sentence {
            return false;
        }
        let lower = word.lower();
        if ACTION_VERBS.contains(&lower.as_str()) {
            return true;
        }
        if BRIDGE.contains(&lower.as_str()) {
            bridged = true;
            continue;
        }
        // After an auxiliary any participle is a verb ("has dismissed", "was seeking").
        return bridged && (lower.ends_with("ed") || lower.ends_with("ing"));
    }
    false
}
