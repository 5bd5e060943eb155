//! The closed lexicon of English abbreviations written with a final period
//! ("Gen.", "Sept.", "Inc."), and whether each can end a sentence.
//!
//! The tokenizer keeps the period inside such tokens (so "Gen." is one
//! token, like CoNLL-2003 and the Penn Treebank do), and the sentence
//! splitter asks [`AbbreviationClass`] whether the period may also close the
//! sentence.

/// Whether the period of an abbreviation can also end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Always followed by what it qualifies ("Gen. Smith", "Sept. 5",
    /// "No. 10", "Mr. Putin"): the period never ends a sentence.
    Prefix,
    /// Can close a sentence ("… in the U.S.", "… Apple Inc.", "… etc.",
    /// "Plan B."): the splitter decides from what follows.
    MaybeFinal,
}

/// Titles, months and reference words that precede what they qualify.
/// Lower-case, without the period.
const PREFIXES: &[&str] = &[
    // Titles and ranks.
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "reps", "rev", "hon", "pres", "supt", "insp", "det",
    "amb", "atty", "fr", "sr", "st", "mt", "ft", "mme", "mlle", "hr",
    // Months (the period precedes a day or year: "Sept. 5").
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    // Reference words.
    "no", "nos", "vs", "v", "art", "fig", "p", "pp", "vol", "ch", "para", "approx", "est",
];

/// Abbreviations that may end a sentence. Lower-case, without the period.
const MAYBE_FINAL: &[&str] = &[
    "inc", "ltd", "corp", "co", "plc", "llc", "bros", "jr", "etc", "al", "dept", "univ", "ave", "blvd", "rd",
];

/// Classifies `word` (without its period) as an abbreviation, or `None`.
///
/// "Sr." is deliberately a prefix ("Sr. Lt.") rather than the suffix "Sr."
/// of "John Smith Sr.": in news the rank reading dominates.
pub fn classify(word: &str) -> Option<AbbreviationClass> {
    if word.len() > 6 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut lower = [0u8; 6];
    for (slot, byte) in lower.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&lower[..word.len()]).ok()?;
    if PREFIXES.contains(&lower) {
        Some(AbbreviationClass::Prefix)
    } else if MAYBE_FINAL.contains(&lower) {
        Some(AbbreviationClass::MaybeFinal)
    } else {
        None
    }
}

/// True for abbreviations whose period is only an abbreviation when a number
/// follows ("No. 10", "p. 5", "Art. 5"), since the bare word is common ("the
/// answer was no.").
pub fn needs_number_after(word: &str) -> bool {
    ["no", "nos", "p", "pp", "art", "v", "vol", "ch", "para", "fig"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_titles_months_and_suffixes() {
        assert_eq!(classify("Gen"), Some(AbbreviationClass::Prefix));
        assert_eq!(classify("Sept"), Some(AbbreviationClass::Prefix));
        assert_eq!(classify("Inc"), Some(AbbreviationClass::MaybeFinal));
        assert_eq!(classify("Jr"), Some(AbbreviationClass::MaybeFinal));
        assert_eq!(classify("war"), None);
        assert_eq!(classify("Ukraine"), None);
        assert_eq!(classify("Gén"), None);
    }
}
