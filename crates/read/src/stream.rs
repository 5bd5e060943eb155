//! Opening a byte stream: transparent gzip (by magic bytes, multi-member as in
//! Common Crawl), a sniffed head for format detection, then dispatch to the
//! reader for the detected format. Single-document formats are read whole
//! under [`MAX_DOCUMENT_BYTES`]; containers get a streaming reader.

use std::io::{self, BufRead, BufReader, Cursor, Read};

use flate2::bufread::MultiGzDecoder;

use crate::detect::{detect, Detected};
use crate::limits::{mib, MAX_DOCUMENT_BYTES, SNIFF_BYTES};
use crate::{feed, json, single, warc, Documents, ReadError};

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A stream with its first bytes already read for detection.
struct Opened {
    head: Vec<u8>,
    /// Why the head is short, when reading it failed part-way (a truncated
    /// gzip member): the bytes before the failure are still read, and `rest`
    /// replays the error after them.
    head_error: Option<String>,
    rest: Box<dyn Read + Send>,
    compressed: bool,
}

impl Opened {
    /// The whole stream again, head included, buffered.
    fn into_reader(self) -> Box<dyn BufRead + Send> {
        Box::new(BufReader::with_capacity(
            64 * 1024,
            Cursor::new(self.head).chain(self.rest),
        ))
    }
}

/// Detects the format of `raw` and streams its documents. `known_len` is the
/// file size when the caller knows it, so an oversized single document is
/// refused without reading it.
pub(crate) fn read_stream(name: String, raw: Box<dyn Read + Send>, known_len: Option<u64>) -> Documents {
    let opened = match open(raw) {
        Ok(opened) => opened,
        Err(error) => return one_error(ReadError::whole(&name, error.to_string())),
    };
    let extension = extension_of(&name);
    let detected = detect(&opened.head, extension.as_deref());
    if let (Detected::Empty | Detected::Binary(_), Some(error)) = (detected, &opened.head_error) {
        return one_error(ReadError::whole(&name, error.clone()));
    }
    match detected {
        Detected::Empty => one_error(ReadError::whole(&name, "empty file")),
        Detected::Binary(what) => one_error(ReadError::whole(&name, format!("binary file ({what})"))),
        Detected::Warc => Box::new(warc::WarcDocuments::new(name, opened.into_reader())),
        Detected::Jsonl => Box::new(json::JsonlDocuments::new(name, opened.into_reader())),
        Detected::JsonDocument => whole_then(name, opened, known_len, json::read_json_document),
        Detected::Feed => whole_then(name, opened, known_len, feed::read_feed),
        Detected::Html => whole_then(name, opened, known_len, |name, bytes| {
            vec![single::html(name, bytes)]
        }),
        Detected::Text => whole_then(name, opened, known_len, |name, bytes| {
            vec![single::text(name, bytes)]
        }),
    }
}

/// Reads the whole (limited) stream, then hands it to `reader`.
fn whole_then(
    name: String,
    opened: Opened,
    known_len: Option<u64>,
    reader: impl FnOnce(&str, &[u8]) -> Vec<Result<parallax_core::SourceDocument, ReadError>>,
) -> Documents {
    match read_whole(opened, known_len) {
        Ok(bytes) => Box::new(reader(&name, &bytes).into_iter()),
        Err(reason) => one_error(ReadError::whole(&name, reason)),
    }
}

fn one_error(error: ReadError) -> Documents {
    Box::new(std::iter::once(Err(error)))
}

/// Reads the first bytes, and if they are gzip's magic, starts again through a
/// decoder and reads the first decompressed bytes instead.
fn open(raw: Box<dyn Read + Send>) -> io::Result<Opened> {
    let opened = read_head(raw, false);
    if !opened.head.starts_with(&GZIP_MAGIC) {
        return Ok(opened);
    }
    if let Some(error) = opened.head_error {
        return Err(io::Error::other(error));
    }
    let compressed = BufReader::new(Cursor::new(opened.head).chain(opened.rest));
    Ok(read_head(
        Box::new(GzipErrors(MultiGzDecoder::new(compressed))),
        true,
    ))
}

/// Reads up to [`SNIFF_BYTES`]; an error part-way is kept for later.
fn read_head(mut reader: Box<dyn Read + Send>, compressed: bool) -> Opened {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    // On error, read_to_end keeps the bytes read before it.
    match reader.by_ref().take(SNIFF_BYTES as u64).read_to_end(&mut head) {
        Ok(_) => Opened {
            head,
            head_error: None,
            rest: reader,
            compressed,
        },
        Err(error) => Opened {
            head,
            head_error: Some(error.to_string()),
            rest: Box::new(FailWith(Some(error))),
            compressed,
        },
    }
}

/// A reader that fails once with a stored error, then reads as empty.
struct FailWith(Option<io::Error>);

impl Read for FailWith {
    fn read(&mut self, _buffer: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(error) => Err(error),
            None => Ok(0),
        }
    }
}

/// The whole stream, or why not: too large, or unreadable part-way.
fn read_whole(opened: Opened, known_len: Option<u64>) -> Result<Vec<u8>, String> {
    let limit = MAX_DOCUMENT_BYTES as u64;
    if let (false, Some(length)) = (opened.compressed, known_len) {
        if length > limit {
            return Err(format!(
                "file too large ({} MiB > {} MiB limit)",
                mib(length),
                mib(limit)
            ));
        }
    }
    let mut bytes = Vec::new();
    opened
        .into_reader()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| error.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(format!("file too large (over the {} MiB limit)", mib(limit)));
    }
    Ok(bytes)
}

/// The lower-cased extension of a name, looking through `.gz`
/// (`page.html.gz` → `html`).
fn extension_of(name: &str) -> Option<String> {
    let file_name = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    let without_gz = file_name.strip_suffix(".gz").unwrap_or(&file_name);
    let (_, extension) = without_gz.rsplit_once('.')?;
    Some(extension.to_owned())
}

/// Gives gzip decoding errors a message a user can act on: flate2 reports a
/// cut-off member as a bare "unexpected end of file".
struct GzipErrors<R>(MultiGzDecoder<R>);

impl<R: BufRead> Read for GzipErrors<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        self.0.read(buffer).map_err(|error| match error.kind() {
            io::ErrorKind::UnexpectedEof => io::Error::new(error.kind(), "truncated gzip stream"),
            io::ErrorKind::Interrupted => error,
            _ => io::Error::new(error.kind(), format!("corrupt gzip stream: {error}")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_looks_through_gz() {
        assert_eq!(extension_of("data/page.HTML.gz").as_deref(), Some("html"));
        assert_eq!(extension_of("a.warc").as_deref(), Some("warc"));
        assert_eq!(extension_of("README"), None);
        assert_eq!(extension_of("-"), None);
    }
}
