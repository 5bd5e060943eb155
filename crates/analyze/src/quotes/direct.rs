//! Direct and partial quotes: quotation runs joined into split quotes
//! ("…,” he said. “…”), attributed to a cue before, between or after the
//! pieces, to a colon introduction in the previous sentence, or to the
//! speaker of the previous paragraph when a paragraph is only a quote.
//!
//! A run that stands as a sentence of its own (nothing but attribution
//! around it, or introduced by a colon or a cue and comma) is direct. A run
//! embedded in the reporter's sentence is partial when it has three words
//! or more or a cue right before it ("calling it “an ultimatum”"); shorter
//! embedded runs without a cue are scare quotes and are not quotes at all.

use std::ops::Range;

use parallax_core::{EntityType, QuoteKind, Span};

use super::attribution::{attach_source, attribution_in, cues_in, Attribution, CueHit};
use super::context::Context;
use super::lexicon::colon_entry;
use super::marks::{Piece, Run};
use super::speaker::{resolve, Resolved};
use super::Found;

/// Most words of reporter's text between two pieces of one split quote.
const MAX_SPLIT_GAP_WORDS: usize = 12;
/// Most words before a cue, after the quote, for the cue to attach to it.
const MAX_TAIL_OFFSET_WORDS: usize = 4;
/// Most words of a sentence after a quotation that can be only its
/// attribution ("Trump said.", "a welcome message on the website reads.").
const MAX_ATTRIBUTION_SENTENCE_WORDS: usize = 8;
/// Most words between a cue and the quote it introduces.
const MAX_LEAD_DISTANCE_WORDS: usize = 8;
/// Words after a participle cue before the comma that introduces a quote
/// ("telling them,", "telling reporters,").
const MAX_PARTICIPLE_OBJECT_WORDS: usize = 2;
/// Words beyond the attribution that still leave a quote standing alone
/// ("on Monday", "in a statement").
const MAX_ADJUNCT_WORDS: usize = 5;

/// Direct and partial quotes from the quotation runs, in order.
pub(crate) fn direct_quotes(ctx: &Context, runs: &[Run], quoted: &[bool]) -> Vec<Found> {
    let excluded = |i: usize| quoted.get(i).copied().unwrap_or(false);
    let groups = split_quote_groups(ctx, runs, &excluded);
    let mut found = Vec::new();
    let mut last_speaker: Option<(usize, Resolved)> = None;
    for group in groups {
        let pieces: Vec<&Piece> = group.iter().flat_map(|&r| runs[r].pieces.iter()).collect();
        let (Some(first), Some(last)) = (pieces.first().copied(), pieces.last().copied()) else {
            continue;
        };
        let lead = lead_range(ctx, first, &found);
        let tail = tail_range(ctx, last, runs, group.last().copied().unwrap_or(0));
        let gaps = gap_ranges(ctx, &pieces);

        let attribution = gaps
            .iter()
            .find_map(|gap| attribution_in(ctx, gap.clone(), true, &excluded))
            .or_else(|| tail_attribution(ctx, tail.clone(), &excluded))
            .or_else(|| participle_attribution(ctx, &lead))
            .or_else(|| lead_attribution(ctx, lead.clone(), &excluded));
        let standalone = is_standalone(ctx, &lead, &tail, attribution.as_ref());
        let inner_words = pieces
            .iter()
            .map(|p| word_count(ctx, ctx.token_range(p.inner)))
            .sum::<usize>();
        let cue_right_before = attribution
            .as_ref()
            .is_some_and(|a| a.cue.tokens.end + 3 >= first.open);
        let kind = if standalone || pieces.len() > 1 {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        // “Fareed Zakaria GPS,” “The Trumps: Three Generations That Built an
        // Empire”: a quoted title in the reporter's sentence names a work —
        // also right after a cue when it is where the words were said ("told
        // MSNBC's “Morning Joe,”", "said on “Meet the Press”").
        let titles = !standalone && pieces.iter().all(|p| is_title(ctx, p));
        if titles && (!cue_right_before || names_a_venue(ctx, first)) {
            continue;
        }
        let only_in_clause = kind == QuoteKind::Partial && inner_words < 3 && !cue_right_before;

        let (attribution, resolved) = match attribution {
            Some(a) => {
                let resolved = resolve(ctx, a.source.clone());
                (Some(a), resolved)
            }
            None => match introduced_earlier(ctx, first, &excluded) {
                Some(a) => {
                    let resolved = resolve(ctx, a.source.clone());
                    (Some(a), resolved)
                }
                None => (
                    None,
                    continued_speaker(ctx, first, standalone, lead.is_empty(), &last_speaker),
                ),
            },
        };
        let paragraph = last.paragraph;
        if !only_in_clause && (resolved.speaker.is_some() || resolved.source.is_some()) {
            last_speaker = Some((paragraph, resolved.clone()));
        }
        found.push(Found {
            parts: pieces.iter().map(|p| p.inner).collect(),
            kind,
            attribution,
            resolved,
            reporter: None,
            only_in_clause,
        });
    }
    found
}

/// Indices of runs that form one quotation: a run continues the previous
/// one when only a short attribution stands between them in one paragraph.
fn split_quote_groups(ctx: &Context, runs: &[Run], excluded: &dyn Fn(usize) -> bool) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (index, run) in runs.iter().enumerate() {
        let joins = index > 0 && {
            let previous = runs[index - 1].pieces.last();
            let next = run.pieces.first();
            match (previous, next) {
                (Some(p), Some(n)) if p.paragraph == n.paragraph && p.close.is_some() => {
                    is_split_gap(ctx, p.token_after(ctx)..n.open, p, excluded)
                        && !has_own_tail_attribution(ctx, runs, index, excluded)
                }
                _ => false,
            }
        };
        match groups.last_mut() {
            Some(group) if joins => group.push(index),
            _ => groups.push(vec![index]),
        }
    }
    groups
}

