//! Speakers carried over from earlier quotes when a quote's own
//! attribution names no one: a quotation with no cue that follows a
//! statement in its paragraph ("Zelenskyy said it was impossible… “It’s the
//! same as…”"), and a cue whose pronoun subject the identity stage left
//! unresolved ("He added that…").
//!
//! Runs after direct and indirect quotes are merged, so an indirect
//! statement can lend its speaker to the direct quote after it.

use parallax_core::QuoteKind;

use super::context::Context;
use super::speaker::Resolved;
use super::Found;

/// Confidence kept when a speaker is carried over rather than read off a cue.
const CARRIED_CONFIDENCE: f32 = 0.8;

/// Pronouns that refer to one person.
const PERSON_PRONOUNS: &[&str] = &["he", "she"];

/// Fills unattributed quotes and unresolved pronoun sources from the most
/// recent earlier quote with a speaker. `found` must be in text order.
pub(crate) fn carry_speakers(ctx: &Context, found: &mut [Found]) {
    share_main_clause_speakers(ctx, found);
    for i in 0..found.len() {
        let Some(paragraph) = paragraph_of(ctx, &found[i]) else {
            continue;
        };
        let start = found[i].parts.first().map(|p| p.start).unwrap_or(0);
        let unattributed = found[i].kind == QuoteKind::Direct
            && found[i].attribution.is_none()
            && found[i].resolved.speaker.is_none()
            && found[i].resolved.source.is_none();
        let bare_pronoun = unresolved_pronoun(ctx, &found[i]);
        if !unattributed && bare_pronoun.is_none() {
            continue;
        }
        let starts_paragraph = ctx.paragraphs.get(paragraph).is_some_and(|p| {
            ctx.body
                .get(p.span.start..start)
                .is_some_and(|before| before.chars().all(|c| !c.is_alphanumeric()))
        });
        let reaches =
            |p: usize| p == paragraph || (starts_paragraph || bare_pronoun.is_some()) && p + 1 == paragraph;
        let antecedent = found[..i].iter().rev().find(|earlier| {
            let ends_before = earlier.parts.last().is_some_and(|p| p.end <= start);
            let has_person = earlier.resolved.speaker.is_some();
            let has_someone = has_person || earlier.resolved.source.is_some() && unattributed;
            ends_before && has_someone && paragraph_of(ctx, earlier).is_some_and(reaches)
        });
        let Some(antecedent) = antecedent.cloned() else {
            continue;
        };
        let current = &mut found[i];
        if unattributed {
            current.resolved = Resolved {
                confidence: antecedent.resolved.confidence * CARRIED_CONFIDENCE,
                ..antecedent.resolved
            };
            if current.reporter.is_none() {
                current.reporter = antecedent.reporter;
            }
        } else if let (Some(span), Some(mut speaker)) = (bare_pronoun, antecedent.resolved.speaker) {
            speaker.span = span;
            current.resolved = Resolved {
                speaker: Some(speaker),
                source: None,
                confidence: antecedent.resolved.confidence * CARRIED_CONFIDENCE,
            };
        }
    }
}

/// "“…,” Sybiha said, adding that at least seven countries had made
/// offers": a participle clause after a comma ("adding", "saying") with no
/// subject of its own shares the subject of the clause before it — the
/// speaker of the statement just before it in the same sentence.
fn share_main_clause_speakers(ctx: &Context, found: &mut [Found]) {
    for i in 1..found.len() {
        let Some(attribution) = &found[i].attribution else {
            continue;
        };
        let cue = attribution.cue.tokens.start;
        let participle =
            ctx.lower(cue).ends_with("ing") && cue.checked_sub(1).is_some_and(|c| ctx.text(c) == ",");
        let no_source = attribution.source.is_empty()
            && found[i].resolved.speaker.is_none()
            && found[i].resolved.source.is_none();
        if !participle || !no_source {
            continue;
        }
        let sentence = ctx.tokens.get(cue).and_then(|t| ctx.sentence_at(t.span.start));
        let same_sentence = |f: &Found| {
            let anchor = f
                .attribution
                .as_ref()
                .map_or(f.parts.first().map_or(0, |p| p.start), |a| {
                    ctx.span_of(a.cue.tokens.clone()).start
                });
            sentence.is_some() && ctx.sentence_at(anchor) == sentence
        };
        let main = found[..i]
            .iter()
            .rev()
            .find(|f| same_sentence(f) && (f.resolved.speaker.is_some() || f.resolved.source.is_some()))
            .map(|f| (f.resolved.clone(), f.reporter.clone()));
        if let Some((resolved, reporter)) = main {
            found[i].resolved = resolved;
            if found[i].reporter.is_none() {
                found[i].reporter = reporter;
            }
        }
    }
}

