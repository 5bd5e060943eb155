//! The story report: the public JSON contract of `parallax story ID --json`
//! (documented field by field in `docs/stories.md`). Fields are added, never
//! renamed. Every fact carries the articles that report it and the byte spans
//! it was read from, so nothing in the report stands without evidence.

use std::collections::BTreeMap;

use parallax_core::{DatePrecision, Qualifier, QuoteKind, Span, SpeechAct};
use serde::{Deserialize, Serialize};

/// One story assembled from its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryReport {
    /// The story id given to [`crate::assemble`].
    pub id: String,
    /// How quotes and sentences were compared: `"lexical"` (character
    /// n-gram TF-IDF cosine plus content-word overlap), or the name of the
    /// embedding model when one was used.
    pub similarity_mode: String,
    /// The articles of the story, sorted by id.
    pub articles: Vec<ArticleRef>,
    /// The story's happenings in date order (see [`TimelineEntry`]): each
    /// merges every article's report of one happening. Happenings no article
    /// dates are in `undated`, long-past ones in `background`.
    pub timeline: Vec<TimelineEntry>,
    /// Happenings dated well before the story's first report (a 2014
    /// annexation recalled in a 2025 story), in date order: context, kept
    /// apart from the story's own timeline.
    #[serde(default)]
    pub background: Vec<TimelineEntry>,
    /// Happenings of articles whose publication date is unknown and cannot
    /// be inferred, dated only relative to that article ("on Friday"):
    /// nothing places them on the calendar, so they are listed apart rather
    /// than given an invented date.
    #[serde(default)]
    pub undated: Vec<UndatedEntry>,
    /// Quotes grouped by statement: one entry per thing a speaker said, with
    /// every outlet's wording.
    pub statements: Vec<Statement>,
    /// Events merged across articles, each with all its mentions.
    pub events: Vec<StoryEvent>,
    /// Figures counting the same thing, grouped across articles and reconciled.
    pub figures: Vec<FigureGroup>,
    /// People, organisations and places of the story, most widely reported first.
    pub actors: Vec<Actor>,
    /// Which article reported which fact, spellings and wording differences.
    pub coverage: Coverage,
    /// Disagreements between articles: figures, dates, speakers.
    pub conflicts: Vec<Conflict>,
    /// A short extractive briefing, 3–5 sentences, each citing its sources.
    pub briefing: Vec<BriefingSentence>,
}

/// An article of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// The article id (as in the store and the article JSON).
    pub id: String,
    /// Outlet name, else its domain; `null` when unknown.
    pub outlet: Option<String>,
    /// How to name the article to a reader when citing it: its outlet, else
    /// the agency it credits ("Agence France-Presse copy"), else its headline,
    /// else its first words — never just its id.
    #[serde(default)]
    pub label: String,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), `null` when unknown.
    pub published: Option<String>,
    /// Confidence of `published` when it was inferred from the story rather
    /// than stated by the article (absent when stated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_inferred: Option<f32>,
    /// Canonical URL, when known.
    pub url: Option<String>,
}

/// A span of one article, with its text for reading.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Article id.
    pub article: String,
    /// Byte span into that article's `body`.
    pub span: Span,
    /// The text of the span (a sentence, a quote, a figure).
    pub text: String,
}

/// A happening of the story: every article's report of it, merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the start, for a range).
    pub date: String,
    /// Precision of `date`.
    pub precision: DatePrecision,
    /// Last day of a range ("last week" → its Sunday), when the date is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// True when the date is only the publication date of the articles
    /// (the sentences give none): a guess, marked as such.
    pub date_from_publication: bool,
    /// The confidence of the date when it rests on a publication date
    /// inferred from the story (a relative "on Wednesday" in an undated
    /// article); absent when an article states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_inferred: Option<f32>,
    /// One line saying who did what ("Putin invites Zelenskyy to come to
    /// Moscow (Beijing)"): templated from a sentence whose actor and verb the
    /// text states plainly, else the speaker and their words, else the lead
    /// sentence shortened.
    pub summary: String,
    /// Where it happened, when the reports say (display name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The fact the summary comes from: an `events[].id` or `statements[].id`;
    /// empty when the summary comes from a sentence no fact was coded in.
    pub fact: String,
    /// Every event and statement reported in the entry's sentences.
    #[serde(default)]
    pub facts: Vec<String>,
    /// Articles reporting it, sorted.
    pub sources: Vec<String>,
    /// The sentences it rests on, by article and span.
    pub evidence: Vec<Evidence>,
}

