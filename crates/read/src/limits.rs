//! The size limits that keep reading bounded in memory, in one place so the
//! documentation (`docs/input-formats.md`) and the code cannot drift apart.

/// Largest single document held in memory: a whole HTML or text file, a feed,
/// a pretty-printed JSON file, one WARC response payload (after decompression)
/// or one JSONL line. 50 MiB is ~100× the largest news page in the Zyte and
/// WCXB benchmarks, so only non-articles (dumps, media) hit it.
pub const MAX_DOCUMENT_BYTES: usize = 50 * 1024 * 1024;

/// Longest JSONL line accepted, equal to [`MAX_DOCUMENT_BYTES`]: a line is one document.
pub const MAX_LINE_BYTES: usize = MAX_DOCUMENT_BYTES;

/// Bytes looked at to detect a format (after gzip): enough for an XML prolog,
/// comments and a doctype before the root element, and the first JSONL line of
/// most news-please records.
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;

/// Largest WARC or HTTP header block; real ones are a few hundred bytes.
pub(crate) const MAX_HEADER_BYTES: usize = 64 * 1024;

/// `bytes` in whole MiB, rounded up, for messages.
pub(crate) fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}
