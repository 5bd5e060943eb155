//! The cross-article stage: what many articles say together that no single
//! one can.
//!
//! `parallax-link` owns, over a growing set of analysed articles:
//! - syndicated and near-duplicate copies, grouped, with the fullest copy as
//!   original and each copy's outlet ([`copies`]);
//! - story clusters from shared entity keys, salient terms and dates
//!   ([`features`], [`similarity`]), bounded so they do not chain
//!   ([`clustering`]);
//! - one identity per entity across a story's articles ([`identity`]);
//! - publication dates inferred for undated articles from their story, marked
//!   inferred with a confidence ([`dates`]).
//!
//! The [`LinkIndex`] is incremental (adding an article costs work in
//! proportion to what it shares with others) and order-independent (the same
//! set of articles gives the same groups and stories whatever the order; see
//! `docs/linking.md`). The crate returns data; it must not do I/O, touch the
//! store, change articles (an inferred date is returned, never written into
//! `published`), or look at a clock.

pub mod clustering;
pub mod components;
pub mod copies;
pub mod dates;
pub mod features;
pub mod identity;
mod index;
mod postings;
pub mod shingles;
pub mod similarity;
pub mod sketch;

#[cfg(test)]
mod test_support;

pub use copies::{CopyGroup, CopyMember};
pub use dates::{infer_dates, InferredDate, ResolvedTime};
pub use identity::{resolve_identities, CrossEntity, MentionRef};
pub use index::{
    AddError, CopyStats, FingerprintSource, LinkEntry, LinkIndex, Linking, Snapshot, SnapshotView, Story,
    STORY_THRESHOLD,
};
