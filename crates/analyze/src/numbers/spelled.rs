//! Numbers written in words: cardinals ("twenty-six", "two hundred and
//! fifty", "a dozen"), fractions ("one-fifth", "three-and-a-half", "half a
//! million", "a third of") and vague round numbers ("dozens", "tens of
//! thousands", "several hundred").

use super::lexicon::{denominator, may_start_number, number_word, scale_word, vague_plural, NumberWord};
use super::words::{is_hyphen, Kind, Word};
use super::{NumberForm, Parsed};

/// Reads a number written in words starting at word `i`.
pub(crate) fn parse(words: &[Word], i: usize) -> Option<Parsed> {
    let lower = words.get(i)?.lower();
    if !may_start_number(lower) {
        return None;
    }
    match lower {
        "a" | "an" => after_article(words, i),
        "half" => half(words, i),
        "several" => vague_multiple(words, i, i, 3.0),
        _ if vague_plural(lower).is_some() => vague(words, i),
        _ => cardinal(words, i, i),
    }
}

/// The word after `j` when it continues a number: separated by one space or
/// joined by a hyphen ("twenty-six"). Returns the index of that word.
fn next_part(words: &[Word], j: usize) -> Option<usize> {
    let next = words.get(j + 1)?;
    if next.line_break {
        return None;
    }
    if is_hyphen(next) && next.attached() {
        let after = words.get(j + 2)?;
        return (after.attached() && after.kind == Kind::Alpha).then_some(j + 2);
    }
    (next.kind == Kind::Alpha && next.spaced).then_some(j + 1)
}

/// "a dozen", "a hundred", "a million", "a third of", "a few hundred".
fn after_article(words: &[Word], i: usize) -> Option<Parsed> {
    let j = next_part(words, i)?;
    let lower = words[j].lower();
    if lower == "few" {
        return vague_multiple(words, i, j, 2.0);
    }
    if let Some(den) = denominator(lower) {
        // "a third" is an ordinal ("a third round") unless a part is taken.
        let of = next_part(words, j)?;
        return (words[of].lower() == "of" && den > 2.0).then_some(Parsed::new(
            i,
            j + 1,
            1.0 / den,
            NumberForm::Fraction,
        ));
    }
    match number_word(lower)? {
        NumberWord::Hundred | NumberWord::Dozen | NumberWord::Scale(_) => cardinal(words, i, j),
        _ => None,
    }
}

/// "half of", "half the", "half a million", "half a dozen".
fn half(words: &[Word], i: usize) -> Option<Parsed> {
    let j = next_part(words, i)?;
    let next = words[j].lower();
    if matches!(next, "a" | "an") {
        let k = next_part(words, j)?;
        let multiplier = match number_word(words[k].lower())? {
            NumberWord::Dozen => 12.0,
            NumberWord::Hundred => 100.0,
            NumberWord::Scale(scale) => scale,
            _ => return None,
        };
        return Some(Parsed::new(i, k + 1, 0.5 * multiplier, NumberForm::Words));
    }
    matches!(
        next,
        "of" | "the" | "its" | "their" | "his" | "her" | "our" | "all"
    )
    .then_some(Parsed::new(i, i + 1, 0.5, NumberForm::Fraction))
}

/// "dozens", "hundreds of thousands", "tens of thousands", "scores of":
/// the value is the smallest the phrase allows (two of the round number).
fn vague(words: &[Word], i: usize) -> Option<Parsed> {
    let lower = words[i].lower();
    let base = vague_plural(lower)?;
    let of = next_part(words, i).filter(|&of| words[of].lower() == "of");
    let mut value = base;
    let mut end = i + 1;
    // "hundreds of thousands", "tens of millions".
    if let Some(k) = of.and_then(|of| next_part(words, of)) {
        if let Some(larger) = vague_plural(words[k].lower()).filter(|&larger| larger >= 1e3 && larger > base)
        {
            value *= larger;
            end = k + 1;
        }
    }
    match lower {
        // "tens" only multiplies a larger round number; "scores" alone is a verb.
        "tens" if end == i + 1 => None,
        "scores" if of.is_none() => None,
        _ => Some(Parsed::new(i, end, 2.0 * value, NumberForm::Vague)),
    }
}

/// "several hundred" (at least 3 × 100), "a few thousand" (at least 2 ×
/// 1000); `quantifier` is the index of "several" or "few".
fn vague_multiple(words: &[Word], first: usize, quantifier: usize, multiple: f64) -> Option<Parsed> {
    let scale_at = next_part(words, quantifier)?;
    let base = match number_word(words[scale_at].lower())? {
        NumberWord::Hundred => 100.0,
        NumberWord::Dozen => 12.0,
        NumberWord::Scale(scale) => scale,
        _ => return None,
    };
    Some(Parsed::new(
        first,
        scale_at + 1,
        multiple * base,
        NumberForm::Vague,
    ))
}

