//! What the training program (`examples/train_quotes.rs`) needs to learn
//! the attribution tagger from annotated articles: the same token features
//! the finder computes, the gold tags of PolNeAR's attributions, and the
//! perceptron and model types. Not used by the finder itself.

use parallax_core::{EntityMention, Paragraph, Sentence};

pub use super::tagging::{Role, SentenceFeatures, SequenceModel, SequencePerceptron, Tag, TAGS, TAG_COUNT};

use super::context::Context;
use super::polnear::GoldAttribution;
use super::tagging::{gold_tags, ArticleView};
use super::{marks, quoted_tokens};

/// One sentence to learn tagging from: its tokens' features and gold tags.
pub struct TaggedSentence {
    /// Features of each token, as the finder computes them.
    pub features: SentenceFeatures,
    /// The gold tag of each token.
    pub tags: Vec<Tag>,
    /// The text of each token (for error analysis).
    pub words: Vec<String>,
}

/// The tagger's examples of one article: every sentence with its tokens'
/// features (computed over `mentions`, the identity stage's output, as at
/// run time) and the tags of the gold attributions.
pub fn tagger_examples(
    body: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    mentions: &[EntityMention],
    gold: &[GoldAttribution],
) -> Vec<TaggedSentence> {
    let ctx = Context::new(body, paragraphs, sentences, mentions);
    let runs = marks::quoted_runs(&ctx);
    let quoted = quoted_tokens(&ctx, &runs);
    let view = ArticleView::new(&ctx, &quoted);
    ctx.sentences
        .iter()
        .map(|s| ctx.token_range(s.span))
        .filter(|range| !range.is_empty())
        .map(|range| TaggedSentence {
            features: view.sentence_features(range.clone()),
            tags: gold_tags(&ctx, range.clone(), gold),
            words: range.map(|i| ctx.text(i).to_owned()).collect(),
        })
        .collect()
}
