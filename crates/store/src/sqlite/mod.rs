//! The embedded backend: one SQLite database (`parallax.db`) in the data
//! directory, in WAL mode so a killed ingest leaves the last committed batch
//! intact and readers never see a half-written one.

use std::path::{Path, PathBuf};

use parallax_core::Article;
use rusqlite::{params, Connection, OptionalExtension};

use crate::migrations;

pub(crate) mod index;
mod listings;
mod stories;
#[cfg(test)]
mod tests;
use crate::{
    ArticleFilter, ArticleSummary, EntityRecord, EntitySummary, EventFilter, EventRow, Page, PutOutcome,
    QuoteFilter, QuoteRow, Result, RevisionInfo, Store, StoreError, StoryFilter, StoryRecord, StorySummary,
};

/// File name of the database inside the data directory.
pub const DATABASE_FILE: &str = "parallax.db";

/// Shortest id prefix accepted by lookups, so a stray short argument does
/// not silently pick an arbitrary article.
const MIN_PREFIX: usize = 4;

/// SQLite-backed [`Store`].
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

pub(crate) fn db(context: &str) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
    move |source| StoreError::Database {
        context: context.to_owned(),
        source,
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the store in `data_dir`, applying migrations.
    pub fn open(data_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(data_dir).map_err(|e| {
            StoreError::Setup(format!(
                "cannot create data directory {}: {e}",
                data_dir.display()
            ))
        })?;
        let path = data_dir.join(DATABASE_FILE);
        let mut conn = Connection::open(&path).map_err(db("open database"))?;
        conn.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
            .map_err(db("configure database"))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(db("configure database"))?;
        migrations::migrate(&mut conn)?;
        Ok(SqliteStore { conn, path })
    }

    /// Opens an existing store read-only-in-spirit: fails if there is none,
    /// instead of creating an empty one where the user made a typo.
    pub fn open_existing(data_dir: &Path) -> Result<Self> {
        if !data_dir.join(DATABASE_FILE).exists() {
            return Err(StoreError::Setup(format!(
                "no Parallax store in {} (run `parallax ingest` first, or pass --data)",
                data_dir.display()
            )));
        }
        Self::open(data_dir)
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        self.conn
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |row| row.get(0),
            )
            .map_err(db("read schema version"))
    }

    /// Resolves a full id or unique prefix to the stored article id.
    fn resolve_id(&self, id: &str) -> Result<Option<String>> {
        self.resolve_in("articles", id)
    }

    /// Resolves a full id or unique prefix to a vanished story id.
    fn resolve_moved(&self, id: &str) -> Result<Option<String>> {
        self.resolve_column("story_moves", "old_id", id)
    }

    /// Resolves a full id or unique prefix to an id of `table` (a table
    /// name from this module, never user input).
    fn resolve_in(&self, table: &str, id: &str) -> Result<Option<String>> {
        self.resolve_column(table, "id", id)
    }

    /// Resolves a full value or unique prefix of `table.column` (names from
    /// this module, never user input).
    fn resolve_column(&self, table: &str, column: &str, id: &str) -> Result<Option<String>> {
        let context = format!("look up {table} id");
        let exact: Option<String> = self
            .conn
            .query_row(
                &format!("SELECT {column} FROM {table} WHERE {column} = ?1"),
                [id],
                |row| row.get(0),
            )
            .optional()
            .map_err(db(&context))?;
        if exact.is_some() || id.len() < MIN_PREFIX {
            return Ok(exact);
        }
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {column} FROM {table} WHERE {column} LIKE ?1 || '%' ESCAPE '\\' LIMIT 2"
            ))
            .map_err(db(&context))?;
        let escaped = id.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let matches: Vec<String> = stmt
            .query_map([escaped], |row| row.get(0))
            .map_err(db(&context))?
            .collect::<rusqlite::Result<_>>()
            .map_err(db(&context))?;
        Ok(if matches.len() == 1 {
            matches.into_iter().next()
        } else {
            None
        })
    }

    fn decode(id: &str, json: &str) -> Result<Article> {
        serde_json::from_str(json).map_err(|e| StoreError::Corrupt {
            id: id.to_owned(),
            reason: e.to_string(),
        })
    }
}

