//! Cues and sources: where a cue verb or phrase stands in a stretch of
//! reporter's text, and which noun phrase next to it is the source.
//!
//! There is no parser: the source is the noun phrase right before the cue
//! (after skipping auxiliaries and adverbs: "has also said"), or right after
//! it when the order is inverted ("said Zelenskyy", "according to the
//! Kremlin"). Noun phrases stop at punctuation, quote marks, and clause
//! words ("that", "who", "and"), and must end in something that can speak:
//! a capitalised word, a personal pronoun, or a common noun.

use std::borrow::Cow;
use std::ops::Range;

use super::context::Context;
use super::lexicon::{lexicon, CueEntry, Frame};
use crate::tokens::TokenKind;

/// A cue found in the text.
#[derive(Debug, Clone)]
pub(crate) struct CueHit {
    pub tokens: Range<usize>,
    /// The lexicon entry, or one made for a cue the model learned.
    pub entry: Cow<'static, CueEntry>,
}

/// A cue with the source next to it.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub cue: CueHit,
    pub source: Range<usize>,
}

/// Longest multi-word cue form, in words.
const MAX_CUE_WORDS: usize = 5;
/// Longest source noun phrase, in tokens.
const MAX_SOURCE_TOKENS: usize = 12;

/// Words between a subject and its verb that belong to neither.
const SKIPPABLE_BEFORE_CUE: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
    "later",
    "previously",
    "then",
    "again",
    "once",
    "repeatedly",
    "reportedly",
    "publicly",
    "recently",
    "already",
    "first",
    "further",
    "simply",
    "just",
    "even",
    "often",
    "quickly",
    "privately",
    "openly",
    "flatly",
    "firmly",
    "angrily",
    "bluntly",
    "explicitly",
    "specifically",
    "initially",
    "subsequently",
    "separately",
    "earlier",
    "clearly",
    "immediately",
    "frequently",
    "long",
    "since",
];

/// Words that end a noun phrase when walking away from the cue.
const PHRASE_BOUNDARY: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "as", "while", "when", "because", "if",
    "so", "than", "what", "how", "where", "why", "though", "although", "after", "before", "until", "since",
    "not", "to", "is", "was", "were", "are", "be", "been", "being", "it's", "there", "here", "nor", "yet",
    "whether",
];

/// Words that cannot be the last word (head) of a source.
const NOT_A_HEAD: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "of",
    "in", "on", "at", "for", "with", "by", "from", "about", "into", "what", "all", "some", "many", "much",
    "more", "most", "no", "any", "every", "each", "very", "too", "now", "only", "never", "ever", "also",
    "just",
];

/// Personal pronouns that can be a source.
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you", "it", "who"];

/// Words before a cue form that make it a noun ("the report", "his claims").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "new",
    "any", "no", "such", "of",
];

/// All cues among tokens `range`, in order, skipping tokens for which
/// `excluded` is true (quoted text).
pub(crate) fn cues_in(ctx: &Context, range: Range<usize>, excluded: &dyn Fn(usize) -> bool) -> Vec<CueHit> {
    let mut hits = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if excluded(i) || !ctx.is_word(i) {
            i += 1;
            continue;
        }
        let words: Vec<&str> = (i..range.end.min(i + MAX_CUE_WORDS))
            .take_while(|&j| ctx.is_word(j) && !excluded(j))
            .map(|j| ctx.lower(j))
            .collect();
        match lexicon().match_at(&words) {
            Some((entry, len)) if !used_as_noun(ctx, i, entry) => {
                hits.push(CueHit {
                    tokens: i..i + len,
                    entry: Cow::Borrowed(entry),
                });
                i += len;
            }
            _ => i += 1,
        }
    }
    hits
}

/// "the report", "his claims", "a call for": the cue form is a noun here;
/// "The Washington Post": a capitalised cue form inside a name.
fn used_as_noun(ctx: &Context, first: usize, entry: &CueEntry) -> bool {
    if entry.frame == Frame::SourceAfter || first == 0 {
        return false;
    }
    if ctx.is_capitalised(first) {
        return true;
    }
    let before = first - 1;
    ctx.kind(before) == Some(TokenKind::Clitic) || DETERMINERS.contains(&ctx.lower(before))
}

