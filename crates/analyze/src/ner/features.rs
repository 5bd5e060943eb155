//! Feature extraction for the NER tagger: what the model sees of a token,
//! its sentence and its document, as hashed feature ids.
//!
//! Two kinds of features. *Static* ones depend only on the text: the word
//! and its lower-cased, digit-normalised form, word shape, prefixes and
//! suffixes, the words and shapes around it (±2), capitalisation flags,
//! sentence-initial and headline (all-caps sentence) position, gazetteer
//! matches, and document evidence (is the word capitalised mid-sentence, or
//! written in lower case, elsewhere in the article?). *Dynamic* ones depend
//! on the tagger's own earlier decisions: the previous one and two tags, and
//! the types earlier tagged on the same word in the document (Ratinov &
//! Roth's "extended prediction history", which lets "Zelenskyy" inherit the
//! PER of "Volodymyr Zelenskyy" three paragraphs up).
//!
//! Training and run time call the same functions; only token strings,
//! sentence grouping and document grouping go in, so CoNLL's pre-tokenized
//! text and the run-time tokenizer's output are treated alike.

use super::gazetteer::{kind, Gazetteer, Match};
use super::hashing::{combine, hash_str, FeatureHash, HashKeyMap};
use super::tags::{NerLabel, Tag};

/// Capitalisation and character-class flags of a token.
mod flag {
    pub const INIT_CAP: u16 = 1;
    pub const ALL_CAPS: u16 = 2;
    pub const ALL_LOWER: u16 = 4;
    pub const MIXED_CASE: u16 = 8;
    pub const HAS_DIGIT: u16 = 16;
    pub const ALL_DIGITS: u16 = 32;
    pub const HAS_HYPHEN: u16 = 64;
    pub const HAS_PERIOD: u16 = 128;
    pub const HAS_APOSTROPHE: u16 = 256;
    pub const NO_ALPHANUMERIC: u16 = 512;
    pub const SINGLE_CHAR: u16 = 1024;
    pub const COUNT: u8 = 11;
}

/// What the features see of one token.
#[derive(Debug, Clone)]
pub struct TokenView {
    /// The token lower-cased, typographic marks made plain, digits replaced
    /// by `0` (for affixes).
    lower: String,
    /// The token lower-cased, typographic marks made plain, digits kept: the
    /// gazetteer key.
    pub key: String,
    flags: u16,
    hashes: TokenHashes,
}

/// Hashes of a token's strings, computed once and combined into features.
#[derive(Debug, Clone, Copy)]
struct TokenHashes {
    form: u64,
    lower: u64,
    key: u64,
    shape: u64,
    short_shape: u64,
}

/// Character classes of a token: `X` upper, `x` lower, `d` digit, other
/// characters as themselves.
struct Shapes {
    /// Runs longer than 4 cut ("Xxxxx", "dd,ddd").
    shape: String,
    /// Runs collapsed ("Xx", "d,d").
    short: String,
    upper: usize,
    lower: usize,
    digits: usize,
    alphanumeric: usize,
    chars: usize,
}

fn shapes(form: &str) -> Shapes {
    let mut shapes = Shapes {
        shape: String::with_capacity(form.len()),
        short: String::with_capacity(8),
        upper: 0,
        lower: 0,
        digits: 0,
        alphanumeric: 0,
        chars: 0,
    };
    let (mut run_class, mut run_len) = ('\0', 0);
    for c in form.chars() {
        shapes.chars += 1;
        let class = if c.is_uppercase() {
            shapes.upper += 1;
            'X'
        } else if c.is_lowercase() {
            shapes.lower += 1;
            'x'
        } else if c.is_numeric() {
            shapes.digits += 1;
            'd'
        } else if c.is_alphabetic() {
            'x'
        } else {
            c
        };
        if c.is_alphanumeric() {
            shapes.alphanumeric += 1;
        }
        if class == run_class {
            run_len += 1;
        } else {
            run_class = class;
            run_len = 1;
            shapes.short.push(class);
        }
        if run_len <= 4 {
            shapes.shape.push(class);
        }
    }
    shapes
}

