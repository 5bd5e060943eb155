//! `Flag::Truncated` for scraped text: the kept body visibly starts in the
//! middle of a story or stops in the middle of a sentence.
//!
//! Start: the first paragraph opens in lower case, with a connective
//! ("But", "Meanwhile"), or with a pronoun whose referent must have come
//! before ("He", "They"), or its first sentence carries an interjected
//! connective ("Zelenskyy, meanwhile, is set to…"). End: the last paragraph
//! does not end a sentence *and* visibly is a sentence that was cut: it
//! runs long, holds an earlier finished sentence, or stops on a word that
//! cannot end one ("of", "the", a comma). A short line without final
//! punctuation is more often a leftover label or promo than a cut sentence
//! ("Get our app for breaking news alerts"), and flagging a complete
//! article as truncated on its account would be wrong.

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
/// A last paragraph this long without a final full stop is running text
/// that was cut, whatever its last word.
const MIN_RUNNING_TEXT_WORDS: usize = 20;

/// Words a finished sentence cannot end on: articles, prepositions,
/// conjunctions, auxiliaries and possessives that need a word after them.
const DANGLING_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "about", "as",
    "than", "and", "or", "but", "that", "which", "who", "whose", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "could", "should", "its", "their", "his", "her", "our", "my",
    "your", "this", "these", "those", "not",
];

/// Truncation flags for the kept blocks.
pub fn truncation_flags(blocks: &[Block]) -> Vec<Flag> {
    let mut paragraphs = blocks.iter().filter(|b| b.kind != ParagraphKind::Heading);
    let first = paragraphs.next();
    let last = blocks.iter().rev().find(|b| b.kind != ParagraphKind::Heading);
    let starts_mid_story = first.is_some_and(|b| starts_mid_story(&b.text));
    let ends_mid_sentence = last.is_some_and(|b| ends_mid_sentence(&b.text));
    if starts_mid_story || ends_mid_sentence {
        vec![Flag::Truncated]
    } else {
        Vec::new()
    }
}

/// The paragraph stops inside a sentence it had visibly begun.
fn ends_mid_sentence(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < MIN_JUDGED_WORDS || shape::ends_sentence(text) {
        return false;
    }
    let holds_a_finished_sentence = [". ", "? ", "! "].iter().any(|end| text.contains(end));
    let last_word: String = words
        .last()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let dangles = DANGLING_WORDS.contains(&last_word.as_str())
        || text.trim_end().ends_with([',', ';', ':', '-', '–', '—']);
    words.len() >= MIN_RUNNING_TEXT_WORDS || holds_a_finished_sentence || dangles
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
    fn flags_a_long_or_multi_sentence_last_paragraph_cut_on_any_word() {
        let long = "The council said the bridge would reopen once engineers had checked every cable \
            and bearing on the span and signed off the repair work";
        assert_eq!(flags(&["The bridge closed on Monday.", long]), [Flag::Truncated]);
        let two = "The bridge closed on Monday. Engineers said the cracks ran through two main girders";
        assert_eq!(flags(&["The bridge closed on Monday.", two]), [Flag::Truncated]);
    }

    #[test]
    fn a_promo_line_left_at_the_end_is_no_truncation() {
        let story = [
            "The bridge closed on Monday after engineers found cracks, the council said.",
            "Get the Harbour Gazette app for breaking news alerts",
        ];
        assert!(flags(&story).is_empty());
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
