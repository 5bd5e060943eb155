//! The verb dictionary: blocks of synonymous verbs, each with a default code
//! and patterns, in PETRARCH's format (`--- NAME [code] ---` headers, one verb
//! per line with optional `{irregular forms}` and `[code]`, multi-word verbs
//! joined by `_` with `+` on the verb word, `- …` pattern lines, `&NAME`
//! synonym sets with `+member` lines).

use std::collections::HashMap;

use super::forms::verb_forms;
use super::pattern::{CodePair, Pattern, Synsets};
use super::{bracketed, phrase_words, strip_comment};

/// One surface form of a verb ("INVITED", "ASKED FOR").
#[derive(Debug, Clone)]
pub struct VerbForm {
    /// Its words, upper-case.
    pub words: Vec<String>,
    /// Index in `words` of the verb proper.
    pub head: usize,
    /// Index of its block in [`VerbDictionary::blocks`].
    pub block: usize,
    /// The verb's own code, overriding the block's.
    pub code: Option<CodePair>,
    /// The verb's base form ("INVITE"), for readable output.
    pub lemma: String,
}

/// A block of synonymous verbs.
#[derive(Debug, Clone, Default)]
pub struct Block {
    /// The block's name (its first verb).
    pub name: String,
    /// Default code of the block.
    pub code: Option<CodePair>,
    /// Patterns, tried most specific first.
    pub patterns: Vec<Pattern>,
}

/// A whole verb dictionary (one or more files merged).
#[derive(Debug, Default)]
pub struct VerbDictionary {
    /// Verb blocks.
    pub blocks: Vec<Block>,
    /// Surface forms by their first word.
    forms: HashMap<String, Vec<VerbForm>>,
    /// Synonym sets.
    pub synsets: Synsets,
}

enum State {
    Synset(String),
    Block,
    Outside,
}

impl VerbDictionary {
    /// Parses and adds one dictionary text; later texts add blocks, and their
    /// patterns apply to verbs of the same spelling too.
    pub fn add(&mut self, text: &str) {
        let mut state = State::Outside;
        for raw in text.lines() {
            let trimmed = raw.trim();
            if trimmed.starts_with('<') || trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(header) = trimmed.strip_prefix("---") {
                let name = header.split('[').next().unwrap_or("").trim().to_owned();
                let code = bracketed(header).map(CodePair::parse).filter(|c| !c.is_null());
                self.blocks.push(Block {
                    name,
                    code,
                    patterns: Vec::new(),
                });
                state = State::Block;
                continue;
            }
            let line = strip_comment(trimmed);
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('&').filter(|_| !line.starts_with("- ")) {
                let name = format!(
                    "&{}",
                    name.split_whitespace()
                        .next()
                        .unwrap_or("")
                        .trim_end_matches('_')
                        .to_uppercase()
                );
                self.synsets.entry(name.clone()).or_default();
                state = State::Synset(name);
                continue;
            }
            match &state {
                State::Synset(name) => {
                    if let Some(member) = line.strip_prefix('+') {
                        let words = phrase_words(member.split('[').next().unwrap_or(""));
                        if !words.is_empty() {
                            self.synsets.entry(name.clone()).or_default().push(words);
                        }
                    }
                }
                State::Block => {
                    let block = self.blocks.len() - 1;
                    if line.starts_with('-') {
                        if let Some(p) = Pattern::parse(line) {
                            self.blocks[block].patterns.push(p);
                        }
                    } else {
                        self.add_verb_line(line, block);
                    }
                }
                State::Outside => {}
            }
        }
        for block in &mut self.blocks {
            block.patterns.sort_by_key(|p| std::cmp::Reverse(p.weight()));
        }
    }

