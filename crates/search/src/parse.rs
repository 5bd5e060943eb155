//! Lenient parsing of what a user typed: any text is a valid query.
//!
//! The syntax is small on purpose: words, `"quoted phrases"` and `-word` /
//! `-"phrase"` to exclude. Everything else (operators, brackets, stray
//! quotes) is read as words or dropped by the tokenizer, never an error.
//! Very long input is cut, so pasting a whole article cannot make one query
//! arbitrarily expensive.

/// At most this many bytes of query text are read.
pub const MAX_QUERY_BYTES: usize = 2_000;
/// At most this many clauses (words or phrases) are kept.
pub const MAX_CLAUSES: usize = 32;

/// One word or phrase of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The text as typed (one word, or a phrase's words separated by spaces).
    pub text: String,
    /// Typed in quotes: its words must be adjacent and in order.
    pub quoted: bool,
    /// Prefixed with `-`: documents matching it are excluded.
    pub negated: bool,
}

/// Splits query text into clauses.
pub fn parse(text: &str) -> Vec<Clause> {
    let text = truncate(text, MAX_QUERY_BYTES);
    let mut clauses = Vec::new();
    let mut rest = text;
    while clauses.len() < MAX_CLAUSES {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let negated = rest.starts_with('-') && rest.len() > 1 && !rest[1..].starts_with(char::is_whitespace);
        let body = rest.trim_start_matches(['-', '+']);
        if let Some(after_quote) = body.strip_prefix('"') {
            if let Some(end) = after_quote.find('"') {
                push(&mut clauses, &after_quote[..end], true, negated);
                rest = &after_quote[end + 1..];
                continue;
            }
            // An unbalanced quote: the rest is read as plain words.
            rest = after_quote;
            continue;
        }
        let end = body.find(char::is_whitespace).unwrap_or(body.len());
        push(&mut clauses, body[..end].trim_matches('"'), false, negated);
        rest = &body[end..];
    }
    clauses
}

fn push(clauses: &mut Vec<Clause>, text: &str, quoted: bool, negated: bool) {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return;
    }
    clauses.push(Clause {
        text: words.join(" "),
        quoted: quoted && words.len() > 1,
        negated,
    });
}

/// The longest prefix of `text` of at most `max` bytes ending on a character boundary.
fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(query: &str) -> Vec<(String, bool, bool)> {
        parse(query)
            .into_iter()
            .map(|c| (c.text, c.quoted, c.negated))
            .collect()
    }

    #[test]
    fn words_phrases_and_exclusions() {
        assert_eq!(
            texts(r#"Sybiha "peace talks" -Istanbul"#),
            vec![
                ("Sybiha".into(), false, false),
                ("peace talks".into(), true, false),
                ("Istanbul".into(), false, true),
            ]
        );
    }

    #[test]
    fn unbalanced_quotes_and_operators_are_plain_words() {
        assert_eq!(
            texts(r#""peace talks -"#),
            vec![("peace".into(), false, false), ("talks".into(), false, false)]
        );
        assert_eq!(texts(r#"a" AND (b"#).len(), 3);
        assert!(parse("   ").is_empty());
        assert!(parse("\"\"").is_empty());
    }

    #[test]
    fn long_input_is_cut_on_a_character_boundary() {
        let long = "Київ ".repeat(5_000);
        let clauses = parse(&long);
        assert_eq!(clauses.len(), MAX_CLAUSES);
        assert!(clauses.iter().all(|c| c.text == "Київ"));
    }
}
