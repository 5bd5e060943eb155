//! Quotes with their speakers: direct quotations (straight, curly, single,
//! guillemets; split and multi-paragraph), partial quotes inside the
//! reporter's sentence, and indirect speech, each with its cue (lemma and
//! speech act), the person speaking (resolved through entity mentions, so a
//! pronoun or title attributes to the person it refers to), a non-person
//! source kept as written, and the outlet relaying a second-hand report.
//!
//! Direct quotes and speakers are rule-based: attribution in news follows a
//! handful of constructions (cue before, between or after the quotation;
//! inversion; colon introductions; a paragraph that is only a quote
//! continuing the last speaker), and rules keep those decisions explainable
//! from the text. Indirect speech has a long tail of cues and content
//! boundaries no lexicon covers, so a sequence tagger trained on PolNeAR
//! (`tagging`, weights in `data/quotes/attribution_tagger.bin`) marks the
//! source, cue and content tokens of every sentence and `tagged` puts them
//! together; the lexicon rules of `indirect` remain for relays and as the
//! fallback when no model can be read. A quotation carrying on a clause the
//! reporter began becomes that clause, as an indirect quote, with the
//! quotation inside it as a partial quote (`mixed`). The cue lexicon lives
//! in `data/cues.tsv`. See `docs/quotes.md`.

mod attribution;
mod context;
mod continuity;
mod cue_entry;
mod direct;
mod indirect;
mod lexicon;
mod marks;
mod mixed;
pub mod polnear;
mod relay;
mod speaker;
mod tagged;
mod tagging;
#[cfg(test)]
mod tests;
pub mod training;

use parallax_core::{Cue, EntityMention, Paragraph, Quote, QuoteKind, Sentence, Span};

use attribution::Attribution;
use context::Context;
use speaker::Resolved;

/// A quote found by one of the finders, before it becomes a [`Quote`].
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub attribution: Option<Attribution>,
    pub resolved: Resolved,
    pub reporter: Option<String>,
    /// A one- or two-word quoted phrase with no cue of its own: a quote only
    /// inside a reported clause (Zelensky described the talks as “artificial
    /// diplomacy”), a scare quote otherwise.
    pub only_in_clause: bool,
}

/// All quotes of an article body, in order of their content. `paragraphs`
/// and `sentences` are those of the body (when empty, paragraphs are the
/// blocks between blank lines and each counts as one sentence); `mentions`
/// are the entity mentions with their identities, used to resolve speakers.
pub fn find_quotes(
    body: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    mentions: &[EntityMention],
) -> Vec<Quote> {
    let ctx = Context::new(body, paragraphs, sentences, mentions);
    let runs = marks::quoted_runs(&ctx);
    let quoted = quoted_tokens(&ctx, &runs);
    let mut blocked = quoted.clone();
    let mut direct = direct::direct_quotes(&ctx, &runs, &quoted);
    for found in &mut direct {
        add_reporter(&ctx, found, &quoted);
        // A partial quote's cue stays free: its clause is usually indirect
        // speech that contains the partial quote ("said it was “impossible”…").
        if let Some(a) = found
            .attribution
            .as_ref()
            .filter(|_| found.kind == QuoteKind::Direct)
        {
            for i in a.cue.tokens.clone().chain(a.source.clone()) {
                if let Some(b) = blocked.get_mut(i) {
                    *b = true;
                }
            }
        }
    }
    let indirect = match tagging::shipped_tagger() {
        Some(model) => tagged::tagged_quotes(&ctx, model, &quoted, &blocked),
        None => indirect::indirect_quotes(&ctx, &blocked),
    };
    let mut all = resolve_overlaps(direct, indirect);
    all.sort_by_key(|f| f.parts.first().map(|p| p.start).unwrap_or(0));
    continuity::carry_speakers(&ctx, &mut all);
    continuity::join_continuations(&ctx, &mut all);
    mixed::embed_in_clauses(&ctx, &mut all);
    all.retain(|f| !is_unattributed_phrase(f));
    all.into_iter().filter_map(|f| to_quote(&ctx, f)).collect()
}

/// A quoted phrase inside the reporter's sentence with no cue and no one
/// it could be attributed to — no cue of its own, no reported clause around
/// it, no earlier statement it continues — is not a quote: it is a scare
/// quote, a title, a nickname or a word mentioned as a word (`the
/// “rabbit patches” of Florida golf`). An attribution needs a source or a
/// cue (PolNeAR's guidelines; measured in `docs/quotes.md`). A quotation
/// standing as a sentence of its own stays, unattributed, with confidence 0.
fn is_unattributed_phrase(found: &Found) -> bool {
    found.kind == QuoteKind::Partial
        && found.attribution.is_none()
        && found.resolved.speaker.is_none()
        && found.resolved.source.is_none()
}

