use serde::{Deserialize, Serialize};

use crate::PublishedDate;

/// The container format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Scraped plain text with optional header lines.
    Text,
    /// An HTML page (possibly gzip-compressed).
    Html,
    /// A WARC archive record.
    Warc,
    /// An RSS 2.0 / Atom / JSON Feed item.
    Feed,
    /// A JSONL record (news-please shape or Parallax's own export).
    Jsonl,
}

/// Whether the document's content is markup to extract from or text already.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// HTML (a page, a WARC response, a feed item's `content:encoded`).
    Html,
    /// Plain text (a scraped `.txt`, a JSONL `maintext`).
    Text,
}

/// Where a document came from: the file and, inside containers, the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Origin {
    /// The path as the user gave it (or `-` for standard input).
    pub path: String,
    /// Position inside a container, e.g. `record 3` (WARC), `item 2` (feed),
    /// `line 17` (JSONL); `None` for single-document files.
    pub record: Option<String>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.record {
            Some(record) => write!(f, "{} ({record})", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// Metadata a container states about a document before extraction looks at
/// its content: a WARC target URI, a feed item's title, a JSONL `date_publish`.
/// Extraction prefers these where they are explicit and records provenance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Hints {
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// Title stated by the container.
    pub title: Option<String>,
    /// Publication date stated by the container, already parsed.
    pub published: Option<PublishedDate>,
    /// Authors stated by the container.
    pub authors: Vec<String>,
    /// Outlet name stated by the container (`source …` header, feed title).
    pub outlet_name: Option<String>,
    /// Outlet domain stated by the container (`source_domain`).
    pub outlet_domain: Option<String>,
    /// ISO 639-1 language stated by the container.
    pub language: Option<String>,
    /// When the page was captured (WARC-Date), RFC 3339.
    pub captured: Option<String>,
    /// A previously extracted Parallax article read back from its own export:
    /// extraction then keeps it as it is instead of re-deriving it.
    #[schemars(skip)]
    #[serde(skip)]
    pub article: Option<Box<crate::Article>>,
}

/// One document as a reader found it, before extraction: decoded content plus
/// whatever its container said about it. The hand-off from `parallax-read` to
/// `parallax-extract`.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDocument {
    /// Where it came from.
    pub origin: Origin,
    /// The container format.
    pub format: InputFormat,
    /// Whether `content` is HTML or text.
    pub kind: SourceKind,
    /// The decoded content (UTF-8).
    pub content: String,
    /// Metadata the container stated.
    pub hints: Hints,
    /// Non-fatal problems met while reading (e.g. "decoded as windows-1252").
    pub warnings: Vec<String>,
}
