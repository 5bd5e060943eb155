//! Does the kept body visibly stop in the middle of a sentence?
//!
//! Only the last block is judged, and only when it is running text: a
//! paragraph (not a heading, list item or quote) of several words, not a
//! menu-like line of separators. It is cut when it stops on a word or mark
//! that cannot end a sentence ("of", "the", "would", a comma). A paragraph
//! that merely lacks a full stop is not enough on its own: on real pages the
//! last block is often a sign-off, a credit, a call to action or a quote
//! attribution without one ("— Susan B. Anthony, activist"), and flagging a
//! complete article as truncated would mislead the reader (measured on the
//! Zyte and WCXB-dev pages, where bodies are complete: the looser test
//! flagged 49 of 892 pages, this one flags none of them).

use parallax_core::ParagraphKind;

use crate::blocks::Block;

/// A last paragraph shorter than this is not judged: a label or a fragment.
const MIN_RUNNING_TEXT_WORDS: usize = 8;

/// Words a finished sentence cannot end on: articles, prepositions,
/// conjunctions, auxiliaries and possessives that need a word after them.
const DANGLING_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "about", "as",
    "than", "and", "or", "but", "that", "which", "who", "whose", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "could", "should", "its", "their", "his", "her", "our", "my",
    "your", "this", "these", "those", "not",
];

/// True when the body's last block is running text that stops mid-sentence.
pub fn ends_mid_sentence<'a>(mut blocks: impl DoubleEndedIterator<Item = &'a Block>) -> bool {
    let Some(last) = blocks.rfind(|b| b.kind != ParagraphKind::Heading) else {
        return false;
    };
    last.kind == ParagraphKind::Paragraph
        && is_running_text(&last.text)
        && stops_on_a_dangling_word(&last.text)
}

fn is_running_text(text: &str) -> bool {
    text.split_whitespace().count() >= MIN_RUNNING_TEXT_WORDS
        && !text.contains(['•', '|', '·'])
        && !is_parenthesised(text)
}

fn stops_on_a_dangling_word(text: &str) -> bool {
    let text = text.trim_end();
    if text.ends_with([',', ';']) {
        return true;
    }
    let last_word = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    // Case matters: "The" or "US" at the end is a name or a title, not a cut.
    DANGLING_WORDS.contains(&last_word)
}

/// True when a paragraph lacks closing punctuation and is not a credit in
/// parentheses: the looser test, for a body already known to stop at a paywall.
pub fn ends_unfinished(text: &str) -> bool {
    !is_parenthesised(text) && !ends_sentence(text)
}

/// True when text ends like a finished sentence (an ellipsis does not count:
/// "…" at the end of a body is the mark of a cut teaser).
fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end();
    if text.ends_with("...") || text.ends_with('…') {
        return false;
    }
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*']);
    trimmed.ends_with(['.', '!', '?', ':', '。', '！', '？'])
}

fn is_parenthesised(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with('(') && text.ends_with(')')) || (text.starts_with('[') && text.ends_with(']'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends_cut(text: &str) -> bool {
        let blocks = [Block::paragraph("An opening paragraph."), Block::paragraph(text)];
        ends_mid_sentence(blocks.iter())
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_sentence("He left.”"));
        assert!(ends_sentence("Did he?)"));
        assert!(!ends_sentence("The minister said the talks would"));
        assert!(!ends_sentence("And then…"));
    }

    #[test]
    fn running_text_stopping_on_a_dangling_word_is_cut() {
        assert!(ends_cut(
            "The minister said that the delegation would return to Geneva if the"
        ));
        assert!(ends_cut(
            "The minister said that the delegation would return to Geneva next week,"
        ));
        assert!(ends_cut(
            "Officials in Kyiv said that the talks, which began on Tuesday, would"
        ));
    }

    #[test]
    fn labels_credits_and_finished_text_are_not_cut() {
        assert!(!ends_cut("Follow us on social media for"));
        assert!(!ends_cut(
            "(Reporting by Emil Sørensen in Geneva and Daria Kovalenko in Kyiv; Editing by Hugh Tennant and)"
        ));
        assert!(!ends_cut(
            "The talks are scheduled to run until Thursday, according to two diplomats briefed on the format."
        ));
        assert!(!ends_cut(
            "Many things in life are worth a lot, but women are worth more. — Susan B. Anthony, US activist"
        ));
        assert!(!ends_cut(
            "Home | World | Business | Sport | Culture | Opinion | Contact | About the"
        ));
        let list = [Block {
            kind: ParagraphKind::ListItem,
            text: "guarantees for civilian ships and port infrastructure and a joint mechanism for".into(),
        }];
        assert!(!ends_mid_sentence(list.iter()));
    }
}
