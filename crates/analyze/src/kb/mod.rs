//! The knowledge base: people (heads of state and government, ministers,
//! spokespeople, negotiators) and organisations (governments with the
//! buildings that stand for them, ministries, alliances, news agencies),
//! written by hand in `data/kb/*.tsv` and compiled in. It answers "who is
//! this name", "who holds this office" and "what does this title mean".
//! How to extend it: `docs/entities.md`.

mod load;

use std::collections::{HashMap, HashSet};

use once_cell::sync::Lazy;

use crate::gazetteer::fold::{fold_phrase, fold_word};

/// Grammatical gender, used to resolve pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// He / him / his.
    Male,
    /// She / her.
    Female,
}

/// An office held between two dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Office id from `titles.tsv` ("president", "foreign-minister").
    pub role: String,
    /// ISO alpha-3 code of the country, or a body code (`EUR`, `NATO`, `UNO`).
    pub country: String,
    /// First day (`YYYY-MM-DD`).
    pub from: String,
    /// Last day, empty while in office.
    pub to: String,
}

/// A person of the knowledge base.
#[derive(Debug, Clone)]
pub struct Person {
    /// Canonical key (`person:zelensky-volodymyr`).
    pub key: String,
    /// Display name.
    pub canonical: String,
    /// Wikidata QID, when verified.
    pub qid: Option<String>,
    /// Names the person is written under, the canonical one included.
    pub aliases: Vec<String>,
    /// Gender, when recorded.
    pub gender: Option<Gender>,
    /// Offices, current and past.
    pub roles: Vec<Role>,
    /// CAMEO-style actor code (`UKRGOV`).
    pub actor: Option<String>,
}

/// An organisation of the knowledge base.
#[derive(Debug, Clone)]
pub struct Organization {
    /// Canonical key (`org:russia-government`).
    pub key: String,
    /// Display name.
    pub canonical: String,
    /// Wikidata QID, when verified.
    pub qid: Option<String>,
    /// Names of the body itself.
    pub aliases: Vec<String>,
    /// Places and buildings that stand for it ("Kremlin").
    pub metonyms: Vec<String>,
    /// Country (ISO alpha-3) or body code.
    pub country: String,
    /// CAMEO-style actor code.
    pub actor: Option<String>,
}

/// An office named by a title phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Office id ("president").
    pub role: String,
    /// The country the phrase itself names ("Kremlin chief" → RUS), if any.
    pub country: Option<String>,
}

/// An institution every country has ("air force", "foreign ministry").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Institution {
    /// Key suffix ("air-force").
    pub slug: String,
    /// Display suffix ("air force").
    pub canonical: String,
    /// Actor-code suffix ("MIL").
    pub actor: String,
}

/// What a folded phrase names in the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KbName {
    /// Index into [`Kb::people`].
    Person(usize),
    /// Index into [`Kb::organizations`]: the body itself.
    Organization(usize),
    /// Index into [`Kb::organizations`]: a place standing for the body.
    Metonym(usize),
}

/// The whole knowledge base, parsed once.
#[derive(Debug, Default)]
pub struct Kb {
    /// People.
    pub people: Vec<Person>,
    /// Organisations.
    pub organizations: Vec<Organization>,
    names: HashMap<String, Vec<KbName>>,
    surnames: HashMap<String, Vec<usize>>,
    titles: HashMap<String, Title>,
    title_heads: HashSet<String>,
    institution_heads: HashSet<String>,
    institutions: HashMap<String, Institution>,
    /// The most words a name, title or institution phrase has.
    pub longest_phrase: usize,
}

static KB: Lazy<Kb> = Lazy::new(|| {
    Kb::parse(
        include_str!("../../data/kb/people.tsv"),
        include_str!("../../data/kb/organizations.tsv"),
        include_str!("../../data/kb/titles.tsv"),
        include_str!("../../data/kb/institutions.tsv"),
    )
});

/// The compiled-in knowledge base.
pub fn kb() -> &'static Kb {
    &KB
}

impl Kb {
    /// What a folded phrase names (people before organisations).
    pub fn lookup_folded(&self, folded: &str) -> &[KbName] {
        self.names.get(folded).map_or(&[], Vec::as_slice)
    }

    /// People whose surname (last word of a full alias) folds to `folded`.
    pub fn people_with_surname(&self, folded: &str) -> &[usize] {
        self.surnames.get(folded).map_or(&[], Vec::as_slice)
    }

    /// The person a full name or alias as written denotes.
    pub fn person_named(&self, name: &str) -> Option<&Person> {
        self.lookup_folded(&fold_phrase(name))
            .iter()
            .find_map(|n| match n {
                KbName::Person(i) => Some(&self.people[*i]),
                _ => None,
            })
    }

