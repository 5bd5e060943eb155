//! The word stream that numbers, figures and time expressions are read from.
//!
//! A deliberately small lexer, separate from [`crate::tokens`]: the
//! recognisers here need hyphenated words split into their parts
//! ("three-and-a-half-year" → "three" "-" "and" "-" "a" …, "F-16" → "F" "-"
//! "16") and digits split from letters ("10km", "5th"), and they run on every
//! article, so the lexer is a single pass that folds short ASCII words to
//! lower case once instead of allocating per lookup.

/// What a word is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters (any script) and non-ASCII digits.
    Alpha,
    /// A run of ASCII digits.
    Digits,
    /// One other non-space character.
    Punct,
}

/// One word with its byte span in the text given to [`lex`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// The word with ASCII letters in lower case (what lexicons match).
    lower: &'a str,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is made of.
    pub kind: Kind,
    /// Whitespace separates it from the previous word.
    pub spaced: bool,
    /// A line break separates it from the previous word.
    pub line_break: bool,
}

impl<'a> Word<'a> {
    /// The word with ASCII letters in lower case.
    pub fn lower(&self) -> &'a str {
        self.lower
    }

    /// True when the folded word is one of `options`.
    pub fn is_any(&self, options: &[&str]) -> bool {
        options.contains(&self.lower)
    }

    /// True when the word is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// True for a word of letters starting with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        match self.text.as_bytes().first() {
            _ if self.kind != Kind::Alpha => false,
            Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// True for a word of letters written all in lower case.
    pub fn is_lowercase(&self) -> bool {
        self.kind == Kind::Alpha && !self.text.chars().any(char::is_uppercase)
    }

    /// True when this word directly touches the previous one (no space).
    pub fn attached(&self) -> bool {
        !self.spaced
    }
}

/// The text with ASCII letters in lower case, byte for byte the same length,
/// so that one lexer pass can hand out folded words without allocating:
/// `lex(text, &lowered(text))`.
pub(crate) fn lowered(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// Splits `text` into words; `lower` must be [`lowered`]`(text)`.
/// Whitespace is skipped; every other character belongs to exactly one word.
pub(crate) fn lex<'a>(text: &'a str, lower: &'a str) -> Vec<Word<'a>> {
    let mut words = Vec::with_capacity(text.len() / 4 + 1);
    let same_shape = lower.len() == text.len();
    let mut spaced = true;
    let mut line_break = true;
    let mut pos = 0;
    while let Some((c, width)) = char_at(text, pos) {
        if c.is_whitespace() {
            spaced = true;
            line_break |= c == '\n' || c == '\r';
            pos += width;
            continue;
        }
        let kind = classify(c);
        let start = pos;
        pos += width;
        if kind != Kind::Punct {
            pos = run_end(text, pos, kind);
        }
        let word_text = &text[start..pos];
        let word_lower = if same_shape {
            lower.get(start..pos).unwrap_or(word_text)
        } else {
            word_text
        };
        words.push(Word {
            text: word_text,
            lower: word_lower,
            start,
            end: pos,
            kind,
            spaced,
            line_break,
        });
        spaced = false;
        line_break = false;
    }
    words
}

/// The end of the run of `kind` characters starting at byte `pos`.
fn run_end(text: &str, mut pos: usize, kind: Kind) -> usize {
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(pos) {
        if byte.is_ascii() {
            if classify(char::from(byte)) != kind {
                break;
            }
            pos += 1;
        } else {
            match char_at(text, pos) {
                Some((c, width)) if classify(c) == kind => pos += width,
                _ => break,
            }
        }
    }
    pos
}

/// The character at byte `pos` and its width, with a fast path for ASCII.
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(pos)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let c = text.get(pos..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn classify(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Digits
    } else if c.is_ascii_alphabetic() || !c.is_ascii() && c.is_alphanumeric() {
        Kind::Alpha
    } else {
        Kind::Punct
    }
}

/// True for a quotation mark of any style.
pub(crate) fn is_quote_mark(text: &str) -> bool {
    matches!(
        text,
        "\"" | "'" | "“" | "”" | "‘" | "’" | "«" | "»" | "„" | "‚" | "‹" | "›"
    )
}

/// True for a hyphen or dash joining two parts of a compound ("-", "‑").
pub(crate) fn is_hyphen(word: &Word) -> bool {
    word.kind == Kind::Punct && matches!(word.text, "-" | "‐" | "‑")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Word<'_>> {
        // Leaked so the folded text lives as long as the words in a test.
        let lower: &'static str = Box::leak(lowered(text).into_boxed_str());
        lex(text, lower)
    }

    #[test]
    fn splits_hyphens_digits_and_letters() {
        let words = words("three-and-a-half-year 10km F-16s, 1,436.");
        let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            [
                "three", "-", "and", "-", "a", "-", "half", "-", "year", "10", "km", "F", "-", "16", "s",
                ",", "1", ",", "436", "."
            ]
        );
        assert!(words[9].spaced);
        assert!(words[10].attached());
    }

    #[test]
    fn folds_ascii_letters() {
        let words = words("Sept Kyiv’s ÉTAT");
        assert_eq!(words[0].lower(), "sept");
        assert_eq!(words[1].lower(), "kyiv");
        assert_eq!(words[2].text, "’");
        assert_eq!(words[3].lower(), "s");
        assert_eq!(words[4].lower(), "État");
    }
}
