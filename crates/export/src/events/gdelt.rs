//! GDELT 2.0 Event (61 tab-separated columns) and Mentions (16 columns)
//! tables, no header, as GDELT publishes them, so tools written for GDELT
//! load Parallax's events unchanged. Where Parallax does not know a value
//! (tone, actor locations, religion codes) the field is empty rather than
//! made up; GDELT's own files leave such fields empty too.

use std::io::Write;

use chrono::NaiveDateTime;
use parallax_core::{Article, EventActor, EventPlace};

use super::fields::{char_offset, clean, sentence_number, DateParts};
use super::EventMention;
use crate::country_codes::country;
use crate::ExportError;

/// Column names of the Event table, in order (GDELT 2.0 codebook).
pub const EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Column names of the Mentions table, in order.
pub const MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// CAMEO codes of groups GDELT files under `KnownGroupCode` when they follow
/// an IGO/NGO/IMG/MNC prefix ("IGOUNO" → UNO).
const GROUP_PREFIXES: [&str; 4] = ["IGO", "NGO", "IMG", "MNC"];

/// A stable numeric id for an article's event: GDELT ids are integers, and
/// the same event must get the same id in every export. 53 bits, so
/// spreadsheet and JavaScript readers keep it exact.
pub fn global_event_id(article_id: &str, index: usize) -> u64 {
    let hash = blake3::hash(format!("{article_id}#{index}").as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(bytes) & ((1 << 53) - 1)
}

/// Writes the Event and Mentions tables side by side.
pub struct GdeltWriter<E: Write, M: Write> {
    events: E,
    mentions: M,
    added: String,
}

impl<E: Write, M: Write> GdeltWriter<E, M> {
    /// `added` becomes DATEADDED / EventTimeDate: when the events entered
    /// the export (GDELT's "date added to the master database").
    pub fn new(events: E, mentions: M, added: NaiveDateTime) -> Self {
        GdeltWriter {
            events,
            mentions,
            added: added.format("%Y%m%d%H%M%S").to_string(),
        }
    }

    /// Writes one event: the first mention is the representative whose
    /// coding fills the Event row; every mention gets a Mentions row.
    pub fn write(&mut self, mentions: &[EventMention<'_>]) -> Result<(), ExportError> {
        let Some(first) = mentions.first() else {
            return Ok(());
        };
        let id = global_event_id(&first.article.id, first.index);
        let row = self.event_row(id, first, mentions);
        debug_assert_eq!(row.len(), EVENT_COLUMNS.len());
        writeln!(self.events, "{}", row.join("\t"))?;
        for mention in mentions {
            let row = self.mention_row(id, mention);
            debug_assert_eq!(row.len(), MENTION_COLUMNS.len());
            writeln!(self.mentions, "{}", row.join("\t"))?;
        }
        Ok(())
    }

    /// Flushes and hands back both writers.
    pub fn finish(mut self) -> Result<(E, M), ExportError> {
        self.events.flush()?;
        self.mentions.flush()?;
        Ok((self.events, self.mentions))
    }

    fn event_row(&self, id: u64, first: &EventMention<'_>, mentions: &[EventMention<'_>]) -> Vec<String> {
        let event = first.event;
        let mut row = vec![id.to_string()];
        row.extend(date_columns(event.date.as_ref().and_then(DateParts::of)));
        row.extend(actor_columns(event.source.as_ref()));
        row.extend(actor_columns(event.target.as_ref()));
        row.push(if is_root_event(first) { "1" } else { "0" }.to_string());
        row.push(clean(&event.cameo.code));
        row.push(clean(&event.cameo.base));
        row.push(clean(&event.cameo.root));
        row.push(event.cameo.quad_class.to_string());
        row.push(format!("{:.1}", event.cameo.goldstein));
        let mut articles: Vec<&str> = mentions.iter().map(|m| m.article.id.as_str()).collect();
        articles.sort_unstable();
        articles.dedup();
        let mut sources: Vec<String> = mentions.iter().map(|m| source_name(m.article)).collect();
        sources.sort_unstable();
        sources.dedup();
        row.push(mentions.len().to_string());
        row.push(sources.len().to_string());
        row.push(articles.len().to_string());
        row.push(String::new()); // AvgTone: Parallax does not score tone.
        row.extend(geo_columns(None)); // Actor1Geo: actor locations are not coded.
        row.extend(geo_columns(None)); // Actor2Geo
        row.extend(geo_columns(event.place.as_ref()));
        row.push(self.added.clone());
        row.push(clean(&source_identifier(first.article)));
        row
    }

    fn mention_row(&self, id: u64, mention: &EventMention<'_>) -> Vec<String> {
        let article = mention.article;
        let event = mention.event;
        let body = article.body.as_str();
        let offset = |byte: Option<usize>| {
            byte.and_then(|b| char_offset(body, b))
                .map_or_else(|| "-1".to_string(), |c| c.to_string())
        };
        vec![
            id.to_string(),
            self.added.clone(),
            mention_time(article).unwrap_or_else(|| self.added.clone()),
            if article.url.is_some() { "1" } else { "2" }.to_string(),
            clean(&source_name(article)),
            clean(&source_identifier(article)),
            sentence_number(article, event.span.start).map_or_else(String::new, |n| n.to_string()),
            offset(event.source.as_ref().map(|a| a.span.start)),
            offset(event.target.as_ref().map(|a| a.span.start)),
            offset(Some(event.trigger.start)),
            if in_raw_text(article, event) { "1" } else { "0" }.to_string(),
            ((event.confidence.clamp(0.0, 1.0) * 100.0).round() as u32).to_string(),
            body.chars().count().to_string(),
            String::new(), // MentionDocTone
            String::new(), // MentionDocTranslationInfo
            String::new(), // Extras
        ]
    }
}

/// SQLDATE, MonthYear, Year, FractionDate. A coarser date fills only the
/// columns it can: a month-precision event gets no SQLDATE rather than an
/// invented first of the month.
fn date_columns(parts: Option<DateParts>) -> [String; 4] {
    let Some(DateParts { year, month, day }) = parts else {
        return Default::default();
    };
    let sql_date = match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}{m:02}{d:02}"),
        _ => String::new(),
    };
    let month_year = month.map_or_else(String::new, |m| format!("{year:04}{m:02}"));
    // GDELT's definition: YYYY + (MONTH * 30 + DAY) / 365.
    let fraction = match (month, day) {
        (Some(m), Some(d)) => format!("{:.4}", f64::from(year) + f64::from(m * 30 + d) / 365.0),
        _ => String::new(),
    };
    [sql_date, month_year, format!("{year:04}"), fraction]
}

/// Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
/// Religion2Code, Type1Code, Type2Code, Type3Code.
fn actor_columns(actor: Option<&EventActor>) -> [String; 10] {
    let Some(actor) = actor else {
        return Default::default();
    };
    let rest = match actor.country.as_deref() {
        Some(country) if actor.code.starts_with(country) => &actor.code[country.len()..],
        _ => actor.code.as_str(),
    };
    let chunks: Vec<&str> = (0..rest.len() / 3)
        .filter_map(|i| rest.get(i * 3..i * 3 + 3))
        .collect();
    let (known_group, types): (String, Vec<&str>) = match chunks.as_slice() {
        [prefix, group, more @ ..] if GROUP_PREFIXES.contains(prefix) => (
            group.to_string(),
            std::iter::once(*prefix).chain(more.iter().copied()).collect(),
        ),
        _ => (String::new(), chunks),
    };
    let name = actor.name.as_deref().unwrap_or(&actor.text).to_uppercase();
    let type_code = |i: usize| types.get(i).map_or_else(String::new, |t| t.to_string());
    [
        clean(&actor.code),
        clean(&name),
        clean(actor.country.as_deref().unwrap_or_default()),
        known_group,
        String::new(),
        String::new(),
        String::new(),
        type_code(0),
        type_code(1),
        type_code(2),
    ]
}

/// Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long,
/// FeatureID. Type 0 and empty fields when there is no place, or when the
/// place matched no country or gazetteer feature: GDELT's type 0 means "no
/// geographic match", and its files leave every other field empty then.
fn geo_columns(place: Option<&EventPlace>) -> [String; 8] {
    let no_place = || std::array::from_fn(|i| if i == 0 { "0".to_string() } else { String::new() });
    let Some(place) = place else {
        return no_place();
    };
    let country = place.country.as_deref().and_then(country);
    let fips = country.map(|c| c.fips).unwrap_or_default();
    let is_us = country.is_some_and(|c| c.iso2 == "US");
    // GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    let geo_type = match place.feature.as_deref() {
        Some("country") => 1,
        Some("subdivision") => {
            if is_us {
                2
            } else {
                5
            }
        }
        Some("city") => {
            if is_us {
                3
            } else {
                4
            }
        }
        _ if country.is_some() => 1,
        _ => return no_place(),
    };
    let full_name = match (geo_type, country) {
        (1, Some(c)) => c.name.to_string(),
        (_, Some(c)) => format!("{}, {}", place.name, c.name),
        _ => place.name.clone(),
    };
    let coordinate = |value: Option<f64>| value.map_or_else(String::new, |v| format!("{v:.4}"));
    let feature_id = match (geo_type, place.geonames_id) {
        (_, Some(id)) => id.to_string(),
        (1, None) => fips.to_string(),
        _ => String::new(),
    };
    [
        geo_type.to_string(),
        clean(&full_name),
        fips.to_string(),
        // Without an ADM1 crosswalk GDELT's convention is the country code.
        fips.to_string(),
        String::new(),
        coordinate(place.lat),
        coordinate(place.lon),
        feature_id,
    ]
}

/// GDELT marks events from the lead paragraph as root events.
fn is_root_event(mention: &EventMention<'_>) -> bool {
    let first_paragraph = mention.article.paragraphs.first().map(|p| p.span.end);
    first_paragraph.is_some_and(|end| mention.event.span.start < end)
}

/// False when an actor was found only through a pronoun or title (GDELT's
/// InRawText = 0: "required additional processing beyond the raw text").
fn in_raw_text(article: &Article, event: &parallax_core::Event) -> bool {
    let indirect = |actor: &EventActor| {
        article.analysis.entities.iter().any(|mention| {
            mention.span == actor.span && !matches!(mention.form, parallax_core::MentionForm::Name)
        })
    };
    ![event.source.as_ref(), event.target.as_ref()]
        .into_iter()
        .flatten()
        .any(indirect)
}

/// The outlet as GDELT names sources: its domain, else its name.
fn source_name(article: &Article) -> String {
    article
        .outlet
        .domain
        .clone()
        .or_else(|| article.outlet.name.clone())
        .unwrap_or_default()
}

/// The URL, or for articles read from files without one, their path.
fn source_identifier(article: &Article) -> String {
    article.url.clone().unwrap_or_else(|| article.source_path.clone())
}

/// The article's publication time as YYYYMMDDHHMMSS, when its day is known.
fn mention_time(article: &Article) -> Option<String> {
    if let Some(stamp) = article.published.timestamp.as_deref() {
        if let Ok(time) = chrono::DateTime::parse_from_rfc3339(stamp) {
            return Some(time.naive_utc().format("%Y%m%d%H%M%S").to_string());
        }
    }
    let date = article.published.date.as_deref()?;
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(day.format("%Y%m%d000000").to_string())
}
