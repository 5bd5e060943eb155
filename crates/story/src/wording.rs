//! Wording differences: an evaluative modifier one article puts before a
//! word ("illegally annexed", "so-called referendum", "self-proclaimed
//! republic") where another article uses the same word bare. The modifiers
//! are a closed list of words that carry a judgement or a hedge, so the
//! differences found are the ones an analyst of framing looks for.

use std::collections::{BTreeMap, BTreeSet};

use parallax_analyze::tokens::{tokenize, TokenKind};
use parallax_core::{Article, Span};

use crate::corpus::{evidence, sentence_around, Corpus};
use crate::report::{Evidence, WordingDifference};
use crate::similarity::content_words;

/// Modifiers that judge, legitimise or hedge what follows them.
const MODIFIERS: &[&str] = &[
    "alleged",
    "allegedly",
    "apparent",
    "barbaric",
    "brutal",
    "criminal",
    "cynical",
    "de-facto",
    "full-scale",
    "illegal",
    "illegally",
    "illegitimate",
    "legitimate",
    "purported",
    "puppet",
    "reportedly",
    "self-declared",
    "self-proclaimed",
    "sham",
    "so-called",
    "supposed",
    "terrorist",
    "unprovoked",
    "unlawful",
    "unlawfully",
];

/// Most evidence spans kept per side of a difference.
const MAX_EVIDENCE: usize = 4;

/// One word of a body, lower-cased, with its span.
struct Word {
    text: String,
    span: Span,
}

/// The tokens of the body; `None` for anything that is not a word, so that
/// a modifier and its term must be adjacent words ("cynical.” Putin" is not
/// a modified "Putin").
fn words(article: &Article) -> Vec<Option<Word>> {
    tokenize(&article.body)
        .iter()
        .map(|t| {
            matches!(t.kind, TokenKind::Word).then(|| Word {
                text: t.text(&article.body).to_lowercase(),
                span: t.span,
            })
        })
        .collect()
}

/// A word that can be modified: not a function word, not a modifier.
fn is_term(word: &str) -> bool {
    !MODIFIERS.contains(&word) && content_words(word).len() == 1
}

/// Every (modifier, term) used in some articles where other articles use
/// the term without that modifier.
pub fn wording_differences(corpus: &Corpus) -> Vec<WordingDifference> {
    // term → modifier → evidence with it; term → evidence without any modifier.
    let mut modified: BTreeMap<(String, String), Vec<Evidence>> = BTreeMap::new();
    let mut bare: BTreeMap<String, Vec<Evidence>> = BTreeMap::new();
    let per_article: Vec<(&Article, Vec<Option<Word>>)> =
        corpus.articles.iter().map(|a| (*a, words(a))).collect();
    let terms: BTreeSet<String> = per_article
        .iter()
        .flat_map(|(_, w)| {
            w.windows(2).filter_map(|p| match (&p[0], &p[1]) {
                (Some(m), Some(t)) if MODIFIERS.contains(&m.text.as_str()) => Some(t.text.clone()),
                _ => None,
            })
        })
        .filter(|t| is_term(t))
        .collect();
    for (article, words) in &per_article {
        for (i, word) in words.iter().enumerate() {
            let Some(word) = word.as_ref().filter(|w| terms.contains(&w.text)) else {
                continue;
            };
            let sentence = sentence_around(article, word.span);
            let previous = i.checked_sub(1).and_then(|p| words[p].as_ref());
            match previous.filter(|p| MODIFIERS.contains(&p.text.as_str())) {
                Some(modifier) => modified
                    .entry((word.text.clone(), modifier.text.clone()))
                    .or_default()
                    .push(evidence(article, sentence)),
                None => bare
                    .entry(word.text.clone())
                    .or_default()
                    .push(evidence(article, sentence)),
            }
        }
    }
    let mut out = Vec::new();
    for ((term, modifier), with) in modified {
        let with_articles: BTreeSet<&str> = with.iter().map(|e| e.article.as_str()).collect();
        let without: Vec<Evidence> = bare
            .get(&term)
            .map(|b| {
                b.iter()
                    .filter(|e| !with_articles.contains(e.article.as_str()))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if without.is_empty() {
            continue;
        }
        out.push(WordingDifference {
            term,
            modifier,
            with_modifier: first_per_article(with),
            without_modifier: first_per_article(without),
        });
    }
    out
}

/// The first evidence of each article, at most [`MAX_EVIDENCE`].
fn first_per_article(evidence: Vec<Evidence>) -> Vec<Evidence> {
    let mut seen = BTreeSet::new();
    evidence
        .into_iter()
        .filter(|e| seen.insert(e.article.clone()))
        .take(MAX_EVIDENCE)
        .collect()
}
