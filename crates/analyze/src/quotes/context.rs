//! The view of one article the quote finder works on: body, tokens,
//! paragraphs, sentences and entity mentions, with lookups by position.

use parallax_core::{EntityMention, Paragraph, Sentence, Span};

use crate::sentences::paragraphs_between_blank_lines;
use crate::tokens::{tokenize, Token, TokenKind};

/// Everything the quote finder reads, with derived defaults when the caller
/// passes no paragraphs or sentences.
pub(crate) struct Context<'a> {
    pub body: &'a str,
    pub tokens: Vec<Token>,
    /// Lower-cased text of each token (same indices as `tokens`).
    pub lower: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub mentions: &'a [EntityMention],
}

impl<'a> Context<'a> {
    pub fn new(
        body: &'a str,
        paragraphs: &[Paragraph],
        sentences: &[Sentence],
        mentions: &'a [EntityMention],
    ) -> Self {
        let tokens = tokenize(body);
        let lower = tokens.iter().map(|t| t.text(body).to_lowercase()).collect();
        let paragraphs = if paragraphs.is_empty() {
            paragraphs_between_blank_lines(body)
        } else {
            paragraphs.to_vec()
        };
        // Without sentences every paragraph counts as one: coarser, but the
        // finder still works.
        let sentences = if sentences.is_empty() {
            paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| Sentence {
                    span: p.span,
                    paragraph: i,
                })
                .collect()
        } else {
            sentences.to_vec()
        };
        Context {
            body,
            tokens,
            lower,
            paragraphs,
            sentences,
            mentions,
        }
    }

    /// Text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|t| t.text(self.body)).unwrap_or("")
    }

    /// Lower-cased text of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// True for a word, clitic, number or abbreviation token.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i).is_some_and(|k| k.is_wordlike())
    }

    /// True when token `i` starts with an upper-case letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Indices of the tokens inside `span`.
    pub fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let last = self.tokens.partition_point(|t| t.span.end <= span.end);
        first..last.max(first)
    }

    /// Byte span from the start of token `first` to the end of token
    /// `last - 1`; empty at `first`'s start when the range is empty.
    pub fn span_of(&self, tokens: std::ops::Range<usize>) -> Span {
        let start = self
            .tokens
            .get(tokens.start)
            .map(|t| t.span.start)
            .unwrap_or(self.body.len());
        if tokens.is_empty() {
            return Span::new(start, start);
        }
        let end = self
            .tokens
            .get(tokens.end - 1)
            .map(|t| t.span.end)
            .unwrap_or(start)
            .max(start);
        Span::new(start, end)
    }

    /// Index of the sentence containing byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        self.sentences.get(i).filter(|s| s.span.start <= pos).map(|_| i)
    }

    /// The body text of `span`, or "" when it is not a valid slice.
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.body).unwrap_or("")
    }
}
