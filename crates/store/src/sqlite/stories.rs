//! Stories in SQLite: one row per story with its assembled report (JSON, as
//! the linking stage made it) and a membership table to find an article's
//! stories. Replacing the set of stories ([`replace`]) or applying a relink's
//! change to it ([`update`]: the stories that appeared and those that went)
//! is one transaction, so readers see either the old linking or the new one,
//! never a mix.

use rusqlite::{params, Connection, OptionalExtension};

use super::db;
use crate::{Result, StoreError, StoryRecord, StorySummary};

pub fn replace(conn: &mut Connection, stories: &[StoryRecord]) -> Result<()> {
    let tx = conn.transaction().map_err(db("begin stories"))?;
    {
        // Keep rows of stories that are unchanged (same id = same members)
        // and whose report was not recomputed; drop the others.
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS keep_story (id TEXT PRIMARY KEY); DELETE FROM keep_story;",
        )
        .map_err(db("stage stories"))?;
        let mut keep = tx
            .prepare("INSERT OR IGNORE INTO keep_story (id) VALUES (?1)")
            .map_err(db("stage stories"))?;
        for story in stories {
            keep.execute([&story.id]).map_err(db("stage stories"))?;
        }
        // Memberships are rewritten whole: cheap, and never stale.
        tx.execute("DELETE FROM story_articles", [])
            .map_err(db("drop old stories"))?;
        tx.execute(
            "DELETE FROM stories WHERE id NOT IN (SELECT id FROM keep_story)",
            [],
        )
        .map_err(db("drop old stories"))?;
        insert_all(&tx, stories)?;
    }
    tx.commit().map_err(db("commit stories"))
}

/// Inserts the stories `insert` yields (as they come), then records where
/// each story of `remove` went and drops it — one transaction, rolled back
/// if `insert` yields an error. Memberships of dropped stories go with them;
/// a story being inserted that already exists (same id, so same members)
/// keeps its row and gets the new report only if it differs.
pub fn update(
    conn: &mut Connection,
    insert: &mut dyn Iterator<Item = Result<StoryRecord>>,
    remove: &[String],
) -> Result<()> {
    let tx = conn.transaction().map_err(db("begin stories"))?;
    {
        let mut writer = StoryWriter::new(&tx)?;
        for record in insert {
            writer.insert(&record?)?;
        }
        record_moves(&tx, remove)?;
        let mut drop_members = tx
            .prepare("DELETE FROM story_articles WHERE story_id = ?1")
            .map_err(db("drop old stories"))?;
        let mut drop_story = tx
            .prepare("DELETE FROM stories WHERE id = ?1")
            .map_err(db("drop old stories"))?;
        for id in remove {
            drop_members.execute([id]).map_err(db("drop old stories"))?;
            drop_story.execute([id]).map_err(db("drop old stories"))?;
        }
    }
    tx.commit().map_err(db("commit stories"))
}

