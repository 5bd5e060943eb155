//! The link stage's per-article entries, persisted beside the store so that
//! a relink never decodes or re-featurises an article it has seen before.
//!
//! A [`LinkEntry`] is a pure function of one stored article revision, so it
//! is cached keyed by the revision's content hash in `link-index.bin` in the
//! store's [`Store::cache_dir`]. The file is derived and rebuildable: a
//! missing, unreadable, truncated or foreign-version file is ignored (and
//! rewritten), an entry whose article changed revision or disappeared is
//! dropped, an article without an entry is read from the store once. So the
//! cache can only change how long a relink takes, never what it finds.
//!
//! Format (bincode, fixed-width integers): a [`Header`], then `entries`
//! [`CachedEntry`] records sorted by article id. Written to a temporary file
//! and renamed over the old one, so a killed relink leaves the old cache or
//! the new one, never half of one.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use parallax_link::LinkEntry;
use parallax_store::Store;
use serde::{Deserialize, Serialize};

/// File name of the cache inside the store's cache directory.
pub const CACHE_FILE: &str = "link-index.bin";

/// Bumped whenever [`LinkEntry`] or what goes into it changes meaning (the
/// shingling, the features), so an old file is rebuilt rather than misread.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    /// Version of the Parallax build that wrote the file: entries depend on
    /// the link stage's code, which a new build may change.
    parallax: String,
    entries: u64,
}

/// One cached entry: the content hash of the revision it was computed from,
/// and the entry.
#[derive(Serialize, Deserialize)]
struct CachedEntry {
    content_hash: String,
    entry: LinkEntry,
}

/// The link entries of every current article, and how they were obtained.
pub struct Entries {
    /// One entry per stored article, sorted by article id.
    pub entries: Vec<LinkEntry>,
    /// Entries taken from the cache file.
    pub reused: usize,
    /// Entries computed from the stored article (new or revised articles,
    /// or every article when there was no usable cache).
    pub computed: usize,
}

/// The link entries of every current article of `store`, from the cache
/// where it is still valid and from the stored articles otherwise; the cache
/// file is rewritten when anything changed. A cache that cannot be written
/// is not an error (the next relink recomputes): linking must not fail
/// because a derived file could not be saved.
pub fn current_entries<S: Store + ?Sized>(store: &S) -> crate::Result<Entries> {
    let path = store.cache_dir().map(|dir| dir.join(CACHE_FILE));
    let cached = path.as_deref().map(load).unwrap_or_default();
    let current = store.article_hashes()?;

    let mut cached = cached.into_iter().peekable();
    let mut out: Vec<CachedEntry> = Vec::with_capacity(current.len());
    let (mut reused, mut computed, mut dropped) = (0, 0, 0);
    for (id, content_hash) in current {
        // Both lists are sorted by id: skip cached entries of articles that
        // are gone, take the one for this id if its content is unchanged.
        while cached.next_if(|c| c.entry.id < id).is_some() {
            dropped += 1;
        }
        match cached.next_if(|c| c.entry.id == id) {
            Some(hit) if hit.content_hash == content_hash => {
                reused += 1;
                out.push(hit);
                continue;
            }
            Some(_) => dropped += 1,
            None => {}
        }
        // The id came from the store a moment ago; an article that vanished
        // since (a concurrent writer) is simply not linked this time.
        if let Some(article) = store.article(&id)? {
            computed += 1;
            out.push(CachedEntry {
                content_hash,
                entry: LinkEntry::of(&article),
            });
        }
    }
    dropped += cached.count();
    if let Some(path) = path.filter(|_| computed + dropped > 0) {
        // Best effort by design (see above); the relink result is the same.
        let _ = save(&path, &out);
    }
    Ok(Entries {
        entries: out.into_iter().map(|c| c.entry).collect(),
        reused,
        computed,
    })
}

fn options() -> impl bincode::Options {
    use bincode::Options;
    bincode::DefaultOptions::new()
        .with_fixint_encoding()
        .allow_trailing_bytes()
}

/// The cached entries, or none when the file is missing or unusable
/// (wrong format or build, truncated, corrupt, out of order).
fn load(path: &Path) -> Vec<CachedEntry> {
    use bincode::Options;
    let Ok(file) = File::open(path) else {
        return Vec::new();
    };
    let mut reader = BufReader::new(file);
    let header: Header = match options().deserialize_from(&mut reader) {
        Ok(header) => header,
        Err(_) => return Vec::new(),
    };
    if header.format != FORMAT || header.parallax != env!("CARGO_PKG_VERSION") {
        return Vec::new();
    }
    let mut entries: Vec<CachedEntry> = Vec::new();
    for _ in 0..header.entries {
        match options().deserialize_from::<_, CachedEntry>(&mut reader) {
            // The merge in `current_entries` relies on id order.
            Ok(entry) if entries.last().is_none_or(|last| last.entry.id < entry.entry.id) => {
                entries.push(entry)
            }
            _ => return Vec::new(),
        }
    }
    entries
}

/// Writes `entries` to a temporary file beside `path`, then renames it over
/// `path`.
fn save(path: &Path, entries: &[CachedEntry]) -> std::io::Result<()> {
    use bincode::Options;
    let temporary = temporary_path(path);
    let result = (|| {
        let mut writer = BufWriter::new(File::create(&temporary)?);
        let header = Header {
            format: FORMAT,
            parallax: env!("CARGO_PKG_VERSION").to_owned(),
            entries: entries.len() as u64,
        };
        let encode = |e: bincode::Error| std::io::Error::other(e.to_string());
        options().serialize_into(&mut writer, &header).map_err(encode)?;
        for entry in entries {
            options().serialize_into(&mut writer, entry).map_err(encode)?;
        }
        writer.flush()?;
        writer.get_ref().sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// A temporary name unique to this process, so two processes relinking one
/// store (the CLI and a server) never write into each other's file.
fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}
