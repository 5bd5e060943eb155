//! Turning a relation to the publication date into calendar dates.
//!
//! Conventions (see `docs/figures-and-times.md`):
//! - a weekday with no direction is the most recent such day on or before
//!   publication (published on a Wednesday, "on Wednesday" is that day);
//!   "last X" is the most recent strictly before, "next X" the first
//!   strictly after;
//! - a week is Monday–Sunday: "last week" is the range from the previous
//!   week's Monday to its Sunday, at day precision;
//! - a year-less date takes the publication year, unless that puts it more
//!   than two months after publication, then the year before;
//! - nothing is guessed: a relation that needs a finer publication date than
//!   is known (a weekday with only a month, a month with only a year) stays
//!   unresolved.

use chrono::{Datelike, Days, Months, NaiveDate};
use parallax_core::{DatePrecision, PublishedDate, TimeRelation};

/// A resolved date, or nothing when the publication date does not allow it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// Last day of a range ("last week" → its Sunday).
    pub end: Option<String>,
    /// Precision of `date`.
    pub precision: Option<DatePrecision>,
}

/// How far after publication a year-less date may fall before it is taken
/// to be last year's.
const YEARLESS_FUTURE_MONTHS: u32 = 2;

/// What is known of the publication date.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    year: i32,
    month: Option<u32>,
    day: Option<NaiveDate>,
}

impl Anchor {
    fn from(published: &PublishedDate) -> Option<Anchor> {
        let text = published.date.as_deref()?;
        let precision = published.precision.or(match text.len() {
            4 => Some(DatePrecision::Year),
            7 => Some(DatePrecision::Month),
            10.. => Some(DatePrecision::Day),
            _ => None,
        })?;
        let year: i32 = text.get(..4)?.parse().ok()?;
        let month = || {
            text.get(5..7)?
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m))
        };
        Some(match precision {
            DatePrecision::Year => Anchor {
                year,
                month: None,
                day: None,
            },
            DatePrecision::Month => Anchor {
                year,
                month: Some(month()?),
                day: None,
            },
            DatePrecision::Day => {
                let day = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
                Anchor {
                    year,
                    month: Some(day.month()),
                    day: Some(day),
                }
            }
        })
    }
}

/// Resolves `relation` against the publication date. Absolute expressions
/// carry their own date and resolve to nothing here.
pub fn resolve(relation: &TimeRelation, published: &PublishedDate) -> Resolved {
    Anchor::from(published)
        .and_then(|anchor| resolve_at(relation, anchor))
        .unwrap_or_default()
}

fn resolve_at(relation: &TimeRelation, anchor: Anchor) -> Option<Resolved> {
    match relation {
        TimeRelation::Absolute => None,
        TimeRelation::YearlessDate { month, day } => yearless(*month, *day, anchor),
        TimeRelation::Weekday { weekday, direction } => {
            let published = anchor.day?;
            let today = published.weekday().num_days_from_monday();
            let date = match direction.signum() {
                1 => published.checked_add_days(Days::new(u64::from(days_until(today, *weekday)?)))?,
                -1 => published.checked_sub_days(Days::new(u64::from(days_since(today, *weekday, true)?)))?,
                _ => published.checked_sub_days(Days::new(u64::from(days_since(today, *weekday, false)?)))?,
            };
            Some(day(date))
        }
        TimeRelation::Offset { amount, unit } => offset(*amount, unit, anchor),
    }
}

/// Days back from weekday `today` to weekday `target` (0 = Monday); with
/// `strict`, a week back when they are the same day.
fn days_since(today: u32, target: u32, strict: bool) -> Option<u32> {
    if target > 6 {
        return None;
    }
    let back = (today + 7 - target) % 7;
    Some(if strict && back == 0 { 7 } else { back })
}

/// Days forward from weekday `today` to the next weekday `target`, never 0.
fn days_until(today: u32, target: u32) -> Option<u32> {
    if target > 6 {
        return None;
    }
    let forward = (target + 7 - today) % 7;
    Some(if forward == 0 { 7 } else { forward })
}

fn yearless(month: u32, day_of_month: Option<u32>, anchor: Anchor) -> Option<Resolved> {
    let published_month = anchor.month?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let this_year = match (anchor.day, day_of_month) {
        (Some(published), Some(d)) => {
            let latest = published.checked_add_months(Months::new(YEARLESS_FUTURE_MONTHS))?;
            // A 29 February that does not exist this year is compared as 1 March.
            let candidate = NaiveDate::from_ymd_opt(anchor.year, month, d).or_else(|| {
                NaiveDate::from_ymd_opt(anchor.year, month, 1)?
                    .checked_add_days(Days::new(u64::from(d.saturating_sub(1))))
            })?;
            candidate <= latest
        }
        _ => month <= published_month + YEARLESS_FUTURE_MONTHS,
    };
    let year = if this_year { anchor.year } else { anchor.year - 1 };
    Some(match day_of_month {
        Some(d) => day(NaiveDate::from_ymd_opt(year, month, d)?),
        None => Resolved {
            date: Some(format!("{year:04}-{month:02}")),
            end: None,
            precision: Some(DatePrecision::Month),
        },
    })
}