fn encode(article: &Article) -> Result<String> {
    serde_json::to_string(article).map_err(|e| StoreError::Corrupt {
        id: article.id.clone(),
        reason: e.to_string(),
    })
}

impl Store for SqliteStore {
    fn put_articles(&mut self, articles: &[Article]) -> Result<Vec<PutOutcome>> {
        let tx = self.conn.transaction().map_err(db("begin batch"))?;
        let mut outcomes = Vec::with_capacity(articles.len());
        for article in articles {
            let current: Option<u32> = tx
                .query_row(
                    "SELECT current_revision FROM articles WHERE id = ?1",
                    [&article.id],
                    |row| row.get(0),
                )
                .optional()
                .map_err(db("look up article"))?;
            let outcome = match current {
                None => PutOutcome::New,
                Some(latest) => {
                    let seen: bool = tx
                        .query_row(
                            "SELECT EXISTS(SELECT 1 FROM revisions WHERE article_id = ?1 AND content_hash = ?2)",
                            params![article.id, article.content_hash],
                            |row| row.get(0),
                        )
                        .map_err(db("look up revision"))?;
                    if seen {
                        PutOutcome::Duplicate
                    } else {
                        PutOutcome::Revision(latest + 1)
                    }
                }
            };
            let revision = match outcome {
                PutOutcome::Duplicate => {
                    outcomes.push(outcome);
                    continue;
                }
                PutOutcome::New => 1,
                PutOutcome::Revision(n) => n,
            };
            let outlet = article
                .outlet
                .name
                .clone()
                .or_else(|| article.outlet.domain.clone());
            tx.execute(
                "INSERT INTO articles (id, url, title, outlet, published, source_path, current_revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title,
                   outlet = excluded.outlet, published = excluded.published,
                   current_revision = excluded.current_revision",
                params![
                    article.id,
                    article.url,
                    article.title,
                    outlet,
                    article.published.date,
                    article.source_path,
                    revision
                ],
            )
            .map_err(db("store article"))?;
            tx.execute(
                "INSERT INTO revisions (article_id, revision, content_hash, stored_at, json)
                 VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?4)",
                params![article.id, revision, article.content_hash, encode(article)?],
            )
            .map_err(db("store revision"))?;
            index::replace_article(&tx, article, outlet.as_deref())?;
            outcomes.push(outcome);
        }
        tx.commit().map_err(db("commit batch"))?;
        Ok(outcomes)
    }

    fn article(&self, id: &str) -> Result<Option<Article>> {
        let Some(id) = self.resolve_id(id)? else {
            return Ok(None);
        };
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT r.json FROM articles a JOIN revisions r
                   ON r.article_id = a.id AND r.revision = a.current_revision WHERE a.id = ?1",
                [&id],
                |row| row.get(0),
            )
            .optional()
            .map_err(db("read article"))?;
        json.map(|json| Self::decode(&id, &json)).transpose()
    }

    fn article_revision(&self, id: &str, revision: u32) -> Result<Option<Article>> {
        let Some(id) = self.resolve_id(id)? else {
            return Ok(None);
        };
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT json FROM revisions WHERE article_id = ?1 AND revision = ?2",
                params![id, revision],
                |row| row.get(0),
            )
            .optional()
            .map_err(db("read revision"))?;
        json.map(|json| Self::decode(&id, &json)).transpose()
    }

    fn revisions(&self, id: &str) -> Result<Vec<RevisionInfo>> {
        let Some(id) = self.resolve_id(id)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT revision, content_hash, stored_at FROM revisions WHERE article_id = ?1 ORDER BY revision",
            )
            .map_err(db("list revisions"))?;
        let rows = stmt
            .query_map([id], |row| {
                Ok(RevisionInfo {
                    revision: row.get(0)?,
                    content_hash: row.get(1)?,
                    stored_at: row.get(2)?,
                })
            })
            .map_err(db("list revisions"))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(db("list revisions"))
    }

    fn list(&self) -> Result<Vec<ArticleSummary>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, title, outlet, published, current_revision, source_path FROM articles
                 ORDER BY published IS NULL, published, id",
            )
            .map_err(db("list articles"))?;
        let rows = stmt
            .query_map([], |row| {
                Ok(ArticleSummary {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    outlet: row.get(2)?,
                    published: row.get(3)?,
                    revisions: row.get(4)?,
                    source_path: row.get(5)?,
                })
            })
            .map_err(db("list articles"))?;
        rows.collect::<rusqlite::Result<_>>().map_err(db("list articles"))
    }

    fn for_each_article(&self, visit: &mut dyn FnMut(Article) -> Result<()>) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, r.json FROM articles a JOIN revisions r
                   ON r.article_id = a.id AND r.revision = a.current_revision ORDER BY a.id",
            )
            .map_err(db("read articles"))?;
        let mut rows = stmt.query([]).map_err(db("read articles"))?;
        while let Some(row) = rows.next().map_err(db("read articles"))? {
            let id: String = row.get(0).map_err(db("read articles"))?;
            let json: String = row.get(1).map_err(db("read articles"))?;
            visit(Self::decode(&id, &json)?)?;
        }
        Ok(())
    }

    fn count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT COUNT(*) FROM articles", [], |row| row.get(0))
            .map_err(db("count articles"))
    }

    fn replace_stories(&mut self, stories: &[StoryRecord]) -> Result<()> {
        stories::replace(&mut self.conn, stories)
    }

    fn story_ids(&self) -> Result<Vec<String>> {
        stories::ids(&self.conn)
    }

    fn stories(&self) -> Result<Vec<StorySummary>> {
        stories::list(&self.conn)
    }

    fn story(&self, id: &str) -> Result<Option<StoryRecord>> {
        match self.resolve_in("stories", id)? {
            Some(id) => stories::get(&self.conn, &id),
            None => Ok(None),
        }
    }

    fn stories_of_article(&self, article_id: &str) -> Result<Vec<String>> {
        stories::of_article(&self.conn, article_id)
    }

    fn update_stories(&mut self, insert: &[StoryRecord], remove: &[String]) -> Result<()> {
        stories::update(&mut self.conn, &mut insert.iter().cloned().map(Ok), remove)
    }

    fn update_stories_streaming(
        &mut self,
        insert: &mut dyn Iterator<Item = Result<StoryRecord>>,
        remove: &[String],
    ) -> Result<()> {
        stories::update(&mut self.conn, insert, remove)
    }

    fn story_moved_to(&self, id: &str) -> Result<Option<String>> {
        match self.resolve_moved(id)? {
            Some(old) => stories::moved_to(&self.conn, &old),
            None => Ok(None),
        }
    }

    fn reader(&self) -> Result<Box<dyn Store + Send>> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        Ok(Box::new(SqliteStore::open_existing(dir)?))
    }

    fn article_hashes(&self) -> Result<Vec<(String, String)>> {
        stories::article_hashes(&self.conn)
    }

    fn cache_dir(&self) -> Option<PathBuf> {
        self.path.parent().map(Path::to_path_buf)
    }

    fn articles_page(&self, filter: &ArticleFilter, offset: u64, limit: u64) -> Result<Page<ArticleSummary>> {
        listings::articles(&self.conn, filter, offset, limit)
    }

    fn stories_page(&self, filter: &StoryFilter, offset: u64, limit: u64) -> Result<Page<StorySummary>> {
        listings::stories(&self.conn, filter, offset, limit)
    }

    fn entity(&self, key: &str) -> Result<Option<EntityRecord>> {
        listings::entity(&self.conn, key)
    }

    fn entities_page(&self, query: Option<&str>, offset: u64, limit: u64) -> Result<Page<EntitySummary>> {
        listings::entities(&self.conn, query, offset, limit)
    }

    fn quotes_page(&self, filter: &QuoteFilter, offset: u64, limit: u64) -> Result<Page<QuoteRow>> {
        listings::quotes(&self.conn, filter, offset, limit)
    }

    fn events_page(&self, filter: &EventFilter, offset: u64, limit: u64) -> Result<Page<EventRow>> {
        listings::events(&self.conn, filter, offset, limit)
    }
}
