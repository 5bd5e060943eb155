//! Greedy left-to-right tagging of a document, shared by training and run
//! time: for each token, gather features, score every tag, take the best
//! tag the BILOU transitions allow, and remember it for the features of
//! later tokens.
//!
//! Greedy decoding (rather than Viterbi) is what lets the features look at
//! the two previous tags and at the document's earlier decisions; Ratinov
//! & Roth (2009) found it as accurate as Viterbi for NER, and it is faster.

use super::features::{dynamic_features, static_features, DocumentContext, PredictionHistory, SentenceView};
use super::tags::{allowed, Tag, TAG_COUNT};

/// Scores tags from features, and optionally learns from each decision.
pub trait Step {
    /// Adds each tag's score for the hashed `features` to `scores`.
    fn score(&self, features: &[u64], scores: &mut [f32; TAG_COUNT]);

    /// Called after each token is tagged (training updates weights here).
    fn after(
        &mut self,
        _features: &[u64],
        _scores: &[f32; TAG_COUNT],
        _chosen: Tag,
        _sentence: usize,
        _token: usize,
    ) {
    }
}

/// A tag with the probability the model gives it among allowed tags.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// The chosen tag.
    pub tag: Tag,
    /// Softmax probability of the chosen tag at `temperature`.
    pub probability: f32,
}

/// Tags every sentence of a document, in order.
pub fn tag_document<S: Step + ?Sized>(
    step: &mut S,
    sentences: &[SentenceView],
    temperature: f32,
) -> Vec<Vec<Decision>> {
    let document = DocumentContext::new(sentences);
    let mut history = PredictionHistory::default();
    let mut features = Vec::with_capacity(96);
    let mut tagged = Vec::with_capacity(sentences.len());
    for (s, sentence) in sentences.iter().enumerate() {
        let mut tags: Vec<Tag> = Vec::with_capacity(sentence.tokens.len());
        let mut decisions = Vec::with_capacity(sentence.tokens.len());
        for i in 0..sentence.tokens.len() {
            features.clear();
            static_features(sentence, i, &document, &mut features);
            dynamic_features(sentence, i, &tags, &history, &mut features);
            let mut scores = [0f32; TAG_COUNT];
            step.score(&features, &mut scores);
            let previous = tags.last().copied();
            let is_last = i + 1 == sentence.tokens.len();
            let decision = choose(&scores, previous, is_last, temperature);
            step.after(&features, &scores, decision.tag, s, i);
            history.record(&sentence.tokens[i], decision.tag);
            tags.push(decision.tag);
            decisions.push(decision);
        }
        tagged.push(decisions);
    }
    tagged
}

/// The best allowed tag and its softmax probability among allowed tags.
pub fn choose(scores: &[f32; TAG_COUNT], previous: Option<Tag>, is_last: bool, temperature: f32) -> Decision {
    let mut best = (Tag::OUTSIDE, f32::NEG_INFINITY);
    let allowed_tags = (0..TAG_COUNT)
        .filter_map(Tag::from_index)
        .filter(|t| allowed(previous, *t, is_last));
    for tag in allowed_tags.clone() {
        if scores[tag.index()] > best.1 {
            best = (tag, scores[tag.index()]);
        }
    }
    let temperature = temperature.max(1e-6);
    let total: f32 = allowed_tags
        .map(|t| ((scores[t.index()] - best.1) / temperature).exp())
        .sum();
    let probability = if total.is_finite() && total > 0.0 {
        1.0 / total
    } else {
        0.0
    };
    Decision {
        tag: best.0,
        probability,
    }
}
