//! An article built straight from plain text (paragraphs at blank lines, no
//! metadata), for benchmarks, evaluations and tests that feed the analysis
//! from a corpus rather than through the readers and extractors.

use parallax_core::{content_hash, Article, InputFormat, Outlet, PublishedDate, SCHEMA_VERSION};

use crate::sentences::paragraphs_between_blank_lines;

/// An unanalysed article whose body is `text` (trimmed), with the given id
/// and publication date and nothing else known.
pub fn article_from_text(id: &str, text: &str, published: PublishedDate) -> Article {
    let body = text.trim().to_owned();
    let paragraphs = paragraphs_between_blank_lines(&body);
    Article {
        schema_version: SCHEMA_VERSION.to_owned(),
        id: id.to_owned(),
        content_hash: content_hash(&body),
        source_path: String::new(),
        source_record: None,
        format: InputFormat::Text,
        url: None,
        title: None,
        outlet: Outlet::default(),
        authors: vec![],
        agencies: vec![],
        published,
        captured: None,
        language: Some("en".into()),
        body,
        paragraphs,
        removed: vec![],
        flags: vec![],
        warnings: vec![],
        analysis: Default::default(),
    }
}
