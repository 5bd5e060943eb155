//! Regular English verb and noun forms, as PETRARCH generates them for a
//! dictionary entry that lists no irregular forms.

/// Third person singular, past and present participle of `verb` (upper-case).
pub fn verb_forms(verb: &str) -> Vec<String> {
    let mut forms = vec![verb.to_owned(), plural(verb)];
    let stem_y = consonant_y_stem(verb);
    forms.push(match (verb.ends_with('E'), stem_y) {
        (true, _) => format!("{verb}D"),
        (false, Some(stem)) => format!("{stem}IED"),
        _ => format!("{verb}ED"),
    });
    forms.push(if verb.ends_with('E') && !verb.ends_with("EE") {
        format!("{}ING", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ING")
    });
    forms
}

/// The plural of a noun or the third person singular of a verb.
pub fn plural(word: &str) -> String {
    if let Some(stem) = consonant_y_stem(word) {
        format!("{stem}IES")
    } else if ["S", "X", "Z", "CH", "SH"].iter().any(|e| word.ends_with(e)) {
        format!("{word}ES")
    } else {
        format!("{word}S")
    }
}

fn consonant_y_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('Y')?;
    let before = stem.chars().last()?;
    (!"AEIOU".contains(before)).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms() {
        assert_eq!(
            verb_forms("INVITE"),
            vec!["INVITE", "INVITES", "INVITED", "INVITING"]
        );
        assert_eq!(
            verb_forms("CARRY"),
            vec!["CARRY", "CARRIES", "CARRIED", "CARRYING"]
        );
        assert_eq!(
            verb_forms("ATTACK"),
            vec!["ATTACK", "ATTACKS", "ATTACKED", "ATTACKING"]
        );
        assert_eq!(plural("MARCH"), "MARCHES");
    }
}
