//! Export: articles out, in formats other tools read.
//!
//! `parallax-export` owns the on-disk export formats (JSONL of the article
//! JSON contract, CSV with one flat row per article) and the rule that an
//! export file is never left half-written ([`AtomicFile`]). It must not read
//! the store or the network: callers hand it articles one at a time, so an
//! export of any size streams in constant memory. Events go out as GDELT 2.0
//! tables or PLOVER records ([`GdeltWriter`], [`PloverWriter`]).

mod atomic;
mod country_codes;
mod csv_rows;
mod events;
#[cfg(test)]
mod fixtures;
mod story_tables;
mod table;
mod tables;

pub use atomic::AtomicFile;
pub use country_codes::{country, Country};
pub use events::{global_event_id, EventMention, GdeltWriter, PloverWriter};
pub use story_tables::{StoryTable, STORY_TABLES};
pub use table::{Cell, Column, ColumnType, TableFormat, TableWriter};
pub use tables::{ArticleTable, TABLES};

use std::io::Write;

use parallax_core::Article;

/// The formats `parallax export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article JSON object per line (the documented contract; readable
    /// back by `parallax ingest`).
    Jsonl,
    /// One row per article with flat metadata columns and the body.
    Csv,
}

/// An export failure.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("export: {0}")]
    Io(#[from] std::io::Error),
    /// CSV encoding failed.
    #[error("export: {0}")]
    Csv(#[from] csv::Error),
    /// JSON encoding failed.
    #[error("export: {0}")]
    Json(#[from] serde_json::Error),
    /// Parquet encoding failed.
    #[error("export: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// A row did not fit its table.
    #[error("export: {0}")]
    Shape(String),
}

/// Writes articles one at a time in a chosen [`Format`].
pub struct ArticleWriter<W: Write> {
    inner: Inner<W>,
}

enum Inner<W: Write> {
    Jsonl(W),
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> ArticleWriter<W> {
    /// A writer of `format` onto `out` (CSV writes its header immediately).
    pub fn new(format: Format, out: W) -> Result<Self, ExportError> {
        let inner = match format {
            Format::Jsonl => Inner::Jsonl(out),
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(out);
                writer.write_record(csv_rows::HEADER)?;
                Inner::Csv(Box::new(writer))
            }
        };
        Ok(ArticleWriter { inner })
    }

    /// Writes one article.
    pub fn write(&mut self, article: &Article) -> Result<(), ExportError> {
        match &mut self.inner {
            Inner::Jsonl(out) => {
                serde_json::to_writer(&mut *out, article)?;
                out.write_all(b"\n")?;
            }
            Inner::Csv(writer) => writer.write_record(csv_rows::row(article))?,
        }
        Ok(())
    }

    /// Flushes and returns the underlying writer.
    pub fn finish(self) -> Result<W, ExportError> {
        match self.inner {
            Inner::Jsonl(mut out) => {
                out.flush()?;
                Ok(out)
            }
            Inner::Csv(writer) => writer.into_inner().map_err(|e| ExportError::Io(e.into_error())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::article;

    #[test]
    fn jsonl_round_trips_the_article() {
        let mut writer = ArticleWriter::new(Format::Jsonl, Vec::new()).unwrap();
        writer.write(&article()).unwrap();
        let bytes = writer.finish().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.lines().count(), 1);
        let back: Article = serde_json::from_str(text.trim_end()).unwrap();
        assert_eq!(back, article());
    }

    #[test]
    fn csv_has_header_and_quoted_fields() {
        let mut writer = ArticleWriter::new(Format::Csv, Vec::new()).unwrap();
        writer.write(&article()).unwrap();
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let record = reader.records().next().unwrap().unwrap();
        let field = |name: &str| {
            record
                .get(headers.iter().position(|h| h == name).unwrap())
                .unwrap()
                .to_owned()
        };
        assert_eq!(field("authors"), "Jane Doe; John Roe");
        assert_eq!(field("published_date"), "2025-09-04");
        assert_eq!(field("flags"), "paywalled");
        assert!(field("body").contains("\"quoted\""));
    }
}
