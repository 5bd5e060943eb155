//! Syntactic constraints on a pronoun's antecedent inside its own sentence,
//! read from word order alone (there is no parser): Binding Principle B (an
//! object "him" is not the subject of its own clause), object control
//! ("invited Zelenskyy to come to Moscow if he wanted": "he" is the invitee)
//! and fronted conditions ("if Putin is serious, he should…": "he" is the
//! condition's subject). All fire only on narrow patterns; everything else
//! is left to salience.

use parallax_core::{EntityType, MentionForm};

use super::words::Word;
use super::Mention;

/// Words that open a finite clause: past one, the clause subject changes
/// ("Putin said Zelensky should call him" — "him" may well be Putin).
const CLAUSE_OPENERS: &[&str] = &[
    "that", "if", "when", "whether", "because", "while", "although", "though", "after", "before", "since",
    "until", "unless", "who", "whom", "which", "where", "once", "as", "but", "said", "says", "told", "tells",
    "added", "wrote", "saying", "adding",
];

/// Verbs whose object is the understood subject of the following "to"
/// clause ("invited X to come", "urged X to sign").
const CONTROL_VERBS: &[&str] = &[
    "invite",
    "invites",
    "invited",
    "inviting",
    "ask",
    "asks",
    "asked",
    "asking",
    "urge",
    "urges",
    "urged",
    "urging",
    "tell",
    "tells",
    "told",
    "telling",
    "allow",
    "allows",
    "allowed",
    "encourage",
    "encouraged",
    "persuade",
    "persuaded",
    "advise",
    "advised",
];

/// Subordinators after which a subject pronoun of the invitee's own
/// condition follows ("… to come if he wanted").
const CONDITION_OPENERS: &[&str] = &["if", "when", "once", "unless", "whenever"];

/// Subordinators of an adverbial clause that may be fronted before its main
/// clause ("if Putin is serious, he …", "when the minister arrived, she …").
const FRONTED_OPENERS: &[&str] = &[
    "if", "unless", "once", "when", "whenever", "after", "before", "while", "although", "though", "because",
    "since",
];

/// How far back (in words) a fronted clause's opener is looked for.
const FRONTED_CLAUSE_WORDS: usize = 16;

fn lower_is(words: &[Word], at: usize, list: &[&str]) -> bool {
    words.get(at).is_some_and(|w| list.contains(&w.lower().as_str()))
}

/// A person mention that can be a clause subject or object: a possessive
/// ("the Ukrainian leader’s legitimacy", "his aide") only modifies a noun.
fn is_person_argument(words: &[Word], mention: &Mention) -> bool {
    let Some(last) = mention.words.end.checked_sub(1).and_then(|i| words.get(i)) else {
        return false;
    };
    let possessive_pronoun =
        mention.form == MentionForm::Pronoun && !matches!(last.lower().as_str(), "he" | "she");
    mention.entity_type == EntityType::Person && !last.possessive && !possessive_pronoun
}

/// Person mentions (names, titles and already resolved pronouns) of the
/// sentence of word `at` before it, in text order.
fn persons_before<'m>(
    words: &[Word],
    at: usize,
    mentions: &[&'m (Mention, usize)],
) -> Vec<&'m (Mention, usize)> {
    let sentence = words.get(at).map(|w| w.sentence);
    let mut persons: Vec<&(Mention, usize)> = mentions
        .iter()
        .copied()
        .filter(|(m, _)| {
            m.entity_type == EntityType::Person
                && Some(m.sentence) == sentence
                && !m.words.is_empty()
                && m.words.end <= at
        })
        .collect();
    persons.sort_by_key(|(m, _)| m.words.start);
    persons
}

/// The object of a control verb: "invited [Russian President] X to…",
/// "urged the Ukrainian leader to…". Capitalised words and articles between
/// the verb and the mention belong to the object's title.
fn is_controlled(words: &[Word], mention: &Mention) -> bool {
    let followed_by_to = words.get(mention.words.end).is_some_and(|w| w.lower() == "to");
    let verb = (0..mention.words.start)
        .rev()
        .take(5)
        .take_while(|&i| words[i].sentence == mention.sentence)
        .find(|&i| !(words[i].capitalized || matches!(words[i].lower().as_str(), "the" | "a" | "an")));
    followed_by_to && verb.is_some_and(|i| lower_is(words, i, CONTROL_VERBS))
}

