//! A shallow reading of one sentence, enough to code events without a
//! parser: where its verbs are (from the verb dictionary), the auxiliaries
//! and adverbs grouped with each verb, whether the group is passive, and the
//! clause each verb belongs to (bounded by subordinators and semicolons).

mod lexicon;
mod noun_reading;

pub use lexicon::{is_article, is_auxiliary, is_be_form, is_boundary, is_group_word, is_reporting};

use crate::dictionary::verbs::{VerbDictionary, VerbForm};
use lexicon::is_cognition;
use noun_reading::is_not_a_verb;

/// The most words between a comma and the reporting verb of a clause it opens
/// ("…, the primary official news agency WFNA said").
const MAX_REPORTER_WORDS: usize = 8;

/// The most words between a verb and a "that" that opens its complement
/// ("expressed hopes on Thursday that …").
const MAX_WORDS_BEFORE_COMPLEMENT: usize = 4;

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
    /// A passive participle with no form of "be" ("a waterway long
    /// dominated by the United States", "people killed by police"): a
    /// reduced relative clause, whose patient is the noun right before it,
    /// not the subject of the sentence.
    pub reduced: bool,
    /// The group follows "and" / "but" directly, or is a participle after a
    /// comma ("…, killing three"): it shares the previous verb's subject.
    pub coordinated: bool,
    /// Words `[from, to)` set off between the subject and the verb by commas
    /// (an apposition or a non-restrictive relative clause: "Russia, which
    /// denies it, attacked …"): the subject is not looked for there.
    pub aside: Option<(usize, usize)>,
    /// First word of the clause.
    pub lo: usize,
    /// One past the last word of the clause.
    pub hi: usize,
}

/// The clause `[lo, hi)` of a verb group `[start, verb_end)`: from the
/// boundary before it to the boundary after it. A comma that opens a
/// reporting clause ("…, a senior official said") is a boundary too, so
/// the reporter is never the verb's object; a "that" complement right after
/// the verb (and its object or a time phrase: "expressed hopes on Thursday
/// that …", but not "the attack that …") stays in the clause, since it
/// holds the verb's target ("Russia demanded that Ukraine withdraw").
fn clause_bounds(words: &[String], start: usize, verb_end: usize) -> (usize, usize) {
    let lo = (0..start)
        .rev()
        .find(|&k| is_boundary(&words[k]))
        .map_or(0, |k| k + 1);
    let end_at = |from: usize| {
        (from..words.len())
            .find(|&k| is_boundary(&words[k]) || opens_reporting_clause(words, k))
            .unwrap_or(words.len())
    };
    let mut hi = end_at(verb_end);
    let complement = words.get(hi).is_some_and(|w| w == "THAT")
        && !is_cognition(&words[verb_end - 1])
        && hi - verb_end <= MAX_WORDS_BEFORE_COMPLEMENT
        && !words[verb_end..hi].iter().any(|w| is_article(w));
    if complement {
        hi = end_at(hi + 1);
    }
    (lo, hi)
}

/// Most words an aside set off by commas may have.
const MAX_ASIDE_WORDS: usize = 12;

/// Most words of an apposition that ends in a relative clause ("Mr.
/// Manafort, a longtime Republican strategist and lobbyist who in recent
/// weeks has taken over … from Mr. Trump's campaign manager, offered …").
const MAX_RELATIVE_ASIDE_WORDS: usize = 32;

/// Most words of the apposition before its relative pronoun.
const MAX_APPOSITION_WORDS: usize = 8;

/// The aside closed by the comma at `close`: back to the comma that opens
/// it, or to a relative pronoun after a comma ("Russia, which …, attacked"),
/// when that opening comma stands in the clause or just before it.
fn aside_before(words: &[String], lo: usize, close: usize) -> Option<(usize, usize)> {
    let first = close.saturating_sub(MAX_ASIDE_WORDS + 1);
    let Some(open) = (first..close).rev().find(|&k| words[k] == ",") else {
        return apposition_with_relative(words, close);
    };
    let relative =
        lo > 0 && lo - 1 == open + 1 && matches!(words[open + 1].as_str(), "WHO" | "WHICH" | "WHOSE");
    let apposition = open >= lo && !words[open + 1..close].iter().any(|w| is_boundary(w));
    (open > 0 && close > open + 1 && (relative || apposition)).then_some((open, close + 1))
}

/// The aside closed by the comma at `close` when it is a long one: an
/// apposition of plain words after a comma, then a relative pronoun and
/// its clause up to `close`, with no other comma or boundary in it.
fn apposition_with_relative(words: &[String], close: usize) -> Option<(usize, usize)> {
    let first = close.saturating_sub(MAX_RELATIVE_ASIDE_WORDS + 1);
    let open = (first..close).rev().find(|&k| words[k] == ",")?;
    let pronoun = (open + 1..close).find(|&k| matches!(words[k].as_str(), "WHO" | "WHICH" | "WHOSE"))?;
    let apposition = &words[open + 1..pronoun];
    let plain = !apposition.is_empty()
        && apposition.len() <= MAX_APPOSITION_WORDS
        && apposition
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'));
    let relative_clause = words[pronoun + 1..close]
        .iter()
        .all(|w| w != "," && !is_boundary(w));
    (open > 0 && plain && relative_clause).then_some((open, close + 1))
}

