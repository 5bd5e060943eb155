//! Verbs for summaries: whether a word is a verb form, and the present
//! tense of a trigger ("invited" → "invites", "ruled out" → "rules out"),
//! read from the event coder's verb dictionary (PETRARCH2's CAMEO verbs
//! plus Parallax's), which lists each verb's forms, irregular ones included.

use parallax_events::verb_dictionary;

/// The dictionary form of `words` (upper-case) at their start, as
/// (lemma words, index of the verb word), when they spell a verb form.
fn verb_at(words: &[String]) -> Option<(Vec<String>, usize)> {
    let form = verb_dictionary().verb_at(words, 0)?;
    let mut lemma = form.words.clone();
    let head = form.head.min(lemma.len().saturating_sub(1));
    if let Some(word) = lemma.get_mut(head) {
        word.clone_from(&form.lemma);
    }
    Some((lemma, head))
}

/// True when `word` is a form of some verb of the dictionary.
pub fn is_verb_form(word: &str) -> bool {
    !word.is_empty() && verb_at(&[word.to_uppercase()]).is_some()
}

/// The present tense of the verb `trigger` spells, for a singular subject
/// ("invited" → "invites") or a plural one ("invite"), lower-case; `None`
/// when the trigger is not a verb form the dictionary knows.
pub fn present_tense(trigger: &str, plural: bool) -> Option<String> {
    let words: Vec<String> = trigger
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_uppercase())
        .filter(|w| !w.is_empty())
        .collect();
    let (mut lemma, head) = verb_at(&words)?;
    let verb = lemma.get(head)?.to_lowercase();
    lemma[head] = match (plural, verb.as_str()) {
        (true, "be") => "are".to_owned(),
        (true, _) => verb,
        (false, _) => third_person(&verb),
    };
    Some(
        lemma
            .iter()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// "invite" → "invites", "launch" → "launches", "carry" → "carries",
/// "go" → "goes", "be" → "is", "have" → "has".
pub fn third_person(verb: &str) -> String {
    match verb {
        "be" => return "is".to_owned(),
        "have" => return "has".to_owned(),
        _ => {}
    }
    let consonant_y = verb
        .strip_suffix('y')
        .filter(|stem| stem.chars().last().is_some_and(|c| !"aeiou".contains(c)));
    if let Some(stem) = consonant_y {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh", "o"].iter().any(|e| verb.ends_with(e)) {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_tense_of_triggers() {
        assert_eq!(present_tense("invited", false).as_deref(), Some("invites"));
        assert_eq!(present_tense("launched", false).as_deref(), Some("launches"));
        assert_eq!(present_tense("dismissed", false).as_deref(), Some("dismisses"));
        assert_eq!(present_tense("met", false).as_deref(), Some("meets"));
        assert_eq!(present_tense("met", true).as_deref(), Some("meet"));
        assert_eq!(present_tense("ruled out", false).as_deref(), Some("rules out"));
        assert_eq!(present_tense("negotiations", false), None);
        assert_eq!(third_person("carry"), "carries");
        assert_eq!(third_person("go"), "goes");
    }

    #[test]
    fn verb_forms_are_recognised() {
        assert!(is_verb_form("went"));
        assert!(!is_verb_form("missiles"));
    }
}
