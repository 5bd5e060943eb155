//! Words before a time expression that qualify it: the part of a period
//! ("early 2022", "mid-September", "the end of May"), the part of a day
//! ("early on Wednesday", "in the early hours of Sunday"), and a future
//! tense that turns a bare weekday forward ("will meet on Friday").
//!
//! Every look-back stops at `floor`, the end of the previous expression, so
//! two expressions never claim the same word.

use crate::numbers::words::{is_hyphen, Kind, Word};

/// How far back a modifier may reach: `(first word, part)`.
pub(crate) type Modifier = (usize, &'static str);

/// The folded word `back` places before `i`, if it is not below `floor`.
fn before<'w>(words: &'w [Word<'w>], i: usize, back: usize, floor: usize) -> Option<&'w Word<'w>> {
    let at = i.checked_sub(back)?;
    (at >= floor).then(|| &words[at])
}

/// Matches the folded words `phrase` ending just before `i`; returns the
/// index of the phrase's first word.
fn phrase_before(words: &[Word], i: usize, floor: usize, phrase: &[&str]) -> Option<usize> {
    let first = i.checked_sub(phrase.len())?;
    if first < floor {
        return None;
    }
    phrase
        .iter()
        .enumerate()
        .all(|(k, part)| words[first + k].lower() == *part)
        .then_some(first)
}

/// "early", "mid", "late" before a month or year, including "mid-" and
/// "the end/beginning/start/middle of".
pub(crate) fn period_before(words: &[Word], i: usize, floor: usize) -> Option<Modifier> {
    for (phrase, part) in [
        (&["the", "end", "of"][..], "late"),
        (&["the", "beginning", "of"][..], "early"),
        (&["the", "start", "of"][..], "early"),
        (&["the", "middle", "of"][..], "mid"),
    ] {
        if let Some(first) = phrase_before(words, i, floor, phrase) {
            return Some((first, part));
        }
    }
    let previous = before(words, i, 1, floor)?;
    if is_hyphen(previous) && previous.attached() && words.get(i).is_some_and(|w| w.attached()) {
        let mid = before(words, i, 2, floor)?;
        return (mid.lower() == "mid" && previous.attached()).then_some((i - 2, "mid"));
    }
    let part = match previous.lower() {
        "early" => "early",
        "mid" => "mid",
        "late" => "late",
        _ => return None,
    };
    Some((i - 1, part))
}

/// "early on", "late on", "early", "late", "in the early hours of" before a
/// day; the part of the day they name.
pub(crate) fn day_part_before(words: &[Word], i: usize, floor: usize) -> Option<Modifier> {
    for (phrase, part) in [
        (&["in", "the", "early", "hours", "of"][..], "early"),
        (&["early", "hours", "of"][..], "early"),
        (&["early", "on"][..], "early"),
        (&["late", "on"][..], "late"),
        (&["on", "the", "night", "of"][..], "night"),
        (&["the", "night", "of"][..], "night"),
        (&["early"][..], "early"),
        (&["late"][..], "late"),
    ] {
        if let Some(first) = phrase_before(words, i, floor, phrase) {
            return Some((first, part));
        }
    }
    None
}

/// "earlier" or "later" before "this week", "today".
pub(crate) fn relative_part_before(words: &[Word], i: usize, floor: usize) -> Option<Modifier> {
    let previous = before(words, i, 1, floor)?;
    match previous.lower() {
        "earlier" => Some((i - 1, "earlier")),
        "later" => Some((i - 1, "later")),
        _ => None,
    }
}

/// Phrases that put what follows in the future ("will", "is set to", "is
/// due to", "is expected to", "plans to", "scheduled").
const FUTURE_CUES: &[&[&str]] = &[
    &["will"],
    &["shall"],
    &["ll"],
    &["set", "to"],
    &["due", "to"],
    &["expected", "to"],
    &["plans", "to"],
    &["plan", "to"],
    &["scheduled"],
    &["upcoming"],
];

/// How many words back a tense cue may stand from the weekday it governs.
const TENSE_REACH: usize = 12;

/// True when the clause leading up to word `i` is in the future tense.
pub(crate) fn future_before(words: &[Word], i: usize) -> bool {
    let mut j = i;
    let mut seen = 0;
    while j > 0 && seen < TENSE_REACH {
        j -= 1;
        let word = &words[j];
        if word.kind == Kind::Punct && matches!(word.text, "." | "!" | "?" | ";") {
            return false;
        }
        if word.kind != Kind::Alpha {
            continue;
        }
        seen += 1;
        let lower = word.lower();
        for cue in FUTURE_CUES {
            if cue[0] == lower
                && cue[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, part)| words.get(j + 1 + k).is_some_and(|w| w.lower() == *part))
            {
                return true;
            }
        }
        if word.line_break {
            return false;
        }
    }
    false
}
