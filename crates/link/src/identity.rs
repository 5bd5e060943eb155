//! One identity per real entity across the articles of a story.
//!
//! The analysis already gives every mention a canonical key that unites
//! spellings and transliterations ("Sybiha"/"Sybiga", "Zelensky"/"Zelenskyy")
//! and resolves titles and pronouns inside the article ("the Kremlin chief" →
//! Putin). What one article cannot know is who a bare surname is when the
//! article never gives the full name: it keys "Steele" as `person:steele`.
//! Across a story that is often decidable, so this module merges:
//! - mentions with the same key;
//! - keys with the same knowledge-base id;
//! - a surname-only person key with the one full-name key of the story that
//!   has that surname — only when exactly one does: two Bushes in a story
//!   leave a bare "Bush" unresolved rather than guessed.

use std::collections::{BTreeMap, BTreeSet};

use parallax_core::{Article, EntityType, MentionForm, Span};
use serde::{Deserialize, Serialize};

/// A mention of a cross-article entity: which article, which bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionRef {
    /// Article id.
    pub article: String,
    /// Byte span of the mention in that article's body.
    pub span: Span,
}

/// One real entity across a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrossEntity {
    /// The key standing for the entity (the most specific key merged).
    pub key: String,
    /// Every key merged into it, sorted (includes `key`).
    pub keys: Vec<String>,
    /// Display name: the most frequent canonical name among its mentions.
    pub name: String,
    /// Entity type (of the representative key's mentions).
    pub entity_type: EntityType,
    /// Wikidata QID when the knowledge base knows it.
    pub kb_id: Option<String>,
    /// All mentions, sorted by article then span.
    pub mentions: Vec<MentionRef>,
}

/// What is known about one key across the articles.
#[derive(Default)]
struct KeyInfo {
    mentions: Vec<MentionRef>,
    names: BTreeMap<String, usize>,
    types: BTreeMap<EntityType, usize>,
    kb_id: Option<String>,
}

/// Groups the entity mentions of `articles` into cross-article entities,
/// sorted by key. Deterministic and independent of the order of `articles`.
pub fn resolve_identities(articles: &[&Article]) -> Vec<CrossEntity> {
    let infos = collect_keys(articles);
    let keys: Vec<&String> = infos.keys().collect();
    let index_of: BTreeMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();

    let mut by_qid: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some(qid) = infos[*key].kb_id.as_deref() {
            by_qid.entry(qid).or_default().push(i);
        }
    }
    for group in by_qid.values() {
        for pair in group.windows(2) {
            union(&mut parent, pair[0], pair[1]);
        }
    }
    for (short, full) in surname_merges(&keys) {
        if let (Some(&a), Some(&b)) = (index_of.get(short), index_of.get(full)) {
            union(&mut parent, a, b);
        }
    }

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..keys.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<CrossEntity> = groups
        .into_values()
        .map(|members| {
            build_entity(
                &members.iter().map(|&i| keys[i].as_str()).collect::<Vec<_>>(),
                &infos,
            )
        })
        .collect();
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

fn collect_keys(articles: &[&Article]) -> BTreeMap<String, KeyInfo> {
    let mut infos: BTreeMap<String, KeyInfo> = BTreeMap::new();
    for article in articles {
        for mention in &article.analysis.entities {
            if mention.key.trim().is_empty() {
                continue;
            }
            let info = infos.entry(mention.key.clone()).or_default();
            info.mentions.push(MentionRef {
                article: article.id.clone(),
                span: mention.span,
            });
            if mention.form == MentionForm::Name {
                *info.names.entry(mention.canonical.clone()).or_default() += 1;
            }
            *info.types.entry(mention.entity_type).or_default() += 1;
            if info.kb_id.is_none() {
                info.kb_id = mention.kb_id.clone();
            }
        }
    }
    infos
}

