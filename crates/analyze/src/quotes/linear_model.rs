//! Linear models over hashed features, as the quote finder's learned parts
//! use them: the cue detector (`learned_cues`, a yes/no decision per token)
//! and the content-end chooser (`content_end`, the best of several
//! candidates). An averaged perceptron trains them (binary or ranking
//! updates); weights are quantised to `i16` and shipped under
//! `data/quotes/`, written by `examples/train_quotes.rs`.
//!
//! File format (little-endian), deflate-compressed as a whole: `b"PXLIN"`,
//! format version `u8`, bucket bits `u32`, weight scale `f32`, decision
//! threshold `f32`, then `2^bits` weights as `i16`.

use std::io::{Read, Write};

use once_cell::sync::Lazy;

use crate::ner::model::bucket;

const MAGIC: &[u8; 5] = b"PXLIN";
const FORMAT_VERSION: u8 = 1;

static CUE_MODEL: Lazy<Option<LinearModel>> =
    Lazy::new(|| LinearModel::from_bytes(include_bytes!("../../data/quotes/cue_model.bin")));
static CONTENT_END_MODEL: Lazy<Option<LinearModel>> =
    Lazy::new(|| LinearModel::from_bytes(include_bytes!("../../data/quotes/content_end.bin")));

/// The shipped cue detector; `None` when it cannot be read (the finder then
/// falls back to the lexicon alone).
pub(crate) fn shipped_cue_model() -> Option<&'static LinearModel> {
    CUE_MODEL.as_ref()
}

/// The shipped content-end chooser; `None` when it cannot be read (contents
/// then run to the end of the sentence).
pub(crate) fn shipped_content_end_model() -> Option<&'static LinearModel> {
    CONTENT_END_MODEL.as_ref()
}

/// Quantised weights and the score above which a yes/no decision is yes.
pub struct LinearModel {
    bucket_bits: u32,
    weights: Vec<i16>,
    scale: f32,
    /// Scores above this mean yes.
    pub threshold: f32,
}

impl LinearModel {
    /// Quantises float weights (`2^bucket_bits` of them) to `i16`.
    pub fn quantize(bucket_bits: u32, weights: &[f32], threshold: f32) -> LinearModel {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        LinearModel {
            bucket_bits,
            weights: weights.iter().map(|w| (w / scale).round() as i16).collect(),
            scale,
            threshold,
        }
    }

    /// The score of an example from its features.
    pub fn score(&self, features: &[u64]) -> f32 {
        let sum: i32 = features
            .iter()
            .filter_map(|&f| self.weights.get(bucket(f, self.bucket_bits)))
            .map(|&w| i32::from(w))
            .sum();
        sum as f32 * self.scale
    }

    /// The yes/no decision on an example.
    pub fn decide(&self, features: &[u64]) -> bool {
        self.score(features) > self.threshold
    }

    /// Serialises and compresses the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::with_capacity(self.weights.len() * 2 + 32);
        raw.extend_from_slice(MAGIC);
        raw.push(FORMAT_VERSION);
        raw.extend_from_slice(&self.bucket_bits.to_le_bytes());
        raw.extend_from_slice(&self.scale.to_le_bytes());
        raw.extend_from_slice(&self.threshold.to_le_bytes());
        for w in &self.weights {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = encoder.write_all(&raw);
        encoder.finish().unwrap_or_default()
    }

    /// Reads a model written by [`LinearModel::to_bytes`]; `None` when the
    /// bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<LinearModel> {
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_end(&mut raw)
            .ok()?;
        let rest = raw.strip_prefix(MAGIC)?;
        let (&version, rest) = rest.split_first()?;
        if version != FORMAT_VERSION {
            return None;
        }
        let word = |at: usize| -> Option<[u8; 4]> { rest.get(at..at + 4)?.try_into().ok() };
        let bucket_bits = u32::from_le_bytes(word(0)?);
        let scale = f32::from_le_bytes(word(4)?);
        let threshold = f32::from_le_bytes(word(8)?);
        if !(8..=26).contains(&bucket_bits) {
            return None;
        }
        let table = rest.get(12..)?;
        if table.len() != (1usize << bucket_bits) * 2 {
            return None;
        }
        let weights = table
            .chunks_exact(2)
            .map(|pair| i16::from_le_bytes([pair[0], pair[1]]))
            .collect();
        Some(LinearModel {
            bucket_bits,
            weights,
            scale,
            threshold,
        })
    }
}

