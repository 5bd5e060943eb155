//! Whether a sentence of an undated article and a sentence of a dated one
//! report the same happening, so that a time reference in one can date the
//! other.
//!
//! Each sentence is reduced to what it is about (its entity keys and content
//! words, [`crate::features::sentence_content`]), and two sentences are
//! compared by the cosine of these sets weighted by inverse sentence
//! frequency **within the story**: the names every sentence of a story
//! repeats (the two presidents of a war story, its countries) weigh next to
//! nothing, while the words particular to one happening ("launched",
//! "drones", "missiles") carry the match. A plain count of shared items
//! cannot tell the two apart: two reports months apart that both mention
//! the same two presidents "shared" two items.

use std::collections::{BTreeSet, HashMap};

use parallax_analyze::tokens::{tokenize, TokenKind};
use parallax_core::{Article, Span};

use crate::features::sentence_content;

/// What the sentence around `span` is about: its entity keys, and the
/// content words of [`sentence_content`] that are written in lower case
/// outside its names and time expressions — the words saying what happened
/// ("launched", "drones"). Names count once, as their key; capitalised words
/// (titles and demonyms before a name, "Russian President") are left out, as
/// they say who, not what.
pub fn happening_content(article: &Article, span: Span) -> BTreeSet<String> {
    let content = sentence_content(article, span);
    // Sentences are in body order: the first one ending after `span` starts.
    let sentences = &article.analysis.sentences;
    let Some(sentence) = sentences
        .get(sentences.partition_point(|s| s.span.end <= span.start))
        .filter(|s| s.span.start <= span.start)
    else {
        return content;
    };
    let (start, end) = (sentence.span.start, sentence.span.end);
    let Some(text) = article.body.get(start..end) else {
        return content;
    };
    let in_name = |from: usize, to: usize| {
        article
            .analysis
            .entities
            .iter()
            .any(|m| m.span.start <= from && to <= m.span.end)
    };
    let mut lower_case = BTreeSet::new();
    for (n, token) in tokenize(text)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .enumerate()
    {
        let word = token.text(text);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if (n == 0 || !capitalised) && !in_name(start + token.span.start, start + token.span.end) {
            lower_case.insert(word.to_lowercase().replace('\u{2019}', "'"));
        }
    }
    content
        .into_iter()
        .filter(|item| is_key(item) || lower_case.contains(item))
        .collect()
}

/// Entity keys (`person:putin-vladimir`) as opposed to words.
fn is_key(item: &str) -> bool {
    item.contains(':')
}

/// Inverse sentence frequencies of a story's content items.
pub struct SentenceWeights {
    frequency: HashMap<String, usize>,
    sentences: usize,
}

impl SentenceWeights {
    /// Counts, over every sentence of every article of the story, how many
    /// sentences mention each content item.
    pub fn of_story(story: &[&Article]) -> SentenceWeights {
        let mut frequency: HashMap<String, usize> = HashMap::new();
        let mut sentences = 0;
        for article in story {
            for sentence in &article.analysis.sentences {
                let content = happening_content(article, sentence.span);
                if content.is_empty() {
                    continue;
                }
                sentences += 1;
                for item in content {
                    *frequency.entry(item).or_default() += 1;
                }
            }
        }
        SentenceWeights { frequency, sentences }
    }

    /// `ln(1 + N / df)`: smallest for an item in every sentence, yet not
    /// zero, so that a story of two short reports can still match; an item
    /// the story never saw counts as seen once.
    fn weight(&self, item: &str) -> f64 {
        let df = self.frequency.get(item).copied().unwrap_or(1).max(1);
        (1.0 + self.sentences.max(1) as f64 / df as f64).ln()
    }

    /// Weighted cosine of two content sets, in `[0, 1]`; zero unless they
    /// share a word as well as names: the same people on the same day is
    /// not yet the same happening.
    pub fn similarity(&self, a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
        if !a.intersection(b).any(|item| !is_key(item)) {
            return 0.0;
        }
        let norm = |set: &BTreeSet<String>| set.iter().map(|i| self.weight(i).powi(2)).sum::<f64>().sqrt();
        let (na, nb) = (norm(a), norm(b));
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        let shared: f64 = a.intersection(b).map(|i| self.weight(i).powi(2)).sum();
        (shared / (na * nb)).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn items_every_sentence_shares_weigh_nothing() {
        let weights = SentenceWeights {
            frequency: [
                ("person:putin", 10),
                ("drones", 2),
                ("launched", 2),
                ("parade", 1),
                ("person:rare", 1),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
            sentences: 10,
        };
        let strike = set(&["person:putin", "drones", "launched"]);
        let other_strike = set(&["person:putin", "drones", "launched", "parade"]);
        let parade = set(&["person:putin", "parade"]);
        assert!(weights.similarity(&strike, &other_strike) > 0.6);
        assert!(weights.similarity(&strike, &parade) < 0.15);
        // Names alone, however rare, are not a happening.
        let meeting = set(&["person:putin", "person:rare"]);
        assert_eq!(
            weights.similarity(&meeting, &set(&["person:putin", "person:rare", "talks"])),
            0.0
        );
        assert_eq!(weights.similarity(&strike, &set(&[])), 0.0);
    }
}