/// The entity an object "him" at word `at` cannot refer to: its clause's
/// subject (Principle B). The clause runs from the last clause opener
/// before the pronoun; its subject is its first non-possessive person. Only
/// given when another person of a different entity stands between subject
/// and pronoun, so the pronoun keeps an antecedent in the sentence and a
/// misread subject cannot strand it; not given when a control verb inside
/// the clause starts an infinitive with its own understood subject ("asked
/// Putin to call him": "him" is not Putin, but may be the asker).
pub(crate) fn barred_subject(words: &[Word], at: usize, mentions: &[&(Mention, usize)]) -> Option<usize> {
    let word = words.get(at)?;
    if word.lower() != "him" {
        // "her" is also a possessive ("Merkel thanked her husband"), which
        // may be the subject, so only "him" is constrained.
        return None;
    }
    let clause_start = (0..at)
        .rev()
        .take_while(|&i| words[i].sentence == word.sentence)
        .find(|&i| lower_is(words, i, CLAUSE_OPENERS))
        .map_or(0, |i| i + 1);
    let clause: Vec<&(Mention, usize)> = persons_before(words, at, mentions)
        .into_iter()
        .filter(|(m, _)| m.words.start >= clause_start)
        .collect();
    if clause.iter().any(|(m, _)| is_controlled(words, m)) {
        return None;
    }
    let position = clause.iter().position(|(m, _)| is_person_argument(words, m))?;
    let subject = clause[position].1;
    clause[position + 1..]
        .iter()
        .any(|(_, e)| *e != subject)
        .then_some(subject)
}

/// The entity a subject "he"/"she" at word `at` most likely refers to by
/// object control: the pronoun follows a condition opener ("if", "when")
/// and the last person before it in the sentence is a control verb's object
/// followed by "to" ("invited Zelenskyy to come to Moscow if he wanted").
pub(crate) fn controlled_object(words: &[Word], at: usize, mentions: &[&(Mention, usize)]) -> Option<usize> {
    let word = words.get(at)?;
    if !matches!(word.lower().as_str(), "he" | "she")
        || at == 0
        || !lower_is(words, at - 1, CONDITION_OPENERS)
    {
        return None;
    }
    let persons = persons_before(words, at, mentions);
    let (object, entity) = persons.last()?;
    (is_person_argument(words, object) && is_controlled(words, object)).then_some(*entity)
}

/// True when the text between words `before` and `after` has a comma.
fn comma_between(body: &str, before: &Word, after: &Word) -> bool {
    body.get(before.span.end..after.span.start)
        .is_some_and(|gap| gap.contains(','))
}

/// The entity a subject "he"/"she" at word `at` most likely refers to when
/// it opens a main clause after a fronted adverbial clause whose subject is
/// a person: "Zelensky said that, if Putin is serious about the meeting, he
/// shouldn't invite him" — the consequence is about the condition's subject.
/// The clause must be fronted (sentence-initial, or after "that" or a comma)
/// and end with a comma right before the pronoun, and its first words must be
/// the person ("if Putin…", "when the Russian leader…").
pub(crate) fn fronted_clause_subject(
    body: &str,
    words: &[Word],
    at: usize,
    mentions: &[&(Mention, usize)],
) -> Option<usize> {
    let word = words.get(at)?;
    if !matches!(word.lower().as_str(), "he" | "she") {
        return None;
    }
    let previous = words.get(at.checked_sub(1)?)?;
    if previous.sentence != word.sentence || !comma_between(body, previous, word) {
        return None;
    }
    let opener = (0..at - 1)
        .rev()
        .take(FRONTED_CLAUSE_WORDS)
        .take_while(|&i| words[i].sentence == word.sentence)
        .find(|&i| lower_is(words, i, FRONTED_OPENERS))?;
    let fronted = words[opener].sentence_start
        || opener
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| w.lower() == "that" || comma_between(body, w, &words[opener]));
    if !fronted {
        return None;
    }
    let subject_start = if lower_is(words, opener + 1, &["the"]) {
        opener + 2
    } else {
        opener + 1
    };
    persons_before(words, at, mentions)
        .into_iter()
        .find(|(m, _)| m.words.start == subject_start && is_person_argument(words, m))
        .map(|(_, entity)| *entity)
}
