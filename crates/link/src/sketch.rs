//! What the index keeps of a body's shingles: a fixed-rate sample, so that
//! memory grows with a small constant per article instead of with every
//! shingle of every body.
//!
//! A shingle is *sampled* when its hash is a multiple of [`SAMPLE_MODULUS`].
//! The choice depends on the hash alone, so for any two articles the sampled
//! part of their intersection is exactly the intersection of their samples:
//! `S(a) ∩ S(b) = S(a ∩ b)`. The share of the smaller article's sample found
//! in the other's is therefore an unbiased estimate of the containment the
//! copy rule compares, computed from the pair alone (order-independent).
//! Where that estimate is too uncertain to decide (a small sample, or a value
//! near the threshold), the index decides on the full shingle sets instead
//! (see [`crate::copies`] and `LinkIndex::add_entry_with`).
//!
//! A sample is kept as 32 bits of its hash (the bits above the three that
//! sampling fixed at zero) — a quarter of the memory of the full hash, and
//! two different shingles of a pair share those 32 bits with probability
//! about 1e-6 — with two flags saying which of the body's sets the shingle
//! is in: all words, and the narrative (outside quotations). The two differ
//! both ways: a narrative shingle may join the words before and after a
//! quotation.

use serde::{Deserialize, Serialize};

use crate::shingles::{count_shared, Fingerprint};

/// One shingle in this many is sampled (on average). Eight keeps about 45
/// shingles of a 350-word article: the estimate of a containment of 0.5 then
/// has a standard deviation of about 0.075, and a copy sharing 60 shingles
/// or more shares at least one sampled shingle with probability above
/// 0.9996 ((7/8)^60 ≈ 0.0003), which is what makes it a candidate.
pub const SAMPLE_MODULUS: u64 = 8;

/// Flag: the shingle is in the narrative.
const NARRATIVE: u8 = 1;

/// Flag: the shingle is in the whole body's words.
const ALL: u8 = 2;

/// The 32-bit key of a sampled hash.
pub fn sample_key(hash: u64) -> u32 {
    (hash >> 3) as u32
}

/// Whether a shingle hash is sampled.
pub fn is_sampled(hash: u64) -> bool {
    hash.is_multiple_of(SAMPLE_MODULUS)
}

/// The sampled shingles of a body and the exact sizes of its shingle sets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sketch {
    /// Keys ([`sample_key`]) of the sampled shingles of either set, sorted,
    /// unique.
    keys: Vec<u32>,
    /// Per key, which sets it is in ([`NARRATIVE`], [`ALL`]).
    flags: Vec<u8>,
    /// Number of distinct shingles of the whole body.
    pub all: u32,
    /// Number of distinct shingles of the narrative.
    pub narrative: u32,
}

impl Sketch {
    /// The sketch of a fingerprint.
    pub fn of(fingerprint: &Fingerprint) -> Sketch {
        let all = fingerprint
            .all
            .iter()
            .filter(|&&h| is_sampled(h))
            .map(|&h| (sample_key(h), ALL));
        let narrative = fingerprint
            .narrative
            .iter()
            .filter(|&&h| is_sampled(h))
            .map(|&h| (sample_key(h), NARRATIVE));
        let mut samples: Vec<(u32, u8)> = all.chain(narrative).collect();
        samples.sort_unstable();
        // A key of both sets comes twice, adjacent: one entry, both flags.
        samples.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                kept.1 |= later.1;
            }
            same
        });
        Sketch {
            keys: samples.iter().map(|s| s.0).collect(),
            flags: samples.iter().map(|s| s.1).collect(),
            all: fingerprint.all.len() as u32,
            narrative: fingerprint.narrative.len() as u32,
        }
    }

    /// The sample keys of either set, ascending.
    pub fn keys(&self) -> &[u32] {
        &self.keys
    }

    /// Number of sampled shingles, of the narrative only or of all words.
    pub fn sample_size(&self, narrative: bool) -> usize {
        let flag = if narrative { NARRATIVE } else { ALL };
        self.flags.iter().filter(|&&f| f & flag != 0).count()
    }

    /// Sampled shingles two sketches share, in the narratives of both or in
    /// all words.
    pub fn shared(&self, other: &Sketch, narrative: bool) -> usize {
        let flag = if narrative { NARRATIVE } else { ALL };
        count_shared(&self.keys, &other.keys, |i, j| {
            self.flags[i] & other.flags[j] & flag != 0
        })
    }

    /// Heap bytes held (for memory accounting).
    pub fn heap_bytes(&self) -> usize {
        self.keys.capacity() * 4 + self.flags.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingles::fingerprint;

    const TEXT: &str = "The council met on Monday evening to vote on the new budget for the \
        coming year, which includes funds for two new schools, a bridge over the river and the \
        repair of roads damaged by the winter floods. \u{201c}We have waited long enough for \
        this,\u{201d} the mayor told reporters after the vote, adding that work would start in \
        the spring if the weather allowed it and contractors could be found in time.";

    #[test]
    fn samples_are_the_multiples_of_the_modulus_with_exact_sizes() {
        let print = fingerprint(TEXT);
        let sketch = Sketch::of(&print);
        let mut expected: Vec<u32> = print
            .all
            .iter()
            .chain(&print.narrative)
            .copied()
            .filter(|&h| is_sampled(h))
            .map(sample_key)
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(sketch.keys(), expected.as_slice());
        assert_eq!(
            sketch.sample_size(false),
            print.all.iter().filter(|&&h| is_sampled(h)).count()
        );
        assert_eq!(sketch.all as usize, print.all.len());
        assert_eq!(sketch.narrative as usize, print.narrative.len());
        let narrative_sampled = print.narrative.iter().filter(|&&h| is_sampled(h)).count();
        assert_eq!(sketch.sample_size(true), narrative_sampled);
    }

    #[test]
    fn shared_samples_are_the_sampled_intersection() {
        let a = fingerprint(TEXT);
        let b = fingerprint(&TEXT[..TEXT.find("adding").unwrap_or(TEXT.len())]);
        let (sa, sb) = (Sketch::of(&a), Sketch::of(&b));
        let shared_all = a
            .all
            .iter()
            .filter(|h| is_sampled(**h) && b.all.binary_search(h).is_ok())
            .count();
        assert_eq!(sa.shared(&sb, false), shared_all);
        assert_eq!(sa.shared(&sb, false), sb.shared(&sa, false));
        let shared_narrative = a
            .narrative
            .iter()
            .filter(|h| is_sampled(**h) && b.narrative.binary_search(h).is_ok())
            .count();
        assert_eq!(sa.shared(&sb, true), shared_narrative);
    }
}
