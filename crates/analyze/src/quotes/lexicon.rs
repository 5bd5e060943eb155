//! The cue lexicon: verbs and phrases that introduce reported speech, with
//! their lemma, speech act and syntactic frame, compiled in from
//! `data/cues.tsv` and matched against word sequences.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use parallax_core::SpeechAct;

/// How a cue relates to its source and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// The content follows the cue directly ("said Russia was ready").
    Clause,
    /// A listener or target sits between the cue and the content ("told
    /// reporters that…", "accused Moscow of…").
    Object,
    /// The source follows the cue and the content is the rest of the
    /// sentence ("according to Zelenskyy, …").
    SourceAfter,
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub(crate) struct CueEntry {
    pub lemma: String,
    pub act: SpeechAct,
    pub frame: Frame,
}

/// All entries, indexed by the lower-cased first word of each form.
pub(crate) struct Lexicon {
    entries: Vec<CueEntry>,
    /// First word → (all words of the form, entry index), longest forms first.
    forms: HashMap<String, Vec<(Vec<String>, usize)>>,
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| Lexicon::parse(include_str!("../../data/cues.tsv")));

static COLON: Lazy<CueEntry> = Lazy::new(|| CueEntry {
    lemma: "say".to_owned(),
    act: SpeechAct::Claim,
    frame: Frame::Clause,
});

/// The entry used when a colon introduces a quote ("Zelensky: ‘We will…’").
pub(crate) fn colon_entry() -> &'static CueEntry {
    &COLON
}

/// The compiled-in lexicon.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// Parses the TSV; malformed lines are skipped (the file is ours and a
    /// unit test checks that every line parses).
    fn parse(tsv: &str) -> Lexicon {
        let mut entries = Vec::new();
        let mut forms: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
        for line in tsv.lines() {
            let Some(entry_forms) = parse_line(line) else {
                continue;
            };
            let (entry, line_forms) = entry_forms;
            let index = entries.len();
            entries.push(entry);
            for form in line_forms {
                let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
                if let Some(first) = words.first() {
                    forms.entry(first.clone()).or_default().push((words, index));
                }
            }
        }
        for candidates in forms.values_mut() {
            candidates.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
        }
        Lexicon { entries, forms }
    }

    /// The longest cue form starting at `words[0]`, as (entry, number of
    /// words matched). `words` are lower-cased.
    pub(crate) fn match_at(&self, words: &[&str]) -> Option<(&CueEntry, usize)> {
        let first = words.first()?;
        let candidates = self.forms.get(*first)?;
        candidates.iter().find_map(|(form, index)| {
            let matches = form.len() <= words.len() && form.iter().zip(words).all(|(f, w)| f == w);
            matches.then(|| (&self.entries[*index], form.len()))
        })
    }

    /// Number of entries (for tests).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

fn parse_line(line: &str) -> Option<(CueEntry, Vec<&str>)> {
    let line = line.trim_end();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let mut columns = line.split('\t');
    let lemma = columns.next()?.trim();
    let act = parse_act(columns.next()?.trim())?;
    let frame = match columns.next()?.trim() {
        "clause" => Frame::Clause,
        "object" => Frame::Object,
        "source-after" => Frame::SourceAfter,
        _ => return None,
    };
    let forms = columns
        .next()?
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    Some((
        CueEntry {
            lemma: lemma.to_owned(),
            act,
            frame,
        },
        forms,
    ))
}

fn parse_act(name: &str) -> Option<SpeechAct> {
    Some(match name {
        "claim" => SpeechAct::Claim,
        "denial" => SpeechAct::Denial,
        "accusation" => SpeechAct::Accusation,
        "invitation" => SpeechAct::Invitation,
        "demand" => SpeechAct::Demand,
        "warning" => SpeechAct::Warning,
        "commitment" => SpeechAct::Commitment,
        "question" => SpeechAct::Question,
        "announcement" => SpeechAct::Announcement,
        "writing" => SpeechAct::Writing,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_lexicon_parses() {
        let tsv = include_str!("../../data/cues.tsv");
        let data_lines = tsv
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(lexicon().len(), data_lines);
    }

    #[test]
    fn prefers_the_longest_form() {
        let (entry, len) = lexicon().match_at(&["called", "for", "talks"]).expect("cue");
        assert_eq!((entry.lemma.as_str(), len), ("call for", 2));
        let (entry, len) = lexicon().match_at(&["called", "it"]).expect("cue");
        assert_eq!((entry.lemma.as_str(), len), ("call", 1));
        assert!(lexicon().match_at(&["table"]).is_none());
    }
}
