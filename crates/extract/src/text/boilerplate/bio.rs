//! `author-bio`: the author box under an article: a name line, an optional
//! role line ("Reporter", "Senior Correspondent"), then a paragraph "X is a
//! … reporter at …". The block leaves the body; the name becomes an author
//! and the outlet the bio names ("reporter at the Kyiv Independent") the
//! article's outlet.
//!
//! A bio paragraph is recognised by its opening: a name, then "is/was a …"
//! or "has been …", with a newsroom role in its first sentence. Without a
//! name line above it, it only counts as a bio when it is the last
//! paragraph of the page, so an article *about* a journalist keeps its text.

use once_cell::sync::Lazy;
use regex::Regex;

use super::Page;
use crate::credits::looks_like_person_name;
use crate::outlets::{outlet_by_name, outlet_mentions};
use crate::text::shape;

/// Rule name for author bio blocks.
pub const RULE: &str = "author-bio";

/// Newsroom roles, as words in a bio's first sentence or a role line.
const ROLES: &str = r"reporter|correspondent|journalist|editor|writer|columnist|contributor|producer|analyst|photographer|photojournalist|anchor|presenter|commentator|blogger|intern|fellow|freelancer|stringer|chief|author";

/// "Name Surname is a …", "Name has been …": the subject in group `name`.
static BIO_OPENING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?P<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+(?:is|was|has\s+been|covers|writes|reports)\b")
        .expect("bio opening pattern is valid")
});

static ROLE_WORD: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?i)\b(?:{ROLES})s?\b")).expect("role pattern is valid"));

/// "… reporter at the Kyiv Independent", "… editor for Example News": the
/// capitalised name after the role, in group `outlet`.
static ROLE_AT_OUTLET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i:{ROLES})s?\s+(?i:at|for|with)\s+(?:(?i:the)\s+)?(?P<outlet>\p{{Lu}}[\p{{L}}’'&-]*(?:\s+\p{{Lu}}[\p{{L}}’'&-]*){{0,4}})"
    ))
    .expect("outlet pattern is valid")
});

/// A role line is a few words naming a role ("Senior Reporter").
const MAX_ROLE_LINE_WORDS: usize = 5;
/// The role must appear within the bio's first words.
const ROLE_WITHIN_CHARS: usize = 160;

/// Removes author bio blocks and records the author and outlet.
pub fn remove_author_bios(page: &mut Page) {
    for i in 0..page.len() {
        if !page.is_open(i) {
            continue;
        }
        let Some(subject) = bio_subject(page.text(i)) else {
            continue;
        };
        let role_line = page.previous_open(i).filter(|&r| is_role_line(page.text(r)));
        let name_line = role_line
            .map_or(page.previous_open(i), |r| page.previous_open(r))
            .filter(|&n| names_same_person(page.text(n), &subject));
        let is_last_paragraph = page.last_prose() == Some(i);
        if name_line.is_none() && !is_last_paragraph {
            continue;
        }
        let author = name_line.map_or(subject.clone(), |n| page.text(n).to_owned());
        if looks_like_person_name(&author) {
            page.findings.add_author(&author);
        }
        if let Some(outlet) = bio_outlet(page.text(i)) {
            page.findings.add_outlet(&outlet);
        }
        for line in [name_line, role_line, Some(i)].into_iter().flatten() {
            page.remove(line, RULE);
        }
    }
}

/// The person a bio paragraph is about, when the paragraph opens like a bio.
fn bio_subject(text: &str) -> Option<String> {
    let caps = BIO_OPENING.captures(text)?;
    let name = caps.name("name")?.as_str();
    let head_end = text
        .char_indices()
        .nth(ROLE_WITHIN_CHARS)
        .map_or(text.len(), |(p, _)| p);
    (ROLE_WORD.is_match(&text[..head_end]) && shape::is_prose(text)).then(|| name.to_owned())
}

/// A role line: a few words naming a newsroom role, not a sentence
/// ("Senior Reporter", "World news producer").
pub(crate) fn is_role_line(text: &str) -> bool {
    text.split_whitespace().count() <= MAX_ROLE_LINE_WORDS
        && ROLE_WORD.is_match(text)
        && !shape::ends_sentence(text)
}

/// A name line and a bio subject name the same person when they share the
/// first name ("Jane Doe" / "Jane" or "Jane Doe").
fn names_same_person(name_line: &str, subject: &str) -> bool {
    let first = |s: &str| s.split_whitespace().next().map(str::to_lowercase);
    looks_like_person_name(name_line) && first(name_line).is_some() && first(name_line) == first(subject)
}

/// "a former reporter at X", "previously an editor at X": X is not the
/// outlet that published this article.
fn is_former_role(text: &str, role_start: usize) -> bool {
    let before = text.get(..role_start).unwrap_or("");
    let window: String = before
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let window = window.to_lowercase();
    ["former", "previously", "ex-", "formerly", "once a"]
        .iter()
        .any(|w| window.contains(w))
}

/// The outlet a bio names: the name after "reporter at / editor for" (in
/// its canonical spelling when the outlet is known), else the first known
/// outlet the bio mentions. The role phrase comes first because a bio also
/// lists earlier employers.
fn bio_outlet(text: &str) -> Option<String> {
    let named = ROLE_AT_OUTLET
        .captures(text)
        .filter(|caps| !is_former_role(text, caps.get(0).map_or(0, |m| m.start())))
        .and_then(|caps| caps.name("outlet"))
        .map(|m| m.as_str().trim_end_matches(['.', ',']).to_owned());
    match named {
        Some(named) => Some(
            outlet_by_name(&named)
                .or_else(|| outlet_by_name(&format!("The {named}")))
                .map_or(named, |(name, _)| name.to_string()),
        ),
        None => outlet_mentions(text)
            .into_iter()
            .next()
            .map(|(_, name, _)| name.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    const BODY: &str = "The river burst its banks on Sunday, flooding dozens of homes, officials said.";
    const BIO: &str = "Maria Gonzalez is a climate reporter at the Harbour Gazette. She previously covered \
        local politics for regional radio.";

    #[test]
    fn removes_name_role_and_bio_and_records_author_and_outlet() {
        let text = format!("{BODY}\n\nMaria Gonzalez\n\nReporter\n\n{BIO}");
        let (page, verdicts) = run(&text);
        for line in ["Maria Gonzalez", "Reporter", BIO] {
            assert_eq!(reason_for(&verdicts, line), Some("author-bio"), "{line}");
        }
        assert_eq!(page.findings.authors, ["Maria Gonzalez"]);
        assert_eq!(page.findings.outlet_names, ["Harbour Gazette"]);
    }

    #[test]
    fn a_former_employer_is_not_the_outlet() {
        let bio = "Tom Berg is a former reporter at the Daily Example and now teaches journalism.";
        let (page, verdicts) = run(&format!("{BODY}\n\n{bio}"));
        assert_eq!(reason_for(&verdicts, bio), Some("author-bio"));
        assert!(page.findings.outlet_names.is_empty());
    }

    #[test]
    fn keeps_a_paragraph_about_a_journalist_inside_the_article() {
        let about = "Tom Berg is a reporter at a local paper who was detained on Friday, his editor said.";
        let text = format!("{BODY}\n\n{about}\n\nHe was released without charge on Saturday, police said.");
        let (page, verdicts) = run(&text);
        assert_eq!(reason_for(&verdicts, about), None);
        assert!(page.findings.authors.is_empty());
    }
}
