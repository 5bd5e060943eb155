//! Shared server state: a fixed pool of read connections to the store
//! (`readers`), one writer, and the cache of rendered story pages.
//!
//! SQLite in WAL mode lets readers proceed while the writer commits, so
//! pages and API reads never wait for an ingest; the writer is a mutex
//! because SQLite allows one writer at a time anyway. Every store call runs
//! on tokio's blocking pool ([`AppState::read`], [`AppState::write`]) so a
//! slow query never stalls the executor.
//!
//! The search index is derived data beside the store: it is opened and
//! brought in line with the store at start, and updated after each ingest.
//! A broken index never stops the server: search answers 503 with the reason
//! and everything else keeps working.
//!
//! The link index is kept too: a [`Linker`], resumed at start from the state
//! the last relink saved beside the store, brought in line with the store by
//! each ingest (so a one-article ingest reads one article and assembles only
//! the stories it touched, instead of rebuilding the index), and saved again
//! once enough has changed that a restart would otherwise catch up slowly.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use parallax_pipeline::Linker;
use parallax_search::SearchIndex;
use parallax_store::{SqliteStore, StoreError};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;
use crate::page_cache::PageCache;
use crate::readers::ReaderPool;

/// Memory the rendered story pages may take (the 200-article story's page
/// is about 1.2 MB, a typical one 50–500 KB).
const STORY_PAGE_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// State shared by every handler. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

/// Articles added to or removed from the link index since its state was
/// last saved after which an ingest saves it again (a save writes the whole
/// index: 0.6 s at 100,000 articles, `docs/scale.md`).
const SAVE_LINKER_AFTER: usize = 500;

struct Inner {
    data_dir: PathBuf,
    readers: Arc<ReaderPool>,
    writer: Mutex<SqliteStore>,
    /// The link index between ingests; locked only while the writer is.
    linker: Mutex<KeptLinker>,
    /// Rendered story pages by story id, checked against the stored story.
    story_pages: PageCache,
    /// The search index, or why it could not be opened or synced.
    search: Result<Arc<SearchIndex>, String>,
    /// Searches running at once: one per core, the rest wait in turn.
    search_slots: Arc<Semaphore>,
}

impl AppState {
    /// Opens (creating if needed) the store in `data_dir`, and the search
    /// index beside it, synced with the store.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        let writer = SqliteStore::open(data_dir)?;
        let search = open_search(data_dir, &writer);
        let linker = KeptLinker {
            linker: Linker::open(&writer),
            unsaved: 0,
        };
        Ok(AppState {
            inner: Arc::new(Inner {
                data_dir: data_dir.to_owned(),
                readers: Arc::new(ReaderPool::new(data_dir.to_owned(), ReaderPool::default_size())),
                writer: Mutex::new(writer),
                linker: Mutex::new(linker),
                story_pages: PageCache::new(STORY_PAGE_CACHE_BYTES),
                search,
                search_slots: Arc::new(Semaphore::new(search_slot_count())),
            }),
        })
    }

    /// The search index, or a 503 saying why there is none.
    pub fn search_index(&self) -> Result<Arc<SearchIndex>, ApiError> {
        self.inner.search.clone().map_err(|reason| {
            ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "search_unavailable",
                reason,
            )
        })
    }

    /// Waits for a turn to run a search (held until dropped). Searches are
    /// CPU-bound and cost several times a story read: run 50 at once and
    /// the cores are time-sliced among them, so every request, however
    /// cheap, waits behind all of them; queued, cheap requests pass.
    pub async fn search_slot(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        self.inner
            .search_slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the search queue is closed"))
    }

    /// The data directory served.
    pub fn data_dir(&self) -> &Path {
        &self.inner.data_dir
    }

    /// Where uploaded originals are kept (`<data dir>/uploads`).
    pub fn uploads_dir(&self) -> PathBuf {
        self.inner.data_dir.join("uploads")
    }

    /// The cache of rendered story pages.
    pub fn story_pages(&self) -> &PageCache {
        &self.inner.story_pages
    }

    /// Runs `f` with a read connection on the blocking pool, once one of
    /// the pool's connections is free.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        self.inner.readers.read(f).await
    }

    /// Runs `f` with the (single) write connection, in the background
    /// ([`in_background`]).
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = self.inner.clone();
        in_background(move || {
            let mut writer = inner.writer.lock().map_err(|_| {
                ApiError::internal("the store writer is unavailable after an earlier failure")
            })?;
            f(&mut writer)
        })
        .await?
    }
}

impl AppState {
    /// Runs `f` with the write connection and the server's link index in
    /// the background ([`in_background`]); afterwards saves the link index's state when
    /// enough changed since it was last saved (`f` returns how many articles
    /// its relink added or removed).
    pub async fn write_linked<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore, &mut Linker) -> Result<(T, usize), ApiError> + Send + 'static,
    {
        let inner = self.inner.clone();
        in_background(move || {
            let mut writer = inner.writer.lock().map_err(|_| {
                ApiError::internal("the store writer is unavailable after an earlier failure")
            })?;
            let mut kept = inner
                .linker
                .lock()
                .map_err(|_| ApiError::internal("the link index is unavailable after an earlier failure"))?;
            let (value, changed) = f(&mut writer, &mut kept.linker)?;
            kept.unsaved += changed;
            if kept.unsaved >= SAVE_LINKER_AFTER {
                kept.linker.save(&*writer);
                kept.unsaved = 0;
            }
            Ok(value)
        })
        .await?
    }
}

/// Runs `work` on a thread of its own at a lower scheduling priority (nice
/// 10): writes (store, relink, index) are background work beside the reads.
/// At normal priority an upload's seconds of relinking took one of the two
/// cores from the searches and made the long tail of their latency (load
/// test at 100,000 articles with an upload every 5 s). Where the priority
/// cannot be lowered the work runs all the same.
async fn in_background<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("parallax-write".into())
        .spawn(move || {
            lower_priority();
            // The receiver is gone only when the request was dropped.
            let _ = answer.send(work());
        })
        .map_err(|error| ApiError::internal(format!("cannot start a writer thread: {error}")))?;
    answered
        .await
        .map_err(|_| ApiError::internal("the write stopped without an answer (it panicked)"))
}

#[cfg(target_os = "linux")]
fn lower_priority() {
    // SAFETY: neither call takes a pointer; on Linux a thread id names
    // that one thread for `setpriority(PRIO_PROCESS, …)`.
    unsafe {
        let thread = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, thread, 10);
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

/// The server's linker and how much it changed since its state was saved.
struct KeptLinker {
    linker: Linker,
    unsaved: usize,
}

/// One search at a time per core.
fn search_slot_count() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// Opens the search index and brings it in line with the store; on failure
/// the reason, which search requests then report.
fn open_search(data_dir: &Path, store: &SqliteStore) -> Result<Arc<SearchIndex>, String> {
    let index = SearchIndex::open(data_dir).map_err(|error| error.to_string())?;
    index.sync(store).map_err(|error| error.to_string())?;
    if let Err(error) = index.warm() {
        // Only the first searches are slower: nothing to refuse.
        eprintln!("parallax: preparing the search index: {error}");
    }
    Ok(Arc::new(index))
}