impl TokenView {
    /// The view of one token's text.
    pub fn new(raw: &str) -> TokenView {
        let form = normalize(raw);
        let key = form.to_lowercase();
        let lower: String = key
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        let s = shapes(&form);
        let first_upper = form.chars().next().is_some_and(char::is_uppercase);
        let letters = s.upper + s.lower;
        let conditions = [
            (flag::INIT_CAP, first_upper),
            (flag::ALL_CAPS, letters > 0 && s.lower == 0),
            (flag::ALL_LOWER, letters > 0 && s.upper == 0),
            (
                flag::MIXED_CASE,
                s.upper > 0 && s.lower > 0 && !(first_upper && s.upper == 1),
            ),
            (flag::HAS_DIGIT, s.digits > 0),
            (flag::ALL_DIGITS, s.digits > 0 && s.digits == s.alphanumeric),
            (flag::HAS_HYPHEN, form.contains('-')),
            (flag::HAS_PERIOD, form.contains('.')),
            (flag::HAS_APOSTROPHE, form.contains('\'')),
            (flag::NO_ALPHANUMERIC, s.alphanumeric == 0),
            (flag::SINGLE_CHAR, s.chars == 1),
        ];
        let flags = conditions
            .iter()
            .filter(|(_, holds)| *holds)
            .fold(0, |flags, (bit, _)| flags | bit);
        let hashes = TokenHashes {
            form: hash_str(&form),
            lower: hash_str(&lower),
            key: hash_str(&key),
            shape: hash_str(&s.shape),
            short_shape: hash_str(&s.short),
        };
        TokenView {
            lower,
            key,
            flags,
            hashes,
        }
    }

    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Capitalised or all-caps: could start a name.
    pub fn is_capitalized(&self) -> bool {
        self.has(flag::INIT_CAP) || self.has(flag::ALL_CAPS)
    }

    fn is_word(&self) -> bool {
        !self.has(flag::NO_ALPHANUMERIC)
    }
}

/// Plain forms of typographic characters, as in CoNLL's Reuters text.
fn normalize(raw: &str) -> String {
    if raw.is_ascii() {
        return raw.to_owned();
    }
    raw.chars()
        .map(|c| match c {
            '’' | '‘' | '‛' | 'ʼ' | '′' | '‚' => '\'',
            '“' | '”' | '„' | '«' | '»' | '″' => '"',
            '—' | '–' | '―' | '‒' | '‐' | '‑' => '-',
            '…' => '.',
            other => other,
        })
        .collect()
}

/// One sentence prepared for feature extraction.
#[derive(Debug, Clone)]
pub struct SentenceView {
    /// Its tokens.
    pub tokens: Vec<TokenView>,
    /// Mostly upper-case words (a headline): case says nothing here.
    pub headline: bool,
    gazetteer: Vec<Match>,
}

impl SentenceView {
    /// Prepares the tokens of a sentence.
    pub fn new<S: AsRef<str>>(raw: &[S], gazetteer: &Gazetteer) -> SentenceView {
        let tokens: Vec<TokenView> = raw.iter().map(|t| TokenView::new(t.as_ref())).collect();
        let words = tokens
            .iter()
            .filter(|t| t.has(flag::INIT_CAP) || t.has(flag::ALL_LOWER))
            .count();
        let caps = tokens
            .iter()
            .filter(|t| t.has(flag::ALL_CAPS) && !t.has(flag::SINGLE_CHAR))
            .count();
        let headline = caps >= 3 && caps * 2 > words;
        let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
        let matches = gazetteer.matches(&keys, |i| {
            tokens[i].is_capitalized() || tokens[i].has(flag::HAS_DIGIT)
        });
        SentenceView {
            tokens,
            headline,
            gazetteer: matches,
        }
    }
}

