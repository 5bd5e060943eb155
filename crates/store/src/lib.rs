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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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

// ---------------------------------------------------------------------------
// Listings and indexes (issue 6). Final signatures, coded against by the API:
//
//   Page<T> { total, offset, items }
//   ArticleFilter { outlet }              StoryFilter { text, min_articles }
//   QuoteFilter { speaker_key, article }  EventFilter { article, actor_key, cameo_root }
//   QuoteRow { article, outlet, published, index, quote }
//   EventRow { article, outlet, published, index, event }
//   EntityRecord { key, name, entity_type, kb_id, article_count, mention_count, spellings, articles }
//   Spelling { surface, outlet, articles, mentions }
//   EntitySummary { key, name, entity_type, article_count, mention_count }
//   Store::articles_page(&ArticleFilter, offset, limit) -> Page<ArticleSummary>   newest first
//   Store::stories_page(&StoryFilter, offset, limit) -> Page<StorySummary>        order of stories()
//   Store::entity(key) -> Option<EntityRecord>
//   Store::entities_page(query, offset, limit) -> Page<EntitySummary>            most articles first
//   Store::quotes_page(&QuoteFilter, offset, limit) -> Page<QuoteRow>
//   Store::events_page(&EventFilter, offset, limit) -> Page<EventRow>
// All of them derive `serde::Serialize`; the field names above are their JSON names.
// ---------------------------------------------------------------------------

/// One page of a listing: `items` are rows `offset .. offset + items.len()`
/// of the `total` rows matching the filter.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Page<T> {
    /// Number of rows matching the filter, over all pages.
    pub total: u64,
    /// Position of the first item in the whole listing (0-based).
    pub offset: u64,
    /// The rows of this page.
    pub items: Vec<T>,
}

/// Which articles [`Store::articles_page`] lists. `Default` = all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Only articles of this outlet (exact stored outlet name or domain).
    pub outlet: Option<String>,
}

/// Which stories [`Store::stories_page`] lists. `Default` = all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryFilter {
    /// Case-insensitive substring of the story's title or of one of its outlets.
    pub text: Option<String>,
    /// Only stories with at least this many articles (0 = no minimum).
    pub min_articles: usize,
}

/// Which quotes [`Store::quotes_page`] lists. `Default` = all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// Only quotes whose speaker has this canonical key (`person:sybiha-andrii`).
    pub speaker_key: Option<String>,
    /// Only quotes of this article (full id).
    pub article: Option<String>,
}

/// Which events [`Store::events_page`] lists. `Default` = all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only events of this article (full id).
    pub article: Option<String>,
    /// Only events whose source or target actor has this canonical key.
    pub actor_key: Option<String>,
    /// Only events of this CAMEO root code (two digits, `"19"`).
    pub cameo_root: Option<String>,
}

/// A quote with the article it is in (the quote is the core `Quote` value as stored).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct QuoteRow {
    /// Article id.
    pub article: String,
    /// The article's outlet name or domain.
    pub outlet: Option<String>,
    /// The article's publication date as stored.
    pub published: Option<String>,
    /// Index of the quote in the article's `quotes`.
    pub index: usize,
    /// The quote as in the article JSON.
    pub quote: parallax_core::Quote,
}

/// An event with the article it is in.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EventRow {
    /// Article id.
    pub article: String,
    /// The article's outlet name or domain.
    pub outlet: Option<String>,
    /// The article's publication date as stored.
    pub published: Option<String>,
    /// Index of the event in the article's `events`.
    pub index: usize,
    /// The event as in the article JSON.
    pub event: parallax_core::Event,
}

/// Everything the store knows of one entity (canonical key) across articles.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntityRecord {
    /// Canonical key (`person:sybiha-andrii`).
    pub key: String,
    /// The canonical name most articles give it.
    pub name: String,
    /// Entity type as in the article JSON (`person`, `organization`, …).
    pub entity_type: String,
    /// Wikidata QID when an article's analysis knew one.
    pub kb_id: Option<String>,
    /// Articles (current revisions) mentioning it by name or title.
    pub article_count: u64,
    /// Name and title mentions over all those articles.
    pub mention_count: u64,
    /// Each surface form (names and titles, not pronouns) with the outlets
    /// that used it and how often; most-used first.
    pub spellings: Vec<Spelling>,
    /// Ids of the articles mentioning it, newest first (at most 500).
    pub articles: Vec<String>,
}

