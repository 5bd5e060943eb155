//! Per-article annotations produced by the analysis stage. Every annotation
//! carries a [`Span`] into the article's `body`.

use serde::{Deserialize, Serialize};

use crate::{DatePrecision, Event, Span};

/// Everything the analysis stage adds to an article. Flattened into the
/// article JSON, so each list is a top-level field (`sentences`, `entities`,
/// `quotes`, `figures`, `times`, `events`); empty when the article was not analysed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Analysis {
    /// Sentences of the body, in order.
    #[serde(default)]
    pub sentences: Vec<Sentence>,
    /// Entity mentions (names, titles, pronouns) with their identities.
    #[serde(default)]
    pub entities: Vec<EntityMention>,
    /// Quotes and reported statements with their speakers.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Quantities with what they count.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Time expressions, resolved against the publication date when known.
    #[serde(default)]
    pub times: Vec<TimeExpression>,
    /// Political events coded from the sentences (CAMEO and PLOVER).
    #[serde(default)]
    pub events: Vec<Event>,
}

/// A sentence of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Sentence {
    /// Byte span in `body`.
    pub span: Span,
    /// Index of the paragraph (in `paragraphs`) the sentence belongs to.
    pub paragraph: usize,
}

/// What kind of thing an entity is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation (company, party, agency, armed group, ministry).
    Organization,
    /// A country or other state-level political entity.
    Country,
    /// Any other place: city, region, body of water, building.
    Place,
    /// A group named by nationality, religion or politics ("Ukrainians", "Russian").
    Group,
    /// Another named thing (an event, a law, a product).
    Misc,
}

/// How an entity is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// By name ("Vladimir Putin", "Putin").
    Name,
    /// By title or description ("the Kremlin chief", "the Russian leader").
    Title,
    /// By pronoun ("he", "his").
    Pronoun,
}

/// One mention of an entity in the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EntityMention {
    /// Byte span of the mention in `body`.
    pub span: Span,
    /// Entity type of what is meant. For metonymy ("Moscow launched…",
    /// "the Kremlin said") this is the actor (an organisation: the
    /// government), with `metonym_of` naming the place.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Canonical key uniting spellings and transliterations across articles
    /// (e.g. `person:zelensky-volodymyr`, `place:luhansk`).
    pub key: String,
    /// Display name of the entity ("Volodymyr Zelensky").
    pub canonical: String,
    /// Wikidata QID from the knowledge base, when known.
    pub kb_id: Option<String>,
    /// Name, title or pronoun.
    pub form: MentionForm,
    /// Index of the entity (within this article) the mention belongs to: all
    /// mentions of one real entity share it.
    pub entity: usize,
    /// When a place name stands for its government or institution, the key of
    /// the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metonym_of: Option<String>,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

/// Direct, partial or indirect speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full quotation in quotation marks.
    Direct,
    /// A quoted phrase inside the reporter's sentence (calling it "an ultimatum").
    Partial,
    /// Reported speech without quotation marks ("Putin said Russia was ready…").
    Indirect,
}

/// The person a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Speaker {
    /// The person it resolves to ("Volodymyr Zelensky").
    pub name: String,
    /// Canonical entity key.
    pub key: String,
    /// Span of the mention the attribution attaches to (e.g. the pronoun "he").
    pub span: Span,
}

/// The speech act a cue expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SpeechAct {
    /// Asserting ("said", "noted", "added").
    Claim,
    /// Denying or rejecting ("denied", "dismissed", "rejected").
    Denial,
    /// Accusing or criticising ("accused", "blasted", "denounced").
    Accusation,
    /// Inviting ("invited").
    Invitation,
    /// Demanding or urging ("demanded", "called for", "urged").
    Demand,
    /// Warning or threatening ("warned", "threatened").
    Warning,
    /// Promising or agreeing ("promised", "agreed", "pledged").
    Commitment,
    /// Asking ("asked", "wondered").
    Question,
    /// Announcing ("announced", "confirmed").
    Announcement,
    /// Written or posted ("wrote on X", "posted").
    Writing,
}

