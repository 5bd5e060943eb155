//! What a figure counts or describes, and the whole it is a part of:
//! "502 drones" (counts "drone"), "430 of the drones" (part of "drones"),
//! "one-fifth of the Donetsk region" (a share of "Donetsk region"),
//! "dozens of locations", "a three-and-a-half-year war" (a measure
//! describing "war"), "$2.4 billion in aid".

use super::nouns::{self, NounPhrase};
use crate::numbers::parse_at;
use crate::numbers::words::Word;

/// The kind of quantity, which decides how the phrase after it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Counts things; with `plural`, more than one.
    Count { plural: bool },
    /// A share of a whole (a fraction or a percentage).
    Proportion,
    /// An amount in a unit; `modifier` when hyphenated into a noun phrase
    /// ("10-km convoy"); `money` for currencies.
    Measure { money: bool, modifier: bool },
}

/// What follows the number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Counted {
    /// Normal form of what is counted or described.
    pub counts: Option<String>,
    /// The whole, as written, for a part ("drones" in "430 of the drones").
    pub part_of: Option<String>,
    /// Index of the first word after the figure.
    pub end: usize,
}

/// Determiners and possessives that make "N of the X" a part of a whole.
const DETERMINERS: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our", "your", "this", "that",
];

/// Pronouns a part may be taken from ("two of them").
const PRONOUNS: &[&str] = &["them", "whom", "which", "us", "you"];

/// Reads what the figure whose number (and unit) ends before word `j`
/// counts. `words` should end where the next time expression starts.
pub(crate) fn after(body: &str, words: &[Word], j: usize, shape: Shape) -> Counted {
    let nothing = Counted {
        counts: None,
        part_of: None,
        end: j,
    };
    let Some(next) = words.get(j).filter(|w| !w.line_break) else {
        return nothing;
    };
    let lower = next.lower();
    if lower == "of" {
        return partitive(body, words, j, shape).unwrap_or(nothing);
    }
    let phrase = match shape {
        Shape::Count { plural } => nouns::read(words, j, plural),
        Shape::Measure { modifier: true, .. } => nouns::read(words, j, false),
        // "$2.4 billion in aid", "$50m worth of weapons".
        Shape::Measure {
            money: true,
            modifier: false,
        } => match lower {
            "in" => nouns::read(words, j + 1, false),
            "worth" if words.get(j + 1).is_some_and(|w| w.lower() == "of") => {
                nouns::read(words, j + 2, false)
            }
            _ => None,
        },
        _ => None,
    };
    match phrase {
        Some(np) => counted(words, &np, None),
        None => nothing,
    }
}

fn counted(words: &[Word], np: &NounPhrase, part_of: Option<String>) -> Counted {
    Counted {
        counts: Some(np.counts(words)),
        part_of,
        end: np.end,
    }
}

/// "430 of the drones", "one-fifth of the Donetsk region", "dozens of
/// locations", "40% of Ukrainians", "two of them"; `of` is the index of "of".
fn partitive(body: &str, words: &[Word], of: usize, shape: Shape) -> Option<Counted> {
    let next = words.get(of + 1)?;
    if next.is_any(PRONOUNS) {
        return matches!(shape, Shape::Count { .. }).then_some(Counted {
            counts: None,
            part_of: None,
            end: of + 2,
        });
    }
    let determined = next.is_any(DETERMINERS);
    let start = if determined { of + 2 } else { of + 1 };
    if determined {
        // "430 of the 500 drones": the whole is a figure of its own, so
        // this figure stops before "of" and does not overlap it.
        if let Some(whole) = parse_at(words, start) {
            let np = nouns::read(words, whole.end, whole.value != 1.0)?;
            let text = body.get(words.get(start)?.start..words.get(np.end.checked_sub(1)?)?.end)?;
            return Some(Counted {
                counts: Some(np.counts(words)),
                part_of: Some(text.to_owned()),
                end: of,
            });
        }
    }
    let plural = matches!(shape, Shape::Count { plural: true }) && !determined;
    let np = nouns::read(words, start, plural)?;
    let part_of = match shape {
        Shape::Proportion => np.as_written(body, words),
        Shape::Count { .. } if determined => np.as_written(body, words),
        _ => None,
    };
    Some(counted(words, &np, part_of))
}
