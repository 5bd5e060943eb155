//! Why a search operation failed.

/// A search-index failure. Bad query *text* is never an error (it is parsed
/// leniently); bad filter values are [`SearchError::BadQuery`].
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index could not be opened, read or written.
    #[error("search index: {context}: {source}")]
    Index {
        /// What was being done.
        context: String,
        /// The underlying error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// A file-system problem with the index directory.
    #[error("search index: {context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Reading articles from the store failed.
    #[error("search index: reading the store: {0}")]
    Store(#[from] parallax_store::StoreError),
    /// A filter value is malformed (e.g. a date that is not `YYYY-MM-DD`).
    #[error("search query: {0}")]
    BadQuery(String),
    /// The index is not usable.
    #[error("search index: {0}")]
    Unavailable(String),
}
