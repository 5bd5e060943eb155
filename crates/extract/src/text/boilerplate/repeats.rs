//! `repeated-paragraph`: a paragraph that repeats an earlier one after the
//! article's end, such as a quote from a "News Feed" sidebar pasted under
//! the article. The later copy goes; the first stays. Copies are found by
//! word trigrams so a changed comma or an added "Putin said." still counts.
//!
//! Only copies past the article's end (after its last paragraph *and* some
//! chrome) or directly under a removed widget count: live blogs repeat a
//! paragraph mid-article ("It takes 1,237 delegates to win") and articles
//! close by re-quoting a statement in full, and that text is their own.

use std::collections::HashSet;

use super::Page;
use crate::text::shape::word_tokens;

/// Rule name for repeated paragraphs.
pub const RULE: &str = "repeated-paragraph";

/// Paragraphs shorter than this are too short to call a copy ("He said.").
const MIN_WORDS: usize = 8;
/// Share of a paragraph's trigrams that must occur earlier for it to be a copy.
const MIN_CONTAINMENT: f64 = 0.7;

/// Rules whose removed lines mark a sidebar boundary: a copy right under
/// one of them came from the sidebar.
const SIDEBAR_RULES: &[&str] = &["ui-widget", "related-links", "advertisement"];

/// Removes near-copies of earlier open paragraphs that stand after the
/// article's end (past chrome that follows its last paragraph) or directly
/// under a removed widget.
pub fn remove_repeated_paragraphs(page: &mut Page) {
    let copies = near_copies(page);
    let body_end = page
        .open_lines()
        .into_iter()
        .filter(|i| !copies.contains(i))
        .max();
    for &i in &copies {
        let past_chrome =
            body_end.is_some_and(|end| end < i && (end + 1..i).any(|j| page.removal(j).is_some()));
        let under_widget = i
            .checked_sub(1)
            .and_then(|above| page.removal(above))
            .is_some_and(|rule| SIDEBAR_RULES.contains(&rule));
        if past_chrome || under_widget {
            page.remove(i, RULE);
        }
    }
}

/// Open lines whose trigrams mostly occur in earlier open lines.
fn near_copies(page: &Page) -> HashSet<usize> {
    let mut seen: HashSet<[String; 3]> = HashSet::new();
    let mut copies = HashSet::new();
    for i in page.open_lines() {
        let grams = trigrams(page.text(i));
        if page.line(i).word_count() >= MIN_WORDS && !grams.is_empty() {
            let repeated = grams.iter().filter(|g| seen.contains(*g)).count();
            if repeated as f64 / grams.len() as f64 >= MIN_CONTAINMENT {
                copies.insert(i);
                continue;
            }
        }
        seen.extend(grams);
    }
    copies
}

fn trigrams(text: &str) -> HashSet<[String; 3]> {
    word_tokens(text)
        .windows(3)
        .map(|w| [w[0].clone(), w[1].clone(), w[2].clone()])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    #[test]
    fn removes_a_later_near_copy() {
        let quote = "“We will rebuild every house that the water took from us,” the mayor said.";
        let copy = "\"We will rebuild every house that the water took from us,\" the mayor said on Monday.";
        let text = format!(
            "{quote}\n\nThe river burst its banks on Sunday, flooding dozens of homes, officials said.\n\n\
             News Feed\n\n{copy}"
        );
        let (_, verdicts) = run(&text);
        assert_eq!(reason_for(&verdicts, quote), None);
        assert_eq!(reason_for(&verdicts, copy), Some("repeated-paragraph"));
    }

    #[test]
    fn keeps_a_repeat_inside_the_article() {
        let fact = "It takes 1,237 delegates to win the party's nomination for president.";
        let text = format!(
            "{fact}\n\nThe first results came in from Ohio on Tuesday night, officials said.\n\n{fact}\n\n\
             Polls close in Florida at eight o'clock, the state election office said."
        );
        let (_, verdicts) = run(&text);
        assert!(
            verdicts.iter().all(|(_, reason)| reason.is_none()),
            "{verdicts:?}"
        );
    }

    #[test]
    fn keeps_a_closing_re_quote() {
        let quote = "“We will rebuild every house that the water took from us,” the mayor said.";
        let text = format!(
            "{quote}\n\nThe river burst its banks on Sunday, flooding dozens of homes, officials said.\n\n\
             \"We will rebuild every house that the water took from us,\" the mayor said in a statement."
        );
        let (_, verdicts) = run(&text);
        assert!(
            verdicts.iter().all(|(_, reason)| reason.is_none()),
            "{verdicts:?}"
        );
    }

    #[test]
    fn keeps_paragraphs_that_share_a_phrase() {
        let first = "The mayor said the town would rebuild every house the water took.";
        let second = "The mayor said the council would meet on Tuesday to approve emergency funds.";
        let (_, verdicts) = run(&format!("{first}\n\n{second}"));
        assert!(verdicts.iter().all(|(_, reason)| reason.is_none()));
    }
}
