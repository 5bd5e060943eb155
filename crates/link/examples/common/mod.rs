//! What the benchmark examples share: turning a plain text with container
//! metadata into an analysed article through the public extract and analyze
//! API (as `parallax inspect` does for a `.txt` file), clustering metrics,
//! and a reproducible shuffle.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use parallax_core::{
    Article, DateProvenance, Hints, InputFormat, Origin, PublishedDate, SourceDocument, SourceKind,
};

/// Container metadata of a benchmark text.
pub struct Meta<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    /// `YYYY-MM-DD`, when the container states it.
    pub date: Option<&'a str>,
}

/// Extracts and analyses `body` as a scraped text with `meta` as hints.
pub fn analysed_article(meta: &Meta<'_>, body: &str) -> Article {
    let published = meta.date.and_then(|d| {
        let mut parts = d.get(..10)?.split('-').map(|p| p.parse::<u32>().ok());
        let (y, m, day) = (parts.next()??, parts.next()??, parts.next()??);
        Some(PublishedDate::day(y as i32, m, day, DateProvenance::Jsonl))
    });
    let doc = SourceDocument {
        origin: Origin {
            path: format!("{}.txt", meta.id),
            record: None,
        },
        format: InputFormat::Text,
        kind: SourceKind::Text,
        content: body.to_owned(),
        hints: Hints {
            title: meta.title.map(str::to_owned),
            outlet_name: meta.outlet.map(str::to_owned),
            published,
            ..Default::default()
        },
        warnings: Vec::new(),
    };
    let mut article = parallax_extract::extract(&doc);
    // Benchmark ids are the dataset's, so results can be scored against it.
    article.id = meta.id.to_owned();
    parallax_analyze::annotate(&mut article);
    article
}

/// A reproducible permutation of `0..n` (linear congruential generator).
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed ^ 0x2545_f491_4f6c_dd1d;
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, (state >> 33) as usize % (i + 1));
    }
    order
}

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}",
            self.precision, self.recall, self.f1
        )
    }
}

/// B-cubed precision and recall of `predicted` clusters against `gold`
/// labels (item → gold cluster), over the items of `gold`.
pub fn bcubed(predicted: &[Vec<String>], gold: &BTreeMap<String, String>) -> Prf {
    let cluster_of: BTreeMap<&str, usize> = predicted
        .iter()
        .enumerate()
        .flat_map(|(c, members)| members.iter().map(move |m| (m.as_str(), c)))
        .collect();
    let (mut precision, mut recall, mut n) = (0.0, 0.0, 0usize);
    for (item, label) in gold {
        let Some(&c) = cluster_of.get(item.as_str()) else {
            continue;
        };
        let same_pred: Vec<&String> = predicted[c].iter().filter(|m| gold.contains_key(*m)).collect();
        let correct = same_pred.iter().filter(|m| gold.get(**m) == Some(label)).count();
        let same_gold = gold.values().filter(|l| *l == label).count();
        precision += correct as f64 / same_pred.len().max(1) as f64;
        recall += correct as f64 / same_gold.max(1) as f64;
        n += 1;
    }
    let n = n.max(1) as f64;
    Prf::new(precision / n, recall / n)
}

/// Pairwise precision and recall of predicted same-cluster pairs against
/// gold same-cluster pairs.
pub fn pairwise(predicted: &BTreeSet<(String, String)>, gold: &BTreeSet<(String, String)>) -> Prf {
    let right = predicted.intersection(gold).count() as f64;
    let precision = if predicted.is_empty() {
        1.0
    } else {
        right / predicted.len() as f64
    };
    let recall = if gold.is_empty() {
        1.0
    } else {
        right / gold.len() as f64
    };
    Prf::new(precision, recall)
}

/// All unordered pairs (smaller first) inside each cluster.
pub fn cluster_pairs(clusters: &[Vec<String>]) -> BTreeSet<(String, String)> {
    let mut pairs = BTreeSet::new();
    for members in clusters {
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                pairs.insert(if a <= b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                });
            }
        }
    }
    pairs
}

/// `$PARALLAX_SHARED`, defaulting to `../shared` relative to the repository
/// root (the examples run from the repository root).
pub fn shared_dir() -> String {
    std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned())
}
