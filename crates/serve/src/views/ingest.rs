//! Ingest from the browser or an API client: uploaded bytes (or pasted
//! text) become stored, linked and indexed articles.
//!
//! Reading, extraction and analysis are pure and run in parallel *before*
//! the store's writer is taken, so readers and other requests are held up
//! only while the batch is committed, relinked and indexed. The relink goes
//! through the server's kept [`Linker`], so it reads only the new articles
//! and assembles only the stories they touched, whatever the store's size. Each upload's
//! original bytes are kept under `<data dir>/uploads/<article id>` so the
//! article page can offer the file exactly as it was given.

use std::collections::BTreeSet;
use std::path::Path;

use parallax_core::Article;
use parallax_pipeline::{process_batch, store_batch, IngestCounts, Linker};
use parallax_read::{read_bytes, ReadError};
use parallax_search::SearchIndex;
use parallax_store::{SqliteStore, Store};
use serde::Serialize;

use crate::error::ApiError;
use crate::state::AppState;

/// One uploaded file or pasted text.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file name (becomes the article's `source_path`).
    pub name: String,
    /// Its bytes, in any format `parallax ingest` reads.
    pub bytes: Vec<u8>,
}

/// What an ingest did (`POST /api/ingest`).
#[derive(Debug, Clone, Serialize)]
pub struct IngestReport {
    /// Articles stored for the first time, already stored unchanged, and
    /// stored as new revisions.
    pub counts: IngestCounts,
    /// Ids of every article the uploads contained (new, duplicate or
    /// revised), in upload order, each once.
    pub articles: Vec<String>,
    /// Files or records that gave no article, with the reason.
    pub failed: Vec<FailedInput>,
    /// Ids of the stories those articles now belong to.
    pub stories: Vec<String>,
    /// Problems that did not stop the ingest (an original that could not be
    /// kept, a search index that could not be updated).
    pub warnings: Vec<String>,
}

/// An upload, or one record of it, that gave no article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedInput {
    /// The file name, with the record inside it when it is a container
    /// (`feed.xml (item 3)`).
    pub name: String,
    /// Why, in one line.
    pub reason: String,
}

impl From<ReadError> for FailedInput {
    fn from(error: ReadError) -> Self {
        FailedInput {
            name: error.origin.to_string(),
            reason: error.reason,
        }
    }
}

/// The articles read out of a set of uploads, before they touch the store.
struct Prepared {
    uploads: Vec<Upload>,
    articles: Vec<Article>,
    /// Per article, where its original bytes are.
    originals: Vec<OriginalSource>,
    failed: Vec<FailedInput>,
}

/// Where the bytes to keep for an article are: the whole upload when it
/// held one document, else the record's own (decoded) content.
enum OriginalSource {
    Upload(usize),
    Record(String),
}

/// Reads, stores, links and indexes `uploads`. An upload that is binary,
/// empty or unreadable is reported in `failed` and the others go on; only a
/// store failure fails the request.
pub async fn ingest(state: &AppState, uploads: Vec<Upload>) -> Result<IngestReport, ApiError> {
    if uploads.is_empty() {
        return Err(ApiError::bad_request(
            "nothing to ingest: no file or text was sent",
        ));
    }
    let prepared = tokio::task::spawn_blocking(move || prepare(uploads))
        .await
        .map_err(ApiError::from_join)?;
    let uploads_dir = state.uploads_dir();
    let search = state.search_index();
    state
        .write_linked(move |store, linker| commit(store, linker, prepared, &uploads_dir, search.as_deref()))
        .await
}

fn prepare(uploads: Vec<Upload>) -> Prepared {
    let mut documents = Vec::new();
    let mut sources = Vec::new();
    let mut failed = Vec::new();
    for (index, upload) in uploads.iter().enumerate() {
        let results = read_bytes(&upload.name, &upload.bytes);
        let single = results.len() == 1;
        for result in results {
            match result {
                Ok(document) => {
                    sources.push(match single {
                        true => OriginalSource::Upload(index),
                        false => OriginalSource::Record(document.content.clone()),
                    });
                    documents.push(document);
                }
                Err(error) => failed.push(error.into()),
            }
        }
    }
    let mut articles = Vec::with_capacity(documents.len());
    let mut originals = Vec::with_capacity(documents.len());
    for (result, source) in process_batch(&documents).into_iter().zip(sources) {
        match result {
            Ok(article) => {
                articles.push(article);
                originals.push(source);
            }
            Err(error) => failed.push(error.into()),
        }
    }
    Prepared {
        uploads,
        articles,
        originals,
        failed,
    }
}

