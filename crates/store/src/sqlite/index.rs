//! The rows derived from each article's current revision: entity mentions,
//! quotes and events, plus the per-entity aggregates the entity page and
//! listing read (`entities`, `entity_variants`, `entity_spellings`,
//! `entity_articles`).
//!
//! The article JSON stays the source of truth; these rows are an index of
//! it, replaced whole whenever an article gets a new current revision (in
//! the same transaction as the revision), and built once for a database
//! that predates them ([`backfill`]). The aggregates are counters kept up
//! to date by subtracting an article's old rows and adding its new ones,
//! so storing one article costs in proportion to that article, never to
//! how many other articles mention the same entity.

use std::collections::{BTreeMap, BTreeSet};

use parallax_core::{Article, MentionForm};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::db;
use crate::{Result, StoreError};

/// The mentions of one entity in one article under one surface form: one
/// row of `entity_mentions`. Pronouns are not indexed (they are no spelling
/// and would swamp the counts).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct MentionRow {
    pub key: String,
    pub surface: String,
    /// `name` or `title`.
    pub form: String,
    pub canonical: String,
    pub entity_type: String,
    pub kb_id: Option<String>,
    pub count: u64,
}

/// The JSON name of a serde enum value (`"person"`, `"direct"`), so the
/// index stores exactly what the article JSON says.
fn json_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Folds text for case-insensitive substring search (Unicode-aware, which
/// SQLite's own `LIKE`/`lower` are not).
pub(crate) fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// The article's name and title mentions grouped by entity and surface
/// form, in a stable order. A mention whose span does not fall inside the
/// body is left out: its surface form is unknown.
pub(crate) fn mention_rows(article: &Article) -> Vec<MentionRow> {
    let mut groups: BTreeMap<MentionRow, u64> = BTreeMap::new();
    for mention in &article.analysis.entities {
        if mention.form == MentionForm::Pronoun || mention.key.is_empty() {
            continue;
        }
        let Some(surface) = mention.span.slice(&article.body) else {
            continue;
        };
        let row = MentionRow {
            key: mention.key.clone(),
            surface: surface.to_owned(),
            form: json_name(&mention.form),
            canonical: mention.canonical.clone(),
            entity_type: json_name(&mention.entity_type),
            kb_id: mention.kb_id.clone(),
            count: 0,
        };
        *groups.entry(row).or_default() += 1;
    }
    groups
        .into_iter()
        .map(|(row, count)| MentionRow { count, ..row })
        .collect()
}

/// What one article adds to one entity's aggregates.
#[derive(Default)]
struct EntityShare {
    mentions: u64,
    /// (canonical, entity type, kb id) as this article gives them.
    variants: BTreeSet<(String, String, Option<String>)>,
    /// Surface form → mentions in that form.
    spellings: BTreeMap<String, u64>,
}

fn shares(rows: &[MentionRow]) -> BTreeMap<&str, EntityShare> {
    let mut shares: BTreeMap<&str, EntityShare> = BTreeMap::new();
    for row in rows {
        let share = shares.entry(&row.key).or_default();
        share.mentions += row.count;
        share
            .variants
            .insert((row.canonical.clone(), row.entity_type.clone(), row.kb_id.clone()));
        *share.spellings.entry(row.surface.clone()).or_default() += row.count;
    }
    shares
}

/// Adds (`sign` = 1) or subtracts (`sign` = -1) one article's mention rows
/// to the entity aggregates.
fn apply_shares(tx: &Transaction, rows: &[MentionRow], outlet: Option<&str>, sign: i64) -> Result<()> {
    let context = "update entity aggregates";
    for (key, share) in shares(rows) {
        let mentions = sign * share.mentions as i64;
        tx.prepare_cached(
            "INSERT INTO entities (key, name, entity_type, kb_id, article_count, mention_count)
             VALUES (?1, '', '', NULL, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET article_count = article_count + excluded.article_count,
               mention_count = mention_count + excluded.mention_count",
        )
        .and_then(|mut stmt| stmt.execute(params![key, sign, mentions]))
        .map_err(db(context))?;
        for (canonical, entity_type, kb_id) in &share.variants {
            let updated = tx
                .prepare_cached(
                    "UPDATE entity_variants SET articles = articles + ?5
                     WHERE key = ?1 AND canonical = ?2 AND entity_type = ?3 AND kb_id IS ?4",
                )
                .and_then(|mut stmt| stmt.execute(params![key, canonical, entity_type, kb_id, sign]))
                .map_err(db(context))?;
            if updated == 0 && sign > 0 {
                tx.prepare_cached(
                    "INSERT INTO entity_variants (key, canonical, canonical_folded, entity_type, kb_id, articles)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .and_then(|mut stmt| {
                    stmt.execute(params![key, canonical, fold(canonical), entity_type, kb_id, sign])
                })
                .map_err(db(context))?;
            }
        }
        for (surface, count) in &share.spellings {
            let count = sign * *count as i64;
            let updated = tx
                .prepare_cached(
                    "UPDATE entity_spellings SET articles = articles + ?4, mentions = mentions + ?5
                     WHERE key = ?1 AND surface = ?2 AND outlet IS ?3",
                )
                .and_then(|mut stmt| stmt.execute(params![key, surface, outlet, sign, count]))
                .map_err(db(context))?;
            if updated == 0 && sign > 0 {
                tx.prepare_cached(
                    "INSERT INTO entity_spellings (key, surface, surface_folded, outlet, articles, mentions)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .and_then(|mut stmt| stmt.execute(params![key, surface, fold(surface), outlet, sign, count]))
                .map_err(db(context))?;
            }
        }
    }
    Ok(())
}

/// After counts changed: drops what no article mentions any more and sets
/// the entity's name, type and kb id to those most of its articles give.
fn refresh_entity(tx: &Transaction, key: &str) -> Result<()> {
    let context = "refresh entity";
    for sql in [
        "DELETE FROM entity_variants WHERE key = ?1 AND articles <= 0",
        "DELETE FROM entity_spellings WHERE key = ?1 AND articles <= 0",
        "DELETE FROM entities WHERE key = ?1 AND article_count <= 0",
    ] {
        tx.prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute([key]))
            .map_err(db(context))?;
    }
    let top: Option<(String, String)> = tx
        .prepare_cached(
            "SELECT canonical, entity_type FROM entity_variants WHERE key = ?1
             ORDER BY articles DESC, canonical, entity_type LIMIT 1",
        )
        .and_then(|mut stmt| {
            stmt.query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()
        })
        .map_err(db(context))?;
    let Some((name, entity_type)) = top else {
        return Ok(());
    };
    let kb_id: Option<String> = tx
        .prepare_cached(
            "SELECT kb_id FROM entity_variants WHERE key = ?1 AND kb_id IS NOT NULL
             ORDER BY articles DESC, kb_id LIMIT 1",
        )
        .and_then(|mut stmt| stmt.query_row([key], |row| row.get(0)).optional())
        .map_err(db(context))?;
    // Every canonical name and surface form, folded, one per line: the
    // entity listing searches this one column instead of every spelling row.
    let search_text = tx
        .prepare_cached(
            "SELECT canonical_folded FROM entity_variants WHERE key = ?1
             UNION SELECT surface_folded FROM entity_spellings WHERE key = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_map([key], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(db(context))?
        .join("\n");
    tx.prepare_cached(
        "UPDATE entities SET name = ?2, entity_type = ?3, kb_id = ?4, search_text = ?5 WHERE key = ?1",
    )
    .and_then(|mut stmt| stmt.execute(params![key, name, entity_type, kb_id, search_text]))
    .map_err(db(context))?;
    Ok(())
}

/// The article's rows as currently indexed, with the outlet they were
/// counted under.
fn indexed_mentions(tx: &Transaction, article_id: &str) -> Result<(Vec<MentionRow>, Option<String>)> {
    let context = "read indexed mentions";
    let mut stmt = tx
        .prepare_cached(
            "SELECT key, surface, form, canonical, entity_type, kb_id, count, outlet
             FROM entity_mentions WHERE article_id = ?1",
        )
        .map_err(db(context))?;
    let mut outlet = None;
    let rows = stmt
        .query_map([article_id], |row| {
            outlet = row.get(7)?;
            Ok(MentionRow {
                key: row.get(0)?,
                surface: row.get(1)?,
                form: row.get(2)?,
                canonical: row.get(3)?,
                entity_type: row.get(4)?,
                kb_id: row.get(5)?,
                count: row.get::<_, i64>(6)?.max(0) as u64,
            })
        })
        .map_err(db(context))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(db(context))?;
    Ok((rows, outlet))
}

fn encode<T: Serialize>(article_id: &str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt {
        id: article_id.to_owned(),
        reason: e.to_string(),
    })
}

/// Makes the index rows of `article` those of the given revision: removes
/// whatever was indexed for its id and indexes this one. `outlet` is the
/// outlet as stored in `articles` (name, else domain).
pub(crate) fn replace_article(tx: &Transaction, article: &Article, outlet: Option<&str>) -> Result<()> {
    let id = article.id.as_str();
    let published = article.published.date.as_deref();

    let (old_rows, old_outlet) = indexed_mentions(tx, id)?;
    apply_shares(tx, &old_rows, old_outlet.as_deref(), -1)?;
    for sql in [
        "DELETE FROM entity_mentions WHERE article_id = ?1",
        "DELETE FROM entity_articles WHERE article_id = ?1",
        "DELETE FROM quotes WHERE article_id = ?1",
        "DELETE FROM events WHERE article_id = ?1",
        "DELETE FROM event_actors WHERE article_id = ?1",
    ] {
        tx.prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute([id]))
            .map_err(db("drop old index rows"))?;
    }

    let rows = mention_rows(article);
    for row in &rows {
        tx.prepare_cached(
            "INSERT INTO entity_mentions (article_id, key, entity_type, canonical, surface, form, kb_id, count, outlet)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .and_then(|mut stmt| {
            stmt.execute(params![
                id,
                row.key,
                row.entity_type,
                row.canonical,
                row.surface,
                row.form,
                row.kb_id,
                row.count as i64,
                outlet
            ])
        })
        .map_err(db("index entity mentions"))?;
    }
    for (key, share) in shares(&rows) {
        tx.prepare_cached(
            "INSERT INTO entity_articles (key, article_id, published, mentions) VALUES (?1, ?2, ?3, ?4)",
        )
        .and_then(|mut stmt| stmt.execute(params![key, id, published, share.mentions as i64]))
        .map_err(db("index entity articles"))?;
    }
    apply_shares(tx, &rows, outlet, 1)?;
    let touched: BTreeSet<&str> = old_rows.iter().chain(&rows).map(|row| row.key.as_str()).collect();
    for key in touched {
        refresh_entity(tx, key)?;
    }

    for (index, quote) in article.analysis.quotes.iter().enumerate() {
        let speaker = quote.speaker.as_ref();
        let json = encode(id, quote)?;
        tx.prepare_cached(
            "INSERT INTO quotes (article_id, quote_index, published, outlet, speaker_key, speaker_name, kind,
               span_start, span_end, text, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )
        .and_then(|mut stmt| {
            stmt.execute(params![
                id,
                index as i64,
                published,
                outlet,
                speaker.map(|s| s.key.as_str()),
                speaker.map(|s| s.name.as_str()),
                json_name(&quote.kind),
                quote.span.start as i64,
                quote.span.end as i64,
                quote.text,
                json
            ])
        })
        .map_err(db("index quotes"))?;
    }

    for (index, event) in article.analysis.events.iter().enumerate() {
        let json = encode(id, event)?;
        tx.prepare_cached(
            "INSERT INTO events (article_id, event_index, published, outlet, cameo_code, cameo_root, plover_type,
               source_key, target_key, date, span_start, span_end, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )
        .and_then(|mut stmt| {
            stmt.execute(params![
                id,
                index as i64,
                published,
                outlet,
                event.cameo.code,
                event.cameo.root,
                event.plover.event_type,
                event.source.as_ref().and_then(|a| a.key.as_deref()),
                event.target.as_ref().and_then(|a| a.key.as_deref()),
                event.date.as_ref().and_then(|d| d.date.as_deref()),
                event.span.start as i64,
                event.span.end as i64,
                json
            ])
        })
        .map_err(db("index events"))?;
        // One row per distinct actor key, so "events of X" is one index
        // range whether X acts or is acted upon.
        let actors: BTreeSet<&str> = [&event.source, &event.target]
            .into_iter()
            .filter_map(|actor| actor.as_ref().and_then(|a| a.key.as_deref()))
            .collect();
        for actor_key in actors {
            tx.prepare_cached(
                "INSERT INTO event_actors (actor_key, article_id, event_index, published, cameo_root)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![actor_key, id, index as i64, published, event.cameo.root])
            })
            .map_err(db("index event actors"))?;
        }
    }
    Ok(())
}

