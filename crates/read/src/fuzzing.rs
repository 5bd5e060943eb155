//! Entry points for the fuzz targets in `fuzz/` and the corpus-replay test:
//! each drives one reader directly on arbitrary bytes, bypassing detection,
//! so the fuzzer reaches deep into that reader. Not part of the public API.

use crate::{feed, json, warc};

/// The whole pipeline: detection, gzip, then whichever reader fits.
pub fn read_any(bytes: &[u8]) {
    for result in crate::read_bytes("fuzz", bytes) {
        match result {
            Ok(document) => assert_eq!(document.origin.path, "fuzz"),
            Err(error) => assert!(!error.reason.is_empty(), "an error must say why"),
        }
    }
}

/// The WARC reader on raw bytes.
pub fn warc(bytes: &[u8]) {
    let reader = Box::new(std::io::Cursor::new(bytes.to_vec()));
    warc::WarcDocuments::new("fuzz.warc".to_owned(), reader).for_each(drop);
}

/// The feed reader on raw bytes.
pub fn feed(bytes: &[u8]) {
    drop(feed::read_feed("fuzz.xml", bytes));
}

/// The JSONL reader and the single-JSON reader on raw bytes.
pub fn jsonl(bytes: &[u8]) {
    let reader = Box::new(std::io::Cursor::new(bytes.to_vec()));
    json::JsonlDocuments::new("fuzz.jsonl".to_owned(), reader).for_each(drop);
    drop(json::read_json_document("fuzz.json", bytes));
}

/// Charset decoding of an HTML page, with and without a transport charset.
pub fn html_decode(bytes: &[u8]) {
    drop(crate::decode::decode_html(bytes, None, Some("ru")));
    drop(crate::decode::decode_html(bytes, Some("shift_jis"), None));
    drop(crate::decode::decode_text(bytes));
}
