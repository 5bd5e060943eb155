//! The feature hash: a fixed, versioned function from feature parts to 64
//! bits, used both to index the weight table and to key the gazetteer.
//!
//! It is written here rather than taken from a hashing crate because the
//! shipped weights depend on every bit of it: a dependency update that
//! changed its hash (as `rustc-hash` 2 did) would silently scramble the
//! model. FNV-1a over the bytes with a template seed, finished with the
//! SplitMix64 mixer so that the low bits used as a bucket index are well
//! spread.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// An incremental hash of one feature: a template id, then its parts.
#[derive(Debug, Clone, Copy)]
pub struct FeatureHash(u64);

impl FeatureHash {
    /// Starts a feature of template `id`.
    pub fn template(id: u8) -> Self {
        FeatureHash(FNV_OFFSET).byte(id)
    }

    /// Adds one byte.
    pub fn byte(self, byte: u8) -> Self {
        FeatureHash((self.0 ^ u64::from(byte)).wrapping_mul(FNV_PRIME))
    }

    /// Adds a string part, followed by a separator so that ("ab","c") and
    /// ("a","bc") differ.
    pub fn str(self, part: &str) -> Self {
        let mut hash = self.0;
        for &byte in part.as_bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
        }
        FeatureHash(hash).byte(0x1f)
    }

    /// The final, mixed hash.
    pub fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// Combines a template id and already-hashed parts into one feature hash
/// (cheaper than re-hashing the parts' bytes for every template).
pub fn combine(template: u8, parts: &[u64]) -> u64 {
    let mut hash = mix(u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    for &part in parts {
        hash = mix(hash.rotate_left(17) ^ part);
    }
    hash
}

/// The SplitMix64 finaliser.
fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of one string, as a part for [`combine`].
pub fn hash_str(part: &str) -> u64 {
    FeatureHash::template(0).str(part).finish()
}

/// Keys that are already well-mixed hashes need no second hashing.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A map keyed by hashes.
pub type HashKeyMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<IdentityHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_stable_and_separates_parts() {
        // Pinned value: changing the function invalidates the shipped model.
        assert_eq!(
            FeatureHash::template(1).str("kyiv").finish(),
            0x2d30_1013_c4f7_c31c
        );
        assert_ne!(
            FeatureHash::template(1).str("ab").str("c").finish(),
            FeatureHash::template(1).str("a").str("bc").finish()
        );
        assert_ne!(
            FeatureHash::template(1).str("x").finish(),
            FeatureHash::template(2).str("x").finish()
        );
        assert_eq!(combine(1, &[hash_str("kyiv")]), 0x1b86_a21f_3b0f_3207);
        assert_ne!(combine(1, &[1, 2]), combine(1, &[2, 1]));
        assert_ne!(combine(1, &[1]), combine(2, &[1]));
    }
}
