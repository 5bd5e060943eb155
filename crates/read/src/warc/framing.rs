//! WARC record framing: the `WARC/1.x` version line and the named fields up
//! to the blank line. Bodies are not read here; the caller takes exactly
//! `Content-Length` bytes next. Lines are read with a bound, so a stream that
//! is not WARC (or a damaged stretch of one) cannot make a header grow without
//! limit.

use std::io::{self, BufRead};

use crate::limits::MAX_HEADER_BYTES;
use crate::lines::{read_line_bounded, Line};

use super::counted::Counted;

/// The named fields of one WARC record, names lower-cased.
#[derive(Debug, Default)]
pub(crate) struct WarcHeader {
    fields: Vec<(String, String)>,
}

impl WarcHeader {
    /// The first field called `name` (lower-case), trimmed.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.trim())
    }

    /// `Content-Length`, when present and a number.
    pub(crate) fn content_length(&self) -> Option<u64> {
        self.get("content-length")?.parse().ok()
    }
}

/// What was found where a record should begin.
#[derive(Debug)]
pub(crate) enum Framing {
    /// The stream ended cleanly between records.
    End,
    /// A complete header block.
    Record(WarcHeader),
    /// The stream ended inside the header block.
    Truncated,
    /// A non-blank line that is not a `WARC/` version line.
    NotWarc,
    /// A header block over [`MAX_HEADER_BYTES`].
    TooLarge,
}

/// Reads the next record's header; returns the byte offset where it starts.
/// With `resync`, lines before the next `WARC/` line are skipped instead of
/// being reported as [`Framing::NotWarc`].
pub(crate) fn read_header<R: BufRead>(
    reader: &mut Counted<R>,
    buffer: &mut Vec<u8>,
    resync: bool,
) -> io::Result<(u64, Framing)> {
    let start = loop {
        let start = reader.offset();
        match read_line_bounded(reader, buffer, MAX_HEADER_BYTES)? {
            Line::End => return Ok((start, Framing::End)),
            Line::Complete { .. } if buffer.starts_with(b"WARC/") => break start,
            Line::Complete { .. } if buffer.iter().all(u8::is_ascii_whitespace) => continue,
            _ if resync => continue,
            _ => return Ok((start, Framing::NotWarc)),
        }
    };
    let mut header = WarcHeader::default();
    let mut header_bytes = 0usize;
    loop {
        let consumed = match read_line_bounded(reader, buffer, MAX_HEADER_BYTES)? {
            Line::End => return Ok((start, Framing::Truncated)),
            Line::TooLong { .. } => return Ok((start, Framing::TooLarge)),
            Line::Complete { consumed } => consumed,
        };
        header_bytes += consumed;
        if header_bytes > MAX_HEADER_BYTES {
            return Ok((start, Framing::TooLarge));
        }
        if buffer.is_empty() {
            return Ok((start, Framing::Record(header)));
        }
        let line = String::from_utf8_lossy(buffer);
        if line.starts_with([' ', '\t']) {
            // A folded continuation of the previous field (WARC 1.0 allows it).
            if let Some((_, value)) = header.fields.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            header
                .fields
                .push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(bytes: &[u8], resync: bool) -> (u64, Framing) {
        let mut reader = Counted::new(io::Cursor::new(bytes.to_vec()));
        read_header(&mut reader, &mut Vec::new(), resync).unwrap()
    }

    #[test]
    fn reads_fields_until_the_blank_line() {
        let (start, framing) = frame(
            b"\r\n\r\nWARC/1.1\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\nbody",
            false,
        );
        assert_eq!(start, 4);
        let Framing::Record(header) = framing else {
            panic!("expected a record, got {framing:?}")
        };
        assert_eq!(header.get("warc-type"), Some("response"));
        assert_eq!(header.content_length(), Some(12));
    }

    #[test]
    fn reports_truncation_and_junk() {
        assert!(matches!(
            frame(b"WARC/1.0\r\nWARC-Type: resp", false).1,
            Framing::Truncated
        ));
        assert!(matches!(frame(b"garbage\r\n", false).1, Framing::NotWarc));
        assert!(matches!(
            frame(b"garbage\r\nWARC/1.0\r\n\r\n", true).1,
            Framing::Record(_)
        ));
        assert!(matches!(frame(b"", false).1, Framing::End));
    }
}
