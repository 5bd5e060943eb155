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
use crate::sketch::Sketch;

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

/// What two sketches say about a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SketchCall {
    /// Certainly a copy (the estimate is far above the threshold).
    Copy,
    /// Certainly not a copy.
    NotCopy,
    /// Too close to call from samples: decide on the full shingle sets.
    Unsure,
}

/// How unlikely, for a pair whose containment is exactly the threshold, the
/// sampled evidence must be before the sketches decide the pair without
/// the full sets (one-sided, each way). At 1 % a copy right at the
/// threshold is missed once in a hundred, one at 0.6 about once in ten
/// thousand with 20 samples; over all 219,453 pairs of the syndication
/// benchmark the sketch calls and the full-set decisions never disagreed
/// (`bench/syndication/run.sh`, `docs/scale.md`).
pub const SKETCH_ALPHA: f64 = 0.01;

/// Up to this many samples the binomial tails are summed exactly; above,
/// the normal approximation is used (it is accurate there).
const EXACT_TAIL_SAMPLES: usize = 60;

/// The copy decision as far as two sketches can make it. Each sampled
/// shingle of the smaller article is shared with the other with a
/// probability equal to the containment the rule compares, so the number
/// shared, `k` of `m`, is binomial. The pair is [`SketchCall::NotCopy`] when
/// so few shared samples would have probability below [`SKETCH_ALPHA`] if
/// the containment were [`COPY_CONTAINMENT`], [`SketchCall::Copy`] when so
/// many would, and [`SketchCall::Unsure`] otherwise (then the full sets
/// decide). Symmetric in the two sketches.
pub fn sketch_call(a: &Sketch, b: &Sketch) -> SketchCall {
    let narrative =
        a.narrative as usize >= MIN_NARRATIVE_SHINGLES && b.narrative as usize >= MIN_NARRATIVE_SHINGLES;
    let (len_a, len_b) = match narrative {
        true => (a.narrative, b.narrative),
        false => (a.all, b.all),
    };
    if len_a.min(len_b) == 0 {
        return SketchCall::NotCopy;
    }
    let (m_a, m_b) = (a.sample_size(narrative), b.sample_size(narrative));
    // The smaller article's sample; on equal sizes the smaller sample, so
    // the call does not depend on which article is `a`.
    let samples = match len_a.cmp(&len_b) {
        std::cmp::Ordering::Less => m_a,
        std::cmp::Ordering::Greater => m_b,
        std::cmp::Ordering::Equal => m_a.min(m_b),
    };
    let shared = a.shared(b, narrative).min(samples);
    let (few, many) = binomial_half_tails(shared, samples);
    if few < SKETCH_ALPHA {
        SketchCall::NotCopy
    } else if many < SKETCH_ALPHA {
        SketchCall::Copy
    } else {
        SketchCall::Unsure
    }
}

/// For `K ~ Binomial(m, 1/2)`: `(P(K ≤ k), P(K ≥ k))`. With `m = 0` both
/// are 1 (no evidence either way).
fn binomial_half_tails(k: usize, m: usize) -> (f64, f64) {
    if m == 0 {
        return (1.0, 1.0);
    }
    if m <= EXACT_TAIL_SAMPLES {
        let mut pmf = 0.5f64.powi(m as i32);
        let (mut at_most, mut total) = (0.0, 0.0);
        let mut at_k = 0.0;
        for i in 0..=m {
            if i <= k {
                at_most += pmf;
            }
            if i == k {
                at_k = pmf;
            }
            total += pmf;
            pmf *= (m - i) as f64 / (i + 1) as f64;
        }
        // P(K ≥ k) = 1 − P(K ≤ k) + P(K = k), from the same sums.
        return (at_most / total, (total - at_most + at_k) / total);
    }
    // Normal approximation with continuity correction.
    let (mean, sd) = (m as f64 / 2.0, (m as f64).sqrt() / 2.0);
    let k = k as f64;
    (
        normal_cdf((k + 0.5 - mean) / sd),
        normal_cdf((mean - k + 0.5) / sd),
    )
}

/// The standard normal distribution function (Abramowitz–Stegun 7.1.26
/// for erf, absolute error below 1.5e-7).
fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// The containment estimate of two sketches: the share of the smaller
/// article's sampled shingles (all words) the other shares; 0 without
/// samples. For display when the full sets are not at hand.
pub fn estimated_containment(copy: &Sketch, original: &Sketch) -> f64 {
    let samples = copy.sample_size(false);
    match samples {
        0 => 0.0,
        _ => copy.shared(original, false) as f64 / samples as f64,
    }
}

/// Share of `copy`'s shingles (all words) found in `original`: the
/// `containment` a [`CopyMember`] reports.
pub fn copy_share(copy: &Fingerprint, original: &Fingerprint) -> f64 {
    match copy.all.len() {
        0 => 0.0,
        n => containment(&copy.all, &original.all).1 as f64 / n as f64,
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
    fn binomial_tails_are_exact_for_small_samples_and_close_above() {
        let (few, many) = binomial_half_tails(1, 4);
        assert!((few - 5.0 / 16.0).abs() < 1e-12 && (many - 15.0 / 16.0).abs() < 1e-12);
        assert_eq!(binomial_half_tails(0, 0), (1.0, 1.0));
        // Around the switch to the approximation the two agree.
        let exact = binomial_half_tails(20, 60).0;
        let (mean, sd) = (30.0, 60f64.sqrt() / 2.0);
        assert!((exact - normal_cdf((20.5 - mean) / sd)).abs() < 2e-3);
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7 && normal_cdf(-2.326) < 0.0101);
    }

    #[test]
    fn sketches_decide_clear_pairs_and_leave_close_ones() {
        let long: String = (0..400).map(|i| format!("word{i} ")).collect();
        let half: String = (0..200).map(|i| format!("word{i} ")).collect();
        let other: String = (0..400).map(|i| format!("other{i} ")).collect();
        let (l, h, o) = (
            Sketch::of(&fingerprint(&long)),
            Sketch::of(&fingerprint(&half)),
            Sketch::of(&fingerprint(&other)),
        );
        assert_eq!(sketch_call(&l, &h), SketchCall::Copy);
        assert_eq!(sketch_call(&h, &l), SketchCall::Copy);
        assert_eq!(sketch_call(&l, &o), SketchCall::NotCopy);
        let tiny = Sketch::of(&fingerprint("a few words only"));
        assert_eq!(sketch_call(&tiny, &l), SketchCall::Unsure);
    }

    #[test]
    fn empty_bodies_are_never_copies() {
        assert!(!is_copy(&Fingerprint::default(), &Fingerprint::default()));
        assert_eq!(containment(&[], &[1]), (0.0, 0));
    }
}
