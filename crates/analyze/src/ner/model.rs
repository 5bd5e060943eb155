//! The trained tagger as shipped: a hashed weight table quantised to `i16`,
//! the gazetteer the features were trained with, and the softmax
//! temperature that turns scores into confidences; and its file format.
//!
//! File format (all little-endian), deflate-compressed as a whole:
//! `b"PXNER"`, format version `u8`, bucket bits `u32`, tag count `u32`,
//! weight scale `f32`, temperature `f32`, the gazetteer, then
//! `2^bits × tags` weights as `i16`, tag-major (all buckets of tag 0, then
//! tag 1, …) because each tag's column is mostly zeros and compresses well.

use std::io::{Read, Write};

use super::decode::Scorer;
use super::gazetteer::Gazetteer;
use super::tags::TAG_COUNT;

const MAGIC: &[u8; 5] = b"PXNER";
const FORMAT_VERSION: u8 = 1;

/// Why a model could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NER model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// A trained, quantised tagger.
pub struct Model {
    bucket_bits: u32,
    /// Bucket-major at run time (one bucket's tags contiguous) for scoring.
    weights: Vec<i16>,
    scale: f32,
    /// Softmax temperature for confidences.
    pub temperature: f32,
    /// Names the gazetteer features look up.
    pub gazetteer: Gazetteer,
}

impl Model {
    /// Quantises float weights (bucket-major, `2^bucket_bits × TAG_COUNT`).
    pub fn quantize(bucket_bits: u32, weights: &[f32], temperature: f32, gazetteer: Gazetteer) -> Model {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let weights = weights.iter().map(|w| (w / scale).round() as i16).collect();
        Model {
            bucket_bits,
            weights,
            scale,
            temperature,
            gazetteer,
        }
    }

    /// Number of weight buckets (a power of two).
    pub fn buckets(&self) -> usize {
        1 << self.bucket_bits
    }

    /// Serialises and compresses the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::with_capacity(self.weights.len() * 2 + 1024);
        raw.extend_from_slice(MAGIC);
        raw.push(FORMAT_VERSION);
        raw.extend_from_slice(&self.bucket_bits.to_le_bytes());
        raw.extend_from_slice(&(TAG_COUNT as u32).to_le_bytes());
        raw.extend_from_slice(&self.scale.to_le_bytes());
        raw.extend_from_slice(&self.temperature.to_le_bytes());
        self.gazetteer.write(&mut raw);
        for tag in 0..TAG_COUNT {
            for bucket in 0..self.buckets() {
                raw.extend_from_slice(&self.weights[bucket * TAG_COUNT + tag].to_le_bytes());
            }
        }
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = encoder.write_all(&raw);
        encoder.finish().unwrap_or_default()
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let error = |what: &str| ModelError(what.to_owned());
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| ModelError(format!("not deflate data: {e}")))?;
        let rest = raw.strip_prefix(MAGIC).ok_or_else(|| error("bad magic"))?;
        let (&version, rest) = rest.split_first().ok_or_else(|| error("truncated"))?;
        if version != FORMAT_VERSION {
            return Err(ModelError(format!(
                "format version {version}, expected {FORMAT_VERSION}"
            )));
        }
        let word = |at: usize| -> Result<[u8; 4], ModelError> {
            rest.get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .ok_or_else(|| error("truncated header"))
        };
        let bucket_bits = u32::from_le_bytes(word(0)?);
        let tags = u32::from_le_bytes(word(4)?) as usize;
        let scale = f32::from_le_bytes(word(8)?);
        let temperature = f32::from_le_bytes(word(12)?);
        if tags != TAG_COUNT || !(8..=26).contains(&bucket_bits) {
            return Err(error("unexpected dimensions"));
        }
        let (gazetteer, rest) =
            Gazetteer::read(rest.get(16..).unwrap_or_default()).ok_or_else(|| error("gazetteer"))?;
        let buckets = 1usize << bucket_bits;
        if rest.len() != buckets * TAG_COUNT * 2 {
            return Err(error("weight table size"));
        }
        let mut weights = vec![0i16; buckets * TAG_COUNT];
        for (i, pair) in rest.chunks_exact(2).enumerate() {
            let (tag, bucket) = (i / buckets, i % buckets);
            weights[bucket * TAG_COUNT + tag] = i16::from_le_bytes([pair[0], pair[1]]);
        }
        Ok(Model {
            bucket_bits,
            weights,
            scale,
            temperature,
            gazetteer,
        })
    }
}

/// The bucket of a feature hash in a table of `2^bits` buckets.
pub fn bucket(feature: u64, bits: u32) -> usize {
    (feature & ((1u64 << bits) - 1)) as usize
}

impl Scorer for Model {
    fn score(&self, features: &[u64], scores: &mut [f32; TAG_COUNT]) {
        let mut sums = [0i32; TAG_COUNT];
        for &feature in features {
            let start = bucket(feature, self.bucket_bits) * TAG_COUNT;
            if let Some(row) = self.weights.get(start..start + TAG_COUNT) {
                for (sum, &w) in sums.iter_mut().zip(row) {
                    *sum += i32::from(w);
                }
            }
        }
        for (score, sum) in scores.iter_mut().zip(sums) {
            *score += sum as f32 * self.scale;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_bytes() {
        let bits = 8;
        let weights: Vec<f32> = (0..(1 << bits) * TAG_COUNT)
            .map(|i| ((i % 7) as f32 - 3.0) * 0.5)
            .collect();
        let mut gazetteer = Gazetteer::default();
        gazetteer.insert(&["kyiv"], super::super::gazetteer::kind::LOCATION);
        let model = Model::quantize(bits, &weights, 2.0, gazetteer);
        let read = Model::from_bytes(&model.to_bytes()).expect("round trip");
        assert_eq!(read.weights, model.weights);
        assert_eq!(read.temperature, 2.0);
        assert_eq!(read.gazetteer.len(), 1);
        let mut scores = [0f32; TAG_COUNT];
        read.score(&[3, 3 + (1 << bits)], &mut scores);
        assert!((scores[0] - 2.0 * weights[3 * TAG_COUNT]).abs() < 1e-3);
        assert!(Model::from_bytes(b"garbage").is_err());
        assert!(Model::from_bytes(&[]).is_err());
    }
}
