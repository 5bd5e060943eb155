//! The pipeline as one library call: a source document becomes an analysed
//! article with coded events ([`process_document`], pure and parallel), a
//! batch of articles goes into the store ([`store_batch`]), and the store is
//! linked into stories whose reports are assembled and stored ([`relink`],
//! or [`Linker::relink`] for a process that keeps its link index between
//! ingests; the index is saved beside the store in [`LINK_STATE_FILE`], see
//! `docs/scale.md`).
//!
//! `parallax-pipeline` owns the *order* of the stages and the guard that
//! keeps one bad document from stopping a batch; every caller (the CLI's
//! `ingest`/`analyze`, the server's upload endpoint, benchmarks) goes through
//! it so they cannot drift apart. It must not parse arguments, print, draw
//! progress or know about HTTP: callers own interaction, and the stages own
//! their logic (`parallax-extract`, `-analyze`, `-events`, `-link`, `-story`).

mod ingest;
mod link_state;
mod linker;
mod process;
mod relink;
mod report;

pub use ingest::{store_batch, IngestCounts};
pub use link_state::STATE_FILE as LINK_STATE_FILE;
pub use linker::{Linker, Synced};
pub use process::{process_batch, process_document};
pub use relink::{relink, RelinkTimings, Relinked};
pub use report::{AssembledFrom, MAX_REPORT_ARTICLES};

/// A pipeline failure that stops the run (a bad *document* never does: it is
/// returned per document as a [`parallax_read::ReadError`]).
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The store could not be read or written.
    #[error(transparent)]
    Store(#[from] parallax_store::StoreError),
    /// A story report could not be serialised (a bug, not bad input).
    #[error("story report: {0}")]
    Report(#[from] serde_json::Error),
}

/// Result alias for pipeline operations.
pub type Result<T> = std::result::Result<T, PipelineError>;
