//! A shallow reading of one sentence, enough to code events without a
//! parser: where its verbs are (from the verb dictionary), the auxiliaries
//! and adverbs grouped with each verb, whether the group is passive, and the
//! clause each verb belongs to (bounded by subordinators and semicolons).

use crate::dictionary::verbs::{VerbDictionary, VerbForm};

/// A dictionary verb found in the sentence with its verb group.
#[derive(Debug, Clone)]
pub struct VerbGroup<'d> {
    /// First word of the group (auxiliaries and adverbs included).
    pub start: usize,
    /// First word of the dictionary verb.
    pub verb_start: usize,
    /// One past its last word.
    pub verb_end: usize,
    /// The form it matched.
    pub form: &'d VerbForm,
    /// "was invited by", "were killed": the subject is the target.
    pub passive: bool,
    /// The group follows "and" / "but" directly: it shares the previous verb's subject.
    pub coordinated: bool,
    /// First word of the clause.
    pub lo: usize,
    /// One past the last word of the clause.
    pub hi: usize,
}

/// Words that may stand between a subject and its verb as part of the verb
/// group: auxiliaries, modals, negation, infinitive markers and frequent
/// adverbs. Modality reads them.
const GROUP_WORDS: &[&str] = &[
    "IS",
    "ARE",
    "WAS",
    "WERE",
    "BE",
    "BEEN",
    "BEING",
    "AM",
    "'S",
    "’S",
    "HAS",
    "HAVE",
    "HAD",
    "'VE",
    "WILL",
    "'LL",
    "WOULD",
    "'D",
    "SHALL",
    "SHOULD",
    "CAN",
    "COULD",
    "MAY",
    "MIGHT",
    "MUST",
    "DO",
    "DOES",
    "DID",
    "NOT",
    "N'T",
    "N’T",
    "NEVER",
    "ALSO",
    "AGAIN",
    "STILL",
    "TO",
    "ABOUT",
    "SET",
    "EXPECTED",
    "DUE",
    "PLANS",
    "PLAN",
    "PLANNED",
    "PLANNING",
    "READY",
    "GOING",
    "ALREADY",
    "JUST",
    "REPORTEDLY",
    "ALLEGEDLY",
    "FINALLY",
    "ONCE",
    "REPEATEDLY",
    "RECENTLY",
    "PREVIOUSLY",
    "LATER",
    "SOON",
    "THEN",
    "NO",
    "LONGER",
    "YET",
    "EVEN",
    "OFTEN",
    "PUBLICLY",
    "FORMALLY",
    "OFFICIALLY",
    "REFUSED",
    "FAILED",
    "WANTS",
    "WANT",
    "WANTED",
    "HOPES",
    "HOPED",
    "LIKELY",
    "UNLIKELY",
    "WILLING",
    "UNWILLING",
    "ABLE",
    "UNABLE",
    "AGREED",
    "THREATENED",
    "VOWED",
    "PROMISED",
    "PLEDGED",
    "OFFERED",
    "DECLINED",
    "TRYING",
    "TRIED",
    "SEEKING",
    "SOUGHT",
    "SEEKS",
];

/// Words that end a clause: a verb's subject and object stay within them.
const BOUNDARIES: &[&str] = &[
    ";", "WHICH", "WHO", "WHOM", "WHERE", "WHEN", "WHILE", "BECAUSE", "AFTER", "BEFORE", "SINCE", "UNTIL",
    "ALTHOUGH", "THOUGH", "WHEREAS", "THAT", "IF", "UNLESS", "BUT", "AS", "—", "–", ":", "“", "”", "\"",
];

/// Words before a verb form that make it a noun ("the attack", "its offer").
const DETERMINERS: &[&str] = &[
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE", "'S",
    "’S", "OF", "NO", "ANY", "EACH", "EVERY", "SUCH", "ANOTHER", "NEW", "FIRST", "SECOND", "IN", "ON", "FOR",
    "WITH", "MORE", "FURTHER", "LATEST",
];

/// Articles and possessives: "its deadly attacks" is a noun phrase, while
/// "on Thursday fired" is not.
const ARTICLES: &[&str] = &[
    "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE", "'S",
    "’S", "NO", "ANY", "EACH", "EVERY", "SUCH", "ANOTHER",
];

const BE_FORMS: &[&str] = &[
    "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM", "GET", "GOT", "GETS",
];

fn is_in(word: &str, list: &[&str]) -> bool {
    list.contains(&word)
}

