//! All-digit calendar dates inside a short text: ISO 8601 ("2025-09-04"),
//! year-first with slashes or dots ("2025/09/04"), day-first European forms
//! ("04.09.2025") and CJK forms ("2025年9月4日").
//!
//! "09/04/2025" is ambiguous (US month-first or day-first) and yields nothing
//! unless one part is above 12 or both parts are equal.

use once_cell::sync::Lazy;
use regex::Regex;

use super::FoundDay;

static YEAR_FIRST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[^\d]|$)").expect("valid pattern")
});
static DAY_FIRST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4})(?:[^\d]|$)").expect("valid pattern")
});
static CJK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]").expect("valid pattern")
});
static COMPACT: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})$").expect("valid pattern"));

/// The earliest all-digit date in `text`.
pub fn find_numeric_day(text: &str) -> Option<FoundDay> {
    [year_first(text), day_first(text), cjk(text), compact(text)]
        .into_iter()
        .flatten()
        .min_by_key(|found| found.start)
}

fn year_first(text: &str) -> Option<FoundDay> {
    YEAR_FIRST.captures_iter(text).find_map(|caps| {
        if caps.get(2)?.as_str() != caps.get(4)?.as_str() {
            return None;
        }
        FoundDay::new(
            number(caps.get(1)?.as_str())?,
            number(caps.get(3)?.as_str())?,
            number(caps.get(5)?.as_str())?,
            caps.get(1)?.start(),
            caps.get(5)?.end(),
        )
    })
}

fn day_first(text: &str) -> Option<FoundDay> {
    DAY_FIRST.captures_iter(text).find_map(|caps| {
        let separator = caps.get(2)?.as_str();
        if separator != caps.get(4)?.as_str() {
            return None;
        }
        let first = number(caps.get(1)?.as_str())?;
        let second = number(caps.get(3)?.as_str())?;
        let (day, month) = if separator == "." || first > 12 || first == second {
            (first, second)
        } else if second > 12 {
            (second, first)
        } else {
            return None;
        };
        FoundDay::new(
            number(caps.get(5)?.as_str())?,
            month,
            day,
            caps.get(1)?.start(),
            caps.get(5)?.end(),
        )
    })
}

fn cjk(text: &str) -> Option<FoundDay> {
    let caps = CJK.captures(text)?;
    FoundDay::new(
        number(caps.get(1)?.as_str())?,
        number(caps.get(2)?.as_str())?,
        number(caps.get(3)?.as_str())?,
        caps.get(0)?.start(),
        caps.get(0)?.end(),
    )
}

fn compact(text: &str) -> Option<FoundDay> {
    let caps = COMPACT.captures(text)?;
    FoundDay::new(
        number(caps.get(1)?.as_str())?,
        number(caps.get(2)?.as_str())?,
        number(caps.get(3)?.as_str())?,
        0,
        text.len(),
    )
}

fn number(digits: &str) -> Option<u32> {
    digits.parse().ok()
}
