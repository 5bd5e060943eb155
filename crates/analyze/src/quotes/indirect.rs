//! Indirect speech: a cue with a source and a reported clause without
//! quotation marks — "Putin said Russia was ready…", "X told reporters
//! that…", "according to Zelenskyy, …", "…, the Kremlin said." — and the
//! relay of second-hand reports ("Reuters reports that Zelenskyy said…").

use std::borrow::Cow;
use std::ops::Range;

use parallax_core::QuoteKind;

use super::attribution::{attach_source, cues_in, source_after, source_before, Attribution, CueHit};
use super::context::Context;
use super::lexicon::Frame;
use super::relay::is_relay;
use super::speaker::{outlet_name, resolve};
use super::Found;
use crate::tokens::TokenKind;

/// Fewest words a reported clause must have.
const MIN_CONTENT_WORDS: usize = 3;
/// How far after the cue a "that" may open the clause ("told reporters on
/// Monday that…").
const MAX_WORDS_BEFORE_THAT: usize = 6;

/// Words naming the listener of "told", "warned", "assured", skipped before
/// the reported clause.
const LISTENERS: &[&str] = &[
    "reporters",
    "journalists",
    "me",
    "us",
    "him",
    "her",
    "them",
    "you",
    "lawmakers",
    "supporters",
    "voters",
    "crowd",
    "audience",
    "the",
    "a",
    "an",
];

/// Indirect quotes, sentence by sentence. Tokens marked in `blocked`
/// (quoted text, cues and sources of direct quotes) are not cues.
pub(crate) fn indirect_quotes(ctx: &Context, blocked: &[bool]) -> Vec<Found> {
    ctx.sentences
        .iter()
        .flat_map(|sentence| indirect_quotes_in(ctx, ctx.token_range(sentence.span), blocked))
        .collect()
}

/// The indirect quotes of one sentence (`range`, its tokens) by the
/// lexicon rules.
pub(crate) fn indirect_quotes_in(ctx: &Context, range: Range<usize>, blocked: &[bool]) -> Vec<Found> {
    let excluded = |i: usize| blocked.get(i).copied().unwrap_or(false);
    let mut found = Vec::new();
    {
        let candidates: Vec<Candidate> = cues_in(ctx, range.clone(), &excluded)
            .into_iter()
            .filter_map(|hit| {
                let from_lexicon = matches!(hit.entry, Cow::Borrowed(_));
                let (attribution, content) = reported_clause(ctx, &hit, range.clone(), &excluded)?;
                Some(Candidate {
                    attribution,
                    content,
                    from_lexicon,
                })
            })
            .collect();
        for (candidate, reporter) in univocal(ctx, candidates) {
            let (content, trailing_reporter) = without_trailing_relay(ctx, candidate.content, &excluded);
            let mut quote = with_relay(ctx, candidate.attribution, content, &excluded);
            if quote.reporter.is_none() {
                quote.reporter = trailing_reporter.or(reporter);
            }
            found.push(quote);
        }
    }
    found
}

/// One cue of a sentence with its source and reported clause.
struct Candidate {
    attribution: Attribution,
    content: Range<usize>,
    from_lexicon: bool,
}

impl Candidate {
    /// The tokens from the first to the last of source, cue and content.
    fn occupied(&self) -> Range<usize> {
        let a = &self.attribution;
        let start = self.content.start.min(a.cue.tokens.start);
        let start = if a.source.is_empty() {
            start
        } else {
            start.min(a.source.start)
        };
        let end = self.content.end.max(a.cue.tokens.end).max(a.source.end);
        start..end
    }
}

/// PolNeAR's univocity: a token belongs to one attribution at most. Cues
/// from the lexicon go first (their frames are known), then the learned
/// ones, each in text order; a candidate overlapping one already taken is
/// dropped, except that a relay ("…, the agency Interfax reports") lends
/// its outlet as reporter to the statement it overlaps. Returns the kept
/// candidates in text order with their lent reporter.
fn univocal(ctx: &Context, candidates: Vec<Candidate>) -> Vec<(Candidate, Option<String>)> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| (!candidates[i].from_lexicon, candidates[i].content.start));
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut kept: Vec<(usize, Option<String>)> = Vec::new();
    for i in order {
        let candidate = &candidates[i];
        let occupied = candidate.occupied();
        let clash = kept
            .iter()
            .position(|(k, _)| overlaps(&candidates[*k].occupied(), &occupied));
        match clash {
            None => kept.push((i, None)),
            Some(k) if is_relay(&candidate.attribution.cue.entry.lemma) => {
                if kept[k].1.is_none() {
                    kept[k].1 = outlet_name(ctx, candidate.attribution.source.clone());
                }
            }
            Some(_) => {}
        }
    }
    kept.sort_by_key(|(i, _)| candidates[*i].content.start);
    let mut reporters: Vec<Option<Option<String>>> = vec![None; candidates.len()];
    for (i, reporter) in kept {
        reporters[i] = Some(reporter);
    }
    candidates
        .into_iter()
        .zip(reporters)
        .filter_map(|(c, r)| r.map(|r| (c, r)))
        .collect()
}

