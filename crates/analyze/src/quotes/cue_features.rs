//! Features of one token for the learned cue detector: the word, its
//! neighbours, what the cue lexicon says about it, and where it stands in
//! its sentence. Hashed with the NER tagger's feature hash, so the weights
//! trained by `examples/train_quotes.rs` index the same buckets at run time.
//!
//! The features are computed from the quote finder's [`Context`] only, so
//! training (on PolNeAR) and detection see exactly the same view.

use std::ops::Range;

use super::context::Context;
use super::lexicon::{lexicon, Frame};
use crate::ner::hashing::{combine, hash_str};

/// Template ids (one per feature kind); part of the shipped weights' format.
mod template {
    pub const BIAS: u8 = 1;
    pub const WORD: u8 = 2;
    pub const SUFFIX: u8 = 3;
    pub const PREVIOUS: u8 = 4;
    pub const NEXT: u8 = 5;
    pub const PREVIOUS_WORD: u8 = 6;
    pub const WORD_NEXT: u8 = 7;
    pub const PREVIOUS_2: u8 = 8;
    pub const NEXT_2: u8 = 9;
    pub const LEXICON: u8 = 10;
    pub const INSIDE_LEXICON_FORM: u8 = 11;
    pub const CAPITALISED: u8 = 12;
    pub const PREVIOUS_CLASS: u8 = 13;
    pub const NEXT_CLASS: u8 = 14;
    pub const THAT_FOLLOWS: u8 = 15;
    pub const QUOTED_SENTENCE: u8 = 16;
    pub const FROM_START: u8 = 17;
    pub const TO_END: u8 = 18;
    pub const WORD_PREVIOUS_CLASS: u8 = 19;
    pub const WORD_NEXT_CLASS: u8 = 20;
    pub const LEXICON_PREVIOUS_CLASS: u8 = 21;
    pub const WORD_QUOTED: u8 = 22;
    pub const SUFFIX_NEXT_CLASS: u8 = 23;
}

/// A coarse class of a neighbouring token: what kind of word stands next
/// to a candidate cue says much about whether it is a verb of saying.
pub(crate) fn token_class(
    ctx: &Context,
    i: Option<usize>,
    sentence: &Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> &'static str {
    let Some(i) = i.filter(|i| sentence.contains(i)) else {
        return "edge";
    };
    if excluded(i) {
        return "quoted";
    }
    let word = ctx.lower(i);
    match word {
        "he" | "she" | "they" | "i" | "we" | "you" | "it" => return "pronoun",
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this" | "these"
        | "those" => return "determiner",
        "that" => return "that",
        "to" => return "to",
        "has" | "have" | "had" | "will" | "would" | "could" | "should" | "may" | "might" | "can" | "did"
        | "does" | "do" => return "auxiliary",
        "is" | "was" | "are" | "were" | "be" | "been" | "being" => return "be",
        "not" | "n't" => return "not",
        _ => {}
    }
    if !ctx.is_word(i) {
        return match ctx.text(i) {
            "," => "comma",
            ":" => "colon",
            "." | "!" | "?" => "stop",
            _ => "punctuation",
        };
    }
    if lexicon().match_at(&[word]).is_some() {
        return "cue-word";
    }
    if ctx.is_capitalised(i) {
        return "capitalised";
    }
    if word.ends_with("ly") {
        return "adverb";
    }
    "word"
}

/// Buckets a distance in tokens (0, 1, 2, 3–5, 6–10, more).
pub(crate) fn distance_bucket(distance: usize) -> u64 {
    match distance {
        0..=2 => distance as u64,
        3..=5 => 3,
        6..=10 => 4,
        _ => 5,
    }
}

/// The last three characters of a word (all of a shorter one).
fn suffix(word: &str) -> &str {
    let start = word.char_indices().rev().nth(2).map(|(i, _)| i).unwrap_or(0);
    &word[start..]
}

