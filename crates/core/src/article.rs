use serde::{Deserialize, Serialize};

use crate::{InputFormat, Outlet, PublishedDate, Span};

/// What a paragraph of the clean body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ParagraphKind {
    /// Running text.
    Paragraph,
    /// A sub-heading inside the article ("Frontline attacks").
    Heading,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A block quotation.
    Blockquote,
}

/// One paragraph of the clean body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Paragraph {
    /// Byte span of the paragraph in `body`.
    pub span: Span,
    /// Paragraph, heading, list item or block quote.
    pub kind: ParagraphKind,
}

/// A piece of the input that extraction removed, kept for audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Removed {
    /// The removed text (one line or block).
    pub text: String,
    /// The name of the rule that removed it (e.g. `paywall-promo`,
    /// `related-links`, `photo-caption`); see `docs/json.md` for the list.
    pub reason: String,
}

impl Removed {
    /// A removed text with the rule that removed it.
    pub fn new(text: impl Into<String>, reason: impl Into<String>) -> Self {
        Removed {
            text: text.into(),
            reason: reason.into(),
        }
    }
}

/// A property of the article a reader should know before trusting it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    /// The body stops at a paywall or sign-up prompt: not the full article.
    Paywalled,
    /// The body is visibly cut short (ends mid-sentence, starts mid-story,
    /// or the source said it was truncated).
    Truncated,
    /// No article text could be found.
    Empty,
    /// The body is very short (under ~40 words): possibly a stub or teaser.
    Short,
    /// The input was not valid UTF-8 and was decoded from another encoding.
    Transcoded,
}

/// An article as Parallax extracted it: clean body, paragraphs, metadata with
/// provenance, and what was removed. Later pipeline stages add annotations
/// whose spans point into `body`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Article {
    /// Version of this JSON shape (see [`crate::SCHEMA_VERSION`]).
    pub schema_version: String,
    /// Stable identifier: derived from the URL when known, otherwise from the
    /// content, so re-ingesting the same input gives the same id.
    pub id: String,
    /// BLAKE3 hex of `body`: two articles with equal hashes have equal text.
    pub content_hash: String,
    /// The file the article was read from, as given by the user.
    pub source_path: String,
    /// Position inside a container file (`record 3`, `item 2`, `line 17`).
    pub source_record: Option<String>,
    /// The container format it was read from.
    pub format: InputFormat,
    /// Canonical URL when known.
    pub url: Option<String>,
    /// Headline; `null` when none could be found.
    pub title: Option<String>,
    /// Outlet (publisher) with provenance.
    pub outlet: Outlet,
    /// Authors from the byline: people, never bios or "Email the author".
    pub authors: Vec<String>,
    /// News agencies credited ("Agence France-Presse", "Reuters"), kept apart
    /// from authors.
    pub agencies: Vec<String>,
    /// Publication date with precision and provenance (`date` null when unknown).
    pub published: PublishedDate,
    /// When the page was captured (WARC-Date), RFC 3339, if known.
    pub captured: Option<String>,
    /// ISO 639-1 code of the body's language, when it can be told.
    pub language: Option<String>,
    /// The clean text every span points into. Paragraphs are separated by a
    /// blank line ("\n\n").
    pub body: String,
    /// The paragraphs of `body`, in order.
    pub paragraphs: Vec<Paragraph>,
    /// What extraction removed, with the rule that removed it.
    pub removed: Vec<Removed>,
    /// Warnings a reader should see (paywalled, truncated, …).
    pub flags: Vec<Flag>,
    /// Non-fatal problems met while reading or extracting.
    pub warnings: Vec<String>,
    /// Annotations of the analysis stage (schema 1.1): top-level `sentences`,
    /// `entities`, `quotes`, `figures`, `times`.
    #[serde(flatten)]
    pub analysis: crate::Analysis,
}

impl Article {
    /// The text of a paragraph.
    pub fn paragraph_text(&self, paragraph: &Paragraph) -> &str {
        paragraph.span.slice(&self.body).unwrap_or("")
    }

    /// Checks the invariants every consumer relies on: spans in range and on
    /// character boundaries, paragraphs ordered and non-overlapping. Returns a
    /// description of the first violation.
    pub fn check_invariants(&self) -> Result<(), String> {
        let mut previous_end = 0;
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            let span = paragraph.span;
            if span.slice(&self.body).is_none() {
                return Err(format!("paragraph {i} span {span:?} is not a slice of the body"));
            }
            if span.start < previous_end {
                return Err(format!("paragraph {i} overlaps the previous one"));
            }
            previous_end = span.end;
        }
        if self.content_hash != crate::content_hash(&self.body) {
            return Err("content_hash does not match the body".to_owned());
        }
        Ok(())
    }
}
