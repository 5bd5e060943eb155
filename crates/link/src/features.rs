//! What an article contributes to story similarity: its entity keys and its
//! salient terms, plus its publication day.
//!
//! Features are intrinsic to the article (computed from it alone), so adding
//! other articles never changes them; only their weights (which depend on how
//! many articles share them) change, and those are index-wide statistics of
//! the set of articles, not of the order they came in.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use parallax_analyze::tokens::{tokenize, TokenKind};
use parallax_core::{Article, DatePrecision, EntityType, MentionForm, Span};

/// How many of an article's most frequent content words stand for it. Enough
/// to cover what a report is about beyond its names; few enough that the
/// long tail of incidental words does not make unrelated reports look alike.
pub const SALIENT_TERMS: usize = 30;

/// Words of the title count this many times: headlines name the event.
const TITLE_WEIGHT: usize = 2;

/// Function words and reporting verbs: frequent in every news article, so
/// they say nothing about which story one belongs to.
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "his",
    "her",
    "its",
    "their",
    "they",
    "them",
    "this",
    "these",
    "those",
    "from",
    "but",
    "not",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "been",
    "being",
    "into",
    "than",
    "then",
    "there",
    "also",
    "about",
    "after",
    "before",
    "over",
    "under",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "one",
    "two",
    "all",
    "any",
    "some",
    "more",
    "most",
    "other",
    "such",
    "only",
    "out",
    "our",
    "your",
    "you",
    "she",
    "him",
    "because",
    "while",
    "did",
    "does",
    "just",
    "very",
    "many",
    "much",
    "new",
    "now",
    "last",
    "year",
    "years",
    "week",
    "day",
    "days",
    "time",
    "people",
    "like",
    "get",
    "got",
    "make",
    "made",
    "since",
    "still",
    "even",
    "well",
    "back",
    "first",
    "according",
    "including",
    "through",
    "against",
    "between",
    "during",
    "without",
    "within",
    "among",
    "both",
    "each",
    "own",
    "same",
    "how",
    "why",
    "here",
    "whether",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mr",
    "mrs",
    "ms",
    "percent",
];

/// The story features of one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoryFeatures {
    /// Feature names: `e:<entity key>` and `t:<term>`, sorted, unique.
    pub features: BTreeSet<String>,
    /// Publication day, when known to the day.
    pub day: Option<NaiveDate>,
}

/// Story features of `article`.
pub fn story_features(article: &Article) -> StoryFeatures {
    let mut features: BTreeSet<String> = entity_keys(article)
        .into_iter()
        .map(|k| format!("e:{k}"))
        .collect();
    features.extend(salient_terms(article).into_iter().map(|t| format!("t:{t}")));
    StoryFeatures {
        features,
        day: publication_day(article),
    }
}

/// Keys of the named entities of the article (names and titles that resolved
/// to a named entity; pronouns add nothing new). Countries are left out:
/// "the United States" is in most political news and would chain unrelated
/// stories together.
pub fn entity_keys(article: &Article) -> BTreeSet<String> {
    article
        .analysis
        .entities
        .iter()
        .filter(|m| m.form != MentionForm::Pronoun && m.entity_type != EntityType::Country)
        .map(|m| m.key.trim())
        .filter(|k| k.contains(':') && !k.ends_with(':'))
        .map(str::to_owned)
        .collect()
}

