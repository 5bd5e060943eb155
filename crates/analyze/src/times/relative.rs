//! Time expressions that only mean something from the publication date:
//! weekdays ("on Wednesday", "Monday's talks", "next Monday"), deictic
//! words ("yesterday", "today", "last night", "tonight", "overnight"),
//! calendar offsets ("last week", "earlier this month", "this year") and
//! "ago" phrases ("two days ago", "a year ago").

use parallax_core::TimeRelation;

use super::lexicon::{calendar_unit, month, part_of_day, weekday, WEEKDAY_INTRODUCERS};
use super::modifiers::{day_part_before, future_before, relative_part_before};
use super::{dates, Recognised};
use crate::numbers::words::{Kind, Word};
use crate::numbers::{parse_at, NumberForm};

/// Largest "N units ago" read as a time expression (beyond, it is history
/// written as a count, and calendar arithmetic would overflow).
const MAX_AGO: f64 = 5000.0;

/// A relative expression whose head word is word `i`. Most words of running
/// text are none of the trigger words, so the dispatch looks at the folded
/// word first.
pub(crate) fn at(words: &[Word], i: usize, floor: usize) -> Option<Recognised> {
    let word = words.get(i)?;
    if word.kind != Kind::Alpha {
        return None;
    }
    match word.lower() {
        "yesterday" | "today" | "tomorrow" | "tonight" | "overnight" => deictic(words, i, floor),
        "last" | "this" => deictic(words, i, floor).or_else(|| calendar_offset(words, i, floor)),
        "next" => calendar_offset(words, i, floor),
        "ago" => ago(words, i, floor),
        lower if lower.ends_with("day") => weekday_at(words, i, floor),
        _ => None,
    }
}

/// The word before `i` when it is not below `floor`.
fn previous<'w>(words: &'w [Word<'w>], i: usize, floor: usize) -> Option<&'w Word<'w>> {
    i.checked_sub(1).filter(|&p| p >= floor).map(|p| &words[p])
}

/// A capitalised word before `i` that is not an introducing word makes the
/// word at `i` part of a name ("Black Friday", "USA Today"); sentence-initial
/// introducers ("On Sunday", "Last Monday") are folded, so they pass.
fn after_name(words: &[Word], i: usize, floor: usize, introducers: &[&str]) -> bool {
    previous(words, i, floor).is_some_and(|p| p.is_capitalised() && !p.is_any(introducers))
}

/// A part of the day right after word `k` ("Wednesday night"); returns it
/// and the index after it.
fn day_part_after(words: &[Word], k: usize) -> Option<(&'static str, usize)> {
    let next = words.get(k)?;
    if !next.spaced || next.line_break {
        return None;
    }
    part_of_day(next.lower()).map(|part| (part, k + 1))
}

/// "on Wednesday", "Wednesday night", "early on Wednesday", "last Monday",
/// "next Monday", "Monday's peace talks", "Wednesday, September 3".
fn weekday_at(words: &[Word], i: usize, floor: usize) -> Option<Recognised> {
    let day = weekday(&words[i])?;
    let before = previous(words, i, floor);
    // "said Tuesday" is a date too; "the Sunday Times" is not.
    let introduced = before
        .is_some_and(|p| p.is_any(WEEKDAY_INTRODUCERS) || p.is_lowercase() && !p.is_any(&["the", "a", "an"]));
    if after_name(words, i, floor, WEEKDAY_INTRODUCERS) {
        return None;
    }
    // "Sunday Times": a weekday directly before another capitalised word
    // names something, unless a preposition shows it is a date ("On Sunday
    // Putin said").
    let next = words.get(i + 1);
    let names_something = next.is_some_and(|n| n.spaced && n.is_capitalised() && month(n).is_none());
    if names_something && !introduced {
        return None;
    }
    // "Wednesday, September 3": the date says more than the weekday.
    let date_at = if next.is_some_and(|n| n.is_punct(',')) {
        i + 2
    } else {
        i + 1
    };
    if let Some(mut date) = dates::at(words, date_at, date_at, None) {
        if date.first == date_at {
            date.first = i;
            return Some(date);
        }
    }
    let (direction, mut first) = match before.map(|p| p.lower()) {
        Some("last") => (-1, i - 1),
        Some("next") => (1, i - 1),
        Some("this") => (0, i - 1),
        _ if future_before(words, i) => (1, i),
        _ => (0, i),
    };
    let mut part = None;
    if first == i {
        if let Some((start, before_part)) = day_part_before(words, i, floor) {
            first = start;
            part = Some(before_part);
        }
    }
    let mut end = i + 1;
    if let Some((after_part, after)) = day_part_after(words, end) {
        part = Some(after_part);
        end = after;
    }
    let mut found = Recognised::relative(
        first,
        end,
        TimeRelation::Weekday {
            weekday: day,
            direction,
        },
    );
    found.part_of_day = part;
    Some(found)
}

