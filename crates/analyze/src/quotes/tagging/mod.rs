//! The attribution tagger: every token of a sentence gets one tag — begin
//! or inside of a source, a cue or a content, or outside — from a
//! first-order structured perceptron over hashed token features, decoded
//! with Viterbi under BIO constraints. It is trained on PolNeAR, whose
//! univocal annotation is exactly such a tag sequence, by
//! `examples/train_quotes.rs`; the weights ship in
//! `data/quotes/attribution_tagger.bin`. `tagged.rs` turns the tagged spans
//! into quotes.

mod features;
mod model;
mod tags;

use std::ops::Range;

use once_cell::sync::Lazy;

pub(crate) use features::ArticleView;
pub use features::SentenceFeatures;
pub use model::{SequenceModel, SequencePerceptron};
pub(crate) use tags::role_spans;
pub use tags::{Role, Tag, TAGS, TAG_COUNT};

use super::context::Context;
use super::polnear::GoldAttribution;

static TAGGER: Lazy<Option<SequenceModel>> =
    Lazy::new(|| SequenceModel::from_bytes(include_bytes!("../../../data/quotes/attribution_tagger.bin")));

/// The shipped tagger; `None` when it cannot be read.
pub(crate) fn shipped_tagger() -> Option<&'static SequenceModel> {
    TAGGER.as_ref()
}

/// The gold tags of the tokens of `sentence` (a token range) from PolNeAR
/// attributions: a token overlapping a source, cue or content span takes
/// that role (the first attribution claiming it wins); a span opens with a
/// begin tag, as does every sentence.
pub(crate) fn gold_tags(ctx: &Context, sentence: Range<usize>, gold: &[GoldAttribution]) -> Vec<Tag> {
    let mut roles: Vec<Option<(Role, usize)>> = vec![None; sentence.len()];
    for (a, attribution) in gold.iter().enumerate() {
        let parts = attribution
            .source
            .iter()
            .map(|s| (Role::Source, *s))
            .chain(attribution.cue.iter().map(|s| (Role::Cue, *s)))
            .chain(attribution.content.iter().map(|s| (Role::Content, *s)));
        for (role, span) in parts {
            for i in sentence.clone() {
                let token = ctx.tokens[i].span;
                let slot = &mut roles[i - sentence.start];
                if slot.is_none() && token.start < span.end && span.start < token.end {
                    *slot = Some((role, a));
                }
            }
        }
    }
    let mut tags = Vec::with_capacity(roles.len());
    for (n, slot) in roles.iter().enumerate() {
        let continues = n > 0 && roles[n - 1].is_some() && roles[n - 1] == *slot;
        tags.push(match slot {
            None => Tag::Outside,
            Some((role, _)) if continues => Tag::Inside(*role),
            Some((role, _)) => Tag::Begin(*role),
        });
    }
    tags
}
