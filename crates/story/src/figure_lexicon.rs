//! The two small lexicons figures are reconciled with, shipped as data files
//! under `data/figures/`: counted-noun classes (`nouns.tsv`: "ship" and
//! "vessel" count the same kind of thing) and predicate classes
//! (`predicates.tsv`: "shot down" and "intercepted" say the same thing
//! happened to what is counted). Parsing is lenient: a malformed line is
//! skipped, never a panic.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::similarity::stem;

/// What a predicate says happened to a counted thing, by the thing's role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredicateClass {
    /// Class when the counted thing undergoes the action ("34 drones were shot down").
    pub undergoer: String,
    /// Class when the counted thing performs it ("41 drones struck the port").
    pub actor: String,
}

struct Lexicons {
    nouns: HashMap<String, String>,
    predicates: HashMap<String, PredicateClass>,
    /// Most words in a predicate form ("shot down" = 2).
    longest_predicate: usize,
}

fn lexicons() -> &'static Lexicons {
    static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
    LEXICONS.get_or_init(|| {
        let predicates = parse_predicates(include_str!("../data/figures/predicates.tsv"));
        let longest_predicate = predicates.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        Lexicons {
            nouns: parse_nouns(include_str!("../data/figures/nouns.tsv")),
            predicates,
            longest_predicate,
        }
    })
}

/// Data lines of a lexicon file: comments and blank lines dropped.
fn data_lines(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn parse_nouns(tsv: &str) -> HashMap<String, String> {
    data_lines(tsv)
        .filter(|fields| fields.len() >= 2)
        .flat_map(|fields| {
            let class = fields[0].to_owned();
            fields[1]
                .split_whitespace()
                .map(move |word| (word.to_lowercase(), class.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn parse_predicates(tsv: &str) -> HashMap<String, PredicateClass> {
    data_lines(tsv)
        .filter(|fields| fields.len() >= 2 && !fields[1].is_empty())
        .map(|fields| {
            let undergoer = fields[1].to_owned();
            let actor = match fields.get(2) {
                Some(a) if !a.is_empty() && *a != "-" => (*a).to_owned(),
                _ => undergoer.clone(),
            };
            let form = fields[0]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            (form, PredicateClass { undergoer, actor })
        })
        .collect()
}

/// The class of a counted head noun: its lexicon class, else the noun
/// itself, stemmed (so an unlisted noun still meets its own plural).
pub fn noun_class(head: &str) -> String {
    let head = head.to_lowercase();
    let nouns = &lexicons().nouns;
    nouns
        .get(&head)
        .or_else(|| nouns.get(&stem(&head)))
        .cloned()
        .unwrap_or_else(|| stem(&head))
}

/// The predicate whose form starts at `words[at]`, with how many words it
/// takes (the longest form wins: "shot down" before "shot").
pub fn predicate_at(words: &[String], at: usize) -> Option<(&'static PredicateClass, usize)> {
    let lexicons = lexicons();
    (1..=lexicons.longest_predicate).rev().find_map(|len| {
        let form = words.get(at..at + len)?.join(" ");
        lexicons.predicates.get(&form).map(|class| (class, len))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn synonymous_heads_share_a_class_and_unlisted_heads_keep_their_own() {
        assert_eq!(noun_class("vessel"), noun_class("ship"));
        assert_eq!(noun_class("Vessels"), "ship");
        assert_eq!(noun_class("people"), noun_class("civilian"));
        assert_ne!(noun_class("child"), noun_class("civilian"));
        assert_eq!(noun_class("tractors"), noun_class("tractor"));
        assert_ne!(noun_class("tractor"), noun_class("ship"));
    }

    #[test]
    fn the_longest_predicate_form_wins_and_roles_may_differ() {
        let (class, len) = predicate_at(&words("had shot down 34"), 1).expect("shot down");
        assert_eq!((class.undergoer.as_str(), len), ("destroyed", 2));
        let (class, _) = predicate_at(&words("drones struck the port"), 1).expect("struck");
        assert_eq!(
            (class.undergoer.as_str(), class.actor.as_str()),
            ("damaged", "launched")
        );
        assert!(predicate_at(&words("the port"), 0).is_none());
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let parsed = parse_predicates("# comment\nkill\n\nslay\tkilled\t-\nbad\t\t\n");
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed["slay"].actor, "killed");
    }
}
