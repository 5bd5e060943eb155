//! Statistical named-entity recognition: a greedy averaged-perceptron
//! tagger over hashed features (BILOU tags for PER/ORG/LOC/MISC), trained
//! offline on CoNLL-2003 by `examples/train_ner.rs` and shipped as weights
//! compiled into the binary (`data/ner/model.bin`, see its README).
//!
//! [`recognize`] tags the sentences of a body and returns typed spans with
//! a confidence. It knows nothing of canonical identities or titles: the
//! entity stage builds those on top of these spans.

pub mod conll;
mod decode;
mod features;
pub mod gazetteer;
pub(crate) mod hashing;
pub mod model;
pub mod perceptron;
pub mod tags;

use once_cell::sync::Lazy;
use parallax_core::{Sentence, Span};

use crate::tokens::{tokenize, tokens_in, Token};
use decode::tag_document;
pub use decode::Decision;
use features::SentenceView;
use model::{Model, ModelError};
pub use tags::NerLabel;

/// A named entity found in the body.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedSpan {
    /// Byte span in the body (from the first token's start to the last
    /// token's end; a possessive "’s" is not part of it).
    pub span: Span,
    /// Person, organisation, location or other.
    pub label: NerLabel,
    /// The lowest per-token probability the tagger gave the entity's tags,
    /// in `[0, 1]`.
    pub confidence: f32,
}

static MODEL_BYTES: &[u8] = include_bytes!("../../data/ner/model.bin");

static MODEL: Lazy<Result<Model, ModelError>> = Lazy::new(|| Model::from_bytes(MODEL_BYTES));

/// The shipped model, or why it could not be loaded.
pub fn shipped_model() -> Result<&'static Model, &'static ModelError> {
    MODEL.as_ref()
}

/// Finds named entities in the given sentences of `body`. Returns spans in
/// body order; nothing if the shipped model is unusable.
pub fn recognize(body: &str, sentences: &[Sentence]) -> Vec<NamedSpan> {
    recognize_tokens(body, &tokenize(body), sentences)
}

/// Like [`recognize`], with the caller's tokens of the whole `body`.
pub fn recognize_tokens(body: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<NamedSpan> {
    match shipped_model() {
        Ok(model) => recognize_with(model, body, tokens, sentences),
        Err(_) => Vec::new(),
    }
}

/// Finds named entities with a given model (the training program and the
/// benchmark use models that are not the shipped one).
pub fn recognize_with(model: &Model, body: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<NamedSpan> {
    let sentence_tokens: Vec<&[Token]> = sentences
        .iter()
        .map(|s| tokens_in(tokens, s.span))
        .filter(|t| !t.is_empty())
        .collect();
    let views: Vec<SentenceView> = sentence_tokens
        .iter()
        .map(|tokens| {
            let texts: Vec<&str> = tokens.iter().map(|t| t.text(body)).collect();
            SentenceView::new(&texts, &model.gazetteer)
        })
        .collect();
    let tagged = tag_document(model, &views, model.temperature);
    let mut found = Vec::new();
    for (tokens, decisions) in sentence_tokens.iter().zip(&tagged) {
        let tags: Vec<tags::Tag> = decisions.iter().map(|d| d.tag).collect();
        for entity in tags::entities(&tags) {
            let (Some(first), Some(last)) =
                (tokens.get(entity.start), tokens.get(entity.end.wrapping_sub(1)))
            else {
                continue;
            };
            let confidence = decisions[entity.start..entity.end]
                .iter()
                .map(|d| d.probability)
                .fold(1.0, f32::min);
            found.push(NamedSpan {
                span: Span::new(first.span.start, last.span.end),
                label: entity.label,
                confidence,
            });
        }
    }
    found.sort_by_key(|n| (n.span.start, n.span.end));
    found
}

/// The lower-cased, normalised tokens of a name, as the gazetteer features
/// look them up (for building a [`gazetteer::Gazetteer`]).
pub fn gazetteer_tokens(name: &str) -> Vec<String> {
    tokenize(name)
        .iter()
        .map(|t| features::TokenView::new(t.text(name)).key)
        .collect()
}

/// Tags pre-tokenized sentences of one document with `model` (used by the
/// evaluation program on CoNLL-format corpora).
pub fn tag_tokens<S: AsRef<str>>(model: &Model, sentences: &[Vec<S>]) -> Vec<Vec<Decision>> {
    let views: Vec<SentenceView> = sentences
        .iter()
        .map(|s| SentenceView::new(s, &model.gazetteer))
        .collect();
    tag_document(model, &views, model.temperature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn entities(text: &str) -> Vec<(&str, NerLabel)> {
        let sentences = split_sentences(text, &[]);
        recognize(text, &sentences)
            .iter()
            .map(|n| (n.span.slice(text).unwrap_or("?"), n.label))
            .collect()
    }

    #[test]
    fn shipped_model_loads_and_tags_a_news_sentence() {
        let model = shipped_model().expect("the shipped model loads");
        assert!(model.buckets() >= 1 << 16);
        let found =
            entities("Ukrainian President Volodymyr Zelenskyy met Emmanuel Macron in Paris on Thursday.");
        assert!(
            found.contains(&("Volodymyr Zelenskyy", NerLabel::Per)),
            "{found:?}"
        );
        assert!(found.contains(&("Emmanuel Macron", NerLabel::Per)), "{found:?}");
        assert!(found.contains(&("Paris", NerLabel::Loc)), "{found:?}");
        assert!(
            !found.iter().any(|(text, _)| text.contains("Thursday")),
            "{found:?}"
        );
    }

    #[test]
    fn excludes_possessive_clitics_and_reports_confidence() {
        let text = "Zelenskyy’s office in Kyiv said NATO would meet.";
        let sentences = split_sentences(text, &[]);
        let found = recognize(text, &sentences);
        assert!(
            found.iter().any(|n| n.span.slice(text) == Some("Zelenskyy")),
            "{found:?}"
        );
        assert!(found.iter().all(|n| (0.0..=1.0).contains(&n.confidence)));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_returns_ordered_char_aligned_spans(text in "\\PC{0,80}|[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}| said| ’s|\\.){0,12}") {
            let sentences = split_sentences(&text, &[]);
            let found = recognize(&text, &sentences);
            let mut previous_end = 0;
            for named in &found {
                proptest::prop_assert!(named.span.start < named.span.end);
                proptest::prop_assert!(named.span.start >= previous_end);
                proptest::prop_assert!(named.span.slice(&text).is_some());
                previous_end = named.span.end;
            }
        }
    }
}
