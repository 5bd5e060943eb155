//! Numbers in running text, as values: numerals ("1,436", "50,000", "3.5",
//! "2.4 million", "$5bn" → the 5bn part) and numbers in words ("nine",
//! "twenty-six", "one-fifth", "three-and-a-half", "a dozen", "half a
//! million"), plus vague round numbers ("dozens", "hundreds of", "tens of
//! thousands"), whose value is the smallest the phrase allows.
//!
//! This module only reads numbers; deciding which of them are quantities
//! (and not years, dates, clock times, ordinals or parts of names) is
//! [`crate::figures`]' job.

mod lexicon;
mod spelled;
pub(crate) mod words;

use parallax_core::Span;

use self::lexicon::numeral_scale;
use self::words::{lex, lowered, Kind, Word};

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberForm {
    /// Digits ("502", "1,436", "3.5", "2.4 million").
    Numeral,
    /// Words ("nine", "twenty-six", "a dozen", "three-and-a-half").
    Words,
    /// A fraction of a whole ("one-fifth", "two thirds", "half of", "a
    /// quarter of"): the value is below one and names a share.
    Fraction,
    /// A vague round number ("dozens", "hundreds of thousands", "several
    /// hundred"): the value is the lower bound the phrase guarantees, twice
    /// the round number ("dozens" = 24) or, after "several", three times.
    Vague,
}

/// A number found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMention {
    /// Byte span of the number (scale words included: "2.4 million").
    pub span: Span,
    /// Its value.
    pub value: f64,
    /// How it is written.
    pub form: NumberForm,
}

/// A number read from the word stream: words `first..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parsed {
    /// Index of the first word.
    pub first: usize,
    /// One past the index of the last word.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// How it is written.
    pub form: NumberForm,
    /// Number of digits when the number is one plain run of digits with no
    /// separator, decimals or scale ("2014" → 4): what a year looks like.
    pub plain_digits: Option<usize>,
}

impl Parsed {
    pub(crate) fn new(first: usize, end: usize, value: f64, form: NumberForm) -> Self {
        Parsed {
            first,
            end,
            value,
            form,
            plain_digits: None,
        }
    }
}

/// Every number in `text`, in order, not overlapping.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let lower = lowered(text);
    let words = lex(text, &lower);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match parse_at(&words, i) {
            Some(parsed) => {
                found.push(NumberMention {
                    span: Span::new(words[parsed.first].start, words[parsed.end - 1].end),
                    value: parsed.value,
                    form: parsed.form,
                });
                i = parsed.end;
            }
            None => i += 1,
        }
    }
    found
}

/// The value of `text` when all of it is one number ("twenty-six",
/// "1,436", "one-fifth", "2.4 million").
pub fn parse_number(text: &str) -> Option<f64> {
    let lower = lowered(text);
    let words = lex(text, &lower);
    let parsed = parse_at(&words, 0)?;
    (parsed.end == words.len()).then_some(parsed.value)
}

/// Reads a number starting at word `i`, if one starts there.
pub(crate) fn parse_at(words: &[Word], i: usize) -> Option<Parsed> {
    match words.get(i)?.kind {
        Kind::Digits => numeral(words, i),
        Kind::Alpha => spelled::parse(words, i),
        Kind::Punct => None,
    }
}

/// True when words `i` and `i + 1` are one attached separator and an
/// attached run of digits ("," "436" inside "1,436").
fn attached_digits_after<'a>(words: &[Word<'a>], i: usize, separator: char) -> Option<&'a str> {
    let mark = words.get(i)?;
    let digits = words.get(i + 1)?;
    (mark.is_punct(separator) && mark.attached() && digits.kind == Kind::Digits && digits.attached())
        .then_some(digits.text)
}