/// A happening dated only relative to an article whose own date is unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UndatedEntry {
    /// The time expression as written ("on Friday", "last week", "Monday's").
    pub when: String,
    /// The article it is relative to (whose publication date is unknown).
    pub relative_to: String,
    /// One line, made as [`TimelineEntry::summary`].
    pub summary: String,
    /// Where it happened, when the report says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The fact the summary comes from (may be empty), and all facts reported.
    pub fact: String,
    /// Every event and statement reported in the entry's sentences.
    pub facts: Vec<String>,
    /// Articles reporting it, sorted.
    pub sources: Vec<String>,
    /// The sentences it rests on.
    pub evidence: Vec<Evidence>,
}

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementSpeaker {
    /// Canonical entity key (`person:sybiha-andrii`), or `source:<name>` for
    /// a non-person source ("Kyiv's air force").
    pub key: String,
    /// Display name.
    pub name: String,
}

/// One thing a speaker said, as each article quotes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// `s1`, `s2`, … in order of the first quote (article id, span).
    pub id: String,
    /// The speaker; `null` when no article names one.
    pub speaker: Option<StatementSpeaker>,
    /// When it was said, from a time expression in a quote's sentence
    /// ("said on Wednesday"); `null` when no article states it.
    pub date: Option<String>,
    /// Precision of `date`.
    pub precision: Option<DatePrecision>,
    /// True when no quote's own sentence dates it and the date comes from an
    /// earlier sentence of the article quoting the same speaker ("Putin said
    /// on Wednesday …" followed by "Putin also said …").
    pub date_from_context: bool,
    /// The speech acts of the cues ("claim", "invitation"), deduplicated.
    pub acts: Vec<SpeechAct>,
    /// Every article's wording, sorted by article id and span.
    pub quotes: Vec<StatementQuote>,
    /// Articles quoting it, sorted.
    pub sources: Vec<String>,
}

/// One article's wording of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementQuote {
    /// Article id.
    pub article: String,
    /// The quoted words.
    pub text: String,
    /// Span of the quote in the article's body.
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The speaker as this article names it (its canonical name for the
    /// entity, e.g. "Andrii Sybiha"); `null` when unattributed.
    pub speaker_as_written: Option<String>,
    /// Similarity of this wording to the statement's first quote, in `[0, 1]`.
    pub similarity: f32,
}

/// An actor of a merged event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryActor {
    /// Canonical entity key, when any mention resolved to one.
    pub key: Option<String>,
    /// Display name (canonical name, else the words as written).
    pub name: String,
    /// CAMEO actor code ("RUSGOV").
    pub code: String,
}

/// An event merged across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryEvent {
    /// `e1`, `e2`, … in order of the first mention (article id, span).
    pub id: String,
    /// CAMEO code of the most specific mention.
    pub cameo: String,
    /// CAMEO root code (two digits).
    pub cameo_root: String,
    /// PLOVER event type.
    pub plover: String,
    /// Who acts.
    pub source: Option<StoryActor>,
    /// Who is acted upon.
    pub target: Option<StoryActor>,
    /// Where, as the mentions name it.
    pub place: Option<String>,
    /// Whether it happened, is planned, denied…: the modality most mentions
    /// give (the first mention's on a tie); mentions that negate it are
    /// never merged with mentions that do not.
    pub modality: parallax_core::Modality,
    /// The date stated by the mentions (the most precise); else the
    /// earliest publication date when `date_from_publication`.
    pub date: Option<String>,
    /// Precision of `date`.
    pub precision: Option<DatePrecision>,
    /// True when no mention states a date and `date` is a publication date.
    pub date_from_publication: bool,
    /// Every mention: evidence sentence per article.
    pub mentions: Vec<EventMention>,
    /// Articles mentioning it, sorted.
    pub sources: Vec<String>,
}

/// One article's mention of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// Article id.
    pub article: String,
    /// Span of the evidence sentence.
    pub span: Span,
    /// Span of the trigger words.
    pub trigger: Span,
    /// The evidence sentence.
    pub text: String,
    /// The date this mention states, when it states one.
    pub date: Option<String>,
    /// Similarity of this evidence sentence to the first mention's, in `[0, 1]`.
    pub similarity: f32,
}

/// Whether the figures of a group agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Agreement {
    /// All values are compatible once qualifiers are read ("more than 500"
    /// and 502 + 24 = 526).
    Consistent,
    /// No single value satisfies every statement: listed in `conflicts`.
    Conflict,
}

/// Figures of several articles counting the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    /// `f1`, `f2`, … in order of the first figure (article id, span).
    pub id: String,
    /// What is counted ("drone and missile"), as the first figure says.
    pub counts: String,
    /// Unit when the figures measure ("percent").
    pub unit: Option<String>,
    /// Whether they agree.
    pub agreement: Agreement,
    /// Lowest value every statement allows, when one does.
    pub low: Option<f64>,
    /// Highest value every statement allows (`null`: unbounded or conflict).
    pub high: Option<f64>,
    /// Each article's figure.
    pub mentions: Vec<FigureMention>,
    /// Articles giving it, sorted.
    pub sources: Vec<String>,
}

