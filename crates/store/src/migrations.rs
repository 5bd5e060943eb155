//! Schema migrations: an ordered list of SQL scripts, each applied once in
//! its own transaction and recorded in `schema_migrations`. Never edit a
//! shipped migration; append a new one. A migration that adds a table
//! derived from stored data also names the Rust step that fills it from
//! what is already stored (run in the same transaction, so a database is
//! either fully migrated and filled or left as it was).

use rusqlite::{Connection, Transaction};

use crate::{Result, StoreError};

/// The SQL scripts in order; index + 1 is the schema version.
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
    // 3: indexes derived from each article's current revision (the JSON
    // stays the source of truth; these rows are rebuilt from it), plus the
    // aggregates and orderings the listings need to stay keyed lookups on a
    // large store. `published` and `outlet` are copied from the article so
    // that each listing is one index range in its display order.
    //
    // `row_counts` holds the sizes of the big tables (kept by triggers) so
    // an unfiltered listing's total is not a count over every row.
    "CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        key TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        canonical TEXT NOT NULL,
        surface TEXT NOT NULL,
        form TEXT NOT NULL,
        kb_id TEXT,
        count INTEGER NOT NULL,
        outlet TEXT
    );
    CREATE INDEX entity_mentions_by_article ON entity_mentions(article_id);
    CREATE INDEX entity_mentions_by_key ON entity_mentions(key);
    CREATE TABLE entity_articles (
        key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        published TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (key, article_id)
    );
    CREATE INDEX entity_articles_newest ON entity_articles(key, published DESC, article_id);
    CREATE INDEX entity_articles_by_article ON entity_articles(article_id);
    CREATE TABLE entities (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        kb_id TEXT,
        article_count INTEGER NOT NULL,
        mention_count INTEGER NOT NULL,
        search_text TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX entities_by_articles ON entities(article_count DESC, key);
    CREATE TABLE entity_variants (
        key TEXT NOT NULL,
        canonical TEXT NOT NULL,
        canonical_folded TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        kb_id TEXT,
        articles INTEGER NOT NULL
    );
    CREATE INDEX entity_variants_by_key ON entity_variants(key, canonical);
    CREATE TABLE entity_spellings (
        key TEXT NOT NULL,
        surface TEXT NOT NULL,
        surface_folded TEXT NOT NULL,
        outlet TEXT,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    );
    CREATE INDEX entity_spellings_by_key ON entity_spellings(key, surface);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id),
        quote_index INTEGER NOT NULL,
        published TEXT,
        outlet TEXT,
        speaker_key TEXT,
        speaker_name TEXT,
        kind TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (article_id, quote_index)
    );
    CREATE INDEX quotes_newest ON quotes(published DESC, article_id, quote_index);
    CREATE INDEX quotes_by_speaker ON quotes(speaker_key, published DESC, article_id, quote_index);
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id),
        event_index INTEGER NOT NULL,
        published TEXT,
        outlet TEXT,
        cameo_code TEXT NOT NULL,
        cameo_root TEXT NOT NULL,
        plover_type TEXT NOT NULL,
        source_key TEXT,
        target_key TEXT,
        date TEXT,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (article_id, event_index)
    );
    CREATE INDEX events_newest ON events(published DESC, article_id, event_index);
    CREATE INDEX events_by_root ON events(cameo_root, published DESC, article_id, event_index);
    CREATE TABLE event_actors (
        actor_key TEXT NOT NULL,
        article_id TEXT NOT NULL,
        event_index INTEGER NOT NULL,
        published TEXT,
        cameo_root TEXT NOT NULL,
        PRIMARY KEY (actor_key, article_id, event_index)
    );
    CREATE INDEX event_actors_newest ON event_actors(actor_key, published DESC, article_id, event_index);
    CREATE INDEX event_actors_by_article ON event_actors(article_id);
    CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
    INSERT INTO row_counts (name, n) VALUES
        ('articles', (SELECT COUNT(*) FROM articles)), ('quotes', 0), ('events', 0);
    CREATE TRIGGER articles_count_insert AFTER INSERT ON articles
        BEGIN UPDATE row_counts SET n = n + 1 WHERE name = 'articles'; END;
    CREATE TRIGGER articles_count_delete AFTER DELETE ON articles
        BEGIN UPDATE row_counts SET n = n - 1 WHERE name = 'articles'; END;
    CREATE TRIGGER quotes_count_insert AFTER INSERT ON quotes
        BEGIN UPDATE row_counts SET n = n + 1 WHERE name = 'quotes'; END;
    CREATE TRIGGER quotes_count_delete AFTER DELETE ON quotes
        BEGIN UPDATE row_counts SET n = n - 1 WHERE name = 'quotes'; END;
    CREATE TRIGGER events_count_insert AFTER INSERT ON events
        BEGIN UPDATE row_counts SET n = n + 1 WHERE name = 'events'; END;
    CREATE TRIGGER events_count_delete AFTER DELETE ON events
        BEGIN UPDATE row_counts SET n = n - 1 WHERE name = 'events'; END;
    CREATE INDEX articles_newest ON articles(published DESC, id);
    CREATE INDEX articles_by_outlet ON articles(outlet, published DESC, id);
    CREATE INDEX stories_by_rank ON stories(article_count DESC, last_published DESC, id);",
    // 4: where vanished story ids went. A story's id is a hash of its
    // members, so a story that gains or loses a member gets a new id; the
    // old id is kept here, pointing at the current story holding most of its
    // former members, so links and bookmarks to it keep working.
    "CREATE TABLE story_moves (
        old_id TEXT PRIMARY KEY,
        new_id TEXT NOT NULL,
        moved_at TEXT NOT NULL
    );
    CREATE INDEX story_moves_by_target ON story_moves(new_id);",
    // 5: the current content hash of every article from an index alone. A
    // relink (after every ingest) lists them all; through the primary key
    // each row's revision record was read (a page of the revision's JSON),
    // 0.5 s of every ingest at 100,000 articles.
    "CREATE INDEX revisions_hash_by_article ON revisions(article_id, revision, content_hash);",
];

/// A Rust step that fills a migration's new tables from stored data.
type Backfill = fn(&Transaction) -> Result<()>;

/// Rust steps run right after a migration's SQL, in its transaction:
/// `(schema version, step)`.
const BACKFILLS: &[(u32, Backfill)] = &[(3, crate::sqlite::index::backfill)];

/// Latest schema version this build knows.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Brings the database up to [`LATEST`], refusing a database written by a
/// newer Parallax (its schema may mean things this build does not know).
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, LATEST)
}

/// Brings the database up to schema `target` (tests build older databases
/// with it to check that upgrading them works).
pub(crate) fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
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
    for (index, script) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        let version = index as u32 + 1;
        let tx = conn.transaction().map_err(db("begin migration"))?;
        tx.execute_batch(script)
            .map_err(db(&format!("apply migration {version}")))?;
        for (_, backfill) in BACKFILLS.iter().filter(|(v, _)| *v == version) {
            backfill(&tx)?;
        }
        tx.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
            [version],
        )
        .map_err(db("record migration"))?;
        tx.commit().map_err(db("commit migration"))?;
    }
    Ok(())
}
