//! WARC archives (`.warc`, `.warc.gz`, multi-member gzip as in Common Crawl
//! CC-NEWS), streamed record by record. Every `response` record holding a 2xx
//! HTML response becomes a document; other records are skipped silently
//! (an archive is mostly requests, metadata, redirects and non-HTML assets).
//!
//! Our own small parser rather than the `warc` crate: that crate buffers each
//! whole record body (a 2 GiB video record would be read into memory), gives
//! no byte offsets for errors, cannot resynchronise after a damaged record,
//! and pulls in a second gzip implementation. Here a record body is read
//! only when it is an HTML response under [`MAX_DOCUMENT_BYTES`]; everything
//! else is skipped through a fixed-size buffer.

mod counted;
mod framing;
mod http;

use std::io::{self, BufRead, Read};

use parallax_core::{Hints, InputFormat, Origin, SourceDocument, SourceKind};

use crate::decode::{charset_parameter, decode_html};
use crate::detect::{detect, Detected};
use crate::language::iso_639_1;
use crate::limits::{mib, MAX_DOCUMENT_BYTES};
use crate::ReadError;
use counted::Counted;
use framing::{read_header, Framing, WarcHeader};

/// The documents of one WARC stream.
pub(crate) struct WarcDocuments {
    name: String,
    reader: Counted<Box<dyn BufRead + Send>>,
    buffer: Vec<u8>,
    record_number: usize,
    resync: bool,
    finished: bool,
}

/// What became of one record.
enum Outcome {
    Document(Box<SourceDocument>),
    Skipped,
    Failed(String),
    /// The stream ended inside the record (with the I/O error, if one).
    Truncated(Option<String>),
}

impl WarcDocuments {
    pub(crate) fn new(name: String, reader: Box<dyn BufRead + Send>) -> Self {
        WarcDocuments {
            name,
            reader: Counted::new(reader),
            buffer: Vec::new(),
            record_number: 0,
            resync: false,
            finished: false,
        }
    }

    fn label(&self) -> String {
        format!("record {}", self.record_number)
    }

    fn truncated(&mut self, start: u64, detail: Option<String>) -> ReadError {
        self.finished = true;
        let detail = detail.map(|detail| format!(" ({detail})")).unwrap_or_default();
        ReadError::at(
            &self.name,
            self.label(),
            format!("truncated WARC record at byte {start}{detail}"),
        )
    }

    /// Reads exactly the record's `length` body bytes (or to the end of a
    /// truncated stream) and decides what the record is.
    fn read_record(&mut self, header: &WarcHeader, length: u64) -> Outcome {
        let mut body = (&mut self.reader).take(length);
        let outcome = if header.get("warc-type") == Some("response") {
            response_outcome(&self.name, self.record_number, header, &mut body)
        } else {
            Outcome::Skipped
        };
        if let Outcome::Truncated(_) = outcome {
            return outcome;
        }
        match io::copy(&mut body, &mut io::sink()) {
            Err(error) => Outcome::Truncated(Some(error.to_string())),
            Ok(_) if body.limit() > 0 => Outcome::Truncated(None),
            Ok(_) => outcome,
        }
    }
}

impl Iterator for WarcDocuments {
    type Item = Result<SourceDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            let position = self.reader.offset();
            let (start, framing) = match read_header(&mut self.reader, &mut self.buffer, self.resync) {
                Ok(found) => found,
                Err(error) => {
                    self.record_number += 1;
                    return Some(Err(self.truncated(position, Some(error.to_string()))));
                }
            };
            let header = match framing {
                Framing::End => {
                    self.finished = true;
                    return None;
                }
                Framing::NotWarc => {
                    self.resync = true;
                    let reason =
                        format!("not a WARC record at byte {start} (no WARC/ version line); skipping ahead");
                    return Some(Err(ReadError::whole(&self.name, reason)));
                }
                Framing::Truncated => {
                    self.record_number += 1;
                    return Some(Err(self.truncated(start, None)));
                }
                Framing::TooLarge => {
                    self.record_number += 1;
                    self.resync = true;
                    let reason = format!("WARC header at byte {start} is too large; skipping ahead");
                    return Some(Err(ReadError::at(&self.name, self.label(), reason)));
                }
                Framing::Record(header) => header,
            };
            self.record_number += 1;
            self.resync = false;
            let Some(length) = header.content_length() else {
                self.resync = true;
                let reason =
                    format!("WARC record at byte {start} has no valid Content-Length; skipping ahead");
                return Some(Err(ReadError::at(&self.name, self.label(), reason)));
            };
            match self.read_record(&header, length) {
                Outcome::Skipped => continue,
                Outcome::Document(document) => return Some(Ok(*document)),
                Outcome::Failed(reason) => return Some(Err(ReadError::at(&self.name, self.label(), reason))),
                Outcome::Truncated(detail) => return Some(Err(self.truncated(start, detail))),
            }
        }
        None
    }
}

