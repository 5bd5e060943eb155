//! Offline training of the tagger: an averaged perceptron over hashed
//! features, learning from its own greedy decisions (so the tag-history
//! features see at training time the kind of mistakes they will see at run
//! time), with model selection on a development set and a softmax
//! temperature fitted there for confidences.
//!
//! Only the training program (`examples/train_ner.rs`) uses this; the
//! library ships the result.

use super::conll::AnnotatedDocument;
use super::decode::{best_path, path_scores, record, tag_document, token_features, Scorer};
use super::features::SentenceView;
use super::features::{DocumentContext, PredictionHistory};
use super::gazetteer::Gazetteer;
use super::model::{bucket, Model};
use super::tags::{allowed, encode, entities, NerLabel, Tag, TAG_COUNT};

/// A training document, prepared once.
pub struct TrainingDocument {
    sentences: Vec<SentenceView>,
    gold: Vec<Vec<Tag>>,
}

/// Prepares annotated documents for the tagger (gazetteer matches included).
pub fn prepare(documents: &[AnnotatedDocument], gazetteer: &Gazetteer) -> Vec<TrainingDocument> {
    documents
        .iter()
        .map(|document| TrainingDocument {
            sentences: document
                .iter()
                .map(|s| SentenceView::new(&s.tokens, gazetteer))
                .collect(),
            gold: document
                .iter()
                .map(|s| encode(s.tokens.len(), &s.entities))
                .collect(),
        })
        .collect()
}

/// Averaged perceptron weights, with the running sums averaging needs
/// (`averaged = weights − accumulated / steps`, Daumé's trick).
pub struct Perceptron {
    bucket_bits: u32,
    weights: Vec<f32>,
    accumulated: Vec<f32>,
    steps: f32,
    /// Token-level mistakes in the current epoch.
    pub mistakes: usize,
}

impl Perceptron {
    /// Zero weights over `2^bucket_bits` buckets.
    pub fn new(bucket_bits: u32) -> Perceptron {
        let size = (1usize << bucket_bits) * TAG_COUNT;
        Perceptron {
            bucket_bits,
            weights: vec![0.0; size],
            accumulated: vec![0.0; size],
            steps: 1.0,
            mistakes: 0,
        }
    }

    /// One pass over `documents` in the given order: decode each sentence
    /// with the current weights and, when the best sequence is wrong,
    /// reward the gold sequence's features and penalise the predicted one's
    /// (Collins' structured perceptron).
    pub fn train_epoch(&mut self, documents: &[TrainingDocument], order: &[usize]) {
        self.mistakes = 0;
        let mut gold_features = Vec::with_capacity(96);
        let mut predicted_features = Vec::with_capacity(96);
        for &index in order {
            let Some(document) = documents.get(index) else {
                continue;
            };
            let context = DocumentContext::new(&document.sentences);
            let mut history = PredictionHistory::default();
            for (sentence, gold) in document.sentences.iter().zip(&document.gold) {
                let predicted = best_path(self, sentence, &context, &history);
                if predicted != *gold {
                    self.mistakes += predicted.iter().zip(gold).filter(|(p, g)| p != g).count();
                    // Positions before the first difference have identical
                    // features on both sides: their updates would cancel.
                    let first = predicted.iter().zip(gold).position(|(p, g)| p != g).unwrap_or(0);
                    for i in first..gold.len().min(predicted.len()) {
                        gold_features.clear();
                        token_features(sentence, i, &gold[..i], &context, &history, &mut gold_features);
                        predicted_features.clear();
                        token_features(
                            sentence,
                            i,
                            &predicted[..i],
                            &context,
                            &history,
                            &mut predicted_features,
                        );
                        self.update(&gold_features, gold[i], 1.0);
                        self.update(&predicted_features, predicted[i], -1.0);
                    }
                }
                self.steps += 1.0;
                record(&mut history, sentence, &predicted);
            }
        }
    }

    /// The averaged weights, bucket-major.
    pub fn averaged(&self) -> Vec<f32> {
        self.weights
            .iter()
            .zip(&self.accumulated)
            .map(|(w, a)| w - a / self.steps)
            .collect()
    }

    fn update(&mut self, features: &[u64], tag: Tag, delta: f32) {
        for &feature in features {
            let at = bucket(feature, self.bucket_bits) * TAG_COUNT + tag.index();
            self.weights[at] += delta;
            self.accumulated[at] += delta * self.steps;
        }
    }
}

impl Scorer for Perceptron {
    fn score(&self, features: &[u64], scores: &mut [f32; TAG_COUNT]) {
        for &feature in features {
            let start = bucket(feature, self.bucket_bits) * TAG_COUNT;
            for (score, w) in scores.iter_mut().zip(&self.weights[start..start + TAG_COUNT]) {
                *score += w;
            }
        }
    }
}

