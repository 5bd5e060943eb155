//! Calendar dates written out: "2025-09-04", "September 7, 2022", "Sept.
//! 5", "4 September", "4th of September 2025", "September 2022", "in May",
//! "mid-September", "in 2014", "early 2022".
//!
//! A bare month or year is a date only after a word that introduces one
//! ("in May", "since 2014"): "May" alone is as often the verb or a name, and
//! a bare four-digit number as often a count ("2000 troops").

use chrono::NaiveDate;
use parallax_core::{DatePrecision, TimeRelation};

use super::lexicon::{month, MonthName, DATE_INTRODUCERS};
use super::modifiers::{day_part_before, period_before, Modifier};
use super::{Fixed, Recognised};
use crate::numbers::words::{is_hyphen, Kind, Word};

/// Earliest and latest years read as years (outside, a four-digit number is
/// a count or a code).
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

/// A date whose head word is word `i`; `previous` is the last expression
/// found, which lets "between 2014 and 2022" read its second year.
pub(crate) fn at(
    words: &[Word],
    i: usize,
    floor: usize,
    previous: Option<&Recognised>,
) -> Option<Recognised> {
    let word = words.get(i)?;
    match word.kind {
        Kind::Digits => iso(words, i)
            .or_else(|| day_first(words, i, floor))
            .or_else(|| bare_year(words, i, floor, previous)),
        Kind::Alpha => month_first(words, i, floor),
        Kind::Punct => None,
    }
}

/// `YYYY-MM-DD`.
fn iso(words: &[Word], i: usize) -> Option<Recognised> {
    let parts = [i, i + 2, i + 4].map(|k| words.get(k));
    let [Some(y), Some(m), Some(d)] = parts else {
        return None;
    };
    let joined = (1..5).all(|k| words.get(i + k).is_some_and(|w| w.attached()))
        && is_hyphen(&words[i + 1])
        && is_hyphen(&words[i + 3]);
    if !joined || y.text.len() != 4 || m.text.len() != 2 || d.text.len() != 2 || m.kind != Kind::Digits {
        return None;
    }
    if d.kind != Kind::Digits
        || words
            .get(i + 5)
            .is_some_and(|w| w.attached() && w.kind == Kind::Digits)
    {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.text.parse().ok()?, m.text.parse().ok()?, d.text.parse().ok()?)?;
    Some(Recognised::absolute(i, i + 5, Fixed::day(date)))
}

/// A day of the month as digits at `k` ("5", "05"), with an ordinal suffix
/// ("5th"); returns the day and the index after it.
fn day_number(words: &[Word], k: usize) -> Option<(u32, usize)> {
    let word = words.get(k)?;
    if word.kind != Kind::Digits || word.text.len() > 2 {
        return None;
    }
    let day: u32 = word.text.parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut end = k + 1;
    if let Some(next) = words.get(end) {
        if next.attached() && next.is_any(&["st", "nd", "rd", "th"]) {
            end += 1;
        } else if next.attached() && (next.is_punct(',') || next.is_punct('.') || next.is_punct(':')) {
            // "5,000", "5.5", "5:30" are not days.
            if words
                .get(end + 1)
                .is_some_and(|w| w.attached() && w.kind == Kind::Digits)
            {
                return None;
            }
        } else if next.attached() {
            return None;
        }
    }
    Some((day, end))
}

/// A year as four digits at `k` ("2022"), not part of a longer numeral.
fn year_number(words: &[Word], k: usize) -> Option<i32> {
    let word = words.get(k)?;
    if word.kind != Kind::Digits || word.text.len() != 4 {
        return None;
    }
    if let Some(next) = words.get(k + 1) {
        let continues = next.attached()
            && (next.kind != Kind::Punct
                || words
                    .get(k + 2)
                    .is_some_and(|w| w.attached() && w.kind == Kind::Digits));
        if continues {
            return None;
        }
    }
    let year: i32 = word.text.parse().ok()?;
    YEARS.contains(&year).then_some(year)
}

/// A month name at `k` with its abbreviation point; returns the month and
/// the index after it.
fn month_at(words: &[Word], k: usize) -> Option<(MonthName, usize)> {
    let name = month(words.get(k)?)?;
    let mut end = k + 1;
    if name.abbreviated && words.get(end).is_some_and(|w| w.is_punct('.') && w.attached()) {
        end += 1;
    }
    Some((name, end))
}

/// A year after a date, as in ", 2022" or " 2022"; returns it and the index
/// after it.
fn trailing_year(words: &[Word], k: usize) -> Option<(i32, usize)> {
    let at = if words.get(k)?.is_punct(',') { k + 1 } else { k };
    let year = year_number(words, at)?;
    words[at].spaced.then_some((year, at + 1))
}