/// The index of the highest score (the first on ties).
pub fn best_candidate(scores: impl Iterator<Item = f32>) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, score) in scores.enumerate() {
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

/// Training state of the averaged perceptron (Daumé's averaging
/// trick: `averaged = weights − accumulated / steps`).
pub struct LinearPerceptron {
    bucket_bits: u32,
    weights: Vec<f32>,
    accumulated: Vec<f32>,
    steps: f32,
    /// Mistakes in the current epoch.
    pub mistakes: usize,
}

impl LinearPerceptron {
    /// Zero weights over `2^bucket_bits` buckets.
    pub fn new(bucket_bits: u32) -> LinearPerceptron {
        let size = 1usize << bucket_bits;
        LinearPerceptron {
            bucket_bits,
            weights: vec![0.0; size],
            accumulated: vec![0.0; size],
            steps: 1.0,
            mistakes: 0,
        }
    }

    /// Learns from one yes/no example: when the current weights get it
    /// wrong, moves them towards the right answer.
    pub fn learn(&mut self, features: &[u64], yes: bool) {
        if (self.score(features) > 0.0) != yes {
            self.mistakes += 1;
            self.update(features, if yes { 1.0 } else { -1.0 });
        }
        self.steps += 1.0;
    }

    /// Learns from one choice among candidates: when the best-scoring
    /// candidate is not `right`, rewards the right one's features and
    /// penalises the chosen one's.
    pub fn learn_choice(&mut self, candidates: &[Vec<u64>], right: usize) {
        let chosen = best_candidate(candidates.iter().map(|c| self.score(c)));
        if let Some(chosen) = chosen.filter(|&c| c != right) {
            if let Some(right_features) = candidates.get(right) {
                self.mistakes += 1;
                self.update(right_features, 1.0);
                self.update(&candidates[chosen], -1.0);
            }
        }
        self.steps += 1.0;
    }

    fn score(&self, features: &[u64]) -> f32 {
        features
            .iter()
            .map(|&f| self.weights[bucket(f, self.bucket_bits)])
            .sum()
    }

    fn update(&mut self, features: &[u64], delta: f32) {
        for &f in features {
            let at = bucket(f, self.bucket_bits);
            self.weights[at] += delta;
            self.accumulated[at] += delta * self.steps;
        }
    }

    /// The averaged weights, quantised, with the given threshold.
    pub fn model(&self, threshold: f32) -> LinearModel {
        let averaged: Vec<f32> = self
            .weights
            .iter()
            .zip(&self.accumulated)
            .map(|(w, a)| w - a / self.steps)
            .collect();
        LinearModel::quantize(self.bucket_bits, &averaged, threshold)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_separable_examples_and_round_trips() {
        let mut perceptron = LinearPerceptron::new(8);
        let examples = [
            (vec![7u64], true),
            (vec![9], false),
            (vec![5, 7], true),
            (vec![5, 9], false),
        ];
        for _ in 0..20 {
            for (features, label) in &examples {
                perceptron.learn(features, *label);
            }
        }
        let model = perceptron.model(0.0);
        for (features, label) in &examples {
            assert_eq!(model.decide(features), *label, "{features:?}");
        }
        let read = LinearModel::from_bytes(&model.to_bytes()).expect("round trip");
        assert_eq!(read.weights, model.weights);
        assert!(LinearModel::from_bytes(b"garbage").is_none());
    }

    #[test]
    fn learns_to_choose_among_candidates() {
        let mut perceptron = LinearPerceptron::new(8);
        let choices = [
            (vec![vec![1u64, 2], vec![1, 3], vec![1, 4]], 1),
            (vec![vec![1, 3], vec![1, 2]], 0),
        ];
        for _ in 0..10 {
            for (candidates, right) in &choices {
                perceptron.learn_choice(candidates, *right);
            }
        }
        let model = perceptron.model(0.0);
        for (candidates, right) in &choices {
            let best = best_candidate(candidates.iter().map(|c| model.score(c)));
            assert_eq!(best, Some(*right));
        }
    }

    #[test]
    fn the_shipped_models_load() {
        assert!(shipped_cue_model().is_some());
        assert!(shipped_content_end_model().is_some());
    }
}
