//! Full-text search over stored articles and their quotes.
//!
//! `parallax-search` owns the search index: a tantivy index in
//! `<data dir>/search/` holding one document per article (title, body,
//! outlet, publication date, entity keys, event codes) and one per quote
//! (text, speaker, span), ranked with BM25, with snippets, highlight ranges
//! and facets. The index is *derived* data: [`SearchIndex::sync`] rebuilds
//! it from the store at any time, and the store stays the source of truth.
//! Queries are entity-aware: a query word that names a known entity also
//! matches documents carrying that entity's canonical key, so "Sybiha" finds
//! an article that writes "Sybiga". It must not analyse text itself (keys
//! come from `parallax-analyze`) nor write to the store.

mod documents;
mod error;
mod expand;
mod facets;
mod parse;
mod query;
mod results;
mod run;
mod schema;
mod snippet_analyzer;
#[cfg(test)]
mod tests;

pub use error::SearchError;
pub use query::{SearchKind, SearchQuery};
pub use results::{ExpandedTerm, FacetCount, Facets, HitKind, SearchHit, SearchResults};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use parallax_core::Article;
use parallax_store::Store;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use schema::{Fields, KIND_ARTICLE, SCHEMA_VERSION};

/// Name of the index directory inside the data directory.
pub const INDEX_DIR: &str = "search";
/// File recording the schema version the index was written with.
const VERSION_FILE: &str = "parallax-search-version";
/// Articles read from the store and indexed between two commits of a sync,
/// so an interrupted sync keeps what it did.
const SYNC_COMMIT_EVERY: usize = 5_000;
/// Indexing memory per writer thread (tantivy's minimum is 15 MB).
const WRITER_MEMORY_PER_THREAD: usize = 64 * 1024 * 1024;
/// Writer threads at most (the indexer is CPU-bound; more threads mostly cost memory).
const WRITER_MAX_THREADS: usize = 4;
/// Matching documents a search counts (for `total` and the facets) before
/// it stops and reports `total_is_lower_bound`. Counting visits every
/// match, ranking need not: at 100,000 articles a common word matches
/// hundreds of thousands of documents (articles and quotes), and counting
/// them all took about 20 ms of CPU per search, an order of magnitude more
/// than the rest of a search. Measured over the load test's queries on a
/// 68,608-article store (`query_latency`): 10,000 → 5.5–6.0 ms CPU per
/// search, 2,000 → 3.2–3.4 ms, 1,000 → 2.8 ms (`docs/decisions.md`).
pub const COUNT_LIMIT: usize = 2_000;

/// What [`SearchIndex::sync`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    /// Articles (re)indexed because they were missing or changed.
    pub indexed: usize,
    /// Articles removed from the index because the store no longer has them.
    pub removed: usize,
    /// Articles already in line with the store.
    pub unchanged: usize,
    /// Whether the index directory was unusable and was rebuilt from scratch.
    pub rebuilt: bool,
}

/// The search index of one data directory. `Send + Sync`: share it behind
/// an `Arc`; searches run concurrently, writes are serialised internally
/// (and across processes by tantivy's directory lock).
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Serialises writers of this process.
    write_lock: Mutex<()>,
    /// Set when `open` had to discard an unusable index; reported (once) by `sync`.
    rebuilt: AtomicBool,
    /// Matches counted per search ([`COUNT_LIMIT`]; smaller in tests).
    count_limit: usize,
    /// Decoded facet values per segment and reusable count arrays.
    facets: facets::FacetScratch,
}