/// Migration 3's step: indexes the current revision of every article
/// already stored, streaming one article at a time so memory stays bounded
/// by the largest article. An article whose stored JSON cannot be decoded
/// is left out of the index (reading it still reports the corruption).
pub(crate) fn backfill(tx: &Transaction) -> Result<()> {
    let context = "index stored articles";
    let mut stmt = tx
        .prepare(
            "SELECT a.id, a.outlet, r.json FROM articles a JOIN revisions r
               ON r.article_id = a.id AND r.revision = a.current_revision ORDER BY a.id",
        )
        .map_err(db(context))?;
    let mut rows = stmt.query([]).map_err(db(context))?;
    while let Some(row) = rows.next().map_err(db(context))? {
        let outlet: Option<String> = row.get(1).map_err(db(context))?;
        let json: String = row.get(2).map_err(db(context))?;
        let Ok(article) = serde_json::from_str::<Article>(&json) else {
            continue;
        };
        replace_article(tx, &article, outlet.as_deref())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{EntityMention, EntityType, Span};

    fn mention(body: &str, word: &str, form: MentionForm, key: &str) -> EntityMention {
        let start = body.find(word).expect("fixture word in body");
        EntityMention {
            span: Span::new(start, start + word.len()),
            entity_type: EntityType::Person,
            key: key.to_owned(),
            canonical: "Andrii Sybiha".to_owned(),
            kb_id: None,
            form,
            entity: 0,
            metonym_of: None,
            confidence: 1.0,
        }
    }

    #[test]
    fn mention_rows_group_surfaces_and_skip_pronouns_and_bad_spans() {
        let body = "Sybiga spoke. He said Sybiga would go. The minister agreed.";
        let key = "person:sybiha-andrii";
        let mut article: Article = serde_json::from_value(serde_json::json!({
            "schema_version": "1.2", "id": "a1", "content_hash": "h", "source_path": "f",
            "source_record": null, "format": "text", "url": null, "title": null,
            "outlet": {"name": null, "domain": null, "provenance": null},
            "authors": [], "agencies": [], "published": {"date": null, "precision": null, "provenance": null},
            "captured": null, "language": null, "body": body, "paragraphs": [], "removed": [],
            "flags": [], "warnings": []
        }))
        .unwrap();
        let second = body.rfind("Sybiga").unwrap();
        let mut entities = vec![
            mention(body, "Sybiga", MentionForm::Name, key),
            mention(body, "He", MentionForm::Pronoun, key),
            mention(body, "The minister", MentionForm::Title, key),
        ];
        let mut again = mention(body, "Sybiga", MentionForm::Name, key);
        again.span = Span::new(second, second + "Sybiga".len());
        entities.push(again);
        let mut out_of_range = mention(body, "Sybiga", MentionForm::Name, key);
        out_of_range.span = Span::new(body.len(), body.len() + 4);
        entities.push(out_of_range);
        article.analysis.entities = entities;

        let rows = mention_rows(&article);
        let summary: Vec<(&str, &str, u64)> = rows
            .iter()
            .map(|r| (r.surface.as_str(), r.form.as_str(), r.count))
            .collect();
        assert_eq!(summary, vec![("Sybiga", "name", 2), ("The minister", "title", 1)]);
        assert!(rows.iter().all(|r| r.entity_type == "person"));
    }

    #[test]
    fn folding_is_unicode_aware() {
        assert_eq!(fold("СИБІГА Sybiha"), "сибіга sybiha");
    }
}
