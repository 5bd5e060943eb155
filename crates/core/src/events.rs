//! Political events coded from one sentence: who did what to whom, when and
//! where, in CAMEO (as GDELT uses it) and PLOVER (as POLECAT uses it). Each
//! event cites its evidence sentence and trigger by byte span into `body`.

use serde::{Deserialize, Serialize};

use crate::{DatePrecision, Span};

/// One event as a sentence states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Event {
    /// Span of the evidence sentence.
    pub span: Span,
    /// Span of the words that express the action ("launched", "invitation").
    pub trigger: Span,
    /// The actor who acts, when the sentence names one.
    pub source: Option<EventActor>,
    /// The actor acted upon, when the sentence names one.
    pub target: Option<EventActor>,
    /// CAMEO coding.
    pub cameo: CameoCode,
    /// PLOVER coding.
    pub plover: PloverCode,
    /// Whether the event happened, is denied, planned, conditional, …
    pub modality: Modality,
    /// True when the event is known only through someone's statement (a
    /// quote or reported speech), not stated by the reporter as observed.
    pub reported: bool,
    /// When it happened (or is planned), from the sentence's own time
    /// expression when it has one, else the article's publication date.
    pub date: Option<EventDate>,
    /// Where it happened, from the sentence.
    pub place: Option<EventPlace>,
    /// Indexes into the article's `figures` that the event counts ("502 drones").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<usize>,
    /// Index into the article's `quotes` when the event is a reported statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<usize>,
    /// Confidence in the whole coding, in `[0, 1]`.
    pub confidence: f32,
}

/// An actor coded the CAMEO way: country plus role ("RUSGOV", "UKRMIL").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EventActor {
    /// The mention as written ("Moscow", "Sybiha", "the Kremlin chief").
    pub text: String,
    /// Its span in `body`.
    pub span: Span,
    /// Canonical name of the entity it resolves to ("Andrii Sybiha"), when known.
    pub name: Option<String>,
    /// Canonical entity key (joins with `entities[].key`), when known.
    pub key: Option<String>,
    /// Knowledge-base id (Wikidata QID) when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<String>,
    /// Full CAMEO actor code ("UKRGOV", "USAMIL", "IGOUNO").
    pub code: String,
    /// CAMEO country code (ISO 3166 alpha-3, "RUS"), when the actor has one.
    pub country: Option<String>,
    /// First CAMEO role code ("GOV", "MIL", "REB"), when known.
    pub role: Option<String>,
}

/// CAMEO coding of the action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CameoCode {
    /// Full event code ("0311", "195").
    pub code: String,
    /// Base code: the first three digits ("031").
    pub base: String,
    /// Root code: the first two digits ("03").
    pub root: String,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein scale, -10 to +10.
    pub goldstein: f32,
}

/// PLOVER coding of the action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PloverCode {
    /// Event type ("CONSULT", "ACCUSE", "ASSAULT", "REJECT").
    pub event_type: String,
    /// Mode within the type ("aerial", "visit"), when one applies.
    pub mode: Option<String>,
    /// Contexts ("military", "ceasefire", "economic"), possibly empty.
    #[serde(default)]
    pub context: Vec<String>,
}

/// Whether and how the sentence says the event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as having happened or happening.
    Asserted,
    /// Stated as not having happened ("ruled out", "has not received").
    Negated,
    /// Planned, scheduled or announced for the future ("is set to head to Paris").
    Future,
    /// Only under a condition ("if he dares").
    Conditional,
    /// Possible, proposed or demanded but not done ("could meet", "wants to").
    Possible,
}

/// The date an event is placed at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EventDate {
    /// ISO date (`YYYY-MM-DD`, or shorter with coarser precision); `null`
    /// when the relation is known but cannot be resolved yet.
    pub date: Option<String>,
    /// Precision of `date`.
    pub precision: Option<DatePrecision>,
    /// Index into the article's `times` the date comes from; absent when it
    /// falls back to the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<usize>,
    /// True when the date is the article's publication date because the
    /// sentence gives none (a guess, marked as such).
    pub from_publication: bool,
}

/// Where an event happened, geocoded from the gazetteer where possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EventPlace {
    /// The place as written ("Kostiantynivka").
    pub name: String,
    /// Its span in `body`.
    pub span: Span,
    /// Canonical entity key of the place.
    pub key: Option<String>,
    /// Country (ISO 3166 alpha-3), when known.
    pub country: Option<String>,
    /// Latitude, when the gazetteer has it.
    pub lat: Option<f64>,
    /// Longitude, when the gazetteer has it.
    pub lon: Option<f64>,
    /// What the gazetteer matched: "country", "subdivision" or "city"
    /// (GDELT's geo type is derived from it); `null` when not geocoded.
    #[serde(default)]
    pub feature: Option<String>,
    /// GeoNames id of the matched city, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
}
