//! A fixed pool of read connections to the store.
//!
//! At most [`ReaderPool::size`] reads run at once; a request beyond that
//! waits (asynchronously, first come first served) for a connection to be
//! handed back instead of opening one of its own. Opening a connection
//! costs far more than a typical read (open the file, set the journal
//! mode, check the migrations), and under 50 concurrent clients a pool
//! that opened extra connections and closed them when returned paid that
//! cost on most requests; more concurrent reads than cores only interleave
//! anyway. Connections are opened lazily and kept for the life of the
//! server.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use parallax_store::SqliteStore;
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// Read connections of one store.
pub struct ReaderPool {
    data_dir: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
    permits: Arc<Semaphore>,
    size: usize,
}

impl ReaderPool {
    /// A pool of at most `size` (at least 1) connections to the store in `data_dir`.
    pub fn new(data_dir: PathBuf, size: usize) -> ReaderPool {
        let size = size.max(1);
        ReaderPool {
            data_dir,
            idle: Mutex::new(Vec::with_capacity(size)),
            permits: Arc::new(Semaphore::new(size)),
            size,
        }
    }

    /// The pool size for this machine: two connections per core (a read
    /// may wait on the disk while another computes), at least four.
    pub fn default_size() -> usize {
        std::thread::available_parallelism()
            .map_or(4, |cores| 2 * usize::from(cores))
            .max(4)
    }

    /// Most connections open (and reads running) at once.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Runs `f` with a read connection on the blocking pool, once one is free.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::internal("the store's read pool is closed"))?;
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let pooled = pool.idle.lock().ok().and_then(|mut idle| idle.pop());
            let store = match pooled {
                Some(store) => store,
                None => SqliteStore::open_existing(&pool.data_dir)?,
            };
            let result = f(&store);
            if let Ok(mut idle) = pool.idle.lock() {
                idle.push(store);
            }
            result
        })
        .await
        .map_err(ApiError::from_join)?
    }

    /// Connections opened so far (idle ones; for tests).
    #[cfg(test)]
    fn idle_count(&self) -> usize {
        self.idle.lock().map_or(0, |idle| idle.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_store::Store;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn never_opens_more_connections_than_its_size() {
        let dir = tempfile::tempdir().unwrap();
        SqliteStore::open(dir.path()).unwrap();
        let pool = Arc::new(ReaderPool::new(dir.path().to_owned(), 3));
        let running = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let most = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..24 {
            let (pool, running, most) = (pool.clone(), running.clone(), most.clone());
            tasks.push(tokio::spawn(async move {
                pool.read(move |store| {
                    use std::sync::atomic::Ordering::SeqCst;
                    let now = running.fetch_add(1, SeqCst) + 1;
                    most.fetch_max(now, SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    let listed = store.list().map(|list| list.len());
                    running.fetch_sub(1, SeqCst);
                    Ok(listed?)
                })
                .await
            }));
        }
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), 0);
        }
        assert!(most.load(std::sync::atomic::Ordering::SeqCst) <= 3);
        assert!(pool.idle_count() <= 3 && pool.idle_count() >= 1);
    }

    #[tokio::test]
    async fn a_missing_store_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let pool = Arc::new(ReaderPool::new(dir.path().join("nothing"), 2));
        let error = pool.read(|_| Ok(())).await.unwrap_err();
        assert_eq!(error.status, axum::http::StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(pool.idle_count(), 0);
    }
}
