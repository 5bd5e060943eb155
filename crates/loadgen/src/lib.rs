//! Parallax's load generator (issue 6: 50 concurrent clients against a
//! 100,000-article store).
//!
//! It owns one job: measure how `parallax serve` answers story and search
//! requests under a closed-loop load while ingest keeps working. Closed loop
//! means each of the N clients sends its next request only when the previous
//! one has been answered, like N people clicking through the site; the
//! throughput is what the server sustains, not what the generator pushes.
//!
//! The URL mix comes from the server itself (story ids from
//! `GET /api/stories`) and from a fixed list of search queries
//! (`bench/load/queries.tsv`), so the same run works on any store. The
//! generator runs on one thread (tokio's current-thread runtime) so that,
//! on a small machine, nearly all CPU stays with the server being measured.

pub mod classes;
pub mod http;
pub mod ingest;
pub mod plan;
pub mod report;
pub mod run;
pub mod stats;
