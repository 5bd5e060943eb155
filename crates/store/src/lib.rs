//! Storage: the one interface every stage persists through, and its embedded
//! SQLite backend.
//!
//! `parallax-store` owns persistence: the [`Store`] trait (what the pipeline
//! may ask of storage), the SQLite implementation used by default
//! ([`SqliteStore`], one file in a data directory), schema migrations,
//! idempotent ingest by content hash and revisions of a changed URL. It is
//! the only crate that knows SQL. It must not extract, analyse or format
//! anything: it stores and returns `parallax-core` values as they are, so a
//! PostgreSQL backend can later implement the same trait.

mod migrations;

pub use migrations::LATEST as SCHEMA_LATEST;
mod sqlite;

pub use sqlite::SqliteStore;

use parallax_core::Article;

/// What storing an article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// A new article.
    New,
    /// The same article with the same content was already stored: nothing changed.
    Duplicate,
    /// The article (same id, i.e. same URL) was stored before with other
    /// content; this is kept as revision `n` (the first version is 1).
    Revision(u32),
}

/// One line of an article listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet name or domain.
    pub outlet: Option<String>,
    /// Publication date as stored (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
    pub published: Option<String>,
    /// Number of stored revisions.
    pub revisions: u32,
    /// File it was first read from.
    pub source_path: String,
}

/// One stored revision of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionInfo {
    /// 1 for the first version.
    pub revision: u32,
    /// BLAKE3 of that revision's body.
    pub content_hash: String,
    /// When it was stored (RFC 3339, UTC).
    pub stored_at: String,
}

/// A story as stored: its members and the report the linking stage
/// assembled for it, kept as JSON so the store never needs to know its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRecord {
    /// Stable story id (the same members give the same id).
    pub id: String,
    /// A headline for listings.
    pub title: Option<String>,
    /// Member article ids.
    pub articles: Vec<String>,
    /// Outlets of the members.
    pub outlets: Vec<String>,
    /// Earliest and latest publication date of a member.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// The story report (JSON text).
    pub report: String,
}

/// One line of a story listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorySummary {
    pub id: String,
    pub title: Option<String>,
    pub article_count: usize,
    pub outlets: Vec<String>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// When the story's report last changed (RFC 3339, UTC).
    pub updated_at: String,
}

/// A storage failure, with the operation that failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened, read or written.
    #[error("store: {context}: {source}")]
    Database {
        /// What was being done.
        context: String,
        /// The underlying error.
        #[source]
        source: rusqlite::Error,
    },
    /// A stored record could not be decoded (corruption or a newer schema).
    #[error("store: article {id}: stored JSON unreadable: {reason}")]
    Corrupt {
        /// Article id.
        id: String,
        /// Why.
        reason: String,
    },
    /// The data directory cannot be used.
    #[error("store: {0}")]
    Setup(String),
}

/// Result alias for storage operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// What the pipeline may ask of storage. Implemented by [`SqliteStore`];
/// a server backend implements the same contract.
pub trait Store {
    /// Stores a batch of articles atomically (all or nothing) and reports,
    /// per article, what happened. Re-storing identical content is a no-op.
    fn put_articles(&mut self, articles: &[Article]) -> Result<Vec<PutOutcome>>;
    /// The current (latest) revision of an article, if stored. `id` may be a
    /// unique prefix of at least 4 characters.
    fn article(&self, id: &str) -> Result<Option<Article>>;
    /// A specific revision of an article.
    fn article_revision(&self, id: &str, revision: u32) -> Result<Option<Article>>;
    /// The revisions of an article, oldest first.
    fn revisions(&self, id: &str) -> Result<Vec<RevisionInfo>>;
    /// All articles, summarised, ordered by publication date then id.
    fn list(&self) -> Result<Vec<ArticleSummary>>;
    /// Calls `visit` with the current revision of every article, in id order,
    /// without holding them all in memory.
    fn for_each_article(&self, visit: &mut dyn FnMut(Article) -> Result<()>) -> Result<()>;
    /// Number of stored articles.
    fn count(&self) -> Result<u64>;
    /// Replaces the set of stories in one transaction: stories not in
    /// `stories` are dropped, the others inserted or updated.
    fn replace_stories(&mut self, stories: &[StoryRecord]) -> Result<()>;
    /// Ids of the stored stories.
    fn story_ids(&self) -> Result<Vec<String>>;
    /// All stories, largest and most recent first.
    fn stories(&self) -> Result<Vec<StorySummary>>;
    /// One story by id or unique prefix.
    fn story(&self, id: &str) -> Result<Option<StoryRecord>>;
    /// Ids of the stories an article belongs to.
    fn stories_of_article(&self, article_id: &str) -> Result<Vec<String>>;
}
