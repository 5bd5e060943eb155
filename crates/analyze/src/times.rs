//! Time expressions in the body and their dates: absolute dates ("September
//! 7, 2022", "in 2014", "2025-09-04"), year-less dates ("Sept. 5", "in
//! May", "mid-September"), weekdays ("on Wednesday", "Monday's talks", "next
//! Monday"), deictic words ("yesterday", "last night") and calendar offsets
//! ("last week", "earlier this month", "two days ago").
//!
//! Recognition and resolution are separate: [`find_times`] keeps each
//! expression's relation to the publication date, and [`resolve`] turns a
//! relation into dates, so the link stage can resolve again once it has
//! inferred a missing publication date. Spans exclude plain prepositions
//! ("in 2014" → "2014") and include the words that change the meaning
//! ("early on Wednesday", "last week", "mid-September").

mod dates;
mod lexicon;
mod modifiers;
mod relative;
mod resolve;

use chrono::NaiveDate;
use parallax_core::{DatePrecision, PublishedDate, Span, TimeExpression, TimeRelation};

pub use self::resolve::{resolve, Resolved};
use crate::numbers::words::{lex, lowered, Word};

/// Every time expression in `body`, in order and not overlapping, resolved
/// against `published` where it allows.
pub fn find_times(body: &str, published: &PublishedDate) -> Vec<TimeExpression> {
    let lower = lowered(body);
    let words = lex(body, &lower);
    recognise(&words)
        .into_iter()
        .map(|found| {
            let span = Span::new(words[found.first].start, words[found.end - 1].end);
            let resolved = match found.fixed {
                Some(fixed) => fixed.resolved(),
                None => resolve(&found.relation, published),
            };
            TimeExpression {
                span,
                text: body.get(span.start..span.end).unwrap_or_default().to_owned(),
                relation: found.relation,
                date: resolved.date,
                end: resolved.end,
                precision: resolved.precision,
                part_of_day: found.part_of_day.map(str::to_owned),
                part_of_period: found.part_of_period.map(str::to_owned),
            }
        })
        .collect()
}

/// A date stated in full, with how much of it is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fixed {
    /// The date (the first day of the month or year when less is stated).
    pub date: NaiveDate,
    /// How much of it the text states.
    pub precision: DatePrecision,
}

impl Fixed {
    pub(crate) fn day(date: NaiveDate) -> Self {
        Fixed {
            date,
            precision: DatePrecision::Day,
        }
    }

    pub(crate) fn month(date: NaiveDate) -> Self {
        Fixed {
            date,
            precision: DatePrecision::Month,
        }
    }

    pub(crate) fn year(year: i32) -> Option<Self> {
        Some(Fixed {
            date: NaiveDate::from_ymd_opt(year, 1, 1)?,
            precision: DatePrecision::Year,
        })
    }

    fn resolved(self) -> Resolved {
        let iso = resolve::iso(self.date);
        let date = match self.precision {
            DatePrecision::Day => iso,
            DatePrecision::Month => iso.get(..7).unwrap_or_default().to_owned(),
            DatePrecision::Year => iso.get(..4).unwrap_or_default().to_owned(),
        };
        Resolved {
            date: Some(date),
            end: None,
            precision: Some(self.precision),
        }
    }
}

/// A time expression found in the word stream: words `first..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Recognised {
    /// Index of the first word.
    pub first: usize,
    /// One past the index of the last word.
    pub end: usize,
    /// How it relates to the publication date.
    pub relation: TimeRelation,
    /// The date, for an absolute expression.
    pub fixed: Option<Fixed>,
    /// "early", "late", "morning", "afternoon", "evening", "night".
    pub part_of_day: Option<&'static str>,
    /// "early", "mid", "late", "earlier", "later".
    pub part_of_period: Option<&'static str>,
}

impl Recognised {
    pub(crate) fn absolute(first: usize, end: usize, fixed: Fixed) -> Self {
        Recognised {
            first,
            end,
            relation: TimeRelation::Absolute,
            fixed: Some(fixed),
            part_of_day: None,
            part_of_period: None,
        }
    }

    pub(crate) fn relative(first: usize, end: usize, relation: TimeRelation) -> Self {
        Recognised {
            first,
            end,
            relation,
            fixed: None,
            part_of_day: None,
            part_of_period: None,
        }
    }
}

/// The time expressions in a word stream, in order and not overlapping.
pub(crate) fn recognise(words: &[Word]) -> Vec<Recognised> {
    let mut found: Vec<Recognised> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let floor = found.last().map_or(0, |last| last.end);
        let hit = dates::at(words, i, floor, found.last()).or_else(|| relative::at(words, i, floor));
        match hit {
            // Every recogniser consumes its head word, so `end > i`.
            Some(expression) if expression.end > i && expression.first >= floor => {
                i = expression.end;
                found.push(expression);
            }
            _ => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests;
