//! Small conversions the event formats share: offsets, sentence numbers,
//! date parts, text cleaning for tab-separated output.

use parallax_core::{Article, DatePrecision, EventDate};

/// Character offset of a byte offset into `body` (GDELT counts characters);
/// `None` when the offset is not on a character boundary of the body.
pub fn char_offset(body: &str, byte: usize) -> Option<usize> {
    body.get(..byte).map(|prefix| prefix.chars().count())
}

/// 1-based number of the sentence containing the byte offset, if any.
pub fn sentence_number(article: &Article, byte: usize) -> Option<usize> {
    article
        .analysis
        .sentences
        .iter()
        .position(|sentence| sentence.span.start <= byte && byte < sentence.span.end)
        .map(|index| index + 1)
}

/// Text of a byte span of the body, empty when the span is not valid.
pub fn span_text(body: &str, start: usize, end: usize) -> &str {
    body.get(start..end).unwrap_or_default()
}

/// A field for a tab-separated row: tabs and line breaks become spaces so a
/// value can never shift the columns.
pub fn clean(value: &str) -> String {
    value
        .chars()
        .map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c })
        .collect()
}

/// Year, month and day of an event date, as far as its precision goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateParts {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl DateParts {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, cut to the stated precision.
    pub fn of(date: &EventDate) -> Option<DateParts> {
        let text = date.date.as_deref()?;
        let mut pieces = text.split('-');
        let year = pieces.next()?.parse().ok()?;
        let month = pieces
            .next()
            .and_then(|m| m.parse().ok())
            .filter(|m| (1..=12).contains(m));
        let day = pieces
            .next()
            .and_then(|d| d.parse().ok())
            .filter(|d| (1..=31).contains(d));
        let (month, day) = match date.precision {
            Some(DatePrecision::Year) => (None, None),
            Some(DatePrecision::Month) => (month, None),
            _ => (month, month.and(day)),
        };
        Some(DateParts { year, month, day })
    }
}
