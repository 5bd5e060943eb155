//! Mixed quotes: a quotation that carries on a clause the reporter began
//! (`Kasich “has a track record of bringing people together,” he said`;
//! `Leubsdorf said Carson is “losing strength…”`; `If Clinton is elected, he
//! said, “she might be going back and forth…”`). The statement is the whole
//! reported clause — the reporter's words and the quoted words together —
//! and that is how PolNeAR annotates it (on train, a quotation opening in
//! lower case after words of the reporter's is the tail of a longer content
//! about nine times in ten; `docs/quotes.md`). Parallax writes such a
//! statement the way it writes `Zelensky said it was “impossible” to hold
//! talks`: an indirect quote for the clause, with the quoted words inside it
//! as a partial quote of the same speaker (the speaker's exact words, which
//! an analyst cites).

use std::ops::Range;

use parallax_core::{QuoteKind, Span};

use super::attribution::Attribution;
use super::context::Context;
use super::direct::lead_before;
use super::Found;

/// Adds the clause around every quotation that continues the reporter's
/// words and is not yet inside a reported clause; the quotation becomes a
/// partial quote inside it, and indirect quotes overlapping the clause (the
/// tagger's pieces of the same statement) give way. `found` must be in text
/// order; it stays so.
pub(crate) fn embed_in_clauses(ctx: &Context, found: &mut Vec<Found>) {
    let mut clauses: Vec<(usize, Found)> = Vec::new();
    for (i, quote) in found.iter().enumerate() {
        if let Some(clause) = clause_around(ctx, quote, &found[..i], found) {
            clauses.push((i, clause));
        }
    }
    if clauses.is_empty() {
        return;
    }
    for (i, _) in &clauses {
        found[*i].kind = QuoteKind::Partial;
    }
    found.retain(|f| {
        f.kind != QuoteKind::Indirect
            || !clauses
                .iter()
                .any(|(_, clause)| overlaps(&clause.parts, &f.parts))
    });
    found.extend(clauses.into_iter().map(|(_, clause)| clause));
    found.sort_by_key(|f| f.parts.first().map(|p| p.start).unwrap_or(0));
}

/// The reported clause a quotation continues, as an indirect quote with the
/// quotation's attribution, or `None` when the quotation stands on its own,
/// opens with a capital, has no one it is attributed to, or already lies
/// inside an indirect quote.
fn clause_around(ctx: &Context, quote: &Found, earlier: &[Found], all: &[Found]) -> Option<Found> {
    let attributed =
        quote.attribution.is_some() || quote.resolved.speaker.is_some() || quote.resolved.source.is_some();
    if !matches!(quote.kind, QuoteKind::Direct | QuoteKind::Partial) || quote.only_in_clause || !attributed {
        return None;
    }
    let first = *quote.parts.first()?;
    if !continues_a_clause(ctx.slice(first)) || inside_indirect(quote, all) {
        return None;
    }
    let open = opening_mark(ctx, first)?;
    let lead = lead_before(ctx, open, earlier.iter());
    let reporter_words = clause_lead(ctx, lead, quote.attribution.as_ref())?;
    let mut parts: Vec<Span> = Vec::new();
    let mut quoted = quote.parts.iter();
    match reporter_words {
        // The reporter's words run straight into the quotation.
        ClauseLead::Adjoining(start) => {
            let first = quoted.next()?;
            parts.push(Span::new(ctx.tokens.get(start)?.span.start, first.end));
        }
        // An attribution stands between them ("If Clinton is elected, he said, “…”").
        ClauseLead::Before(words) => parts.push(ctx.span_of(words)),
    }
    parts.extend(quoted.copied());
    Some(Found {
        parts,
        kind: QuoteKind::Indirect,
        attribution: quote.attribution.clone(),
        resolved: quote.resolved.clone(),
        reporter: quote.reporter.clone(),
        only_in_clause: false,
    })
}

