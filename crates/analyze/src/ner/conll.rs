//! Reading NER corpora in CoNLL column format (CoNLL-2003, wikigold,
//! WikiANN) into documents of sentences of tokens with gold entities.
//!
//! The token is the first column (WikiANN's `en:` prefix removed), the NER
//! tag the last; `-DOCSTART-` lines separate documents and blank lines
//! sentences. Tags may be IOB1 (CoNLL-2003: `B-` only between two adjacent
//! entities of one type) or IOB2 (`B-` on every first token); both are read
//! by starting an entity on `B-`, or on `I-` after a different tag.

use super::tags::{NerLabel, TokenEntity};

/// One annotated sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotatedSentence {
    /// The tokens as written.
    pub tokens: Vec<String>,
    /// Gold entities over the tokens.
    pub entities: Vec<TokenEntity>,
}

/// One document: sentences that share context.
pub type AnnotatedDocument = Vec<AnnotatedSentence>;

/// Parses a CoNLL-format corpus. With `sentence_per_document` (WikiANN,
/// whose sentences are unrelated) every sentence is its own document.
pub fn parse(text: &str, sentence_per_document: bool) -> Vec<AnnotatedDocument> {
    let mut documents: Vec<AnnotatedDocument> = Vec::new();
    let mut document = AnnotatedDocument::new();
    let mut sentence = SentenceBuilder::default();
    for line in text.lines() {
        let mut columns = line.split_whitespace();
        let Some(first) = columns.next() else {
            sentence.finish_into(&mut document);
            if sentence_per_document && !document.is_empty() {
                documents.push(std::mem::take(&mut document));
            }
            continue;
        };
        if first == "-DOCSTART-" {
            sentence.finish_into(&mut document);
            if !document.is_empty() {
                documents.push(std::mem::take(&mut document));
            }
            continue;
        }
        let tag = columns.next_back().unwrap_or("O");
        let token = first
            .strip_prefix("en:")
            .filter(|t| !t.is_empty())
            .unwrap_or(first);
        sentence.push(token, tag);
    }
    sentence.finish_into(&mut document);
    if !document.is_empty() {
        documents.push(document);
    }
    documents
}

#[derive(Default)]
struct SentenceBuilder {
    sentence: AnnotatedSentence,
    open: Option<(usize, NerLabel)>,
}

impl SentenceBuilder {
    fn push(&mut self, token: &str, tag: &str) {
        let index = self.sentence.tokens.len();
        self.sentence.tokens.push(token.to_owned());
        let (prefix, label) = match tag.split_once('-') {
            Some((prefix, label)) => (prefix, NerLabel::parse(label)),
            None => ("O", None),
        };
        let continues =
            matches!((self.open, label), (Some((_, open)), Some(l)) if open == l) && prefix == "I";
        if continues {
            return;
        }
        self.close(index);
        if let Some(label) = label {
            self.open = Some((index, label));
        }
    }

    fn close(&mut self, end: usize) {
        if let Some((start, label)) = self.open.take() {
            self.sentence.entities.push(TokenEntity { start, end, label });
        }
    }

    fn finish_into(&mut self, document: &mut AnnotatedDocument) {
        let end = self.sentence.tokens.len();
        self.close(end);
        if end > 0 {
            document.push(std::mem::take(&mut self.sentence));
        }
        self.open = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_documents() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\
                    John NNP I-NP I-PER\nSmith NNP I-NP I-PER\nMary NNP I-NP B-PER\n\n-DOCSTART- -X- O O\n\n\
                    Paris NNP I-NP I-LOC\n";
        let documents = parse(text, false);
        assert_eq!(documents.len(), 2);
        let first = &documents[0][0];
        assert_eq!(first.tokens, ["EU", "rejects", "German", "John", "Smith", "Mary"]);
        assert_eq!(
            first.entities,
            [
                TokenEntity {
                    start: 0,
                    end: 1,
                    label: NerLabel::Org
                },
                TokenEntity {
                    start: 2,
                    end: 3,
                    label: NerLabel::Misc
                },
                TokenEntity {
                    start: 3,
                    end: 5,
                    label: NerLabel::Per
                },
                TokenEntity {
                    start: 5,
                    end: 6,
                    label: NerLabel::Per
                },
            ]
        );
        assert_eq!(
            documents[1][0].entities,
            [TokenEntity {
                start: 0,
                end: 1,
                label: NerLabel::Loc
            }]
        );
    }

    #[test]
    fn reads_wikiann_iob2_as_one_document_per_sentence() {
        let text = "en:R.H.\tB-ORG\nen:Saunders\tI-ORG\nen:(\tO\n\nen:Kyiv\tB-LOC\n";
        let documents = parse(text, true);
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0][0].tokens, ["R.H.", "Saunders", "("]);
        assert_eq!(
            documents[0][0].entities,
            [TokenEntity {
                start: 0,
                end: 2,
                label: NerLabel::Org
            }]
        );
    }
}
