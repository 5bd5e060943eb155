//! Credits: who wrote an article and which agencies supplied it, from a
//! byline or credit line ("By Jane Doe and John Roe, Reuters", "Jane Doe |
//! AFP", "- Agence France-Presse", "(Reuters)", "Staff and agencies").
//!
//! People go to `authors`, wire services (canonical names from
//! `data/agencies.tsv`) to `agencies`; job titles, dates, link texts and
//! anything that does not look like a name are dropped.

mod agencies;
mod names;

use once_cell::sync::Lazy;
use regex::Regex;

pub use agencies::{agency_by_credit, agency_name, dateline_agency, CreditSlot};
pub use names::looks_like_person_name;

/// People and agencies credited by one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credits {
    /// People, in the order credited, without duplicates.
    pub authors: Vec<String>,
    /// Canonical agency names, in the order credited, without duplicates.
    pub agencies: Vec<String>,
}

impl Credits {
    /// True when the line credited nobody.
    pub fn is_empty(&self) -> bool {
        self.authors.is_empty() && self.agencies.is_empty()
    }

    /// Adds another line's credits, keeping first-seen order and no duplicates.
    pub fn merge(&mut self, other: Credits) {
        for author in other.authors {
            push_unique(&mut self.authors, author);
        }
        for agency in other.agencies {
            push_unique(&mut self.agencies, agency);
        }
    }
}

/// Credit segments that name people who did not write the article.
static NON_AUTHOR_SEGMENT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:editing|edited|graphics|photos?|photography|illustrations?|video|fact[- ]checking|translat\w*|compiled)\b(?:\s+by)?")
        .expect("valid pattern")
});

/// Lead-in words of a byline ("By", "Reporting by", "Von", "Par", "Author:").
static LEAD_IN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:words|written|reported|(?:additional\s+)?reporting|story|text|interview)\s+(?:by|from)\b|by\b|von\b|par\b|por\b|door\b|di\b|autor(?:es|in)?\s*:|authors?\s*:|reporter\s*:|text\s*:|credits?\s*:|source\s*:)\s*",
    )
    .expect("valid pattern")
});

/// Separators between credited names.
static SEPARATOR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\s*(?:[,|/·•;()\[\]]|\s[-–—]\s|^[-–—]|\s(?:and|&|with|avec|mit|con|com|und|et|y|e|i|og|en|och)\s)\s*")
        .expect("valid pattern")
});

/// A place or employer after a name ("Jane Doe in Kyiv", "Jane Doe at the
/// Kyiv Independent"), which is not part of the name.
static TRAILING_PLACE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s+(?:in|at|from|reporting from|en|aus|à|a|em)\s+\S.*$").expect("valid pattern")
});

/// Splits a byline or credit line ("By Jane Doe and John Roe, Reuters", "Jane Doe | AFP", "- Agence France-Presse",
/// "(Reuters)", "AP", "Staff and agencies") into people and agencies (canonical agency names). Drops "Email the author",
/// role words ("Reporter", "Senior correspondent"), dates, and non-names.
pub fn split_credits(line: &str) -> Credits {
    let mut credits = Credits::default();
    for segment in line.split([';', '\n']) {
        if NON_AUTHOR_SEGMENT.is_match(segment) {
            continue;
        }
        credits.merge(split_segment(segment));
    }
    credits
}

/// Credits of one segment of a credit line (between semicolons).
fn split_segment(segment: &str) -> Credits {
    let mut credits = Credits::default();
    if let Some(agency) = agency_name(segment) {
        push_unique(&mut credits.agencies, agency.to_owned());
        return credits;
    }
    let segment = LEAD_IN.replace(segment, "");
    for piece in SEPARATOR.split(&segment) {
        let piece = LEAD_IN.replace(piece.trim(), "");
        let piece = piece
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
        if piece.is_empty() {
            continue;
        }
        if let Some(agency) = agency_name(piece) {
            push_unique(&mut credits.agencies, agency.to_owned());
            continue;
        }
        let piece = strip_leading_conjunction(piece);
        if is_team_credit(piece) {
            continue;
        }
        let name = TRAILING_PLACE.replace(piece, "");
        let name = strip_role_words(&name);
        if looks_like_person_name(&name) && crate::outlets::outlet_by_name(&name).is_none() {
            push_unique(&mut credits.authors, title_case_if_shouting(&name));
        }
    }
    credits
}

