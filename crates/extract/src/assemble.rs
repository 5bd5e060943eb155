//! The extraction pipeline for one document: pick the extractor for its kind,
//! merge container hints with what the content says, and build the article.

use parallax_core::{content_hash, short_id, Article, Flag, SourceDocument, SourceKind, SCHEMA_VERSION};

use crate::blocks::join_blocks;
use crate::html::extract_html;
use crate::metadata::PageMetadata;
use crate::text::extract_text;

/// Bodies shorter than this many words are flagged [`Flag::Short`].
const SHORT_BODY_WORDS: usize = 40;

/// Extracts an article from one source document. Pure and deterministic.
pub fn extract(doc: &SourceDocument) -> Article {
    if let Some(article) = &doc.hints.article {
        return (**article).clone();
    }
    let extraction = match doc.kind {
        SourceKind::Html => extract_html(&doc.content, doc.hints.url.as_deref()),
        SourceKind::Text => extract_text(&doc.content),
    };
    let mut metadata = merge_hints(doc, extraction.metadata);
    let (body, paragraphs) = join_blocks(&extraction.blocks);
    // Pages and feeds rarely state a wire credit in markup, but the story's
    // dateline does ("GENEVA, March 4 (Reuters) -"); text extraction reads
    // it already, so this only fills what is still empty.
    if metadata.agencies.is_empty() {
        let first = paragraphs.first().and_then(|p| p.span.slice(&body)).unwrap_or("");
        metadata.agencies.extend(crate::credits::dateline_agency(first));
    }

    let mut flags = extraction.flags;
    if body.trim().is_empty() {
        flags.push(Flag::Empty);
    } else if body.split_whitespace().count() < SHORT_BODY_WORDS {
        flags.push(Flag::Short);
    }
    if doc.warnings.iter().any(|w| w.starts_with("decoded as")) {
        flags.push(Flag::Transcoded);
    }
    flags.sort();
    flags.dedup();

    let content_hash = content_hash(&body);
    let id = short_id(&identity_key(metadata.url.as_deref(), &content_hash));
    // Declared language first (page markup, then container); detection only
    // when nothing declares one, because declarations are usually right and
    // detection needs enough text to be reliable.
    let language = metadata
        .language
        .clone()
        .or_else(|| doc.hints.language.clone())
        .or_else(|| crate::language::detect_language(&body));
    Article {
        schema_version: SCHEMA_VERSION.to_owned(),
        id,
        content_hash,
        source_path: doc.origin.path.clone(),
        source_record: doc.origin.record.clone(),
        format: doc.format,
        url: metadata.url,
        title: metadata.title,
        outlet: metadata.outlet,
        authors: metadata.authors,
        agencies: metadata.agencies,
        published: metadata.published,
        captured: doc.hints.captured.clone(),
        language,
        body,
        paragraphs,
        removed: extraction.removed,
        flags,
        warnings: doc.warnings.clone(),
        analysis: Default::default(),
    }
}

/// The key an article's id derives from: its URL when known (so a changed
/// page keeps its id and becomes a revision), otherwise its content.
pub fn identity_key(url: Option<&str>, content_hash: &str) -> String {
    match url {
        Some(url) => format!("url:{url}"),
        None => format!("content:{content_hash}"),
    }
}

/// Container hints (WARC URI, feed title, JSONL fields) are explicit
/// statements about the document, so they win over what extraction inferred
/// from the content, except where the content is more precise.
fn merge_hints(doc: &SourceDocument, mut found: PageMetadata) -> PageMetadata {
    let hints = &doc.hints;
    if hints.url.is_some() {
        found.url = hints.url.clone();
    }
    if let Some(title) = hints.title.as_ref().filter(|t| !t.trim().is_empty()) {
        found.title = Some(title.trim().to_owned());
    }
    if let Some(published) = &hints.published {
        let more_precise = match (published.precision, found.published.precision) {
            (Some(hint), Some(content)) => hint >= content,
            (Some(_), None) => true,
            _ => false,
        };
        if more_precise {
            found.published = published.clone();
        }
    }
    if !hints.authors.is_empty() {
        found.authors = hints.authors.clone();
    }
    if let Some(name) = &hints.outlet_name {
        let domain = hints.outlet_domain.as_deref().or(found.url.as_deref());
        found.outlet.name = Some(crate::outlets::outlet_name_from_site_title(name, domain));
        found.outlet.provenance = Some(format!("{:?}", doc.format).to_lowercase());
    }
    if let Some(domain) = &hints.outlet_domain {
        found.outlet.domain = Some(domain.trim_start_matches("www.").to_owned());
    }
    if found.outlet.domain.is_none() {
        found.outlet.domain = found.url.as_deref().and_then(crate::metadata::domain_of);
    }
    found
}
