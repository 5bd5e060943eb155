//! Figures: quantities in the body with what they count, their unit and
//! qualifier ("more than 500 drones and missiles", "430 of the drones",
//! "about one-fifth of the Donetsk region", "$2.4 billion", "a
//! three-and-a-half-year war", "dozens of locations").
//!
//! A figure is a number ([`crate::numbers`]) that is not a year, a date, a
//! clock time, an ordinal, a list marker, a code or part of a name, read
//! together with the words around it: a qualifier before or after, a
//! currency or unit, and the noun phrase it counts. Conventions are in
//! `docs/figures-and-times.md`.

mod counted;
mod exclusions;
mod nouns;
mod qualifier;
mod units;

use parallax_core::{Figure, Qualifier, Span};

use self::counted::Shape;
use self::units::Dimension;
use crate::numbers::words::{lex, lowered, Word};
use crate::numbers::{parse_at, NumberForm, Parsed};
use crate::times;

/// Years a plain four-digit number may be; when nothing is counted such a
/// number is a year, not a figure ("in 2014", "the 2022 invasion").
const YEAR_LIKE: std::ops::RangeInclusive<f64> = 1800.0..=2100.0;

/// Every figure in `body`, in order and not overlapping.
pub fn find_figures(body: &str) -> Vec<Figure> {
    let lower = lowered(body);
    let words = lex(body, &lower);
    // Numbers inside dates and time expressions ("Sept. 5", "two days ago")
    // are not figures, and no figure reads into one.
    let times = times::recognise(&words);
    let mut next_time = times.iter().peekable();
    let mut figures = Vec::new();
    let mut floor = 0;
    let mut i = 0;
    while i < words.len() {
        while next_time.next_if(|time| time.end <= i).is_some() {}
        let limit = next_time.peek().map_or(words.len(), |time| time.first);
        if i >= limit {
            i = next_time.peek().map_or(i + 1, |time| time.end);
            continue;
        }
        let Some(number) = parse_at(&words[..limit], i) else {
            i += 1;
            continue;
        };
        match figure_at(body, &words[..limit], &number, floor) {
            Some((figure, end)) => {
                figures.push(figure);
                floor = end;
                i = end.max(number.end);
            }
            None => i = number.end.max(i + 1),
        }
    }
    figures
}

/// The figure built around `number`, and the index after its last word.
/// `floor` is the first word it may claim (the previous figure's end).
fn figure_at(body: &str, words: &[Word], number: &Parsed, floor: usize) -> Option<(Figure, usize)> {
    let label = units::label_before(words, number.first, floor, number.end);
    if exclusions::not_a_quantity(words, number, label.is_some()) {
        return None;
    }
    let currency = units::currency_before(words, number.first, floor);
    let mut value = number.value;
    let mut j = number.end;
    if currency.is_some() {
        if let Some((scale, end)) = units::money_scale(words, j) {
            value *= scale;
            j = end;
        }
    }
    let mut modifier = false;
    let unit = match (label, currency) {
        (Some((name, _)), _) | (None, Some((name, _))) => Some(name),
        (None, None) => units::after(words, j).map(|unit| {
            j = unit.end;
            modifier = unit.modifier;
            unit.name
        }),
    };
    let start_word = label.or(currency).map_or(number.first, |(_, first)| first);
    let before = qualifier::before(words, start_word, floor);
    let mut trailing = qualifier::after(words, j);
    if let Some((_, end)) = trailing {
        j = end;
    }
    let shape = match unit.map(units::dimension) {
        _ if number.form == NumberForm::Fraction => Shape::Proportion,
        Some(Dimension::Proportion) => Shape::Proportion,
        Some(Dimension::Money) => Shape::Measure {
            money: true,
            modifier,
        },
        Some(Dimension::Measure) => Shape::Measure {
            money: false,
            modifier,
        },
        None => Shape::Count {
            plural: value != 1.0 || number.form == NumberForm::Vague,
        },
    };
    let counted = counted::after(body, words, j, shape);
    let mut end = counted.end.max(j);
    if trailing.is_none() {
        trailing = qualifier::after(words, end);
        if let Some((_, after)) = trailing {
            end = after;
        }
    }
    let stated = before.map(|(q, _)| q).or(trailing.map(|(q, _)| q));
    let bare = unit.is_none() && stated.is_none() && counted.counts.is_none();
    // A bare number in words is too often not a quantity ("one of them",
    // "the two"); a bare four-digit number in the year range is a year.
    let year_like = number.plain_digits == Some(4) && YEAR_LIKE.contains(&number.value);
    if bare && (number.form == NumberForm::Words || year_like) {
        return None;
    }
    let qualifier = stated.unwrap_or(match number.form {
        NumberForm::Vague => Qualifier::AtLeast,
        _ => Qualifier::Exact,
    });
    let first = before.map_or(start_word, |(_, first)| first);
    let span = Span::new(words[first].start, words[end.checked_sub(1)?].end);
    let figure = Figure {
        span,
        value,
        counts: counted.counts,
        unit: unit.map(str::to_owned),
        qualifier,
        part_of: counted.part_of,
    };
    Some((figure, end))
}

#[cfg(test)]
mod tests;
