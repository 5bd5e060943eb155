//! Modality: whether the sentence says the event happened, did not happen,
//! will happen, may happen or happens only under a condition — read from the
//! verb group ("will not", "is set to", "could"), the verb governing a noun
//! event ("ruled out a meeting", "is scheduled"), and a following or
//! enclosing "if" clause. A denial is not the act: negation wins.

use parallax_core::Modality;

const NEGATION: &[&str] = &[
    "NOT",
    "N'T",
    "NEVER",
    "NO",
    "REFUSED",
    "FAILED",
    "DECLINED",
    "UNWILLING",
    "UNABLE",
];
const FUTURE: &[&str] = &[
    "WILL", "'LL", "SHALL", "SET", "DUE", "ABOUT", "GOING", "PLANS", "PLAN", "PLANNED", "PLANNING",
    "EXPECTED", "SOON",
];
const POSSIBLE: &[&str] = &[
    "COULD", "MAY", "MIGHT", "WOULD", "'D", "SHOULD", "CAN", "MUST", "READY", "WANTS", "WANT", "WANTED",
    "HOPES", "HOPED", "WILLING", "TRYING", "TRIED", "SEEKING", "SOUGHT", "SEEKS", "OFFERED", "LIKELY",
    "UNLIKELY", "TIME", "ABLE",
];
const CONDITION: &[&str] = &["IF", "UNLESS"];

/// The modality of a verb whose group spans words `[group_start, verb_start)`,
/// in a clause `[lo, hi)`.
pub fn of_verb_group(
    words: &[String],
    group_start: usize,
    verb_start: usize,
    lo: usize,
    hi: usize,
) -> Modality {
    let group = words.get(group_start..verb_start).unwrap_or(&[]);
    // "It is time to hit …": the marker may stand just before the group.
    let lead = words
        .get(group_start.saturating_sub(2).max(lo)..group_start)
        .unwrap_or(&[]);
    let has = |list: &[&str]| group.iter().any(|w| list.contains(&w.as_str()));
    if has(NEGATION) {
        return Modality::Negated;
    }
    if conditional(words, lo, hi) {
        return Modality::Conditional;
    }
    if has(FUTURE) {
        return Modality::Future;
    }
    if has(POSSIBLE) || lead.iter().any(|w| w == "TIME") || wished_infinitive(words, group_start, lo) {
        return Modality::Possible;
    }
    Modality::Asserted
}

/// Most words between a proposing verb or noun and the infinitive it governs
/// ("invited Zelenskyy to come", "Russia's demand for Ukrainian forces to withdraw").
const MAX_WORDS_TO_INFINITIVE: usize = 6;

/// True when the group is an infinitive ("to come") governed by a verb or
/// noun that only proposes it: the action is wished for, not done.
fn wished_infinitive(words: &[String], group_start: usize, lo: usize) -> bool {
    if words.get(group_start).is_none_or(|w| w != "TO") {
        return false;
    }
    let from = group_start.saturating_sub(MAX_WORDS_TO_INFINITIVE).max(lo);
    words
        .get(from..group_start)
        .unwrap_or(&[])
        .iter()
        .any(|w| PROPOSING_STEMS.iter().any(|s| w.starts_with(s)))
}

/// Stems of verbs that deny the event they govern ("ruled out a meeting").
/// (Rejecting or dismissing a proposal does not deny that it was made.)
const DENYING_STEMS: &[&str] = &[
    "RULE", "DENY", "DENI", "CANCEL", "POSTPON", "CALL", "REFUS", "DECLIN",
];
/// Stems of verbs that place the event they govern in the future.
const PLANNING_STEMS: &[&str] = &["SCHEDUL", "PLAN", "PREPAR", "ANNOUNC", "EXPECT"];
/// Stems of verbs that make the event they govern only wished or proposed.
const PROPOSING_STEMS: &[&str] = &[
    "PROPOS", "OFFER", "SEEK", "SOUGHT", "WANT", "DEMAND", "URG", "HOPE", "INVIT", "ASK", "SUGGEST", "PUSH",
    "REQUEST", "CALL",
];

