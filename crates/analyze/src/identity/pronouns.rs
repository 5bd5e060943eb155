//! Personal pronouns (he/him/his/himself, she/her/hers/herself) attached to
//! the most salient compatible person: one mentioned earlier in the same
//! sentence or in the two before, the subject (first person mentioned) of a
//! sentence preferred, gender from the knowledge base or from an earlier
//! pronoun that resolved to the person. Syntactic constraints inside the
//! sentence come from [`binding`].
//!
//! A pronoun outside quotation marks is read in the narrative's voice: the
//! sentences of a quotation between it and a candidate do not count as
//! distance ("Zelensky said… “A. B. C,” he said" — "he" is two quoted
//! sentences from nothing), and a person named inside a quotation is a weak
//! candidate (in "“…Putin will commit killings…,” he said" the speaker is
//! not the man he talks about).

use std::collections::HashMap;

use parallax_core::{EntityType, MentionForm};

use super::binding;
use super::words::Word;
use super::Mention;
use crate::kb::Gender;

/// How far back (in sentences) an antecedent may be.
const WINDOW: usize = 2;

/// How many wholly quoted sentences a narrative pronoun may look past, on
/// top of [`WINDOW`] (a long quotation between speaker and "he said").
const QUOTED_SENTENCES_SKIPPED: usize = 8;

/// Score lost by a candidate inside quotation marks for a pronoun outside
/// them: more than the subject preference and one sentence of distance.
const QUOTED_CANDIDATE_PENALTY: f32 = 2.5;

/// For each sentence index, whether every word of it is inside quotation
/// marks (a sentence of a quotation, not of the narrative).
fn wholly_quoted_sentences(words: &[Word]) -> Vec<bool> {
    let count = words.iter().map(|w| w.sentence + 1).max().unwrap_or(0);
    let mut quoted = vec![true; count];
    for word in words.iter().filter(|w| !w.quoted) {
        if let Some(slot) = quoted.get_mut(word.sentence) {
            *slot = false;
        }
    }
    quoted
}

/// Sentences from a candidate's sentence to the pronoun's, not counting
/// wholly quoted ones when the pronoun itself is in the narrative.
fn distance(from: usize, to: usize, pronoun_quoted: bool, wholly_quoted: &[bool]) -> usize {
    if pronoun_quoted || from >= to {
        return to.saturating_sub(from);
    }
    (from + 1..=to)
        .filter(|&s| !wholly_quoted.get(s).copied().unwrap_or(false))
        .count()
}

fn gender_of(word: &str) -> Option<Gender> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Pronoun mentions with the entity index they resolve to. `numbered` are
/// the name and title mentions with their entity indices, sorted by position.
pub(crate) fn resolve(body: &str, words: &[Word], numbered: &[(Mention, usize)]) -> Vec<(Mention, usize)> {
    let wholly_quoted = wholly_quoted_sentences(words);
    let mut learned: HashMap<usize, Gender> = HashMap::new();
    let mut out = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let Some(gender) = gender_of(&word.lower()) else {
            continue;
        };
        let known_persons: Vec<&(Mention, usize)> = numbered.iter().chain(&out).collect();
        let barred = binding::barred_subject(words, at, &known_persons);
        let controlled = binding::controlled_object(words, at, &known_persons)
            .or_else(|| binding::fronted_clause_subject(body, words, at, &known_persons));
        let distance_of = |m: &Mention| distance(m.sentence, word.sentence, word.quoted, &wholly_quoted);
        let candidates = numbered.iter().filter(|(m, _)| {
            m.entity_type == EntityType::Person
                && m.span.end <= word.span.start
                && word.sentence.saturating_sub(m.sentence) <= WINDOW + QUOTED_SENTENCES_SKIPPED
                && distance_of(m) <= WINDOW
        });
        let mut scored: Vec<(f32, &Mention, usize)> = Vec::new();
        for (mention, entity) in candidates {
            let known = mention.gender.or_else(|| learned.get(entity).copied());
            if known.is_some_and(|g| g != gender) || barred == Some(*entity) {
                continue;
            }
            let distance = distance_of(mention);
            let subject = numbered
                .iter()
                .find(|(m, _)| m.sentence == mention.sentence && m.entity_type == EntityType::Person)
                .is_some_and(|(m, _)| m.span == mention.span);
            let mut score = 3.0 - distance as f32 + if subject { 1.0 } else { 0.0 };
            if known.is_none() {
                score -= 0.5;
            }
            if controlled == Some(*entity) {
                // Outweighs the subject preference: "invited X to come if he…",
                // "if X is serious, he…".
                score += 2.0;
            }
            if !word.quoted && words.get(mention.words.start).is_some_and(|w| w.quoted) {
                score -= QUOTED_CANDIDATE_PENALTY;
            }
            // Among equals, the more recent mention.
            score += mention.span.start as f32 * 1e-9;
            match scored.iter_mut().find(|(_, _, e)| *e == *entity) {
                Some(best) if best.0 >= score => {}
                Some(best) => *best = (score, mention, *entity),
                None => scored.push((score, mention, *entity)),
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let Some(&(best, antecedent, entity)) = scored.first() else {
            continue;
        };
        let margin = scored.get(1).map_or(best, |s| best - s.0);
        let mut confidence = 0.5 + 0.4 * (margin / best.max(1.0)).clamp(0.0, 1.0);
        if antecedent.gender.is_none() && !learned.contains_key(&entity) {
            confidence *= 0.8;
        }
        if word.quoted {
            // Inside a quotation "he" is often someone other than the speaker.
            confidence *= 0.7;
        }
        learned.entry(entity).or_insert(gender);
        out.push((
            Mention {
                words: at..at + 1,
                span: word.span,
                entity_type: EntityType::Person,
                key: antecedent.key.clone(),
                canonical: antecedent.canonical.clone(),
                kb_id: antecedent.kb_id.clone(),
                form: MentionForm::Pronoun,
                metonym_of: None,
                confidence,
                gender: Some(gender),
                surname: None,
                full_name: false,
                from_kb: antecedent.from_kb,
                sentence: word.sentence,
            },
            entity,
        ));
    }
    out
}