/// For each story about to be dropped, the story (not being dropped) that
/// now holds most of its members — ties to the smallest id — recorded in
/// `story_moves`; moves that pointed at it are re-pointed there, so every
/// old id resolves in one step. Must run while the dropped stories'
/// memberships still exist.
fn record_moves(tx: &rusqlite::Transaction, remove: &[String]) -> Result<()> {
    if remove.is_empty() {
        return Ok(());
    }
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS removed_story (id TEXT PRIMARY KEY); DELETE FROM removed_story;",
    )
    .map_err(db("stage moved stories"))?;
    {
        let mut staged = tx
            .prepare("INSERT OR IGNORE INTO removed_story (id) VALUES (?1)")
            .map_err(db("stage moved stories"))?;
        for id in remove {
            staged.execute([id]).map_err(db("stage moved stories"))?;
        }
    }
    let mut target = tx
        .prepare(
            "SELECT now.story_id FROM story_articles was
               JOIN story_articles now ON now.article_id = was.article_id
              WHERE was.story_id = ?1 AND now.story_id NOT IN (SELECT id FROM removed_story)
              GROUP BY now.story_id ORDER BY COUNT(*) DESC, now.story_id LIMIT 1",
        )
        .map_err(db("find moved stories"))?;
    let mut record = tx
        .prepare(
            "INSERT INTO story_moves (old_id, new_id, moved_at)
             VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ','now'))
             ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id, moved_at = excluded.moved_at",
        )
        .map_err(db("record moved stories"))?;
    let mut repoint = tx
        .prepare("UPDATE story_moves SET new_id = ?2 WHERE new_id = ?1")
        .map_err(db("record moved stories"))?;
    let mut forget = tx
        .prepare("DELETE FROM story_moves WHERE new_id = ?1")
        .map_err(db("record moved stories"))?;
    for id in remove {
        let to: Option<String> = target
            .query_row([id], |row| row.get(0))
            .optional()
            .map_err(db("find moved stories"))?;
        match to {
            Some(to) => {
                repoint
                    .execute(params![id, to])
                    .map_err(db("record moved stories"))?;
                record
                    .execute(params![id, to])
                    .map_err(db("record moved stories"))?;
            }
            // Its articles are in no story any more: nothing to point at.
            None => {
                forget.execute([id]).map_err(db("record moved stories"))?;
            }
        }
    }
    Ok(())
}

/// Where a vanished story id went, if that story exists.
pub fn moved_to(conn: &Connection, old_id: &str) -> Result<Option<String>> {
    conn.query_row(
        "SELECT m.new_id FROM story_moves m JOIN stories s ON s.id = m.new_id WHERE m.old_id = ?1",
        [old_id],
        |row| row.get(0),
    )
    .optional()
    .map_err(db("look up moved story"))
}

/// Inserts (or updates the report of) each story and its memberships.
fn insert_all(tx: &rusqlite::Transaction, stories: &[StoryRecord]) -> Result<()> {
    let mut writer = StoryWriter::new(tx)?;
    for story in stories {
        writer.insert(story)?;
    }
    Ok(())
}

/// The statements that write one story, prepared once per transaction.
struct StoryWriter<'t> {
    insert: rusqlite::Statement<'t>,
    member: rusqlite::Statement<'t>,
    current_again: rusqlite::Statement<'t>,
}

impl<'t> StoryWriter<'t> {
    fn new(tx: &'t rusqlite::Transaction) -> Result<Self> {
        let prepare = |sql: &str| tx.prepare(sql).map_err(db("store story"));
        Ok(StoryWriter {
            insert: prepare(
                "INSERT INTO stories (id, title, article_count, outlets, first_published, last_published, updated_at, report)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?7)
                 ON CONFLICT(id) DO UPDATE SET title = excluded.title, outlets = excluded.outlets,
                   first_published = excluded.first_published, last_published = excluded.last_published,
                   report = excluded.report, updated_at = excluded.updated_at
                 WHERE stories.report IS NOT excluded.report",
            )?,
            member: prepare("INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?1, ?2)")?,
            // A story whose members are again what they once were is
            // current again, not moved.
            current_again: prepare("DELETE FROM story_moves WHERE old_id = ?1")?,
        })
    }

    fn insert(&mut self, story: &StoryRecord) -> Result<()> {
        let outlets = serde_json::to_string(&story.outlets)
            .map_err(|e| StoreError::Setup(format!("encode outlets: {e}")))?;
        self.insert
            .execute(params![
                story.id,
                story.title,
                story.articles.len() as i64,
                outlets,
                story.first_published,
                story.last_published,
                story.report,
            ])
            .map_err(db("store story"))?;
        for article in &story.articles {
            self.member
                .execute(params![story.id, article])
                .map_err(db("store story"))?;
        }
        self.current_again
            .execute([&story.id])
            .map_err(db("store story"))?;
        Ok(())
    }
}