/// The source noun phrase ending right before `cue` (auxiliaries and
/// adverbs in between are skipped), not reaching before token `floor`.
pub(crate) fn source_before(ctx: &Context, cue: &CueHit, floor: usize) -> Option<Range<usize>> {
    let mut end = cue.tokens.start;
    while end > floor && SKIPPABLE_BEFORE_CUE.contains(&ctx.lower(end - 1)) {
        end -= 1;
    }
    // "n't" of "didn't", "hasn't".
    while end > floor && ctx.kind(end - 1) == Some(TokenKind::Clitic) && ctx.lower(end - 1).ends_with("n't") {
        end -= 1;
        while end > floor && SKIPPABLE_BEFORE_CUE.contains(&ctx.lower(end - 1)) {
            end -= 1;
        }
    }
    // "Dmitry Peskov, the Kremlin spokesman, told…": a comma right before
    // the cue closes an appositive, which must then follow a name.
    let closes_appositive = end > floor + 1 && ctx.text(end - 1) == ",";
    if closes_appositive {
        end -= 1;
    }
    let mut start = end;
    while start > floor && end - start < MAX_SOURCE_TOKENS && continues_phrase(ctx, start - 1) {
        start -= 1;
    }
    let phrase = without_time_adjunct(ctx, start..end);
    if !is_plausible_source(ctx, &phrase) {
        return closes_appositive
            .then(|| name_before_long_appositive(ctx, end, floor))
            .flatten();
    }
    let extended = with_name_before_appositive(ctx, phrase.clone(), floor);
    if closes_appositive && extended == phrase {
        return name_before_long_appositive(ctx, end, floor);
    }
    Some(extended)
}

/// Longest appositive between a name and its cue, in tokens.
const MAX_APPOSITIVE_TOKENS: usize = 24;
/// Longest name before an appositive, in tokens.
const MAX_NAME_TOKENS: usize = 5;

/// "Jim Clyburn, a congressman and civil rights leader from South Carolina,
/// said…": an appositive with clause words in it ("and", "of") that the
/// plain phrase walk stops at. `comma` closes the appositive; the source is
/// the capitalised name opening the clause before the comma that opens it.
fn name_before_long_appositive(ctx: &Context, comma: usize, floor: usize) -> Option<Range<usize>> {
    let lowest = comma.saturating_sub(MAX_APPOSITIVE_TOKENS).max(floor);
    let mut opening = None;
    for i in (lowest..comma).rev() {
        match ctx.text(i) {
            "," => {
                opening = Some(i);
                break;
            }
            "." | ";" | ":" | "!" | "?" | "\"" | "“" | "”" | "(" | ")" => return None,
            _ => {}
        }
    }
    let opening = opening.filter(|&c| c > floor && comma - c > 2)?;
    let mut start = opening;
    while start > floor && opening - start < MAX_NAME_TOKENS && continues_phrase(ctx, start - 1) {
        start -= 1;
    }
    let opens_clause = start == floor || ctx.kind(start - 1).is_some_and(|k| !k.is_wordlike());
    let name_is_capitalised = (start..opening).all(|i| ctx.is_capitalised(i) || !ctx.is_word(i));
    let adverb_only = opening == start + 1 && is_sentence_adverb(ctx.lower(start));
    (start < opening && opens_clause && name_is_capitalised && !adverb_only).then_some(start..comma)
}

/// Words opening a time phrase between a subject and its verb.
const TIME_ADJUNCT_OPENERS: &[&str] = &[
    "on",
    "during",
    "late",
    "last",
    "earlier",
    "this",
    "yesterday",
    "today",
];

/// "The Kremlin on Thursday said…": a time phrase between the subject and
/// the cue is not part of the source. Cut only after a name or pronoun, so
/// "the head of the office on…" style phrases keep their shape otherwise.
fn without_time_adjunct(ctx: &Context, phrase: Range<usize>) -> Range<usize> {
    let cut = (phrase.start + 1..phrase.end).find(|&i| TIME_ADJUNCT_OPENERS.contains(&ctx.lower(i)));
    match cut {
        Some(cut)
            if (phrase.start..cut).any(|i| ctx.is_capitalised(i) || PRONOUNS.contains(&ctx.lower(i))) =>
        {
            phrase.start..cut
        }
        _ => phrase,
    }
}

/// Sentence adverbs and connectives that stand capitalised before a comma
/// at the start of a sentence ("However, Reuters reports…") and are never a
/// name before an appositive.
fn is_sentence_adverb(word: &str) -> bool {
    matches!(
        word,
        "however"
            | "meanwhile"
            | "instead"
            | "moreover"
            | "furthermore"
            | "nevertheless"
            | "nonetheless"
            | "besides"
            | "still"
            | "separately"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "additionally"
            | "finally"
            | "indeed"
            | "likewise"
            | "similarly"
            | "otherwise"
            | "thus"
            | "therefore"
            | "hence"
            | "initially"
            | "previously"
            | "recently"
            | "subsequently"
            | "ultimately"
            | "notably"
            | "importantly"
            | "interestingly"
            | "surprisingly"
    )
}

/// "Brent Bozell, founder of the Media Research Center, tells…": the source
/// found before the cue is an appositive; the name before it belongs to it
/// when that name opens the clause.
fn with_name_before_appositive(ctx: &Context, phrase: Range<usize>, floor: usize) -> Range<usize> {
    let Some(comma) = phrase
        .start
        .checked_sub(1)
        .filter(|&c| c > floor && ctx.text(c) == ",")
    else {
        return phrase;
    };
    let mut start = comma;
    while start > floor && comma - start < MAX_SOURCE_TOKENS && continues_phrase(ctx, start - 1) {
        start -= 1;
    }
    let opens_clause = start == floor || ctx.kind(start - 1).is_some_and(|k| !k.is_wordlike());
    let adverb_only = comma == start + 1 && is_sentence_adverb(ctx.lower(start));
    if start < comma
        && ctx.is_capitalised(start)
        && opens_clause
        && !adverb_only
        && ctx.text(comma + 1) != ","
    {
        start..phrase.end
    } else {
        phrase
    }
}

