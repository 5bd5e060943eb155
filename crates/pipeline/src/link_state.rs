//! The linker's state, persisted beside the store so that a relink in a new
//! process resumes where the last one stopped instead of rebuilding the link
//! index: the index itself ([`parallax_link::Snapshot`]: sketches, features,
//! decided copy pairs and story scores) and which revision of each article
//! it holds.
//!
//! The file (`link-state.bin` in the store's [`Store::cache_dir`]) is
//! derived and rebuildable: a missing, unreadable, truncated or corrupt file,
//! or one written by another build, means "start from an empty index" (every
//! article is then added again). It is written to a temporary file and
//! renamed, so a killed relink leaves the old state or the new one. A state
//! that is merely old is fine: the next relink compares it with the store
//! and applies the difference.
//!
//! Format (bincode, fixed-width integers): a [`Header`] (with the state's
//! length), then the [`SavedState`], then a BLAKE3 checksum of the state's
//! bytes. Both ways are streamed: neither the file nor a copy of the index
//! is ever held in memory beside the index.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use parallax_link::{Snapshot, SnapshotView};
use parallax_store::Store;
use serde::{Deserialize, Serialize};

/// File name of the state inside the store's cache directory.
pub const STATE_FILE: &str = "link-state.bin";

/// The file an earlier build kept link entries in; removed when the state
/// is saved, since nothing reads it any more.
const OLD_CACHE_FILE: &str = "link-index.bin";

/// Bumped whenever the snapshot's shape or the meaning of what goes into it
/// changes (sketching, features, scores), so an old file is rebuilt rather
/// than misread.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    /// Version of the Parallax build that wrote the file: the link stage's
    /// decisions depend on its code, which a new build may change.
    parallax: String,
    /// Length of the encoded state in bytes.
    length: u64,
}

/// What is saved: the index and the revision of each article it holds.
#[derive(Deserialize)]
pub struct SavedState {
    /// Article id → [`revision_key`] of the revision in the index.
    pub revisions: BTreeMap<String, u64>,
    /// The index.
    pub index: Snapshot,
}

/// [`SavedState`] as written, borrowing the live index (no copy of it).
#[derive(Serialize)]
struct SavedStateRef<'a> {
    revisions: &'a BTreeMap<String, u64>,
    index: SnapshotView<'a>,
}

/// A compact key of a stored revision's content hash (the store's hashes
/// are 64 hex digits; 64 bits of them tell revisions of one article apart).
pub fn revision_key(content_hash: &str) -> u64 {
    parallax_link::shingles::stable_hash(content_hash)
}

fn options() -> impl bincode::Options {
    use bincode::Options;
    bincode::DefaultOptions::new()
        .with_fixint_encoding()
        .allow_trailing_bytes()
}

/// Where the state of `store` lives, if it has a cache directory.
pub fn state_path<S: Store + ?Sized>(store: &S) -> Option<PathBuf> {
    store.cache_dir().map(|dir| dir.join(STATE_FILE))
}

/// The saved state, or `None` when there is none or it is unusable. Read
/// as a stream (no copy of the file in memory), checked against its
/// checksum at the end.
pub fn load(path: &Path) -> Option<SavedState> {
    use bincode::Options;
    let mut file = BufReader::new(File::open(path).ok()?);
    let header: Header = options().deserialize_from(&mut file).ok()?;
    if header.format != FORMAT || header.parallax != env!("CARGO_PKG_VERSION") {
        return None;
    }
    let mut body = Hashing::new(file.by_ref().take(header.length));
    let state: SavedState = options().deserialize_from(&mut body).ok()?;
    if body.count != header.length {
        return None;
    }
    let digest = body.hasher.finalize();
    let mut checksum = [0u8; 32];
    file.read_exact(&mut checksum).ok()?;
    (digest.as_bytes() == &checksum).then_some(state)
}

/// Writes the state (the revisions and the live index, streamed) to a
/// temporary file beside `path`, then renames it over `path`; removes the
/// file of the earlier entry cache if present.
pub fn save(path: &Path, revisions: &BTreeMap<String, u64>, index: SnapshotView<'_>) -> std::io::Result<()> {
    use bincode::Options;
    let encode = |e: bincode::Error| std::io::Error::other(e.to_string());
    let state = SavedStateRef { revisions, index };
    let length = options().serialized_size(&state).map_err(encode)?;
    let temporary = temporary_path(path);
    let result = (|| {
        let mut file = BufWriter::new(File::create(&temporary)?);
        let header = Header {
            format: FORMAT,
            parallax: env!("CARGO_PKG_VERSION").to_owned(),
            length,
        };
        options().serialize_into(&mut file, &header).map_err(encode)?;
        let mut body = Hashing::new(&mut file);
        options().serialize_into(&mut body, &state).map_err(encode)?;
        let digest = body.hasher.finalize();
        file.write_all(digest.as_bytes())?;
        file.flush()?;
        file.get_ref().sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    } else {
        let _ = std::fs::remove_file(path.with_file_name(OLD_CACHE_FILE));
    }
    result
}

/// A reader or writer that hashes (and counts) the bytes passing through.
struct Hashing<T> {
    inner: T,
    hasher: blake3::Hasher,
    count: u64,
}

impl<T> Hashing<T> {
    fn new(inner: T) -> Self {
        Hashing {
            inner,
            hasher: blake3::Hasher::new(),
            count: 0,
        }
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A temporary name unique to this process, so two processes relinking one
/// store (the CLI and a server) never write into each other's file.
fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}