/// Evidence from the whole document about how words are written.
#[derive(Debug, Default)]
pub struct DocumentContext {
    /// Keys written capitalised somewhere other than a sentence start or a
    /// headline.
    capitalized_mid_sentence: HashKeyMap<()>,
    /// Keys written in lower case somewhere.
    written_lower: HashKeyMap<()>,
}

impl DocumentContext {
    /// Gathers the evidence from all sentences of a document.
    pub fn new(sentences: &[SentenceView]) -> DocumentContext {
        let mut context = DocumentContext::default();
        for sentence in sentences {
            for (i, token) in sentence.tokens.iter().enumerate() {
                if token.has(flag::ALL_LOWER) {
                    context.written_lower.insert(token.hashes.key, ());
                } else if i > 0
                    && !sentence.headline
                    && token.has(flag::INIT_CAP)
                    && !token.has(flag::ALL_CAPS)
                {
                    context.capitalized_mid_sentence.insert(token.hashes.key, ());
                }
            }
        }
        context
    }
}

/// Entity types the tagger gave each word earlier in the document.
#[derive(Debug, Default)]
pub struct PredictionHistory {
    counts: HashKeyMap<[u16; 4]>,
}

impl PredictionHistory {
    /// Records the tag given to a token.
    pub fn record(&mut self, token: &TokenView, tag: Tag) {
        if !token.is_capitalized() {
            return;
        }
        if let Some(label) = tag.label() {
            let counts = self.counts.entry(token.hashes.key).or_default();
            let slot = &mut counts[label_index(label)];
            *slot = slot.saturating_add(1);
        }
    }

    fn majority(&self, token: &TokenView) -> Option<NerLabel> {
        let counts = self.counts.get(&token.hashes.key)?;
        let (best, count) = counts.iter().enumerate().max_by_key(|(_, c)| **c)?;
        (*count > 0).then(|| NerLabel::ALL[best])
    }
}

fn label_index(label: NerLabel) -> usize {
    NerLabel::ALL.iter().position(|l| *l == label).unwrap_or(0)
}

/// Feature template ids (part of the model format: never renumber).
mod template {
    pub const BIAS: u8 = 1;
    pub const FORM: u8 = 2;
    pub const LOWER: u8 = 3;
    pub const PREV1: u8 = 4;
    pub const NEXT1: u8 = 5;
    pub const PREV2: u8 = 6;
    pub const NEXT2: u8 = 7;
    pub const BIGRAM_PREV: u8 = 8;
    pub const BIGRAM_NEXT: u8 = 9;
    pub const SHAPE: u8 = 10;
    pub const SHAPE_PREV: u8 = 11;
    pub const SHAPE_NEXT: u8 = 12;
    pub const SHAPE_TRIGRAM: u8 = 13;
    pub const PREFIX: u8 = 14;
    pub const SUFFIX: u8 = 15;
    pub const FLAG: u8 = 16;
    pub const INITIAL_SHAPE: u8 = 17;
    pub const HEADLINE_LOWER: u8 = 18;
    pub const DOCUMENT: u8 = 19;
    pub const GAZETTEER: u8 = 20;
    pub const GAZETTEER_NEIGHBOUR: u8 = 21;
    pub const PREV_WORD_SHAPE: u8 = 22;
    pub const SHAPE_NEXT_WORD: u8 = 23;
    pub const TAG1: u8 = 30;
    pub const TAG2: u8 = 31;
    pub const TAG1_LOWER: u8 = 32;
    pub const TAG1_SHAPE: u8 = 33;
    pub const HISTORY: u8 = 34;
    pub const HISTORY_NEXT: u8 = 35;
    pub const HISTORY_PREV: u8 = 36;
}

/// Stand-ins for the words and shapes before the first and after the last
/// token.
const START: u64 = 0x5354_4152_5420_2020;
const END: u64 = 0x454e_4420_2020_2020;