/// The quoted words pick up a sentence already under way: the first letter
/// or digit is not a capital ("“has a track record…”", "“10 times the size
/// of the losses”").
fn continues_a_clause(quoted: &str) -> bool {
    quoted
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_uppercase())
}

fn inside_indirect(quote: &Found, all: &[Found]) -> bool {
    all.iter().any(|clause| {
        clause.kind == QuoteKind::Indirect
            && quote
                .parts
                .iter()
                .all(|p| clause.parts.iter().any(|c| c.start <= p.start && p.end <= c.end))
    })
}

fn overlaps(a: &[Span], b: &[Span]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.start < y.end && y.start < x.end))
}

/// Token index of the quotation mark opening the quoted span `inner`.
fn opening_mark(ctx: &Context, inner: Span) -> Option<usize> {
    let before = ctx.tokens.partition_point(|t| t.span.end <= inner.start);
    let mark = before.checked_sub(1)?;
    matches!(ctx.kind(mark), Some(crate::tokens::TokenKind::Quote(_))).then_some(mark)
}

/// Words that link a sentence to the one before it and belong to no
/// clause's content ("But, he said, “…”", "Still, “…”").
const CONNECTIVES: &[&str] = &[
    "and",
    "but",
    "still",
    "yet",
    "so",
    "as",
    "specifically",
    "however",
    "instead",
    "indeed",
    "also",
    "then",
    "now",
    "meanwhile",
    "thus",
    "moreover",
    "besides",
    "or",
    "though",
    "although",
];

/// The lead without the connectives and punctuation opening it.
fn skip_connectives(ctx: &Context, lead: Range<usize>) -> Range<usize> {
    let start = lead
        .clone()
        .find(|&i| ctx.is_word(i) && !CONNECTIVES.contains(&ctx.lower(i)))
        .unwrap_or(lead.end);
    start..lead.end
}

/// Where the reporter's part of the clause is.
enum ClauseLead {
    /// From this token up to the quotation.
    Adjoining(usize),
    /// These tokens, before an attribution that stands between them and the
    /// quotation.
    Before(Range<usize>),
}

/// The reporter's words of the clause the quotation continues: after the
/// cue when the cue comes first ("said on CNN that Bush “…”" → from "that";
/// "calls her “…”" → "her"), before the attribution when it interrupts the
/// clause ("Clinton, a top aide said, “is…”" → "Clinton"), else the whole
/// stretch from the start of the sentence ("Kasich “…,” he said"). `None`
/// when nothing but the attribution stands before the quotation.
fn clause_lead(ctx: &Context, lead: Range<usize>, attribution: Option<&Attribution>) -> Option<ClauseLead> {
    let first_word = |range: Range<usize>| range.clone().find(|&i| ctx.is_word(i));
    let lead = skip_connectives(ctx, lead);
    let in_lead = |r: &Range<usize>| !r.is_empty() && r.start >= lead.start && r.end <= lead.end;
    let Some(a) = attribution.filter(|a| in_lead(&a.cue.tokens)) else {
        return first_word(lead.clone()).map(ClauseLead::Adjoining);
    };
    let source_in_lead = in_lead(&a.source);
    let attribution_start = if source_in_lead {
        a.source.start.min(a.cue.tokens.start)
    } else {
        a.cue.tokens.start
    };
    let attribution_end = if source_in_lead {
        a.source.end.max(a.cue.tokens.end)
    } else {
        a.cue.tokens.end
    };
    let after = attribution_end..lead.end;
    if let Some(word) = first_word(after.clone()) {
        let that = after.clone().rev().find(|&i| ctx.lower(i) == "that");
        return Some(ClauseLead::Adjoining(that.unwrap_or(word)));
    }
    let before = lead.start..attribution_start;
    let start = first_word(before.clone())?;
    let end = before.clone().rev().find(|&i| ctx.is_word(i))? + 1;
    Some(ClauseLead::Before(start..end))
}