    /// The organisation a name, alias or metonym as written denotes.
    pub fn organization_named(&self, name: &str) -> Option<&Organization> {
        self.lookup_folded(&fold_phrase(name))
            .iter()
            .find_map(|n| match n {
                KbName::Organization(i) | KbName::Metonym(i) => Some(&self.organizations[*i]),
                KbName::Person(_) => None,
            })
    }

    /// The office a folded title phrase names.
    pub fn title(&self, folded: &str) -> Option<&Title> {
        self.titles.get(folded)
    }

    /// The institution a folded phrase names.
    pub fn institution(&self, folded: &str) -> Option<&Institution> {
        self.institutions.get(folded)
    }

    /// The person the knowledge base says holds `role` for `country` now
    /// (an open-ended role); when several do, none (the title is ambiguous).
    pub fn current_holder(&self, role: &str, country: &str) -> Option<usize> {
        let mut holders = self.people.iter().enumerate().filter(|(_, p)| {
            p.roles
                .iter()
                .any(|r| r.role == role && r.country == country && r.to.is_empty())
        });
        let first = holders.next().map(|(i, _)| i);
        if holders.next().is_some() {
            return None;
        }
        first
    }

    /// Whether a folded word is the first word of some institution phrase.
    pub fn starts_institution(&self, folded_word: &str) -> bool {
        self.institution_heads.contains(folded_word)
    }

    /// Whether a single word is the first word of some title phrase.
    pub fn starts_title(&self, folded_word: &str) -> bool {
        self.title_heads.contains(folded_word)
    }
}

/// Surname of a full name: its last word, folded.
pub(crate) fn surname_of(name: &str) -> Option<String> {
    name.split_whitespace()
        .last()
        .map(fold_word)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_in_any_spelling_reach_one_person() {
        let kb = kb();
        for name in [
            "Volodymyr Zelenskyy",
            "Zelenskiy",
            "Zelensky",
            "Volodymyr Zelenskij",
        ] {
            assert_eq!(
                kb.person_named(name).map(|p| p.key.as_str()),
                Some("person:zelensky-volodymyr"),
                "{name}"
            );
        }
        for name in ["Andriy Sybiga", "Andrii Sybiha", "Andrei Sybiha"] {
            assert_eq!(
                kb.person_named(name).map(|p| p.key.as_str()),
                Some("person:sybiha-andrii"),
                "{name}"
            );
        }
    }

    #[test]
    fn offices_have_holders_and_dates() {
        let kb = kb();
        let putin = kb
            .current_holder("president", "RUS")
            .map(|i| kb.people[i].key.as_str());
        assert_eq!(putin, Some("person:putin-vladimir"));
        let umerov = kb.person_named("Rustem Umerov").expect("Umerov");
        let defence = umerov
            .roles
            .iter()
            .find(|r| r.role == "defence-minister")
            .expect("role");
        assert_eq!(
            (defence.from.as_str(), defence.to.as_str()),
            ("2023-09-06", "2025-07-17")
        );
        assert_eq!(umerov.gender, Some(Gender::Male));
    }

    #[test]
    fn buildings_stand_for_governments() {
        let kb = kb();
        assert_eq!(
            kb.organization_named("Kremlin").map(|o| o.key.as_str()),
            Some("org:russia-government")
        );
        assert_eq!(
            kb.organization_named("Pentagon").map(|o| o.key.as_str()),
            Some("org:united-states-defence-ministry")
        );
        assert_eq!(
            kb.title("kremlin chief").map(|t| t.role.as_str()),
            Some("president")
        );
        assert_eq!(
            kb.institution("air force").map(|i| i.slug.as_str()),
            Some("air-force")
        );
    }

    #[test]
    fn every_row_is_well_formed() {
        let kb = kb();
        assert!(kb.people.len() > 100 && kb.organizations.len() > 50);
        for person in &kb.people {
            assert!(person.key.starts_with("person:"), "{}", person.key);
            assert!(
                person.qid.as_deref().is_none_or(|q| q.starts_with('Q')),
                "{}",
                person.key
            );
            for role in &person.roles {
                assert_eq!(role.from.len(), 10, "{}: {:?}", person.key, role);
                assert!(
                    role.to.is_empty() || role.to.len() == 10,
                    "{}: {:?}",
                    person.key,
                    role
                );
            }
        }
        let mut keys: Vec<&str> = kb.people.iter().map(|p| p.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), kb.people.len(), "duplicate person key");
    }
}