/// The words that introduce a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Cue {
    /// The cue as written ("said", "according to", "sneered").
    pub text: String,
    /// Its span in `body`.
    pub span: Span,
    /// Lemma of the cue verb ("say", "sneer").
    pub lemma: String,
    /// What kind of speech act it is.
    pub act: SpeechAct,
}

/// A quotation or reported statement with its attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Quote {
    /// The quoted content, without quotation marks (pieces of a split quote
    /// joined by " … ").
    pub text: String,
    /// Span of the content (for a split quote, from the first piece's start
    /// to the last piece's end).
    pub span: Span,
    /// Spans of each piece of a split or multi-paragraph quote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The person speaking, or `null` when the source is not a person or is unknown.
    pub speaker: Option<Speaker>,
    /// A non-person source as written ("Kyiv's air force", "the Ukrainian
    /// Constitution"), when the statement comes from one.
    pub source: Option<String>,
    /// Who relays the statement when it is second-hand ("RBC-Ukraine" in
    /// "news agency RBC-Ukraine reports"; "Reuters").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<String>,
    /// The cue, when there is one.
    pub cue: Option<Cue>,
    /// Confidence in the attribution, in `[0, 1]`.
    pub confidence: f32,
}

/// Qualifier of a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// Stated exactly ("502 drones").
    Exact,
    /// A lower bound ("more than 500", "at least seven", "over").
    AtLeast,
    /// An upper bound ("fewer than", "up to", "at most").
    AtMost,
    /// Approximate ("about", "around", "nearly", "some").
    Approximately,
}

/// A quantity with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Figure {
    /// Span of the whole figure ("more than 500 drones and missiles").
    pub span: Span,
    /// The number as a value (number words and fractions included: "nine" = 9,
    /// "one-fifth" = 0.2, "three-and-a-half" = 3.5).
    pub value: f64,
    /// What it counts, as written and lower-cased, singular ("drone",
    /// "drone and missile", "civilian", "country", "year").
    pub counts: Option<String>,
    /// Unit when the number measures rather than counts ("percent", "km", "usd").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Exact, at least, at most, approximately.
    pub qualifier: Qualifier,
    /// For a part of a whole ("430 of the drones"), what it is a part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
}

/// How a time expression relates to the article's publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum TimeRelation {
    /// Stands on its own ("September 7, 2022", "in 2014").
    Absolute,
    /// A month and day without a year ("Sept. 5", "in May"): the year comes
    /// from the publication date.
    YearlessDate {
        /// Month 1–12.
        month: u32,
        /// Day of month, when given.
        day: Option<u32>,
    },
    /// A weekday near the publication date ("on Wednesday", "Monday's talks",
    /// "next Monday").
    Weekday {
        /// 0 = Monday … 6 = Sunday.
        weekday: u32,
        /// -1 for the most recent one on or before publication ("on
        /// Wednesday", "last Wednesday"), +1 for the next one after ("next
        /// Monday"), 0 when the text does not say (resolved as the nearest in
        /// the past, the news convention).
        direction: i32,
    },
    /// An offset from the publication date in days, weeks, months or years
    /// ("yesterday" = -1 day, "last week" = -1 week, "last night").
    Offset {
        /// Signed amount.
        amount: i32,
        /// "day", "week", "month" or "year".
        unit: String,
    },
}

/// A time expression, normalised when the publication date allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TimeExpression {
    /// Span in `body`.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// How it relates to the publication date.
    pub relation: TimeRelation,
    /// Resolved date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or `null` when it
    /// needs a publication date that is unknown.
    pub date: Option<String>,
    /// End of a range (`last week` → the week's Sunday), when a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Precision of `date`.
    pub precision: Option<DatePrecision>,
    /// Part of day when stated ("early", "night", "morning").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of_day: Option<String>,
    /// Part of a longer period when stated: "early", "mid" or "late" for
    /// "early 2022", "mid-September", "the end of May"; "earlier" or "later"
    /// for "earlier this month".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of_period: Option<String>,
}