/// Which tokens are inside quotation marks (marks included).
fn quoted_tokens(ctx: &Context, runs: &[marks::Run]) -> Vec<bool> {
    let mut quoted = vec![false; ctx.tokens.len()];
    for piece in runs.iter().flat_map(|r| r.pieces.iter()) {
        let end = piece.token_after(ctx).min(quoted.len());
        quoted[piece.open.min(end)..end]
            .iter_mut()
            .for_each(|b| *b = true);
    }
    quoted
}

/// A direct quote whose attribution is followed by a relay ("…, he said,
/// news agency RBC-Ukraine reports") gets that outlet as reporter.
fn add_reporter(ctx: &Context, found: &mut Found, quoted: &[bool]) {
    let Some(a) = &found.attribution else { return };
    let after = a.cue.tokens.end.max(a.source.end);
    let Some(sentence) = ctx
        .tokens
        .get(after.saturating_sub(1))
        .and_then(|t| ctx.sentence_at(t.span.start))
    else {
        return;
    };
    let end = ctx.token_range(ctx.sentences[sentence].span).end;
    let excluded = |i: usize| quoted.get(i).copied().unwrap_or(false);
    found.reporter = relay::reporter_in(ctx, after..end.max(after), &excluded);
}

/// An indirect clause overlapping a direct quote is dropped (the direct
/// quote already carries the statement). A partial quote inside an indirect
/// clause is kept as well — an analyst wants "an ultimatum" listed as the
/// speaker's own words — and, when it has no attribution of its own, takes
/// the clause's speaker, source, cue and reporter. (PolNeAR annotates such a
/// clause once; its scorer drops the nested partial quote, see
/// `examples/polnear_eval.rs`.)
fn resolve_overlaps(direct: Vec<Found>, indirect: Vec<Found>) -> Vec<Found> {
    let overlaps = |a: &Found, b: &Found| {
        a.parts
            .iter()
            .any(|x| b.parts.iter().any(|y| x.start < y.end && y.start < x.end))
    };
    let kept_indirect: Vec<Found> = indirect
        .into_iter()
        .filter(|i| {
            !direct
                .iter()
                .any(|d| d.kind == QuoteKind::Direct && overlaps(d, i))
        })
        .collect();
    let kept_direct: Vec<Found> = direct
        .into_iter()
        .filter(|d| {
            !d.only_in_clause
                || kept_indirect.iter().any(|i| {
                    d.parts
                        .iter()
                        .all(|p| i.parts.iter().any(|c| c.start <= p.start && p.end <= c.end))
                })
        })
        .map(|mut d| {
            let unattributed = d.resolved.speaker.is_none() && d.resolved.source.is_none();
            if d.kind == QuoteKind::Partial && unattributed {
                if let Some(clause) = kept_indirect.iter().find(|i| overlaps(&d, i)) {
                    d.attribution = clause.attribution.clone();
                    d.resolved = clause.resolved.clone();
                    d.reporter = d.reporter.take().or_else(|| clause.reporter.clone());
                }
            }
            d
        })
        .collect();
    kept_direct.into_iter().chain(kept_indirect).collect()
}

fn to_quote(ctx: &Context, found: Found) -> Option<Quote> {
    let parts: Vec<Span> = found
        .parts
        .iter()
        .map(|p| marks::trim_span(ctx.body, *p))
        .filter(|p| !p.is_empty())
        .collect();
    let span = direct::overall_span(&parts);
    if span.is_empty() {
        return None;
    }
    let text = parts
        .iter()
        .map(|p| ctx.slice(*p))
        .collect::<Vec<_>>()
        .join(" … ");
    let cue = found.attribution.as_ref().map(|a| {
        let span = ctx.span_of(a.cue.tokens.clone());
        Cue {
            text: ctx.slice(span).to_owned(),
            span,
            lemma: a.cue.entry.lemma.clone(),
            act: a.cue.entry.act,
        }
    });
    let confidence = if found.resolved.speaker.is_none() && found.resolved.source.is_none() {
        0.0
    } else {
        found.resolved.confidence
    };
    Some(Quote {
        text,
        span,
        parts: if parts.len() > 1 { parts } else { Vec::new() },
        kind: found.kind,
        speaker: found.resolved.speaker,
        source: found.resolved.source,
        reporter: found.reporter,
        cue,
        confidence,
    })
}
