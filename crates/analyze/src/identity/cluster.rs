//! Uniting mentions into entities. A surname on its own takes the identity
//! of the full name it abbreviates in this article (the nearest preceding
//! full-name mention with that surname, else the nearest following one), so
//! two people who share a surname stay apart when their full names differ.
//! Entities are then numbered by key in order of first mention.

use std::collections::HashMap;

use parallax_core::{EntityType, MentionForm, Span};

use super::words::Word;
use super::Mention;

/// Gives surname-only person mentions the key of the article's full name,
/// and adds mentions for bare surnames the earlier steps did not know.
pub(crate) fn unite_surnames(words: &[Word], claimed: &[bool], mentions: &mut Vec<Mention>) {
    let full: Vec<Mention> = mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person && m.full_name)
        .cloned()
        .collect();
    if full.is_empty() {
        return;
    }
    for mention in mentions
        .iter_mut()
        .filter(|m| m.entity_type == EntityType::Person && !m.full_name)
    {
        if let Some((owner, confidence)) = owner_of(&full, mention.surname.as_deref(), mention.span) {
            adopt(mention, owner, confidence);
        }
    }
    // Surnames nobody recognised ("Filashkin said") once the full name is known.
    for (i, word) in words.iter().enumerate() {
        if claimed[i] || !word.capitalized {
            continue;
        }
        if let Some((owner, confidence)) = owner_of(&full, Some(&word.folded), word.span) {
            let mut mention = Mention {
                words: i..i + 1,
                span: word.span,
                sentence: word.sentence,
                form: MentionForm::Name,
                full_name: false,
                ..owner.clone()
            };
            adopt(&mut mention, owner, confidence);
            mentions.push(mention);
        }
    }
}

fn adopt(mention: &mut Mention, owner: &Mention, confidence: f32) {
    mention.key = owner.key.clone();
    mention.canonical = owner.canonical.clone();
    mention.kb_id = owner.kb_id.clone();
    mention.gender = mention.gender.or(owner.gender);
    mention.confidence = confidence;
}

/// The full-name mention a surname at `span` abbreviates, with the
/// confidence of the link (lower when two full names share the surname).
fn owner_of<'a>(full: &'a [Mention], surname: Option<&str>, span: Span) -> Option<(&'a Mention, f32)> {
    let surname = surname?;
    let same: Vec<&Mention> = full
        .iter()
        .filter(|m| m.surname.as_deref() == Some(surname))
        .collect();
    let distinct = {
        let mut keys: Vec<&str> = same.iter().map(|m| m.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    };
    let before = same.iter().rev().find(|m| m.span.end <= span.start);
    let owner = before.or_else(|| same.iter().find(|m| m.span.start >= span.end))?;
    Some((owner, if distinct > 1 { 0.6 } else { 0.85 }))
}

/// Entity index of each mention: one per key, in order of first mention.
pub(crate) fn number(mentions: &[Mention]) -> Vec<usize> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    mentions
        .iter()
        .map(|m| {
            let next = ids.len();
            *ids.entry(m.key.as_str()).or_insert(next)
        })
        .collect()
}
