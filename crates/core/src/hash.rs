/// Content hash of a text: lowercase hex BLAKE3 of its UTF-8 bytes.
///
/// Used for idempotent ingest: the same clean body hashes the same wherever it
/// was read from.
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// A short, stable identifier derived from a key: the first 16 hex digits of
/// its BLAKE3 hash. Deterministic, so re-running Parallax on the same input
/// yields the same ids.
pub fn short_id(key: &str) -> String {
    let hex = blake3::hash(key.as_bytes()).to_hex();
    hex[..16].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_short() {
        assert_eq!(
            short_id("https://example.org/a"),
            short_id("https://example.org/a")
        );
        assert_ne!(
            short_id("https://example.org/a"),
            short_id("https://example.org/b")
        );
        assert_eq!(short_id("x").len(), 16);
        assert_eq!(content_hash("body").len(), 64);
    }
}
