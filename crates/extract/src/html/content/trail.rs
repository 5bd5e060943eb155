//! The audit trail of one page: every block kept for the body and every piece
//! of visible text dropped, in document order, each with the node it came
//! from and, when dropped, the name of the rule that dropped it.
//!
//! Keeping both in one ordered list is what lets later steps ask positional
//! questions ("does article text follow the paywall prompt?") and lets the
//! final `removed` list merge neighbouring drops of the same rule into one
//! readable entry instead of a dozen one-word lines.

use parallax_core::Removed;

use crate::blocks::Block;
use crate::html::dom::NodeId;

/// One block of text and what the extractor decided about it.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Where the text starts in the page; `None` for text that does not come
    /// from the DOM (JSON-LD `articleBody`).
    pub node: Option<NodeId>,
    /// The text and its kind.
    pub block: Block,
    /// The rule that dropped it, or `None` when it is part of the body.
    pub dropped: Option<&'static str>,
}

impl Piece {
    /// True when the piece is part of the body.
    pub fn is_kept(&self) -> bool {
        self.dropped.is_none()
    }
}

/// The pieces of a page in document order.
#[derive(Debug, Clone, Default)]
pub struct Trail {
    /// All pieces, kept and dropped, in document order.
    pub pieces: Vec<Piece>,
}

impl Trail {
    /// Appends a block of the body.
    pub fn keep(&mut self, node: Option<NodeId>, block: Block) {
        self.pieces.push(Piece {
            node,
            block,
            dropped: None,
        });
    }

    /// Appends dropped text with its rule; empty text is not worth a line.
    pub fn drop_text(&mut self, node: Option<NodeId>, text: String, rule: &'static str) {
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            node,
            block: Block::paragraph(text),
            dropped: Some(rule),
        });
    }

    /// The kept blocks, in order.
    pub fn kept(&self) -> impl DoubleEndedIterator<Item = &Block> + '_ {
        self.pieces.iter().filter(|p| p.is_kept()).map(|p| &p.block)
    }

    /// Characters of kept text (a measure of how much body was found).
    pub fn kept_chars(&self) -> usize {
        self.kept().map(|b| b.text.len()).sum()
    }

    /// Drops every kept block, naming `rule` as the reason.
    pub fn drop_all_kept(&mut self, rule: &'static str) {
        for piece in self.pieces.iter_mut().filter(|p| p.is_kept()) {
            piece.dropped = Some(rule);
        }
    }

    /// Splits the trail into the body blocks and the removed list, merging
    /// consecutive drops of the same rule into one entry.
    pub fn finish(self) -> (Vec<Block>, Vec<Removed>) {
        let mut blocks = Vec::new();
        let mut removed: Vec<Removed> = Vec::new();
        // Whether the last entry of `removed` may absorb the next drop: only
        // when no kept block came between them.
        let mut open = false;
        for piece in self.pieces {
            let Some(rule) = piece.dropped else {
                blocks.push(piece.block);
                open = false;
                continue;
            };
            match removed.last_mut() {
                Some(last) if open && last.reason == rule => {
                    last.text.push(' ');
                    last.text.push_str(&piece.block.text);
                }
                _ => removed.push(Removed::new(piece.block.text, rule)),
            }
            open = true;
        }
        (blocks, removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_drops_of_one_rule_merge_and_kept_text_separates_them() {
        let mut trail = Trail::default();
        trail.drop_text(Some(1), "Home".into(), "nav");
        trail.drop_text(Some(2), "World".into(), "nav");
        trail.drop_text(Some(3), "".into(), "nav");
        trail.drop_text(Some(4), "Advertisement".into(), "ad");
        trail.keep(Some(5), Block::paragraph("Body text."));
        trail.drop_text(Some(6), "Sport".into(), "nav");
        let (blocks, removed) = trail.finish();
        assert_eq!(blocks, [Block::paragraph("Body text.")]);
        let entries: Vec<(&str, &str)> = removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason.as_str()))
            .collect();
        assert_eq!(
            entries,
            [("Home World", "nav"), ("Advertisement", "ad"), ("Sport", "nav")]
        );
    }
}
