//! The actors of one sentence, from the entity layer: coded entity mentions
//! (a country after "in / at / near" is a place, and so is one conjoined to
//! it: "in Syria and Iraq"), uncoded people and organisations as unknown
//! actors that still hold their position, role nouns joined to the actor
//! before them ("Ukrainian forces") or standing alone ("civilians"),
//! "former" making a role elite, and roles shared across conjunctions
//! ("Russian and Ukrainian officials", "Ukrainian forces and police").

use parallax_analyze::gazetteer::fold::fold_word;
use parallax_analyze::gazetteer::{gazetteer, PlaceName};
use parallax_core::{Article, EntityMention, EntityType, MentionForm};

use super::SentenceWords;
use crate::actors::{
    agent_at, as_elite, code_of_key, event_actor, is_actor_mention, is_person_title, recode, split_code,
    titled_surname, ActorSlot,
};
use crate::setting;

/// Prepositions that make a place the target of an action ("attacks on Kyiv").
const TARGET_PLACE_LINKS: &[&str] = &["on", "against", "targeting"];

/// Prepositions before a place name that keep it a place ("in Clinton").
const PLACE_PREPOSITIONS: &[&str] = &[
    "IN",
    "AT",
    "NEAR",
    "FROM",
    "TO",
    "INTO",
    "OF",
    "OUTSIDE",
    "AROUND",
    "ACROSS",
    "THROUGHOUT",
    "TOWARD",
    "TOWARDS",
];

/// Words that make the role after them a former one.
const FORMER: &[&str] = &["FORMER", "EX"];

/// Words that conjoin actors.
const CONJOINING: &[&str] = &[",", "AND", "OR"];

/// Most title words between "former" and a name ("former Ukrainian President").
const MAX_TITLE_WORDS: usize = 3;

/// The actor slots of a sentence, left to right.
pub fn actor_slots(article: &Article, s: &SentenceWords) -> Vec<ActorSlot> {
    let mentions = mention_slots(article, s);
    let slots = with_role_nouns(article, s, mentions);
    share_roles(article, s, slots)
}

/// True when only conjoining words stand in `words[from..to]` (and there is at least one).
fn conjoined(words: &[String], from: usize, to: usize) -> bool {
    words
        .get(from..to)
        .is_some_and(|b| !b.is_empty() && b.iter().all(|w| CONJOINING.contains(&w.as_str())))
}

/// True when "former" or "ex" stands before word `start`, over a few title words.
fn after_former(s: &SentenceWords, start: usize) -> bool {
    (1..=MAX_TITLE_WORDS + 1).any(|back| {
        start.checked_sub(back).is_some_and(|k| {
            FORMER.contains(&s.words[k].as_str())
                && s.words[k + 1..start]
                    .iter()
                    .all(|w| w.chars().all(char::is_alphabetic))
        })
    })
}

/// Entity mentions as slots.
fn mention_slots(article: &Article, s: &SentenceWords) -> Vec<ActorSlot> {
    let body = &article.body;
    let mut slots: Vec<ActorSlot> = Vec::new();
    let mut located_end: Option<usize> = None;
    for m in &article.analysis.entities {
        if m.span.start < s.span.start || m.span.end > s.span.end {
            continue;
        }
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
        // "Mrs. Clinton", "Mr. Bush", "Clinton seemed to implore Sanders": a one-word name
        // the entity layer read as a town, or as a person it could not tell apart (two
        // Clintons), is a person when a title stands before it, or when the knowledge
        // base's bearers of that surname share a code and no preposition of place stands
        // before it ("in Clinton, Iowa").
        // Only a surname the entity layer keyed as itself ("person:clinton"), not one it
        // linked to a full name in the article ("Rep. Gwen Graham … Graham").
        let unresolved_person = m.entity_type == EntityType::Person
            && m.form == MentionForm::Name
            && m.key == format!("person:{}", fold_word(text))
            && code_of_key(&m.key).is_none();
        let lone_place = (m.entity_type == EntityType::Place || unresolved_person) && end == start + 1;
        let previous = start.checked_sub(1).map(|p| s.words[p].as_str());
        let titled = lone_place && previous.is_some_and(is_person_title);
        let surname_actor = || {
            let located = previous.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p));
            (lone_place && !located)
                .then(|| titled_surname(text, m.span))
                .flatten()
        };
        let person = if titled {
            Some(titled_surname(text, m.span))
        } else {
            surname_actor().map(Some)
        };
        if let Some(actor) = person {
            slots.push(ActorSlot {
                start,
                end,
                actor,
                named: true,
                person: true,
            });
            continue;
        }
        let code = if is_actor_mention(m) {
            if m.key.starts_with("country:") {
                let near_place = located_end.is_some_and(|e| conjoined(&s.words, e, start));
                if near_place || setting::is_located(body, m) {
                    located_end = Some(end);
                    continue;
                }
            }
            // "Russian" as a group: the demonym gives the country.
            code_of_key(&m.key).map(|c| c.0).or_else(|| {
                (m.entity_type == EntityType::Group)
                    .then(|| m.span.slice(body).and_then(country_of_word))
                    .flatten()
            })
        } else {
            match targeted_place_code(body, m) {
                Some(code) => Some(code),
                None => continue,
            }
        };
        let actor = code.map(|code| {
            let code = if m.entity_type == EntityType::Person && after_former(s, start) {
                as_elite(&code)
            } else {
                code
            };
            event_actor(&code, text, m.span, Some(m))
        });
        slots.push(ActorSlot {
            start,
            end,
            actor,
            named: m.form != MentionForm::Pronoun,
            person: m.entity_type == EntityType::Person,
        });
    }
    slots
}

