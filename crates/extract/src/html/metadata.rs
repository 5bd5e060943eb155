//! PLACEHOLDER (being replaced): page metadata.

use super::dom::Dom;
use crate::metadata::PageMetadata;

/// Metadata of a page.
pub fn page_metadata(_dom: &Dom, url: Option<&str>) -> PageMetadata {
    PageMetadata {
        url: url.map(str::to_owned),
        ..Default::default()
    }
}
