//! Schema migrations: an ordered list of SQL scripts, each applied once in
//! its own transaction and recorded in `schema_migrations`. Never edit a
//! shipped migration; append a new one.

use rusqlite::Connection;

use crate::{Result, StoreError};

/// The migrations in order; index + 1 is the schema version.
const MIGRATIONS: &[&str] = &[
    // 1: articles and their revisions. The full article JSON is the source of
    // truth; the columns beside it exist for listing and lookup.
    "CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published TEXT,
        source_path TEXT NOT NULL,
        current_revision INTEGER NOT NULL
    );
    CREATE TABLE revisions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        revision INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (article_id, revision)
    );
    CREATE INDEX revisions_by_hash ON revisions(content_hash);
    CREATE INDEX articles_by_url ON articles(url);",
    // 2: stories from the linking stage, with their assembled reports.
    "CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        article_count INTEGER NOT NULL,
        outlets TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT,
        updated_at TEXT NOT NULL,
        report TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_by_article ON story_articles(article_id);",
];

/// Latest schema version this build knows.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Brings the database up to [`LATEST`], refusing a database written by a
/// newer Parallax (its schema may mean things this build does not know).
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let db = |context: &str| {
        let context = context.to_owned();
        move |source| StoreError::Database { context, source }
    };
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
    )
    .map_err(db("create schema_migrations"))?;
    let current: u32 = conn
        .query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            [],
            |row| row.get(0),
        )
        .map_err(db("read schema version"))?;
    if current > LATEST {
        return Err(StoreError::Setup(format!(
            "database schema version {current} is newer than this build supports ({LATEST}); upgrade Parallax"
        )));
    }
    for (index, script) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as u32 + 1;
        let tx = conn.transaction().map_err(db("begin migration"))?;
        tx.execute_batch(script)
            .map_err(db(&format!("apply migration {version}")))?;
        tx.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
            [version],
        )
        .map_err(db("record migration"))?;
        tx.commit().map_err(db("commit migration"))?;
    }
    Ok(())
}
