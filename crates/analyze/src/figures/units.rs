//! Units a figure is measured in: currencies ("$2.4 billion", "€3bn"),
//! percentages, distances, areas, weights and durations, including units
//! hyphenated into a modifier ("a 10-km convoy", "a three-and-a-half-year
//! war"), and the elapsed-time labels "day 1,436" and "week 3".

use crate::numbers::words::{is_hyphen, Kind, Word};

/// A unit after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Normal name: "percent", "km", "year", "usd".
    pub name: &'static str,
    /// Index of the word after the unit.
    pub end: usize,
    /// Hyphenated into a modifier of the noun that follows ("10-km convoy").
    pub modifier: bool,
}

/// What kind of quantity a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dimension {
    /// A share of a whole.
    Proportion,
    /// An amount of money.
    Money,
    /// Anything else measured.
    Measure,
}

/// The dimension of a normal unit name.
pub(crate) fn dimension(name: &str) -> Dimension {
    match name {
        "percent" | "percentage point" => Dimension::Proportion,
        "usd" | "eur" | "gbp" | "uah" | "rub" | "cny" => Dimension::Money,
        _ => Dimension::Measure,
    }
}

/// The normal name of a unit word, singular or plural.
fn unit_word(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "percent" | "pct" => "percent",
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" => "mile",
        "metre" | "metres" | "meter" | "meters" => "m",
        "hectare" | "hectares" => "hectare",
        "tonne" | "tonnes" | "ton" | "tons" => "tonne",
        "kg" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" => "kg",
        "second" | "seconds" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        "dollar" | "dollars" => "usd",
        "euro" | "euros" => "eur",
        "rouble" | "roubles" | "ruble" | "rubles" => "rub",
        "hryvnia" | "hryvnias" | "hryvnas" => "uah",
        "yuan" => "cny",
        _ => return None,
    })
}

/// Units written right against the number ("10km", "5m", "40%").
fn attached_unit(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "km" => "km",
        "m" => "m",
        "kg" => "kg",
        _ => return None,
    })
}

/// Two-word units ("per cent", "percentage points", "square kilometres").
fn two_word_unit(first: &str, second: &str) -> Option<&'static str> {
    Some(match (first, second) {
        ("per", "cent") => "percent",
        ("percentage", "point" | "points") => "percentage point",
        ("sq" | "square", "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer") => "km2",
        ("sq" | "square", "miles" | "mile") => "sq mile",
        _ => return None,
    })
}

/// The unit right after word `j`, if any.
pub(crate) fn after(words: &[Word], j: usize) -> Option<Unit> {
    let next = words.get(j)?;
    if next.is_punct('%') {
        return Some(Unit {
            name: "percent",
            end: j + 1,
            modifier: false,
        });
    }
    if next.kind == Kind::Alpha && next.attached() {
        let name = attached_unit(next.lower())?;
        return Some(Unit {
            name,
            end: j + 1,
            modifier: false,
        });
    }
    if is_hyphen(next) && next.attached() {
        let word = words.get(j + 1).filter(|w| w.attached())?;
        let name = unit_word(word.lower())?;
        let mut end = j + 2;
        // "a 47-year-old man": the age of what follows.
        if words.get(end).is_some_and(is_hyphen)
            && words
                .get(end + 1)
                .is_some_and(|w| w.attached() && w.lower() == "old")
        {
            end += 2;
        }
        return Some(Unit {
            name,
            end,
            modifier: true,
        });
    }
    if !next.spaced || next.line_break || next.kind != Kind::Alpha {
        return None;
    }
    if let Some(second) = words.get(j + 1).filter(|w| w.spaced) {
        if let Some(name) = two_word_unit(next.lower(), second.lower()) {
            return Some(Unit {
                name,
                end: j + 2,
                modifier: false,
            });
        }
    }
    let name = unit_word(next.lower())?;
    Some(Unit {
        name,
        end: j + 1,
        modifier: false,
    })
}

/// A currency written before word `i` ("$", "US$", "€", "£", "₴", "₽",
/// "USD "): `(normal name, index of its first word)`.
pub(crate) fn currency_before(words: &[Word], i: usize, floor: usize) -> Option<(&'static str, usize)> {
    let at = i.checked_sub(1).filter(|&at| at >= floor)?;
    let sign = &words[at];
    if sign.kind == Kind::Alpha && words[i].spaced {
        let code = match sign.text {
            "USD" => "usd",
            "EUR" => "eur",
            "GBP" => "gbp",
            "UAH" => "uah",
            "RUB" => "rub",
            _ => return None,
        };
        return Some((code, at));
    }
    if sign.kind != Kind::Punct || !words[i].attached() {
        return None;
    }
    let code = match sign.text {
        "$" => "usd",
        "€" => "eur",
        "£" => "gbp",
        "₴" => "uah",
        "₽" => "rub",
        _ => return None,
    };
    // "US$5 million".
    let us = at
        .checked_sub(1)
        .filter(|&us| us >= floor && sign.attached() && words[us].text == "US");
    Some((code, us.unwrap_or(at)))
}

/// A scale written against an amount of money ("$5m", "€50k", "$1b").
pub(crate) fn money_scale(words: &[Word], j: usize) -> Option<(f64, usize)> {
    let next = words.get(j).filter(|w| w.attached() && w.kind == Kind::Alpha)?;
    let scale = match next.lower() {
        "m" => 1e6,
        "k" => 1e3,
        "b" => 1e9,
        _ => return None,
    };
    Some((scale, j + 1))
}

/// "day 1,436", "Day 12", "week 3": an elapsed-time label before word `i`,
/// when the number is not followed by what it would otherwise count.
/// Returns `(unit, index of the label)`.
pub(crate) fn label_before(
    words: &[Word],
    i: usize,
    floor: usize,
    after_number: usize,
) -> Option<(&'static str, usize)> {
    let at = i.checked_sub(1).filter(|&at| at >= floor)?;
    if !words[i].spaced || words[i].kind != Kind::Digits {
        return None;
    }
    let unit = match words[at].lower() {
        "day" => "day",
        "week" => "week",
        _ => return None,
    };
    let ends_here = words
        .get(after_number)
        .is_none_or(|w| w.kind == Kind::Punct || w.line_break || w.lower() == "of");
    ends_here.then_some((unit, at))
}