/// "“…,” Ryan said. “…,” he added.": a quotation followed by a cue of its
/// own is a statement of its own (one attribution, one cue), not the next
/// piece of the quotation before it.
fn has_own_tail_attribution(
    ctx: &Context,
    runs: &[Run],
    index: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> bool {
    let Some(last) = runs[index].pieces.last() else {
        return false;
    };
    tail_attribution(ctx, tail_range(ctx, last, runs, index), excluded).is_some()
}

/// "…,” he said in an interview. “…" — the gap opens with an attribution,
/// is one clause, and the first piece ended in punctuation.
fn is_split_gap(ctx: &Context, gap: Range<usize>, before: &Piece, excluded: &dyn Fn(usize) -> bool) -> bool {
    let words = word_count(ctx, gap.clone());
    let ends_with = ctx.slice(before.inner).trim_end().chars().last();
    // "“The risk,” said Edward Leamer, an economist who is the director of
    // the UCLA Anderson Forecast, “is that…”": a comma on both sides means the
    // quoted sentence goes on after the attribution, however long the
    // speaker's description.
    let gap_ends_with_comma = (gap.start..gap.end)
        .rev()
        .find(|&i| !ctx.text(i).trim().is_empty())
        .is_some_and(|i| ctx.text(i) == ",");
    let sentence_goes_on = ends_with == Some(',') && gap_ends_with_comma;
    if words == 0 || words > MAX_SPLIT_GAP_WORDS && !sentence_goes_on {
        return false;
    }
    let Some(attribution) = attribution_in(ctx, gap.clone(), true, excluded) else {
        return false;
    };
    let leading_words = word_count(
        ctx,
        gap.start..attribution.cue.tokens.start.min(attribution.source.start),
    );
    // A full stop inside the gap followed by more words means a new
    // sentence of reporter's text, not an interrupted quote.
    let inner_stop = (gap.start..gap.end.saturating_sub(1))
        .any(|i| matches!(ctx.text(i), "." | "?" | "!") && (i + 1..gap.end).any(|j| ctx.is_word(j)));
    leading_words == 0
        && !inner_stop
        && matches!(
            ends_with,
            Some(',' | '.' | '!' | '?' | '…' | '-' | '—' | ':' | ';')
        )
}

/// The word before the opening mark makes the quoted title a place or a
/// programme rather than something said: a preposition or a possessive
/// ("on “Meet the Press”", "CNN’s “State of the Union”").
fn names_a_venue(ctx: &Context, piece: &Piece) -> bool {
    let Some(before) = piece.open.checked_sub(1) else {
        return false;
    };
    matches!(
        ctx.lower(before),
        "on" | "in" | "at" | "to" | "of" | "'s" | "’s" | "s'" | "s’"
    )
}

/// Short words a title leaves in lower case ("Three Generations That Built
/// an Empire").
const TITLE_LOWER_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
    "vs",
];

