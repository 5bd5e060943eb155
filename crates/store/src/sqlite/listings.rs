//! Paginated listings and the entity lookup, read from the index tables of
//! migration 3 and the `articles`/`stories` tables.
//!
//! Every listing is one `SELECT … ORDER BY … LIMIT ? OFFSET ?` whose filter
//! and order match an index (see the migration), plus a `COUNT(*)` with the
//! same filter for the page's `total`. Keyed lookups never scan a table.

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::db;
use super::index::fold;
use crate::{
    ArticleFilter, ArticleSummary, EntityRecord, EntitySummary, EventFilter, EventRow, Page, QuoteFilter,
    QuoteRow, Result, Spelling, StoreError, StoryFilter, StorySummary,
};

/// Most article ids an [`EntityRecord`] lists.
const ENTITY_ARTICLES_CAP: i64 = 500;

/// The `WHERE` part of a listing: clauses joined with `AND`, each with the
/// values of its `?` placeholders in order.
#[derive(Default)]
struct Conditions {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Conditions {
    fn add(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.to_owned());
        self.values.extend(values);
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
}

/// One listing query: what to select, from where, how to count and order.
struct Listing<'a> {
    /// What failed, for error messages.
    context: &'a str,
    /// `SELECT columns FROM tables` (the tables may join what the items show).
    select: &'a str,
    /// `SELECT COUNT(*) FROM table` (no joins: the filter needs none).
    count: &'a str,
    /// The `row_counts` entry holding the unfiltered total, when kept.
    counter: Option<&'a str>,
    order_by: &'a str,
}

