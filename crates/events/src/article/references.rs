//! Definite references to an earlier event. "Putin said he had invited
//! Zelenskyy to come to Moscow. … Kyiv has dismissed the invitation": the
//! invitation is Putin's. An event with no target whose object is "the
//! invitation", "the offer", "the proposal", "the demand" … takes as its
//! target the source of the nearest earlier event of that kind, preferring
//! one addressed to the event's own source's country.

use parallax_core::{Article, Event};

/// Reference nouns and the CAMEO roots of the events they can refer to.
const REFERENCES: &[(&str, &[&str])] = &[
    ("INVITATION", &["04"]),
    ("INVITATIONS", &["04"]),
    ("OFFER", &["03", "04", "05", "06", "07", "08"]),
    ("OFFERS", &["03", "04", "05", "06", "07", "08"]),
    ("PROPOSAL", &["03", "04", "05", "08"]),
    ("PROPOSALS", &["03", "04", "05", "08"]),
    ("REQUEST", &["02", "10"]),
    ("DEMAND", &["10"]),
    ("DEMANDS", &["10"]),
    ("ULTIMATUM", &["10", "13"]),
    ("ACCUSATION", &["11"]),
    ("ACCUSATIONS", &["11"]),
    ("ALLEGATIONS", &["11"]),
    ("THREAT", &["13"]),
    ("THREATS", &["13"]),
];

/// Determiners that make a noun phrase refer back.
const DEFINITE: &[&str] = &["THE", "THIS", "THAT", "THESE", "THOSE"];

/// Most words between the trigger and the reference noun ("dismissed the
/// latest ceasefire proposal").
const MAX_WORDS_TO_NOUN: usize = 5;

/// Most sentences back the referred event may stand.
const MAX_SENTENCES_BACK: usize = 6;

/// The roots the object of `event` refers to, when it is a definite
/// reference noun right after the trigger.
fn referenced_roots(article: &Article, event: &Event) -> Option<&'static [&'static str]> {
    let after = article.body.get(event.trigger.end..event.span.end)?;
    let words: Vec<String> = after
        .split_whitespace()
        .take(MAX_WORDS_TO_NOUN)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_uppercase())
        .collect();
    let definite = words.iter().position(|w| DEFINITE.contains(&w.as_str()))?;
    words[definite + 1..].iter().find_map(|w| {
        REFERENCES
            .iter()
            .find(|(noun, _)| noun == w)
            .map(|(_, roots)| *roots)
    })
}

/// Index of the sentence holding `position`.
fn sentence_at(article: &Article, position: usize) -> usize {
    article
        .analysis
        .sentences
        .partition_point(|s| s.span.end <= position)
}

/// Gives targetless events whose object refers to an earlier event that
/// event's source as target.
pub fn resolve(article: &Article, events: &mut [Event]) {
    for k in 0..events.len() {
        if events[k].target.is_some() {
            continue;
        }
        let Some(roots) = referenced_roots(article, &events[k]) else {
            continue;
        };
        let here = events[k].trigger.start;
        let sentence = sentence_at(article, here);
        let own = events[k].source.as_ref().map(|s| s.code.clone());
        let own_country = events[k].source.as_ref().and_then(|s| s.country.clone());
        let candidates = events[..]
            .iter()
            .filter(|e| {
                e.trigger.start < here
                    && sentence_at(article, e.trigger.start) + MAX_SENTENCES_BACK >= sentence
            })
            .filter(|e| roots.contains(&e.cameo.root.as_str()))
            .filter(|e| e.source.as_ref().is_some_and(|s| Some(&s.code) != own.as_ref()));
        // The nearest one addressed to the responder's country, else the nearest one.
        let addressed = |e: &&Event| {
            own_country.is_some() && e.target.as_ref().and_then(|t| t.country.clone()) == own_country
        };
        let chosen = candidates
            .max_by_key(|e| (addressed(e), e.trigger.start))
            .and_then(|e| e.source.clone());
        if let Some(source) = chosen {
            events[k].target = Some(source);
        }
    }
}
