//! PLACEHOLDER (being replaced): main-content extraction.

use parallax_core::{Flag, Removed};

use super::dom::Dom;
use crate::blocks::Block;

/// Main content of a page.
#[derive(Debug, Default)]
pub struct MainContent {
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Removed pieces.
    pub removed: Vec<Removed>,
    /// Flags.
    pub flags: Vec<Flag>,
}

/// Extracts the main content.
pub fn main_content(_dom: &Dom) -> MainContent {
    MainContent::default()
}
