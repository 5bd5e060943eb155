//! Single-document files: one HTML page or one scraped text. The text is
//! passed through as decoded — header lines such as `date …` or `url …` are
//! the text extractor's to interpret, not the reader's.

use parallax_core::{Hints, InputFormat, Origin, SourceDocument, SourceKind};

use crate::decode::{decode_html, decode_text, Decoded};
use crate::ReadError;

/// An HTML page, decoded per its BOM, `<meta charset>` or content.
pub(crate) fn html(name: &str, bytes: &[u8]) -> Result<SourceDocument, ReadError> {
    Ok(document(
        name,
        InputFormat::Html,
        SourceKind::Html,
        decode_html(bytes, None, None),
    ))
}

/// A scraped text, decoded per its BOM or content.
pub(crate) fn text(name: &str, bytes: &[u8]) -> Result<SourceDocument, ReadError> {
    Ok(document(
        name,
        InputFormat::Text,
        SourceKind::Text,
        decode_text(bytes),
    ))
}

fn document(name: &str, format: InputFormat, kind: SourceKind, decoded: Decoded) -> SourceDocument {
    SourceDocument {
        origin: Origin {
            path: name.to_owned(),
            record: None,
        },
        format,
        kind,
        content: decoded.text,
        hints: Hints::default(),
        warnings: decoded.warnings,
    }
}
