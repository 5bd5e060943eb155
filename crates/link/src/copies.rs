//! Syndicated and near-duplicate copies: the decision for a pair, and the
//! shape of a copy group.
//!
//! Two articles are copies when most of the *smaller* one's shingles occur in
//! the larger one (containment, not Jaccard): a wire story trimmed to its
//! first half is contained in the full one although it shares only half of
//! the full one's text. Retitling does not matter (titles are not shingled),
//! re-paragraphing does not either (shingles ignore layout), added
//! boilerplate and a few edited words lower containment only a little.
//! Two reports of one event written separately share quotations but little
//! else, far below the threshold.

use serde::{Deserialize, Serialize};

use crate::shingles::{intersection_size, Fingerprint};

/// Share of the smaller article's shingles that must occur in the other.
/// Copies trimmed to 40% with boilerplate and edits measure 0.7–1.0; separate
/// reports of one event sharing several quotations measure under 0.2 (see
/// `docs/linking.md`); 0.5 sits in the gap with margin on both sides.
pub const COPY_CONTAINMENT: f64 = 0.5;

/// A copy must share at least this many shingles, so two stubs that happen to
/// share one sentence are not called copies.
pub const MIN_SHARED_SHINGLES: usize = 8;

/// Containment of the smaller set in the larger, and the shared count.
pub fn containment(a: &[u64], b: &[u64]) -> (f64, usize) {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return (0.0, 0);
    }
    let shared = intersection_size(a, b);
    (shared as f64 / smaller as f64, shared)
}

/// Below this many narrative shingles an article is mostly quotation (or
/// very short), and copies are judged on all its words instead.
pub const MIN_NARRATIVE_SHINGLES: usize = 20;

/// Whether two fingerprints are copies of each other: containment of the
/// narratives when both have enough narrative, else of all the words.
pub fn is_copy(a: &Fingerprint, b: &Fingerprint) -> bool {
    let (x, y) = compared_sets(a, b);
    is_copy_by_count(intersection_size(x, y), x.len(), y.len())
}

/// The containment [`is_copy`] compares with [`COPY_CONTAINMENT`] (for
/// diagnostics: how far a pair is from the threshold).
pub fn copy_containment(a: &Fingerprint, b: &Fingerprint) -> f64 {
    let (x, y) = compared_sets(a, b);
    containment(x, y).0
}

fn compared_sets<'a>(a: &'a Fingerprint, b: &'a Fingerprint) -> (&'a [u64], &'a [u64]) {
    if a.narrative.len() >= MIN_NARRATIVE_SHINGLES && b.narrative.len() >= MIN_NARRATIVE_SHINGLES {
        (&a.narrative, &b.narrative)
    } else {
        (&a.all, &b.all)
    }
}

/// The copy decision from the number of shared shingles and the two set
/// sizes.
pub fn is_copy_by_count(shared: usize, len_a: usize, len_b: usize) -> bool {
    let smaller = len_a.min(len_b);
    if smaller == 0 || shared == 0 {
        return false;
    }
    // Bodies shorter than the minimum can only be copies when identical.
    let needed = MIN_SHARED_SHINGLES.min(smaller);
    shared as f64 / smaller as f64 >= COPY_CONTAINMENT && shared >= needed
}

/// One article of a copy group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyMember {
    /// Article id.
    pub article: String,
    /// Outlet that ran this copy (name or domain; `null` when unknown).
    pub outlet: Option<String>,
    /// Publication date as the article states it (`null` when unknown).
    pub published: Option<String>,
    /// Headline of this copy.
    pub title: Option<String>,
    /// Share of this copy's shingles found in the original (1 for the original).
    pub containment: f64,
}

/// Articles that are copies of one text, with the fullest one as original.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyGroup {
    /// Stable id derived from the sorted member ids.
    pub id: String,
    /// The fullest copy (most text; ties: earliest date, then smallest id):
    /// the best one to read and to cite.
    pub original: CopyMember,
    /// The other copies, sorted by article id.
    pub copies: Vec<CopyMember>,
}

impl CopyGroup {
    /// Ids of all members, original first.
    pub fn members(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.original.article.as_str()).chain(self.copies.iter().map(|c| c.article.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingles::fingerprint;

    const FULL: &str = "The central bank raised interest rates by half a point on Thursday, its third \
        increase this year, citing inflation that has stayed above target for eighteen months. \
        The governor said further increases were likely if prices kept rising at the current pace. \
        Markets had expected a smaller move, and the currency rose sharply after the announcement. \
        Opposition lawmakers criticised the decision, saying households were already struggling with \
        mortgage payments and energy bills that had doubled since the winter.";

    #[test]
    fn trimmed_copy_with_boilerplate_is_a_copy() {
        let trimmed = format!(
            "{} Read more: Top stories of the day. Sign up for our newsletter.",
            &FULL[..FULL.find("Markets").unwrap_or(FULL.len())]
        );
        assert!(is_copy(&fingerprint(FULL), &fingerprint(&trimmed)));
    }

    #[test]
    fn separate_report_of_the_same_event_is_not() {
        let other = "Borrowing costs went up again on Thursday as the central bank acted against \
            inflation. The governor said further increases were likely if prices kept rising. \
            Analysts at several banks said the move was larger than forecast and warned of a slowdown \
            in the housing market later in the year.";
        assert!(!is_copy(&fingerprint(FULL), &fingerprint(other)));
    }

    #[test]
    fn shared_long_quotation_does_not_make_a_copy() {
        let quote = "\u{201c}I would say that there is a two in three chance that we win control of the \
            House again, but there is a one in three chance that we lose it, and we are going to work \
            every single day between now and the election to make sure that does not happen.\u{201d}";
        let a = format!(
            "Speaker Boehner gave a downbeat assessment in a television interview on Monday. {quote} \
            His aides later played down the remark, saying he had meant to motivate donors and volunteers."
        );
        let b = format!(
            "In an interview taped for a cable morning show, the House speaker admitted doubts. {quote} \
            Democrats seized on the comment as evidence that Republicans feared a wave election in November."
        );
        assert!(!is_copy(&fingerprint(&a), &fingerprint(&b)));
        assert!(is_copy(
            &fingerprint(&a),
            &fingerprint(&a.replace("Monday", "Tuesday"))
        ));
    }

    #[test]
    fn empty_bodies_are_never_copies() {
        assert!(!is_copy(&Fingerprint::default(), &Fingerprint::default()));
        assert_eq!(containment(&[], &[1]), (0.0, 0));
    }
}