/// Where the previous cardinal word leaves the grammar.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

/// A spelled cardinal starting at `i` (or at the article `first` before it),
/// with a trailing fraction: "twenty-six", "two hundred and fifty",
/// "one-fifth", "three-and-a-half", "two and a half million", "a dozen".
fn cardinal(words: &[Word], first: usize, i: usize) -> Option<Parsed> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last = Last::Start;
    let mut j = i;
    let mut end = None;
    loop {
        let word = number_word(words[j].lower());
        let accepted = match (word, last) {
            (Some(NumberWord::Unit(n)), Last::Start | Last::Hundred | Last::Scale)
            | (Some(NumberWord::Teen(n)), Last::Start | Last::Hundred | Last::Scale)
            | (Some(NumberWord::Tens(n)), Last::Start | Last::Hundred | Last::Scale) => {
                current += n;
                Some(match word {
                    Some(NumberWord::Unit(_)) => Last::Unit,
                    Some(NumberWord::Teen(_)) => Last::Teen,
                    _ => Last::Tens,
                })
            }
            (Some(NumberWord::Unit(n)), Last::Tens) if n > 0.0 => {
                current += n;
                Some(Last::Unit)
            }
            (Some(NumberWord::Hundred), Last::Unit | Last::Teen) => {
                current *= 100.0;
                Some(Last::Hundred)
            }
            (Some(NumberWord::Hundred), Last::Start) if first < i => {
                current = 100.0;
                Some(Last::Hundred)
            }
            (Some(NumberWord::Dozen), Last::Unit | Last::Teen | Last::Tens) => {
                current *= 12.0;
                Some(Last::Scale)
            }
            (Some(NumberWord::Dozen), Last::Start) if first < i => {
                current = 12.0;
                Some(Last::Scale)
            }
            (Some(NumberWord::Scale(scale)), Last::Unit | Last::Teen | Last::Tens | Last::Hundred)
                if total == 0.0 || scale < largest_scale(total) =>
            {
                total += current * scale;
                current = 0.0;
                Some(Last::Scale)
            }
            (Some(NumberWord::Scale(scale)), Last::Start) if first < i => {
                total += scale;
                current = 0.0;
                Some(Last::Scale)
            }
            _ => None,
        };
        let Some(now) = accepted else { break };
        last = now;
        end = Some(j + 1);
        let Some(next) = next_part(words, j) else { break };
        if words[next].lower() == "and" {
            if let Some(parsed) = and_fraction(words, first, next, total + current) {
                return Some(parsed);
            }
            // "two hundred and fifty": "and" only continues after a hundred or scale.
            match (last, next_part(words, next)) {
                (Last::Hundred | Last::Scale, Some(after)) => j = after,
                _ => break,
            }
        } else {
            j = next;
        }
    }
    let end = end?;
    let value = total + current;
    if let Some(parsed) = fraction_of(words, first, end, value, last) {
        return Some(parsed);
    }
    Some(Parsed::new(first, end, value, NumberForm::Words))
}

/// The largest scale already counted in `total` (so "two million three
/// thousand" is accepted and "two thousand three million" is not).
fn largest_scale(total: f64) -> f64 {
    [1e12, 1e9, 1e6, 1e3]
        .into_iter()
        .find(|&scale| total >= scale)
        .unwrap_or(1.0)
}

/// "… and a half", "… and a quarter", optionally followed by a scale ("two
/// and a half million"); `and` is the index of "and".
fn and_fraction(words: &[Word], first: usize, and: usize, whole: f64) -> Option<Parsed> {
    let article = next_part(words, and)?;
    if words[article].lower() != "a" {
        return None;
    }
    let fraction_at = next_part(words, article)?;
    let fraction = match words[fraction_at].lower() {
        "half" => 0.5,
        "quarter" => 0.25,
        "third" => 1.0 / 3.0,
        _ => return None,
    };
    let value = whole + fraction;
    if let Some(scale_at) = next_part(words, fraction_at).filter(|&k| words[k].spaced) {
        if let Some(scale) = scale_word(words[scale_at].lower()) {
            return Some(Parsed::new(first, scale_at + 1, value * scale, NumberForm::Words));
        }
    }
    Some(Parsed::new(first, fraction_at + 1, value, NumberForm::Words))
}

/// "one-fifth", "two thirds", "three quarters": a small whole number followed
/// by a denominator. `end` is one past the numerator.
fn fraction_of(words: &[Word], first: usize, end: usize, numerator: f64, last: Last) -> Option<Parsed> {
    // Only a small whole number is a numerator ("three hundred fifths" is not English).
    if !matches!(last, Last::Unit | Last::Teen | Last::Tens) || numerator >= 100.0 || numerator == 0.0 {
        return None;
    }
    let at = next_part(words, end - 1)?;
    let den = denominator(words[at].lower())?;
    Some(Parsed::new(first, at + 1, numerator / den, NumberForm::Fraction))
}
