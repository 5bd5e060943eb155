//! Canonical keys: the identity of an entity across articles. A name the
//! knowledge base or gazetteer knows gets its key from there; any other name
//! gets a folded key (see `docs/entities.md`): `person:<surname>-<given>`,
//! `place:<name>`, `org:<name>`, `country:<iso3>`.

use crate::gazetteer::fold::{fold_phrase, fold_word};
use crate::gazetteer::{gazetteer, PlaceName};
use crate::kb::kb;

/// Honorifics and titles written before a name; not part of it.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "president",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "mayor",
    "minister",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "ayatollah",
    "pope",
];

/// Particles that belong to the surname ("von der Leyen", "bin Salman").
const SURNAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "al", "el", "bin", "ibn",
];

/// Key of a person named `name`: the knowledge base's key when the name or
/// one of its aliases matches, else `person:<surname>-<first given name>`
/// (surname only when the name is one word).
pub fn person_key(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let start = words
        .iter()
        .take_while(|w| HONORIFICS.contains(&fold_word(w).as_str()))
        .count();
    let words = &words[start.min(words.len().saturating_sub(1))..];
    let stripped = words.join(" ");
    if let Some(person) = kb().person_named(&stripped) {
        return person.key.clone();
    }
    if words.len() == 1 {
        let surname = fold_word(words[0]);
        if let [only] = kb().people_with_surname(&surname) {
            return kb().people[*only].key.clone();
        }
        return format!("person:{surname}");
    }
    folded_person_key(words)
}

/// `person:<surname>-<given>` from the words of a full name.
fn folded_person_key(words: &[&str]) -> String {
    let Some((last, rest)) = words.split_last() else {
        return "person:".to_owned();
    };
    let particles = rest
        .iter()
        .rev()
        .take_while(|w| SURNAME_PARTICLES.contains(&w.to_lowercase().as_str()))
        .count();
    let given = &rest[..rest.len() - particles];
    let mut surname: Vec<String> = rest[rest.len() - particles..]
        .iter()
        .map(|w| fold_word(w))
        .collect();
    surname.push(fold_word(last));
    let mut key = format!("person:{}", surname.join("-"));
    if let Some(first) = given.first() {
        key.push('-');
        key.push_str(&fold_word(first));
    }
    key
}

/// Key of a place: `country:<iso3>` for a country, the gazetteer's key for a
/// known region or city, else `place:<folded name>`.
pub fn place_key(name: &str) -> String {
    let g = gazetteer();
    let folded = fold_phrase(strip_article(name));
    match g.lookup_folded(&folded).first() {
        Some(PlaceName::Country(i)) | Some(PlaceName::Demonym { country: i, .. }) => g.countries[*i].key(),
        Some(PlaceName::Place(i)) => g.places[*i].key.clone(),
        None => format!("place:{}", folded.replace(' ', "-")),
    }
}

/// Key of an organisation: the knowledge base's key when the name, an alias
/// or a metonym matches, else `org:<folded name>`.
pub fn org_key(name: &str) -> String {
    let name = strip_article(name);
    if let Some(org) = kb().organization_named(name) {
        return org.key.clone();
    }
    format!("org:{}", fold_phrase(name).replace(' ', "-"))
}

fn strip_article(name: &str) -> &str {
    let trimmed = name.trim();
    for article in ["the ", "The "] {
        if let Some(rest) = trimmed.strip_prefix(article) {
            return rest.trim_start();
        }
    }
    trimmed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_person_share_a_key() {
        let key = person_key("Volodymyr Zelenskyy");
        assert_eq!(key, "person:zelensky-volodymyr");
        for name in ["Zelenskiy", "President Volodymyr Zelensky", "Zelenskij"] {
            assert_eq!(person_key(name), key, "{name}");
        }
        assert_eq!(person_key("Andriy Sybiga"), person_key("Andrii Sybiha"));
    }

    #[test]
    fn unknown_people_get_surname_first_folded_keys() {
        assert_eq!(person_key("Oksana Hryhorenko"), "person:hryhorenko-oksana");
        assert_eq!(person_key("Oksana Grygorenko"), "person:hryhorenko-oksana");
        assert_eq!(person_key("Ivan von Hollen"), "person:von-holen-ivan");
        assert_ne!(person_key("Anna Smith"), person_key("John Smith"));
        assert_eq!(person_key("Hryhorenko"), "person:hryhorenko");
    }

    #[test]
    fn places_unite_through_the_gazetteer() {
        assert_eq!(place_key("Kiev"), place_key("Kyiv"));
        assert_eq!(place_key("Lugansk"), "place:luhansk");
        assert_eq!(place_key("Kharkov"), place_key("Kharkiv"));
        assert_eq!(place_key("Odessa"), place_key("Odesa"));
        assert_eq!(place_key("Ukraine"), "country:ukr");
        assert_eq!(place_key("Nowhereville Zzz"), "place:nowherevile-z");
    }

    #[test]
    fn organisations_use_the_knowledge_base() {
        assert_eq!(org_key("the Kremlin"), "org:russia-government");
        assert_eq!(org_key("NATO"), "org:nato");
        assert_eq!(org_key("the Azov Brigade"), "org:azov-brigade");
    }
}