/// True when the comma at `k` opens a reporting clause: a reporting verb
/// follows within a few words, before any other comma or boundary.
fn opens_reporting_clause(words: &[String], k: usize) -> bool {
    if words[k] != "," {
        return false;
    }
    words
        .iter()
        .skip(k + 1)
        .take(MAX_REPORTER_WORDS)
        .take_while(|w| *w != "," && !is_boundary(w))
        .any(|w| is_reporting(w))
}

/// The dictionary verbs of a sentence (upper-case words), left to right;
/// `actors` are the word ranges of its actors.
pub fn verb_groups<'d>(
    dict: &'d VerbDictionary,
    words: &[String],
    actors: &[(usize, usize)],
) -> Vec<VerbGroup<'d>> {
    let mut groups: Vec<VerbGroup<'d>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some(form) = dict.verb_at(words, i) else {
            i += 1;
            continue;
        };
        let verb_end = i + form.words.len();
        if is_not_a_verb(dict, words, actors, i, form) {
            i = verb_end;
            continue;
        }
        let mut start = i;
        while start > 0 && is_group_word(&words[start - 1]) {
            start -= 1;
        }
        let head = &words[i + form.head];
        let participle = head != &form.lemma && !head.ends_with("ING") && !head.ends_with('S');
        // "was invited by", and the reduced "people killed by police".
        let by_agent = words.get(verb_end).is_some_and(|w| w == "BY") && head.ends_with("ED");
        let be = words[start..i].iter().any(|w| is_be_form(w));
        let passive = participle && (be || by_agent);
        let after_comma = start > 0 && words[start - 1] == ",";
        let coordinated = start > 0 && matches!(words[start - 1].as_str(), "AND" | "BUT" | "OR")
            || (after_comma && head.ends_with("ING"));
        let (mut lo, hi) = clause_bounds(words, start, verb_end);
        let aside = if after_comma {
            aside_before(words, lo, start - 1)
        } else {
            None
        };
        if let Some((from, _)) = aside {
            lo = lo.min(clause_bounds(words, from, from).0);
        }
        groups.push(VerbGroup {
            start,
            verb_start: i,
            verb_end,
            form,
            passive,
            reduced: passive && !be,
            coordinated,
            aside,
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
        let g = verb_groups(&d, &w, &[]);
        assert_eq!(g.len(), 1, "the noun 'attack' is skipped");
        assert_eq!((g[0].start, g[0].verb_start, g[0].lo), (6, 8, 5));
        let w = words("its deadly attacks and drone attacks attacked Rohan");
        let g = verb_groups(&d, &w, &[]);
        assert_eq!(
            g.len(),
            1,
            "nouns after an adjective or before a verb are skipped"
        );
        assert_eq!(g[0].verb_start, 6);
    }

    #[test]
    fn a_long_relative_clause_after_an_apposition_is_an_aside() {
        let d = dict();
        let w = words(
            "Rohan , a strong old ally who for many long years has fought the orcs of Mordor and their evil friends in the east , invited Gondor",
        );
        let g = verb_groups(&d, &w, &[]);
        let invited = g.iter().find(|g| w[g.verb_start] == "INVITED").expect("invited");
        assert_eq!(invited.aside, Some((1, w.len() - 2)));
        assert_eq!(invited.lo, 0, "the subject before the apposition is in reach");
    }

    #[test]
    fn passive_and_coordination() {
        let d = dict();
        let w = words("Gondor was invited by Rohan and attacked Mordor");
        let g = verb_groups(&d, &w, &[]);
        assert!(g[0].passive);
        assert!(!g[1].passive && g[1].coordinated);
        let w = words("Gondor has invited Rohan");
        assert!(!verb_groups(&d, &w, &[])[0].passive);
    }

    #[test]
    fn reporting_clauses_end_and_complements_extend_the_clause() {
        let d = dict();
        let w = words("Rohan attacked its embassy , a senior Gondor official said");
        assert_eq!(
            verb_groups(&d, &w, &[])[0].hi,
            4,
            "the reporter is not the object"
        );
        let w = words("Rohan attacked Osgiliath , Gondor and Arnor");
        assert_eq!(verb_groups(&d, &w, &[])[0].hi, w.len(), "a list goes on");
        let w = words("Eriador invited hopes on Thursday that Osgiliath would come");
        assert_eq!(
            verb_groups(&d, &w, &[])[0].hi,
            w.len(),
            "a complement after a time phrase"
        );
        let w = words("Rohan invited the delegation that Gondor sent");
        assert_eq!(
            verb_groups(&d, &w, &[])[0].hi,
            4,
            "a relative clause after an object"
        );
    }
}
