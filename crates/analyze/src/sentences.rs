//! Sentence boundaries of the body, never crossing a paragraph.
//!
//! The splitter works on [`tokens`](crate::tokens), so abbreviations
//! ("Sept.", "U.S.", "J."), numbers ("3.5") and bracketed elisions ("(...)")
//! are already single tokens and their periods are not mistaken for full
//! stops. A full stop, "!" or "?" ends a sentence together with any closing
//! quotes and brackets after it, unless what follows continues the sentence
//! (`“Stop!” he said.`: a lower-case word). An ellipsis or an abbreviation
//! that may end a sentence ("Inc.", "U.S.") only ends one before a clear
//! sentence start. Inside a paragraph, a line starting with a bullet or a
//! list number starts a new sentence unit, so list items never merge.

use parallax_core::{Paragraph, ParagraphKind, Sentence, Span};

use crate::tokens::{tokenize, tokens_in, AbbreviationClass, QuoteSide, Token, TokenKind};

/// Splits `body` into sentences, paragraph by paragraph. When `paragraphs`
/// is empty, paragraphs are taken to be the blocks between blank lines.
pub fn split_sentences(body: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    split_sentences_tokenized(body, paragraphs, &tokenize(body))
}

/// Like [`split_sentences`], reusing tokens of the whole `body` that the
/// caller already has (from [`tokenize`]`(body)`).
pub fn split_sentences_tokenized(body: &str, paragraphs: &[Paragraph], tokens: &[Token]) -> Vec<Sentence> {
    let derived;
    let paragraphs = if paragraphs.is_empty() {
        derived = paragraphs_between_blank_lines(body);
        &derived[..]
    } else {
        paragraphs
    };
    let mut sentences = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        for unit in list_units(body, paragraph.span) {
            for span in split_unit(body, tokens_in(tokens, unit)) {
                sentences.push(Sentence {
                    span,
                    paragraph: index,
                });
            }
        }
    }
    sentences
}

/// The tokens of `sentence` among the sorted tokens of the whole body.
pub fn sentence_tokens<'a>(tokens: &'a [Token], sentence: &Sentence) -> &'a [Token] {
    tokens_in(tokens, sentence.span)
}

/// Paragraphs of a body whose paragraphs are separated by blank lines
/// (the body convention of `Article`), all of kind `Paragraph`.
pub fn paragraphs_between_blank_lines(body: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    let mut push = |start: usize, end: usize| {
        let block = &body[start..end];
        let trimmed_start = start + (block.len() - block.trim_start().len());
        let trimmed_end = start + block.trim_end().len();
        if trimmed_end > trimmed_start {
            paragraphs.push(Paragraph {
                span: Span::new(trimmed_start, trimmed_end),
                kind: ParagraphKind::Paragraph,
            });
        }
    };
    while let Some(offset) = body[start..].find("\n\n") {
        push(start, start + offset);
        start += offset + 2;
    }
    push(start, body.len());
    paragraphs
}

/// Splits a paragraph at its line breaks, except where the line break
/// falls inside a sentence (hard-wrapped text: the next line starts in lower
/// case, or the line before ends with a comma or hyphen). A line break inside
/// a clean paragraph is a deliberate `<br>` (a heading run into its text, a
/// list), so it is a stronger boundary than any punctuation.
fn list_units(body: &str, paragraph: Span) -> Vec<Span> {
    let Some(text) = paragraph.slice(body) else {
        return Vec::new();
    };
    let mut units = Vec::new();
    let mut unit_start = paragraph.start;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let absolute = paragraph.start + line_start;
        if line_start > 0 && line_break_separates(&text[..line_start], line) {
            units.push(Span::new(unit_start, absolute));
            unit_start = absolute;
        }
        line_start += line.len();
    }
    units.push(Span::new(unit_start, paragraph.end));
    units
}

fn line_break_separates(before: &str, line: &str) -> bool {
    if starts_list_item(line) {
        return true;
    }
    let continues_before = before.trim_end().ends_with([',', ';', '-', '‐', '(', '/']);
    let continues_after = line
        .trim_start()
        .starts_with(|c: char| c.is_lowercase() || matches!(c, ',' | ';' | ')'));
    !continues_before && !continues_after
}

/// "• item", "- item", "* item", "1. item", "2) item".
fn starts_list_item(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let mut chars = line.chars();
    match chars.next() {
        Some('•' | '·' | '▪' | '◦' | '‣' | '*' | '-' | '–' | '—') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// How strongly a token ends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminator {
    /// ".", "!", "?": ends unless the next token continues the sentence.
    FullStop,
    /// An ellipsis: ends only before an upper-case start.
    Ellipsis,
    /// "Inc.", "U.S.", an initial: ends only before a typical sentence opener.
    Abbreviation,
}

/// Sentence spans of one unit's tokens.
fn split_unit(body: &str, tokens: &[Token]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let Some(terminator) = terminator(body, tokens, i, first) else {
            i += 1;
            continue;
        };
        let mut next = i + 1;
        while next < tokens.len() && (is_full_stop(body, &tokens[next]) || is_closer(body, &tokens[next])) {
            next += 1;
        }
        if next >= tokens.len() {
            break;
        }
        let has_words = tokens[first..next].iter().any(|t| t.kind.is_wordlike());
        if has_words && starts_new_sentence(body, &tokens[next..], terminator) {
            spans.push(Span::new(tokens[first].span.start, tokens[next - 1].span.end));
            first = next;
        }
        i = next;
    }
    if let (Some(start), Some(last)) = (tokens.get(first), tokens.last()) {
        spans.push(Span::new(start.span.start, last.span.end));
    }
    spans
}

