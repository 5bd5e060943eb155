//! Words that bound or soften a figure: "more than", "at least", "up to",
//! "about", "nearly" before it; "or more", "or so", "+" and "-plus" after.

use parallax_core::Qualifier;

use crate::numbers::words::{is_hyphen, Word};

/// Phrases before a number, longest first so "no more than" wins over "more
/// than".
const BEFORE: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["more", "or", "less"], Qualifier::Approximately),
    (&["more", "than"], Qualifier::AtLeast),
    (&["greater", "than"], Qualifier::AtLeast),
    (&["at", "least"], Qualifier::AtLeast),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["just", "over"], Qualifier::AtLeast),
    (&["well", "over"], Qualifier::AtLeast),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["just", "under"], Qualifier::AtMost),
    (&["close", "to"], Qualifier::Approximately),
    (&["an", "estimated"], Qualifier::Approximately),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["exceeding"], Qualifier::AtLeast),
    (&["under"], Qualifier::AtMost),
    (&["below"], Qualifier::AtMost),
    (&["about"], Qualifier::Approximately),
    (&["around"], Qualifier::Approximately),
    (&["approximately"], Qualifier::Approximately),
    (&["roughly"], Qualifier::Approximately),
    (&["nearly"], Qualifier::Approximately),
    (&["almost"], Qualifier::Approximately),
    (&["some"], Qualifier::Approximately),
    (&["estimated"], Qualifier::Approximately),
    (&["circa"], Qualifier::Approximately),
];

/// The qualifier ending just before word `i`, not reaching below `floor`:
/// `(qualifier, index of its first word)`.
pub(crate) fn before(words: &[Word], i: usize, floor: usize) -> Option<(Qualifier, usize)> {
    BEFORE.iter().find_map(|(phrase, qualifier)| {
        let first = i.checked_sub(phrase.len()).filter(|&first| first >= floor)?;
        let matches = phrase.iter().enumerate().all(|(k, part)| {
            let word = &words[first + k];
            word.lower() == *part && (k == 0 || word.spaced)
        });
        (matches && words.get(i).is_some_and(|w| w.spaced)).then_some((*qualifier, first))
    })
}

/// A qualifier right after word `j` ("500 or more", "500+", "500-plus"):
/// `(qualifier, index after it)`.
pub(crate) fn after(words: &[Word], j: usize) -> Option<(Qualifier, usize)> {
    let next = words.get(j)?;
    if next.attached() && next.is_punct('+') {
        return Some((Qualifier::AtLeast, j + 1));
    }
    if is_hyphen(next)
        && next.attached()
        && words
            .get(j + 1)
            .is_some_and(|w| w.attached() && w.lower() == "plus")
    {
        return Some((Qualifier::AtLeast, j + 2));
    }
    if !next.spaced || next.lower() != "or" {
        return None;
    }
    let qualifier = match words.get(j + 1)?.lower() {
        "more" => Qualifier::AtLeast,
        "so" => Qualifier::Approximately,
        "fewer" | "less" => Qualifier::AtMost,
        _ => return None,
    };
    Some((qualifier, j + 2))
}

/// True for a folded word that starts a qualifier ("About 500"), so it is
/// not read as a name before a number.
pub(crate) fn starts_qualifier(lower: &str) -> bool {
    BEFORE.iter().any(|(phrase, _)| phrase[0] == lower)
}
