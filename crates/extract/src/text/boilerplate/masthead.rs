//! `masthead` and `byline`: the outlet-name and author lines a scrape
//! carries above the headline (and sometimes repeats at the bottom). Both
//! leave the body and become metadata.
//!
//! Only the page's top matter (open lines before the first paragraph) and
//! its tail (after the last paragraph) are searched: a person's name alone
//! on a line mid-article is more likely a heading than a byline. The job
//! title directly under a byline ("World news producer") is part of it.

use once_cell::sync::Lazy;
use regex::Regex;

use super::bio::is_role_line;
use super::Page;
use crate::credits::{looks_like_person_name, split_credits};
use crate::outlets::outlet_by_name;
use crate::text::header::Header;
use crate::text::shape;

/// Rule name for outlet-name lines.
pub const MASTHEAD_RULE: &str = "masthead";
/// Rule name for byline lines.
pub const BYLINE_RULE: &str = "byline";

/// Masthead and byline lines are short.
const MAX_TOP_LINE_WORDS: usize = 12;

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Written by …".
static BY_PREFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:by|written\s+by|words\s+by|story\s+by|reporting\s+by|von|par|por)\s+\S")
        .expect("byline pattern is valid")
});

/// Removes outlet-name and byline lines around the article and records them.
pub fn remove_masthead_and_byline(page: &mut Page, header: &Header) {
    let first = page.first_prose().unwrap_or(page.len());
    let last = page.last_prose().map_or(page.len(), |l| l + 1);
    let candidates: Vec<usize> = (0..first).chain(last.max(first)..page.len()).collect();
    for i in candidates {
        if !page.is_open(i) || page.line(i).word_count() > MAX_TOP_LINE_WORDS {
            continue;
        }
        let text = page.text(i).to_owned();
        let repeated_logo = i < first && is_repeated_logo(page, i, first);
        if let Some(outlet) = masthead_outlet(&text, header).or_else(|| repeated_logo.then(|| text.clone())) {
            page.findings.add_outlet(&outlet);
            page.remove(i, MASTHEAD_RULE);
        } else if i < first {
            if let Some(authors) = byline_authors(&text) {
                for author in &authors.0 {
                    page.findings.add_author(author);
                }
                for agency in &authors.1 {
                    page.findings.add_agency(agency);
                }
                page.remove(i, BYLINE_RULE);
                if let Some(role) = page
                    .next_open(i)
                    .filter(|&r| r < first && is_job_title(page.text(r)))
                {
                    page.remove(role, BYLINE_RULE);
                }
            }
        }
    }
}

/// The outlet a line names when the whole line is an outlet name: a known
/// outlet, the `source` header's name, or the name of the `url` header's site.
fn masthead_outlet(text: &str, header: &Header) -> Option<String> {
    let bare = text.trim().trim_end_matches(['.', '|', '-', '–', '—']).trim();
    if let Some((name, _domain)) = outlet_by_name(bare) {
        return Some(name.to_string());
    }
    if header
        .source
        .as_deref()
        .is_some_and(|source| shape::same_words(source, bare))
    {
        return Some(bare.to_owned());
    }
    let site = header.url.as_deref().and_then(crate::metadata::domain_of)?;
    let label = site.split('.').next()?.to_lowercase();
    let squashed: String = bare
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    (!label.is_empty() && squashed == label).then(|| bare.to_owned())
}

/// A job title under a byline: a role line whose role word opens or closes
/// it ("Senior Reporter", "Editor at large"); a short headline that merely
/// mentions a role ("New editor named at paper") has it in the middle.
fn is_job_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let names_role = |w: Option<&&str>| w.is_some_and(|w| is_role_line(w));
    is_role_line(text) && (names_role(words.first()) || names_role(words.last()))
}

/// Longest name a repeated logo line may have, in words.
const MAX_LOGO_WORDS: usize = 3;

