//! Extraction: one [`SourceDocument`] in, one [`Article`] out.
//!
//! `parallax-extract` owns everything between decoded input and a clean
//! article: HTML main-content extraction, boilerplate removal from scraped
//! text (paywall promos, related links, captions, bios, …, each removal kept
//! with the name of its rule), and metadata with provenance (title, outlet,
//! authors, agency credits, publication date, language). It is a pure
//! function of its input — no I/O, no clock, no global state — so documents
//! extract in parallel and deterministically. It must not read files, touch
//! the store, or look at other articles (cross-article inference belongs to
//! the link stage).

pub mod blocks;
pub mod credits;
pub mod dates;
pub mod html;
pub mod language;
pub mod metadata;
pub mod outlets;
pub mod text;

mod assemble;

pub use assemble::extract;
pub use blocks::Block;
pub use metadata::PageMetadata;
