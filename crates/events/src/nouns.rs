//! Events named by a noun ("Russia's demand for Ukrainian forces to
//! withdraw", "ruled out an immediate meeting", "a second round … is
//! scheduled"), from the lexicon in `data/nouns.tsv`. The noun's source is
//! its possessor or the subject of the verb governing it; its target the actor
//! after a linking preposition; its modality comes from the governing verb.

use std::collections::HashMap;

use once_cell::sync::Lazy;

/// A noun of the lexicon.
#[derive(Debug, Clone)]
pub struct EventNoun {
    /// Default CAMEO code.
    pub code: String,
    /// Words that refine the code when they follow in the clause.
    pub refinements: Vec<(String, String)>,
}

static NOUNS: Lazy<HashMap<String, EventNoun>> = Lazy::new(|| {
    include_str!("../data/nouns.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let noun = cols.next()?.trim().to_uppercase();
            let code = cols.next()?.trim().to_owned();
            let refinements = cols
                .next()
                .unwrap_or("")
                .split(';')
                .filter_map(|r| r.split_once('='))
                .map(|(w, c)| (w.trim().to_uppercase(), c.trim().to_owned()))
                .collect();
            Some((noun, EventNoun { code, refinements }))
        })
        .collect()
});

/// Prepositions linking an event noun to its target.
const TARGET_LINKS: &[&str] = &["FOR", "ON", "AGAINST", "WITH", "TO", "BETWEEN", "FROM"];

/// Words that may follow an event noun that heads its phrase ("talks in",
/// "demand for", "attack on", "meeting ." …): anything else after it is the
/// noun it modifies ("attack helicopters", "offensive rhetoric", "sanctions
/// relief").
const HEAD_FOLLOWERS: &[&str] = &[
    "IN", "ON", "FOR", "WITH", "TO", "BETWEEN", "FROM", "AGAINST", "OF", "AT", "BY", "OVER", "NEAR", "AND",
    "OR", "BUT", "THAT", "WHICH", "WHO", "WHEN", "WHERE", "AS", "AFTER", "BEFORE", "SINCE", "UNTIL",
    "DURING", "IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD", "WILL", "WOULD", "COULD", "MAY", "MIGHT",
    "CAN", "SHOULD", "MUST", "BE", "BEEN", "THIS", "LAST", "NEXT", "ON", "EARLY", "LATE",
];

/// The event noun at word `i`, if the word is one and heads its phrase.
pub fn noun_at(words: &[String], i: usize) -> Option<&'static EventNoun> {
    let noun = NOUNS.get(words.get(i)?)?;
    let modifier = words
        .get(i + 1)
        .is_some_and(|w| w.chars().all(char::is_alphabetic) && !HEAD_FOLLOWERS.contains(&w.as_str()));
    (!modifier).then_some(noun)
}

/// The noun's code, refined by the words that follow it up to `hi`.
pub fn code_for(noun: &EventNoun, words: &[String], i: usize, hi: usize) -> String {
    let after = words.get(i + 1..hi.min(i + 12)).unwrap_or(&[]);
    noun.refinements
        .iter()
        .find(|(w, _)| after.contains(w))
        .map_or_else(|| noun.code.clone(), |(_, c)| c.clone())
}

/// The possessor actor of the noun at `i` ("Russia's demand"), as an index
/// into `actors` (word ranges sorted by start).
pub fn possessor(words: &[String], actors: &[(usize, usize)], i: usize) -> Option<usize> {
    // Up to two adjectives between the possessive and the noun.
    (1..=3).find_map(|gap| {
        let clitic = i.checked_sub(gap)?;
        if !matches!(words.get(clitic)?.as_str(), "'S" | "'") {
            return None;
        }
        actors.iter().position(|&(_, end)| end == clitic)
    })
}

