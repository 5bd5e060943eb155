//! One identity per real entity inside an article. Names (from the
//! knowledge base, the gazetteers, the statistical tagger and titles that
//! introduce a name), titles ("the Kremlin chief"), pronouns and metonyms
//! ("Moscow launched…") become [`EntityMention`]s; every mention of one real
//! entity gets the same canonical key and the same `entity` index.
//!
//! The steps, in order: [`titles`] finds office titles and their country,
//! [`names`] finds names, [`metonymy`] decides whether a capital or seat of
//! government is a place or an actor, [`cluster`] unites surname-only
//! mentions with the full name and numbers the entities, [`pronouns`]
//! attaches he/she to the most salient compatible person. Rules and
//! policies: `docs/entities.md`.

mod binding;
mod cluster;
pub mod keys;
#[cfg(test)]
mod measure;
mod metonymy;
mod names;
mod pronouns;
mod titles;
mod words;

use parallax_core::{EntityMention, EntityType, MentionForm, Sentence, Span};

use crate::kb::Gender;
use crate::ner::NamedSpan;

pub use keys::{org_key, person_key, place_key};

/// A mention while it is being resolved: the public fields plus what the
/// later steps need (word range, gender, surname).
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub words: std::ops::Range<usize>,
    pub span: Span,
    pub entity_type: EntityType,
    pub key: String,
    pub canonical: String,
    pub kb_id: Option<String>,
    pub form: MentionForm,
    pub metonym_of: Option<String>,
    pub confidence: f32,
    pub gender: Option<Gender>,
    /// Folded surname of a person's name mention.
    pub surname: Option<String>,
    /// A person named with more than one word.
    pub full_name: bool,
    /// Found in the knowledge base under this exact name.
    pub from_kb: bool,
    pub sentence: usize,
}

impl Mention {
    fn into_public(self, entity: usize) -> EntityMention {
        EntityMention {
            span: self.span,
            entity_type: self.entity_type,
            key: self.key,
            canonical: self.canonical,
            kb_id: self.kb_id,
            form: self.form,
            entity,
            metonym_of: self.metonym_of,
            confidence: self.confidence.clamp(0.0, 1.0),
        }
    }
}

/// Resolves the entities of `body` given its sentences and the tagger's
/// names ([`crate::ner::recognize`]): every name, title, pronoun and metonym
/// with its canonical key, sorted by position, `entity` numbering the
/// distinct entities in order of first mention.
pub fn resolve_entities(body: &str, sentences: &[Sentence], named: &[NamedSpan]) -> Vec<EntityMention> {
    let words = words::scan(body, sentences);
    let mut claimed = vec![false; words.len()];
    let found_titles = titles::find(&words, &mut claimed);
    let mut mentions = names::find(body, &words, &mut claimed, named, &found_titles);
    metonymy::decide(&words, &mut mentions);
    cluster::unite_surnames(&words, &claimed, &mut mentions);
    mentions.sort_by_key(|m| m.span.start);
    let titled = titles::resolve(&words, &found_titles, &mentions);
    mentions.extend(titled);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    let entities = cluster::number(&mentions);
    let mut numbered: Vec<(Mention, usize)> = mentions.into_iter().zip(entities).collect();
    let pronouns = pronouns::resolve(body, &words, &numbered);
    numbered.extend(pronouns);
    numbered.sort_by_key(|(m, _)| (m.span.start, m.span.end));
    numbered
        .into_iter()
        .map(|(m, entity)| m.into_public(entity))
        .collect()
}

#[cfg(test)]
mod tests;
