//! Time of day and time zone written after a date ("10:00:00 GMT",
//! "T10:00:00+02:00", "3:45 p.m. EDT"), turned into an RFC 3339 timestamp.
//!
//! A timestamp is only produced when the zone is known: "10:00 a.m. ET" gives
//! no timestamp, because "ET" is EST or EDT depending on the date and RFC 3339
//! needs an exact offset. The date itself is unaffected.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use once_cell::sync::Lazy;
use regex::Regex;

/// A time of day with optional 12-hour marker and zone, at the start of the
/// text that follows a date. Separators such as "T", ",", "at", "um", "à",
/// "-" and "|" may stand between the date and the time.
static TIME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)^[\sT,|–-]*(?:(?i:at|um|à|a\ las|alle|às|om)\s+)?
        (\d{1,2})[:h.](\d{2})(?::(\d{2})(?:[.,]\d+)?)?
        \s*((?i:[ap]\.?\s?m\.?))?
        \s*\(?\s*(Z|z|UTC|GMT|[A-Z]{3,4})?\s*([+-]\d{1,2}(?::?\d{2})?)?",
    )
    .expect("time pattern is valid")
});

/// RFC 3339 timestamp for `date` with the time of day at the start of
/// `after`, or `None` when there is no time or its zone is unknown.
pub fn timestamp_after(date: NaiveDate, after: &str) -> Option<String> {
    let caps = TIME.captures(after)?;
    let mut hour: u32 = caps.get(1)?.as_str().parse().ok()?;
    let minute: u32 = caps.get(2)?.as_str().parse().ok()?;
    let second: u32 = match caps.get(3) {
        Some(s) => s.as_str().parse().ok()?,
        None => 0,
    };
    if let Some(marker) = caps.get(4) {
        let pm = marker.as_str().to_ascii_lowercase().starts_with('p');
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let offset_seconds =
        zone_offset_seconds(caps.get(5).map(|m| m.as_str()), caps.get(6).map(|m| m.as_str()))?;
    let offset = FixedOffset::east_opt(offset_seconds)?;
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let local = offset.from_local_datetime(&date.and_time(time)).single()?;
    Some(local.to_rfc3339())
}

/// Offset from UTC in seconds for a zone name and/or a numeric offset
/// ("GMT+02:00", "+0200", "Z", "CEST"). `None` when neither is given or the
/// name is ambiguous or unknown.
fn zone_offset_seconds(name: Option<&str>, numeric: Option<&str>) -> Option<i32> {
    let base = match name {
        None => 0,
        Some(n) => abbreviation_offset_hours(n)? * 3600,
    };
    match numeric {
        Some(text) => Some(base + numeric_offset_seconds(text)?),
        None if name.is_some() => Some(base),
        None => None,
    }
}

/// "+02:00", "+0200", "-5" → seconds.
fn numeric_offset_seconds(text: &str) -> Option<i32> {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits.get(..1)?.parse::<i32>().ok()?,
            digits.get(1..)?.parse::<i32>().ok()?,
        ),
        4 => (
            digits.get(..2)?.parse::<i32>().ok()?,
            digits.get(2..)?.parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}

/// Unambiguous zone abbreviations. "IST" (India, Ireland, Israel), "CST"
/// (US Central, China) and "ET" (EST or EDT) are deliberately absent.
fn abbreviation_offset_hours(name: &str) -> Option<i32> {
    Some(match name {
        "Z" | "z" | "UTC" | "GMT" | "WET" => 0,
        "BST" | "CET" | "WEST" | "WAT" => 1,
        "CEST" | "EET" | "SAST" | "CAT" => 2,
        "EEST" | "MSK" | "EAT" => 3,
        "GST" => 4,
        "PKT" => 5,
        "ICT" | "WIB" => 7,
        "HKT" | "SGT" | "AWST" => 8,
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        "NZST" => 12,
        "NZDT" => 13,
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 9, 4).expect("valid test date")
    }

    #[test]
    fn reads_iso_time_with_offset() {
        assert_eq!(
            timestamp_after(day(), "T10:00:00+02:00").as_deref(),
            Some("2025-09-04T10:00:00+02:00")
        );
        assert_eq!(
            timestamp_after(day(), "T10:00:00.123Z").as_deref(),
            Some("2025-09-04T10:00:00+00:00")
        );
    }

    #[test]
    fn reads_twelve_hour_time_with_named_zone() {
        assert_eq!(
            timestamp_after(day(), ", 3:45 p.m. EDT").as_deref(),
            Some("2025-09-04T15:45:00-04:00")
        );
        assert_eq!(
            timestamp_after(day(), " 10:00:00 GMT").as_deref(),
            Some("2025-09-04T10:00:00+00:00")
        );
    }

    #[test]
    fn no_timestamp_without_a_known_zone() {
        assert_eq!(timestamp_after(day(), " 10:00 a.m. ET"), None);
        assert_eq!(timestamp_after(day(), "T10:00:00"), None);
        assert_eq!(timestamp_after(day(), " at noon"), None);
        assert_eq!(timestamp_after(day(), " 25:00 GMT"), None);
    }
}