impl SearchIndex {
    /// Opens the index in `<data_dir>/search`, creating it if missing. An
    /// index that cannot be opened (corrupt, or written by another schema
    /// version) is discarded and recreated empty: it is derived data, and
    /// the next [`SearchIndex::sync`] refills it from the store.
    pub fn open(data_dir: &Path) -> Result<SearchIndex, SearchError> {
        let dir = data_dir.join(INDEX_DIR);
        let version = std::fs::read_to_string(dir.join(VERSION_FILE)).ok();
        let current = version.as_deref().map(str::trim) == Some(SCHEMA_VERSION);
        if current {
            if let Ok(index) = Self::open_dir(&dir, false) {
                return Ok(index);
            }
        }
        let had_content = dir.exists() && std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some());
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .map_err(io(format!("removing the unusable index {}", dir.display())))?;
        }
        let index = Self::open_dir(&dir, true)?;
        std::fs::write(dir.join(VERSION_FILE), format!("{SCHEMA_VERSION}\n"))
            .map_err(io(format!("writing {}", dir.join(VERSION_FILE).display())))?;
        index.rebuilt.store(had_content, Ordering::Relaxed);
        Ok(index)
    }

    fn open_dir(dir: &PathBuf, create: bool) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema::build_schema();
        let index = if create {
            std::fs::create_dir_all(dir).map_err(io(format!("creating {}", dir.display())))?;
            Index::create_in_dir(dir, schema).map_err(tantivy_error("creating the index"))?
        } else {
            let index = Index::open_in_dir(dir).map_err(tantivy_error("opening the index"))?;
            if index.schema() != schema {
                return Err(SearchError::Unavailable("index schema differs".into()));
            }
            index
        };
        schema::register_tokenizers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(tantivy_error("opening an index reader"))?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            write_lock: Mutex::new(()),
            rebuilt: AtomicBool::new(false),
            count_limit: COUNT_LIMIT,
            facets: facets::FacetScratch::default(),
        })
    }

    /// Brings the index in line with the store: indexes stored articles
    /// that are missing or whose current revision changed, deletes ones no
    /// longer stored. Only the listing (ids and revision numbers) and the
    /// changed articles are read from the store, so it is cheap when
    /// nothing changed.
    pub fn sync(&self, store: &dyn Store) -> Result<SyncReport, SearchError> {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut indexed = self.indexed_revisions(None)?;
        let mut stale = Vec::new();
        let mut report = SyncReport {
            rebuilt: self.rebuilt.swap(false, Ordering::Relaxed),
            ..SyncReport::default()
        };
        for summary in store.list()? {
            match indexed.remove(&summary.id) {
                Some((revision, _)) if revision == u64::from(summary.revisions) => report.unchanged += 1,
                _ => stale.push((summary.id, u64::from(summary.revisions))),
            }
        }
        if stale.is_empty() && indexed.is_empty() {
            return Ok(report);
        }
        let mut writer = self.writer()?;
        for id in indexed.keys() {
            writer.delete_term(Term::from_field_text(self.fields.article, id));
            report.removed += 1;
        }
        for chunk in stale.chunks(SYNC_COMMIT_EVERY) {
            for (id, revision) in chunk {
                // Gone between the listing and now: the next sync removes it.
                let Some(article) = store.article(id)? else {
                    continue;
                };
                writer.delete_term(Term::from_field_text(self.fields.article, id));
                for doc in documents::article_documents(&self.fields, &article, *revision) {
                    writer
                        .add_document(doc)
                        .map_err(tantivy_error("adding a document"))?;
                }
                report.indexed += 1;
            }
            writer.commit().map_err(tantivy_error("committing"))?;
        }
        finish(writer)?;
        self.reload()?;
        Ok(report)
    }

    /// Indexes (upserts by id) freshly processed articles and commits. An
    /// article already indexed with the same content is left alone; one
    /// with new content is recorded as the next revision, as the store does.
    pub fn index_articles(&self, articles: &[Article]) -> Result<(), SearchError> {
        if articles.is_empty() {
            return Ok(());
        }
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        let indexed = self.indexed_revisions(Some(&ids))?;
        let writer = self.writer()?;
        let mut changed = false;
        for article in articles {
            let revision = match indexed.get(&article.id) {
                Some((_, hash)) if *hash == article.content_hash => continue,
                Some((revision, _)) => revision + 1,
                None => 1,
            };
            writer.delete_term(Term::from_field_text(self.fields.article, &article.id));
            for doc in documents::article_documents(&self.fields, article, revision) {
                writer
                    .add_document(doc)
                    .map_err(tantivy_error("adding a document"))?;
            }
            changed = true;
        }
        if changed {
            finish(writer)?;
            self.reload()?;
        }
        Ok(())
    }

    /// Runs one query.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError> {
        run::search(
            &self.reader.searcher(),
            &self.fields,
            query,
            self.count_limit,
            &self.facets,
        )
    }

    /// The same index counting at most `limit` (at least 1) matches per
    /// search instead of [`COUNT_LIMIT`] (tests; measuring the trade-off).
    pub fn with_count_limit(self, limit: usize) -> SearchIndex {
        SearchIndex {
            count_limit: limit.max(1),
            ..self
        }
    }

    /// Number of indexed articles (quotes are not counted).
    pub fn doc_count(&self) -> u64 {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.kind, KIND_ARTICLE),
            IndexRecordOption::Basic,
        );
        self.reader
            .searcher()
            .search(&query, &Count)
            .map_or(0, |n| n as u64)
    }

    /// Indexed articles: id → (revision, content hash), read from fast
    /// fields of article documents only: every article (`only` = `None`,
    /// for a sync), or just the given ids, found through their `article`
    /// postings. An ingest of a few articles must not read the ids of every
    /// indexed document: at 100,000 articles (1.1 million documents with
    /// the quotes) that scan was 2 s of CPU per ingest, taken from the
    /// searches a server was answering meanwhile.
    fn indexed_revisions(
        &self,
        only: Option<&[&str]>,
    ) -> Result<HashMap<String, (u64, String)>, SearchError> {
        let searcher = self.reader.searcher();
        let mut out = HashMap::new();
        for segment in searcher.segment_readers() {
            let Some(columns) = ArticleColumns::open(segment)? else {
                continue;
            };
            match only {
                None => {
                    for doc in segment.doc_ids_alive() {
                        columns.read(doc, &mut out)?;
                    }
                }
                Some(ids) => {
                    let postings = segment
                        .inverted_index(self.fields.article)
                        .map_err(tantivy_error("reading article ids"))?;
                    for id in ids {
                        let term = Term::from_field_text(self.fields.article, id);
                        let Some(mut docs) = postings
                            .read_postings(&term, IndexRecordOption::Basic)
                            .map_err(io("reading article postings".into()))?
                        else {
                            continue;
                        };
                        let mut doc = docs.doc();
                        while doc != tantivy::TERMINATED {
                            if segment.alive_bitset().is_none_or(|alive| alive.is_alive(doc)) {
                                columns.read(doc, &mut out)?;
                            }
                            doc = docs.advance();
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    fn writer(&self) -> Result<IndexWriter, SearchError> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, WRITER_MAX_THREADS);
        self.index
            .writer_with_num_threads(threads, threads * WRITER_MEMORY_PER_THREAD)
            .map_err(tantivy_error("opening the index for writing"))
    }

    fn reload(&self) -> Result<(), SearchError> {
        self.reader
            .reload()
            .map_err(tantivy_error("reloading the index"))?;
        self.facets.forget_other_segments(&self.reader.searcher());
        Ok(())
    }

    /// Prepares what the first searches would otherwise pay for (the
    /// decoded facet values of every segment): a server calls it at start.
    pub fn warm(&self) -> Result<(), SearchError> {
        self.facets
            .warm(&self.reader.searcher())
            .map_err(tantivy_error("decoding facet values"))
    }
}

/// Commits and lets the segment merges the commit started complete. A
/// writer lives for one operation; dropping it right after the commit
/// would cancel those merges, and every ingest would leave one more small
/// segment behind for every later query to visit.
fn finish(mut writer: IndexWriter) -> Result<(), SearchError> {
    writer.commit().map_err(tantivy_error("committing"))?;
    writer
        .wait_merging_threads()
        .map_err(tantivy_error("merging segments"))
}

fn tantivy_error(context: &'static str) -> impl Fn(tantivy::TantivyError) -> SearchError {
    move |source| SearchError::Index {
        context: context.to_owned(),
        source,
    }
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> SearchError {
    move |source| SearchError::Io { context, source }
}

/// The fast fields that say which article revision a document indexes.
struct ArticleColumns {
    ids: tantivy::columnar::StrColumn,
    revisions: tantivy::columnar::Column<u64>,
    hashes: tantivy::columnar::StrColumn,
}

impl ArticleColumns {
    fn open(segment: &tantivy::SegmentReader) -> Result<Option<ArticleColumns>, SearchError> {
        let fast = segment.fast_fields();
        let ids = fast
            .str("article")
            .map_err(tantivy_error("reading article ids"))?;
        let revisions = fast.u64("revision").map_err(tantivy_error("reading revisions"))?;
        let hashes = fast
            .str("content_hash")
            .map_err(tantivy_error("reading content hashes"))?;
        Ok(ids.zip(hashes).map(|(ids, hashes)| ArticleColumns {
            ids,
            revisions,
            hashes,
        }))
    }

    /// Records `doc` in `out` if it is an article document (only those
    /// carry a revision).
    fn read(&self, doc: tantivy::DocId, out: &mut HashMap<String, (u64, String)>) -> Result<(), SearchError> {
        let Some(revision) = self.revisions.first(doc) else {
            return Ok(());
        };
        let (Some(id_ord), Some(hash_ord)) =
            (self.ids.term_ords(doc).next(), self.hashes.term_ords(doc).next())
        else {
            return Ok(());
        };
        let (mut id, mut hash) = (String::new(), String::new());
        let found = self
            .ids
            .ord_to_str(id_ord, &mut id)
            .map_err(io("reading article ids".into()))?
            && self
                .hashes
                .ord_to_str(hash_ord, &mut hash)
                .map_err(io("reading content hashes".into()))?;
        if found {
            out.insert(id, (revision, hash));
        }
        Ok(())
    }
}
