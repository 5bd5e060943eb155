//! From a source noun phrase to who is speaking: a person (through the
//! entity mentions, so "he" or "the Ukrainian leader" resolves to the
//! person's canonical name), or a non-person source kept as written.

use std::ops::Range;

use parallax_core::{EntityMention, EntityType, MentionForm, Speaker};

use super::context::Context;
use crate::tokens::TokenKind;

/// Who a source phrase stands for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Resolved {
    pub speaker: Option<Speaker>,
    /// The phrase as written when it is not resolved to a person.
    pub source: Option<String>,
    pub confidence: f32,
}

/// Prepositions after which a name is an affiliation, not the speaker
/// ("a spokesman for Zelenskyy", "head of the Kremlin administration").
const AFFILIATION: &[&str] = &["for", "of", "at", "from", "with", "to", "in", "on", "under", "by"];

/// Resolves the source phrase `phrase` (token indices).
pub(crate) fn resolve(ctx: &Context, phrase: Range<usize>) -> Resolved {
    let span = ctx.span_of(phrase.clone());
    let text = ctx.slice(span).trim().to_owned();
    let candidates: Vec<&EntityMention> = ctx
        .mentions
        .iter()
        .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
        .filter(|m| !is_possessor(ctx, m) && !is_affiliation(ctx, m, phrase.start))
        .collect();
    // The head of an English noun phrase is on the right: "Clinton campaign
    // spokesman Brian Fallon" speaks as Brian Fallon.
    if let Some(person) = candidates
        .iter()
        .rev()
        .find(|m| m.entity_type == EntityType::Person)
    {
        let confidence = match person.form {
            MentionForm::Name => 0.9,
            MentionForm::Title => 0.8,
            MentionForm::Pronoun => 0.7,
        } * person.confidence.clamp(0.0, 1.0);
        return Resolved {
            speaker: Some(Speaker {
                name: person_name(ctx, person),
                key: person.key.clone(),
                span: person.span,
            }),
            source: None,
            confidence,
        };
    }
    let confidence = if candidates.is_empty() { 0.5 } else { 0.8 };
    Resolved {
        speaker: None,
        source: (!text.is_empty()).then_some(text),
        confidence,
    }
}

/// The display name of the person `mention` refers to: its canonical name,
/// or failing that the longest name mention of the same entity.
fn person_name(ctx: &Context, mention: &EntityMention) -> String {
    if !mention.canonical.is_empty() {
        return mention.canonical.clone();
    }
    ctx.mentions
        .iter()
        .filter(|m| m.entity == mention.entity && m.form == MentionForm::Name)
        .map(|m| ctx.slice(m.span))
        .max_by_key(|name| name.len())
        .unwrap_or_else(|| ctx.slice(mention.span))
        .to_owned()
}

/// "Kyiv’s air force": a name followed by a possessive clitic owns the
/// speaker rather than being it.
fn is_possessor(ctx: &Context, mention: &EntityMention) -> bool {
    let next = ctx.tokens.partition_point(|t| t.span.start < mention.span.end);
    ctx.kind(next) == Some(TokenKind::Clitic) && ctx.lower(next).ends_with('s')
}

/// A name after a preposition inside the phrase is an affiliation.
fn is_affiliation(ctx: &Context, mention: &EntityMention, phrase_start: usize) -> bool {
    let first = ctx.tokens.partition_point(|t| t.span.start < mention.span.start);
    (phrase_start..first).any(|i| AFFILIATION.contains(&ctx.lower(i)))
}

/// The name of a relaying outlet in a source phrase: its capitalised words
/// ("news agency RBC-Ukraine" → "RBC-Ukraine", "Reuters news agency" →
/// "Reuters"), or the whole phrase when none is capitalised.
pub(crate) fn outlet_name(ctx: &Context, phrase: Range<usize>) -> Option<String> {
    let capitalised: Vec<usize> = phrase
        .clone()
        .filter(|&i| ctx.is_capitalised(i) && ctx.lower(i) != "the")
        .collect();
    let span = match (capitalised.first(), capitalised.last()) {
        (Some(&first), Some(&last)) => ctx.span_of(first..last + 1),
        _ => ctx.span_of(phrase),
    };
    let text = ctx.slice(span).trim();
    (!text.is_empty()).then(|| text.to_owned())
}
