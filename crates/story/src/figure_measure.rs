//! What a figure measures, and when two figures measure the same quantity.
//! A measure is the classes of the counted head nouns ("three merchant
//! ships" and "two vessels" both count `ship`), what happened to them (the
//! predicate class: ships damaged, drones launched, drones shot down), the
//! unit, the names that narrow what is counted ("five Russian soldiers" vs
//! "three Ukrainian soldiers"), and, when no predicate says what happened,
//! the whole a partitive figure is part of ("430 of the drones" is then not
//! a total).

use std::collections::BTreeSet;

use parallax_core::{Article, Figure, Span};

use crate::corpus::sentence_around;
use crate::figure_lexicon::noun_class;
use crate::figure_predicate::predicate_class;

/// The quantity a figure (or a sum of figures) counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// Classes of the counted head nouns ("drone", "missile").
    pub nouns: BTreeSet<String>,
    /// Capitalised words inside the figure, as written ("Russian").
    pub names: BTreeSet<String>,
    /// What happened to the counted thing ("launched", "killed"), when said.
    pub predicate: Option<String>,
    /// Unit of a measured figure ("percent", "km").
    pub unit: Option<String>,
    /// Noun classes of the whole a partitive figure is part of.
    pub part_of: Option<BTreeSet<String>>,
}

impl Measure {
    /// The measure of one figure, or of the sum of `parts` (same predicate).
    pub fn of(article: &Article, parts: &[&Figure]) -> Measure {
        let first = parts.first();
        let predicate = first.and_then(|f| predicate_of(article, f.span));
        let mut nouns = BTreeSet::new();
        let mut names = BTreeSet::new();
        for part in parts {
            if let Some(counts) = part.counts.as_deref() {
                nouns.extend(head_classes(counts));
            }
            names.extend(capitalised_words(article, part.span));
        }
        Measure {
            nouns,
            names,
            predicate,
            unit: first.and_then(|f| f.unit.clone()),
            part_of: first.and_then(|f| f.part_of.as_deref()).map(head_classes),
        }
    }

    /// Whether two figures count the same quantity. A predicate saying what
    /// happened makes a partitive comparable with a total of the same event
    /// ("34 of the drones were shot down" = "34 drones were shot down");
    /// without one, a part is never compared with a whole.
    pub fn same_quantity(&self, other: &Measure) -> bool {
        self.nouns == other.nouns
            && self.unit == other.unit
            && self.predicate == other.predicate
            && (self.predicate.is_some() || self.part_of == other.part_of)
            && (self.names.is_empty() || other.names.is_empty() || self.names == other.names)
    }
}

/// The predicate class of the figure at `span`, read in its sentence.
pub fn predicate_of(article: &Article, span: Span) -> Option<String> {
    let sentence = sentence_around(article, span);
    let text = sentence.slice(&article.body)?;
    predicate_class(text, sentence.start, span)
}

/// The classes of the head nouns of `counts` ("port worker and drone" →
/// worker, drone): the last word of each conjunct.
fn head_classes(counts: &str) -> BTreeSet<String> {
    counts
        .split(" and ")
        .flat_map(|c| c.split(" or "))
        .flat_map(|c| c.split(','))
        .filter_map(|conjunct| conjunct.split_whitespace().last())
        .map(|head| head.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|head| !head.is_empty())
        .map(noun_class)
        .collect()
}

/// Words the article writes capitalised inside the figure after its first
/// word ("two London brokers" → London, "five Russian soldiers" → Russian):
/// names and nationalities narrow what is counted. The first word is left
/// out: a figure opening a sentence is capitalised for that reason only.
fn capitalised_words(article: &Article, span: Span) -> BTreeSet<String> {
    let text = span.slice(&article.body).unwrap_or("");
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(predicate: Option<&str>, nouns: &[&str], names: &[&str]) -> Measure {
        Measure {
            nouns: nouns.iter().map(|n| (*n).to_owned()).collect(),
            names: names.iter().map(|n| (*n).to_owned()).collect(),
            predicate: predicate.map(str::to_owned),
            unit: None,
            part_of: None,
        }
    }

    #[test]
    fn heads_of_each_conjunct_are_classed() {
        let expected: BTreeSet<String> = ["drone", "missile"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(head_classes("drone and rocket"), expected);
        assert_eq!(head_classes("merchant vessel"), head_classes("ship"));
        assert!(head_classes("").is_empty());
    }

    #[test]
    fn different_predicates_or_names_are_different_quantities() {
        let launched = measure(Some("launched"), &["drone"], &[]);
        let downed = measure(Some("destroyed"), &["drone"], &[]);
        assert!(!launched.same_quantity(&downed));
        let russian = measure(Some("killed"), &["soldier"], &["Russian"]);
        let ukrainian = measure(Some("killed"), &["soldier"], &["Ukrainian"]);
        let unnamed = measure(Some("killed"), &["soldier"], &[]);
        assert!(!russian.same_quantity(&ukrainian));
        assert!(russian.same_quantity(&unnamed));
    }

    #[test]
    fn a_part_meets_a_whole_only_when_a_predicate_says_what_happened() {
        let mut part = measure(None, &["drone"], &[]);
        part.part_of = Some(head_classes("drones"));
        let whole = measure(None, &["drone"], &[]);
        assert!(!part.same_quantity(&whole));
        let mut downed_part = part.clone();
        downed_part.predicate = Some("destroyed".to_owned());
        assert!(downed_part.same_quantity(&measure(Some("destroyed"), &["drone"], &[])));
    }
}