/// The source noun phrase starting right after `cue`, not reaching token
/// `ceiling`: "said Zelenskyy", "according to the Kremlin".
pub(crate) fn source_after(ctx: &Context, cue: &CueHit, ceiling: usize) -> Option<Range<usize>> {
    let start = cue.tokens.end;
    let mut end = start;
    while end < ceiling && end - start < MAX_SOURCE_TOKENS && continues_phrase(ctx, end) {
        end += 1;
    }
    // A trailing time or place phrase is not part of the source
    // ("said Zelenskyy on Monday").
    if let Some(cut) =
        (start + 1..end).find(|&i| matches!(ctx.lower(i), "on" | "in" | "at" | "during" | "late"))
    {
        if ctx.is_capitalised(start) || PRONOUNS.contains(&ctx.lower(start)) {
            end = cut;
        }
    }
    let phrase = start..end;
    is_plausible_source(ctx, &phrase).then_some(phrase)
}

/// True when token `i` can belong to a source noun phrase.
fn continues_phrase(ctx: &Context, i: usize) -> bool {
    match ctx.kind(i) {
        Some(TokenKind::Word | TokenKind::Abbreviation(_) | TokenKind::Number | TokenKind::Handle) => {
            let word = ctx.lower(i);
            !PHRASE_BOUNDARY.contains(&word)
                && lexicon().match_at(&[word]).is_none_or(|_| ctx.is_capitalised(i))
        }
        Some(TokenKind::Clitic) => ctx.lower(i).ends_with('s'),
        // A hyphen joining words ("RBC - Ukraine" never occurs; hyphenated
        // words are one token) or a period inside initials.
        _ => false,
    }
}

fn is_plausible_source(ctx: &Context, phrase: &Range<usize>) -> bool {
    let Some(head) = phrase.clone().last() else {
        return false;
    };
    let head_word = ctx.lower(head);
    if NOT_A_HEAD.contains(&head_word) {
        return false;
    }
    if phrase.len() == 1 {
        return ctx.is_capitalised(head) && !is_sentence_initial_function_word(head_word)
            || PRONOUNS.contains(&head_word)
            || head_word.ends_with('s') && head_word.len() > 3;
    }
    true
}

/// Capitalised only because a sentence starts with it.
fn is_sentence_initial_function_word(word: &str) -> bool {
    matches!(
        word,
        "but" | "and" | "so" | "then" | "now" | "this" | "that" | "there" | "here" | "also" | "still" | "yet"
    ) || NOT_A_HEAD.contains(&word)
}

/// The attribution inside a stretch of reporter's text next to a quote.
/// `after_quote` says the stretch follows the quote (look for the first cue,
/// allowing inversion: "…,” said Zelenskyy."); otherwise it precedes it
/// (look for the last cue: "Zelenskyy said: “…”").
pub(crate) fn attribution_in(
    ctx: &Context,
    range: Range<usize>,
    after_quote: bool,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Attribution> {
    let hits = cues_in(ctx, range.clone(), excluded);
    let ordered: Vec<&CueHit> = if after_quote {
        hits.iter().collect()
    } else {
        hits.iter().rev().collect()
    };
    for hit in ordered {
        if let Some(found) = attach_source(ctx, hit, range.clone(), after_quote) {
            return Some(found);
        }
    }
    None
}

/// Finds the source for one cue inside `range`.
pub(crate) fn attach_source(
    ctx: &Context,
    hit: &CueHit,
    range: Range<usize>,
    allow_inverted: bool,
) -> Option<Attribution> {
    if hit.entry.frame == Frame::SourceAfter {
        let source = source_after(ctx, hit, range.end)?;
        return Some(Attribution {
            cue: hit.clone(),
            source,
        });
    }
    if let Some(source) = source_before(ctx, hit, range.start) {
        return Some(Attribution {
            cue: hit.clone(),
            source,
        });
    }
    // Inversion only right at the start of the stretch: "…,” said X.". A
    // participle is never inverted: in "…,” referring to the Islamic State"
    // the phrase after it is its object.
    let leading_punctuation = (range.start..hit.tokens.start).all(|i| !ctx.is_word(i));
    let participle = ctx.lower(hit.tokens.start).ends_with("ing");
    if allow_inverted && leading_punctuation && !participle {
        let source = source_after(ctx, hit, range.end)?;
        return Some(Attribution {
            cue: hit.clone(),
            source,
        });
    }
    None
}
