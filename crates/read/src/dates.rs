//! The few date shapes containers use — RFC 2822 (RSS `pubDate`), RFC 3339 /
//! ISO 8601 (Atom, JSON Feed, WARC) and news-please's `YYYY-MM-DD HH:MM:SS` —
//! turned into a [`PublishedDate`]. Deliberately minimal: dates in running
//! text are `parallax-extract`'s business.
//!
//! The calendar day is the one *in the stated offset*: "Thu, 04 Sep 2025
//! 23:30 -0400" was published on 4 September where it was written, even
//! though it was already the 5th in UTC.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use parallax_core::{DateProvenance, PublishedDate};

/// A parsed container date: what the article gets, and the instant (UTC;
/// midnight UTC for a bare date) for libraries that want one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ContainerDate {
    pub published: PublishedDate,
    pub instant: DateTime<Utc>,
}

/// Parses `raw` as a container date; `None` when it is none of the shapes.
pub(crate) fn parse_container_date(raw: &str, provenance: DateProvenance) -> Option<ContainerDate> {
    let text = raw.trim();
    if let Some(zoned) = parse_zoned(text) {
        let mut published = day(zoned.date_naive(), provenance, raw);
        published.timestamp = Some(zoned.to_rfc3339());
        return Some(ContainerDate {
            published,
            instant: zoned.with_timezone(&Utc),
        });
    }
    let naive_day = parse_naive_datetime(text)
        .map(|naive| naive.date())
        .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .or_else(|| rfc2822_day_ignoring_zone(text))?;
    Some(ContainerDate {
        published: day(naive_day, provenance, raw),
        instant: naive_day.and_hms_opt(0, 0, 0)?.and_utc(),
    })
}

/// A date-time with a stated offset, in RFC 3339 / ISO 8601 or RFC 2822.
fn parse_zoned(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        // "2025-09-04 10:00:00+02:00" and "2025-09-04T10:00:00+0200"
        .or_else(|| DateTime::parse_from_rfc3339(&text.replacen(' ', "T", 1)).ok())
        .or_else(|| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z").ok())
        .or_else(|| DateTime::parse_from_rfc2822(text).ok())
        // Feeds often state the wrong weekday, which strict RFC 2822 rejects.
        .or_else(|| DateTime::parse_from_rfc2822(without_weekday(text)?).ok())
}

/// A date-time without an offset: `2025-09-04 10:00:00`, `2025-09-04T10:00`.
fn parse_naive_datetime(text: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

/// RFC 2822 with a zone chrono does not know ("CEST", "IST"): the day is
/// still stated, the time of day is not usable without its offset.
fn rfc2822_day_ignoring_zone(text: &str) -> Option<NaiveDate> {
    let rest = without_weekday(text).unwrap_or(text);
    let mut fields = rest.split_whitespace();
    let date = format!("{} {} {}", fields.next()?, fields.next()?, fields.next()?);
    NaiveDate::parse_from_str(&date, "%d %b %Y").ok()
}

fn without_weekday(text: &str) -> Option<&str> {
    let (weekday, rest) = text.split_once(',')?;
    weekday
        .trim()
        .chars()
        .all(|c| c.is_ascii_alphabetic())
        .then_some(rest.trim_start())
}

fn day(date: NaiveDate, provenance: DateProvenance, raw: &str) -> PublishedDate {
    use chrono::Datelike;
    PublishedDate::day(date.year(), date.month(), date.day(), provenance).with_raw(raw.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::DatePrecision;

    fn parse(raw: &str) -> PublishedDate {
        parse_container_date(raw, DateProvenance::Feed)
            .expect(raw)
            .published
    }

    #[test]
    fn rfc2822_keeps_the_local_day_and_offset() {
        let date = parse("Thu, 04 Sep 2025 23:30:00 -0400");
        assert_eq!(date.date.as_deref(), Some("2025-09-04"));
        assert_eq!(date.precision, Some(DatePrecision::Day));
        assert_eq!(date.timestamp.as_deref(), Some("2025-09-04T23:30:00-04:00"));
        assert_eq!(date.raw.as_deref(), Some("Thu, 04 Sep 2025 23:30:00 -0400"));
        assert_eq!(date.provenance, Some(DateProvenance::Feed));
    }

    #[test]
    fn rfc2822_variants() {
        assert_eq!(
            parse("Fri, 04 Sep 2025 10:00:00 GMT").date.as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            parse("4 Sep 2025 10:00:00 +0000").date.as_deref(),
            Some("2025-09-04")
        );
        let unknown_zone = parse("Thu, 04 Sep 2025 10:00:00 CEST");
        assert_eq!(unknown_zone.date.as_deref(), Some("2025-09-04"));
        assert_eq!(unknown_zone.timestamp, None);
    }

    #[test]
    fn iso_shapes() {
        assert_eq!(
            parse("2025-09-04T10:00:00.123+02:00").timestamp.as_deref(),
            Some("2025-09-04T10:00:00.123+02:00")
        );
        assert_eq!(parse("2025-09-04T10:00:00Z").date.as_deref(), Some("2025-09-04"));
        let news_please = parse("2025-09-04 10:00:00");
        assert_eq!(news_please.date.as_deref(), Some("2025-09-04"));
        assert_eq!(news_please.timestamp, None);
        assert_eq!(parse("2025-09-04").date.as_deref(), Some("2025-09-04"));
    }

    #[test]
    fn rejects_what_it_does_not_know() {
        for raw in ["", "yesterday", "2025-13-45", "Sept. 5", "99999999999"] {
            assert!(
                parse_container_date(raw, DateProvenance::Jsonl).is_none(),
                "{raw}"
            );
        }
    }
}
