//! HTML pages: main content and metadata.

pub mod content;
pub mod dom;
pub mod metadata;

use parallax_core::{Flag, Removed};

use crate::blocks::Block;
use crate::metadata::PageMetadata;

/// What extraction made of one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The article's text blocks in reading order.
    pub blocks: Vec<Block>,
    /// What was removed, with the rule that removed it.
    pub removed: Vec<Removed>,
    /// What the document says about itself.
    pub metadata: PageMetadata,
    /// Paywalled, truncated, …
    pub flags: Vec<Flag>,
}

/// Extracts main content and metadata from an HTML page.
pub fn extract_html(html: &str, url: Option<&str>) -> Extraction {
    let dom = dom::Dom::parse(html);
    let metadata = metadata::page_metadata(&dom, url);
    let content = content::main_content(&dom);
    Extraction {
        blocks: content.blocks,
        removed: content.removed,
        metadata,
        flags: content.flags,
    }
}
