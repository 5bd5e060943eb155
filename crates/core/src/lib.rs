//! The shared data model of Parallax, and nothing else.
//!
//! `parallax-core` owns the types every other crate passes around: the
//! [`SourceDocument`] a reader produces, the [`Article`] extraction makes of it,
//! [`Span`]s (byte offsets into an article's clean `body`), [`PublishedDate`]
//! with its precision and provenance, and the [`Outlet`]. It must not do I/O,
//! parse HTML, know SQL or HTTP, or depend on any other Parallax crate: it is
//! the small, stable vocabulary of the pipeline, and its serde form is the
//! public JSON contract documented in `docs/json.md` (versioned by
//! [`SCHEMA_VERSION`]; fields are added, never renamed).

#![deny(missing_docs)]

mod annotations;
mod article;
mod date;
mod events;
mod hash;
mod source;
mod span;

pub use annotations::{
    Analysis, Cue, EntityMention, EntityType, Figure, MentionForm, Qualifier, Quote, QuoteKind, Sentence,
    Speaker, SpeechAct, TimeExpression, TimeRelation,
};
pub use article::{Article, Flag, Paragraph, ParagraphKind, Removed};
pub use date::{DatePrecision, DateProvenance, PublishedDate};
pub use events::{CameoCode, Event, EventActor, EventDate, EventPlace, Modality, PloverCode};
pub use hash::{content_hash, short_id};
pub use source::{Hints, InputFormat, Origin, SourceDocument, SourceKind};
pub use span::Span;

/// Version of the article JSON schema. Bumped (minor) when fields are added;
/// a major bump would mean a rename or removal, which the contract forbids.
pub const SCHEMA_VERSION: &str = "1.2";

/// Outlet (publisher) of an article: a human name and a canonical domain.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Outlet {
    /// Display name, e.g. "Euronews". `null` when nothing states it.
    pub name: Option<String>,
    /// Canonical registrable domain without `www.`, e.g. "euronews.com".
    pub domain: Option<String>,
    /// Where the outlet was learnt from (e.g. "meta", "json-ld", "url", "text", "jsonl").
    pub provenance: Option<String>,
}

impl Outlet {
    /// True when neither a name nor a domain is known.
    pub fn is_unknown(&self) -> bool {
        self.name.is_none() && self.domain.is_none()
    }
}
