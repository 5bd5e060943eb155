//! The tagger's weights and decoding. Each token's features (hashed into
//! `2^bits` buckets) give a score per tag; a score per pair of consecutive
//! tags (and per first tag) links them; Viterbi finds the best sequence
//! allowed by BIO. Training is the averaged structured perceptron
//! (Collins 2002): decode, and when the sequence is wrong, move the weights
//! of the gold tags up and of the predicted ones down.
//!
//! File format (little-endian), deflate-compressed as a whole: `b"PXSEQ"`,
//! format version `u8`, bucket bits `u32`, tag count `u32`, weight scale
//! `f32`, `(tags + 1) × tags` transition scores as `f32` (the last row is
//! the sentence start), then `2^bits × tags` weights as `i16`, tag-major
//! (each tag's column is mostly zeros and compresses well).

use std::io::{Read, Write};

use super::tags::{Tag, TAGS, TAG_COUNT};
use crate::ner::model::bucket;

const MAGIC: &[u8; 5] = b"PXSEQ";
const FORMAT_VERSION: u8 = 1;
/// One row of transition scores per previous tag, and one for the start.
const TRANSITIONS: usize = (TAG_COUNT + 1) * TAG_COUNT;

/// Scores per tag for one token.
pub(crate) type Emission = [f32; TAG_COUNT];

/// What decoding needs from a set of weights.
pub(crate) trait Weights {
    /// Adds the scores of `features` to `out`.
    fn emission(&self, features: &[u64], out: &mut Emission);
    /// The score of tag `to` after tag `from` (`None`: the sentence start).
    fn transition(&self, from: Option<usize>, to: usize) -> f32;
}

/// The best tag sequence allowed by BIO for the tokens' emission scores.
pub(crate) fn viterbi(weights: &impl Weights, emissions: &[Emission]) -> Vec<Tag> {
    let Some(first) = emissions.first() else {
        return Vec::new();
    };
    let mut score: Emission = [f32::NEG_INFINITY; TAG_COUNT];
    for (t, tag) in TAGS.iter().enumerate() {
        if tag.may_start() {
            score[t] = weights.transition(None, t) + first[t];
        }
    }
    let mut back: Vec<[u8; TAG_COUNT]> = Vec::with_capacity(emissions.len());
    for emission in &emissions[1..] {
        let mut next: Emission = [f32::NEG_INFINITY; TAG_COUNT];
        let mut from = [0u8; TAG_COUNT];
        for (t, tag) in TAGS.iter().enumerate() {
            for (p, previous) in TAGS.iter().enumerate() {
                if !previous.may_precede(*tag) || score[p] == f32::NEG_INFINITY {
                    continue;
                }
                let candidate = score[p] + weights.transition(Some(p), t);
                if candidate > next[t] {
                    next[t] = candidate;
                    from[t] = p as u8;
                }
            }
            next[t] += emission[t];
        }
        back.push(from);
        score = next;
    }
    let mut best = (0..TAG_COUNT)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .unwrap_or(0);
    let mut tags = vec![Tag::Outside; emissions.len()];
    for i in (0..emissions.len()).rev() {
        tags[i] = TAGS[best];
        if i > 0 {
            best = usize::from(back[i - 1][best]);
        }
    }
    tags
}

/// Quantised weights as shipped.
pub struct SequenceModel {
    bucket_bits: u32,
    /// Bucket-major (one bucket's tags contiguous) for scoring.
    weights: Vec<i16>,
    scale: f32,
    transitions: Vec<f32>,
}

impl Weights for SequenceModel {
    fn emission(&self, features: &[u64], out: &mut Emission) {
        let mut sums = [0i32; TAG_COUNT];
        for &feature in features {
            let start = bucket(feature, self.bucket_bits) * TAG_COUNT;
            if let Some(row) = self.weights.get(start..start + TAG_COUNT) {
                for (sum, &w) in sums.iter_mut().zip(row) {
                    *sum += i32::from(w);
                }
            }
        }
        for (score, sum) in out.iter_mut().zip(sums) {
            *score += sum as f32 * self.scale;
        }
    }

    fn transition(&self, from: Option<usize>, to: usize) -> f32 {
        transition_at(&self.transitions, from, to)
    }
}

