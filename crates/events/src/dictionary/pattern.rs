//! Verb patterns ("- * (TO &CEASEFIRE) [0356]") and their matching against
//! the words around a verb.
//!
//! Matching follows TABARI's shallow reading, which the dictionaries were
//! written for: the words of a pattern must occur in order within the
//! clause, gaps allowed, except where `_` joins two pattern words (they must
//! be adjacent); a pattern word of four letters or more matches as a stem
//! ("TROOP" matches "TROOPS") unless it ends in `_`; `&NAME` matches any
//! member of a synonym set; `+` and `$` mark where the target and the source
//! actor stand; `^` skips one noun phrase (its determiners and one actor or
//! word: "IFTAR IN ^ +" takes Gondor in "Iftar in Osgiliath with the leaders
//! of Gondor"); `%` before the verb asks for a compound subject.
//! Parentheses and braces only group for the parser and are ignored.

use std::collections::HashMap;

/// Synonym sets: name (with `&`) → members, each as upper-case words.
pub type Synsets = HashMap<String, Vec<Vec<String>>>;

/// An event code and the code of its reverse event: "[042:043]" codes a visit
/// from source to target and a hosted visit from target to source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodePair {
    /// Code of the source → target event; `None` for `---` (no event).
    pub forward: Option<String>,
    /// Code of the target → source event, when the pattern pairs one.
    pub reverse: Option<String>,
}

impl CodePair {
    /// Parses the inside of "[042:043]", "[---]", "[:173]".
    pub fn parse(text: &str) -> CodePair {
        let mut parts = text.split(':').map(|p| p.trim());
        let code = |p: Option<&str>| {
            p.filter(|c| !c.is_empty() && !c.starts_with('-'))
                .map(str::to_owned)
        };
        CodePair {
            forward: code(parts.next()),
            reverse: code(parts.next()),
        }
    }

    /// True when the pair codes no event at all.
    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// A word; `exact` when it may not match as a stem.
    Word {
        /// Upper-case text.
        text: String,
        /// Must match the whole word.
        exact: bool,
    },
    /// A synonym set, by name with its `&`.
    Synset(String),
    /// Where the target actor stands.
    Target,
    /// Where the source actor stands.
    Source,
    /// A noun phrase to skip (`^`).
    Skip,
}

/// An atom and whether it must directly follow the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What to match.
    pub atom: Atom,
    /// Joined to the previous element (or the verb) by `_`.
    pub adjacent: bool,
}

/// A pattern of one verb block.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Elements before the verb, in reading order.
    pub before: Vec<Step>,
    /// Whether the verb itself is joined by `_` to the element before it.
    pub verb_adjacent_before: bool,
    /// Elements after the verb, in reading order.
    pub after: Vec<Step>,
    /// The codes it assigns.
    pub code: CodePair,
    /// `%` before the verb: the pattern needs a compound subject, whose
    /// members act on each other ("Gondor and Rohan agree").
    pub compound: bool,
}

impl Pattern {
    /// Parses a pattern line ("- * (TO &CEASEFIRE) [0356] # AGREE").
    pub fn parse(line: &str) -> Option<Pattern> {
        let body = line.trim_start().strip_prefix('-')?;
        let code = CodePair::parse(super::bracketed(body)?);
        let words = body.split('[').next().unwrap_or("");
        let mut before = Vec::new();
        let mut after = Vec::new();
        let mut seen_verb = false;
        let mut verb_adjacent_before = false;
        let mut compound = false;
        for token in words.split_whitespace() {
            let token: String = token.chars().filter(|c| !"(){}".contains(*c)).collect();
            let pieces: Vec<&str> = token.split('_').collect();
            for (i, piece) in pieces.iter().enumerate() {
                // "LIBYA_": the trailing empty piece marks an exact word.
                let exact = pieces.get(i + 1).is_some_and(|next| next.is_empty()) && i + 2 == pieces.len();
                let adjacent = i > 0 && !pieces[i - 1].is_empty();
                let atom = match *piece {
                    "%" if !seen_verb => {
                        compound = true;
                        continue;
                    }
                    "" | "%" => continue,
                    "^" => Atom::Skip,
                    "*" => {
                        seen_verb = true;
                        verb_adjacent_before = adjacent;
                        continue;
                    }
                    "+" => Atom::Target,
                    "$" => Atom::Source,
                    p if p.starts_with('&') => Atom::Synset(p.to_uppercase()),
                    p => Atom::Word {
                        text: p.to_uppercase(),
                        exact,
                    },
                };
                let step = Step { atom, adjacent };
                if seen_verb {
                    after.push(step);
                } else {
                    before.push(step);
                }
            }
        }
        seen_verb.then_some(Pattern {
            before,
            verb_adjacent_before,
            after,
            code,
            compound,
        })
    }

    /// How specific the pattern is: its words and actor slots.
    pub fn weight(&self) -> usize {
        self.before.len() + self.after.len()
    }
}

