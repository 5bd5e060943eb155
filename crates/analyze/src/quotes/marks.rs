//! Quotation marks paired into quoted pieces, and pieces joined into runs
//! across paragraphs.
//!
//! Pairing is done per paragraph with the tokenizer's idea of which side a
//! mark stands on. Double marks (" “ ” « » „) are the quotation level; single
//! marks are nested quotes inside them, except in a paragraph with no double
//! marks at all, where single marks are taken as the quotation level (the
//! British and headline style ‘We will not…’). A quote still open at the end
//! of a paragraph continues when the next paragraph begins with an opening
//! mark: that is how multi-paragraph quotations are written.

use parallax_core::Span;

use super::context::Context;
use crate::tokens::{QuoteSide, TokenKind};

/// One stretch of quoted text inside one paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the paragraph ends first.
    pub close: Option<usize>,
    /// The quoted text without marks, trimmed.
    pub inner: Span,
    pub paragraph: usize,
}

impl Piece {
    /// Byte offset of the opening mark.
    pub fn outer_start(&self, ctx: &Context) -> usize {
        ctx.tokens
            .get(self.open)
            .map(|t| t.span.start)
            .unwrap_or(self.inner.start)
    }

    /// Byte offset just after the closing mark (or the inner end).
    pub fn outer_end(&self, ctx: &Context) -> usize {
        self.close
            .and_then(|c| ctx.tokens.get(c))
            .map(|t| t.span.end)
            .unwrap_or(self.inner.end)
    }

    /// Token index just after the piece.
    pub fn token_after(&self, ctx: &Context) -> usize {
        match self.close {
            Some(close) => close + 1,
            None => ctx.tokens.partition_point(|t| t.span.end <= self.inner.end),
        }
    }
}

/// A quotation: one piece, or several when it runs over paragraphs.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub pieces: Vec<Piece>,
}

/// All quotation runs of the body, in order.
pub(crate) fn quoted_runs(ctx: &Context) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut previous_open_ended = false;
    for (index, paragraph) in ctx.paragraphs.iter().enumerate() {
        let pieces = pieces_in_paragraph(ctx, index, paragraph.span);
        let starts_with_mark = pieces
            .first()
            .is_some_and(|p| Some(p.open) == first_token(ctx, paragraph.span));
        for (n, piece) in pieces.into_iter().enumerate() {
            let open_ended = piece.close.is_none();
            match runs.last_mut() {
                Some(run) if n == 0 && previous_open_ended && starts_with_mark => run.pieces.push(piece),
                _ => runs.push(Run { pieces: vec![piece] }),
            }
            previous_open_ended = open_ended;
        }
        if ctx.token_range(paragraph.span).is_empty() {
            previous_open_ended = false;
        }
    }
    runs
}

fn first_token(ctx: &Context, span: Span) -> Option<usize> {
    let range = ctx.token_range(span);
    (!range.is_empty()).then_some(range.start)
}

/// A quotation mark of one or two tokens ('' is the double mark of some
/// newspapers' archives).
#[derive(Debug, Clone, Copy)]
struct Mark {
    first: usize,
    last: usize,
    double: bool,
    side: QuoteSide,
}

fn marks_in(ctx: &Context, span: Span) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    for i in ctx.token_range(span) {
        let Some(TokenKind::Quote(mark)) = ctx.kind(i) else {
            continue;
        };
        let doubled = marks.last_mut().filter(|m| {
            m.first == m.last
                && !m.double
                && !mark.double
                && ctx.tokens[m.last].span.end == ctx.tokens[i].span.start
        });
        match doubled {
            Some(previous) => {
                previous.last = i;
                previous.double = true;
                if previous.side == QuoteSide::Ambiguous {
                    previous.side = mark.side;
                }
            }
            None => marks.push(Mark {
                first: i,
                last: i,
                double: mark.double,
                side: mark.side,
            }),
        }
    }
    marks
}

fn pieces_in_paragraph(ctx: &Context, paragraph: usize, span: Span) -> Vec<Piece> {
    let marks = marks_in(ctx, span);
    let use_double = marks.iter().any(|m| m.double);
    let mut pieces = Vec::new();
    let mut open: Option<Mark> = None;
    for &mark in marks.iter().filter(|m| m.double == use_double) {
        match (open, mark.side) {
            (None, QuoteSide::Opening | QuoteSide::Ambiguous) => open = Some(mark),
            (None, QuoteSide::Closing) => {}
            (Some(o), QuoteSide::Closing | QuoteSide::Ambiguous) => {
                let end = ctx.tokens[mark.first].span.start;
                push_piece(ctx, &mut pieces, o, Some(mark.last), paragraph, end);
                open = None;
            }
            (Some(o), QuoteSide::Opening) => {
                // An opening mark while one is open: the first was never
                // closed; it ends where the new one starts.
                push_piece(
                    ctx,
                    &mut pieces,
                    o,
                    None,
                    paragraph,
                    ctx.tokens[mark.first].span.start,
                );
                open = Some(mark);
            }
        }
    }
    if let Some(o) = open {
        push_piece(ctx, &mut pieces, o, None, paragraph, span.end);
    }
    pieces
}

fn push_piece(
    ctx: &Context,
    pieces: &mut Vec<Piece>,
    open: Mark,
    close: Option<usize>,
    paragraph: usize,
    end: usize,
) {
    let start = ctx.tokens[open.last].span.end;
    let inner = trim_span(ctx.body, Span::new(start, end.max(start)));
    if !inner.is_empty() {
        pieces.push(Piece {
            open: open.first,
            close,
            inner,
            paragraph,
        });
    }
}

/// `span` without leading and trailing whitespace.
pub(crate) fn trim_span(body: &str, span: Span) -> Span {
    let Some(text) = span.slice(body) else { return span };
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.start + text.trim_end().len();
    Span::new(start, end.max(start))
}
