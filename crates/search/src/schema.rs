//! The index's schema: which fields a document has, how text is tokenised,
//! and the version that says when an existing index must be rebuilt.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::Index;

/// Bumped whenever fields or tokenisation change: an index written with
/// another version is discarded and rebuilt from the store.
pub const SCHEMA_VERSION: &str = "parallax-search 2";

/// Tokens this long or longer (URLs, garbage) are dropped.
pub const MAX_TOKEN_BYTES: usize = 40;

/// Name under which [`text_analyzer`] is registered.
const TEXT_TOKENIZER: &str = "parallax_text";

/// `kind` value of an article document.
pub const KIND_ARTICLE: &str = "article";
/// `kind` value of a quote document.
pub const KIND_QUOTE: &str = "quote";

/// Handles to every field, resolved once per index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `article` or `quote`.
    pub kind: Field,
    /// Article id (a quote's article for a quote): deletes an article with
    /// its quotes, and lists what is indexed.
    pub article: Field,
    /// Current revision of an article when it was indexed (article documents only).
    pub revision: Field,
    /// Body hash of the indexed revision (article documents only).
    pub content_hash: Field,
    /// Headline (stored, for display; searched through `text`).
    pub title: Field,
    /// Article body or quote text (stored, for snippets; searched through `text`).
    pub body: Field,
    /// Quote speaker's name (stored; searched through `text`).
    pub speaker: Field,
    /// What a word may match, in one field, so that a word is one posting
    /// list rather than a union of several (the union was most of
    /// ranking's and counting's cost). An article document: its headline
    /// twice (a headline match weighs about as much as two in the body) and
    /// its body. A quote document: its text and its speaker's name — not its
    /// article's headline, or every quote of an article headlined "Trump …"
    /// would match `Trump`, whoever spoke and whatever was said. Values are
    /// indexed with a position gap, so a phrase does not run from the
    /// headline into the body.
    pub text: Field,
    /// A quote document's `text` again, so that "quotes only" is a choice
    /// of field rather than a filter beside the words (a filter stops the
    /// top-k collector from skipping postings). Quotes are short: this adds
    /// a few percent to the index.
    pub quote_text: Field,
    /// Outlet name (exact filter and facet).
    pub outlet: Field,
    /// Publication date as stored (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
    pub published: Field,
    /// Publication date as a number `YYYYMMDD` (month or day 00 when
    /// unknown); range filters, year facet and date ordering.
    pub day: Field,
    /// The same number, indexed (not a fast field) for the date filters:
    /// tantivy runs a range over a fast field by scanning the column of
    /// every document (a 2019–2020 filter cost several times a whole
    /// search), over an indexed field by reading the postings of the dates
    /// in the range into a bitset.
    pub day_filter: Field,
    /// Entity keys (exact; filter, expansion guards and facet).
    pub entity: Field,
    /// The same keys again (`entity_match`: every document's;
    /// `speaker_entity`: quote documents' speaker keys, beside
    /// `quote_text`), indexed with frequencies and without length norms: a
    /// match through an expanded entity is then a plain term query with the
    /// same score in every document (see `run::Matcher::entity`), which
    /// block-max WAND can prune like the words.
    pub entity_match: Field,
    pub speaker_entity: Field,
    /// `key\tname` per entity: the facet label (fast field only).
    pub entity_label: Field,
    /// Mentions as `key\tsurface text`, so a hit found through an
    /// entity key can highlight the spelling the article uses (stored only).
    pub mention: Field,
    /// CAMEO roots ("19") and PLOVER types ("ASSAULT") of the events.
    pub event: Field,
    /// Quote span in the article body (quote documents only).
    pub span_start: Field,
    pub span_end: Field,
}

/// The schema and its field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let searched = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let exact_facet = (STRING | STORED).set_fast(None);
    let key_match = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqs)
            .set_fieldnorms(false),
    );
    let fields = Fields {
        kind: builder.add_text_field("kind", STRING | FAST),
        article: builder.add_text_field("article", exact_facet.clone()),
        revision: builder.add_u64_field("revision", FAST | STORED),
        content_hash: builder.add_text_field("content_hash", TextOptions::default().set_fast(None)),
        title: builder.add_text_field("title", STORED),
        body: builder.add_text_field("body", STORED),
        speaker: builder.add_text_field("speaker", STORED),
        text: builder.add_text_field("text", searched.clone()),
        quote_text: builder.add_text_field("quote_text", searched),
        outlet: builder.add_text_field("outlet", exact_facet.clone()),
        published: builder.add_text_field("published", STORED),
        day: builder.add_u64_field("day", FAST),
        day_filter: builder.add_u64_field("day_filter", INDEXED),
        entity: builder.add_text_field("entity", STRING),
        entity_match: builder.add_text_field("entity_match", key_match.clone()),
        speaker_entity: builder.add_text_field("speaker_entity", key_match),
        entity_label: builder.add_text_field("entity_label", TextOptions::default().set_fast(None)),
        mention: builder.add_text_field("mention", STORED),
        event: builder.add_text_field("event", exact_facet),
        span_start: builder.add_u64_field("span_start", STORED),
        span_end: builder.add_u64_field("span_end", STORED),
    };
    (builder.build(), fields)
}

/// The analyser of searched text: words split on non-alphanumerics,
/// lower-cased, accents folded ("Zelenskyy" and "Zelénskyy" match), English
/// stems ("strikes" matches "strike"); overlong tokens (URLs, garbage)
/// dropped.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Registers the analyser on an index (it is not persisted by tantivy).
pub fn register_tokenizers(index: &Index) {
    index.tokenizers().register(TEXT_TOKENIZER, text_analyzer());
}
