//! The analysis of one article, step by step: sentences → named spans →
//! entity identities → quotes (which need the identities to name speakers),
//! figures, and time expressions (resolved against the publication date).
//! The order of the calls below is the algorithm.

use parallax_core::{Analysis, Article, PublishedDate};

use crate::{figures, identity, ner, quotes, sentences, times, tokens};

/// Analyses one article. Pure and deterministic: the same article gives the
/// same annotations, whatever else is running.
pub fn analyze(article: &Article) -> Analysis {
    let body = article.body.as_str();
    let tokens = tokens::tokenize(body);
    let sentences = sentences::split_sentences_tokenized(body, &article.paragraphs, &tokens);
    let named = ner::recognize_tokens(body, &tokens, &sentences);
    let entities = identity::resolve_entities(body, &sentences, &named);
    let quotes = quotes::find_quotes(body, &article.paragraphs, &sentences, &entities);
    let figures = figures::find_figures(body);
    let times = times::find_times(body, &article.published);
    Analysis {
        sentences,
        entities,
        quotes,
        figures,
        times,
        // Events are coded by the `parallax-events` crate on top of these
        // annotations (it needs them all), not here.
        events: Vec::new(),
    }
}

/// Analyses an article in place, replacing any earlier annotations.
pub fn annotate(article: &mut Article) {
    article.analysis = analyze(article);
}

/// Re-dates an article: sets its publication date (e.g. one the link stage
/// inferred from the story) and re-resolves its time expressions against
/// it. Nothing else depends on the date, so nothing else is recomputed.
pub fn redate(article: &mut Article, published: PublishedDate) {
    article.analysis.times = times::find_times(&article.body, &published);
    article.published = published;
}
