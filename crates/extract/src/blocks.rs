//! The intermediate form both extractors produce: an ordered list of text
//! blocks with their kind, before they are joined into the article body.

use parallax_core::{Paragraph, ParagraphKind, Span};

/// One block of article text (a paragraph, heading, list item or quote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: ParagraphKind,
    /// Its text, whitespace-normalised, without surrounding blank lines.
    pub text: String,
}

impl Block {
    /// A running-text paragraph.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block {
            kind: ParagraphKind::Paragraph,
            text: text.into(),
        }
    }

    /// A sub-heading.
    pub fn heading(text: impl Into<String>) -> Self {
        Block {
            kind: ParagraphKind::Heading,
            text: text.into(),
        }
    }
}

/// Joins blocks into the clean body (paragraphs separated by a blank line)
/// and the paragraph spans into it. Empty blocks are dropped.
pub fn join_blocks(blocks: &[Block]) -> (String, Vec<Paragraph>) {
    let mut body = String::new();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    for block in blocks {
        let text = block.text.trim();
        if text.is_empty() {
            continue;
        }
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(text);
        paragraphs.push(Paragraph {
            span: Span::new(start, body.len()),
            kind: block.kind,
        });
    }
    (body, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_with_blank_lines_and_exact_spans() {
        let blocks = vec![
            Block::heading("Frontline attacks"),
            Block::paragraph("  Kyiv’s air force said.  "),
            Block::paragraph(""),
        ];
        let (body, paragraphs) = join_blocks(&blocks);
        assert_eq!(body, "Frontline attacks\n\nKyiv’s air force said.");
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[1].span.slice(&body), Some("Kyiv’s air force said."));
        assert_eq!(paragraphs[0].kind, ParagraphKind::Heading);
    }
}