/// The actor code of a place attacked or targeted: its country.
fn targeted_place_code(body: &str, m: &EntityMention) -> Option<String> {
    let before = body
        .get(..m.span.start)?
        .split_whitespace()
        .last()?
        .to_lowercase();
    if !TARGET_PLACE_LINKS.contains(&before.as_str()) {
        return None;
    }
    setting::geocode(body, m).country
}

/// The ISO3 code of the country a word names or is the demonym of.
fn country_of_word(word: &str) -> Option<String> {
    let gaz = gazetteer();
    match gaz.lookup(word)? {
        PlaceName::Country(c) | PlaceName::Demonym { country: c, .. } => {
            gaz.countries.get(c).map(|c| c.iso3.clone())
        }
        PlaceName::Place(_) => None,
    }
}

/// True when `text` is a demonym ("Ukrainian"), not a country's name.
fn is_demonym(text: &str) -> bool {
    matches!(gazetteer().lookup(text), Some(PlaceName::Demonym { .. }))
}

/// Mention slots merged with a following role noun ("Ukrainian forces",
/// "Russia's army"), and bare role nouns ("civilians", "the Russian war
/// machine" when the entity layer left the demonym alone).
fn with_role_nouns(article: &Article, s: &SentenceWords, mentions: Vec<ActorSlot>) -> Vec<ActorSlot> {
    let body = &article.body;
    let mut merged: Vec<ActorSlot> = Vec::new();
    let mut next_slot = 0;
    let mut i = 0;
    while i < s.words.len() {
        if let Some(slot) = mentions.get(next_slot).filter(|a| a.start == i) {
            let mut slot = slot.clone();
            next_slot += 1;
            let after =
                slot.end + usize::from(matches!(s.words.get(slot.end).map(String::as_str), Some("'S")));
            let country = slot.actor.as_ref().filter(|a| a.code.len() == 3);
            if let Some(((len, role), actor)) = agent_at(&s.words, after).zip(country) {
                slot.end = after + len;
                let span = s.span_of(slot.start, slot.end);
                let role = if after_former(s, slot.start) {
                    crate::actors::ELITE
                } else {
                    role
                };
                let mut joined = event_actor(
                    &format!("{}{role}", actor.code),
                    span.slice(body).unwrap_or(""),
                    span,
                    None,
                );
                joined.name = actor.name.clone();
                joined.key = actor.key.clone();
                slot.actor = Some(joined);
            }
            i = slot.end;
            merged.push(slot);
            continue;
        }
        if let Some((len, role)) = agent_at(&s.words, i) {
            let demonym = i
                .checked_sub(1)
                .and_then(|p| s.spans.get(p))
                .and_then(|sp| sp.slice(body))
                .and_then(country_of_word);
            let (start, code) = match demonym {
                Some(iso3) => (i - 1, format!("{iso3}{role}")),
                None => (i, role.to_owned()),
            };
            let code = if after_former(s, start) {
                as_elite(&code)
            } else {
                code
            };
            let span = s.span_of(start, i + len);
            merged.push(ActorSlot {
                start,
                end: i + len,
                actor: Some(event_actor(&code, span.slice(body).unwrap_or(""), span, None)),
                named: false,
                person: false,
            });
            i += len;
            continue;
        }
        i += 1;
    }
    merged
}

/// Roles shared across a conjunction: a demonym before "and" takes the role
/// of the conjoined actor after it ("Russian and Ukrainian officials"), and a
/// bare role after "and" the country of the actor with a role before it
/// ("Ukrainian forces and police").
fn share_roles(article: &Article, s: &SentenceWords, mut slots: Vec<ActorSlot>) -> Vec<ActorSlot> {
    let body = &article.body;
    for k in 1..slots.len() {
        if !conjoined(&s.words, slots[k - 1].end, slots[k].start) {
            continue;
        }
        let (Some(before), Some(after)) = (slots[k - 1].actor.clone(), slots[k].actor.clone()) else {
            continue;
        };
        let (before_country, before_role) = split_code(&before.code);
        let (after_country, after_role) = split_code(&after.code);
        let demonym_before = before_role.is_none() && before.span.slice(body).is_some_and(is_demonym);
        if let (true, Some(role), Some(_)) = (demonym_before, &after_role, &after_country) {
            slots[k - 1].actor = Some(recode(&before, &format!("{}{role}", before.code)));
        } else if let (None, Some(role), Some(country), Some(_)) =
            (&after_country, &after_role, &before_country, &before_role)
        {
            slots[k].actor = Some(recode(&after, &format!("{country}{role}")));
        }
    }
    slots
}
