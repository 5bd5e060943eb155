//! Lexical similarity of short texts (quotes, sentences) robust to the
//! differences translations and paraphrase leave: content words lightly
//! stemmed, compared two ways. A character 4-gram TF-IDF cosine over the
//! content words catches shared stems and spelling variants ("Zelensky" /
//! "Zelenskyy", "meeting" / "meet"); an IDF-weighted content-word overlap
//! coefficient (weight of the shared words over the weight of the smaller
//! set) lets a partial quote match the full quote it is cut from, while a
//! short summary made only of the story's common words ("ready to meet
//! Zelensky in Moscow") does not match every long quote that contains them. Synonyms ("adult" / "mature") are beyond a lexical
//! measure; the rest of the sentence usually carries the match.

use std::collections::{BTreeMap, BTreeSet};

use parallax_analyze::tokens::{tokenize, TokenKind};

/// The name reported in `similarity_mode` for this measure.
pub const LEXICAL_MODE: &str = "lexical";

/// Content words a text needs for its overlap to count in full.
const FULL_OVERLAP_WORDS: f32 = 6.0;

/// Function words and reporting verbs, which say nothing about content.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "already", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "done", "for", "from", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "most", "much", "my",
    "no", "nor", "not", "now", "n't", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
    "over", "own", "part", "said", "say", "says", "saying", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "why", "will", "with", "would", "you", "your", "yours", "'s", "’s", "'re", "’re", "'ll", "’ll",
    "'ve", "’ve", "'d", "’d", "'m", "’m", "yet", "far", "kind", "way", "even",
];

/// The content words of `text`: lower-cased, stop words dropped, lightly
/// stemmed, in order.
pub fn content_words(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .flat_map(|t| {
            // "high-level" and "level" share a word; keep hyphenated parts apart.
            let word = t.text(text).to_lowercase().replace('’', "'");
            word.split('-')
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// A light suffix stripper: enough to meet "results"/"result",
/// "talking"/"talk", "invited"/"invite", not a full Porter stemmer (whose
/// over-stemming joins words a translation keeps apart).
pub fn stem(word: &str) -> String {
    let chars = word.chars().count();
    let strip = |suffix: &str, min: usize| chars >= min && word.ends_with(suffix);
    let stemmed = if strip("ies", 5) {
        format!("{}y", &word[..word.len() - 3])
    } else if strip("ing", 6) {
        word[..word.len() - 3].to_owned()
    } else if strip("ed", 5) {
        word[..word.len() - 2].to_owned()
    } else if strip("bly", 6) {
        // "possibly" → "possibl", meeting "possible" → "possibl".
        word[..word.len() - 1].to_owned()
    } else if strip("ly", 5)
        || (strip("es", 5) && ["ses", "xes", "ches", "shes"].iter().any(|s| word.ends_with(s)))
    {
        word[..word.len() - 2].to_owned()
    } else if strip("s", 4) && !word.ends_with("ss") && !word.ends_with("us") {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    };
    // "invite"/"invited" → "invit": drop a final e so both forms meet.
    match stemmed.strip_suffix('e') {
        Some(base) if base.chars().count() >= 3 => base.to_owned(),
        _ => stemmed,
    }
}

/// Texts prepared for pairwise comparison: TF-IDF vectors of character
/// 4-grams (IDF over the texts given) and content-word sets.
#[derive(Debug, Clone)]
pub struct Compared {
    /// Per text: (n-gram id, normalised TF-IDF weight), sorted by id.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Per text: its distinct content-word ids, sorted.
    words: Vec<Vec<u32>>,
    /// Per text: the summed IDF of its content words.
    word_weight: Vec<f32>,
    /// IDF of each content-word id.
    word_idf: Vec<f32>,
}

/// Assigns ids to strings in sorted order (so a sorted list of strings
/// becomes a sorted list of ids) and counts in how many texts each occurs.
fn vocabulary<'a>(
    texts: impl Iterator<Item = impl Iterator<Item = &'a String>>,
) -> BTreeMap<&'a str, (u32, f32)> {
    let mut vocabulary: BTreeMap<&str, (u32, f32)> = BTreeMap::new();
    for text in texts {
        for item in text {
            vocabulary.entry(item.as_str()).or_default().1 += 1.0;
        }
    }
    for (id, entry) in vocabulary.values_mut().enumerate() {
        entry.0 = id as u32;
    }
    vocabulary
}

impl Compared {
    /// Prepares `texts`; indexes into it name the texts from now on.
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Self {
        let lists: Vec<Vec<String>> = texts.iter().map(|t| content_words(t.as_ref())).collect();
        let grams: Vec<BTreeMap<String, f32>> = lists.iter().map(|w| char_ngrams(w)).collect();
        let words: Vec<BTreeSet<String>> = lists.into_iter().map(|w| w.into_iter().collect()).collect();
        let n = grams.len() as f32;
        let gram_ids = vocabulary(grams.iter().map(|doc| doc.keys()));
        let vectors = grams
            .iter()
            .map(|doc| {
                let mut v: Vec<(u32, f32)> = doc
                    .iter()
                    .map(|(g, tf)| {
                        let (id, df) = gram_ids.get(g.as_str()).copied().unwrap_or((0, 1.0));
                        (
                            id,
                            (1.0 + tf.ln()) * ((1.0 + n) / (1.0 + df)).ln().max(0.0) + 1e-3,
                        )
                    })
                    .collect();
                let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    v.iter_mut().for_each(|(_, x)| *x /= norm);
                }
                v
            })
            .collect();
        let word_ids = vocabulary(words.iter().map(|set| set.iter()));
        // Smoothed IDF: a word every text has still counts, rare words count
        // about three times as much as the story's everyday words.
        let mut word_idf = vec![0.0; word_ids.len()];
        for (id, df) in word_ids.values() {
            word_idf[*id as usize] = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
        }
        let words: Vec<Vec<u32>> = words
            .iter()
            .map(|set| {
                set.iter()
                    .filter_map(|w| word_ids.get(w.as_str()).map(|e| e.0))
                    .collect()
            })
            .collect();
        let word_weight = words
            .iter()
            .map(|ids| ids.iter().map(|&id| word_idf[id as usize]).sum())
            .collect();
        Compared {
            vectors,
            words,
            word_weight,
            word_idf,
        }
    }

    /// Number of texts.
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// True when no texts were given.
    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    /// Number of distinct content words of text `i`.
    pub fn word_count(&self, i: usize) -> usize {
        self.words.get(i).map_or(0, Vec::len)
    }

    /// Cosine of the character n-gram TF-IDF vectors of texts `i` and `j`.
    pub fn cosine(&self, i: usize, j: usize) -> f32 {
        let (Some(a), Some(b)) = (self.vectors.get(i), self.vectors.get(j)) else {
            return 0.0;
        };
        let (mut x, mut y, mut dot) = (0, 0, 0.0);
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[x].1 * b[y].1;
                    x += 1;
                    y += 1;
                }
            }
        }
        dot.clamp(0.0, 1.0)
    }

    /// IDF weight of the shared content words over that of the lighter
    /// text's words (0 when either is empty).
    pub fn overlap(&self, i: usize, j: usize) -> f32 {
        let (Some(a), Some(b)) = (self.words.get(i), self.words.get(j)) else {
            return 0.0;
        };
        let lighter = self.word_weight[i].min(self.word_weight[j]);
        if lighter <= 0.0 {
            return 0.0;
        }
        let (mut x, mut y, mut shared) = (0, 0, 0.0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.word_idf[a[x] as usize];
                    x += 1;
                    y += 1;
                }
            }
        }
        (shared / lighter).min(1.0)
    }

    /// The similarity used throughout: the mean of [`Self::cosine`] and
    /// [`Self::overlap`], in `[0, 1]`. The overlap is damped for texts of
    /// fewer than [`FULL_OVERLAP_WORDS`] content words: a short summary
    /// ("invitation to meet in Moscow") is contained in many longer quotes
    /// of a story by chance.
    pub fn similarity(&self, i: usize, j: usize) -> f32 {
        let smaller = self.word_count(i).min(self.word_count(j));
        let damping = (smaller as f32 / FULL_OVERLAP_WORDS).min(1.0);
        0.5 * self.cosine(i, j) + 0.5 * self.overlap(i, j) * damping
    }
}

