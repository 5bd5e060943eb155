//! Sentence words as the coder sees them: the analysis tokens, upper-cased,
//! with curly apostrophes folded so dictionary spellings match.

use parallax_analyze::tokens::{tokenize, Token};

/// The upper-case word of a token's text.
pub fn upper(text: &str) -> String {
    text.replace('’', "'").to_uppercase()
}

/// Upper-case words of a plain sentence (the PETRARCH test mode).
pub fn upper_words(sentence: &str) -> Vec<String> {
    tokenize(sentence)
        .iter()
        .map(|t: &Token| upper(t.text(sentence)))
        .collect()
}
