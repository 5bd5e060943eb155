//! Date parsing shared by all extractors: standalone date strings from
//! metadata, header lines and datelines ([`parse_date`]) and dates embedded
//! in URL paths ([`date_from_url`]).
//!
//! The rule throughout is that Parallax never invents a date: a string
//! without a year ("Sept. 5", "on Wednesday") gives `None`, an ambiguous
//! numeric date ("09/04/2025") gives `None`, and the precision says how much
//! of the date was actually written.

mod clock;
mod months;
mod numeric;
mod url_path;
mod words;

use chrono::NaiveDate;
use parallax_core::{DateProvenance, PublishedDate};

pub use months::month_number;
pub use url_path::date_from_url;

/// Texts longer than this are not "a date string": a date found deep in a
/// paragraph is text evidence, which is a different job.
const MAX_DATE_TEXT_BYTES: usize = 200;

/// Years accepted as publication years.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2099;

/// A calendar day found in a text, with the byte range it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FoundDay {
    date: NaiveDate,
    start: usize,
    end: usize,
}

impl FoundDay {
    /// A found day if year, month and day make a real calendar date in
    /// [`YEARS`].
    fn new(year: u32, month: u32, day: u32, start: usize, end: usize) -> Option<Self> {
        if !YEARS.contains(&year) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
        Some(FoundDay { date, start, end })
    }
}

/// Parses a standalone date string as found in metadata, headers or datelines: ISO 8601 date or
/// datetime (with offset/Z), RFC 2822 ("Thu, 04 Sep 2025 10:00:00 GMT"), "September 4, 2025", "Sept. 4, 2025",
/// "4 September 2025", "2025/09/04", "04.09.2025" (day-first where unambiguous), "September 2025" (month
/// precision), "2025" (year precision). Returns None for anything else, and for dates without a year (never
/// invent a year).
///
/// Sets `raw` to the trimmed input and `timestamp` (RFC 3339) when a time of day with a known zone follows
/// the date. Words around a day-precision date are allowed ("Published Sept. 4, 2025 at 10:00 a.m."); month
/// and year precision need the text to be (almost) only the date.
pub fn parse_date(text: &str, provenance: DateProvenance) -> Option<PublishedDate> {
    let raw = text.trim();
    if raw.is_empty() || raw.len() > MAX_DATE_TEXT_BYTES {
        return None;
    }
    if let Some(found) = find_day(raw) {
        let mut date = PublishedDate::day(
            chrono::Datelike::year(&found.date),
            chrono::Datelike::month(&found.date),
            chrono::Datelike::day(&found.date),
            provenance,
        )
        .with_raw(raw);
        date.timestamp = raw
            .get(found.end..)
            .and_then(|after| clock::timestamp_after(found.date, after));
        return Some(date);
    }
    if let Some((year, month)) = words::whole_month_year(raw) {
        if YEARS.contains(&u32::try_from(year).ok()?) {
            return Some(PublishedDate::month(year, month, provenance).with_raw(raw));
        }
        return None;
    }
    let year: u32 = raw.parse().ok().filter(|_| raw.len() == 4)?;
    YEARS
        .contains(&year)
        .then(|| PublishedDate::year(year as i32, provenance).with_raw(raw))
}