/// Appends the static features of token `i` of `sentence` to `out`.
pub fn static_features(sentence: &SentenceView, i: usize, document: &DocumentContext, out: &mut Vec<u64>) {
    use template as t;
    let tokens = &sentence.tokens;
    let Some(token) = tokens.get(i) else {
        return;
    };
    let at = |offset: isize, part: fn(&TokenHashes) -> u64| -> u64 {
        let j = i as isize + offset;
        if j < 0 {
            START
        } else {
            tokens.get(j as usize).map_or(END, |t| part(&t.hashes))
        }
    };
    let lower = |offset| at(offset, |h| h.lower);
    let short = |offset| at(offset, |h| h.short_shape);
    let h = &token.hashes;
    out.extend_from_slice(&[
        combine(t::BIAS, &[]),
        combine(t::FORM, &[h.form]),
        combine(t::LOWER, &[h.lower]),
        combine(t::PREV1, &[lower(-1)]),
        combine(t::NEXT1, &[lower(1)]),
        combine(t::PREV2, &[lower(-2)]),
        combine(t::NEXT2, &[lower(2)]),
        combine(t::BIGRAM_PREV, &[lower(-1), h.lower]),
        combine(t::BIGRAM_NEXT, &[h.lower, lower(1)]),
        combine(t::SHAPE, &[h.shape]),
        combine(t::SHAPE_PREV, &[short(-1)]),
        combine(t::SHAPE_NEXT, &[short(1)]),
        combine(t::SHAPE_TRIGRAM, &[short(-1), h.short_shape, short(1)]),
        combine(t::PREV_WORD_SHAPE, &[lower(-1), h.short_shape]),
        combine(t::SHAPE_NEXT_WORD, &[h.short_shape, lower(1)]),
    ]);
    if token.is_word() {
        affixes(&token.lower, out);
    }
    for bit in 0..flag::COUNT {
        if token.flags & (1 << bit) != 0 {
            out.push(combine(t::FLAG, &[u64::from(bit)]));
        }
    }
    if i == 0 {
        out.push(combine(t::INITIAL_SHAPE, &[h.short_shape]));
    }
    if sentence.headline {
        out.push(combine(t::HEADLINE_LOWER, &[h.lower]));
    }
    if token.is_capitalized() {
        let code = u8::from(document.capitalized_mid_sentence.contains_key(&h.key))
            | u8::from(document.written_lower.contains_key(&h.key)) << 1
            | u8::from(i == 0) << 2
            | u8::from(sentence.headline) << 3
            | u8::from(token.has(flag::ALL_CAPS)) << 4;
        out.push(combine(t::DOCUMENT, &[u64::from(code)]));
    }
    gazetteer_features(sentence, i, out);
}

/// Prefixes and suffixes of 1–4 characters.
fn affixes(lower: &str, out: &mut Vec<u64>) {
    // FNV is incremental, so each prefix's hash extends the previous one.
    let mut prefix = FeatureHash::template(template::PREFIX);
    for (n, c) in lower.chars().take(4).enumerate() {
        let mut buffer = [0u8; 4];
        for &byte in c.encode_utf8(&mut buffer).as_bytes() {
            prefix = prefix.byte(byte);
        }
        out.push(prefix.byte(n as u8).finish());
    }
    let ends = lower.char_indices().rev().map(|(at, _)| at).take(4);
    for (n, at) in ends.enumerate() {
        out.push(
            FeatureHash::template(template::SUFFIX)
                .byte(n as u8)
                .str(&lower[at..])
                .finish(),
        );
    }
}

fn gazetteer_features(sentence: &SentenceView, i: usize, out: &mut Vec<u64>) {
    for m in &sentence.gazetteer {
        let position = if m.end - m.start == 1 {
            b'U'
        } else if i == m.start {
            b'B'
        } else if i + 1 == m.end {
            b'L'
        } else {
            b'I'
        };
        let neighbour = if i + 1 == m.start {
            Some(b'>')
        } else if i == m.end {
            Some(b'<')
        } else {
            None
        };
        for (bit, name) in kind::NAMES {
            if m.kinds & bit == 0 {
                continue;
            }
            if (m.start..m.end).contains(&i) {
                out.push(
                    FeatureHash::template(template::GAZETTEER)
                        .str(name)
                        .byte(position)
                        .finish(),
                );
            } else if let Some(side) = neighbour {
                out.push(
                    FeatureHash::template(template::GAZETTEER_NEIGHBOUR)
                        .str(name)
                        .byte(side)
                        .finish(),
                );
            }
        }
    }
}