/// `(id, content hash)` of every article's current revision, in id order.
pub fn article_hashes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn
        .prepare(
            // The covering index (migration 5) spares reading a page of
            // each revision record; SQLite's planner prefers the primary key.
            "SELECT a.id, r.content_hash FROM articles a
               JOIN revisions r INDEXED BY revisions_hash_by_article
               ON r.article_id = a.id AND r.revision = a.current_revision ORDER BY a.id",
        )
        .map_err(db("list article hashes"))?;
    let rows = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .map_err(db("list article hashes"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(db("list article hashes"))
}

pub fn ids(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT id FROM stories ORDER BY id")
        .map_err(db("list stories"))?;
    let rows = stmt.query_map([], |row| row.get(0)).map_err(db("list stories"))?;
    rows.collect::<rusqlite::Result<_>>().map_err(db("list stories"))
}

pub fn list(conn: &Connection) -> Result<Vec<StorySummary>> {
    let mut stmt = conn
        .prepare(
            "SELECT id, title, article_count, outlets, first_published, last_published, updated_at FROM stories
             ORDER BY article_count DESC, last_published IS NULL, last_published DESC, id",
        )
        .map_err(db("list stories"))?;
    let rows = stmt
        .query_map([], |row| {
            let outlets: String = row.get(3)?;
            Ok(StorySummary {
                id: row.get(0)?,
                title: row.get(1)?,
                article_count: row.get::<_, i64>(2)? as usize,
                outlets: serde_json::from_str(&outlets).unwrap_or_default(),
                first_published: row.get(4)?,
                last_published: row.get(5)?,
                updated_at: row.get(6)?,
            })
        })
        .map_err(db("list stories"))?;
    rows.collect::<rusqlite::Result<_>>().map_err(db("list stories"))
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<StoryRecord>> {
    let row = conn
        .query_row(
            "SELECT title, outlets, first_published, last_published, report FROM stories WHERE id = ?1",
            [id],
            |row| {
                let outlets: String = row.get(1)?;
                Ok((row.get(0)?, outlets, row.get(2)?, row.get(3)?, row.get(4)?))
            },
        )
        .optional()
        .map_err(db("read story"))?;
    let Some((title, outlets, first_published, last_published, report)) = row else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare("SELECT article_id FROM story_articles WHERE story_id = ?1 ORDER BY article_id")
        .map_err(db("read story"))?;
    let articles = stmt
        .query_map([id], |row| row.get(0))
        .map_err(db("read story"))?
        .collect::<rusqlite::Result<_>>()
        .map_err(db("read story"))?;
    Ok(Some(StoryRecord {
        id: id.to_owned(),
        title,
        articles,
        outlets: serde_json::from_str(&outlets).unwrap_or_default(),
        first_published,
        last_published,
        report,
    }))
}

pub fn of_article(conn: &Connection, article_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT story_id FROM story_articles WHERE article_id = ?1 ORDER BY story_id")
        .map_err(db("find article's stories"))?;
    let rows = stmt
        .query_map([article_id], |row| row.get(0))
        .map_err(db("find article's stories"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(db("find article's stories"))
}

#[cfg(test)]
mod tests {
    use crate::{SqliteStore, Store, StoryRecord};

    fn story(id: &str, articles: &[&str]) -> StoryRecord {
        StoryRecord {
            id: id.to_owned(),
            title: Some(format!("story {id}")),
            articles: articles.iter().map(|a| a.to_string()).collect(),
            outlets: vec!["Outlet".to_owned()],
            first_published: None,
            last_published: None,
            report: format!("{{\"id\":\"{id}\"}}"),
        }
    }

    /// A store with stories aaaa1111 (a1, a2) and bbbb2222 (b1).
    fn two_stories() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(dir.path()).unwrap();
        store
            .update_stories(
                &[story("aaaa1111", &["a1", "a2"]), story("bbbb2222", &["b1"])],
                &[],
            )
            .unwrap();
        (dir, store)
    }

    /// b1 joins a1 and a2: both old stories are replaced by dddd4444.
    fn merge_both(store: &mut SqliteStore) {
        store
            .update_stories(
                &[story("dddd4444", &["a1", "a2", "b1"])],
                &["aaaa1111".to_owned(), "bbbb2222".to_owned()],
            )
            .unwrap();
    }

    #[test]
    fn update_drops_and_inserts_without_touching_the_rest() {
        let (_dir, mut store) = two_stories();
        let kept_before = store.stories().unwrap();
        // b1 joins a2's story: the two old stories of those members go, the
        // new one comes, and an unrelated story stays exactly as it was.
        store.update_stories(&[story("cccc3333", &["c1"])], &[]).unwrap();
        let untouched = store.story("cccc3333").unwrap().unwrap();
        merge_both(&mut store);
        assert_eq!(store.story_ids().unwrap(), vec!["cccc3333", "dddd4444"]);
        assert_eq!(store.stories_of_article("b1").unwrap(), vec!["dddd4444"]);
        assert_eq!(store.story("cccc3333").unwrap().unwrap(), untouched);
        assert_eq!(kept_before.len(), 2);
    }

    #[test]
    fn a_dropped_story_points_at_the_story_holding_most_of_its_members() {
        let (_dir, mut store) = two_stories();
        assert_eq!(store.story_moved_to("aaaa1111").unwrap(), None);
        merge_both(&mut store);
        assert_eq!(
            store.story_moved_to("aaaa1111").unwrap().as_deref(),
            Some("dddd4444")
        );
        assert_eq!(store.story_moved_to("bbbb").unwrap().as_deref(), Some("dddd4444"));
        // It splits: most of its members go to ffff6666, and the older
        // moves follow in one step.
        store
            .update_stories(
                &[story("eeee5555", &["a1"]), story("ffff6666", &["a2", "b1"])],
                &["dddd4444".to_owned()],
            )
            .unwrap();
        assert_eq!(
            store.story_moved_to("dddd4444").unwrap().as_deref(),
            Some("ffff6666")
        );
        assert_eq!(
            store.story_moved_to("aaaa1111").unwrap().as_deref(),
            Some("ffff6666")
        );
        assert_eq!(
            store.story_moved_to("bbbb2222").unwrap().as_deref(),
            Some("ffff6666")
        );
        // A current id is not moved, an unknown one goes nowhere.
        assert_eq!(store.story_moved_to("eeee5555").unwrap(), None);
        assert_eq!(store.story_moved_to("zzzz9999").unwrap(), None);
        // The old story comes back: it is current again, not moved.
        store
            .update_stories(
                &[story("dddd4444", &["a1", "a2", "b1"])],
                &["eeee5555".to_owned(), "ffff6666".to_owned()],
            )
            .unwrap();
        assert_eq!(store.story_moved_to("dddd4444").unwrap(), None);
        assert_eq!(
            store.story_moved_to("aaaa1111").unwrap().as_deref(),
            Some("dddd4444")
        );
        assert!(store.story("dddd4444").unwrap().is_some());
    }

    #[test]
    fn an_abandoned_streaming_update_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(dir.path()).unwrap();
        store.update_stories(&[story("aaaa1111", &["a1"])], &[]).unwrap();
        let mut records = vec![
            Ok(story("bbbb2222", &["b1"])),
            Err(crate::StoreError::Abandoned("report failed".into())),
        ]
        .into_iter();
        let result = store.update_stories_streaming(&mut records, &["aaaa1111".to_owned()]);
        assert!(matches!(result, Err(crate::StoreError::Abandoned(_))));
        assert_eq!(store.story_ids().unwrap(), vec!["aaaa1111"]);
        assert!(store.reader().unwrap().story("aaaa1111").unwrap().is_some());
    }

    #[test]
    fn article_hashes_of_an_empty_store_are_empty() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path()).unwrap();
        assert!(store.article_hashes().unwrap().is_empty());
        assert_eq!(store.cache_dir().as_deref(), Some(dir.path()));
    }
}
