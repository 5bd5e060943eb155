//! Property tests: no byte sequence makes a reader panic, whatever format it
//! is detected as, and every error names the input and says why.

use proptest::prelude::*;

/// Prefixes that steer arbitrary bytes into each reader's deeper paths.
const PREFIXES: &[&[u8]] = &[
    b"",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n",
    b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><description>",
    b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [",
    b"{\"maintext\": \"x\"}\n{",
    b"<!doctype html><meta charset=",
    b"\xff\xfe<\x00h\x00",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn read_bytes_never_panics(prefix in proptest::sample::select(PREFIXES), tail in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(&tail);
        for result in parallax_read::read_bytes("input.bin", &bytes) {
            match result {
                Ok(document) => prop_assert_eq!(document.origin.path, "input.bin"),
                Err(error) => {
                    prop_assert_eq!(&error.origin.path, "input.bin");
                    prop_assert!(!error.reason.is_empty());
                }
            }
        }
    }

    #[test]
    fn each_reader_survives_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        parallax_read::fuzzing::warc(&bytes);
        parallax_read::fuzzing::feed(&bytes);
        parallax_read::fuzzing::jsonl(&bytes);
        parallax_read::fuzzing::html_decode(&bytes);
    }
}
