//! Features of one token for the attribution tagger: the word and its
//! neighbours, a coarse class of each (pronoun, person name, cue word,
//! comma…), quotation marks around it, what the cue lexicon says about it,
//! and where the nearest lexicon cues stand on either side in its sentence
//! (the clause structure a parser would give, approximated). Hashed with
//! the NER tagger's feature hash; training (`examples/train_quotes.rs`)
//! computes them through the same functions, so the weights index the same
//! buckets at run time.

use std::ops::Range;

use parallax_core::{EntityType, MentionForm};

use super::super::context::Context;
use super::super::lexicon::{lexicon, Frame};
use crate::ner::hashing::{combine, hash_str};
use crate::tokens::TokenKind;

/// Template ids (one per feature kind); part of the shipped weights' format.
mod template {
    pub const BIAS: u8 = 1;
    pub const WORD: u8 = 2;
    pub const PREVIOUS: u8 = 3;
    pub const NEXT: u8 = 4;
    pub const PREVIOUS_2: u8 = 5;
    pub const NEXT_2: u8 = 6;
    pub const PREVIOUS_WORD: u8 = 7;
    pub const WORD_NEXT: u8 = 8;
    pub const SUFFIX: u8 = 9;
    pub const SHAPE: u8 = 10;
    pub const CLASSES: u8 = 11;
    pub const CLASS_NEXT: u8 = 12;
    pub const PREVIOUS_CLASS: u8 = 13;
    pub const QUOTED: u8 = 14;
    pub const LEXICON: u8 = 15;
    pub const INSIDE_FORM: u8 = 16;
    pub const LEFT_CUE: u8 = 17;
    pub const LEFT_CUE_LEMMA: u8 = 18;
    pub const RIGHT_CUE: u8 = 19;
    pub const RIGHT_CUE_LEMMA: u8 = 20;
    pub const THAT_FOLLOWS: u8 = 21;
    pub const FROM_START: u8 = 22;
    pub const TO_END: u8 = 23;
    pub const COMMAS: u8 = 24;
    pub const WORD_QUOTED_SENTENCE: u8 = 25;
    pub const SUFFIX_NEXT_CLASS: u8 = 26;
    pub const WORD_LEFT_CUE: u8 = 27;
    pub const CLASS_CUES: u8 = 28;
}

/// What the features need of one token, computed once per article.
#[derive(Debug, Clone, Copy)]
struct TokenView {
    word: u64,
    suffix: u64,
    shape: u64,
    class: u64,
    /// Lemma and frame of a lexicon cue form starting here, and its length.
    lexicon: Option<(u64, u64, usize)>,
    /// A later word of a multi-word lexicon form ("to" of "according to").
    inside_form: bool,
    quoted: bool,
    mark: bool,
    comma: bool,
    that: bool,
}

/// The tokens of one article as the tagger sees them.
pub(crate) struct ArticleView {
    tokens: Vec<TokenView>,
}

/// The features of the tokens of one sentence, flat: token `i`'s are
/// `features[ends[i - 1]..ends[i]]`.
#[derive(Debug, Default)]
pub struct SentenceFeatures {
    features: Vec<u64>,
    ends: Vec<usize>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The features of token `i` of the sentence.
    pub fn token(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.features[start..self.ends[i]]
    }

    /// The features of every token, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &[u64]> {
        (0..self.len()).map(|i| self.token(i))
    }
}

/// Longest multi-word lexicon form, in words.
const MAX_FORM_WORDS: usize = 5;

impl ArticleView {
    /// The view of `ctx`'s tokens; `quoted` marks tokens inside quotation
    /// marks (marks included).
    pub(crate) fn new(ctx: &Context, quoted: &[bool]) -> ArticleView {
        let is_quoted = |i: usize| quoted.get(i).copied().unwrap_or(false);
        let mention_class = mention_classes(ctx);
        let mut tokens: Vec<TokenView> = (0..ctx.tokens.len())
            .map(|i| {
                let word = ctx.lower(i);
                let words: Vec<&str> = (i..ctx.tokens.len().min(i + MAX_FORM_WORDS))
                    .take_while(|&j| ctx.is_word(j) && !is_quoted(j))
                    .map(|j| ctx.lower(j))
                    .collect();
                let lexicon = lexicon().match_at(&words).map(|(entry, len)| {
                    let frame = match entry.frame {
                        Frame::Clause => "clause",
                        Frame::Object => "object",
                        Frame::SourceAfter => "source-after",
                    };
                    (hash_str(&entry.lemma), hash_str(frame), len)
                });
                TokenView {
                    word: hash_str(word),
                    suffix: hash_str(suffix(word)),
                    shape: hash_str(shape(ctx.text(i))),
                    class: hash_str(mention_class[i].unwrap_or_else(|| word_class(ctx, i))),
                    lexicon,
                    inside_form: false,
                    quoted: is_quoted(i),
                    mark: matches!(ctx.kind(i), Some(TokenKind::Quote(_))),
                    comma: ctx.text(i) == ",",
                    that: word == "that",
                }
            })
            .collect();
        for i in 0..tokens.len() {
            if let Some((_, _, len)) = tokens[i].lexicon {
                for later in tokens.iter_mut().skip(i + 1).take(len.saturating_sub(1)) {
                    later.inside_form = true;
                }
            }
        }
        ArticleView { tokens }
    }