/// One article's figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureMention {
    /// Article id.
    pub article: String,
    /// Span of the figure (for a sum, from the first part to the last).
    pub span: Span,
    /// The words of the figure.
    pub text: String,
    /// Value (for a sum of parts, the sum).
    pub value: f64,
    /// Exact, at least, at most, approximately.
    pub qualifier: Qualifier,
    /// True when the value is the sum of several figures of one sentence
    /// ("502 drones and 24 missiles" → 526 "drone and missile").
    pub summed: bool,
    /// The sentence it stands in.
    pub sentence: Span,
}

/// One entity's spellings in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spelling {
    /// Article id.
    pub article: String,
    /// The names as written in that article, deduplicated, sorted.
    pub forms: Vec<String>,
}

/// A person, organisation, country or place of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical entity key.
    pub key: String,
    /// Canonical name.
    pub name: String,
    /// Entity type (`person`, `organization`, `country`, `place`, `group`, `misc`).
    #[serde(rename = "type")]
    pub entity_type: parallax_core::EntityType,
    /// Wikidata QID, when known.
    pub kb_id: Option<String>,
    /// Roles: offices from the knowledge base ("foreign-minister UKR since
    /// 2024-09") and the titles articles use ("the Kremlin chief").
    pub roles: Vec<String>,
    /// Names as written, per article (names only, not titles or pronouns).
    pub spellings: Vec<Spelling>,
    /// Articles mentioning it, sorted.
    pub sources: Vec<String>,
    /// Mentions in all articles (names, titles, pronouns).
    pub mentions: usize,
}

/// What an article does with a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cell {
    /// The article reports the fact.
    Reported,
    /// The article does not mention it.
    Omitted,
    /// The article reports it with a value or date other articles contradict.
    Conflicting,
}

/// One row of the coverage matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageRow {
    /// The fact: an `events[].id`, `statements[].id` or `figures[].id`.
    pub fact: String,
    /// `event`, `statement` or `figure`.
    pub kind: String,
    /// A short label for reading.
    pub label: String,
    /// Article id → what it does with the fact (every article of the story).
    pub cells: BTreeMap<String, Cell>,
}

/// An entity written differently by different articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpellingVariant {
    /// Canonical entity key.
    pub key: String,
    /// Canonical name.
    pub name: String,
    /// The spellings, per article.
    pub spellings: Vec<Spelling>,
}

/// A modifier some articles put before a word and others do not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordingDifference {
    /// The modified word, lower-cased ("annexed").
    pub term: String,
    /// The modifier ("illegally", "so-called").
    pub modifier: String,
    /// Where the modifier is used.
    pub with_modifier: Vec<Evidence>,
    /// Where the same word stands without it.
    pub without_modifier: Vec<Evidence>,
}

/// The coverage matrix and the differences in how articles say things.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// One row per fact reported by at least two articles, then the rest.
    pub rows: Vec<CoverageRow>,
    /// Per article: how many facts it reports, omits, and states in conflict.
    pub totals: BTreeMap<String, CoverageTotals>,
    /// Entities spelt differently across articles.
    pub spellings: Vec<SpellingVariant>,
    /// Evaluative modifiers present in some articles' wording and not others'.
    pub wording: Vec<WordingDifference>,
}

/// Counts of one article's column of the matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageTotals {
    /// Facts it reports.
    pub reported: usize,
    /// Facts other articles report and it does not.
    pub omitted: usize,
    /// Facts it states in conflict with another article.
    pub conflicting: usize,
}

/// What kind of disagreement a conflict is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// Two figures for the same thing that cannot both be true.
    Figure,
    /// Two dates for the same event.
    Date,
    /// The same words attributed to different people.
    Speaker,
}

/// A disagreement between articles, citing both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Figure, date or speaker.
    pub kind: ConflictKind,
    /// The fact(s) concerned (`f2`, `e4`, `s3`).
    pub facts: Vec<String>,
    /// One line saying what disagrees.
    pub description: String,
    /// Each side's span.
    pub evidence: Vec<Evidence>,
}

/// One sentence of the briefing, copied from an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefingSentence {
    /// The sentence as written in the first source.
    pub text: String,
    /// Articles that report the same thing (a sentence similar to it), sorted.
    pub sources: Vec<String>,
    /// The sentence in each source article.
    pub evidence: Vec<Evidence>,
}