/// What a pattern is matched against: one clause's upper-case words and the
/// word ranges `[start, end)` of the actors in it.
pub struct MatchInput<'a> {
    /// Upper-case words of the sentence.
    pub words: &'a [String],
    /// Actor word ranges, sorted by start.
    pub actors: &'a [(usize, usize)],
    /// Synonym sets of the dictionary.
    pub synsets: &'a Synsets,
    /// Words that are part of a name in the text (capitalised inside the
    /// sentence: "World War 2"); a synonym set's members are common words
    /// ("war" of `&FIGHT`) and do not match them. Empty: no word is.
    pub names: &'a [bool],
    /// First word of the clause.
    pub lo: usize,
    /// One past the last word of the clause.
    pub hi: usize,
}

/// Where a pattern matched: the actors its `+` and `$` slots took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatternMatch {
    /// Index into `MatchInput::actors` of the target slot.
    pub target: Option<usize>,
    /// Index into `MatchInput::actors` of the source slot.
    pub source: Option<usize>,
    /// One past the last word the pattern used after the verb.
    pub end: usize,
    /// Positions of the words (not actors) the pattern matched after the verb.
    pub after_words: Vec<usize>,
    /// The pattern pairs the members of a compound subject.
    pub compound: bool,
}

impl Pattern {
    /// Matches the pattern around a verb occupying words `[verb_start, verb_end)`.
    pub fn matches(&self, input: &MatchInput, verb_start: usize, verb_end: usize) -> Option<PatternMatch> {
        let mut found = PatternMatch {
            end: verb_end,
            compound: self.compound,
            ..Default::default()
        };
        let mut cursor = verb_end;
        for step in &self.after {
            if step.atom == Atom::Skip {
                cursor = skip_phrase(input, cursor)?;
                continue;
            }
            let (at, len, actor) = find_forward(input, &step.atom, cursor, step.adjacent)?;
            match step.atom {
                Atom::Target => found.target = actor,
                Atom::Source => found.source = actor,
                _ => found.after_words.extend(at..at + len),
            }
            cursor = at + len;
        }
        found.end = cursor;
        // Before the verb, walk backwards; a step is adjacent to what follows it.
        let mut cursor = verb_start;
        for (i, step) in self.before.iter().enumerate().rev() {
            // A skip before the verb is not anchored anywhere; the gap search covers it.
            if step.atom == Atom::Skip {
                continue;
            }
            let adjacent = match self.before.get(i + 1) {
                Some(next) => next.adjacent,
                None => self.verb_adjacent_before,
            };
            let (at, _, actor) = find_backward(input, &step.atom, cursor, adjacent)?;
            match step.atom {
                Atom::Target => found.target = actor,
                Atom::Source => found.source = actor,
                _ => {}
            }
            cursor = at;
        }
        Some(found)
    }
}

type Hit = (usize, usize, Option<usize>);

/// The most words a pattern may skip between two of its elements: the shallow
/// stand-in for "within the same phrase" that a parse would give.
const MAX_GAP: usize = 8;

fn find_forward(input: &MatchInput, atom: &Atom, from: usize, adjacent: bool) -> Option<Hit> {
    let last = if adjacent {
        from + 1
    } else {
        input.hi.min(from + MAX_GAP + 1)
    };
    (from..last.min(input.hi)).find_map(|i| match_at(input, atom, i))
}

/// Longest synonym-set member, in words: how far back an adjacent backward
/// match may start ("REALLY DID NOT" before the verb).
const MAX_PHRASE: usize = 6;