/// The modality a noun event at word `noun` takes from the verbs of its
/// clause `[lo, hi)`: "ruled out a meeting" denies it, "talks are scheduled"
/// plan it, "called for talks" only proposes them. `own` is the modality of
/// the verb group itself ("did not rule out" makes the meeting possible).
pub fn of_governing_verb(words: &[String], lo: usize, hi: usize, noun: usize) -> Modality {
    let stem_in = |w: &str, list: &[&str]| list.iter().any(|s| w.starts_with(s));
    let near = |k: usize| k + 6 >= noun && k <= noun + 4;
    for k in (lo..hi.min(words.len())).filter(|&k| k != noun && near(k)) {
        let w = words[k].as_str();
        let next = words.get(k + 1).map(String::as_str).unwrap_or("");
        let negated = words
            .get(k.saturating_sub(2)..k)
            .is_some_and(|g| g.iter().any(|x| NEGATION.contains(&x.as_str())));
        let denies = stem_in(w, DENYING_STEMS)
            && (!w.starts_with("RUL") || next == "OUT")
            && (!w.starts_with("CALL") || next == "OFF");
        if denies && k < noun {
            return if negated {
                Modality::Possible
            } else {
                Modality::Negated
            };
        }
        if stem_in(w, PLANNING_STEMS) {
            return Modality::Future;
        }
        if stem_in(w, PROPOSING_STEMS) && k < noun {
            return Modality::Possible;
        }
    }
    Modality::Asserted
}

/// True when the clause is introduced by "if" or directly followed by an
/// "if" clause ("I invite him, if he dares").
fn conditional(words: &[String], lo: usize, hi: usize) -> bool {
    let before = lo.checked_sub(1).and_then(|i| words.get(i));
    if before.is_some_and(|w| CONDITION.contains(&w.as_str())) {
        return true;
    }
    // Only an "if" set off by punctuation conditions the whole clause; "come to
    // Moscow if he wanted" conditions the last verb only.
    let punctuation = |w: &String| matches!(w.as_str(), "," | "“" | "”" | "\"" | "—" | "–");
    let rest = words.get(hi..).unwrap_or(&[]);
    let skipped = rest.iter().take_while(|w| punctuation(w)).count();
    let set_off = skipped > 0
        || hi
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .is_some_and(punctuation);
    set_off && rest.get(skipped).is_some_and(|w| CONDITION.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    #[test]
    fn verb_group_markers() {
        let w = words("Russia has not received a response");
        assert_eq!(of_verb_group(&w, 1, 3, 0, w.len()), Modality::Negated);
        let w = words("Zelenskyy is set to head to Paris");
        assert_eq!(of_verb_group(&w, 1, 4, 0, w.len()), Modality::Future);
        let w = words("the two could meet");
        assert_eq!(of_verb_group(&w, 2, 3, 0, w.len()), Modality::Possible);
        let w = words("It is time to hit Russia");
        assert_eq!(of_verb_group(&w, 3, 4, 0, w.len()), Modality::Possible);
        let w = words("Moscow launched drones");
        assert_eq!(of_verb_group(&w, 1, 1, 0, w.len()), Modality::Asserted);
        let w = words("Putin invited Zelenskyy to come to Moscow");
        assert_eq!(
            of_verb_group(&w, 3, 4, 0, w.len()),
            Modality::Possible,
            "only invited to"
        );
        let w = words("Russia agreed to withdraw");
        assert_eq!(of_verb_group(&w, 2, 3, 0, w.len()), Modality::Asserted);
    }

    #[test]
    fn conditions_and_governing_verbs() {
        let w = words("I invite him , if he dares");
        assert_eq!(of_verb_group(&w, 1, 1, 0, 4), Modality::Conditional);
        let w = words("the Kremlin chief ruled out an immediate meeting");
        assert_eq!(of_governing_verb(&w, 0, w.len(), 6), Modality::Negated);
        let w = words("he did not rule out a meeting");
        assert_eq!(of_governing_verb(&w, 0, w.len(), 6), Modality::Possible);
        let w = words("a second round is scheduled for Sunday");
        assert_eq!(of_governing_verb(&w, 0, w.len(), 2), Modality::Future);
        let w = words("the two held talks");
        assert_eq!(of_governing_verb(&w, 0, w.len(), 3), Modality::Asserted);
    }
}
