//! When a verb form of the dictionary is not used as a verb. Without a
//! part-of-speech tagger, the words around the form decide: "the attack",
//! "its deadly attacks" and "a brief private visit" are nouns; "very close"
//! is an adjective; "agreed to talks" and "promised raids" have noun objects;
//! "should have acted" makes "should" a helper of "acted", not a verb of its own.

use super::lexicon::{is_article, is_auxiliary, is_degree_adverb, is_determiner, is_group_word};
use crate::dictionary::verbs::{VerbDictionary, VerbForm};

/// The most modifiers that may stand between an article and the noun it
/// introduces ("a brief private visit").
const MAX_MODIFIERS: usize = 3;

/// True when the form at word `i` is not used as a verb here. `actors` are
/// the word ranges of the sentence's actors.
pub fn is_not_a_verb(
    dict: &VerbDictionary,
    words: &[String],
    actors: &[(usize, usize)],
    i: usize,
    form: &VerbForm,
) -> bool {
    // A form whose verb word is not its first ("AGREE TO" is fine, "+RST" after words) was
    // matched as a whole phrase: the phrase itself says it is a verb.
    if form.head != 0 {
        return false;
    }
    let head = &words[i];
    let previous = i.checked_sub(1).map(|p| words[p].as_str());
    ((previous.is_some_and(is_determiner) || after_plural_possessive(words, i))
        && !is_gerund_with_object(words, actors, i))
        || previous.is_some_and(is_degree_adverb)
        || (after_determiner_and_adverbs(words, i) && !is_gerund_with_object(words, actors, i))
        || is_to_blame(words, i)
        || (after_article_and_modifiers(words, i) && !after_named_actor(words, actors, i))
        || plural_after_to(previous, head)
        || object_after_verb(dict, words, i, head)
        || helper_of_next_verb(dict, words, i, form)
        || future_going_to(dict, words, i, form)
        || plural_without_subject(words, actors, i)
}

/// True for an -ly adverb ("emotionally", "newly").
fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("LY") && word.chars().all(char::is_alphabetic)
}

/// "Britain's emotionally charged uprising", "a hastily arranged meeting":
/// a determiner or possessive, -ly adverbs, then the form, which is a
/// participle used as an adjective.
fn after_determiner_and_adverbs(words: &[String], i: usize) -> bool {
    let adverbs = words[..i].iter().rev().take_while(|w| is_ly_adverb(w)).count();
    adverbs > 0 && i > adverbs && is_determiner(&words[i - adverbs - 1])
}

/// "he is entirely to blame": "be to blame" is a predicate, not an act of blaming.
fn is_to_blame(words: &[String], i: usize) -> bool {
    if words[i] != "BLAME" || i < 2 || words[i - 1] != "TO" {
        return false;
    }
    let adverbs = words[..i - 1]
        .iter()
        .rev()
        .take_while(|w| is_ly_adverb(w))
        .count();
    i - 1 > adverbs && {
        let verb = words[i - 2 - adverbs].as_str();
        super::lexicon::is_be_form(verb) || matches!(verb, "'S" | "’S")
    }
}

/// "Sanders' plan": a bare apostrophe after a word ending in -s is a
/// possessive (a closing quotation mark follows other words too).
fn after_plural_possessive(words: &[String], i: usize) -> bool {
    i >= 2
        && matches!(words[i - 1].as_str(), "'" | "’")
        && words[i - 2].ends_with('S')
        && words[i - 2].chars().all(char::is_alphabetic)
}

/// Object pronouns that follow a gerund ("of blaming others", "for attacking them").
const OBJECT_PRONOUNS: &[&str] = &["HIM", "HER", "THEM", "ME", "US", "YOU", "OTHERS", "IT"];

/// "a long history of blaming others", "no price for attacking them": an
/// -ing form after a preposition (not after an article or possessive), with
/// an object right after it, is a gerund, a verb with its own object.
fn is_gerund_with_object(words: &[String], actors: &[(usize, usize)], i: usize) -> bool {
    let previous = i.checked_sub(1).map(|p| words[p].as_str());
    let after_preposition = previous.is_some_and(|p| PREPOSITIONS.contains(&p));
    let object = words
        .get(i + 1)
        .is_some_and(|w| OBJECT_PRONOUNS.contains(&w.as_str()) || (is_article(w) && w != "NO"))
        || actors.iter().any(|&(s, _)| s == i + 1);
    words[i].ends_with("ING") && after_preposition && object
}