/// The article's [`SALIENT_TERMS`] most frequent content words (lower-cased,
/// at least three letters, no stopwords), title words counted double; ties
/// broken alphabetically so the choice is deterministic.
pub fn salient_terms(article: &Article) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let title = article.title.as_deref().unwrap_or("");
    for (text, weight) in [(title, TITLE_WEIGHT), (article.body.as_str(), 1)] {
        for token in tokenize(text) {
            if token.kind != TokenKind::Word {
                continue;
            }
            let word = token.text(text).to_lowercase().replace('\u{2019}', "'");
            if word.chars().filter(|c| c.is_alphabetic()).count() < 3 || STOPWORDS.contains(&word.as_str()) {
                continue;
            }
            *counts.entry(word).or_default() += weight;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.into_iter().take(SALIENT_TERMS).map(|(w, _)| w).collect()
}

/// What the sentence around `span` is about: keys of the named entities in
/// it and its content words (same stopwords as [`salient_terms`]), leaving
/// out the words of the sentence's own time expressions, so "on Wednesday"
/// or "last September" contributes nothing. Used to tell whether two
/// articles' time references are about the same happening rather than
/// merely the same day.
pub fn sentence_content(article: &Article, span: Span) -> BTreeSet<String> {
    let Some(sentence) = article
        .analysis
        .sentences
        .iter()
        .find(|s| s.span.start <= span.start && span.start < s.span.end.max(s.span.start + 1))
    else {
        return BTreeSet::new();
    };
    let (start, end) = (sentence.span.start, sentence.span.end);
    let mut content: BTreeSet<String> = article
        .analysis
        .entities
        .iter()
        .filter(|m| m.form != MentionForm::Pronoun && m.span.start >= start && m.span.end <= end)
        .map(|m| m.key.trim())
        .filter(|k| k.contains(':') && !k.ends_with(':'))
        .map(str::to_owned)
        .collect();
    let Some(text) = article.body.get(start..end) else {
        return content;
    };
    let times: Vec<Span> = article
        .analysis
        .times
        .iter()
        .map(|t| t.span)
        .filter(|t| t.start < end && t.end > start)
        .collect();
    for token in tokenize(text) {
        if token.kind != TokenKind::Word {
            continue;
        }
        let (from, to) = (start + token.span.start, start + token.span.end);
        if times.iter().any(|t| t.start <= from && to <= t.end) {
            continue;
        }
        let word = token.text(text).to_lowercase().replace('\u{2019}', "'");
        if word.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !STOPWORDS.contains(&word.as_str()) {
            content.insert(word);
        }
    }
    content
}

/// The publication day when the date is known to the day.
pub fn publication_day(article: &Article) -> Option<NaiveDate> {
    let published = &article.published;
    if published.precision != Some(DatePrecision::Day) {
        return None;
    }
    NaiveDate::parse_from_str(published.date.as_deref()?.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::article;

    #[test]
    fn terms_skip_stopwords_and_rank_by_frequency() {
        let a = article(
            "x",
            "Tariff talks",
            "The tariff plan said the tariff was high. Tariff talks on steel and steel.",
        );
        let terms = salient_terms(&a);
        assert_eq!(terms.first().map(String::as_str), Some("tariff"));
        assert!(terms.contains(&"steel".to_owned()));
        assert!(!terms.iter().any(|t| t == "the" || t == "said"));
    }

    #[test]
    fn sentence_content_leaves_out_the_time_expression() {
        let a = crate::test_support::analyzed(
            "x",
            "t",
            "Rain fell all day. The council approved the budget on Wednesday morning.",
            Some((2025, 9, 5)),
        );
        let time = a
            .analysis
            .times
            .iter()
            .find(|t| t.text.contains("Wednesday"))
            .expect("the weekday is a time expression");
        let content = sentence_content(&a, time.span);
        assert!(
            content.contains("council") && content.contains("budget"),
            "{content:?}"
        );
        assert!(
            !content.contains("morning") && !content.contains("rain"),
            "{content:?}"
        );
    }

    #[test]
    fn day_needs_day_precision() {
        let mut a = article("x", "t", "body");
        a.published = parallax_core::PublishedDate::month(2014, 3, parallax_core::DateProvenance::Meta);
        assert_eq!(publication_day(&a), None);
        a.published = parallax_core::PublishedDate::day(2014, 3, 9, parallax_core::DateProvenance::Meta);
        assert_eq!(publication_day(&a), NaiveDate::from_ymd_opt(2014, 3, 9));
    }
}