/// Articles and possessives a skipped noun phrase may start with.
const PHRASE_OPENERS: &[&str] = &["THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "'S"];

/// Where the noun phrase starting at `from` ends: after its openers, the
/// actor starting there or else one word.
fn skip_phrase(input: &MatchInput, from: usize) -> Option<usize> {
    let mut at = from;
    while at < input.hi && PHRASE_OPENERS.contains(&input.words.get(at)?.as_str()) {
        at += 1;
    }
    let end = match input.actors.iter().find(|&&(s, _)| s == at) {
        Some(&(_, e)) => e,
        None => at + 1,
    };
    (end <= input.hi).then_some(end)
}

fn find_backward(input: &MatchInput, atom: &Atom, before: usize, adjacent: bool) -> Option<Hit> {
    let first = if adjacent {
        before.saturating_sub(MAX_PHRASE)
    } else {
        input.lo.max(before.saturating_sub(MAX_GAP + 1))
    };
    (first.max(input.lo)..before).rev().find_map(|i| {
        // A backward match must end right where the search started when adjacent.
        match_at(input, atom, i).filter(|(at, len, _)| !adjacent || at + len == before)
    })
}

fn match_at(input: &MatchInput, atom: &Atom, i: usize) -> Option<Hit> {
    match atom {
        Atom::Word { text, exact } => word_matches(input.words.get(i)?, text, *exact).then_some((i, 1, None)),
        Atom::Synset(name) => synset_len(input, name, i, 0).map(|len| (i, len, None)),
        Atom::Target | Atom::Source => {
            let index = input.actors.iter().position(|&(s, e)| s == i && e <= input.hi)?;
            let (s, e) = input.actors[index];
            Some((s, e - s, Some(index)))
        }
        Atom::Skip => None,
    }
}

/// True when a sentence word matches a pattern word.
pub fn word_matches(word: &str, pattern: &str, exact: bool) -> bool {
    word == pattern || (!exact && pattern.len() >= 4 && word.starts_with(pattern))
}

fn synset_len(input: &MatchInput, name: &str, i: usize, depth: usize) -> Option<usize> {
    if depth > 3 {
        return None;
    }
    let members = input.synsets.get(name)?;
    members.iter().find_map(|member| {
        let mut at = i;
        for word in member {
            if word.starts_with('&') {
                at += synset_len(input, word, at, depth + 1)?;
            } else if at < input.hi
                && !input.names.get(at).copied().unwrap_or(false)
                && word_matches(input.words.get(at)?, word, false)
            {
                at += 1;
            } else {
                return None;
            }
        }
        (at > i).then_some(at - i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    #[test]
    fn parses_codes_and_slots() {
        let p = Pattern::parse("- $ TROOP * TOWARD +   [154]   # MOVE").expect("pattern");
        assert_eq!(p.code.forward.as_deref(), Some("154"));
        assert_eq!(p.before.len(), 2);
        assert_eq!(p.after[1].atom, Atom::Target);
        assert_eq!(CodePair::parse("042:043").reverse.as_deref(), Some("043"));
        assert!(CodePair::parse("---").is_null());
        assert!(Pattern::parse("- NO VERB HERE [010]").is_none());
    }

    #[test]
    fn matches_in_order_with_gaps_and_stems() {
        let p = Pattern::parse("- * (TO &CEASEFIRE) [0356]").expect("pattern");
        let mut synsets = Synsets::new();
        synsets.insert(
            "&CEASEFIRE".into(),
            vec![vec!["TRUCE".into()], vec!["CEASEFIRE".into()]],
        );
        let w = words("rebels agreed on Monday to a lasting truce");
        let input = MatchInput {
            words: &w,
            actors: &[],
            synsets: &synsets,
            names: &[],
            lo: 0,
            hi: w.len(),
        };
        assert!(p.matches(&input, 1, 2).is_some());
        let w = words("rebels agreed to talks");
        let input = MatchInput {
            words: &w,
            actors: &[],
            synsets: &synsets,
            names: &[],
            lo: 0,
            hi: w.len(),
        };
        assert!(p.matches(&input, 1, 2).is_none());
    }

    #[test]
    fn underscore_requires_adjacency_and_slots_take_actors() {
        let p = Pattern::parse("- *_OUT (TO +) [074]").expect("pattern");
        let w = words("Gondor reached out to Rohan");
        let actors = [(0, 1), (4, 5)];
        let synsets = Synsets::new();
        let input = MatchInput {
            words: &w,
            actors: &actors,
            synsets: &synsets,
            names: &[],
            lo: 0,
            hi: w.len(),
        };
        assert_eq!(p.matches(&input, 1, 2).and_then(|m| m.target), Some(1));
        let w = words("Gondor reached far out to Rohan");
        let actors = [(0, 1), (5, 6)];
        let input = MatchInput {
            words: &w,
            actors: &actors,
            synsets: &synsets,
            names: &[],
            lo: 0,
            hi: w.len(),
        };
        assert!(p.matches(&input, 1, 2).is_none());
    }

    #[test]
    fn skips_a_phrase_and_matches_phrases_before_the_verb() {
        let p = Pattern::parse("- * IFTAR IN ^ + [045]").expect("pattern");
        let w = words("Arnor celebrated Iftar in Osgiliath with the leaders of Gondor");
        let actors = [(0, 1), (4, 5), (9, 10)];
        let mut synsets = Synsets::new();
        let input = MatchInput {
            words: &w,
            actors: &actors,
            synsets: &synsets,
            names: &[],
            lo: 0,
            hi: w.len(),
        };
        assert_eq!(p.matches(&input, 1, 2).and_then(|m| m.target), Some(2));
        synsets.insert(
            "&NEG".into(),
            vec![vec!["REALLY".into(), "DID".into(), "NOT".into()]],
        );
        let p = Pattern::parse("- MOST_&NEG_EVER * [907]").expect("pattern");
        let w = words("Bree most really did not ever clash");
        let input = MatchInput {
            words: &w,
            actors: &[],
            synsets: &synsets,
            names: &[],
            lo: 0,
            hi: w.len(),
        };
        assert!(
            p.matches(&input, 6, 7).is_some(),
            "a three-word member right before EVER"
        );
    }
}
