//! Where an indirect content that follows its cue ends. The rules take the
//! rest of the sentence; PolNeAR's contents often stop earlier — at the end
//! of an object ("criticized the plan, saying…"), before a second
//! attribution ("…, adding that…") or a trailing adjunct. A ranking
//! perceptron (`linear_model`) scores every possible end and the best one
//! wins; trained by `examples/train_quotes.rs` on PolNeAR train.

use std::ops::Range;

use super::context::Context;
use super::cue_features::{distance_bucket, token_class};
use super::linear_model::{best_candidate, shipped_content_end_model};
use crate::ner::hashing::{combine, hash_str};
use crate::tokens::TokenKind;

/// Template ids; part of the shipped weights' format.
mod template {
    pub const BIAS_END: u8 = 1;
    pub const LAST: u8 = 2;
    pub const NEXT: u8 = 3;
    pub const LAST_NEXT: u8 = 4;
    pub const CLASSES: u8 = 5;
    pub const NEXT_TWO: u8 = 6;
    pub const LEMMA_END: u8 = 7;
    pub const OPENING_END: u8 = 8;
    pub const OPENING_NEXT: u8 = 9;
    pub const LENGTH_END: u8 = 10;
    pub const COMMAS_END: u8 = 11;
    pub const LAST_CLASS: u8 = 12;
    pub const NEXT_CLASS: u8 = 13;
}

/// The end (exclusive token index) chosen for `content`, which runs to the
/// end of its sentence; `content.end` without a usable model.
pub(crate) fn choose_end(
    ctx: &Context,
    lemma: &str,
    content: Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> usize {
    let Some(model) = shipped_content_end_model() else {
        return content.end;
    };
    let ends = candidate_ends(ctx, &content);
    let mut features = Vec::with_capacity(24);
    let scores = ends.iter().map(|&end| {
        features.clear();
        end_features(ctx, lemma, &content, end, excluded, &mut features);
        model.score(&features)
    });
    best_candidate(scores)
        .and_then(|i| ends.get(i).copied())
        .unwrap_or(content.end)
}

/// Possible ends: after a word or closing quotation mark, never inside a
/// word and its clitic ("Trump|’s"); the sentence end is always one.
pub(crate) fn candidate_ends(ctx: &Context, content: &Range<usize>) -> Vec<usize> {
    (content.start + 1..=content.end)
        .filter(|&end| {
            let closes_well = ctx.is_word(end - 1) || matches!(ctx.kind(end - 1), Some(TokenKind::Quote(_)));
            end == content.end || closes_well && ctx.kind(end) != Some(TokenKind::Clitic)
        })
        .collect()
}

/// Features of ending `content` at token `end`.
pub(crate) fn end_features(
    ctx: &Context,
    lemma: &str,
    content: &Range<usize>,
    end: usize,
    excluded: &dyn Fn(usize) -> bool,
    out: &mut Vec<u64>,
) {
    let at_end = u64::from(end == content.end);
    let word = |i: usize| {
        if i < content.end {
            hash_str(ctx.lower(i))
        } else {
            hash_str("<end>")
        }
    };
    let sentence = content.start..content.end + 1;
    let last = word(end - 1);
    let next = word(end);
    let last_class = hash_str(token_class(ctx, Some(end - 1), &sentence, excluded));
    let next_class = if end < content.end {
        hash_str(token_class(ctx, Some(end), &sentence, excluded))
    } else {
        hash_str("<end>")
    };
    let opening = hash_str(match ctx.lower(content.start) {
        "that" => "that",
        "to" => "to",
        "whether" | "if" | "how" | "what" | "why" | "when" | "who" => "wh",
        _ => token_class(ctx, Some(content.start), &sentence, excluded),
    });
    out.push(combine(template::BIAS_END, &[at_end]));
    out.push(combine(template::LAST, &[last]));
    out.push(combine(template::NEXT, &[next]));
    out.push(combine(template::LAST_NEXT, &[last, next]));
    out.push(combine(template::CLASSES, &[last_class, next_class]));
    out.push(combine(template::LAST_CLASS, &[last_class]));
    out.push(combine(template::NEXT_CLASS, &[next_class]));
    out.push(combine(template::NEXT_TWO, &[next, word(end + 1)]));
    out.push(combine(template::LEMMA_END, &[hash_str(lemma), at_end]));
    out.push(combine(template::OPENING_END, &[opening, at_end]));
    out.push(combine(template::OPENING_NEXT, &[opening, next_class]));
    out.push(combine(
        template::LENGTH_END,
        &[distance_bucket(end - content.start), at_end],
    ));
    let commas = (content.start..end).filter(|&i| ctx.text(i) == ",").count();
    out.push(combine(template::COMMAS_END, &[commas.min(3) as u64, at_end]));
}
