//! PLACEHOLDER (being replaced): scraped plain text.

use crate::blocks::Block;
use crate::html::Extraction;

/// Extracts a clean article from scraped text.
pub fn extract_text(text: &str) -> Extraction {
    let blocks = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(Block::paragraph)
        .collect();
    Extraction {
        blocks,
        ..Default::default()
    }
}