/// "4 September", "4th of September 2025", "on 4 Sept.".
fn day_first(words: &[Word], i: usize, floor: usize) -> Option<Recognised> {
    if i > 0 && !words[i].spaced {
        return None;
    }
    let (day, mut k) = day_number(words, i)?;
    if words.get(k)?.lower() == "of" {
        k += 1;
    }
    let (name, after_month) = month_at(words, k)?;
    if !words[k].spaced {
        return None;
    }
    with_day(words, i, floor, name.number, day, after_month)
}

/// "September 7, 2022", "Sept. 5", "September 2022", "in May",
/// "mid-September".
fn month_first(words: &[Word], i: usize, floor: usize) -> Option<Recognised> {
    let (name, k) = month_at(words, i)?;
    if let Some((day, after_day)) = words
        .get(k)
        .filter(|w| w.spaced)
        .and_then(|_| day_number(words, k))
    {
        return with_day(words, i, floor, name.number, day, after_day);
    }
    let period = period_before(words, i, floor);
    let first = period.map_or(i, |(first, _)| first);
    let part = period.map(|(_, part)| part);
    if let Some((year, end)) = trailing_year(words, k) {
        let date = NaiveDate::from_ymd_opt(year, name.number, 1)?;
        let mut found = Recognised::absolute(first, end, Fixed::month(date));
        found.part_of_period = part;
        return Some(found);
    }
    let introduced = period.is_some()
        || i.checked_sub(1)
            .filter(|&p| p >= floor)
            .is_some_and(|p| words[p].is_any(DATE_INTRODUCERS))
        || possessive_after(words, k);
    if name.abbreviated || !introduced {
        return None;
    }
    let mut found = Recognised::relative(
        first,
        k,
        TimeRelation::YearlessDate {
            month: name.number,
            day: None,
        },
    );
    found.part_of_period = part;
    Some(found)
}

/// A date with a day: absolute when a year follows, otherwise year-less.
/// `first` is the date's first word, `k` the index after its day and month.
fn with_day(
    words: &[Word],
    first: usize,
    floor: usize,
    month: u32,
    day: u32,
    k: usize,
) -> Option<Recognised> {
    let day_part: Option<Modifier> = day_part_before(words, first, floor);
    let start = day_part.map_or(first, |(start, _)| start);
    let mut found = match trailing_year(words, k) {
        Some((year, end)) => {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            Recognised::absolute(start, end, Fixed::day(date))
        }
        None => {
            // Reject impossible days whatever the year ("February 30").
            NaiveDate::from_ymd_opt(2000, month, day)?;
            Recognised::relative(
                start,
                k,
                TimeRelation::YearlessDate {
                    month,
                    day: Some(day),
                },
            )
        }
    };
    found.part_of_day = day_part.map(|(_, part)| part);
    Some(found)
}

/// "September’s", "May's": a possessive makes a bare month a date.
fn possessive_after(words: &[Word], k: usize) -> bool {
    let apostrophe = words
        .get(k)
        .is_some_and(|w| w.attached() && matches!(w.text, "'" | "’"));
    apostrophe && words.get(k + 1).is_some_and(|w| w.attached() && w.lower() == "s")
}

/// A year on its own after an introducing word ("in 2014", "since 2014",
/// "early 2022"), or after "and"/"or"/"to" right after another year
/// ("between 2014 and 2022").
fn bare_year(words: &[Word], i: usize, floor: usize, previous: Option<&Recognised>) -> Option<Recognised> {
    if i > 0 && !words[i].spaced {
        return None;
    }
    let year = year_number(words, i)?;
    let period = period_before(words, i, floor);
    let introducer = i.checked_sub(1).filter(|&p| p >= floor).map(|p| &words[p]);
    let introduced = period.is_some()
        || introducer.is_some_and(|w| w.is_any(DATE_INTRODUCERS) || w.is_any(&["of"]) && season_of(words, i))
        || introducer.is_some_and(|w| w.is_any(&["and", "or", "to"]))
            && previous.is_some_and(|p| {
                p.end + 1 == i && p.fixed.is_some_and(|f| f.precision == DatePrecision::Year)
            });
    if !introduced {
        return None;
    }
    let first = period.map_or(i, |(first, _)| first);
    let mut found = Recognised::absolute(first, i + 1, Fixed::year(year)?);
    found.part_of_period = period.map(|(_, part)| part);
    Some(found)
}

/// "summer of 2022": "of" introduces a year after a season.
fn season_of(words: &[Word], i: usize) -> bool {
    i >= 2 && words[i - 2].is_any(&["spring", "summer", "autumn", "fall", "winter"])
}