/// "and John Roe" (a byline split at an element boundary) → "John Roe".
fn strip_leading_conjunction(piece: &str) -> &str {
    ["and ", "And ", "& ", "with "]
        .iter()
        .find_map(|conjunction| piece.strip_prefix(conjunction))
        .map_or(piece, str::trim_start)
}

/// A credit ending in a newsroom-unit word ("Everfit Team") names no person.
fn is_team_credit(piece: &str) -> bool {
    piece
        .split_whitespace()
        .last()
        .is_some_and(|last| names::TEAM_WORDS.contains(&last.to_lowercase().as_str()))
}

/// Drops job-title words before or after a name ("Senior correspondent Jane
/// Doe", "Jane Doe Staff Writer"), keeping the words between.
fn strip_role_words(piece: &str) -> String {
    let tokens: Vec<&str> = piece.split_whitespace().collect();
    let is_role = |t: &&str| names::NOT_NAME_WORDS.contains(&t.trim_end_matches('.').to_lowercase().as_str());
    let start = tokens.iter().position(|t| !is_role(t)).unwrap_or(tokens.len());
    let end = tokens.iter().rposition(|t| !is_role(t)).map_or(start, |i| i + 1);
    tokens.get(start..end).unwrap_or_default().join(" ")
}

/// "JANE DOE" → "Jane Doe"; names with any lower-case letter are kept as
/// written.
fn title_case_if_shouting(name: &str) -> String {
    if name.chars().any(char::is_lowercase) || !name.chars().any(char::is_uppercase) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credits(authors: &[&str], agencies: &[&str]) -> Credits {
        Credits {
            authors: authors.iter().map(|s| s.to_string()).collect(),
            agencies: agencies.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn splits_people_and_agencies() {
        assert_eq!(
            split_credits("By Jane Doe and John Roe, Reuters"),
            credits(&["Jane Doe", "John Roe"], &["Reuters"])
        );
        assert_eq!(
            split_credits("Jane Doe | AFP"),
            credits(&["Jane Doe"], &["Agence France-Presse"])
        );
        assert_eq!(
            split_credits("- Agence France-Presse"),
            credits(&[], &["Agence France-Presse"])
        );
        assert_eq!(split_credits("(Reuters)"), credits(&[], &["Reuters"]));
        assert_eq!(split_credits("AP"), credits(&[], &["Associated Press"]));
        assert_eq!(split_credits("Staff and agencies"), credits(&[], &[]));
        assert_eq!(split_credits("TOI Lifestyle Desk"), credits(&[], &[]));
        assert_eq!(
            split_credits("By | Jane Doe | and John Roe"),
            credits(&["Jane Doe", "John Roe"], &[])
        );
        assert_eq!(
            split_credits("Jane Doe Staff Writer"),
            credits(&["Jane Doe"], &[])
        );
    }

    #[test]
    fn drops_roles_link_texts_dates_and_places() {
        assert_eq!(
            split_credits("By Jane Doe, Senior correspondent"),
            credits(&["Jane Doe"], &[])
        );
        assert_eq!(
            split_credits("Reporter Jane Doe | Email the author"),
            credits(&["Jane Doe"], &[])
        );
        assert_eq!(
            split_credits("Shaun Walker in Kyiv"),
            credits(&["Shaun Walker"], &[])
        );
        assert_eq!(
            split_credits("By JANE DOE, September 4, 2025"),
            credits(&["Jane Doe"], &[])
        );
        assert_eq!(
            split_credits("Olena Roshchina, a reporter at the Kyiv Independent"),
            credits(&["Olena Roshchina"], &[])
        );
    }

    #[test]
    fn reuters_footer_credits_reporters_not_editors() {
        assert_eq!(
            split_credits(
                "Reporting by Jane Doe in Kyiv; Additional reporting by John Roe; Editing by Alex Poe"
            ),
            credits(&["Jane Doe", "John Roe"], &[])
        );
    }

    #[test]
    fn other_languages_and_outlet_names() {
        assert_eq!(
            split_credits("Von Anna Schmidt und Jonas Weber, dpa"),
            credits(&["Anna Schmidt", "Jonas Weber"], &["dpa"])
        );
        assert_eq!(
            split_credits("Par Marie Dupont avec AFP"),
            credits(&["Marie Dupont"], &["Agence France-Presse"])
        );
        assert_eq!(split_credits("Al Jazeera Staff"), credits(&[], &[]));
        assert_eq!(split_credits("By BBC News"), credits(&[], &[]));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(line in "\\PC{0,80}") {
            let _ = split_credits(&line);
        }
    }
}
