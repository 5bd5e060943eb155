//! Word shingles of an article body: the fingerprint copy detection compares.
//!
//! A body becomes the sequence of its lower-cased word tokens (the analysis
//! tokenizer's, so punctuation, quote marks and paragraph breaks vanish:
//! re-paragraphing a copy does not change it), and each run of
//! [`SHINGLE_WORDS`] consecutive words is hashed to a `u64`. Hashes are
//! stable across runs and platforms (FNV-1a and a fixed mixer), because
//! shingle sets may be stored and compared later.

use parallax_analyze::tokens::{tokenize, QuoteSide, TokenKind};

/// Words per shingle. Five words are specific enough that two independently
/// written articles on one event share few shingles beyond quotations, yet
/// one edited word only breaks five of them.
pub const SHINGLE_WORDS: usize = 5;

/// The shingles of a body: all of them, and those of its narrative (the
/// words outside double quotation marks).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fingerprint {
    /// Sorted, de-duplicated shingle hashes of every word.
    pub all: Vec<u64>,
    /// Sorted, de-duplicated shingle hashes of the words outside quotations.
    /// Separate reports of one event quote the same speakers verbatim; what
    /// a copy shares beyond that is the reporter's own narrative.
    pub narrative: Vec<u64>,
}

/// The fingerprint of `body`.
pub fn fingerprint(body: &str) -> Fingerprint {
    let mut all = Vec::new();
    let mut narrative = Vec::new();
    let mut quoted = false;
    let mut previous_end = 0;
    for token in tokenize(body) {
        // A quotation never spans a paragraph break without reopening, so a
        // missing closing mark cannot swallow the rest of the article.
        if body
            .get(previous_end..token.span.start)
            .is_some_and(|gap| gap.contains('\n'))
        {
            quoted = false;
        }
        previous_end = token.span.end;
        match token.kind {
            TokenKind::Quote(mark) if mark.double => {
                quoted = match mark.side {
                    QuoteSide::Opening => true,
                    QuoteSide::Closing => false,
                    QuoteSide::Ambiguous => !quoted,
                };
            }
            TokenKind::Word | TokenKind::Number | TokenKind::Abbreviation(_) => {
                let hash = word_hash(token.text(body));
                all.push(hash);
                if !quoted {
                    narrative.push(hash);
                }
            }
            _ => {}
        }
    }
    Fingerprint {
        all: shingle_set(&all),
        narrative: shingle_set(&narrative),
    }
}

/// The sorted, de-duplicated shingle hashes of `body` (all words).
pub fn shingles(body: &str) -> Vec<u64> {
    fingerprint(body).all
}

fn shingle_set(words: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = if words.len() < SHINGLE_WORDS {
        // A body shorter than one shingle still gets one fingerprint, so
        // two identical one-liners are still recognised as copies.
        if words.is_empty() {
            Vec::new()
        } else {
            vec![combine(words)]
        }
    } else {
        words.windows(SHINGLE_WORDS).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// A map keyed by shingle hashes. They are already uniformly mixed 64-bit
/// values, so hashing them again (SipHash, the default) only costs time.
pub type ShingleMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThrough>>;

/// A hasher that passes a `u64` key through unchanged (see [`ShingleMap`]),
/// and spreads a `u32` one over 64 bits.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only reached for keys other than u64; fold them in FNV-style so the
        // hasher stays correct if ever used that way.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    /// A 32-bit key (a sample key) is spread over 64 bits: the map takes
    /// its control bits from the top.
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Number of hashes two sorted, de-duplicated sets share.
pub fn intersection_size(a: &[u64], b: &[u64]) -> usize {
    count_shared(a, b, |_, _| true)
}

/// Walks two sorted, de-duplicated lists together and counts the values
/// they share for which `counts(i, j)` (their positions in `a` and `b`) is
/// true.
pub fn count_shared<T: Ord>(a: &[T], b: &[T], mut counts: impl FnMut(usize, usize) -> bool) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if counts(i, j) {
                    shared += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// FNV-1a of the lower-cased word, with curly apostrophes folded to straight
/// ones so "Kyiv’s" and "Kyiv's" agree.
fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = if c == '\u{2019}' { '\'' } else { c };
        let mut buf = [0u8; 4];
        for byte in c.encode_utf8(&mut buf).bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// A stable 64-bit hash of a string (FNV-1a of its bytes, then the
/// splitmix finaliser): the same on every run and platform, so it may name
/// a value in a persisted index.
pub fn stable_hash(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in text.as_bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(hash)
}

/// Order-sensitive combination of word hashes (splitmix64 finaliser after
/// each step, so "a b" and "b a" differ).
fn combine(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15, |acc, &w| mix(acc ^ w))
}

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphing_and_case_do_not_change_shingles() {
        let a = shingles("The minister said the talks would resume in Geneva next week.");
        let b = shingles("THE MINISTER said the talks\n\nwould resume in Geneva, next week!");
        assert_eq!(a, b);
        assert!(!a.is_empty());
    }

    #[test]
    fn narrative_leaves_out_quotations() {
        let f = fingerprint(
            "The mayor said \u{201c}we will rebuild every bridge in this town\u{201d} on Monday evening.",
        );
        assert!(f.narrative.len() < f.all.len());
        let unquoted = fingerprint("The mayor said on Monday evening.");
        assert_eq!(f.narrative, unquoted.narrative);
    }

    #[test]
    fn unclosed_quotation_ends_at_the_paragraph() {
        let f = fingerprint("He said \"we will win this fight\n\nThe council met again on Friday to vote.");
        let tail = fingerprint("The council met again on Friday to vote.");
        assert!(tail.narrative.iter().all(|h| f.narrative.contains(h)));
    }

    #[test]
    fn word_order_matters() {
        assert_ne!(
            shingles("one two three four five"),
            shingles("five four three two one")
        );
    }

    #[test]
    fn intersection_counts_shared_hashes() {
        assert_eq!(intersection_size(&[1, 3, 5, 7], &[3, 4, 5, 8]), 2);
        assert_eq!(intersection_size(&[], &[1]), 0);
    }

    #[test]
    fn short_bodies_get_one_fingerprint() {
        assert_eq!(shingles("Breaking news").len(), 1);
        assert!(shingles("  ").is_empty());
    }
}
