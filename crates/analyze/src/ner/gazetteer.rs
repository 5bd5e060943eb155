//! A compact name list for the tagger's gazetteer features: hashed,
//! lower-cased token sequences ("new york", "volodymyr zelenskyy") with
//! the kinds of name they are, stored inside the model file so that the
//! features the model was trained with are exactly the ones it sees at run
//! time.
//!
//! Only hashes are stored (the model file ships no name text), and every
//! proper prefix of an entry is marked so that matching stops as soon as a
//! token sequence cannot lead to an entry.

use super::hashing::{FeatureHash, HashKeyMap};

/// Kinds of gazetteer entry, as bits of a `u8`.
pub mod kind {
    /// A place: country, region, city.
    pub const LOCATION: u8 = 1;
    /// An organisation.
    pub const ORGANIZATION: u8 = 2;
    /// A person's full name.
    pub const PERSON: u8 = 4;
    /// A nationality or demonym ("Ukrainian").
    pub const DEMONYM: u8 = 8;
    /// A token seen as the first word of person names.
    pub const FIRST_NAME: u8 = 16;
    /// A token seen as the last word of person names.
    pub const SURNAME: u8 = 32;
    /// Another kind of name (an event, a work, a nationality as a noun).
    pub const MISC: u8 = 64;
    /// Names of the kinds above, for feature strings.
    pub const NAMES: [(u8, &str); 7] = [
        (MISC, "misc"),
        (LOCATION, "loc"),
        (ORGANIZATION, "org"),
        (PERSON, "per"),
        (DEMONYM, "dem"),
        (FIRST_NAME, "first"),
        (SURNAME, "sur"),
    ];
    /// Marks a proper prefix of some entry (not itself a kind).
    pub const PREFIX: u8 = 128;
}

/// Longest entry, in tokens: longer names are rare and costly to match.
pub const MAX_TOKENS: usize = 6;

type KindMap = HashKeyMap<u8>;

/// A gazetteer match over tokens `[start, end)` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Kind bits.
    pub kinds: u8,
}

/// The hashed name list.
#[derive(Default, Clone)]
pub struct Gazetteer {
    entries: KindMap,
}

fn start_key() -> FeatureHash {
    FeatureHash::template(0xfe)
}

impl Gazetteer {
    /// Adds an entry given as lower-cased, normalised tokens.
    pub fn insert<S: AsRef<str>>(&mut self, tokens: &[S], kinds: u8) {
        if tokens.is_empty() || tokens.len() > MAX_TOKENS || kinds == 0 {
            return;
        }
        let mut key = start_key();
        for (i, token) in tokens.iter().enumerate() {
            key = key.str(token.as_ref());
            let bits = if i + 1 == tokens.len() {
                kinds & !kind::PREFIX
            } else {
                kind::PREFIX
            };
            *self.entries.entry(key.finish()).or_insert(0) |= bits;
        }
    }

    /// Number of stored keys (entries and prefixes).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All matches in a sentence of lower-cased, normalised tokens. A match
    /// must start at a token for which `may_start` is true (capitalised or
    /// numeric), so common words ("mobile", "reading") do not match place
    /// names.
    pub fn matches<S: AsRef<str>>(&self, lower: &[S], may_start: impl Fn(usize) -> bool) -> Vec<Match> {
        let mut found = Vec::new();
        if self.entries.is_empty() {
            return found;
        }
        for start in 0..lower.len() {
            if !may_start(start) {
                continue;
            }
            let mut key = start_key();
            for end in start + 1..=(start + MAX_TOKENS).min(lower.len()) {
                key = key.str(lower[end - 1].as_ref());
                let Some(&bits) = self.entries.get(&key.finish()) else {
                    break;
                };
                let kinds = bits & !kind::PREFIX;
                if kinds != 0 {
                    found.push(Match { start, end, kinds });
                }
                if bits & kind::PREFIX == 0 {
                    break;
                }
            }
        }
        found
    }

    /// Serialises as a count, then sorted (key, bits) pairs, little-endian.
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut pairs: Vec<(u64, u8)> = self.entries.iter().map(|(&k, &v)| (k, v)).collect();
        pairs.sort_unstable();
        out.extend_from_slice(&(pairs.len() as u64).to_le_bytes());
        for (key, bits) in pairs {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(bits);
        }
    }

    /// Reads what [`Gazetteer::write`] wrote from the front of `bytes`;
    /// returns it and the bytes after it.
    pub fn read(bytes: &[u8]) -> Option<(Gazetteer, &[u8])> {
        let count = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?) as usize;
        let end = count.checked_mul(9)?.checked_add(8)?;
        let body = bytes.get(8..end)?;
        let mut entries = KindMap::with_capacity_and_hasher(count, Default::default());
        for pair in body.chunks_exact(9) {
            let key = u64::from_le_bytes(pair[..8].try_into().ok()?);
            entries.insert(key, pair[8]);
        }
        Some((Gazetteer { entries }, bytes.get(end..)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_entries_and_stops_on_prefixes() {
        let mut gazetteer = Gazetteer::default();
        gazetteer.insert(&["new", "york"], kind::LOCATION);
        gazetteer.insert(&["new", "york", "times"], kind::ORGANIZATION);
        gazetteer.insert(&["york"], kind::LOCATION);
        let sentence = ["the", "new", "york", "times", "said"];
        let found = gazetteer.matches(&sentence, |i| i > 0);
        assert_eq!(
            found,
            [
                Match {
                    start: 1,
                    end: 3,
                    kinds: kind::LOCATION
                },
                Match {
                    start: 1,
                    end: 4,
                    kinds: kind::ORGANIZATION
                },
                Match {
                    start: 2,
                    end: 3,
                    kinds: kind::LOCATION
                },
            ]
        );
        assert!(gazetteer.matches(&sentence, |_| false).is_empty());

        let mut bytes = Vec::new();
        gazetteer.write(&mut bytes);
        bytes.push(42);
        let (read, rest) = Gazetteer::read(&bytes).expect("round trip");
        assert_eq!(rest, [42]);
        assert_eq!(read.matches(&sentence, |i| i > 0), found);
        assert!(Gazetteer::read(&bytes[..5]).is_none());
    }
}