/// Stores, relinks and indexes the prepared articles. Returns the report
/// and how many articles the relink added to or removed from the link index.
fn commit(
    store: &mut SqliteStore,
    linker: &mut Linker,
    prepared: Prepared,
    uploads_dir: &Path,
    search: Result<&SearchIndex, &ApiError>,
) -> Result<(IngestReport, usize), ApiError> {
    let Prepared {
        uploads,
        articles,
        originals,
        failed,
    } = prepared;
    let mut counts = IngestCounts::default();
    let mut warnings = Vec::new();
    if !articles.is_empty() {
        store_batch(store, &articles, &mut counts)?;
    }
    // An empty linker (no saved state) or one behind the store (another
    // process ingested) catches up here, then stays current.
    let mut linked = 0;
    if counts.changed() || linker.is_empty() {
        let relinked = linker.relink(store)?;
        linked = relinked.entries_computed + relinked.entries_removed;
    }
    for (article, source) in articles.iter().zip(&originals) {
        let bytes = match source {
            OriginalSource::Upload(index) => uploads[*index].bytes.as_slice(),
            OriginalSource::Record(content) => content.as_bytes(),
        };
        if let Err(error) = keep_original(uploads_dir, &article.id, bytes) {
            warnings.push(format!("article {}: original not kept: {error}", article.id));
        }
    }
    if !articles.is_empty() {
        let indexed = search
            .map_err(|error| error.message.clone())
            .and_then(|index| index.index_articles(&articles).map_err(|e| e.to_string()));
        if let Err(reason) = indexed {
            warnings.push(format!("search index not updated: {reason}"));
        }
    }
    let mut ids = Vec::new();
    let mut seen = BTreeSet::new();
    let mut stories = BTreeSet::new();
    for article in &articles {
        if seen.insert(article.id.as_str()) {
            ids.push(article.id.clone());
            stories.extend(store.stories_of_article(&article.id)?);
        }
    }
    let report = IngestReport {
        counts,
        articles: ids,
        failed,
        stories: stories.into_iter().collect(),
        warnings,
    };
    Ok((report, linked))
}

/// The file name an article's original is kept under: its id, which must
/// be a plain name (ids are hex digests; anything else is refused rather
/// than allowed to name a path outside the uploads directory).
pub(crate) fn upload_file_name(article_id: &str) -> Result<&str, ApiError> {
    let plain = !article_id.is_empty()
        && article_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    match plain {
        true => Ok(article_id),
        false => Err(ApiError::internal(format!(
            "article id {article_id:?} cannot name a file"
        ))),
    }
}

/// Writes an original next to the others, atomically (temporary file, then
/// rename), so a reader never sees half a file.
fn keep_original(uploads_dir: &Path, article_id: &str, bytes: &[u8]) -> Result<(), String> {
    let name = upload_file_name(article_id).map_err(|error| error.message)?;
    std::fs::create_dir_all(uploads_dir).map_err(|error| error.to_string())?;
    let temporary = uploads_dir.join(format!(".{name}.partial"));
    std::fs::write(&temporary, bytes).map_err(|error| error.to_string())?;
    std::fs::rename(&temporary, uploads_dir.join(name)).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_ids_name_files() {
        assert_eq!(upload_file_name("a1b2-c3_d4").unwrap(), "a1b2-c3_d4");
        for bad in ["", "../etc", "a/b", "a\\b", ".."] {
            assert!(upload_file_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn binary_and_text_uploads_are_told_apart() {
        let prepared = prepare(vec![
            Upload {
                name: "blob.bin".into(),
                bytes: vec![0, 159, 146, 150, 0, 0, 1],
            },
            Upload {
                name: "story.txt".into(),
                bytes: b"Ministers met in Geneva\n\nThe foreign ministers of two countries met on Monday in Geneva to discuss a ceasefire, officials said.".to_vec(),
            },
        ]);
        assert_eq!(prepared.articles.len(), 1);
        assert_eq!(prepared.failed.len(), 1);
        assert_eq!(prepared.failed[0].name, "blob.bin");
        assert!(matches!(prepared.originals[0], OriginalSource::Upload(1)));
    }
}