fn offset(amount: i32, unit: &str, anchor: Anchor) -> Option<Resolved> {
    let days = |n: i64| -> Option<NaiveDate> {
        let published = anchor.day?;
        if n >= 0 {
            published.checked_add_days(Days::new(n.unsigned_abs()))
        } else {
            published.checked_sub_days(Days::new(n.unsigned_abs()))
        }
    };
    match unit {
        "day" => Some(day(days(i64::from(amount))?)),
        "week" => {
            let published = anchor.day?;
            let monday_offset =
                -i64::from(published.weekday().num_days_from_monday()) + 7 * i64::from(amount);
            let monday = days(monday_offset)?;
            let sunday = monday.checked_add_days(Days::new(6))?;
            Some(Resolved {
                date: Some(iso(monday)),
                end: Some(iso(sunday)),
                precision: Some(DatePrecision::Day),
            })
        }
        "month" => {
            let index = i64::from(anchor.year) * 12 + i64::from(anchor.month?) - 1 + i64::from(amount);
            let year = index.div_euclid(12);
            let month = index.rem_euclid(12) + 1;
            Some(Resolved {
                date: Some(format!("{year:04}-{month:02}")),
                end: None,
                precision: Some(DatePrecision::Month),
            })
        }
        "year" => {
            let year = i64::from(anchor.year) + i64::from(amount);
            Some(Resolved {
                date: Some(format!("{year:04}")),
                end: None,
                precision: Some(DatePrecision::Year),
            })
        }
        _ => None,
    }
}

fn day(date: NaiveDate) -> Resolved {
    Resolved {
        date: Some(iso(date)),
        end: None,
        precision: Some(DatePrecision::Day),
    }
}

/// `YYYY-MM-DD`.
pub(crate) fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::DateProvenance;

    /// Thursday 4 September 2025.
    fn thursday() -> PublishedDate {
        PublishedDate::day(2025, 9, 4, DateProvenance::Header)
    }

    fn date(relation: TimeRelation, published: &PublishedDate) -> Option<String> {
        resolve(&relation, published).date
    }

    fn weekday(weekday: u32, direction: i32) -> TimeRelation {
        TimeRelation::Weekday { weekday, direction }
    }

    fn offset(amount: i32, unit: &str) -> TimeRelation {
        TimeRelation::Offset {
            amount,
            unit: unit.to_owned(),
        }
    }

    #[test]
    fn weekdays_resolve_around_publication() {
        let p = thursday();
        assert_eq!(date(weekday(2, 0), &p).as_deref(), Some("2025-09-03"));
        assert_eq!(date(weekday(3, 0), &p).as_deref(), Some("2025-09-04"));
        assert_eq!(date(weekday(3, -1), &p).as_deref(), Some("2025-08-28"));
        assert_eq!(date(weekday(4, 0), &p).as_deref(), Some("2025-08-29"));
        assert_eq!(date(weekday(0, 1), &p).as_deref(), Some("2025-09-08"));
        assert_eq!(date(weekday(3, 1), &p).as_deref(), Some("2025-09-11"));
        assert_eq!(date(weekday(9, 0), &p), None);
    }

    #[test]
    fn weeks_are_monday_to_sunday() {
        let r = resolve(&offset(-1, "week"), &thursday());
        assert_eq!(r.date.as_deref(), Some("2025-08-25"));
        assert_eq!(r.end.as_deref(), Some("2025-08-31"));
        assert_eq!(r.precision, Some(DatePrecision::Day));
        let this = resolve(&offset(0, "week"), &thursday());
        assert_eq!(
            (this.date.as_deref(), this.end.as_deref()),
            (Some("2025-09-01"), Some("2025-09-07"))
        );
    }

    #[test]
    fn months_and_years_cross_boundaries() {
        let january = PublishedDate::day(2025, 1, 10, DateProvenance::Header);
        assert_eq!(date(offset(-1, "month"), &january).as_deref(), Some("2024-12"));
        assert_eq!(date(offset(-14, "month"), &january).as_deref(), Some("2023-11"));
        assert_eq!(date(offset(1, "year"), &january).as_deref(), Some("2026"));
        assert_eq!(date(offset(-2, "day"), &january).as_deref(), Some("2025-01-08"));
    }

    #[test]
    fn yearless_dates_fall_back_a_year_when_too_far_ahead() {
        let p = thursday();
        let yearless = |month, day| TimeRelation::YearlessDate { month, day };
        assert_eq!(date(yearless(9, Some(5)), &p).as_deref(), Some("2025-09-05"));
        assert_eq!(date(yearless(11, Some(4)), &p).as_deref(), Some("2025-11-04"));
        assert_eq!(date(yearless(11, Some(5)), &p).as_deref(), Some("2024-11-05"));
        assert_eq!(date(yearless(5, None), &p).as_deref(), Some("2025-05"));
        assert_eq!(date(yearless(12, None), &p).as_deref(), Some("2024-12"));
        assert_eq!(date(yearless(2, Some(30)), &p), None);
        let leap_day = PublishedDate::day(2025, 3, 1, DateProvenance::Header);
        assert_eq!(date(yearless(2, Some(29)), &leap_day), None);
    }

    #[test]
    fn coarse_publication_dates_resolve_only_what_they_can() {
        let month = PublishedDate::month(2025, 9, DateProvenance::Url);
        assert_eq!(date(weekday(2, 0), &month), None);
        assert_eq!(date(offset(-1, "week"), &month), None);
        assert_eq!(date(offset(-1, "month"), &month).as_deref(), Some("2025-08"));
        assert_eq!(
            date(
                TimeRelation::YearlessDate {
                    month: 9,
                    day: Some(5)
                },
                &month
            )
            .as_deref(),
            Some("2025-09-05")
        );
        let year = PublishedDate::year(2025, DateProvenance::Url);
        assert_eq!(date(offset(-1, "year"), &year).as_deref(), Some("2024"));
        assert_eq!(date(offset(0, "month"), &year), None);
        assert_eq!(
            date(TimeRelation::YearlessDate { month: 5, day: None }, &year),
            None
        );
        assert_eq!(
            resolve(&offset(-1, "day"), &PublishedDate::unknown()),
            Resolved::default()
        );
    }
}