/// A similarity rounded to two decimals, as the report shows it.
pub fn rounded(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Character 4-grams of each content word padded with spaces, with counts.
fn char_ngrams(words: &[String]) -> BTreeMap<String, f32> {
    let mut grams = BTreeMap::new();
    for word in words {
        let padded: Vec<char> = format!(" {word} ").chars().collect();
        if padded.len() <= 4 {
            *grams.entry(padded.iter().collect::<String>()).or_insert(0.0) += 1.0;
            continue;
        }
        for window in padded.windows(4) {
            *grams.entry(window.iter().collect::<String>()).or_insert(0.0) += 1.0;
        }
    }
    grams
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("results"), stem("result"));
        assert_eq!(stem("invited"), stem("invite"));
        assert_eq!(stem("talking"), stem("talk"));
        assert_eq!(stem("possibly"), stem("possible"));
        assert_ne!(stem("mass"), stem("ma"));
    }

    #[test]
    fn content_words_drop_function_words() {
        assert_eq!(
            content_words("He said the war must end"),
            vec!["war", "must", "end"]
        );
    }

    #[test]
    fn translations_of_one_statement_score_above_different_statements() {
        let texts = [
            "adult leaders should come out of a meeting of this level with some kind of result",
            "Mature leaders should come out of a high-level meeting with some results",
            "The best place for this is the capital of the Russian Federation, the hero city of Moscow",
        ];
        let c = Compared::new(&texts);
        let same = c.similarity(0, 1);
        let different = c.similarity(0, 2);
        assert!(same > 0.45, "same statement scored {same}");
        assert!(different < 0.2, "different statements scored {different}");
    }

    #[test]
    fn a_partial_quote_matches_its_full_quote() {
        let texts = [
            "old ultimatums",
            "Russia is tabling old ultimatums again, the minister said",
        ];
        let c = Compared::new(&texts);
        assert_eq!(c.overlap(0, 1), 1.0);
    }

    #[test]
    fn empty_texts_compare_as_zero() {
        let c = Compared::new(&["", "the"]);
        assert_eq!(c.similarity(0, 1), 0.0);
        assert_eq!(c.cosine(0, 5), 0.0);
    }
}