/// A numeral: digits with thousands separators and decimals, and an
/// optional scale ("2.4 million", "5bn").
fn numeral(words: &[Word], i: usize) -> Option<Parsed> {
    // Not the middle of a longer numeral ("1,2,3", "1.2.3") already refused.
    if i >= 2 && words[i].attached() && words[i - 2].kind == Kind::Digits {
        let mark = &words[i - 1];
        if mark.attached() && (mark.is_punct(',') || mark.is_punct('.')) {
            return None;
        }
    }
    let first = words[i].text;
    let mut value = digits_value(first);
    let mut j = i + 1;
    let mut plain = true;
    if first.len() <= 3 {
        while let Some(group) = attached_digits_after(words, j, ',').filter(|group| group.len() == 3) {
            value = value * 1000.0 + digits_value(group);
            j += 2;
            plain = false;
        }
    }
    if let Some(decimals) = attached_digits_after(words, j, '.') {
        // "1.2.3" is a version or an address, not a number.
        if attached_digits_after(words, j + 2, '.').is_some() {
            return None;
        }
        value += digits_value(decimals) / 10f64.powi(decimals.len().min(300) as i32);
        j += 2;
        plain = false;
    }
    if let Some(next) = words.get(j) {
        // "5th", "1990s": ordinals and decades, not quantities.
        if next.attached() && next.is_any(&["st", "nd", "rd", "th", "s"]) {
            return None;
        }
        // "the 1990's", "100’s of titles": a plural of the number itself.
        let apostrophe_s = matches!(next.text, "'" | "’")
            && words.get(j + 1).is_some_and(|s| s.attached() && s.lower() == "s");
        if next.attached() && apostrophe_s {
            return None;
        }
        if next.kind == Kind::Alpha && !next.line_break {
            if let Some(scale) = numeral_scale(next.lower()) {
                value *= scale;
                j += 1;
                plain = false;
            }
        }
    }
    let mut parsed = Parsed::new(i, j, value, NumberForm::Numeral);
    parsed.plain_digits = plain.then_some(first.len());
    Some(parsed)
}

fn digits_value(digits: &str) -> f64 {
    digits.bytes().fold(0.0, |value, byte| {
        value * 10.0 + f64::from(byte.saturating_sub(b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        parse_number(text)
    }

    #[test]
    fn reads_numerals() {
        assert_eq!(value("502"), Some(502.0));
        assert_eq!(value("1,436"), Some(1436.0));
        assert_eq!(value("50,000"), Some(50_000.0));
        assert_eq!(value("3.5"), Some(3.5));
        assert_eq!(value("2.4 million"), Some(2_400_000.0));
        assert_eq!(value("1.2bn"), Some(1_200_000_000.0));
    }

    #[test]
    fn reads_number_words() {
        assert_eq!(value("nine"), Some(9.0));
        assert_eq!(value("Nine"), Some(9.0));
        assert_eq!(value("twenty-six"), Some(26.0));
        assert_eq!(value("twenty six"), Some(26.0));
        assert_eq!(value("two hundred and fifty"), Some(250.0));
        assert_eq!(value("two million three hundred thousand"), Some(2_300_000.0));
        assert_eq!(value("a dozen"), Some(12.0));
        assert_eq!(value("two dozen"), Some(24.0));
        assert_eq!(value("a hundred"), Some(100.0));
        assert_eq!(value("half a million"), Some(500_000.0));
    }

    #[test]
    fn reads_fractions() {
        assert_eq!(value("one-fifth"), Some(0.2));
        assert_eq!(value("three quarters"), Some(0.75));
        assert_eq!(value("three-and-a-half"), Some(3.5));
        assert_eq!(value("two and a half million"), Some(2_500_000.0));
        let thirds = value("two-thirds").unwrap_or_default();
        assert!((thirds - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn vague_quantities_take_their_lower_bound() {
        let found = find_numbers("dozens of locations and hundreds of thousands of people");
        let values: Vec<(f64, NumberForm)> = found.iter().map(|n| (n.value, n.form)).collect();
        assert_eq!(
            values,
            [(24.0, NumberForm::Vague), (200_000.0, NumberForm::Vague)]
        );
        assert_eq!(value("tens of thousands"), Some(20_000.0));
        assert_eq!(value("several hundred"), Some(300.0));
        assert_eq!(value("a few thousand"), Some(2_000.0));
    }

    #[test]
    fn refuses_ordinals_decades_versions_and_lone_articles() {
        assert_eq!(value("5th"), None);
        assert_eq!(value("1990s"), None);
        assert!(find_numbers("version 1.2.3").is_empty());
        assert!(find_numbers("a third round of talks").is_empty());
        assert!(find_numbers("the fourth year, the second round").is_empty());
        assert!(find_numbers("he scores tens").is_empty());
    }

    #[test]
    fn a_part_taken_is_a_fraction() {
        let found = find_numbers("a third of the land and half of the drones");
        let values: Vec<f64> = found.iter().map(|n| n.value).collect();
        assert_eq!(values.len(), 2);
        assert!((values[0] - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(values[1], 0.5);
        assert!(found.iter().all(|n| n.form == NumberForm::Fraction));
    }

    #[test]
    fn spans_cover_the_whole_number() {
        let text = "Russia launched 2.4 million shells and twenty-six drones.";
        let spans: Vec<&str> = find_numbers(text)
            .iter()
            .filter_map(|n| n.span.slice(text))
            .collect();
        assert_eq!(spans, ["2.4 million", "twenty-six"]);
    }
}
