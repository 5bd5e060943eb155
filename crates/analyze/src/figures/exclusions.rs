//! Numbers that are not quantities: parts of names and codes ("World War
//! 2", "F-16", "G7", "Article 5"), clock times ("10:00", "10 a.m."),
//! list markers ("1 of 3"), phone numbers and other digit groups ("+44 20
//! 7946 0958", "10-15"), and index labels ("page 5", "No. 3").
//!
//! Years and dates are handled elsewhere: dates by the time recogniser,
//! bare years by [`crate::figures`] once it knows nothing is counted.

use super::nouns::is_function_word;
use super::qualifier::starts_qualifier;
use crate::numbers::words::{Kind, Word};
use crate::numbers::{NumberForm, Parsed};

/// Lower-case nouns that number things rather than count them ("page 5").
const INDEX_LABELS: &[&str] = &[
    "page",
    "section",
    "article",
    "chapter",
    "paragraph",
    "item",
    "list",
    "number",
    "no",
    "version",
    "point",
    "phase",
    "stage",
    "round",
    "part",
    "annex",
    "clause",
    "resolution",
    "flight",
    "route",
    "gate",
    "room",
    "platform",
    "line",
    "figure",
    "table",
    "level",
    "grade",
    "category",
    "class",
    "seat",
    "episode",
    "season",
    "volume",
    "issue",
    "step",
    "row",
    "block",
    "building",
    "unit",
];

/// Words after a number that make it a clock time.
const CLOCK_WORDS: &[&str] = &[
    "am", "pm", "gmt", "utc", "cet", "cest", "eet", "eest", "bst", "est", "edt", "pst", "msk", "h",
];

/// Separators that join digit groups in codes, phone numbers and ranges.
const DIGIT_JOINERS: &[&str] = &["-", "–", "—", "/", ".", "+", "(", ")", ":", "‑"];

/// True when the number is not a quantity.
pub(crate) fn not_a_quantity(words: &[Word], number: &Parsed, labelled: bool) -> bool {
    let first = &words[number.first];
    if number.form != NumberForm::Numeral {
        // "Su-twenty", "Minsk-two": a spelled number hyphened to a name.
        return attached_to_letters_before(words, number.first);
    }
    attached_to_letters_before(words, number.first)
        || attached_letters_after(words, number.end)
        || next_to_digits(words, number.first, number.end)
        || clock_time(words, number.end)
        || list_marker(words, number.first, number.end)
        || first.spaced && !labelled && named_before(words, number.first)
}

/// "F-16", "G7", "COVID-19", "MH17": letters glued to the digits.
fn attached_to_letters_before(words: &[Word], i: usize) -> bool {
    let Some(previous) = i.checked_sub(1).map(|p| &words[p]) else {
        return false;
    };
    if !words[i].attached() {
        return false;
    }
    if previous.kind == Kind::Alpha {
        return true;
    }
    let joined = matches!(previous.text, "-" | "‑" | "‐") && previous.attached();
    joined && i >= 2 && words[i - 2].kind == Kind::Alpha
}

/// "5G", "3D", "4x4": letters glued after the digits that are no unit.
fn attached_letters_after(words: &[Word], end: usize) -> bool {
    words.get(end).is_some_and(|w| {
        w.attached() && w.kind == Kind::Alpha && !w.is_any(&["km", "m", "kg", "k", "b", "bn", "mn", "pc"])
    })
}

/// Another digit group right before or after, alone or across one joiner:
/// phone numbers, ranges, scores, codes.
fn next_to_digits(words: &[Word], first: usize, end: usize) -> bool {
    let digits_at = |k: usize| words.get(k).is_some_and(|w| w.kind == Kind::Digits);
    let joiner_at = |k: usize| words.get(k).is_some_and(|w| DIGIT_JOINERS.contains(&w.text));
    let before = first.checked_sub(1).is_some_and(|p| {
        digits_at(p) || joiner_at(p) && (p.checked_sub(1).is_some_and(digits_at) || words[p].text == "+")
    });
    let after = digits_at(end) || joiner_at(end) && words[end].text != "." && digits_at(end + 1);
    before || after
}

/// "10:00", "10 a.m.", "10pm", "14:30 GMT".
fn clock_time(words: &[Word], end: usize) -> bool {
    let Some(next) = words.get(end) else { return false };
    if next.is_punct(':') && next.attached() {
        return true;
    }
    if next.kind == Kind::Alpha && (next.is_any(CLOCK_WORDS) || next.is_any(&["o"]) && !next.spaced) {
        return true;
    }
    // "a.m." and "p.m." are lexed as "a" "." "m" ".".
    next.is_any(&["a", "p"])
        && words
            .get(end + 1)
            .is_some_and(|w| w.is_punct('.') && w.attached())
        && words
            .get(end + 2)
            .is_some_and(|w| w.attached() && w.lower() == "m")
}

/// "1 of 3", "list 2 of 5": a position in a sequence.
fn list_marker(words: &[Word], first: usize, end: usize) -> bool {
    let is_numeral = |k: usize| words.get(k).is_some_and(|w| w.kind == Kind::Digits);
    let of_at = |k: usize| words.get(k).is_some_and(|w| w.lower() == "of");
    of_at(end) && is_numeral(end + 1) || first >= 2 && of_at(first - 1) && is_numeral(first - 2)
}

/// "World War 2", "Article 5", "page 5", "No. 3", "#5": a name or label
/// before the number.
fn named_before(words: &[Word], i: usize) -> bool {
    let Some(previous) = i.checked_sub(1).map(|p| &words[p]) else {
        return false;
    };
    if words[i].line_break {
        return false;
    }
    if previous.is_punct('#') {
        return true;
    }
    if previous.is_punct('.') && i >= 2 && words[i - 2].is_any(&["no", "nos"]) {
        return true;
    }
    if previous.kind != Kind::Alpha {
        return false;
    }
    if previous.is_lowercase() {
        return previous.is_any(INDEX_LABELS);
    }
    let lower = previous.lower();
    let function = is_function_word(lower) || starts_qualifier(lower);
    previous.is_capitalised() && !function
}
