//! JSON inputs: JSONL (one object per line, streamed line by line with a
//! bounded line length) and single JSON files (one pretty-printed object, as
//! news-please writes them, or an array of objects). What each object becomes
//! is [`record`]'s concern.

mod record;

use std::io::BufRead;

use parallax_core::SourceDocument;

use crate::limits::{mib, MAX_LINE_BYTES};
use crate::lines::{read_line_bounded, Line};
use crate::ReadError;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Streams the documents of a JSONL input, one per non-blank line.
pub(crate) struct JsonlDocuments {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line_number: usize,
    buffer: Vec<u8>,
    finished: bool,
}

impl JsonlDocuments {
    pub(crate) fn new(name: String, reader: Box<dyn BufRead + Send>) -> Self {
        JsonlDocuments {
            name,
            reader,
            line_number: 0,
            buffer: Vec::new(),
            finished: false,
        }
    }

    fn label(&self) -> String {
        format!("line {}", self.line_number)
    }
}

impl Iterator for JsonlDocuments {
    type Item = Result<SourceDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            let line = read_line_bounded(&mut self.reader, &mut self.buffer, MAX_LINE_BYTES);
            self.line_number += 1;
            match line {
                Ok(Line::End) => self.finished = true,
                Err(error) => {
                    self.finished = true;
                    return Some(Err(ReadError::at(&self.name, self.label(), error.to_string())));
                }
                Ok(Line::TooLong { consumed }) => {
                    let reason = format!(
                        "line too long ({} MiB > {} MiB limit)",
                        mib(consumed as u64),
                        mib(MAX_LINE_BYTES as u64)
                    );
                    return Some(Err(ReadError::at(&self.name, self.label(), reason)));
                }
                Ok(Line::Complete { .. }) => {
                    let line = self.buffer.strip_prefix(UTF8_BOM).unwrap_or(&self.buffer);
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let label = self.label();
                    let document = serde_json::from_slice(line)
                        .map_err(|error| format!("invalid JSON: {error}"))
                        .and_then(|value| {
                            record::document_from_value(&self.name, Some(label.clone()), value)
                        });
                    return Some(document.map_err(|reason| ReadError::at(&self.name, label, reason)));
                }
            }
        }
        None
    }
}

/// A whole JSON file: one object (one document) or an array of objects
/// (`record N` each).
pub(crate) fn read_json_document(name: &str, bytes: &[u8]) -> Vec<Result<SourceDocument, ReadError>> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match serde_json::from_slice(bytes) {
        Err(error) => vec![Err(ReadError::whole(name, format!("invalid JSON: {error}")))],
        Ok(serde_json::Value::Array(values)) => values
            .into_iter()
            .enumerate()
            .map(|(index, value)| {
                let label = format!("record {}", index + 1);
                record::document_from_value(name, Some(label.clone()), value)
                    .map_err(|reason| ReadError::at(name, label, reason))
            })
            .collect(),
        Ok(value) => {
            vec![record::document_from_value(name, None, value)
                .map_err(|reason| ReadError::whole(name, reason))]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_lines(text: &str) -> Vec<Result<SourceDocument, ReadError>> {
        JsonlDocuments::new(
            "a.jsonl".into(),
            Box::new(std::io::Cursor::new(text.as_bytes().to_vec())),
        )
        .collect()
    }

    #[test]
    fn a_bad_line_is_reported_and_reading_goes_on() {
        let results = read_lines("{\"maintext\": \"one\"}\n\n{not json}\n{\"maintext\": \"three\"}\n");
        assert_eq!(results.len(), 3);
        assert_eq!(results[0].as_ref().unwrap().content, "one");
        let error = results[1].as_ref().unwrap_err();
        assert_eq!(error.origin.record.as_deref(), Some("line 3"));
        assert!(error.reason.starts_with("invalid JSON: "), "{}", error.reason);
        assert_eq!(
            results[2].as_ref().unwrap().origin.record.as_deref(),
            Some("line 4")
        );
    }

    #[test]
    fn pretty_printed_object_and_array() {
        let single = read_json_document("a.json", b"{\n \"maintext\": \"body\"\n}");
        assert_eq!(single.len(), 1);
        assert_eq!(single[0].as_ref().unwrap().origin.record, None);
        let array = read_json_document("a.json", b"[{\"maintext\": \"a\"}, 3]");
        assert_eq!(
            array[0].as_ref().unwrap().origin.record.as_deref(),
            Some("record 1")
        );
        assert_eq!(
            array[1].as_ref().unwrap_err().origin.record.as_deref(),
            Some("record 2")
        );
    }
}