fn transition_at(table: &[f32], from: Option<usize>, to: usize) -> f32 {
    let row = from.unwrap_or(TAG_COUNT);
    table.get(row * TAG_COUNT + to).copied().unwrap_or(0.0)
}

impl SequenceModel {
    /// The tags of one sentence from its tokens' features.
    pub fn tag(&self, token_features: impl Iterator<Item = impl AsRef<[u64]>>) -> Vec<Tag> {
        let emissions: Vec<Emission> = token_features
            .map(|features| {
                let mut emission = [0.0; TAG_COUNT];
                self.emission(features.as_ref(), &mut emission);
                emission
            })
            .collect();
        viterbi(self, &emissions)
    }

    /// Serialises and compresses the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let buckets = 1usize << self.bucket_bits;
        let mut raw = Vec::with_capacity(self.weights.len() * 2 + TRANSITIONS * 4 + 32);
        raw.extend_from_slice(MAGIC);
        raw.push(FORMAT_VERSION);
        raw.extend_from_slice(&self.bucket_bits.to_le_bytes());
        raw.extend_from_slice(&(TAG_COUNT as u32).to_le_bytes());
        raw.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.transitions {
            raw.extend_from_slice(&t.to_le_bytes());
        }
        for tag in 0..TAG_COUNT {
            for b in 0..buckets {
                raw.extend_from_slice(&self.weights[b * TAG_COUNT + tag].to_le_bytes());
            }
        }
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = encoder.write_all(&raw);
        encoder.finish().unwrap_or_default()
    }

    /// Reads a model written by [`SequenceModel::to_bytes`]; `None` when
    /// the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<SequenceModel> {
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
        let tags = u32::from_le_bytes(word(4)?) as usize;
        let scale = f32::from_le_bytes(word(8)?);
        if tags != TAG_COUNT || !(8..=26).contains(&bucket_bits) {
            return None;
        }
        let transitions: Vec<f32> = (0..TRANSITIONS)
            .map(|i| word(12 + 4 * i).map(f32::from_le_bytes))
            .collect::<Option<_>>()?;
        let table = rest.get(12 + 4 * TRANSITIONS..)?;
        let buckets = 1usize << bucket_bits;
        if table.len() != buckets * TAG_COUNT * 2 {
            return None;
        }
        let mut weights = vec![0i16; buckets * TAG_COUNT];
        for (i, pair) in table.chunks_exact(2).enumerate() {
            let (tag, b) = (i / buckets, i % buckets);
            weights[b * TAG_COUNT + tag] = i16::from_le_bytes([pair[0], pair[1]]);
        }
        Some(SequenceModel {
            bucket_bits,
            weights,
            scale,
            transitions,
        })
    }
}

/// Training state of the averaged structured perceptron (Daumé's
/// averaging trick: `averaged = weights − accumulated / steps`).
pub struct SequencePerceptron {
    bucket_bits: u32,
    weights: Vec<f32>,
    accumulated: Vec<f32>,
    transitions: Vec<f32>,
    transitions_accumulated: Vec<f32>,
    steps: f32,
    /// Sentences tagged wrongly in the current epoch.
    pub mistakes: usize,
}

impl Weights for SequencePerceptron {
    fn emission(&self, features: &[u64], out: &mut Emission) {
        for &feature in features {
            let start = bucket(feature, self.bucket_bits) * TAG_COUNT;
            for (score, w) in out.iter_mut().zip(&self.weights[start..start + TAG_COUNT]) {
                *score += w;
            }
        }
    }

    fn transition(&self, from: Option<usize>, to: usize) -> f32 {
        transition_at(&self.transitions, from, to)
    }
}

impl SequencePerceptron {
    /// Zero weights over `2^bucket_bits` buckets.
    pub fn new(bucket_bits: u32) -> SequencePerceptron {
        let size = (1usize << bucket_bits) * TAG_COUNT;
        SequencePerceptron {
            bucket_bits,
            weights: vec![0.0; size],
            accumulated: vec![0.0; size],
            transitions: vec![0.0; TRANSITIONS],
            transitions_accumulated: vec![0.0; TRANSITIONS],
            steps: 1.0,
            mistakes: 0,
        }
    }

