//! `Flag::Truncated` for scraped text: the kept body visibly starts in the
//! middle of a story or stops in the middle of a sentence.
//!
//! Start: the first paragraph opens in lower case, with a connective
//! ("But", "Meanwhile"), or with a pronoun whose referent must have come
//! before ("He", "They"), or its first sentence carries an interjected
//! connective ("Zelenskyy, meanwhile, is set to…"). End: the last paragraph
//! does not end a sentence.

use parallax_core::{Flag, ParagraphKind};

use super::shape;
use crate::blocks::Block;

/// Words that cannot open a story: they continue or refer back to earlier text.
const CONTINUING_OPENERS: &[&str] = &[
    "and",
    "but",
    "or",
    "so",
    "yet",
    "however",
    "meanwhile",
    "still",
    "nevertheless",
    "nonetheless",
    "instead",
    "moreover",
    "furthermore",
    "besides",
    "likewise",
    "similarly",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "him",
    "them",
    "its",
];

/// Connectives set off by commas inside a first sentence ("X, meanwhile, …").
const INTERJECTED: &[&str] = &[
    ", meanwhile,",
    ", however,",
    ", though,",
    ", in turn,",
    ", for his part,",
    ", for her part,",
    ", for their part,",
    ", for its part,",
    ", too,",
    ", likewise,",
];

/// Last paragraphs shorter than this are not judged (a sign-off or a label).
const MIN_JUDGED_WORDS: usize = 8;

/// Truncation flags for the kept blocks.
pub fn truncation_flags(blocks: &[Block]) -> Vec<Flag> {
    let mut paragraphs = blocks.iter().filter(|b| b.kind != ParagraphKind::Heading);
    let first = paragraphs.next();
    let last = blocks.iter().rev().find(|b| b.kind != ParagraphKind::Heading);
    let starts_mid_story = first.is_some_and(|b| starts_mid_story(&b.text));
    let ends_mid_sentence = last.is_some_and(|b| {
        b.text.split_whitespace().count() >= MIN_JUDGED_WORDS && !shape::ends_sentence(&b.text)
    });
    if starts_mid_story || ends_mid_sentence {
        vec![Flag::Truncated]
    } else {
        Vec::new()
    }
}

fn starts_mid_story(text: &str) -> bool {
    let Some(first_word) = text.split_whitespace().next() else {
        return false;
    };
    if first_word.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let word: String = first_word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if CONTINUING_OPENERS.contains(&word.as_str()) {
        return true;
    }
    let first_sentence = text.split(". ").next().unwrap_or(text).to_lowercase();
    INTERJECTED
        .iter()
        .any(|connective| first_sentence.contains(connective))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(paragraphs: &[&str]) -> Vec<Flag> {
        let blocks: Vec<Block> = paragraphs.iter().map(|p| Block::paragraph(*p)).collect();
        truncation_flags(&blocks)
    }

    #[test]
    fn flags_a_body_that_starts_mid_story() {
        assert_eq!(
            flags(&["The mayor, meanwhile, said the bridge would reopen."]),
            [Flag::Truncated]
        );
        assert_eq!(
            flags(&["But the council disagreed, a spokesman said."]),
            [Flag::Truncated]
        );
        assert_eq!(
            flags(&["said the bridge would reopen on Friday."]),
            [Flag::Truncated]
        );
    }

    #[test]
    fn flags_a_body_that_ends_mid_sentence() {
        let cut = "The council said the bridge would reopen once engineers had checked the";
        assert_eq!(flags(&["The bridge closed on Monday.", cut]), [Flag::Truncated]);
    }

    #[test]
    fn a_complete_story_is_not_truncated() {
        let story = [
            "The bridge closed on Monday after engineers found cracks, the council said.",
            "“It will reopen soon,” the mayor said.",
        ];
        assert!(flags(&story).is_empty());
    }
}