/// Words after which a bare -s form can be a verb: its subject ("he
/// attacks", "which attacks", "…, attacks") or a verb-group word ("also
/// attacks").
const SUBJECT_WORDS: &[&str] = &["HE", "SHE", "IT", "WHO", "WHICH", "THAT", ",", "ONE"];

/// "two artillery shells at …", "oil pays him": a plural form after a plain
/// word that is no actor, pronoun or verb-group word is a noun; a third
/// person verb follows its subject ("Russia attacks", "the army attacks").
fn plural_without_subject(words: &[String], actors: &[(usize, usize)], i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let previous = words[p].as_str();
    is_plural(&words[i])
        && !words[i].ends_with("ED")
        && !actors.iter().any(|&(_, end)| end == i)
        && !SUBJECT_WORDS.contains(&previous)
        && !is_group_word(previous)
        && previous.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// "is going to win": "going to" before a verb marks the future; it is no
/// journey ("going to Moscow").
fn future_going_to(dict: &VerbDictionary, words: &[String], i: usize, form: &VerbForm) -> bool {
    let end = i + form.words.len();
    let going_to = words[i] == "GOING" && words.get(i + 1).is_some_and(|w| w == "TO");
    let next = if form.words.len() >= 2 { end } else { i + 2 };
    going_to
        && words
            .get(next)
            .is_some_and(|w| is_group_word(w) || dict.verb_at(words, next).is_some())
}

/// Prepositions that open a noun phrase as an article does ("in heavy clashes").
const PREPOSITIONS: &[&str] = &[
    "IN", "ON", "FOR", "WITH", "OF", "FROM", "AGAINST", "BY", "AT", "AFTER", "DURING",
];

/// "its deadly attacks", "a brief private visit", "in heavy clashes": an
/// article or preposition, up to three modifiers, then the form. Not when the form is a past tense ("the
/// government condemned") or the word before it a plural subject ("the two
/// sides agree").
fn after_article_and_modifiers(words: &[String], i: usize) -> bool {
    let head = &words[i];
    if head.ends_with("ED") {
        return false;
    }
    for gap in 1..=MAX_MODIFIERS {
        let Some(article) = i.checked_sub(gap + 1) else {
            return false;
        };
        let modifier = &words[i - gap];
        let plain = modifier.chars().all(|c| c.is_alphanumeric() || c == '-');
        let conjunction = matches!(modifier.as_str(), "AND" | "OR" | "NOR" | "BUT");
        // An -ly adverb may modify a modifier ("a relatively straightforward question").
        let adverb_of_modifier =
            gap > 1 && modifier.ends_with("LY") && !super::lexicon::is_listed_group_word(modifier);
        // "at which African-Americans started supporting": a relative pronoun or
        // subordinator ends the noun phrase.
        if !plain
            || conjunction
            || super::lexicon::is_boundary(modifier)
            || (is_group_word(modifier) && !adverb_of_modifier)
            || is_determiner(modifier)
        {
            return false;
        }
        if gap == 1 && is_plural(modifier) {
            return false;
        }
        if is_article(&words[article]) || PREPOSITIONS.contains(&words[article].as_str()) {
            return true;
        }
    }
    false
}

/// "The Central African Republic agree": a named actor right before the form
/// is its subject. A demonym is not a name but an adjective ("the Russian
/// attack"), told by its ending.
fn after_named_actor(words: &[String], actors: &[(usize, usize)], i: usize) -> bool {
    actors.iter().any(|&(_, end)| end == i) && !words.get(i.wrapping_sub(1)).is_some_and(|w| is_demonym(w))
}

/// "RUSSIAN", "KOREAN", "AFRICAN", "CHINESE", "DANISH", "ISRAELI".
fn is_demonym(word: &str) -> bool {
    ["IAN", "EAN", "CAN", "ESE", "ISH"]
        .iter()
        .any(|e| word.ends_with(e))
        || (word.len() > 4 && word.ends_with('I'))
}

/// "agreed to talks": after "to" only a base form is an infinitive.
fn plural_after_to(previous: Option<&str>, head: &str) -> bool {
    previous == Some("TO") && is_plural(head)
}

/// "promised raids", "return favors", "launched attacks": a plural form right
/// after a verb is its object.
fn object_after_verb(dict: &VerbDictionary, words: &[String], i: usize, head: &str) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let previous = &words[p];
    let previous_is_verb = dict.verb_at(words, p).is_some_and(|f| f.words.len() == 1)
        || (previous.len() > 3 && previous.ends_with("ED") && previous.chars().all(char::is_alphabetic));
    is_plural(head) && previous_is_verb
}