    /// The current (not averaged) tags of a sentence.
    pub fn predict(&self, tokens: &[&[u64]]) -> Vec<Tag> {
        let emissions: Vec<Emission> = tokens
            .iter()
            .map(|features| {
                let mut emission = [0.0; TAG_COUNT];
                self.emission(features, &mut emission);
                emission
            })
            .collect();
        viterbi(self, &emissions)
    }

    /// Learns from one sentence: `tokens` are the features of each token,
    /// `gold` its tags.
    pub fn learn(&mut self, tokens: &[&[u64]], gold: &[Tag]) {
        let predicted = self.predict(tokens);
        if predicted != gold {
            self.mistakes += 1;
            for (i, (features, (&g, &p))) in tokens.iter().zip(gold.iter().zip(&predicted)).enumerate() {
                let previous = |tags: &[Tag]| i.checked_sub(1).map(|j| tags[j].index());
                let (gold_from, predicted_from) = (previous(gold), previous(&predicted));
                if g != p {
                    self.update_emission(features, g.index(), 1.0);
                    self.update_emission(features, p.index(), -1.0);
                }
                if g != p || gold_from != predicted_from {
                    self.update_transition(gold_from, g.index(), 1.0);
                    self.update_transition(predicted_from, p.index(), -1.0);
                }
            }
        }
        self.steps += 1.0;
    }

    fn update_emission(&mut self, features: &[u64], tag: usize, delta: f32) {
        for &feature in features {
            let at = bucket(feature, self.bucket_bits) * TAG_COUNT + tag;
            self.weights[at] += delta;
            self.accumulated[at] += delta * self.steps;
        }
    }

    fn update_transition(&mut self, from: Option<usize>, to: usize, delta: f32) {
        let at = from.unwrap_or(TAG_COUNT) * TAG_COUNT + to;
        self.transitions[at] += delta;
        self.transitions_accumulated[at] += delta * self.steps;
    }

    /// The averaged weights, quantised.
    pub fn model(&self) -> SequenceModel {
        let average =
            |w: &[f32], a: &[f32]| -> Vec<f32> { w.iter().zip(a).map(|(w, a)| w - a / self.steps).collect() };
        let weights = average(&self.weights, &self.accumulated);
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        SequenceModel {
            bucket_bits: self.bucket_bits,
            weights: weights.iter().map(|w| (w / scale).round() as i16).collect(),
            scale,
            transitions: average(&self.transitions, &self.transitions_accumulated),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tags::Role;
    use super::*;

    /// "he said it rained": the features are the words themselves.
    fn sentence() -> (Vec<Vec<u64>>, Vec<Tag>) {
        let features = vec![vec![1u64], vec![2], vec![3], vec![4]];
        let tags = vec![
            Tag::Begin(Role::Source),
            Tag::Begin(Role::Cue),
            Tag::Begin(Role::Content),
            Tag::Inside(Role::Content),
        ];
        (features, tags)
    }

    #[test]
    fn learns_a_sentence_and_round_trips() {
        let (features, gold) = sentence();
        let tokens: Vec<&[u64]> = features.iter().map(Vec::as_slice).collect();
        let mut perceptron = SequencePerceptron::new(8);
        for _ in 0..5 {
            perceptron.learn(&tokens, &gold);
        }
        let model = perceptron.model();
        assert_eq!(model.tag(features.iter()), gold);
        let read = SequenceModel::from_bytes(&model.to_bytes()).expect("round trip");
        assert_eq!(read.weights, model.weights);
        assert_eq!(read.tag(features.iter()), gold);
        assert!(SequenceModel::from_bytes(b"garbage").is_none());
    }

    #[test]
    fn decoding_never_breaks_bio() {
        struct NoTransitions;
        impl Weights for NoTransitions {
            fn emission(&self, _: &[u64], _: &mut Emission) {}
            fn transition(&self, _: Option<usize>, _: usize) -> f32 {
                0.0
            }
        }
        let mut inside_everywhere = [0.0; TAG_COUNT];
        inside_everywhere[Tag::Inside(Role::Content).index()] = 5.0;
        let tags = viterbi(&NoTransitions, &[inside_everywhere; 3]);
        assert_eq!(tags[0], Tag::Begin(Role::Content));
        assert_eq!(tags[1..], [Tag::Inside(Role::Content); 2]);
    }
}
