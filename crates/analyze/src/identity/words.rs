//! The words of a body as identity resolution sees them: byte spans, folded
//! form, capitalisation, a trailing possessive split off ("Kyiv’s" → "Kyiv"
//! + possessive) and the sentence each word is in.

use parallax_core::{Sentence, Span};

use crate::gazetteer::fold::fold_word;

/// One word.
#[derive(Debug, Clone)]
pub(crate) struct Word<'a> {
    /// Span without the possessive ending.
    pub span: Span,
    /// The word as written (without the possessive ending).
    pub text: &'a str,
    /// Folded form ([`fold_word`]).
    pub folded: String,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// Followed by "'s" / "’s" (or a bare apostrophe after -s).
    pub possessive: bool,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// First word of its sentence.
    pub sentence_start: bool,
    /// Between an opening and a closing quotation mark.
    pub quoted: bool,
    /// Directly after "[": an editor's insertion ("Donald [Trump]").
    pub opens_insertion: bool,
    /// Directly before "]".
    pub closes_insertion: bool,
}

impl Word<'_> {
    /// Lower-case form as written, for closed word lists.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '.' | '‑')
}

/// Splits `body` into words. `sentences` decides sentence indices; when it
/// is empty, sentence ends are guessed from `.`, `!`, `?` and line breaks.
pub(crate) fn scan<'a>(body: &'a str, sentences: &[Sentence]) -> Vec<Word<'a>> {
    let mut words = Vec::new();
    let mut chars = body.char_indices().peekable();
    let mut sentence = 0usize;
    let mut guessed_boundary = true;
    let mut quoted = false;
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            if matches!(c, '“' | '”' | '"' | '«' | '»') {
                quoted = match c {
                    '“' | '«' => true,
                    '”' | '»' => false,
                    _ => !quoted,
                };
            }
            if matches!(c, '.' | '!' | '?' | '\n') {
                guessed_boundary = true;
            }
            if c == '\n' {
                // A quotation never runs past its paragraph unclosed: a quote
                // continued in the next paragraph opens again there, and a
                // stray straight quote must not flip the rest of the article.
                quoted = false;
            }
            continue;
        }
        let mut end = start + c.len_utf8();
        // Extend over letters and joiners that sit between letters.
        loop {
            let mut lookahead = chars.clone();
            match lookahead.next() {
                Some((i, n)) if is_word_char(n) => {
                    chars.next();
                    end = i + n.len_utf8();
                }
                Some((i, n)) if is_joiner(n) => match lookahead.next() {
                    Some((_, m)) if is_word_char(m) => {
                        chars.next();
                        end = i + n.len_utf8();
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        let raw = &body[start..end];
        let (text, possessive) = split_possessive(raw);
        let span = Span::new(start, start + text.len());
        let index = sentence_of(sentences, start).unwrap_or_else(|| {
            if guessed_boundary && !words.is_empty() {
                sentence += 1;
            }
            sentence
        });
        let sentence_start = words.last().is_none_or(|w: &Word| w.sentence != index);
        guessed_boundary = false;
        let possessive = possessive || (text.ends_with('s') && body[end..].starts_with(['\'', '’']));
        words.push(Word {
            span,
            text,
            folded: fold_word(text),
            capitalized: text.chars().next().is_some_and(char::is_uppercase),
            possessive,
            sentence: index,
            sentence_start,
            quoted,
            opens_insertion: body[..start].ends_with('['),
            closes_insertion: body[span.end..].starts_with(']'),
        });
    }
    words
}

fn split_possessive(raw: &str) -> (&str, bool) {
    for ending in ["'s", "’s", "ʼs"] {
        if let Some(stem) = raw.strip_suffix(ending) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (raw, false)
}

fn sentence_of(sentences: &[Sentence], at: usize) -> Option<usize> {
    if sentences.is_empty() {
        return None;
    }
    let i = sentences.partition_point(|s| s.span.end <= at);
    Some(i.min(sentences.len() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_possessives_and_keeps_spans() {
        let body = "Kyiv’s air force said. Moscow's “big” U.S. plan";
        let words = scan(body, &[]);
        let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            ["Kyiv", "air", "force", "said", "Moscow", "big", "U.S", "plan"]
        );
        assert!(words[0].possessive && words[4].possessive);
        assert_eq!(words[4].sentence, 1);
        assert!(words[4].sentence_start && !words[5].sentence_start);
        assert!(words[5].quoted && !words[6].quoted);
        assert!(!words[0].opens_insertion && !words[0].closes_insertion);
        for w in &words {
            assert_eq!(&body[w.span.start..w.span.end], w.text);
        }
    }

    #[test]
    fn marks_editorial_brackets() {
        let words = scan("Donald [Trump] said [it] was fine", &[]);
        assert!(words[1].opens_insertion && words[1].closes_insertion);
        assert!(!words[0].opens_insertion && !words[0].closes_insertion);
        assert!(words[3].opens_insertion && !words[4].opens_insertion);
    }
}
