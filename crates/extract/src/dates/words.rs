//! Dates written with a month name: "September 4, 2025", "Sept. 4th 2025",
//! "Thu, 04 Sep 2025", "4 de septiembre de 2025", "4. September 2025", and the
//! month-precision form "September 2025".

use super::months::month_number;
use super::FoundDay;

/// A word or number in the text with its byte range.
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Words that may stand between the parts of a date ("4 of September",
/// "4 de septiembre de 2025").
const CONNECTIVES: &[&str] = &["of", "de", "del", "di", "du", "the"];

/// Words that may surround a month-precision date ("Published September 2025").
const LEAD_INS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "on",
    "in",
    "date",
    "dated",
    "last",
    "issue",
    "edition",
];

/// The earliest day-precision date written with a month name.
pub fn find_word_day(text: &str) -> Option<FoundDay> {
    let tokens = tokens(text);
    tokens.windows(3).find_map(|w| {
        let (month, day) = if let (Some(m), Some(d)) = (month_number(w[0].text), day_number(w[1].text)) {
            (m, d)
        } else if let (Some(d), Some(m)) = (day_number(w[0].text), month_number(w[1].text)) {
            (m, d)
        } else {
            return None;
        };
        FoundDay::new(year_number(w[2].text)?, month, day, w[0].start, w[2].end)
    })
}

/// Year and month when the whole text is a month and a year, optionally with
/// lead-in words ("September 2025", "Published Sept. 2025").
pub fn whole_month_year(text: &str) -> Option<(i32, u32)> {
    let tokens = tokens(text);
    let mut dated = tokens
        .iter()
        .filter(|t| !LEAD_INS.contains(&t.text.to_lowercase().as_str()));
    let (month, year) = (dated.next()?, dated.next()?);
    if dated.next().is_some() {
        return None;
    }
    Some((year_number(year.text)? as i32, month_number(month.text)?))
}

/// Splits text into runs of letters and digits; a trailing period stays
/// with a word (abbreviations like "Sept.") and connectives are dropped.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let end = if c == '.' { i + 1 } else { i };
                let word = &text[s..end];
                if !CONNECTIVES.contains(&word.to_lowercase().as_str()) {
                    out.push(Token {
                        text: word,
                        start: s,
                        end,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// "4", "04", "4th", "1er", "4." → day of month.
fn day_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    let digits_end = word.find(|c: char| !c.is_ascii_digit()).unwrap_or(word.len());
    let (digits, suffix) = word.split_at(digits_end);
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    if !matches!(
        suffix.to_lowercase().as_str(),
        "" | "st" | "nd" | "rd" | "th" | "er" | "º" | "o" | "e"
    ) {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year (a trailing period is allowed: "2025.").
fn year_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        word.parse().ok()
    } else {
        None
    }
}
