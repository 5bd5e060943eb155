//! The shape of a line of text: does it end a sentence, read like a headline,
//! a sub-heading or running prose? Boilerplate rules and metadata share these
//! judgements so they agree on what a "headline line" is.

/// Closing quotes and brackets that may follow a sentence's final punctuation.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*'];

/// True when the text ends like a finished sentence (`.`, `!`, `?`, `…`,
/// optionally followed by closing quotes or brackets).
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSERS);
    matches!(trimmed.chars().last(), Some('.' | '!' | '?' | '…' | '。'))
}

/// The first alphabetic or numeric character of the text.
fn first_significant(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_alphanumeric())
}

/// True when the first letter or digit is upper case or a digit.
pub fn starts_capitalised(text: &str) -> bool {
    first_significant(text).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Running prose: a finished sentence, or a long stretch of words.
pub fn is_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (ends_sentence(text) && words >= 6) || words >= 25
}

/// A headline: a capitalised line of 3 to 25 words that does not end a
/// sentence with a full stop and has no trailing comma, colon or semicolon.
/// Headlines may end with `?` or `!` or a closing quote.
pub fn is_headline_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if !(3..=25).contains(&words) || text.chars().count() > 180 || !starts_capitalised(text) {
        return false;
    }
    let trimmed = text.trim_end().trim_end_matches(CLOSERS);
    !matches!(
        trimmed.chars().last(),
        Some('.' | ',' | ':' | ';' | '…' | '-' | '–' | '—')
    )
}

/// A sub-heading inside an article: 1 to 8 capitalised words without final
/// punctuation ("Frontline attacks").
pub fn is_subheading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=8).contains(&words)
        && text.chars().count() <= 70
        && starts_capitalised(text)
        && !ends_sentence(text)
        && !text.trim_end().ends_with([',', ';', ':'])
}

/// Lower-cased word tokens with punctuation stripped and apostrophes unified,
/// for comparing two texts regardless of quoting and punctuation.
pub fn word_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '—' || c == '–')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Two texts say the same words (case, quotes and punctuation aside).
pub fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (word_tokens(a), word_tokens(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_endings_allow_closing_quotes() {
        assert!(ends_sentence("he said."));
        assert!(ends_sentence("“It is over.”"));
        assert!(!ends_sentence("which was also targeted with a"));
    }

    #[test]
    fn headline_shapes() {
        assert!(is_headline_like("Mayor unveils plan to fix the city's potholes"));
        assert!(is_headline_like("Will the bridge reopen this year?"));
        assert!(!is_headline_like("The mayor unveiled a plan on Monday."));
        assert!(!is_headline_like("Weather"));
    }

    #[test]
    fn subheading_shapes() {
        assert!(is_subheading_like("Storm damage"));
        assert!(!is_subheading_like("The storm damaged roofs."));
    }

    #[test]
    fn same_words_ignores_quotes_and_case() {
        assert!(same_words("Mayor says ‘no’ to tolls", "mayor says 'no' to tolls"));
        assert!(!same_words("Mayor says no", "Mayor says yes"));
    }
}
