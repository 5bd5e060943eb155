//! What a cue the attribution tagger found is: its lemma, act and frame
//! come from the lexicon when a lexicon form is in the tagged run;
//! otherwise the cue is a plain clause cue ("believes that…", "polls
//! show…") with the run's last word as lemma and the claim act (the
//! speech-act list has no act for beliefs).

use std::borrow::Cow;
use std::ops::Range;

use parallax_core::SpeechAct;

use super::context::Context;
use super::lexicon::{lexicon, CueEntry, Frame};

/// Longest multi-word lexicon form, in words.
const MAX_FORM_WORDS: usize = 5;

/// The lexicon entry of the first lexicon form starting inside the run
/// (extending the run to the form's end: "according" + "to"), or a clause
/// entry named after the run's last word.
pub(crate) fn entry_for(
    ctx: &Context,
    run: Range<usize>,
    limit: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> (Cow<'static, CueEntry>, usize) {
    for start in run.clone() {
        let words: Vec<&str> = (start..limit.min(start + MAX_FORM_WORDS))
            .take_while(|&j| ctx.is_word(j) && !excluded(j))
            .map(|j| ctx.lower(j))
            .collect();
        if let Some((entry, len)) = lexicon().match_at(&words) {
            return (Cow::Borrowed(entry), run.end.max(start + len));
        }
    }
    let last = (run.clone()).rev().find(|&j| ctx.is_word(j)).unwrap_or(run.start);
    let entry = CueEntry {
        lemma: lemma_of(ctx.lower(last)),
        act: SpeechAct::Claim,
        frame: Frame::Clause,
    };
    (Cow::Owned(entry), run.end)
}

/// A verb's dictionary form by its regular inflection ("believes" →
/// "believe", "hoped" → "hope", "showing" → "show"); irregular forms stay
/// as written. Good enough for a label: the cue text keeps the exact form.
fn lemma_of(word: &str) -> String {
    let restore_e = |stem: &str| {
        // "hop" + e, "believ" + e: a stem ending consonant-vowel-consonant
        // or in v/z/c takes back its silent e.
        let chars: Vec<char> = stem.chars().collect();
        let vowel = |c: char| "aeiou".contains(c);
        let ends_cvc = chars.len() >= 3 && {
            let n = chars.len();
            !vowel(chars[n - 3])
                && vowel(chars[n - 2])
                && !vowel(chars[n - 1])
                && !"wxy".contains(chars[n - 1])
        };
        let silent_e_ending = chars.last().is_some_and(|c| "vzc".contains(*c));
        if ends_cvc && chars.len() <= 4 || silent_e_ending {
            format!("{stem}e")
        } else {
            stem.to_owned()
        }
    };
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("ied").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("ing").filter(|s| s.len() >= 3) {
        return restore_e(stem);
    }
    if let Some(stem) = word.strip_suffix("ed").filter(|s| s.len() >= 3) {
        return restore_e(stem);
    }
    if let Some(stem) = word
        .strip_suffix("es")
        .filter(|s| s.ends_with("sh") || s.ends_with("ch") || s.ends_with('s') || s.ends_with('x'))
    {
        return stem.to_owned();
    }
    if let Some(stem) = word
        .strip_suffix('s')
        .filter(|s| s.len() >= 3 && !s.ends_with('s'))
    {
        return stem.to_owned();
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::lemma_of;

    #[test]
    fn lemmatises_regular_verb_forms() {
        assert_eq!(lemma_of("believes"), "believe");
        assert_eq!(lemma_of("believed"), "believe");
        assert_eq!(lemma_of("hoped"), "hope");
        assert_eq!(lemma_of("showing"), "show");
        assert_eq!(lemma_of("thinks"), "think");
        assert_eq!(lemma_of("worries"), "worry");
        assert_eq!(lemma_of("wishes"), "wish");
        assert_eq!(lemma_of("found"), "found");
    }
}