/// One surface form of an entity as one outlet wrote it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Spelling {
    /// The text as written in the body ("Sybiga").
    pub surface: String,
    /// The outlet that wrote it (name or domain; `null` when unknown).
    pub outlet: Option<String>,
    /// Articles of that outlet using this form.
    pub articles: u64,
    /// Mentions in this form in those articles.
    pub mentions: u64,
}

/// One line of an entity listing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntitySummary {
    /// Canonical key.
    pub key: String,
    /// The canonical name most articles give it.
    pub name: String,
    /// Entity type (`person`, `organization`, …).
    pub entity_type: String,
    /// Articles mentioning it by name or title.
    pub article_count: u64,
    /// Name and title mentions over all articles.
    pub mention_count: u64,
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
    /// A caller streaming records into the store gave up with this reason;
    /// the transaction was rolled back and nothing was written.
    #[error("store: update abandoned: {0}")]
    Abandoned(String),
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
    /// Applies a change to the set of stories in one transaction: drops the
    /// stories `remove` names (with their memberships) and inserts `insert`.
    /// A story's id is a function of its members, so a relink only ever adds
    /// and drops whole stories; the unchanged ones are not rewritten.
    fn update_stories(&mut self, insert: &[StoryRecord], remove: &[String]) -> Result<()>;
    /// Like [`Store::update_stories`], but the stories to insert are taken
    /// from `insert` one at a time and written as they come, so a caller
    /// assembling thousands of reports never holds them all: one
    /// transaction, rolled back whole if `insert` yields an error. After the
    /// inserts, each story in `remove` is recorded as **moved** to the
    /// current story holding most of its former members (ties: smallest id;
    /// see [`Store::story_moved_to`]) and dropped. A caller that reads
    /// articles while producing the stories reads through
    /// [`Store::reader`], since this store is busy writing.
    fn update_stories_streaming(
        &mut self,
        insert: &mut dyn Iterator<Item = Result<StoryRecord>>,
        remove: &[String],
    ) -> Result<()>;
    /// Where a story id that no longer exists went: the id of the current
    /// story holding most of its members when it vanished (following later
    /// moves). `id` may be a unique prefix of a vanished id. `None` for an id
    /// that was never a story, or whose articles are in no story now.
    fn story_moved_to(&self, id: &str) -> Result<Option<String>>;
    /// Another handle on the same store for reading while this one is in
    /// the middle of a write ([`Store::update_stories_streaming`]); it sees
    /// what was committed.
    fn reader(&self) -> Result<Box<dyn Store + Send>>;
    /// `(id, content hash)` of the current revision of every article, in id
    /// order, without decoding any article: what a cache of values derived
    /// from articles checks itself against.
    fn article_hashes(&self) -> Result<Vec<(String, String)>>;
    /// A directory where derived, rebuildable caches may be kept beside the
    /// store (the link stage's index entries), or `None` when there is none;
    /// callers then recompute what they would have cached.
    fn cache_dir(&self) -> Option<std::path::PathBuf> {
        None
    }
    /// A page of articles, newest first (undated last), then by id.
    fn articles_page(&self, filter: &ArticleFilter, offset: u64, limit: u64) -> Result<Page<ArticleSummary>>;
    /// A page of stories, in the order of [`Store::stories`].
    fn stories_page(&self, filter: &StoryFilter, offset: u64, limit: u64) -> Result<Page<StorySummary>>;
    /// One entity by canonical key across all current articles; `None` when
    /// no article mentions it by name or title.
    fn entity(&self, key: &str) -> Result<Option<EntityRecord>>;
    /// A page of entities, most articles first. `query`: case-insensitive
    /// substring of the canonical name or of any surface form.
    fn entities_page(&self, query: Option<&str>, offset: u64, limit: u64) -> Result<Page<EntitySummary>>;
    /// A page of quotes, newest article first, in article order within one.
    fn quotes_page(&self, filter: &QuoteFilter, offset: u64, limit: u64) -> Result<Page<QuoteRow>>;
    /// A page of events, newest article first, in article order within one.
    fn events_page(&self, filter: &EventFilter, offset: u64, limit: u64) -> Result<Page<EventRow>>;
}
