use serde::{Deserialize, Serialize};

/// How much of a date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// Only the year ("2025").
    Year,
    /// Year and month ("2025-09").
    Month,
    /// Full calendar day ("2025-09-04").
    Day,
}

/// Where a publication date was read from. Ordered roughly by how much a
/// reader should trust it for *publication* (a header or JSON-LD states it;
/// a date found in running text merely suggests it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DateProvenance {
    /// A header line of a scraped text file (`date 2025-09-04`).
    Header,
    /// schema.org `datePublished` in JSON-LD.
    JsonLd,
    /// A `<meta>` tag (`article:published_time`, `date`, `dc.date`, …).
    Meta,
    /// An HTML `<time datetime>` element.
    TimeElement,
    /// A date embedded in the URL path (`/2025/09/04/`).
    Url,
    /// A dateline or "Published …" line at the top of the text.
    Dateline,
    /// A date stated elsewhere in the text (weak evidence).
    Text,
    /// A feed item's `pubDate` / `published` / `date_published`.
    Feed,
    /// A JSONL record's `date_publish` (or Parallax's own `published`).
    Jsonl,
    /// Not stated by the article: inferred from other articles of its story.
    Inferred,
}

/// Publication date of an article with its precision and provenance.
///
/// `date` is `null` when nothing states it: Parallax never invents a date.
/// When it is known, `date` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` according to
/// `precision`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PublishedDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `null` when unknown.
    pub date: Option<String>,
    /// How much of the date is known; `null` when unknown.
    pub precision: Option<DatePrecision>,
    /// Where it came from; `null` when unknown.
    pub provenance: Option<DateProvenance>,
    /// Full timestamp (RFC 3339) when the source gave a time of day too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// The text the date was read from, for audit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// Confidence in `[0, 1]`; present for inferred or text-derived dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

impl PublishedDate {
    /// The unknown date.
    pub fn unknown() -> Self {
        PublishedDate::default()
    }

    /// True when no date is known.
    pub fn is_unknown(&self) -> bool {
        self.date.is_none()
    }

    /// A full calendar day.
    pub fn day(year: i32, month: u32, day: u32, provenance: DateProvenance) -> Self {
        PublishedDate {
            date: Some(format!("{year:04}-{month:02}-{day:02}")),
            precision: Some(DatePrecision::Day),
            provenance: Some(provenance),
            ..Default::default()
        }
    }

    /// A month of a year.
    pub fn month(year: i32, month: u32, provenance: DateProvenance) -> Self {
        PublishedDate {
            date: Some(format!("{year:04}-{month:02}")),
            precision: Some(DatePrecision::Month),
            provenance: Some(provenance),
            ..Default::default()
        }
    }

    /// A year.
    pub fn year(year: i32, provenance: DateProvenance) -> Self {
        PublishedDate {
            date: Some(format!("{year:04}")),
            precision: Some(DatePrecision::Year),
            provenance: Some(provenance),
            ..Default::default()
        }
    }

    /// Records the raw text the date was read from.
    pub fn with_raw(mut self, raw: impl Into<String>) -> Self {
        self.raw = Some(raw.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_serialises_with_nulls() {
        let json = serde_json::to_value(PublishedDate::unknown()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"date": null, "precision": null, "provenance": null})
        );
    }

    #[test]
    fn day_formats_and_names_provenance() {
        let json = serde_json::to_value(PublishedDate::day(2025, 9, 4, DateProvenance::JsonLd)).unwrap();
        assert_eq!(json["date"], "2025-09-04");
        assert_eq!(json["precision"], "day");
        assert_eq!(json["provenance"], "json-ld");
    }
}