/// "yesterday", "today", "tomorrow", "tonight", "overnight", "last night",
/// "this morning", "the day before yesterday", with "earlier"/"later" and
/// a part of the day ("yesterday morning").
fn deictic(words: &[Word], i: usize, floor: usize) -> Option<Recognised> {
    let lower = words[i].lower();
    if !matches!(
        lower,
        "yesterday" | "today" | "tomorrow" | "tonight" | "overnight" | "last" | "this"
    ) {
        return None;
    }
    let next_lower = words.get(i + 1).filter(|w| w.spaced).map_or("", |w| w.lower());
    let (mut amount, mut part, mut end) = match lower {
        "yesterday" => (-1, None, i + 1),
        "today" => (0, None, i + 1),
        "tomorrow" => (1, None, i + 1),
        "tonight" => (0, Some("night"), i + 1),
        // Overnight in a news report is the night leading into publication.
        "overnight" => (-1, Some("night"), i + 1),
        "last" if next_lower == "night" => (-1, Some("night"), i + 2),
        "this" => (0, Some(part_of_day(next_lower)?), i + 2),
        _ => return None,
    };
    // "USA Today", "Russia Today": outlets.
    if lower == "today"
        && after_name(
            words,
            i,
            floor,
            &["earlier", "later", "and", "until", "since", "by", "from"],
        )
    {
        return None;
    }
    let mut first = i;
    if let Some(p) = i.checked_sub(3).filter(|&p| p >= floor) {
        let phrase = [words[p].lower(), words[p + 1].lower(), words[p + 2].lower()];
        let shift = match phrase {
            ["the", "day", "before"] if lower == "yesterday" => -1,
            ["the", "day", "after"] if lower == "tomorrow" => 1,
            _ => 0,
        };
        if shift != 0 {
            amount += shift;
            first = p;
        }
    }
    if part.is_none() {
        if let Some((after_part, after)) = day_part_after(words, end) {
            part = Some(after_part);
            end = after;
        }
    }
    let mut period = None;
    if first == i {
        if let Some((start, relative_part)) = relative_part_before(words, i, floor) {
            first = start;
            period = Some(relative_part);
        }
    }
    let mut found = Recognised::relative(first, end, offset(amount, "day"));
    found.part_of_day = part;
    found.part_of_period = period;
    Some(found)
}

/// "last week", "this month", "next year", "earlier this month".
fn calendar_offset(words: &[Word], i: usize, floor: usize) -> Option<Recognised> {
    let amount = match words[i].lower() {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    let unit_word = words.get(i + 1).filter(|w| w.spaced && !w.line_break)?;
    // Only the singular: "the last months of the war" is not a date.
    let unit = calendar_unit(unit_word.lower()).filter(|_| !unit_word.lower().ends_with('s'))?;
    if unit == "day" {
        return None;
    }
    // "the last week of the war", "a next year": a determiner makes it a
    // description, not a date.
    if previous(words, i, floor)
        .is_some_and(|p| p.is_any(&["the", "a", "an", "its", "their", "that", "his", "her"]))
    {
        return None;
    }
    let (first, period) = match relative_part_before(words, i, floor) {
        Some((first, part)) => (first, Some(part)),
        None => (i, None),
    };
    let mut found = Recognised::relative(first, i + 2, offset(amount, unit));
    found.part_of_period = period;
    Some(found)
}

/// "two days ago", "a year ago", "three weeks ago", read back from "ago"
/// at `i`.
fn ago(words: &[Word], i: usize, floor: usize) -> Option<Recognised> {
    let unit_at = i.checked_sub(1).filter(|&u| u > floor && words[i].spaced)?;
    let unit = calendar_unit(words[unit_at].lower())?;
    if !words[unit_at].spaced {
        return None;
    }
    // The number ends right before the unit and starts at most four words
    // earlier ("twenty-one"); the earliest start that ends there wins, so
    // "twenty-one" is not read as "one".
    let earliest = unit_at.saturating_sub(4).max(floor);
    for first in earliest..unit_at {
        if words[first].is_any(&["a", "an"]) && first + 1 == unit_at {
            return Some(Recognised::relative(first, i + 1, offset(-1, unit)));
        }
        let Some(number) = parse_at(words, first) else {
            continue;
        };
        if number.end != unit_at {
            continue;
        }
        let whole = number.value.fract() == 0.0 && number.value >= 1.0 && number.value <= MAX_AGO;
        if !whole || !matches!(number.form, NumberForm::Numeral | NumberForm::Words) {
            return None;
        }
        // Bounded by MAX_AGO above, so the cast cannot truncate.
        return Some(Recognised::relative(
            first,
            i + 1,
            offset(-(number.value as i32), unit),
        ));
    }
    None
}

fn offset(amount: i32, unit: &str) -> TimeRelation {
    TimeRelation::Offset {
        amount,
        unit: unit.to_owned(),
    }
}
