//! Calendar words: month and weekday names, parts of the day, calendar
//! units, and the words that introduce a date.

use crate::numbers::words::Word;

/// A month name as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthName {
    /// 1–12.
    pub number: u32,
    /// Written short ("Sept", "Jan"): only a date when a day or year follows.
    pub abbreviated: bool,
}

/// The month a capitalised word names. Lower-case "may" and "march" are the
/// verb, so capitalisation is required.
pub(crate) fn month(word: &Word) -> Option<MonthName> {
    if !word.is_capitalised() {
        return None;
    }
    let (number, abbreviated) = match word.lower() {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    };
    Some(MonthName { number, abbreviated })
}

/// The weekday a capitalised word names: 0 = Monday … 6 = Sunday.
pub(crate) fn weekday(word: &Word) -> Option<u32> {
    if !word.is_capitalised() {
        return None;
    }
    Some(match word.lower() {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

/// A part of the day named after a day ("Wednesday night", "yesterday
/// morning").
pub(crate) fn part_of_day(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "morning" => "morning",
        "afternoon" => "afternoon",
        "evening" => "evening",
        "night" => "night",
        _ => return None,
    })
}

/// A calendar unit, singular or plural ("day", "weeks").
pub(crate) fn calendar_unit(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" => "year",
        _ => return None,
    })
}

/// Words after which a bare month or year is a date ("in May", "since
/// 2014", "until March", "last September").
pub(crate) const DATE_INTRODUCERS: &[&str] = &[
    "in",
    "on",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "around",
    "early",
    "mid",
    "late",
    "this",
    "last",
    "next",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Words after which a weekday is a date and not part of a name ("on
/// Sunday", "last Monday", "said Tuesday"); a capitalised word before a
/// weekday that is not one of these makes it a name ("Black Friday").
pub(crate) const WEEKDAY_INTRODUCERS: &[&str] = &[
    "on", "since", "by", "until", "till", "from", "before", "after", "this", "last", "next", "early", "late",
    "and", "or", "of", "then", "but", "as", "that",
];