fn terminator(body: &str, tokens: &[Token], i: usize, first: usize) -> Option<Terminator> {
    let token = &tokens[i];
    match token.kind {
        TokenKind::Punctuation if is_full_stop(body, token) => {
            // "1." numbering a list item does not end anything.
            let numbering = i == first + 1 && tokens[first].kind == TokenKind::Number;
            (!numbering).then_some(Terminator::FullStop)
        }
        TokenKind::Ellipsis if !token.text(body).starts_with(['(', '[']) => Some(Terminator::Ellipsis),
        TokenKind::Abbreviation(AbbreviationClass::MaybeFinal) => Some(Terminator::Abbreviation),
        _ => None,
    }
}

fn is_full_stop(body: &str, token: &Token) -> bool {
    token.kind == TokenKind::Punctuation && matches!(token.text(body), "." | "!" | "?")
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(body: &str, token: &Token) -> bool {
    match token.kind {
        TokenKind::Quote(mark) => mark.side != QuoteSide::Opening,
        TokenKind::Punctuation => matches!(token.text(body), ")" | "]"),
        _ => false,
    }
}

/// Whether the tokens from `rest[0]` on start a new sentence after a
/// terminator of the given strength.
fn starts_new_sentence(body: &str, rest: &[Token], terminator: Terminator) -> bool {
    let Some(next) = rest.first() else {
        return false;
    };
    let next_text = next.text(body);
    // An opening quote or bracket: decide on the word inside it.
    let opener = match next.kind {
        TokenKind::Quote(mark) => mark.side != QuoteSide::Closing,
        TokenKind::Punctuation => matches!(next_text, "(" | "["),
        _ => false,
    };
    let word = if opener { rest.get(1) } else { Some(next) };
    let word_text = word.map(|t| t.text(body)).unwrap_or("");
    let first_char = word_text.chars().next();
    match terminator {
        Terminator::FullStop => match next.kind {
            TokenKind::Punctuation => opener,
            TokenKind::Clitic => false,
            _ => !first_char.is_some_and(char::is_lowercase),
        },
        Terminator::Ellipsis => first_char.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        Terminator::Abbreviation => {
            (opener && first_char.is_some_and(char::is_uppercase)) || is_sentence_opener(word_text)
        }
    }
}

/// Words that typically open a sentence and rarely follow "U.S." or an
/// initial inside a name ("… in the U.S. The talks …").
fn is_sentence_opener(word: &str) -> bool {
    const OPENERS: &[&str] = &[
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "however",
        "meanwhile",
        "according",
        "also",
        "some",
        "many",
        "both",
        "last",
        "earlier",
        "later",
        "then",
        "since",
        "although",
        "though",
        "what",
        "why",
        "how",
        "who",
        "where",
        "for",
        "with",
        "from",
        "by",
        "no",
        "not",
        "one",
        "all",
        "such",
        "most",
        "more",
        "other",
        "another",
    ];
    word.len() <= 9
        && word.chars().next().is_some_and(char::is_uppercase)
        && OPENERS.iter().any(|o| o.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of a one-paragraph text, as strings.
    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, &[])
            .iter()
            .map(|s| s.span.slice(text).expect("span on char boundaries"))
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("Kyiv was hit. Lviv was not! Why? Nobody knows."),
            ["Kyiv was hit.", "Lviv was not!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn does_not_split_after_prefix_abbreviations() {
        assert_eq!(
            split("Talks resume on Sept. 5 in Geneva. Gen. Smith and Mr. Jones will attend."),
            [
                "Talks resume on Sept. 5 in Geneva.",
                "Gen. Smith and Mr. Jones will attend."
            ]
        );
        assert_eq!(
            split("Downing Street said No. 10 would reply. It did."),
            ["Downing Street said No. 10 would reply.", "It did."]
        );
    }

    #[test]
    fn handles_u_s_and_initials() {
        assert_eq!(
            split("U.S. President Donald Trump spoke. J. R. R. Tolkien did not."),
            ["U.S. President Donald Trump spoke.", "J. R. R. Tolkien did not."]
        );
        assert_eq!(
            split("Troops left the U.S. The talks went on."),
            ["Troops left the U.S.", "The talks went on."]
        );
        assert_eq!(
            split("Apple Inc. shares rose. Shell Plc. He said so."),
            ["Apple Inc. shares rose.", "Shell Plc.", "He said so."]
        );
    }

    #[test]
    fn keeps_party_and_state_labels_inside_the_sentence() {
        assert_eq!(
            split("“We will vote,” Sen. Chuck Schumer (D-N.Y.) said Tuesday. Others agreed."),
            [
                "“We will vote,” Sen. Chuck Schumer (D-N.Y.) said Tuesday.",
                "Others agreed."
            ]
        );
        assert_eq!(
            split("Rep. Nancy Pelosi, D-Calif., said no. Rep. Paul Ryan, R-Wis. The vote failed."),
            [
                "Rep. Nancy Pelosi, D-Calif., said no.",
                "Rep. Paul Ryan, R-Wis.",
                "The vote failed."
            ]
        );
    }

    #[test]
    fn keeps_attribution_after_quote_in_the_sentence() {
        assert_eq!(
            split("“We will not give up,” he said. “Stop!” she shouted."),
            ["“We will not give up,” he said.", "“Stop!” she shouted."]
        );
    }

    #[test]
    fn ends_sentence_after_closing_quote_before_capital() {
        assert_eq!(
            split("“We will end the war.” Zelensky added that talks would go on."),
            ["“We will end the war.”", "Zelensky added that talks would go on."]
        );
        assert_eq!(
            split("He said: \"It is over.\" Then he left."),
            ["He said: \"It is over.\"", "Then he left."]
        );
    }

    #[test]
    fn handles_ellipses() {
        assert_eq!(
            split("“We are ready (...) to talk. Really.” It was… complicated. He paused... Then spoke."),
            [
                "“We are ready (...) to talk.",
                "Really.”",
                "It was… complicated.",
                "He paused...",
                "Then spoke."
            ]
        );
    }

    #[test]
    fn keeps_dashes_inside_sentences() {
        assert_eq!(
            split("Kyiv — the capital — was hit. Lviv – too – was hit."),
            ["Kyiv — the capital — was hit.", "Lviv – too – was hit."]
        );
    }

    #[test]
    fn makes_each_list_item_its_own_unit() {
        assert_eq!(
            split("Key points:\n• Russia launched 502 drones\n• Ukraine shot down 430\n1. Talks resume."),
            [
                "Key points:",
                "• Russia launched 502 drones",
                "• Ukraine shot down 430",
                "1. Talks resume."
            ]
        );
    }

    #[test]
    fn separates_a_heading_glued_by_a_line_break_but_not_wrapped_lines() {
        assert_eq!(
            split("Frontline attacks\nRussia struck Kyiv, and\nthe drones kept coming."),
            [
                "Frontline attacks",
                "Russia struck Kyiv, and\nthe drones kept coming."
            ]
        );
    }

    #[test]
    fn never_crosses_paragraphs() {
        let body = "A heading without a stop\n\nThe body starts here. It ends here";
        let sentences = split_sentences(body, &[]);
        let got: Vec<(&str, usize)> = sentences
            .iter()
            .map(|s| (s.span.slice(body).unwrap_or(""), s.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("A heading without a stop", 0),
                ("The body starts here.", 1),
                ("It ends here", 1)
            ]
        );
    }

    #[test]
    fn uses_given_paragraph_spans_and_indices() {
        let body = "One. Two.\n\nThree.";
        let paragraphs = [
            Paragraph {
                span: Span::new(0, 9),
                kind: ParagraphKind::ListItem,
            },
            Paragraph {
                span: Span::new(11, 17),
                kind: ParagraphKind::Paragraph,
            },
        ];
        let sentences = split_sentences(body, &paragraphs);
        assert_eq!(
            sentences.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            [0, 0, 1]
        );
        assert_eq!(sentences[2].span, Span::new(11, 17));
        let tokens = tokenize(body);
        let texts: Vec<&str> = sentence_tokens(&tokens, &sentences[1])
            .iter()
            .map(|t| t.text(body))
            .collect();
        assert_eq!(texts, ["Two", "."]);
    }

    #[test]
    fn lower_case_after_stop_continues_only_full_stops_in_names() {
        // A period followed by a lower-case word is not a boundary (e.g. a
        // stray period inside a name), but "?" + capital is.
        assert_eq!(
            split("He said e.g. that. Is it? Yes."),
            ["He said e.g. that.", "Is it?", "Yes."]
        );
    }

    proptest::proptest! {
        #[test]
        fn sentences_are_ordered_inside_their_paragraphs(
            text in "[a-zA-Z0-9 .!?,'’“”\"()…—•\n-]{0,60}|\\PC{0,40}"
        ) {
            let paragraphs = paragraphs_between_blank_lines(&text);
            let sentences = split_sentences(&text, &paragraphs);
            let mut previous_end = 0;
            for sentence in &sentences {
                let paragraph = &paragraphs[sentence.paragraph];
                proptest::prop_assert!(sentence.span.start < sentence.span.end);
                proptest::prop_assert!(sentence.span.start >= previous_end);
                proptest::prop_assert!(paragraph.span.start <= sentence.span.start);
                proptest::prop_assert!(sentence.span.end <= paragraph.span.end);
                proptest::prop_assert!(sentence.span.slice(&text).is_some());
                previous_end = sentence.span.end;
            }
        }
    }
}
