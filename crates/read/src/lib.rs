//! Reading: paths in, [`SourceDocument`]s out.
//!
//! `parallax-read` owns everything about how articles arrive: expanding
//! directories, globs and `-` (stdin) into inputs; detecting the format from
//! content (not only the extension); decompressing gzip; decoding bytes to
//! UTF-8 (detecting legacy encodings); and streaming records out of
//! containers (WARC, RSS/Atom/JSON feeds, JSONL) with bounded memory. A
//! readable file never makes it fail as a whole: each bad record becomes a
//! [`ReadError`] naming the file, the record and the reason, and reading goes
//! on. It must not interpret content (no boilerplate rules, no metadata
//! heuristics beyond what a container states explicitly): that is
//! `parallax-extract`'s job.
//!
//! ```no_run
//! let (inputs, errors) = parallax_read::expand_inputs(&["articles/".to_owned()]);
//! for error in errors {
//!     eprintln!("{error}");
//! }
//! for input in &inputs {
//!     for document in parallax_read::read_input(input) {
//!         match document {
//!             Ok(document) => println!("{} ({} bytes)", document.origin, document.content.len()),
//!             Err(error) => eprintln!("{error}"),
//!         }
//!     }
//! }
//! ```

#![deny(missing_docs)]

mod dates;
mod decode;
mod detect;
mod feed;
#[doc(hidden)]
pub mod fuzzing;
mod inputs;
mod json;
mod language;
mod limits;
mod lines;
mod single;
mod stream;
mod warc;

use std::path::PathBuf;

pub use inputs::expand_inputs;
pub use limits::{MAX_DOCUMENT_BYTES, MAX_LINE_BYTES};
use parallax_core::{Origin, SourceDocument};

/// One input that failed to read, or one record inside it that failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct ReadError {
    /// The file (and record) that failed.
    pub origin: Origin,
    /// Why, in one line.
    pub reason: String,
}

impl ReadError {
    /// An error about a whole input (no record inside it).
    pub(crate) fn whole(path: &str, reason: impl Into<String>) -> Self {
        ReadError {
            origin: Origin {
                path: path.to_owned(),
                record: None,
            },
            reason: reason.into(),
        }
    }

    /// An error about one record of a container (`record 3`, `item 2`, `line 17`).
    pub(crate) fn at(path: &str, record: impl Into<String>, reason: impl Into<String>) -> Self {
        ReadError {
            origin: Origin {
                path: path.to_owned(),
                record: Some(record.into()),
            },
            reason: reason.into(),
        }
    }
}

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    /// A file, by the path the user gave (or found under a directory they gave).
    File(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Input {
    /// The name used in [`Origin::path`]: the path as given, or `-` for stdin.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "-".to_owned(),
        }
    }
}

/// The stream of documents (or per-record errors) read from one input.
pub type Documents = Box<dyn Iterator<Item = Result<SourceDocument, ReadError>> + Send>;

/// Streams the documents of one input. A bad record yields `Err` and reading
/// continues with the next record; an input that cannot be read at all yields
/// exactly one `Err`. Memory stays bounded for containers whatever their size:
/// WARC and JSONL are read record by record, and no single document, record or
/// line over [`MAX_DOCUMENT_BYTES`] is ever held in memory.
pub fn read_input(input: &Input) -> Documents {
    let name = input.name();
    match input {
        Input::Stdin => stream::read_stream(name, Box::new(std::io::stdin()), None),
        Input::File(path) => match std::fs::File::open(path) {
            Err(error) => one_error(ReadError::whole(&name, describe_open_error(&error))),
            Ok(file) => match file.metadata() {
                Ok(metadata) if metadata.is_dir() => one_error(ReadError::whole(
                    &name,
                    "is a directory (expand it with expand_inputs)",
                )),
                Ok(metadata) => stream::read_stream(name, Box::new(file), Some(metadata.len())),
                Err(error) => one_error(ReadError::whole(&name, describe_open_error(&error))),
            },
        },
    }
}

/// Reads every document in an in-memory input (standard input already read,
/// tests, fuzzing). Same rules as [`read_input`], collected.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Vec<Result<SourceDocument, ReadError>> {
    let length = bytes.len() as u64;
    stream::read_stream(
        name.to_owned(),
        Box::new(std::io::Cursor::new(bytes.to_vec())),
        Some(length),
    )
    .collect()
}

fn one_error(error: ReadError) -> Documents {
    Box::new(std::iter::once(Err(error)))
}

fn describe_open_error(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot open: {error}"),
    }
}