/// A quoted run written as a title: every word capitalised but short
/// function words, and at least one capitalised word that does not open it.
fn is_title(ctx: &Context, piece: &Piece) -> bool {
    let words: Vec<usize> = ctx.token_range(piece.inner).filter(|&i| ctx.is_word(i)).collect();
    let capitalised_inside = words.iter().skip(1).any(|&i| ctx.is_capitalised(i));
    capitalised_inside
        && words.iter().all(|&i| {
            ctx.is_capitalised(i)
                || TITLE_LOWER_WORDS.contains(&ctx.lower(i))
                || !ctx.text(i).chars().next().is_some_and(char::is_alphabetic)
        })
}

fn word_count(ctx: &Context, range: Range<usize>) -> usize {
    range.filter(|&i| ctx.is_word(i)).count()
}

/// Reporter's text between consecutive pieces of one paragraph.
fn gap_ranges(ctx: &Context, pieces: &[&Piece]) -> Vec<Range<usize>> {
    pieces
        .windows(2)
        .filter(|w| w[0].paragraph == w[1].paragraph)
        .map(|w| w[0].token_after(ctx)..w[1].open)
        .filter(|r| !r.is_empty())
        .collect()
}

/// From the start of the quote's sentence (or the end of an earlier quote
/// in it) to the opening mark.
fn lead_range(ctx: &Context, first: &Piece, earlier: &[Found]) -> Range<usize> {
    lead_before(ctx, first.open, earlier.iter().filter(|f| !f.only_in_clause))
}

/// From the start of the sentence of the mark at token `open`, or from the
/// end of the last of `earlier` that ends before the mark in it, to the mark.
pub(crate) fn lead_before<'f>(
    ctx: &Context,
    open: usize,
    earlier: impl Iterator<Item = &'f Found>,
) -> Range<usize> {
    let Some(open_at) = ctx.tokens.get(open).map(|t| t.span.start) else {
        return open..open;
    };
    let sentence_start = ctx
        .sentence_at(open_at)
        .and_then(|s| ctx.sentences.get(s))
        .map(|s| s.span.start)
        .unwrap_or(open_at);
    let after_earlier = earlier
        .filter_map(|f| f.parts.last().map(|p| p.end))
        .filter(|&end| end <= open_at)
        .max()
        .unwrap_or(0);
    let start = sentence_start.max(after_earlier);
    let first_token = ctx.tokens.partition_point(|t| t.span.start < start);
    first_token..open.max(first_token)
}

/// From the closing mark to the end of its sentence, or to the next
/// quotation in the paragraph.
fn tail_range(ctx: &Context, last: &Piece, runs: &[Run], run_index: usize) -> Range<usize> {
    let after = last.token_after(ctx);
    let end_byte = last.outer_end(ctx);
    let sentence = ctx.sentence_at(end_byte.saturating_sub(1));
    let sentence_end = sentence
        .and_then(|s| ctx.sentences.get(s))
        .map(|s| s.span.end)
        .unwrap_or(end_byte);
    // A sentence ending inside the quote (“… now.” he said) — extend to the
    // sentence after it when that continues in lower case, or when it is
    // short enough to be only the attribution (“…?” Biden said. “…!” the
    // note says.).
    let sentence_end = if sentence_end <= end_byte {
        let next = sentence.map(|s| s + 1).or_else(|| ctx.sentence_at(end_byte));
        next.and_then(|s| ctx.sentences.get(s))
            .filter(|next| next.paragraph == last.paragraph)
            .filter(|next| {
                ctx.body
                    .get(end_byte..next.span.start)
                    .is_some_and(|gap| gap.trim().is_empty())
            })
            .filter(|next| {
                ctx.text(after).chars().next().is_some_and(|c| c.is_lowercase())
                    || word_count(ctx, ctx.token_range(next.span)) <= MAX_ATTRIBUTION_SENTENCE_WORDS
            })
            .map(|s| s.span.end)
            .unwrap_or(end_byte)
    } else {
        sentence_end
    };
    let mut end = ctx.tokens.partition_point(|t| t.span.end <= sentence_end);
    if let Some(next) = runs.get(run_index + 1).and_then(|r| r.pieces.first()) {
        end = end.min(next.open);
    }
    after..end.max(after)
}