/// Prepositions that open a phrase of time or setting ("during a meeting",
/// "in the talks", "after the attacks").
const SETTING_PREPOSITIONS: &[&str] = &[
    "DURING",
    "AT",
    "AFTER",
    "BEFORE",
    "SINCE",
    "AMID",
    "FOLLOWING",
    "IN",
    "THROUGHOUT",
    "UNTIL",
];

/// Most words between a setting preposition and its noun ("during a Group of 20 meeting").
const MAX_SETTING_WORDS: usize = 5;

/// True when the noun at word `i` heads a phrase of time or setting: a
/// setting preposition before it, with only plain words and actors (no
/// verb-group word, pronoun, -ed or -ing form, punctuation or other
/// preposition) in between — "after he ratcheted up his attacks" is a
/// clause, not a setting.
pub fn in_setting_phrase(words: &[String], actors: &[(usize, usize)], i: usize) -> bool {
    let in_actor = |k: usize| actors.iter().any(|&(s, e)| s <= k && k < e);
    for back in 1..=MAX_SETTING_WORDS.min(i) {
        let k = i - back;
        let w = words[k].as_str();
        if SETTING_PREPOSITIONS.contains(&w) && !in_actor(k) {
            return true;
        }
        let plain = w.chars().all(|c| c.is_alphanumeric() || c == '-');
        let verb_like = w.len() > 4 && (w.ends_with("ING") || w.ends_with("ED"));
        let clause_word = !in_actor(k) && (is_linking(w) || verb_like || SUBJECT_PRONOUNS.contains(&w));
        if !plain || crate::clause::is_group_word(w) || clause_word {
            return false;
        }
    }
    false
}

/// Subject pronouns: a clause, not a noun phrase, starts there.
const SUBJECT_PRONOUNS: &[&str] = &["I", "YOU", "HE", "SHE", "IT", "WE", "THEY"];

/// Prepositions that end the search for a setting preposition ("the demand for talks").
fn is_linking(word: &str) -> bool {
    matches!(
        word,
        "FOR" | "ON" | "AGAINST" | "WITH" | "TO" | "BY" | "FROM" | "BETWEEN"
    )
}

/// The target actor of the noun at `i`: the first actor after a linking
/// preposition within the next few words, before `hi`.
pub fn linked_target(words: &[String], actors: &[(usize, usize)], i: usize, hi: usize) -> Option<usize> {
    let link = (i + 1..hi.min(i + 4)).find(|&k| TARGET_LINKS.contains(&words[k].as_str()))?;
    actors
        .iter()
        .position(|&(start, end)| start > link && start <= link + 3 && end <= hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    #[test]
    fn nouns_in_phrases_of_time_or_setting() {
        let w = words("Gondor and Rohan met during a Group of 20 meeting");
        assert!(in_setting_phrase(&w, &[(0, 1), (2, 3)], 9));
        let w = words("Gondor ruled out an immediate meeting");
        assert!(!in_setting_phrase(&w, &[(0, 1)], 5));
        let w = words("Gondor pressed for talks");
        assert!(!in_setting_phrase(&w, &[(0, 1)], 3));
        let w = words("after he ratcheted up his attacks");
        assert!(!in_setting_phrase(&w, &[], 5), "a clause, not a setting");
    }

    #[test]
    fn demand_refined_with_possessor_and_target() {
        let w = words("Russia 's demand for Ukrainian forces to withdraw");
        let noun = noun_at(&w, 2).expect("noun");
        assert_eq!(code_for(noun, &w, 2, w.len()), "1056");
        let actors = [(0, 1), (4, 6)];
        assert_eq!(possessor(&w, &actors, 2), Some(0));
        assert_eq!(linked_target(&w, &actors, 2, w.len()), Some(1));
        assert!(noun_at(&w, 0).is_none());
        assert!(noun_at(&words("offensive rhetoric"), 0).is_none(), "a modifier");
        assert!(noun_at(&words("the offensive ."), 1).is_some());
    }
}