/// Most words of a relay clause closing a reported clause.
const MAX_TRAILING_RELAY_WORDS: usize = 8;

/// "Zelenskyy said it was impossible…, news agency RBC-Ukraine reports":
/// a relay closing the reported clause after a comma is not part of the
/// content; its outlet is the reporter.
pub(crate) fn without_trailing_relay(
    ctx: &Context,
    content: Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> (Range<usize>, Option<String>) {
    let commas = content.clone().rev().filter(|&i| ctx.text(i) == ",");
    for comma in commas {
        let tail = comma + 1..content.end;
        if word_count(ctx, &tail) > MAX_TRAILING_RELAY_WORDS {
            break;
        }
        let reporter = cues_in(ctx, tail.clone(), excluded)
            .into_iter()
            .filter(|hit| is_relay(&hit.entry.lemma))
            .find_map(|hit| attach_source(ctx, &hit, tail.clone(), true))
            .filter(|a| a.source.end.max(a.cue.tokens.end) == content.end)
            .and_then(|a| outlet_name(ctx, a.source));
        let kept = content.start..comma;
        if reporter.is_some() && enough_words(ctx, &kept) {
            return (kept, reporter);
        }
    }
    (content, None)
}

fn word_count(ctx: &Context, range: &Range<usize>) -> usize {
    range.clone().filter(|&i| ctx.is_word(i)).count()
}

/// The attribution and content token range of one cue in a sentence.
fn reported_clause(
    ctx: &Context,
    hit: &CueHit,
    sentence: Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<(Attribution, Range<usize>)> {
    let end = content_end(ctx, sentence.clone());
    if hit.entry.frame == Frame::SourceAfter {
        return according_to(ctx, hit, sentence, end);
    }
    if let Some(source) = source_before(ctx, hit, sentence.start) {
        let content = content_after(ctx, hit, end);
        if enough_words(ctx, &content) && !excluded(content.start) {
            return Some((
                Attribution {
                    cue: hit.clone(),
                    source,
                },
                content,
            ));
        }
        return clause_before(ctx, hit, sentence, source);
    }
    // "…, said Putin." / "…, the Kremlin said."
    if let Some(after) = source_after(ctx, hit, end) {
        return clause_before(ctx, hit, sentence, after);
    }
    // No source phrase the rules can delimit ("Bernie Sanders (I-VT)
    // stated that…", a passive "is expected to…"): the content still
    // stands, with the source unknown.
    let content = content_after(ctx, hit, end);
    let unknown_source = hit.tokens.start..hit.tokens.start;
    (hit.tokens.start > sentence.start && enough_words(ctx, &content) && !excluded(content.start)).then(
        || {
            (
                Attribution {
                    cue: hit.clone(),
                    source: unknown_source,
                },
                content,
            )
        },
    )
}

/// "Russia was ready, Putin said." — the cue and its source close the
/// sentence after a comma; the content is everything before the comma.
fn clause_before(
    ctx: &Context,
    hit: &CueHit,
    sentence: Range<usize>,
    source: Range<usize>,
) -> Option<(Attribution, Range<usize>)> {
    let attribution_start = source.start.min(hit.tokens.start);
    let comma = attribution_start
        .checked_sub(1)
        .filter(|&c| c >= sentence.start && ctx.text(c) == ",")?;
    let attribution_end = source.end.max(hit.tokens.end);
    let rest_words = (attribution_end..content_end(ctx, sentence.clone()))
        .filter(|&i| ctx.is_word(i))
        .count();
    if rest_words > 5 {
        return None;
    }
    let content = first_content_token(ctx, sentence.start)..comma;
    enough_words(ctx, &content).then(|| {
        (
            Attribution {
                cue: hit.clone(),
                source,
            },
            content,
        )
    })
}

/// "According to X, …" or "…, according to X."
fn according_to(
    ctx: &Context,
    hit: &CueHit,
    sentence: Range<usize>,
    end: usize,
) -> Option<(Attribution, Range<usize>)> {
    let source = source_after(ctx, hit, end)?;
    let leading_words = (sentence.start..hit.tokens.start)
        .filter(|&i| ctx.is_word(i))
        .count();
    let content = if leading_words <= 1 {
        let after = (source.end..end).find(|&i| ctx.text(i) != ",").unwrap_or(end);
        after..end
    } else {
        let mut stop = hit.tokens.start;
        while stop > sentence.start && matches!(ctx.text(stop - 1), "," | "(" | "—" | "–") {
            stop -= 1;
        }
        first_content_token(ctx, sentence.start)..stop
    };
    enough_words(ctx, &content).then(|| {
        (
            Attribution {
                cue: hit.clone(),
                source,
            },
            content,
        )
    })
}

/// The reported clause after the cue, from its "that" when there is one
/// (listener words or a time phrase before it are skipped: "told reporters
/// on Friday that…").
fn content_after(ctx: &Context, hit: &CueHit, end: usize) -> Range<usize> {
    let mut start = hit.tokens.end;
    let that = (start..end.min(start + MAX_WORDS_BEFORE_THAT + 1))
        .take_while(|&i| !matches!(ctx.text(i), "." | ";" | "“" | "\""))
        .find(|&i| ctx.lower(i) == "that");
    // "claimed at a news conference in Beijing, where he attended…, that
    // he…": an adjunct closed by a comma before the "that".
    let that = that.or_else(|| {
        (start + 1..end)
            .take_while(|&i| !matches!(ctx.text(i), "." | ";" | "“" | "\""))
            .find(|&i| ctx.lower(i) == "that" && ctx.text(i - 1) == ",")
    });
    // PolNeAR, like PARC, counts the complementizer as part of the content.
    if let Some(that) = that {
        return that..end.max(that);
    }
    if hit.entry.frame == Frame::Object {
        while start < end && LISTENERS.contains(&ctx.lower(start)) {
            start += 1;
        }
    }
    while start < end && matches!(ctx.text(start), "," | ":") {
        start += 1;
    }
    start..end.max(start)
}

/// The sentence end without its final punctuation.
fn content_end(ctx: &Context, sentence: Range<usize>) -> usize {
    let mut end = sentence.end;
    while end > sentence.start
        && matches!(ctx.kind(end - 1), Some(TokenKind::Punctuation))
        && matches!(ctx.text(end - 1), "." | "!" | "?" | ";" | ",")
    {
        end -= 1;
    }
    end
}

/// Skips sentence-initial connectives ("But", "And").
fn first_content_token(ctx: &Context, start: usize) -> usize {
    if matches!(ctx.lower(start), "but" | "and" | "so" | "yet") {
        start + 1
    } else {
        start
    }
}

fn enough_words(ctx: &Context, content: &Range<usize>) -> bool {
    word_count(ctx, content) >= MIN_CONTENT_WORDS
}

/// Builds the quote; when the source only relays ("Reuters reports that
/// Zelenskyy said…"), the inner statement becomes the quote and the outer
/// source its reporter.
pub(crate) fn with_relay(
    ctx: &Context,
    outer: Attribution,
    content: Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> Found {
    if is_relay(&outer.cue.entry.lemma) {
        // The content keeps its "that"; the inner statement starts after it.
        let content = if ctx.lower(content.start) == "that" {
            content.start + 1..content.end.max(content.start + 1)
        } else {
            content.clone()
        };
        let inner_hit = cues_in(ctx, content.clone(), excluded).into_iter().next();
        if let Some(inner) = inner_hit.and_then(|hit| attach_source(ctx, &hit, content.clone(), false)) {
            let inner_content = content_after(ctx, &inner.cue, content.end);
            if inner.source.start <= content.start && enough_words(ctx, &inner_content) {
                let reporter = outlet_name(ctx, outer.source.clone());
                return build(ctx, inner, inner_content, reporter);
            }
        }
    }
    build(ctx, outer, content, None)
}

fn build(ctx: &Context, attribution: Attribution, content: Range<usize>, reporter: Option<String>) -> Found {
    let resolved = resolve(ctx, attribution.source.clone());
    Found {
        parts: vec![ctx.span_of(content)],
        kind: QuoteKind::Indirect,
        attribution: Some(attribution),
        resolved,
        reporter,
        only_in_clause: false,
    }
}