fn tail_attribution(
    ctx: &Context,
    tail: Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Attribution> {
    let found = attribution_in(ctx, tail.clone(), true, excluded)?;
    let first = found.source.start.min(found.cue.tokens.start);
    (word_count(ctx, tail.start..first) <= MAX_TAIL_OFFSET_WORDS).then_some(found)
}

fn lead_attribution(
    ctx: &Context,
    lead: Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Attribution> {
    if let Some(found) = attribution_in(ctx, lead.clone(), false, excluded) {
        if word_count(ctx, found.cue.tokens.end..lead.end) <= MAX_LEAD_DISTANCE_WORDS {
            return Some(found);
        }
    }
    colon_attribution(ctx, lead)
}

/// "Zelensky: ‘We will…’", "Trump went further: “…”": a colon ending the
/// stretch introduces the quote; the source is the phrase before it.
fn colon_attribution(ctx: &Context, range: Range<usize>) -> Option<Attribution> {
    let colon = (range.start..range.end)
        .rev()
        .find(|&i| !ctx.text(i).trim().is_empty())?;
    if ctx.text(colon) != ":" {
        return None;
    }
    let hit = CueHit {
        tokens: colon..colon + 1,
        entry: std::borrow::Cow::Borrowed(colon_entry()),
    };
    let start = first_speaker_token(ctx, range.start..colon).unwrap_or(range.start);
    let stretch = ctx.span_of(range.start..colon);
    let person_inside = |outer: Span| {
        ctx.mentions.iter().find(|m| {
            m.entity_type == EntityType::Person && m.span.start >= outer.start && m.span.end <= outer.end
        })
    };
    let phrase = attach_source(ctx, &hit, start..colon + 1, false);
    // The phrase before the colon has a verb in it ("Trump went even
    // further:", "Ms. Warren encouraged staffers with a simple message:"):
    // the words right before the colon are no source when they name no one
    // and a person is named earlier in the stretch — that person speaks.
    let mention = match &phrase {
        Some(a) if person_inside(ctx.span_of(a.source.clone())).is_some() => return phrase,
        Some(_) => match person_inside(stretch) {
            Some(person) => person,
            None => return phrase,
        },
        None => ctx
            .mentions
            .iter()
            .find(|m| m.span.start >= stretch.start && m.span.end <= stretch.end)?,
    };
    let source = ctx.token_range(mention.span);
    (!source.is_empty()).then_some(Attribution { cue: hit, source })
}

/// The first token of the stretch that can start a source phrase (skips
/// leading punctuation).
fn first_speaker_token(ctx: &Context, range: Range<usize>) -> Option<usize> {
    range.clone().find(|&i| ctx.is_word(i))
}

/// A quote introduced by the previous sentence of its paragraph, or by the
/// last sentence of the previous paragraph, ending in a colon ("He added:").
fn introduced_earlier(ctx: &Context, first: &Piece, excluded: &dyn Fn(usize) -> bool) -> Option<Attribution> {
    let open_at = first.outer_start(ctx);
    let sentence = ctx.sentence_at(open_at)?;
    let previous = ctx.sentences.get(sentence.checked_sub(1)?)?;
    let range = ctx.token_range(previous.span);
    if !ctx.slice(previous.span).trim_end().ends_with(':') {
        return None;
    }
    attribution_in(ctx, range.clone(), false, excluded).or_else(|| colon_attribution(ctx, range))
}

/// A paragraph that is only a quote continues the speaker of the quote or
/// introduction in the previous paragraph.
fn continued_speaker(
    ctx: &Context,
    first: &Piece,
    standalone: bool,
    nothing_before: bool,
    last: &Option<(usize, Resolved)>,
) -> Resolved {
    let unattributed = Resolved {
        speaker: None,
        source: None,
        confidence: 0.0,
    };
    let Some((paragraph, resolved)) = last else {
        return unattributed;
    };
    let close_enough = first.paragraph == *paragraph || first.paragraph == paragraph + 1;
    let starts_paragraph = ctx
        .paragraphs
        .get(first.paragraph)
        .is_some_and(|p| p.span.start == first.outer_start(ctx));
    if standalone && nothing_before && starts_paragraph && close_enough {
        Resolved {
            confidence: resolved.confidence * 0.8,
            ..resolved.clone()
        }
    } else {
        unattributed
    }
}

/// Nothing but the attribution (and a few adjunct words) stands around the
/// quote in its sentence, or a colon or a cue with a comma introduces it, or
/// the quote opens its sentence and the attribution follows it ("“…,” McCain
/// said, citing low growth.").
fn is_standalone(ctx: &Context, lead: &Range<usize>, tail: &Range<usize>, a: Option<&Attribution>) -> bool {
    let in_attribution = |i: usize| a.is_some_and(|a| a.source.contains(&i) || a.cue.tokens.contains(&i));
    let lead_words = lead
        .clone()
        .filter(|&i| ctx.is_word(i) && !in_attribution(i))
        .count();
    let tail_words = tail
        .clone()
        .filter(|&i| ctx.is_word(i) && !in_attribution(i))
        .count();
    let last_lead = lead
        .clone()
        .rev()
        .find(|&i| !ctx.text(i).trim().is_empty())
        .map(|i| ctx.text(i));
    let attributed_in_tail =
        a.is_some_and(|a| a.cue.tokens.start >= tail.start && a.cue.tokens.end <= tail.end);
    let attributed_in_lead =
        a.is_some_and(|a| a.cue.tokens.end <= lead.end && a.cue.tokens.start >= lead.start);
    // "Obama said the NRA “knows full well…”": words between the cue and
    // the quote make it part of the reporter's clause.
    let cue_adjacent = a.is_some_and(|a| (a.cue.tokens.end..lead.end).all(|i| !ctx.is_word(i)));
    // A comma introduces the quote only right after the cue ("He said, “…”");
    // after other words it closes a clause the quote is embedded in
    // ("…invited Putin to Kyiv for talks, “if he dares”").
    let introduced = last_lead == Some(",")
        && (attributed_in_lead && cue_adjacent || participle_before(ctx, lead).is_some())
        || last_lead == Some(":");
    introduced
        || lead_words == 0 && (tail_words <= MAX_ADJUNCT_WORDS || attributed_in_tail)
        || tail_words == 0 && attributed_in_lead && cue_adjacent
}

/// "…, telling them, “…”", "He continued, saying, “…”": a participle cue
/// (with at most an object pronoun or two words after it) right before the
/// comma introduces the quote; its subject is the clause's, found by the
/// attribution before it.
fn participle_before(ctx: &Context, lead: &Range<usize>) -> Option<CueHit> {
    let words: Vec<usize> = lead.clone().filter(|&i| ctx.is_word(i)).collect();
    words
        .iter()
        .rev()
        .take(MAX_PARTICIPLE_OBJECT_WORDS + 1)
        .filter(|&&i| ctx.lower(i).ends_with("ing"))
        .find_map(|&i| cues_in(ctx, i..i + 1, &|_| false).into_iter().next())
}

/// A quote introduced by a participle ("Hillary Clinton posted a Twitter
/// comment of her own, saying, “…”", "Trump issued a statement on Monday,
/// saying, “…”"): the subject of the clause — its first person mention — is
/// the speaker, whatever cue-like words stand between (a "comment").
fn participle_attribution(ctx: &Context, lead: &Range<usize>) -> Option<Attribution> {
    let cue = participle_before(ctx, lead)?;
    let before = ctx.span_of(lead.start..cue.tokens.start);
    let subject = ctx.mentions.iter().find(|m| {
        m.entity_type == EntityType::Person && m.span.start >= before.start && m.span.end <= before.end
    })?;
    let source = ctx.token_range(subject.span);
    (!source.is_empty()).then_some(Attribution { cue, source })
}

/// The span from the first part's start to the last part's end.
pub(crate) fn overall_span(parts: &[Span]) -> Span {
    match (parts.first(), parts.last()) {
        (Some(first), Some(last)) => Span::new(first.start, last.end.max(first.start)),
        _ => Span::default(),
    }
}
