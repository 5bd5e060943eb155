//! Clause boundaries in a sentence, read from punctuation and a closed list
//! of subordinating words (there is no parser): where a relative clause
//! starts ("…, which was also targeted on Sunday" dates the relative
//! clause, not the main one), where the clause after a verb ends (for a
//! short summary), a fronted adverbial clause ("After the summit in Paris,
//! …") and a dateline ("GENEVA, March 4 (Nordwire) - ").

/// Words opening a relative clause after a comma.
const RELATIVE_OPENERS: &[&str] = &["which", "where", "who", "whom", "whose", "when"];

/// Words that end the clause a verb governs: subordinators, attributions
/// and participial add-ons. Matched as whole words after the verb.
const CLAUSE_BREAKS: &[&str] = &[
    "if",
    "but",
    "while",
    "whereas",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "because",
    "although",
    "though",
    "unless",
    "until",
    "according",
    "saying",
    "adding",
    "following",
    "after",
    "before",
    "despite",
    "amid",
    "since",
    "as",
    "so",
];

/// Words opening a fronted adverbial clause or phrase that a comma closes.
const FRONTED_OPENERS: &[&str] = &[
    "after",
    "before",
    "on",
    "in",
    "at",
    "under",
    "for",
    "with",
    "speaking",
    "following",
    "despite",
    "as",
    "while",
    "when",
    "during",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "separately",
    "also",
];

/// Punctuation that ends a clause.
fn is_break_char(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”' | '«' | '»' | '.' | '?' | '!'
    )
}

/// True when byte `offset` of `sentence` lies inside a relative clause:
/// some ", which" / ", where" / ", who" … opens before it.
pub fn in_relative_clause(sentence: &str, offset: usize) -> bool {
    let before = sentence.get(..offset).unwrap_or(sentence).to_lowercase();
    RELATIVE_OPENERS
        .iter()
        .any(|w| before.contains(&format!(", {w} ")))
}

/// Byte offset in `text` where the clause running from `from` ends: the
/// first clause punctuation, or the first clause-breaking word (or "and"
/// followed by a verb, as `is_verb` tells), or the end of the text.
pub fn clause_end(text: &str, from: usize, is_verb: impl Fn(&str) -> bool) -> usize {
    let rest = text.get(from..).unwrap_or("");
    let mut offset = 0;
    let mut previous_and = false;
    for piece in rest.split_inclusive(' ') {
        let word = piece.trim();
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let lower = bare.to_lowercase();
        if offset > 0 && (CLAUSE_BREAKS.contains(&lower.as_str()) || (previous_and && is_verb(bare))) {
            // Back over the "and" (and adverbs) that introduced a second verb.
            let cut = if previous_and {
                let before = &rest[..offset];
                before
                    .rfind(" and ")
                    .or_else(|| before.starts_with("and ").then_some(0))
                    .unwrap_or(offset)
            } else {
                offset
            };
            return from + cut;
        }
        if let Some(p) = piece.find(is_break_char) {
            // A break inside a word that continues ("U.S.", "502.5") is not one.
            let after = piece[p..].chars().nth(1);
            let decimal_or_abbreviation =
                piece[p..].starts_with('.') && after.is_some_and(|c| c.is_alphanumeric());
            if !decimal_or_abbreviation && (offset > 0 || p > 0) {
                return from + offset + p;
            }
        }
        // "and illegally annexed": an adverb keeps the coordination open.
        previous_and = lower == "and" || (previous_and && lower.ends_with("ly"));
        offset += piece.len();
    }
    text.len()
}

/// `text` without a fronted adverbial ("After the summit in Paris, Zelensky
/// …" → "Zelensky …"; "Speaking in Beijing, the Kremlin chief …" → "the
/// Kremlin chief …"): a first word from a closed list and a comma within
/// the first twelve words. Returns the skipped part's place names only
/// through the caller (this keeps the main clause).
pub fn main_clause_start(text: &str) -> usize {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if !FRONTED_OPENERS.contains(&first.as_str()) {
        return 0;
    }
    let mut words = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            words += 1;
            if words > 12 {
                return 0;
            }
        }
        if c == ',' {
            let rest = &text[i + 1..];
            return i + 1 + (rest.len() - rest.trim_start().len());
        }
    }
    0
}

/// Byte length of a leading dateline: a capitalised place, an optional
/// date and agency, then a dash ("GENEVA, March 4 (Nordwire) - ", "KYIV
/// (AP) — "). Zero when the text opens otherwise.
pub fn dateline_len(text: &str) -> usize {
    let head: String = text.chars().take(60).collect();
    for dash in [" - ", " — ", " – "] {
        if let Some(at) = head.find(dash) {
            let before = &head[..at];
            let place = before.split([',', '(']).next().unwrap_or("").trim();
            let shouting = !place.is_empty()
                && place
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                && place.chars().any(char::is_alphabetic);
            if shouting {
                return at + dash.len();
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_verbs(_: &str) -> bool {
        false
    }

    #[test]
    fn relative_clauses_are_found() {
        let s = "A drone hit Kyiv, which was also targeted on Sunday.";
        assert!(in_relative_clause(s, s.find("Sunday").unwrap_or(0)));
        assert!(!in_relative_clause(s, s.find("Kyiv").unwrap_or(0)));
    }

    #[test]
    fn clauses_end_at_punctuation_and_subordinators() {
        let s =
            "Russia launched 502 drones and 24 missiles at Ukraine last night, according to the air force.";
        let from = s.find("502").unwrap_or(0);
        assert_eq!(
            &s[from..clause_end(s, from, no_verbs)],
            "502 drones and 24 missiles at Ukraine last night"
        );
        let s = "Putin said he had invited Zelenskyy to come to Moscow if he wanted to speak.";
        let from = s.find("Zelenskyy").unwrap_or(0);
        assert_eq!(
            &s[from..clause_end(s, from, no_verbs)],
            "Zelenskyy to come to Moscow "
        );
        let s = "He ruled out an immediate meeting and went on a tirade.";
        let from = s.find("an ").unwrap_or(0);
        let end = clause_end(s, from, |w| w == "went");
        assert_eq!(s[from..end].trim(), "an immediate meeting");
        let s = "Talks were held in the U.S. capital.";
        let from = s.find("in").unwrap_or(0);
        assert_eq!(&s[from..clause_end(s, from, no_verbs)], "in the U.S. capital");
    }

    #[test]
    fn fronted_clauses_and_datelines_are_skipped() {
        let s = "On Sept. 4, after the summit in Paris, Zelensky commented.";
        assert_eq!(
            &s[main_clause_start(s)..],
            "after the summit in Paris, Zelensky commented."
        );
        let s = "After the summit in Paris, Zelensky commented.";
        assert_eq!(&s[main_clause_start(s)..], "Zelensky commented.");
        assert_eq!(
            main_clause_start("Russia launched drones, the air force said."),
            0
        );
        let s = "GENEVA, March 4 (Nordwire) - Russia on Wednesday proposed talks.";
        assert_eq!(&s[dateline_len(s)..], "Russia on Wednesday proposed talks.");
        assert_eq!(dateline_len("Russia - the country - said"), 0);
    }
}
