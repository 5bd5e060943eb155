//! Actors of the story: every entity key any article mentions, with its
//! canonical name, knowledge-base id and offices, the titles articles give
//! it, and how each article spells its name. Also decides which entities are
//! spelt differently (not merely shortened) across articles.

use std::collections::{BTreeMap, BTreeSet};

use parallax_analyze::kb::kb;
use parallax_core::{EntityMention, EntityType, MentionForm};

use crate::corpus::{span_text, Corpus};
use crate::report::{Actor, Spelling, SpellingVariant};

/// Most article titles ("the Kremlin chief") kept per actor.
const MAX_TITLES: usize = 6;

/// All actors, most widely reported first (sources, then mentions, then key).
pub fn collect_actors(corpus: &Corpus) -> Vec<Actor> {
    let mut by_key: BTreeMap<&str, Vec<(&str, &EntityMention, String)>> = BTreeMap::new();
    for article in &corpus.articles {
        for mention in &article.analysis.entities {
            let text = span_text(article, mention.span);
            by_key
                .entry(mention.key.as_str())
                .or_default()
                .push((article.id.as_str(), mention, text));
        }
    }
    let mut actors: Vec<Actor> = by_key
        .into_iter()
        .map(|(key, mentions)| actor(key, &mentions))
        .collect();
    actors.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.key.cmp(&b.key))
    });
    actors
}

fn actor(key: &str, mentions: &[(&str, &EntityMention, String)]) -> Actor {
    let first = mentions[0].1;
    let mut spellings: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut titles: BTreeSet<String> = BTreeSet::new();
    for (article, mention, text) in mentions {
        match mention.form {
            MentionForm::Name => {
                spellings
                    .entry(article)
                    .or_default()
                    .insert(strip_possessive(text));
            }
            MentionForm::Title => {
                titles.insert(text.to_lowercase());
            }
            MentionForm::Pronoun => {}
        }
    }
    let mut roles: Vec<String> = kb()
        .people
        .iter()
        .find(|p| p.key == key)
        .map(|p| {
            p.roles
                .iter()
                .map(|r| match (r.from.is_empty(), r.to.is_empty()) {
                    (false, true) => format!("{} {} since {}", r.role, r.country, r.from),
                    (false, false) => format!("{} {} {}–{}", r.role, r.country, r.from, r.to),
                    _ => format!("{} {}", r.role, r.country),
                })
                .collect()
        })
        .unwrap_or_default();
    roles.extend(titles.into_iter().take(MAX_TITLES));
    let sources: BTreeSet<String> = mentions.iter().map(|(a, _, _)| (*a).to_owned()).collect();
    Actor {
        key: key.to_owned(),
        name: first.canonical.clone(),
        entity_type: first.entity_type,
        kb_id: mentions.iter().find_map(|(_, m, _)| m.kb_id.clone()),
        roles,
        spellings: spellings
            .into_iter()
            .map(|(article, forms)| Spelling {
                article: article.to_owned(),
                forms: forms.into_iter().collect(),
            })
            .collect(),
        sources: sources.into_iter().collect(),
        mentions: mentions.len(),
    }
}

/// "Zelenskyy’s" → "Zelenskyy".
fn strip_possessive(text: &str) -> String {
    let trimmed = text.trim();
    trimmed
        .strip_suffix("’s")
        .or_else(|| trimmed.strip_suffix("'s"))
        .unwrap_or(trimmed)
        .to_owned()
}

/// People and places whose names two articles write differently: some
/// pair of forms from different articles where neither's words are a subset
/// of the other's ("Sybiga" / "Sybiha", "Zelenskyy" / "Zelensky", "Lugansk"
/// / "Luhansk"), which leaves out mere shortening ("Putin" / "Vladimir
/// Putin"). Countries and organisations are left out: their other names are
/// synonyms or metonyms ("Kremlin" / "Moscow", "US" / "United States"), not
/// spellings.
pub fn spelling_variants(actors: &[Actor]) -> Vec<SpellingVariant> {
    actors
        .iter()
        .filter(|actor| matches!(actor.entity_type, EntityType::Person | EntityType::Place))
        .filter(|actor| {
            let forms: Vec<(&str, BTreeSet<String>)> = actor
                .spellings
                .iter()
                .flat_map(|s| s.forms.iter().map(move |f| (s.article.as_str(), words(f))))
                .collect();
            forms.iter().enumerate().any(|(i, (a, x))| {
                forms[i + 1..]
                    .iter()
                    .any(|(b, y)| a != b && !x.is_subset(y) && !y.is_subset(x))
            })
        })
        .map(|actor| SpellingVariant {
            key: actor.key.clone(),
            name: actor.name.clone(),
            spellings: actor.spellings.clone(),
        })
        .collect()
}

fn words(form: &str) -> BTreeSet<String> {
    form.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