/// Entity-level precision, recall and F1 (exact span and label).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Correct predicted entities.
    pub correct: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Gold entities.
    pub gold: usize,
}

impl Score {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores `model` on `documents`, counting only entities whose label
/// `counts` accepts (e.g. PER/LOC/ORG without MISC).
pub fn evaluate(
    model: &mut Model,
    documents: &[TrainingDocument],
    counts: impl Fn(NerLabel) -> bool,
) -> Score {
    let mut score = Score::default();
    let temperature = model.temperature;
    for document in documents {
        let tagged = tag_document(&*model, &document.sentences, temperature);
        for (decisions, gold) in tagged.iter().zip(&document.gold) {
            let predicted: Vec<Tag> = decisions.iter().map(|d| d.tag).collect();
            let predicted: Vec<_> = entities(&predicted)
                .into_iter()
                .filter(|e| counts(e.label))
                .collect();
            let gold: Vec<_> = entities(gold).into_iter().filter(|e| counts(e.label)).collect();
            score.correct += predicted.iter().filter(|p| gold.contains(p)).count();
            score.predicted += predicted.len();
            score.gold += gold.len();
        }
    }
    score
}

/// The temperature (from a log-spaced grid) minimising the negative
/// log-likelihood of the gold tags on `documents`, each token scored given
/// the tags the model itself chose before it.
pub fn fit_temperature(model: &Model, documents: &[TrainingDocument]) -> f32 {
    let mut samples: Vec<(Vec<f32>, usize)> = Vec::new();
    for document in documents {
        let context = DocumentContext::new(&document.sentences);
        let mut history = PredictionHistory::default();
        for (sentence, gold) in document.sentences.iter().zip(&document.gold) {
            let path = best_path(model, sentence, &context, &history);
            let scores = path_scores(model, sentence, &context, &history, &path);
            for (i, (token_scores, gold_tag)) in scores.iter().zip(gold).enumerate() {
                let previous = i.checked_sub(1).map(|p| path[p]);
                let candidates: Vec<Tag> = (0..TAG_COUNT)
                    .filter_map(Tag::from_index)
                    .filter(|t| allowed(previous, *t, i + 1 == path.len()))
                    .collect();
                if let Some(gold_at) = candidates.iter().position(|t| t == gold_tag) {
                    samples.push((
                        candidates.iter().map(|t| token_scores[t.index()]).collect(),
                        gold_at,
                    ));
                }
            }
            record(&mut history, sentence, &path);
        }
    }
    let nll = |temperature: f32| -> f64 {
        samples
            .iter()
            .map(|(scores, gold)| {
                let max = scores.iter().fold(f32::NEG_INFINITY, |m, s| m.max(*s));
                let total: f32 = scores.iter().map(|s| ((s - max) / temperature).exp()).sum();
                f64::from(total.ln() - (scores[*gold] - max) / temperature)
            })
            .sum()
    };
    (0..80)
        .map(|i| 0.01 * 1.2f32.powi(i))
        .min_by(|a, b| nll(*a).total_cmp(&nll(*b)))
        .unwrap_or(1.0)
}

/// A deterministic shuffle (SplitMix64), so training is reproducible.
pub fn shuffled(len: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut state = seed;
    for i in (1..len).rev() {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        order.swap(i, (z % (i as u64 + 1)) as usize);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::super::conll::AnnotatedSentence;
    use super::super::tags::TokenEntity;
    use super::*;

    #[test]
    fn learns_a_tiny_corpus() {
        let sentence = |tokens: &[&str], entities: Vec<TokenEntity>| AnnotatedSentence {
            tokens: tokens.iter().map(|t| t.to_string()).collect(),
            entities,
        };
        let per = |start, end| TokenEntity {
            start,
            end,
            label: NerLabel::Per,
        };
        let loc = |start, end| TokenEntity {
            start,
            end,
            label: NerLabel::Loc,
        };
        let corpus: Vec<AnnotatedDocument> = vec![
            vec![sentence(
                &["Anna", "Smith", "visited", "Kyiv", "."],
                vec![per(0, 2), loc(3, 4)],
            )],
            vec![sentence(
                &["Kyiv", "welcomed", "Anna", "Smith"],
                vec![loc(0, 1), per(2, 4)],
            )],
        ];
        let gazetteer = Gazetteer::default();
        let documents = prepare(&corpus, &gazetteer);
        let mut perceptron = Perceptron::new(12);
        for epoch in 0..10 {
            perceptron.train_epoch(&documents, &shuffled(documents.len(), epoch));
        }
        assert_eq!(perceptron.mistakes, 0);
        let mut model = Model::quantize(12, &perceptron.averaged(), 1.0, gazetteer);
        let score = evaluate(&mut model, &documents, |_| true);
        assert_eq!(score.f1(), 1.0);
        let temperature = fit_temperature(&model, &documents);
        assert!(temperature > 0.0);
        let order = shuffled(10, 7);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    }
}
