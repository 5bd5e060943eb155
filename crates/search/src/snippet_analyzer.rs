//! The analyser snippets are cut with: the index's own ([`text_analyzer`]),
//! except that a word is stemmed only when its first two letters are the
//! first two letters of a term being looked for (or it is one of the three
//! words whose stem changes its second letter: `dying`, `lying`, `tying`).
//!
//! Finding a snippet tokenises the whole text of every hit, and stemming
//! was most of that cost (a quarter of a search's CPU at 2,000 articles).
//! The English Snowball stemmer only rewrites the end of a word: it never
//! changes a word's first letter, and its second only in those three
//! exceptions (`skies` → `sky` keeps `sk`; words of one or two letters are
//! left alone). So any other word whose first two letters start no term
//! cannot stem to one, and left unstemmed it cannot equal one either: it
//! takes part in the snippet exactly as before — as a word that matches
//! nothing. Two letters instead of one spare stemming most words ("the",
//! "that", "to" no longer stem for a query word starting with `t`).
//!
//! [`text_analyzer`]: crate::schema::text_analyzer

use std::borrow::Cow;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter,
    TokenStream, Tokenizer,
};

use crate::schema::MAX_TOKEN_BYTES;

/// Words whose stem differs from them in the second letter (Snowball
/// English exceptions).
const SECOND_LETTER_CHANGES: [&str; 3] = ["dying", "lying", "tying"];

/// The snippet analyser for these (already analysed) terms.
pub fn snippet_analyzer<'a>(terms: impl IntoIterator<Item = &'a String>) -> TextAnalyzer {
    let mut initials: Vec<String> = terms
        .into_iter()
        .map(|t| t.chars().take(2).collect::<String>())
        .filter(|prefix| !prefix.is_empty())
        .collect();
    initials.sort_unstable();
    initials.dedup();
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StemInitials {
            initials: initials.into(),
        })
        .build()
}

/// English stemming of the words starting with one of `initials` (the
/// first two letters of each term, or the whole of a one-letter term).
#[derive(Clone)]
struct StemInitials {
    initials: Arc<[String]>,
}

impl TokenFilter for StemInitials {
    type Tokenizer<T: Tokenizer> = StemInitialsFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> StemInitialsFilter<T> {
        StemInitialsFilter {
            initials: self.initials,
            inner,
        }
    }
}

#[derive(Clone)]
struct StemInitialsFilter<T> {
    initials: Arc<[String]>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemInitialsFilter<T> {
    type TokenStream<'a> = StemInitialsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemInitialsStream {
            tail: self.inner.token_stream(text),
            initials: &self.initials,
            stemmer: Stemmer::create(Algorithm::English),
            buffer: String::new(),
        }
    }
}

struct StemInitialsStream<'a, S> {
    tail: S,
    initials: &'a [String],
    stemmer: Stemmer,
    buffer: String,
}

impl<S: TokenStream> TokenStream for StemInitialsStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let text = token.text.as_str();
        let wanted = self
            .initials
            .iter()
            .any(|prefix| text.starts_with(prefix.as_str()))
            || SECOND_LETTER_CHANGES.contains(&text);
        if wanted {
            // As tantivy's stemmer filter does, without allocating for a
            // borrowed stem.
            match self.stemmer.stem(&token.text) {
                Cow::Owned(stem) => token.text = stem,
                Cow::Borrowed(stem) => {
                    self.buffer.clear();
                    self.buffer.push_str(stem);
                    std::mem::swap(&mut token.text, &mut self.buffer);
                }
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use tantivy::schema::{Schema, TEXT};
    use tantivy::snippet::SnippetGenerator;

    use super::*;
    use crate::schema::text_analyzer;

    const TEXT_SAMPLE: &str = "Skies cleared as dying embers of the fires were tying up crews; \
        Ukrainian Foreign Minister Andrii Sybiga said the strikes on ports at night were \
        relentless. Officials said they were studying the early reports, only gently, \
        and news agencies reported on the happenings, the happiest day, ties, flies, \
        Zelénskyy's idly ugly singly lying. Yesterday's yachts yielded; 'tis Ürümqi and Київ.";

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let token = stream.token();
            out.push((token.text.clone(), token.offset_from, token.offset_to));
        }
        out
    }

    #[test]
    fn stemming_changes_a_second_letter_only_in_the_listed_words() {
        let stemmed = tokens(&mut text_analyzer(), TEXT_SAMPLE);
        let unstemmed = tokens(&mut snippet_analyzer(&[]), TEXT_SAMPLE);
        for (full, raw) in stemmed.iter().zip(&unstemmed) {
            let two = |word: &str| word.chars().take(2).collect::<String>();
            if two(&full.0) != two(&raw.0) {
                assert!(
                    SECOND_LETTER_CHANGES.contains(&raw.0.as_str()),
                    "{full:?} {raw:?}"
                );
            }
        }
        // A query for "die" finds "dying" though "dy" starts no term.
        let die = ["die".to_owned()];
        let found = tokens(&mut snippet_analyzer(&die), "the dying embers");
        assert_eq!(found[1].0, "die");
    }

    #[test]
    fn stemming_never_changes_a_first_letter() {
        let stemmed = tokens(&mut text_analyzer(), TEXT_SAMPLE);
        let unstemmed = tokens(&mut snippet_analyzer(&[]), TEXT_SAMPLE);
        assert_eq!(stemmed.len(), unstemmed.len());
        assert!(
            stemmed.iter().zip(&unstemmed).any(|(a, b)| a.0 != b.0),
            "some word stems"
        );
        for (full, raw) in stemmed.iter().zip(&unstemmed) {
            assert_eq!(full.0.chars().next(), raw.0.chars().next(), "{full:?} {raw:?}");
            assert_eq!((full.1, full.2), (raw.1, raw.2));
        }
    }

    #[test]
    fn words_with_a_wanted_initial_stem_as_the_index_does() {
        let stemmed = tokens(&mut text_analyzer(), TEXT_SAMPLE);
        let every_initial: Vec<String> = stemmed.iter().map(|t| t.0.clone()).collect();
        assert_eq!(
            tokens(&mut snippet_analyzer(&every_initial), TEXT_SAMPLE),
            stemmed
        );
    }

    #[test]
    fn snippets_are_the_same_as_with_the_index_analyzer() {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let _ = schema.build();
        let mut analyzer = text_analyzer();
        for query in [
            "strike port",
            "sybiga",
            "dying skies",
            "said report",
            "happiest",
            "kyiv",
        ] {
            let terms: BTreeMap<String, f32> = tokens(&mut analyzer, query)
                .into_iter()
                .map(|(text, _, _)| (text, 1.0))
                .collect();
            let full = SnippetGenerator::new(terms.clone(), text_analyzer(), body, 60).snippet(TEXT_SAMPLE);
            let fast = SnippetGenerator::new(terms.clone(), snippet_analyzer(terms.keys()), body, 60)
                .snippet(TEXT_SAMPLE);
            assert_eq!(full.fragment(), fast.fragment(), "{query}");
            assert_eq!(full.highlighted(), fast.highlighted(), "{query}");
        }
    }
}
