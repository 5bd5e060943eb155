//! Decoding a document, shared by training and run time: sentence by
//! sentence, a small beam search over BILOU tag sequences whose scores come
//! from hashed features, including features of the two previous tags and
//! of the types the document's earlier sentences gave the same words.
//!
//! Why a beam rather than greedy: with BILOU, a greedy "B" commits the next
//! tokens to the same entity, so one early mistake drags in "(" or "of
//! Sweden"; the beam keeps the alternative "U" alive until the next token
//! decides. Hypotheses that agree on their last two tags are merged (the
//! features see no further back), which makes the beam close to Viterbi at
//! a fraction of the cost: static features are scored once per token and
//! only the few tag features per hypothesis.

use super::features::{dynamic_features, static_features, DocumentContext, PredictionHistory, SentenceView};
use super::tags::{allowed, Tag, TAG_COUNT};

/// Hypotheses kept per token.
pub const BEAM_WIDTH: usize = 4;

/// Scores tags from hashed features.
pub trait Scorer {
    /// Adds each tag's score for the hashed `features` to `scores`.
    fn score(&self, features: &[u64], scores: &mut [f32; TAG_COUNT]);
}

/// A tag with the probability the model gives it among allowed tags.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// The chosen tag.
    pub tag: Tag,
    /// Softmax probability of the chosen tag at the model's temperature,
    /// given the tags before it.
    pub probability: f32,
}

/// Tags every sentence of a document, in order.
pub fn tag_document<S: Scorer + ?Sized>(
    scorer: &S,
    sentences: &[SentenceView],
    temperature: f32,
) -> Vec<Vec<Decision>> {
    let context = DocumentContext::new(sentences);
    let mut history = PredictionHistory::default();
    let mut tagged = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let best = beam_search(scorer, sentence, &context, &history, temperature);
        record(&mut history, sentence, &best.tags);
        tagged.push(
            best.tags
                .iter()
                .zip(&best.probabilities)
                .map(|(&tag, &p)| Decision { tag, probability: p })
                .collect(),
        );
    }
    tagged
}

/// Remembers the types a sentence's words were given, for later sentences.
pub fn record(history: &mut PredictionHistory, sentence: &SentenceView, path: &[Tag]) {
    for (token, &tag) in sentence.tokens.iter().zip(path) {
        history.record(token, tag);
    }
}

/// All features of token `i` given the tags before it.
pub fn token_features(
    sentence: &SentenceView,
    i: usize,
    previous: &[Tag],
    context: &DocumentContext,
    history: &PredictionHistory,
    out: &mut Vec<u64>,
) {
    static_features(sentence, i, context, out);
    dynamic_features(sentence, i, previous, history, out);
}

struct Hypothesis {
    tags: Vec<Tag>,
    /// Probability of each tag given the ones before it.
    probabilities: Vec<f32>,
    score: f32,
}

/// The best tag sequence the beam finds for a sentence.
pub fn best_path<S: Scorer + ?Sized>(
    scorer: &S,
    sentence: &SentenceView,
    context: &DocumentContext,
    history: &PredictionHistory,
) -> Vec<Tag> {
    beam_search(scorer, sentence, context, history, 1.0).tags
}

fn beam_search<S: Scorer + ?Sized>(
    scorer: &S,
    sentence: &SentenceView,
    context: &DocumentContext,
    history: &PredictionHistory,
    temperature: f32,
) -> Hypothesis {
    let len = sentence.tokens.len();
    let empty = Hypothesis {
        tags: Vec::with_capacity(len),
        probabilities: Vec::with_capacity(len),
        score: 0.0,
    };
    let mut beam = vec![empty];
    let mut features = Vec::with_capacity(96);
    let mut hypothesis_scores: Vec<[f32; TAG_COUNT]> = Vec::with_capacity(BEAM_WIDTH);
    let mut candidates: Vec<(f32, usize, Tag)> = Vec::with_capacity(BEAM_WIDTH * TAG_COUNT);
    for i in 0..len {
        features.clear();
        static_features(sentence, i, context, &mut features);
        let mut base = [0f32; TAG_COUNT];
        scorer.score(&features, &mut base);
        let is_last = i + 1 == len;
        candidates.clear();
        hypothesis_scores.clear();
        for (h, hypothesis) in beam.iter().enumerate() {
            features.clear();
            dynamic_features(sentence, i, &hypothesis.tags, history, &mut features);
            let mut scores = base;
            scorer.score(&features, &mut scores);
            let previous = hypothesis.tags.last().copied();
            for tag in (0..TAG_COUNT).filter_map(Tag::from_index) {
                if allowed(previous, tag, is_last) {
                    candidates.push((hypothesis.score + scores[tag.index()], h, tag));
                }
            }
            hypothesis_scores.push(scores);
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut next: Vec<Hypothesis> = Vec::with_capacity(BEAM_WIDTH);
        let mut kept: Vec<(Tag, Option<Tag>)> = Vec::with_capacity(BEAM_WIDTH);
        for &(score, h, tag) in &candidates {
            let parent = &beam[h];
            let previous = parent.tags.last().copied();
            if kept.contains(&(tag, previous)) {
                continue;
            }
            kept.push((tag, previous));
            let mut tags = Vec::with_capacity(len);
            tags.extend_from_slice(&parent.tags);
            tags.push(tag);
            let mut probabilities = Vec::with_capacity(len);
            probabilities.extend_from_slice(&parent.probabilities);
            probabilities.push(probability(
                &hypothesis_scores[h],
                previous,
                tag,
                is_last,
                temperature,
            ));
            next.push(Hypothesis {
                tags,
                probabilities,
                score,
            });
            if next.len() == BEAM_WIDTH {
                break;
            }
        }
        beam = next;
    }
    beam.into_iter().next().unwrap_or(Hypothesis {
        tags: Vec::new(),
        probabilities: Vec::new(),
        score: 0.0,
    })
}

/// Every tag's score at each token along `path`.
pub fn path_scores<S: Scorer + ?Sized>(
    scorer: &S,
    sentence: &SentenceView,
    context: &DocumentContext,
    history: &PredictionHistory,
    path: &[Tag],
) -> Vec<[f32; TAG_COUNT]> {
    let mut features = Vec::with_capacity(96);
    (0..path.len())
        .map(|i| {
            features.clear();
            token_features(sentence, i, &path[..i], context, history, &mut features);
            let mut scores = [0f32; TAG_COUNT];
            scorer.score(&features, &mut scores);
            scores
        })
        .collect()
}

/// Softmax probability of `tag` among the tags allowed after `previous`.
pub fn probability(
    scores: &[f32; TAG_COUNT],
    previous: Option<Tag>,
    tag: Tag,
    is_last: bool,
    temperature: f32,
) -> f32 {
    let temperature = temperature.max(1e-6);
    let chosen = scores[tag.index()];
    let total: f32 = (0..TAG_COUNT)
        .filter_map(Tag::from_index)
        .filter(|t| allowed(previous, *t, is_last))
        .map(|t| ((scores[t.index()] - chosen) / temperature).exp())
        .sum();
    if total.is_finite() && total > 0.0 {
        (1.0 / total).clamp(0.0, 1.0)
    } else {
        0.0
    }
}
