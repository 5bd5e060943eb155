//! Reading: paths in, [`SourceDocument`]s out.
//!
//! `parallax-read` owns everything about how articles arrive: expanding
//! directories, globs and `-` (stdin) into inputs; detecting the format from
//! content (not only the extension); decompressing gzip; decoding bytes to
//! UTF-8 (detecting legacy encodings); and streaming records out of
//! containers (WARC, RSS/Atom/JSON feeds, JSONL) with bounded memory. A
//! readable file never makes it fail as a whole: each bad record becomes a
//! [`ReadError`] naming the file, the record and the reason, and reading goes
//! on. It must not interpret content (no boilerplate rules, no metadata
//! heuristics beyond what a container states explicitly): that is
//! `parallax-extract`'s job.

use parallax_core::Origin;

/// One input that failed to read, or one record inside it that failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct ReadError {
    /// The file (and record) that failed.
    pub origin: Origin,
    /// Why, in one line.
    pub reason: String,
}