/// Saturates a page bound into SQLite's signed integer range.
fn sql_int(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// Runs `listing` with `conditions`: the total and rows `offset..offset+limit`.
fn page<T>(
    conn: &Connection,
    listing: &Listing,
    conditions: &Conditions,
    offset: u64,
    limit: u64,
    map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Page<T>> {
    let filter = conditions.sql();
    let total: i64 = match listing.counter {
        Some(counter) if conditions.clauses.is_empty() => conn
            .prepare_cached("SELECT n FROM row_counts WHERE name = ?1")
            .and_then(|mut stmt| stmt.query_row([counter], |row| row.get(0))),
        _ => conn
            .prepare_cached(&format!("{}{filter}", listing.count))
            .and_then(|mut stmt| stmt.query_row(params_from_iter(&conditions.values), |row| row.get(0))),
    }
    .map_err(db(listing.context))?;
    let mut values = conditions.values.clone();
    values.push(Value::Integer(sql_int(limit)));
    values.push(Value::Integer(sql_int(offset)));
    let mut stmt = conn
        .prepare_cached(&format!(
            "{}{filter} ORDER BY {} LIMIT ? OFFSET ?",
            listing.select, listing.order_by
        ))
        .map_err(db(listing.context))?;
    let items = stmt
        .query_map(params_from_iter(&values), map)
        .map_err(db(listing.context))?
        .collect::<rusqlite::Result<Vec<T>>>()
        .map_err(db(listing.context))?;
    Ok(Page {
        total: total.max(0) as u64,
        offset,
        items,
    })
}

/// Escapes `text` for `LIKE '%' || ? || '%' ESCAPE '\'`.
fn like_pattern(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// A non-empty filter value, trimmed.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

pub fn articles(
    conn: &Connection,
    filter: &ArticleFilter,
    offset: u64,
    limit: u64,
) -> Result<Page<ArticleSummary>> {
    let mut conditions = Conditions::default();
    if let Some(outlet) = given(&filter.outlet) {
        conditions.add("outlet = ?", [Value::Text(outlet.to_owned())]);
    }
    let listing = Listing {
        context: "list articles",
        select: "SELECT id, title, outlet, published, current_revision, source_path FROM articles",
        count: "SELECT COUNT(*) FROM articles",
        counter: Some("articles"),
        order_by: "published DESC, id",
    };
    page(conn, &listing, &conditions, offset, limit, |row| {
        Ok(ArticleSummary {
            id: row.get(0)?,
            title: row.get(1)?,
            outlet: row.get(2)?,
            published: row.get(3)?,
            revisions: row.get(4)?,
            source_path: row.get(5)?,
        })
    })
}

pub fn stories(
    conn: &Connection,
    filter: &StoryFilter,
    offset: u64,
    limit: u64,
) -> Result<Page<StorySummary>> {
    let mut conditions = Conditions::default();
    if filter.min_articles > 0 {
        conditions.add(
            "article_count >= ?",
            [Value::Integer(sql_int(filter.min_articles as u64))],
        );
    }
    if let Some(text) = given(&filter.text) {
        // SQLite's LIKE ignores case for ASCII letters only; `outlets` is the
        // JSON array text, so a substring of one outlet name matches it.
        let pattern = like_pattern(text);
        conditions.add(
            "(title LIKE ? ESCAPE '\\' OR outlets LIKE ? ESCAPE '\\')",
            [Value::Text(pattern.clone()), Value::Text(pattern)],
        );
    }
    // NULLs sort last under DESC, so this is the order of `Store::stories`
    // ("last_published IS NULL" first) in a form the rank index serves.
    let listing = Listing {
        context: "list stories",
        select: "SELECT id, title, article_count, outlets, first_published, last_published, updated_at FROM stories",
        count: "SELECT COUNT(*) FROM stories",
        counter: None,
        order_by: "article_count DESC, last_published DESC, id",
    };
    page(conn, &listing, &conditions, offset, limit, |row| {
        let outlets: String = row.get(3)?;
        Ok(StorySummary {
            id: row.get(0)?,
            title: row.get(1)?,
            article_count: row.get::<_, i64>(2)?.max(0) as usize,
            outlets: serde_json::from_str(&outlets).unwrap_or_default(),
            first_published: row.get(4)?,
            last_published: row.get(5)?,
            updated_at: row.get(6)?,
        })
    })
}

pub fn entity(conn: &Connection, key: &str) -> Result<Option<EntityRecord>> {
    let context = "read entity";
    let head = conn
        .prepare_cached(
            "SELECT name, entity_type, kb_id, article_count, mention_count FROM entities WHERE key = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_row([key], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, i64>(4)?,
                ))
            })
            .optional()
        })
        .map_err(db(context))?;
    let Some((name, entity_type, kb_id, article_count, mention_count)) = head else {
        return Ok(None);
    };
    let spellings = conn
        .prepare_cached(
            "SELECT surface, outlet, articles, mentions FROM entity_spellings WHERE key = ?1
             ORDER BY mentions DESC, articles DESC, surface, outlet",
        )
        .and_then(|mut stmt| {
            stmt.query_map([key], |row| {
                Ok(Spelling {
                    surface: row.get(0)?,
                    outlet: row.get(1)?,
                    articles: row.get::<_, i64>(2)?.max(0) as u64,
                    mentions: row.get::<_, i64>(3)?.max(0) as u64,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(db(context))?;
    let articles = conn
        .prepare_cached(
            "SELECT article_id FROM entity_articles WHERE key = ?1
             ORDER BY published DESC, article_id LIMIT ?2",
        )
        .and_then(|mut stmt| {
            stmt.query_map(params![key, ENTITY_ARTICLES_CAP], |row| row.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .map_err(db(context))?;
    Ok(Some(EntityRecord {
        key: key.to_owned(),
        name,
        entity_type,
        kb_id,
        article_count: article_count.max(0) as u64,
        mention_count: mention_count.max(0) as u64,
        spellings,
        articles,
    }))
}

pub fn entities(
    conn: &Connection,
    query: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<Page<EntitySummary>> {
    let mut conditions = Conditions::default();
    if let Some(query) = query.map(str::trim).filter(|q| !q.is_empty()) {
        let folded = fold(query);
        conditions.add("instr(search_text, ?) > 0", [Value::Text(folded)]);
    }
    let listing = Listing {
        context: "list entities",
        select: "SELECT key, name, entity_type, article_count, mention_count FROM entities",
        count: "SELECT COUNT(*) FROM entities",
        counter: None,
        order_by: "article_count DESC, key",
    };
    page(conn, &listing, &conditions, offset, limit, |row| {
        Ok(EntitySummary {
            key: row.get(0)?,
            name: row.get(1)?,
            entity_type: row.get(2)?,
            article_count: row.get::<_, i64>(3)?.max(0) as u64,
            mention_count: row.get::<_, i64>(4)?.max(0) as u64,
        })
    })
}

/// A quote or event row before its JSON is decoded.
type IndexedRow = (String, Option<String>, Option<String>, i64, String);

fn indexed_row(row: &Row) -> rusqlite::Result<IndexedRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
}

/// Where an indexed quote or event sits: article id, outlet, publication
/// date and its index in the article's list.
struct Origin {
    article: String,
    outlet: Option<String>,
    published: Option<String>,
    index: usize,
}

/// Decodes the stored JSON of each quote or event of a page and wraps it
/// with its origin.
fn decode_page<T: serde::de::DeserializeOwned, R>(
    rows: Page<IndexedRow>,
    wrap: impl Fn(Origin, T) -> R,
) -> Result<Page<R>> {
    let items = rows
        .items
        .into_iter()
        .map(|(article, outlet, published, index, json)| {
            let value = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
                id: article.clone(),
                reason: e.to_string(),
            })?;
            let origin = Origin {
                article,
                outlet,
                published,
                index: index.max(0) as usize,
            };
            Ok(wrap(origin, value))
        })
        .collect::<Result<_>>()?;
    Ok(Page {
        total: rows.total,
        offset: rows.offset,
        items,
    })
}

pub fn quotes(conn: &Connection, filter: &QuoteFilter, offset: u64, limit: u64) -> Result<Page<QuoteRow>> {
    let mut conditions = Conditions::default();
    if let Some(key) = given(&filter.speaker_key) {
        conditions.add("speaker_key = ?", [Value::Text(key.to_owned())]);
    }
    if let Some(article) = given(&filter.article) {
        conditions.add("article_id = ?", [Value::Text(article.to_owned())]);
    }
    let listing = Listing {
        context: "list quotes",
        select: "SELECT article_id, outlet, published, quote_index, json FROM quotes",
        count: "SELECT COUNT(*) FROM quotes",
        counter: Some("quotes"),
        order_by: "published DESC, article_id, quote_index",
    };
    let rows = page(conn, &listing, &conditions, offset, limit, indexed_row)?;
    decode_page(rows, |origin, quote| QuoteRow {
        article: origin.article,
        outlet: origin.outlet,
        published: origin.published,
        index: origin.index,
        quote,
    })
}

pub fn events(conn: &Connection, filter: &EventFilter, offset: u64, limit: u64) -> Result<Page<EventRow>> {
    // Filters and order apply to `f`: `event_actors` when an actor is
    // asked for (one index range per actor, as source or target), else
    // `events` itself. Both carry article, index, date and CAMEO root.
    let mut conditions = Conditions::default();
    if let Some(key) = given(&filter.actor_key) {
        conditions.add("f.actor_key = ?", [Value::Text(key.to_owned())]);
    }
    if let Some(article) = given(&filter.article) {
        conditions.add("f.article_id = ?", [Value::Text(article.to_owned())]);
    }
    if let Some(root) = given(&filter.cameo_root) {
        conditions.add("f.cameo_root = ?", [Value::Text(root.to_owned())]);
    }
    let by_actor = Listing {
        context: "list events",
        // CROSS JOIN keeps `event_actors` the outer loop, so the order
        // comes from its index.
        select: "SELECT f.article_id, e.outlet, f.published, f.event_index, e.json
                 FROM event_actors f CROSS JOIN events e
                   ON e.article_id = f.article_id AND e.event_index = f.event_index",
        count: "SELECT COUNT(*) FROM event_actors f",
        counter: None,
        order_by: "f.published DESC, f.article_id, f.event_index",
    };
    let all = Listing {
        context: "list events",
        select: "SELECT f.article_id, f.outlet, f.published, f.event_index, f.json FROM events f",
        count: "SELECT COUNT(*) FROM events f",
        counter: Some("events"),
        order_by: "f.published DESC, f.article_id, f.event_index",
    };
    let listing = if given(&filter.actor_key).is_some() {
        &by_actor
    } else {
        &all
    };
    let rows = page(conn, listing, &conditions, offset, limit, indexed_row)?;
    decode_page(rows, |origin, event| EventRow {
        article: origin.article,
        outlet: origin.outlet,
        published: origin.published,
        index: origin.index,
        event,
    })
}