/// The paragraph a quote starts in.
fn paragraph_of(ctx: &Context, found: &Found) -> Option<usize> {
    let start = found.parts.first()?.start;
    ctx.sentence_at(start)
        .and_then(|s| ctx.sentences.get(s))
        .map(|s| s.paragraph)
}

/// The span of a source that is only "he" or "she" with no person behind it.
fn unresolved_pronoun(ctx: &Context, found: &Found) -> Option<parallax_core::Span> {
    if found.resolved.speaker.is_some() {
        return None;
    }
    let source = found.attribution.as_ref()?.source.clone();
    (source.len() == 1 && PERSON_PRONOUNS.contains(&ctx.lower(source.start))).then(|| ctx.span_of(source))
}

/// Joins a direct quote that has no attribution of its own to the
/// attributed direct quote right before it, as further parts of one
/// statement, when nothing but that quote's attribution stands between
/// them: the next sentence of the paragraph (“…,” Clinton said at Mission
/// College as she sat with two children. “This is very personal to me.”)
/// or the opening of the next paragraph. One cue, one speaker, one
/// statement — PolNeAR annotates such a sequence as one content. `found`
/// must be in text order.
pub(crate) fn join_continuations(ctx: &Context, found: &mut Vec<Found>) {
    let mut joined: Vec<Found> = Vec::with_capacity(found.len());
    for current in found.drain(..) {
        if let Some(previous) = statement_before(ctx, &joined) {
            if continues(ctx, &joined[previous], &current) {
                joined[previous].parts.extend(current.parts);
                continue;
            }
        }
        joined.push(current);
    }
    *found = joined;
}

/// The index of the statement a following quote may continue: the last
/// one, or the last direct quote when only statements inside its
/// attribution's sentence follow it (“…,” Ms. Hughes said, pointing out
/// where the hardware store used to be. “But those days…”: the participle
/// clause is an attribution of its own, and the quote still goes on).
fn statement_before(ctx: &Context, joined: &[Found]) -> Option<usize> {
    let last = joined.len().checked_sub(1)?;
    let direct = joined.iter().rposition(|f| f.kind == QuoteKind::Direct)?;
    let sentence = statement_end(ctx, &joined[direct]).and_then(|end| ctx.sentence_at(end.saturating_sub(1)));
    let inside_sentence = |f: &Found| {
        f.parts
            .iter()
            .all(|p| sentence.is_some() && ctx.sentence_at(p.end.saturating_sub(1)) == sentence)
    };
    if joined[direct + 1..].iter().all(inside_sentence) {
        Some(direct)
    } else {
        Some(last)
    }
}

/// Where a statement ends: its last part or its attribution, whichever is
/// later.
fn statement_end(ctx: &Context, statement: &Found) -> Option<usize> {
    let last = statement.parts.last()?.end;
    let Some(attribution) = statement.attribution.as_ref() else {
        return Some(last);
    };
    let cue_end = ctx.span_of(attribution.cue.tokens.clone()).end;
    let source_end = ctx.span_of(attribution.source.clone()).end;
    Some(last.max(cue_end).max(source_end))
}

/// Whether `current` continues the statement `previous`.
fn continues(ctx: &Context, previous: &Found, current: &Found) -> bool {
    let (true, Some(previous_end), Some(first)) = (
        previous.attribution.is_some(),
        statement_end(ctx, previous),
        current.parts.first(),
    ) else {
        return false;
    };
    if previous.kind != QuoteKind::Direct
        || current.kind != QuoteKind::Direct
        || current.attribution.is_some()
    {
        return false;
    }
    let (Some(before), Some(after)) = (
        ctx.sentence_at(previous_end.saturating_sub(1)),
        ctx.sentence_at(first.start),
    ) else {
        return false;
    };
    if after != before + 1 {
        return false;
    }
    let (paragraph_before, paragraph_after) =
        (ctx.sentences[before].paragraph, ctx.sentences[after].paragraph);
    paragraph_after == paragraph_before
        || paragraph_after == paragraph_before + 1 && opens_paragraph(ctx, paragraph_after, first.start)
}

/// True when only punctuation (an opening mark) precedes `start` in its
/// paragraph.
fn opens_paragraph(ctx: &Context, paragraph: usize, start: usize) -> bool {
    ctx.paragraphs.get(paragraph).is_some_and(|p| {
        ctx.body
            .get(p.span.start..start)
            .is_some_and(|before| before.chars().all(|c| !c.is_alphanumeric()))
    })
}