/// True when `word` ends a clause.
pub fn is_boundary(word: &str) -> bool {
    is_in(word, BOUNDARIES)
}

/// True when `word` belongs to a verb group (auxiliary, modal, adverb, …).
pub fn is_group_word(word: &str) -> bool {
    is_in(word, GROUP_WORDS) || (word.ends_with("LY") && word.len() > 4)
}

/// The dictionary verbs of a sentence (upper-case words), left to right.
pub fn verb_groups<'d>(dict: &'d VerbDictionary, words: &[String]) -> Vec<VerbGroup<'d>> {
    let mut groups: Vec<VerbGroup<'d>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(form) = dict.verb_at(words, i) else {
            i += 1;
            continue;
        };
        let verb_end = i + form.words.len();
        let previous = i.checked_sub(1).and_then(|p| words.get(p)).map(String::as_str);
        // "to attack" and "will attack" are verbs whatever precedes them; "the attack" and
        // "its deadly attacks" are nouns.
        let before_previous = i.checked_sub(2).and_then(|p| words.get(p)).map(String::as_str);
        let after_determiner = previous.is_some_and(|p| is_in(p, DETERMINERS))
            || (before_previous.is_some_and(|p| is_in(p, ARTICLES))
                && previous.is_some_and(|p| !is_in(p, GROUP_WORDS) && p.chars().all(char::is_alphabetic)));
        if after_determiner && form.head == 0 {
            i = verb_end;
            continue;
        }
        let mut start = i;
        while start > 0 && is_group_word(&words[start - 1]) {
            start -= 1;
        }
        let head = &words[i + form.head];
        let participle = head != &form.lemma && !head.ends_with("ING") && !head.ends_with('S');
        let passive = participle && words[start..i].iter().any(|w| is_in(w, BE_FORMS));
        let coordinated = start > 0 && matches!(words[start - 1].as_str(), "AND" | "BUT" | "OR");
        let lo = (0..start)
            .rev()
            .find(|&k| is_boundary(&words[k]))
            .map_or(0, |k| k + 1);
        let mut hi = (verb_end..words.len())
            .find(|&k| is_boundary(&words[k]))
            .unwrap_or(words.len());
        // "Russia demanded that Ukraine withdraw": a complement clause right after
        // the verb holds its target, so the clause extends over it.
        if words.get(hi).is_some_and(|w| w == "THAT") && hi <= verb_end + 1 {
            hi = (hi + 1..words.len())
                .find(|&k| is_boundary(&words[k]))
                .unwrap_or(words.len());
        }
        groups.push(VerbGroup {
            start,
            verb_start: i,
            verb_end,
            form,
            passive,
            coordinated,
            lo,
            hi,
        });
        i = verb_end;
    }
    // Two verbs in a row cannot both be finite: in "drone strikes killed", the
    // first is the subject noun.
    let nouns: Vec<usize> = (0..groups.len().saturating_sub(1))
        .filter(|&k| {
            groups[k].verb_end == groups[k + 1].start && words[groups[k].verb_end - 1].ends_with('S')
        })
        .collect();
    for k in nouns.into_iter().rev() {
        groups.remove(k);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> VerbDictionary {
        let mut d = VerbDictionary::default();
        d.add("--- ATTACK [190] ---\nATTACK\n--- INVITE [040] ---\nINVITE\n");
        d
    }

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    #[test]
    fn finds_verbs_not_nouns_with_groups_and_clauses() {
        let d = dict();
        let w = words("Rohan condemned the attack which Mordor had not attacked");
        let g = verb_groups(&d, &w);
        assert_eq!(g.len(), 1, "the noun 'attack' is skipped");
        assert_eq!((g[0].start, g[0].verb_start, g[0].lo), (6, 8, 5));
        let w = words("its deadly attacks and drone attacks attacked Rohan");
        let g = verb_groups(&d, &w);
        assert_eq!(
            g.len(),
            1,
            "nouns after an adjective or before a verb are skipped"
        );
        assert_eq!(g[0].verb_start, 6);
    }

    #[test]
    fn passive_and_coordination() {
        let d = dict();
        let w = words("Gondor was invited by Rohan and attacked Mordor");
        let g = verb_groups(&d, &w);
        assert!(g[0].passive);
        assert!(!g[1].passive && g[1].coordinated);
        let w = words("Gondor has invited Rohan");
        assert!(!verb_groups(&d, &w)[0].passive);
    }
}