/// The earliest calendar day written in `text`, numeric or with a month name.
fn find_day(text: &str) -> Option<FoundDay> {
    [numeric::find_numeric_day(text), words::find_word_day(text)]
        .into_iter()
        .flatten()
        .min_by_key(|found| found.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::DatePrecision;

    fn day_of(text: &str) -> Option<String> {
        parse_date(text, DateProvenance::Meta).and_then(|d| d.date)
    }

    #[test]
    fn parses_iso_dates_and_datetimes() {
        assert_eq!(day_of("2025-09-04").as_deref(), Some("2025-09-04"));
        let d = parse_date("2025-09-04T10:00:00+02:00", DateProvenance::JsonLd).expect("iso datetime");
        assert_eq!(d.date.as_deref(), Some("2025-09-04"));
        assert_eq!(d.timestamp.as_deref(), Some("2025-09-04T10:00:00+02:00"));
        assert_eq!(d.provenance, Some(DateProvenance::JsonLd));
        assert_eq!(d.raw.as_deref(), Some("2025-09-04T10:00:00+02:00"));
        let z = parse_date("2025-09-04T08:00:00Z", DateProvenance::Meta).expect("zulu");
        assert_eq!(z.timestamp.as_deref(), Some("2025-09-04T08:00:00+00:00"));
        assert_eq!(day_of("20250904").as_deref(), Some("2025-09-04"));
    }

    #[test]
    fn local_time_without_zone_gives_date_but_no_timestamp() {
        let d = parse_date("2025-09-04 10:00:00", DateProvenance::Meta).expect("date");
        assert_eq!(d.date.as_deref(), Some("2025-09-04"));
        assert_eq!(d.timestamp, None);
    }

    #[test]
    fn parses_rfc_2822() {
        let d = parse_date("Thu, 04 Sep 2025 10:00:00 GMT", DateProvenance::Feed).expect("rfc 2822");
        assert_eq!(d.date.as_deref(), Some("2025-09-04"));
        assert_eq!(d.timestamp.as_deref(), Some("2025-09-04T10:00:00+00:00"));
        let d = parse_date("Thu, 04 Sep 2025 10:00:00 +0300", DateProvenance::Feed).expect("rfc 2822");
        assert_eq!(d.timestamp.as_deref(), Some("2025-09-04T10:00:00+03:00"));
    }

    #[test]
    fn parses_month_name_forms() {
        for text in [
            "September 4, 2025",
            "Sept. 4, 2025",
            "Sep 4 2025",
            "September 4th, 2025",
            "4 September 2025",
            "4th of September 2025",
            "04 Sep 2025",
            "Published Sept. 4, 2025 at 10:00 a.m. ET",
            "Updated: Thursday, September 4, 2025",
            "4 de septiembre de 2025",
            "4. September 2025",
            "4 сентября 2025",
        ] {
            assert_eq!(day_of(text).as_deref(), Some("2025-09-04"), "{text}");
        }
    }

    #[test]
    fn parses_numeric_forms() {
        assert_eq!(day_of("2025/09/04").as_deref(), Some("2025-09-04"));
        assert_eq!(day_of("04.09.2025").as_deref(), Some("2025-09-04"));
        assert_eq!(day_of("25/09/2025").as_deref(), Some("2025-09-25"));
        assert_eq!(day_of("09/25/2025").as_deref(), Some("2025-09-25"));
        assert_eq!(day_of("2025年9月4日").as_deref(), Some("2025-09-04"));
    }

    #[test]
    fn month_and_year_precision() {
        let m = parse_date("September 2025", DateProvenance::Dateline).expect("month");
        assert_eq!(m.date.as_deref(), Some("2025-09"));
        assert_eq!(m.precision, Some(DatePrecision::Month));
        let y = parse_date("2025", DateProvenance::Dateline).expect("year");
        assert_eq!(y.date.as_deref(), Some("2025"));
        assert_eq!(y.precision, Some(DatePrecision::Year));
    }

    #[test]
    fn refuses_to_invent_or_guess() {
        for text in [
            "Sept. 5",
            "on Wednesday",
            "",
            "   ",
            "garbage",
            "09/04/2025",
            "2025-02-30",
            "31.02.2025",
            "Top Nutrition Trends for Fall 2025",
            "May 2025 be kinder",
            "1234",
            "3000",
            "12:30",
            "99999999",
        ] {
            assert_eq!(parse_date(text, DateProvenance::Text), None, "{text:?}");
        }
    }

    #[test]
    fn long_text_is_not_a_date_string() {
        let long = format!("{} September 4, 2025", "word ".repeat(60));
        assert_eq!(parse_date(&long, DateProvenance::Text), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,80}") {
            let _ = parse_date(&text, DateProvenance::Text);
        }

        #[test]
        fn never_panics_on_date_like_text(text in "[0-9 ./:TZ+-]{0,40}[A-Za-z. ]{0,12}[0-9 ,:apm.]{0,20}") {
            let _ = parse_date(&text, DateProvenance::Text);
        }
    }
}
