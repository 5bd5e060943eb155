//! What a search returns. The serde form is a public JSON contract (the
//! HTTP API returns it as is): fields are added, never renamed.

use parallax_core::Span;
use serde::Serialize;

/// One page of results for a query.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    /// Number of matching documents (articles and/or quotes), counted up
    /// to a limit: see `total_is_lower_bound`.
    pub total: usize,
    /// `true` when more documents match than were counted: `total` is then
    /// the number counted, and the facets count those documents (the first
    /// matches in index order, not the best-ranked), so their counts are a
    /// sample of the whole match set, not exact.
    pub total_is_lower_bound: bool,
    /// The requested page of hits, best first.
    pub hits: Vec<SearchHit>,
    /// Counts over the documents counted in `total` (the whole match set
    /// unless `total_is_lower_bound`).
    pub facets: Facets,
    /// Query words that were recognised as entities and also matched
    /// through the entity's key ("also matching Sybiga").
    pub expanded: Vec<ExpandedTerm>,
    /// `true` when no document matched every word, so these results match
    /// any of them.
    pub relaxed: bool,
    /// Wall-clock time of the search, in milliseconds.
    pub took_ms: f64,
}

/// Whether a hit is a whole article or one quote in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HitKind {
    Article,
    Quote,
}

/// One matching article or quote.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// Article or quote.
    pub kind: HitKind,
    /// Id of the article (of the quote's article for a quote).
    pub article: String,
    /// The article's headline.
    pub title: Option<String>,
    /// The article's outlet name (or domain).
    pub outlet: Option<String>,
    /// Publication date as stored (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub published: Option<String>,
    /// Quotes only: the speaker's name.
    pub speaker: Option<String>,
    /// Quotes only: the quote's span in the article body.
    pub span: Option<Span>,
    /// Plain-text excerpt around the best match.
    pub snippet: String,
    /// Byte ranges `[start, end)` into `snippet` of the matched words.
    pub highlights: Vec<[usize; 2]>,
    /// BM25 relevance score (higher is better; comparable within one query).
    pub score: f32,
}

/// Counts of matching documents by outlet, year, entity and event type.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// By outlet name.
    pub outlets: Vec<FacetCount>,
    /// By publication year.
    pub years: Vec<FacetCount>,
    /// By entity key (label: the entity's name).
    pub entities: Vec<FacetCount>,
    /// By PLOVER event type (label: the type) and CAMEO root (label: `CAMEO 19`).
    pub events: Vec<FacetCount>,
}

/// One facet value and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The filter value (pass it back as `outlet=`, `entity=`, `event=`, or the year).
    pub value: String,
    /// Human-readable label.
    pub label: String,
    /// Number of matching documents.
    pub count: u64,
}

/// A query word that matched a known entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpandedTerm {
    /// The word or phrase as typed.
    pub word: String,
    /// The entity key it resolved to.
    pub key: String,
    /// The entity's canonical name.
    pub name: String,
}
