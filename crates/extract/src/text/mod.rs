//! Scraped plain text: articles as users scrape or paste them, with header
//! lines, page chrome and metadata mixed into the text.
//!
//! The pipeline: read the header lines ([`header`]), segment the rest into
//! lines ([`lines`]), let the rule families of [`boilerplate`] remove the
//! chrome (each removal kept with its rule's name), turn the open lines
//! into paragraphs and sub-headings, and assemble metadata with provenance
//! ([`metadata`]) and the truncation / paywall flags ([`truncation`]).

pub mod boilerplate;
pub mod header;
pub mod lines;
pub mod metadata;
pub mod shape;
pub mod truncation;

use parallax_core::{Flag, Removed};

use crate::blocks::Block;
use crate::html::Extraction;
use boilerplate::Page;

/// Rule name under which header lines are reported as removed.
pub const HEADER_RULE: &str = "header";

/// Extracts a clean article from scraped text.
pub fn extract_text(text: &str) -> Extraction {
    let split = header::split_header(text);
    let mut page = Page::new(lines::segment(&split.rest));
    boilerplate::remove_boilerplate(&mut page, &split.header);

    let blocks = article_blocks(&page);
    let mut flags = truncation::truncation_flags(&blocks);
    if page.findings.paywall_gate {
        flags.push(Flag::Paywalled);
    }
    let mut removed: Vec<Removed> = split
        .header_texts
        .iter()
        .map(|text| Removed::new(text.clone(), HEADER_RULE))
        .collect();
    removed.extend(page.removals());
    Extraction {
        blocks,
        removed,
        metadata: metadata::text_metadata(&split.header, &page.findings),
        flags,
    }
}

/// The open lines as blocks: a short capitalised line without final
/// punctuation directly above a paragraph is a sub-heading; everything else
/// is a paragraph.
fn article_blocks(page: &Page) -> Vec<Block> {
    page.open_lines()
        .into_iter()
        .map(|i| {
            let text = page.text(i);
            let above_paragraph = page.next_open(i).is_some_and(|n| shape::is_prose(page.text(n)));
            if above_paragraph && shape::is_subheading_like(text) && !shape::is_prose(text) {
                Block::heading(text)
            } else {
                Block::paragraph(text)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