/// Appends the features of token `i` of `sentence` to `out`. Tokens for
/// which `excluded` is true are quoted text (never cues themselves).
pub(crate) fn cue_features(
    ctx: &Context,
    i: usize,
    sentence: &Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
    out: &mut Vec<u64>,
) {
    let word_at = |j: Option<usize>| -> u64 {
        match j.filter(|j| sentence.contains(j)) {
            Some(j) if excluded(j) => hash_str("<q>"),
            Some(j) => hash_str(ctx.lower(j)),
            None => hash_str("<edge>"),
        }
    };
    let word = ctx.lower(i);
    let w = hash_str(word);
    let previous = word_at(i.checked_sub(1));
    let next = word_at(Some(i + 1));
    let previous_class = hash_str(token_class(ctx, i.checked_sub(1), sentence, excluded));
    let next_class = hash_str(token_class(ctx, Some(i + 1), sentence, excluded));
    out.push(combine(template::BIAS, &[]));
    out.push(combine(template::WORD, &[w]));
    out.push(combine(template::SUFFIX, &[hash_str(suffix(word))]));
    out.push(combine(template::PREVIOUS, &[previous]));
    out.push(combine(template::NEXT, &[next]));
    out.push(combine(template::PREVIOUS_WORD, &[previous, w]));
    out.push(combine(template::WORD_NEXT, &[w, next]));
    out.push(combine(template::PREVIOUS_2, &[word_at(i.checked_sub(2))]));
    out.push(combine(template::NEXT_2, &[word_at(Some(i + 2))]));
    out.push(combine(template::PREVIOUS_CLASS, &[previous_class]));
    out.push(combine(template::NEXT_CLASS, &[next_class]));
    out.push(combine(template::WORD_PREVIOUS_CLASS, &[w, previous_class]));
    out.push(combine(template::WORD_NEXT_CLASS, &[w, next_class]));
    out.push(combine(
        template::SUFFIX_NEXT_CLASS,
        &[hash_str(suffix(word)), next_class],
    ));
    let capitalised_inside = ctx.is_capitalised(i) && i > sentence.start;
    out.push(combine(template::CAPITALISED, &[u64::from(capitalised_inside)]));

    let words: Vec<&str> = (i..sentence.end.min(i + 5))
        .take_while(|&j| ctx.is_word(j) && !excluded(j))
        .map(|j| ctx.lower(j))
        .collect();
    if let Some((entry, _)) = lexicon().match_at(&words) {
        let frame = match entry.frame {
            Frame::Clause => "clause",
            Frame::Object => "object",
            Frame::SourceAfter => "source-after",
        };
        let lemma = hash_str(&entry.lemma);
        out.push(combine(template::LEXICON, &[lemma, hash_str(frame)]));
        out.push(combine(
            template::LEXICON_PREVIOUS_CLASS,
            &[lemma, previous_class],
        ));
    }
    if inside_lexicon_form(ctx, i, sentence, excluded) {
        out.push(combine(template::INSIDE_LEXICON_FORM, &[]));
    }
    let that_follows = (i + 1..sentence.end.min(i + 4)).any(|j| ctx.lower(j) == "that");
    out.push(combine(template::THAT_FOLLOWS, &[u64::from(that_follows)]));
    let quoted_sentence = sentence.clone().any(excluded);
    out.push(combine(template::QUOTED_SENTENCE, &[u64::from(quoted_sentence)]));
    out.push(combine(template::WORD_QUOTED, &[w, u64::from(quoted_sentence)]));
    out.push(combine(
        template::FROM_START,
        &[distance_bucket(i - sentence.start.min(i))],
    ));
    out.push(combine(
        template::TO_END,
        &[distance_bucket(sentence.end.saturating_sub(i + 1))],
    ));
}

/// True when token `i` is a later word of a multi-word lexicon form that
/// starts before it ("to" in "according to").
fn inside_lexicon_form(
    ctx: &Context,
    i: usize,
    sentence: &Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> bool {
    (sentence.start.max(i.saturating_sub(4))..i).any(|start| {
        let words: Vec<&str> = (start..sentence.end.min(start + 5))
            .take_while(|&j| ctx.is_word(j) && !excluded(j))
            .map(|j| ctx.lower(j))
            .collect();
        lexicon().match_at(&words).is_some_and(|(_, len)| start + len > i)
    })
}
