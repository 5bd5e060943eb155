//! Does the kept body visibly stop in the middle of a sentence?
//!
//! Only the last block is judged, and only when it is running text: a
//! paragraph (not a heading, list item or quote) long enough that a missing
//! full stop means the text was cut, not that a label or sign-off was left
//! without punctuation. A line wholly in parentheses is a credit
//! ("(Reporting by …; Editing by …)"), which never needs a full stop.

use parallax_core::ParagraphKind;

use crate::blocks::Block;

/// A last paragraph shorter than this is not judged: labels, sign-offs and
/// captions often lack a full stop without anything being cut.
const MIN_RUNNING_TEXT_WORDS: usize = 15;

/// True when the body's last block is running text that stops mid-sentence.
pub fn ends_mid_sentence<'a>(mut blocks: impl DoubleEndedIterator<Item = &'a Block>) -> bool {
    let Some(last) = blocks.rfind(|b| b.kind != ParagraphKind::Heading) else {
        return false;
    };
    last.kind == ParagraphKind::Paragraph
        && !is_parenthesised(&last.text)
        && last.text.split_whitespace().count() >= MIN_RUNNING_TEXT_WORDS
        && !ends_sentence(&last.text)
}

/// True when text ends like a finished sentence (an ellipsis does not count:
/// "…" at the end of a body is the mark of a cut teaser).
pub fn ends_sentence(text: &str) -> bool {
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
    fn running_text_without_a_full_stop_is_cut() {
        assert!(ends_cut(
            "The minister said that the delegation would return to Geneva next week if the mediators could agree on"
        ));
        assert!(ends_cut(
            "Diplomats said the agenda had three items, among them the clearance of drifting mines and..."
        ));
    }

    #[test]
    fn labels_credits_and_finished_text_are_not_cut() {
        assert!(!ends_cut("Follow us on social media"));
        assert!(!ends_cut(
            "(Reporting by Emil Sørensen in Geneva and Daria Kovalenko in Kyiv; Editing by Hugh Tennant and Anna Blom)"
        ));
        assert!(!ends_cut(
            "The talks are scheduled to run until Thursday, according to two diplomats briefed on the format."
        ));
        let list = [Block {
            kind: ParagraphKind::ListItem,
            text: "guarantees for civilian ships and port infrastructure and a joint mechanism for reporting incidents at sea".into(),
        }];
        assert!(!ends_mid_sentence(list.iter()));
    }
}