/// A `response` record: its HTTP head decides whether the body is read.
fn response_outcome(
    name: &str,
    record_number: usize,
    header: &WarcHeader,
    body: &mut impl BufRead,
) -> Outcome {
    let head = match http::read_response_head(body) {
        Err(error) => return Outcome::Truncated(Some(error.to_string())),
        Ok(Err(reason)) => return Outcome::Failed(format!("response record: {reason}")),
        Ok(Ok(head)) => head,
    };
    let media_type = head.media_type();
    let declared_html = media_type.as_deref().is_some_and(is_html_media_type);
    if !(200..300).contains(&head.status) || (media_type.is_some() && !declared_html) {
        return Outcome::Skipped;
    }
    let mut raw = Vec::new();
    let read = body.take(MAX_DOCUMENT_BYTES as u64 + 1).read_to_end(&mut raw);
    if let Err(error) = read {
        return Outcome::Truncated(Some(error.to_string()));
    }
    if raw.len() > MAX_DOCUMENT_BYTES {
        return Outcome::Failed(format!(
            "HTML payload over the {} MiB limit",
            mib(MAX_DOCUMENT_BYTES as u64)
        ));
    }
    let payload = match http::decode_payload(&head, raw) {
        Ok(payload) => payload,
        Err(reason) => return Outcome::Failed(reason),
    };
    if !declared_html && detect(&payload.bytes, Some("html")) != Detected::Html {
        return Outcome::Skipped;
    }
    if payload.bytes.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Failed("empty HTML payload".to_owned());
    }
    let url = header
        .get("warc-target-uri")
        .map(|uri| uri.trim_matches(['<', '>']).to_owned());
    let charset = head.header("content-type").and_then(charset_parameter);
    let tld = url.as_deref().and_then(top_level_domain);
    let decoded = decode_html(&payload.bytes, charset.as_deref(), tld.as_deref());
    let mut warnings = payload.warnings;
    warnings.extend(decoded.warnings);
    if let Some(reason) = header.get("warc-truncated") {
        warnings.push(format!(
            "capture truncated by the crawler (WARC-Truncated: {reason})"
        ));
    }
    let hints = Hints {
        url,
        captured: header.get("warc-date").map(str::to_owned),
        language: head
            .header("content-language")
            .and_then(|value| value.split(',').next())
            .and_then(iso_639_1),
        ..Hints::default()
    };
    Outcome::Document(Box::new(SourceDocument {
        origin: Origin {
            path: name.to_owned(),
            record: Some(format!("record {record_number}")),
        },
        format: InputFormat::Warc,
        kind: SourceKind::Html,
        content: decoded.text,
        hints,
        warnings,
    }))
}

fn is_html_media_type(media_type: &str) -> bool {
    matches!(media_type, "text/html" | "application/xhtml+xml")
}

/// The lower-case last label of a URL's host ("ru" for `https://ria.ru/x`),
/// to help charset detection; `None` for IP addresses and odd URLs.
fn top_level_domain(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://")?.1;
    let host_and_port = after_scheme.split(['/', '?', '#']).next()?;
    let host = host_and_port.rsplit('@').next()?.split(':').next()?;
    let label = host
        .trim_end_matches('.')
        .rsplit('.')
        .next()?
        .to_ascii_lowercase();
    (label.len() >= 2 && label.chars().all(|c| c.is_ascii_lowercase())).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_top_level_domain() {
        assert_eq!(top_level_domain("https://www.ria.ru/a/b").as_deref(), Some("ru"));
        assert_eq!(
            top_level_domain("http://user@example.co.uk:8080/").as_deref(),
            Some("uk")
        );
        assert_eq!(top_level_domain("http://127.0.0.1/"), None);
        assert_eq!(top_level_domain("not a url"), None);
    }
}