    fn add_verb_line(&mut self, line: &str, block: usize) {
        let code = bracketed(line).map(CodePair::parse);
        let without_code = line.split('[').next().unwrap_or("");
        let (head_text, irregular) = match without_code.split_once('{') {
            Some((head, rest)) => (head, Some(rest.split('}').next().unwrap_or(""))),
            None => (without_code, None),
        };
        let Some(entry) = head_text.split_whitespace().next() else {
            return;
        };
        let (words, head) = marked_words(entry);
        let Some(verb) = words.get(head).cloned() else {
            return;
        };
        let mut surfaces: Vec<(Vec<String>, usize)> = Vec::new();
        let listed: Vec<&str> = irregular
            .map(|i| i.split([' ', ',']).filter(|f| !f.is_empty()).collect())
            .unwrap_or_default();
        if irregular.is_some() {
            surfaces.push((words.clone(), head));
            for form in listed {
                let (w, h) = if form.contains('_') {
                    marked_words(form)
                } else {
                    let mut w = words.clone();
                    w[head] = form.to_uppercase();
                    (w, head)
                };
                surfaces.push((w, h));
            }
        } else {
            for form in verb_forms(&verb) {
                let mut w = words.clone();
                w[head] = form;
                surfaces.push((w, head));
            }
        }
        if self.blocks[block].name.is_empty() {
            self.blocks[block].name = verb.clone();
        }
        for (words, head) in surfaces {
            let Some(first) = words.first().cloned() else {
                continue;
            };
            self.forms.entry(first).or_default().push(VerbForm {
                words,
                head,
                block,
                code: code.clone(),
                lemma: verb.clone(),
            });
        }
    }

    /// The longest verb form starting at word `i` of `words` (upper-case).
    pub fn verb_at(&self, words: &[String], i: usize) -> Option<&VerbForm> {
        let first = words.get(i)?;
        self.forms
            .get(first)?
            .iter()
            .filter(|f| {
                words
                    .get(i..i + f.words.len())
                    .is_some_and(|w| w == f.words.as_slice())
            })
            .max_by_key(|f| f.words.len())
    }

    /// Every form sharing the spelling of `form`, in all blocks (a verb listed
    /// in two blocks takes the patterns of both).
    pub fn senses<'a>(&'a self, form: &'a VerbForm) -> impl Iterator<Item = &'a VerbForm> {
        self.forms
            .get(&form.words[0])
            .into_iter()
            .flatten()
            .filter(move |f| f.words == form.words)
    }
}

/// "KLM_NOP_+RST" → (["KLM","NOP","RST"], 2); "+ASK_FOR" → (["ASK","FOR"], 0).
fn marked_words(entry: &str) -> (Vec<String>, usize) {
    let pieces: Vec<&str> = entry.split('_').filter(|p| !p.is_empty()).collect();
    let head = pieces.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    (
        pieces
            .iter()
            .map(|p| p.trim_start_matches('+').to_uppercase())
            .collect(),
        head,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
&CEASEFIRE
+TRUCE
+CEASE_FIRE

---  AGREE   [050]  ---
AGREE
+SIGN_UP {+SIGNED_UP}  [057]
- * (TO &CEASEFIRE)                     [0356]        # AGREE

---  MEET   [040]  ---
MEET {MEETS MET MEETING}
";

    fn dict() -> VerbDictionary {
        let mut d = VerbDictionary::default();
        d.add(SAMPLE);
        d
    }

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    #[test]
    fn reads_blocks_forms_and_synsets() {
        let d = dict();
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(
            d.synsets["&CEASEFIRE"][1],
            vec!["CEASE".to_owned(), "FIRE".to_owned()]
        );
        let w = words("they agreed to a truce");
        let form = d.verb_at(&w, 1).expect("agreed");
        assert_eq!(form.lemma, "AGREE");
        assert_eq!(d.blocks[form.block].patterns.len(), 1);
        assert!(d.verb_at(&words("they met"), 1).is_some());
        assert!(
            d.verb_at(&words("they meeted"), 1).is_none(),
            "irregular forms replace regular ones"
        );
        let signed = d.verb_at(&words("they signed up"), 1).expect("multi-word");
        assert_eq!(
            (signed.words.len(), signed.code.clone().and_then(|c| c.forward)),
            (2, Some("057".into()))
        );
    }
}