/// Pairs (surname-only person key, the unique full-name key with that
/// surname). A full key extends the short one by `-<given name>`.
fn surname_merges<'a>(keys: &[&'a String]) -> Vec<(&'a str, &'a str)> {
    let persons: BTreeSet<&str> = keys
        .iter()
        .map(|k| k.as_str())
        .filter(|k| k.starts_with("person:"))
        .collect();
    let mut merges = Vec::new();
    for short in &persons {
        let prefix = format!("{short}-");
        // Only a key with exactly one more part ("-<given>") is a full name
        // of the same surname; "person:von-der-leyen" is not a first name.
        let candidates: Vec<&str> = persons
            .iter()
            .copied()
            .filter(|k| {
                k.strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.is_empty() && !rest.contains('-'))
            })
            .collect();
        if let [only] = candidates.as_slice() {
            merges.push((*short, *only));
        }
    }
    merges
}

fn build_entity(members: &[&str], infos: &BTreeMap<String, KeyInfo>) -> CrossEntity {
    // The representative: a knowledge-base key first, then the longest key
    // (the full name over the bare surname), then the most mentioned.
    let representative = members
        .iter()
        .copied()
        .max_by(|a, b| {
            let (ia, ib) = (&infos[*a], &infos[*b]);
            ia.kb_id
                .is_some()
                .cmp(&ib.kb_id.is_some())
                .then(a.len().cmp(&b.len()))
                .then(ia.mentions.len().cmp(&ib.mentions.len()))
                .then(b.cmp(a))
        })
        .unwrap_or("");
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    let mut mentions = Vec::new();
    let mut kb_id = None;
    for key in members {
        let info = &infos[*key];
        for (name, count) in &info.names {
            *names.entry(name.as_str()).or_default() += count;
        }
        mentions.extend(info.mentions.iter().cloned());
        if kb_id.is_none() {
            kb_id = info.kb_id.clone();
        }
    }
    mentions.sort();
    let name = names
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())
        .unwrap_or_else(|| representative.to_owned());
    let entity_type = infos
        .get(representative)
        .and_then(|info| info.types.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))))
        .map(|(t, _)| *t)
        .unwrap_or(EntityType::Misc);
    let mut keys: Vec<String> = members.iter().map(|k| k.to_string()).collect();
    keys.sort();
    CrossEntity {
        key: representative.to_owned(),
        keys,
        name,
        entity_type,
        kb_id,
        mentions,
    }
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::with_mentions;

    #[test]
    fn bare_surname_joins_the_only_full_name() {
        let a = with_mentions("a", &[("person:steele-michael", "Michael Steele")]);
        let b = with_mentions("b", &[("person:steele", "Steele")]);
        let entities = resolve_identities(&[&a, &b]);
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].key, "person:steele-michael");
        assert_eq!(entities[0].mentions.len(), 2);
    }

    #[test]
    fn shared_surname_of_two_people_stays_apart() {
        let a = with_mentions(
            "a",
            &[
                ("person:bush-george", "George Bush"),
                ("person:bush-jeb", "Jeb Bush"),
            ],
        );
        let b = with_mentions("b", &[("person:bush", "Bush")]);
        let entities = resolve_identities(&[&a, &b]);
        assert_eq!(entities.len(), 3, "{entities:?}");
    }

    #[test]
    fn order_of_articles_does_not_matter() {
        let a = with_mentions(
            "a",
            &[("person:steele-michael", "Michael Steele"), ("org:rnc", "RNC")],
        );
        let b = with_mentions("b", &[("person:steele", "Steele")]);
        assert_eq!(resolve_identities(&[&a, &b]), resolve_identities(&[&b, &a]));
    }

    #[test]
    fn particles_are_not_given_names() {
        let a = with_mentions("a", &[("person:von-der-leyen-ursula", "Ursula von der Leyen")]);
        let b = with_mentions("b", &[("person:von", "Von")]);
        assert_eq!(resolve_identities(&[&a, &b]).len(), 2);
    }
}
