//! The HTTP response inside a WARC `response` record: status line and headers,
//! then the payload undone from its transfer coding (chunked) and content
//! coding (gzip, deflate). Writers differ — some store the bytes as sent,
//! some store them decoded but keep the headers — so each decoding is applied
//! only when the payload actually looks encoded.

use std::io::{self, BufRead, Read};

use flate2::read::{DeflateDecoder, GzDecoder, ZlibDecoder};

use crate::limits::{mib, MAX_DOCUMENT_BYTES, MAX_HEADER_BYTES};
use crate::lines::{read_line_bounded, Line};

/// Status and headers of an HTTP response (header names lower-cased).
#[derive(Debug)]
pub(crate) struct HttpHead {
    pub status: u16,
    headers: Vec<(String, String)>,
}

impl HttpHead {
    /// The first header called `name` (lower-case), trimmed.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header == name)
            .map(|(_, value)| value.trim())
    }

    /// The media type of `Content-Type`, lower-cased, without parameters.
    pub(crate) fn media_type(&self) -> Option<String> {
        let value = self.header("content-type")?;
        let media_type = value.split(';').next()?.trim().to_ascii_lowercase();
        (!media_type.is_empty()).then_some(media_type)
    }
}

/// Reads the status line and headers. The inner `Err` says why the bytes are
/// not an HTTP response head.
pub(crate) fn read_response_head<R: BufRead>(reader: &mut R) -> io::Result<Result<HttpHead, String>> {
    let mut buffer = Vec::new();
    if !matches!(
        read_line_bounded(reader, &mut buffer, MAX_HEADER_BYTES)?,
        Line::Complete { .. }
    ) {
        return Ok(Err("no HTTP status line".to_owned()));
    }
    let status_line = String::from_utf8_lossy(&buffer).into_owned();
    let mut parts = status_line.split_whitespace();
    let status = match (parts.next(), parts.next().map(str::parse::<u16>)) {
        (Some(version), Some(Ok(status))) if version.starts_with("HTTP/") => status,
        _ => {
            return Ok(Err(format!(
                "not an HTTP status line: {:?}",
                truncate(&status_line, 60)
            )))
        }
    };
    let mut headers = Vec::new();
    let mut head_bytes = 0usize;
    loop {
        let consumed = match read_line_bounded(reader, &mut buffer, MAX_HEADER_BYTES)? {
            Line::Complete { consumed } => consumed,
            Line::End => return Ok(Err("HTTP headers not terminated by a blank line".to_owned())),
            Line::TooLong { .. } => return Ok(Err("HTTP header block too large".to_owned())),
        };
        head_bytes += consumed;
        if head_bytes > MAX_HEADER_BYTES {
            return Ok(Err("HTTP header block too large".to_owned()));
        }
        if buffer.is_empty() {
            return Ok(Ok(HttpHead { status, headers }));
        }
        if let Some((name, value)) = String::from_utf8_lossy(&buffer).split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
}

/// A payload with its transfer and content codings undone, plus notes about
/// what could not be undone cleanly.
pub(crate) struct Payload {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// Undoes `Transfer-Encoding: chunked` and `Content-Encoding: gzip|deflate`.
/// An encoding we cannot undo on bytes that are still encoded is an error.
pub(crate) fn decode_payload(head: &HttpHead, raw: Vec<u8>) -> Result<Payload, String> {
    let mut warnings = Vec::new();
    let mut bytes = raw;
    if has_token(head.header("transfer-encoding"), "chunked") {
        if let Some((dechunked, complete)) = dechunk(&bytes) {
            if !complete {
                warnings.push("chunked payload ends before its last chunk".to_owned());
            }
            bytes = dechunked;
        }
    }
    let coding = head.header("content-encoding").unwrap_or("").to_ascii_lowercase();
    bytes = match coding.trim() {
        "" | "identity" => bytes,
        "gzip" | "x-gzip" if bytes.starts_with(&[0x1f, 0x8b]) => {
            inflate(GzDecoder::new(bytes.as_slice())).map_err(|error| format!("gzip payload: {error}"))?
        }
        "deflate" if !looks_like_markup(&bytes) => inflate(ZlibDecoder::new(bytes.as_slice()))
            .or_else(|_| inflate(DeflateDecoder::new(bytes.as_slice())))
            .map_err(|error| format!("deflate payload: {error}"))?,
        _ if looks_like_markup(&bytes) => bytes,
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    Ok(Payload { bytes, warnings })
}

fn has_token(value: Option<&str>, token: &str) -> bool {
    value.is_some_and(|value| {
        value
            .split(',')
            .any(|part| part.trim().eq_ignore_ascii_case(token))
    })
}

/// Bytes that are already readable markup (the writer stored them decoded).
fn looks_like_markup(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let start = bytes[start..]
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes[start..]);
    start.first() == Some(&b'<')
}

/// Decompresses at most [`MAX_DOCUMENT_BYTES`]; a "zip bomb" fails instead.
fn inflate(decoder: impl Read) -> io::Result<Vec<u8>> {
    let mut output = Vec::new();
    decoder
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut output)?;
    if output.len() > MAX_DOCUMENT_BYTES {
        return Err(io::Error::other(format!(
            "decompresses to over the {} MiB limit",
            mib(MAX_DOCUMENT_BYTES as u64)
        )));
    }
    Ok(output)
}

/// The data of a chunked body and whether it reached its final zero-size
/// chunk; `None` when the bytes are not chunked at all (already dechunked).
fn dechunk(raw: &[u8]) -> Option<(Vec<u8>, bool)> {
    let mut output = Vec::with_capacity(raw.len());
    let mut rest = raw;
    loop {
        let line_end = rest.iter().position(|&byte| byte == b'\n')?;
        let size_line = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size_text = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Some((output, true));
        }
        if size > rest.len() {
            output.extend_from_slice(rest);
            return Some((output, false));
        }
        output.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest.strip_prefix(b"\r").unwrap_or(rest);
        rest = rest.strip_prefix(b"\n").unwrap_or(rest);
        if rest.is_empty() {
            return Some((output, false));
        }
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn head(headers: &str) -> HttpHead {
        let text = format!("HTTP/1.1 200 OK\r\n{headers}\r\n");
        read_response_head(&mut io::Cursor::new(text.into_bytes()))
            .unwrap()
            .unwrap()
    }

    #[test]
    fn parses_status_and_headers() {
        let head = head("Content-Type: text/html; charset=UTF-8\r\n");
        assert_eq!(head.status, 200);
        assert_eq!(head.media_type().as_deref(), Some("text/html"));
        let not_http = read_response_head(&mut io::Cursor::new(b"hello\r\n\r\n".to_vec())).unwrap();
        assert!(not_http.is_err());
    }

    #[test]
    fn undoes_chunking_and_gzip() {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(b"<p>hello</p>").unwrap();
        let gzipped = encoder.finish().unwrap();
        let mut chunked = format!("{:x}\r\n", gzipped.len()).into_bytes();
        chunked.extend_from_slice(&gzipped);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let head = head("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n");
        let payload = decode_payload(&head, chunked).unwrap();
        assert_eq!(payload.bytes, b"<p>hello</p>");
        assert!(payload.warnings.is_empty());
    }

    #[test]
    fn leaves_already_decoded_payloads_alone() {
        let head = head("Transfer-Encoding: chunked\r\nContent-Encoding: br\r\n");
        let payload = decode_payload(&head, b"<html>ok</html>".to_vec()).unwrap();
        assert_eq!(payload.bytes, b"<html>ok</html>");
        let error = decode_payload(&head, vec![0x8b, 0x01, 0x02]).err().unwrap();
        assert!(error.contains("unsupported Content-Encoding"));
    }
}