/// Appends the features that depend on earlier decisions: the previous
/// tags of the sentence and the types given to the same words before.
pub fn dynamic_features(
    sentence: &SentenceView,
    i: usize,
    previous: &[Tag],
    history: &PredictionHistory,
    out: &mut Vec<u64>,
) {
    use template as t;
    let Some(token) = sentence.tokens.get(i) else {
        return;
    };
    let tag_at = |back: usize| -> u8 {
        if i >= back {
            previous.get(i - back).map_or(0xff, |t| t.index() as u8)
        } else {
            0xfe
        }
    };
    let (t1, t2) = (u64::from(tag_at(1)), u64::from(tag_at(2)));
    out.extend_from_slice(&[
        combine(t::TAG1, &[t1]),
        combine(t::TAG2, &[t2, t1]),
        combine(t::TAG1_LOWER, &[t1, token.hashes.lower]),
        combine(t::TAG1_SHAPE, &[t1, token.hashes.short_shape]),
    ]);
    if let Some(label) = history.majority(token) {
        out.push(combine(t::HISTORY, &[label_index(label) as u64]));
    }
    for (id, offset) in [(t::HISTORY_NEXT, 1isize), (t::HISTORY_PREV, -1)] {
        let neighbour = sentence.tokens.get((i as isize + offset) as usize);
        if let Some(label) = neighbour.and_then(|n| history.majority(n)) {
            out.push(combine(id, &[label_index(label) as u64]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_capture_shape_case_and_normalisation() {
        let view = TokenView::new("Zelenskyy’s");
        assert_eq!(normalize("Zelenskyy’s"), "Zelenskyy's");
        assert_eq!(shapes("Zelenskyy's").shape, "Xxxxx'x");
        assert_eq!(shapes("Zelenskyy's").short, "Xx'x");
        assert_eq!(view.key, "zelenskyy's");
        assert!(view.is_capitalized());
        let number = TokenView::new("1,436");
        assert_eq!(number.lower, "0,000");
        assert_eq!(number.key, "1,436");
        assert!(number.has(flag::ALL_DIGITS));
        assert!(TokenView::new("NATO").has(flag::ALL_CAPS));
        assert!(TokenView::new("iPhone").has(flag::MIXED_CASE));
        assert!(!TokenView::new("Kyiv").has(flag::MIXED_CASE));
    }

    #[test]
    fn detects_headlines_and_document_evidence() {
        let gazetteer = Gazetteer::default();
        let headline = SentenceView::new(&["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"], &gazetteer);
        let body = SentenceView::new(&["Japan", "beat", "Syria", "in", "Japan", "."], &gazetteer);
        assert!(headline.headline);
        assert!(!body.headline);
        let document = DocumentContext::new(&[headline, body]);
        assert!(document.capitalized_mid_sentence.contains_key(&hash_str("japan")));
        assert!(document.written_lower.contains_key(&hash_str("beat")));
        assert!(!document
            .capitalized_mid_sentence
            .contains_key(&hash_str("soccer")));
    }

    #[test]
    fn features_differ_with_context() {
        let gazetteer = Gazetteer::default();
        let document = DocumentContext::default();
        let a = SentenceView::new(&["President", "Macron", "spoke"], &gazetteer);
        let b = SentenceView::new(&["Mr", "Macron", "spoke"], &gazetteer);
        let (mut fa, mut fb) = (Vec::new(), Vec::new());
        static_features(&a, 1, &document, &mut fa);
        static_features(&b, 1, &document, &mut fb);
        assert_eq!(fa.len(), fb.len());
        assert_ne!(fa, fb);
        assert_eq!(fa[2], fb[2], "the word's own lower-case feature is shared");
    }
}