/// "should have acted": an auxiliary followed, over verb-group words, by
/// another dictionary verb helps that verb.
fn helper_of_next_verb(dict: &VerbDictionary, words: &[String], i: usize, form: &VerbForm) -> bool {
    if form.words.len() != 1 || !is_auxiliary(&words[i]) {
        return false;
    }
    let next = (i + 1..words.len()).find(|&k| !is_group_word(&words[k]));
    next.is_some_and(|k| dict.verb_at(words, k).is_some())
}

/// A plural noun or third-person verb form: ends in -S but not -SS.
fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('S') && !word.ends_with("SS")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> VerbDictionary {
        let mut d = VerbDictionary::default();
        d.add("--- ATTACK [190] ---\nATTACK\nVISIT\nCLOSE\nRAID\nPROMISE\nTALK\nACT\nSHOULD\nHAVE\nAGREE\nMEET\nBLAME\nGO {GOING}\n");
        d
    }

    fn reads(text: &str, at: usize) -> bool {
        let d = dict();
        let w: Vec<String> = text.split_whitespace().map(str::to_uppercase).collect();
        let form = d.verb_at(&w, at).expect("a verb form");
        // Capitalised words stand for actor names in these tests.
        let actors: Vec<(usize, usize)> = text
            .split_whitespace()
            .enumerate()
            .filter(|(_, t)| t.chars().next().is_some_and(char::is_uppercase))
            .map(|(k, _)| (k, k + 1))
            .collect();
        !is_not_a_verb(&d, &w, &actors, at, form)
    }

    #[test]
    fn nouns_adjectives_and_objects_are_not_verbs() {
        assert!(!reads("the attack", 1));
        assert!(!reads("during a brief private visit", 4));
        assert!(!reads("marched very close to the border", 2));
        assert!(!reads("agreed to talks", 2));
        assert!(!reads("promised raids", 1));
        assert!(!reads("it should have acted", 1), "a helper of 'acted'");
        assert!(!reads("it should have acted", 2), "a helper of 'acted'");
        assert!(
            !reads("they are going to attack", 2),
            "'going to' marks the future"
        );
        assert!(!reads("fired two artillery attacks at Rohan", 3), "a plural noun");
        assert!(!reads("engaged in heavy attacks", 3));
        assert!(
            !reads("Rohan 's emotionally attacked army", 3),
            "a participle after a possessive and an adverb"
        );
        assert!(
            !reads("he is entirely to blame", 4),
            "'be to blame' is a predicate"
        );
    }

    #[test]
    fn verbs_stay_verbs() {
        assert!(reads("it should have acted", 3));
        assert!(
            reads("Ithilen 's militia attacked Rohan", 3),
            "past tense after a possessive"
        );
        assert!(reads("the two sides meet", 3), "after a plural subject");
        assert!(reads("they agreed to meet", 3), "an infinitive");
        assert!(reads("they want to blame Rohan", 3), "an infinitive of blame");
        assert!(reads("Rohan attacks Gondor", 1));
        assert!(
            reads("paid no price for attacking them", 4),
            "a gerund with its object"
        );
        assert!(!reads("engaged in attacking", 2), "no object: a noun");
        assert!(!reads("Sanders ' attack", 2), "after a plural possessive");
        assert!(
            reads("the point at which voters started attacking", 6),
            "a relative clause is no noun phrase"
        );
        assert!(reads("the Philippines and France agree", 4), "a named subject");
        assert!(!reads("the Russian attack", 2), "a demonym is an adjective");
    }
}
