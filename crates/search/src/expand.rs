//! Entity-aware query expansion: which query words name a known entity.
//!
//! A word or phrase resolves through the same knowledge base and gazetteer
//! the analysis uses to key entities (`parallax_analyze::identity`), so a
//! query spelled "Sybiha" resolves to the key an article spelling him
//! "Sybiga" carries. Expansion must not turn ordinary words into entities,
//! so a candidate is kept only when
//! - the phrase has a word that is not a stopword, and a one- or two-letter
//!   word is typed in capitals ("US", not "us");
//! - some indexed document carries the key (otherwise it adds nothing);
//! - for a single word, documents carrying the key are at least half as
//!   many as documents containing the word: "nice" is not expanded to the
//!   city of Nice in a corpus where the word is mostly an adjective.

use parallax_analyze::gazetteer::fold::fold_phrase;
use parallax_analyze::gazetteer::{gazetteer, PlaceName};
use parallax_analyze::identity::person_key;
use parallax_analyze::kb::{kb, KbName};
use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, StopWordFilter, TextAnalyzer};

/// Longest phrase (in words) tried as an entity name.
pub const MAX_NAME_WORDS: usize = 4;

/// An entity a phrase names: its key and display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedEntity {
    pub key: String,
    pub name: String,
}

/// How common something is in the index; lets expansion check its guards
/// without knowing about tantivy searchers.
pub trait Frequencies {
    /// Documents carrying the entity key.
    fn key_documents(&self, key: &str) -> u64;
    /// Documents containing the word in their text.
    fn word_documents(&self, word: &str) -> u64;
}

/// The entity `phrase` (as typed) names, if the guards above allow it.
pub fn resolve(phrase: &str, index: &dyn Frequencies) -> Option<NamedEntity> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.iter().all(|w| is_stopword(w)) {
        return None;
    }
    if let [word] = words.as_slice() {
        if word.chars().count() <= 2 && !word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
            return None;
        }
    }
    let entity = known_entity(phrase)?;
    let tagged = index.key_documents(&entity.key);
    if tagged == 0 {
        return None;
    }
    if words.len() == 1 && tagged * 2 < index.word_documents(phrase) {
        return None;
    }
    Some(entity)
}

/// What the knowledge base, the gazetteer or the name-folding key scheme
/// make of a phrase, without looking at the index.
fn known_entity(phrase: &str) -> Option<NamedEntity> {
    let folded = fold_phrase(phrase);
    if folded.is_empty() {
        return None;
    }
    let kb = kb();
    if let Some(found) = kb.lookup_folded(&folded).first() {
        return Some(match *found {
            KbName::Person(i) => NamedEntity {
                key: kb.people[i].key.clone(),
                name: kb.people[i].canonical.clone(),
            },
            KbName::Organization(i) | KbName::Metonym(i) => NamedEntity {
                key: kb.organizations[i].key.clone(),
                name: kb.organizations[i].canonical.clone(),
            },
        });
    }
    let single_word = !folded.contains(' ');
    if single_word {
        if let [only] = kb.people_with_surname(&folded) {
            let person = &kb.people[*only];
            return Some(NamedEntity {
                key: person.key.clone(),
                name: person.canonical.clone(),
            });
        }
    }
    let places = gazetteer();
    match places.lookup_folded(&folded).first() {
        Some(PlaceName::Country(i)) | Some(PlaceName::Demonym { country: i, .. }) => {
            let country = &places.countries[*i];
            return Some(NamedEntity {
                key: country.key(),
                name: country.name.clone(),
            });
        }
        Some(PlaceName::Place(i)) => {
            let place = &places.places[*i];
            return Some(NamedEntity {
                key: place.key.clone(),
                name: place.name.clone(),
            });
        }
        None => {}
    }
    // A full name nobody catalogued still has a folded key shared by its
    // spellings ("Andriy Yermak" / "Andrii Yermak"); one word alone would
    // be too vague (`person:<word>` is only given to one-word mentions).
    (!single_word).then(|| NamedEntity {
        key: person_key(phrase),
        name: phrase.to_owned(),
    })
}

fn is_stopword(word: &str) -> bool {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::English).expect("tantivy ships an English stopword list"))
        .build();
    let mut stream = analyzer.token_stream(word);
    let mut any = false;
    while stream.advance() {
        any = true;
    }
    !any
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Document counts by key and by lower-cased word.
    #[derive(Default)]
    struct Counts {
        keys: HashMap<String, u64>,
        words: HashMap<String, u64>,
    }

    impl Counts {
        fn key(mut self, phrase: &str, documents: u64) -> Self {
            let key = known_entity(phrase)
                .unwrap_or_else(|| panic!("{phrase} should be known"))
                .key;
            self.keys.insert(key, documents);
            self
        }
        fn word(mut self, word: &str, documents: u64) -> Self {
            self.words.insert(word.to_owned(), documents);
            self
        }
    }

    impl Frequencies for Counts {
        fn key_documents(&self, key: &str) -> u64 {
            self.keys.get(key).copied().unwrap_or(0)
        }
        fn word_documents(&self, word: &str) -> u64 {
            self.words.get(&word.to_lowercase()).copied().unwrap_or(0)
        }
    }

    #[test]
    fn both_spellings_of_a_kb_person_resolve_to_one_key() {
        let a = known_entity("Sybiha").expect("Sybiha is in the knowledge base");
        let b = known_entity("Sybiga").expect("Sybiga is an alias");
        assert_eq!(a.key, b.key);
        assert_eq!(a.key, "person:sybiha-andrii");
        assert_eq!(known_entity("Andriy Sybiga").map(|e| e.key), Some(a.key));
    }

    #[test]
    fn expansion_needs_the_key_in_the_index() {
        assert!(resolve("Sybiha", &Counts::default()).is_none());
        let index = Counts::default().key("Sybiha", 3).word("sybiha", 2);
        assert_eq!(
            resolve("Sybiha", &index).map(|e| e.name),
            Some("Andrii Sybiha".to_owned())
        );
    }

    #[test]
    fn stopwords_short_lowercase_words_and_common_words_do_not_expand() {
        let index = Counts::default().key("US", 10).word("us", 10);
        assert!(resolve("us", &index).is_none());
        assert!(resolve("US", &index).is_some());
        assert!(resolve("the", &index).is_none());
        let mostly_adjective = Counts::default().key("Nice", 2).word("nice", 40);
        assert!(resolve("nice", &mostly_adjective).is_none());
        let mostly_city = Counts::default().key("Nice", 30).word("nice", 40);
        assert!(resolve("Nice", &mostly_city).is_some());
    }
}
