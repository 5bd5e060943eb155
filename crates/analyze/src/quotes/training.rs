//! What the training program (`examples/train_quotes.rs`) needs to learn
//! the cue detector from annotated articles: the same token features the
//! finder computes, labelled from gold cue spans, and the perceptron and
//! model types. Not used by the finder itself.

use parallax_core::{Paragraph, Sentence, Span};

pub use super::linear_model::{best_candidate, LinearModel, LinearPerceptron};

use super::content_end::{candidate_ends, end_features};
use super::context::Context;
use super::cue_features::cue_features;
use super::indirect::content_end;
use super::learned_cues::entry_for;
use super::polnear::GoldAttribution;
use super::{marks, quoted_tokens};

/// One token to learn from: its hashed features and whether it is part of
/// a gold cue.
pub struct CueExample {
    /// Hashed features, as the finder computes them.
    pub features: Vec<u64>,
    /// True when the token overlaps a gold cue span.
    pub is_cue: bool,
}

/// The examples of one article: every word token outside quotation marks,
/// sentence by sentence, labelled by whether it overlaps one of
/// `gold_cues` (byte spans into `body`).
pub fn cue_examples(
    body: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    gold_cues: &[Span],
) -> Vec<CueExample> {
    let ctx = Context::new(body, paragraphs, sentences, &[]);
    let runs = marks::quoted_runs(&ctx);
    let quoted = quoted_tokens(&ctx, &runs);
    let excluded = |i: usize| quoted.get(i).copied().unwrap_or(false);
    let mut examples = Vec::new();
    for sentence in &ctx.sentences {
        let range = ctx.token_range(sentence.span);
        for i in range.clone() {
            if excluded(i) || !ctx.is_word(i) {
                continue;
            }
            let span = ctx.tokens[i].span;
            let is_cue = gold_cues.iter().any(|g| g.start < span.end && span.start < g.end);
            let mut features = Vec::with_capacity(32);
            cue_features(&ctx, i, &range, &excluded, &mut features);
            examples.push(CueExample { features, is_cue });
        }
    }
    examples
}

/// One content to learn its end from: the features of each candidate end
/// and which candidate is the gold end.
pub struct EndExample {
    /// Features of each candidate end, in order.
    pub candidates: Vec<Vec<u64>>,
    /// Index of the gold end among them.
    pub right: usize,
}

/// The content-end examples of one article: each gold attribution whose
/// content (one fragment) follows its cue in the same sentence, with the
/// candidate ends from the content's first token to the sentence end.
/// Contents whose gold end is not a candidate (they run past the sentence)
/// are left out.
pub fn content_end_examples(
    body: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    gold: &[GoldAttribution],
) -> Vec<EndExample> {
    let ctx = Context::new(body, paragraphs, sentences, &[]);
    let runs = marks::quoted_runs(&ctx);
    let quoted = quoted_tokens(&ctx, &runs);
    let excluded = |i: usize| quoted.get(i).copied().unwrap_or(false);
    let mut examples = Vec::new();
    for attribution in gold {
        let ([content], Some(cue)) = (attribution.content.as_slice(), attribution.cue.first()) else {
            continue;
        };
        if cue.end > content.start {
            continue;
        }
        let tokens = ctx.token_range(*content);
        let Some(sentence) = ctx.sentence_at(content.start) else {
            continue;
        };
        let sentence_tokens = ctx.token_range(ctx.sentences[sentence].span);
        if tokens.is_empty() || ctx.sentence_at(cue.start) != Some(sentence) || excluded(tokens.start) {
            continue;
        }
        let candidate_range = tokens.start..content_end(&ctx, sentence_tokens);
        let ends = candidate_ends(&ctx, &candidate_range);
        let Some(right) = ends.iter().position(|&e| e == tokens.end) else {
            continue;
        };
        // The lemma as the finder names the cue.
        let lemma = entry_for(&ctx, ctx.token_range(*cue), candidate_range.start, &excluded)
            .0
            .lemma
            .clone();
        let candidates = ends
            .iter()
            .map(|&end| {
                let mut features = Vec::with_capacity(24);
                end_features(&ctx, &lemma, &candidate_range, end, &excluded, &mut features);
                features
            })
            .collect();
        examples.push(EndExample { candidates, right });
    }
    examples
}