    /// The features of every token of `sentence` (a token range).
    pub(crate) fn sentence_features(&self, sentence: Range<usize>) -> SentenceFeatures {
        let sentence = sentence.start.min(self.tokens.len())..sentence.end.min(self.tokens.len());
        let cues = CueDistances::new(&self.tokens, sentence.clone());
        let quoted_sentence = self.tokens[sentence.clone()].iter().any(|t| t.quoted);
        let mut out = SentenceFeatures {
            features: Vec::with_capacity(sentence.len() * 28),
            ends: Vec::with_capacity(sentence.len()),
        };
        let edge = hash_str("<edge>");
        let at = |i: Option<usize>| i.filter(|i| sentence.contains(i)).map(|i| &self.tokens[i]);
        let word_at = |i: Option<usize>| at(i).map_or(edge, |t| t.word);
        let class_at = |i: Option<usize>| at(i).map_or(edge, |t| t.class);
        let mut commas = 0u64;
        for (n, i) in sentence.clone().enumerate() {
            let token = &self.tokens[i];
            let f = &mut out.features;
            let (w, c) = (token.word, token.class);
            let (previous, next) = (word_at(i.checked_sub(1)), word_at(Some(i + 1)));
            let (previous_class, next_class) = (class_at(i.checked_sub(1)), class_at(Some(i + 1)));
            f.push(combine(template::BIAS, &[]));
            f.push(combine(template::WORD, &[w]));
            f.push(combine(template::PREVIOUS, &[previous]));
            f.push(combine(template::NEXT, &[next]));
            f.push(combine(template::PREVIOUS_2, &[word_at(i.checked_sub(2))]));
            f.push(combine(template::NEXT_2, &[word_at(Some(i + 2))]));
            f.push(combine(template::PREVIOUS_WORD, &[previous, w]));
            f.push(combine(template::WORD_NEXT, &[w, next]));
            f.push(combine(template::SUFFIX, &[token.suffix]));
            f.push(combine(template::SHAPE, &[token.shape, u64::from(n == 0)]));
            f.push(combine(template::CLASSES, &[previous_class, c, next_class]));
            f.push(combine(template::CLASS_NEXT, &[c, next_class]));
            f.push(combine(template::PREVIOUS_CLASS, &[previous_class, c]));
            let quoted_bits = u64::from(at(i.checked_sub(1)).is_some_and(|t| t.quoted))
                | u64::from(token.quoted) << 1
                | u64::from(at(Some(i + 1)).is_some_and(|t| t.quoted)) << 2
                | u64::from(token.mark) << 3;
            f.push(combine(template::QUOTED, &[quoted_bits]));
            if let Some((lemma, frame, _)) = token.lexicon {
                f.push(combine(template::LEXICON, &[lemma, frame]));
            }
            if token.inside_form {
                f.push(combine(template::INSIDE_FORM, &[]));
            }
            let (left, right) = (cues.left[n], cues.right[n]);
            let left_bucket = left.map_or(9, |(d, _)| distance_bucket(d));
            let right_bucket = right.map_or(9, |(d, _, _)| distance_bucket(d));
            f.push(combine(template::LEFT_CUE, &[left_bucket]));
            if let Some((d, lemma)) = left {
                f.push(combine(template::LEFT_CUE_LEMMA, &[distance_bucket(d), lemma]));
            }
            let comma_before_right = right.is_some_and(|(_, _, comma)| comma);
            f.push(combine(
                template::RIGHT_CUE,
                &[right_bucket, u64::from(comma_before_right)],
            ));
            if let Some((d, lemma, _)) = right {
                f.push(combine(template::RIGHT_CUE_LEMMA, &[distance_bucket(d), lemma]));
            }
            let that_follows = (i + 1..sentence.end.min(i + 4)).any(|j| self.tokens[j].that);
            f.push(combine(template::THAT_FOLLOWS, &[u64::from(that_follows), c]));
            f.push(combine(template::FROM_START, &[distance_bucket(n)]));
            f.push(combine(
                template::TO_END,
                &[distance_bucket(sentence.end - i - 1)],
            ));
            f.push(combine(template::COMMAS, &[commas.min(3)]));
            f.push(combine(
                template::WORD_QUOTED_SENTENCE,
                &[w, u64::from(quoted_sentence)],
            ));
            f.push(combine(template::SUFFIX_NEXT_CLASS, &[token.suffix, next_class]));
            let coarse = |bucket: u64| match bucket {
                0..=2 => 0,
                9 => 2,
                _ => 1,
            };
            f.push(combine(template::WORD_LEFT_CUE, &[w, coarse(left_bucket)]));
            f.push(combine(
                template::CLASS_CUES,
                &[c, coarse(left_bucket), coarse(right_bucket)],
            ));
            out.ends.push(f.len());
            if token.comma {
                commas += 1;
            }
        }
        out
    }
}

