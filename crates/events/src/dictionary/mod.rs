//! Dictionaries in the PETRARCH / TABARI text formats: the CAMEO verb
//! dictionary (verb synonym blocks with their patterns and codes) and the
//! actor and agent dictionaries the PETRARCH unit tests are coded against.
//! Parsing is tolerant: a line it cannot read is skipped, never fatal.

pub mod actors;
mod forms;
pub mod pattern;
pub mod verbs;

/// Splits `text` at the first `#` (a comment) and trims it.
fn strip_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim()
}

/// The text inside the first `[…]` of `line`, if any.
fn bracketed(line: &str) -> Option<&str> {
    let start = line.find('[')?;
    let end = start + line.get(start..)?.find(']')?;
    line.get(start + 1..end).map(str::trim)
}

/// A dictionary phrase ("PRIME_MINISTER", "GROUP OF 77") as upper-case words.
fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .collect()
}