/// Sites repeat their name at the top (logo text, then the name again as a
/// link): a short capitalised line that occurs twice in the top matter and
/// is not a person's name is the outlet's name even when no lexicon knows it.
fn is_repeated_logo(page: &Page, i: usize, first_prose: usize) -> bool {
    let text = page.text(i);
    let short = page.line(i).word_count() <= MAX_LOGO_WORDS && shape::starts_capitalised(text);
    short
        && !shape::ends_sentence(text)
        && !looks_like_person_name(text)
        && (0..first_prose).filter(|&j| page.text(j) == text).count() >= 2
}

/// Authors and agencies of a byline line: "By …" lines, or a line that is
/// only a person's name (or names joined by "and" / commas).
fn byline_authors(text: &str) -> Option<(Vec<String>, Vec<String>)> {
    if BY_PREFIX.is_match(text) {
        let credits = split_credits(text);
        if credits.authors.is_empty() && credits.agencies.is_empty() {
            return None;
        }
        return Some((credits.authors, credits.agencies));
    }
    let parts: Vec<&str> = text
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // A column label ("Economic Scene.") is shaped like a name but a
    // byline does not end with a full stop.
    let all_people =
        !parts.is_empty() && !text.ends_with('.') && parts.iter().all(|p| looks_like_person_name(p));
    all_people.then(|| (parts.iter().map(|p| (*p).to_owned()).collect(), Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    #[test]
    fn removes_byline_above_the_headline_and_records_the_author() {
        let text = "Maria Gonzalez\n\nFlood defences fail as river bursts its banks\n\n\
            The river burst its banks on Sunday, flooding dozens of homes, officials said.";
        let (page, verdicts) = run(text);
        assert_eq!(reason_for(&verdicts, "Maria Gonzalez"), Some("byline"));
        assert_eq!(page.findings.authors, ["Maria Gonzalez"]);
    }

    #[test]
    fn by_lines_are_bylines() {
        let text = "By Maria Gonzalez and Tom Berg\n\n\
            The river burst its banks on Sunday, flooding dozens of homes, officials said.";
        let (page, verdicts) = run(text);
        assert_eq!(
            reason_for(&verdicts, "By Maria Gonzalez and Tom Berg"),
            Some("byline")
        );
        assert_eq!(page.findings.authors, ["Maria Gonzalez", "Tom Berg"]);
    }

    #[test]
    fn the_job_title_under_a_byline_goes_with_it() {
        let text =
            "Flood defences fail as river bursts its banks\n\nMaria Gonzalez\nRegional news producer\n\n\
            The river burst its banks on Sunday, flooding dozens of homes, officials said.";
        let (page, verdicts) = run(text);
        assert_eq!(reason_for(&verdicts, "Regional news producer"), Some("byline"));
        assert_eq!(page.findings.authors, ["Maria Gonzalez"]);
        assert_eq!(
            page.findings.title.as_deref(),
            Some("Flood defences fail as river bursts its banks")
        );
    }

    #[test]
    fn a_headline_mentioning_a_role_under_a_byline_stays() {
        let text = "By Maria Gonzalez\n\nNew editor named at paper\n\n\
            The Harbour Gazette named a new editor on Sunday, the owners said.";
        let (page, verdicts) = run(text);
        assert_eq!(reason_for(&verdicts, "New editor named at paper"), Some("title"));
        assert_eq!(page.findings.title.as_deref(), Some("New editor named at paper"));
    }

    #[test]
    fn a_name_repeated_at_the_top_is_the_masthead() {
        let text = "The Harbour Gazette\nThe Harbour Gazette\n\n\
            The river burst its banks on Sunday, flooding dozens of homes, officials said.";
        let (page, verdicts) = run(text);
        assert_eq!(verdicts[0].1, Some("masthead"));
        assert_eq!(verdicts[1].1, Some("masthead"));
        assert_eq!(page.findings.outlet_names, ["The Harbour Gazette"]);
    }

    #[test]
    fn keeps_a_name_line_inside_the_article() {
        let text = "The river burst its banks on Sunday, flooding dozens of homes, officials said.\n\n\
            Maria Gonzalez\n\nThe mayor said the town would rebuild, and thanked volunteers.";
        let (page, verdicts) = run(text);
        assert_eq!(reason_for(&verdicts, "Maria Gonzalez"), None);
        assert!(page.findings.authors.is_empty());
    }
}