/// For each token of a sentence, the nearest lexicon cue before it
/// (distance from the cue's end, lemma) and after it (distance to the
/// cue's start, lemma, whether a comma stands between).
struct CueDistances {
    left: Vec<Option<(usize, u64)>>,
    right: Vec<Option<(usize, u64, bool)>>,
}

impl CueDistances {
    fn new(tokens: &[TokenView], sentence: Range<usize>) -> CueDistances {
        let mut left = Vec::with_capacity(sentence.len());
        let mut last: Option<(usize, u64)> = None;
        for i in sentence.clone() {
            left.push(
                last.filter(|(end, _)| *end <= i)
                    .map(|(end, lemma)| (i + 1 - end, lemma)),
            );
            if let Some((lemma, _, len)) = tokens[i].lexicon {
                last = Some((i + len, lemma));
            }
        }
        let mut right = vec![None; sentence.len()];
        let mut next: Option<(usize, u64)> = None;
        let mut comma_since = false;
        for i in sentence.clone().rev() {
            right[i - sentence.start] = next.map(|(start, lemma)| (start - i, lemma, comma_since));
            if let Some((lemma, _, _)) = tokens[i].lexicon {
                next = Some((i, lemma));
                comma_since = false;
            }
            if tokens[i].comma {
                comma_since = true;
            }
        }
        CueDistances { left, right }
    }
}

/// Buckets a distance in tokens (0, 1, 2, 3–5, 6–10, more).
fn distance_bucket(distance: usize) -> u64 {
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

/// The word's shape: case of its first letter, digits, all capitals.
fn shape(text: &str) -> &'static str {
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return "empty" };
    if first.is_ascii_digit() {
        "digit"
    } else if first.is_uppercase() {
        if text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && text.chars().count() > 1 {
            "CAPS"
        } else {
            "Cap"
        }
    } else if first.is_lowercase() {
        "low"
    } else {
        "other"
    }
}

/// The class of each token inside an entity mention: a person by name or
/// title, an organisation, a place, a group.
fn mention_classes(ctx: &Context) -> Vec<Option<&'static str>> {
    let mut classes = vec![None; ctx.tokens.len()];
    for mention in ctx.mentions {
        let class = match (mention.entity_type, mention.form) {
            (_, MentionForm::Pronoun) => continue,
            (EntityType::Person, MentionForm::Name) => "person",
            (EntityType::Person, MentionForm::Title) => "title",
            (EntityType::Organization, _) => "organisation",
            (EntityType::Country | EntityType::Place, _) => "place",
            (EntityType::Group, _) => "group",
            (EntityType::Misc, _) => "misc",
        };
        for i in ctx.token_range(mention.span) {
            if let Some(slot) = classes.get_mut(i) {
                *slot = Some(class);
            }
        }
    }
    classes
}

/// A coarse class of a token outside entity mentions.
fn word_class(ctx: &Context, i: usize) -> &'static str {
    let word = ctx.lower(i);
    match word {
        "he" | "she" | "they" | "i" | "we" | "you" | "it" => return "pronoun",
        "him" | "her" | "them" | "me" | "us" => return "object-pronoun",
        "the" | "a" | "an" | "his" | "their" | "its" | "our" | "my" | "your" | "this" | "these" | "those" => {
            return "determiner"
        }
        "that" => return "that",
        "to" => return "to",
        "has" | "have" | "had" | "will" | "would" | "could" | "should" | "may" | "might" | "can" | "did"
        | "does" | "do" => return "auxiliary",
        "is" | "was" | "are" | "were" | "be" | "been" | "being" => return "be",
        "not" | "n't" | "never" => return "not",
        "and" | "or" | "but" => return "conjunction",
        "who" | "which" | "whom" | "whose" => return "relative",
        "if" | "whether" | "because" | "while" | "when" | "although" | "though" | "as" => {
            return "subordinator"
        }
        _ => {}
    }
    match ctx.kind(i) {
        Some(TokenKind::Quote(_)) => return "mark",
        Some(TokenKind::Dash) => return "dash",
        Some(TokenKind::Number) => return "number",
        Some(TokenKind::Clitic) => return "clitic",
        Some(kind) if !kind.is_wordlike() => {
            return match ctx.text(i) {
                "," => "comma",
                ":" => "colon",
                ";" => "semicolon",
                "." | "!" | "?" => "stop",
                "(" | "[" => "open",
                ")" | "]" => "close",
                _ => "punctuation",
            }
        }
        _ => {}
    }
    if lexicon().match_at(&[word]).is_some() {
        return "cue-word";
    }
    if ctx.is_capitalised(i) {
        return "capitalised";
    }
    if word.ends_with("ly") {
        "adverb"
    } else if word.ends_with("ing") {
        "ing"
    } else if word.ends_with("ed") {
        "ed"
    } else {
        "word"
    }
}
