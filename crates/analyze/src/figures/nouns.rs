//! The noun phrase a number counts, and its normal form.
//!
//! A phrase is read word by word after the number: modifiers, then a head.
//! When more than one thing is counted the head is the first plural noun
//! ("502 drones", "50,000 Russian ‘losses’"), and "and"/"or" joins a second
//! plural ("drones and missiles"). Otherwise (one thing, a share, a
//! measure) the head is the last noun before a function word or punctuation
//! ("one-fifth of the Donetsk region", "a three-and-a-half-year war").
//!
//! The normal form (`counts`) is lower-cased with the head made singular;
//! nationality adjectives ("Russian drones") and evaluative or quantity
//! adjectives ("new", "more", "other") are dropped because they describe
//! rather than name the thing; other modifiers stay ("ballistic missile",
//! "frontline town"), so the head is always the last word.

use crate::numbers::parse_at;
use crate::numbers::words::{is_hyphen, is_quote_mark, Kind, Word};

/// Most modifier-and-head groups a phrase may have.
const MAX_GROUPS: usize = 5;

/// A word or a hyphenated compound ("Russian-backed"): words `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Group {
    pub first: usize,
    pub end: usize,
}

/// A noun phrase: one or more conjuncts, each a list of groups whose last
/// group is the head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NounPhrase {
    /// Conjuncts ("drones", "missiles" in "drones and missiles").
    pub conjuncts: Vec<Vec<Group>>,
    /// One past the last word of the phrase.
    pub end: usize,
}

impl NounPhrase {
    /// The phrase as written, without determiners or enclosing quotes.
    pub(crate) fn as_written(&self, body: &str, words: &[Word]) -> Option<String> {
        let first = self.conjuncts.first()?.first()?.first;
        let last = self.conjuncts.last()?.last()?.end.checked_sub(1)?;
        let text = body.get(words.get(first)?.start..words.get(last)?.end)?;
        Some(text.to_owned())
    }

    /// The normal form: lower case, describing adjectives dropped, heads
    /// singular ("Russian ‘losses’" → "loss", "drones and missiles" → "drone
    /// and missile").
    pub(crate) fn counts(&self, words: &[Word]) -> String {
        let mut parts: Vec<String> = Vec::with_capacity(self.conjuncts.len());
        for conjunct in &self.conjuncts {
            let Some((head, modifiers)) = conjunct.split_last() else {
                continue;
            };
            let mut kept: Vec<String> = modifiers
                .iter()
                .filter(|group| !describes(words, **group))
                .map(|group| group_text(words, *group).to_lowercase())
                .collect();
            kept.push(singular(&group_text(words, *head).to_lowercase()));
            parts.push(kept.join(" "));
        }
        parts.join(" and ")
    }
}

/// The text of a group, quote marks left out.
fn group_text(words: &[Word], group: Group) -> String {
    words[group.first..group.end].iter().map(|w| w.text).collect()
}

/// Reads a noun phrase starting at word `k`. With `plural`, the head must
/// be a plural noun; otherwise any noun heads it. Stops at `words.len()`,
/// so callers bound the phrase by passing a shorter slice.
pub(crate) fn read(words: &[Word], k: usize, plural: bool) -> Option<NounPhrase> {
    let (groups, end, found_plural) = read_conjunct(words, k, plural)?;
    let mut phrase = NounPhrase {
        conjuncts: vec![groups],
        end,
    };
    // "drones and missiles": a second plural joined to a plural head.
    if found_plural {
        let joiner = words.get(end).filter(|w| w.spaced && w.is_any(&["and", "or"]));
        if let Some((more, more_end, true)) = joiner.and_then(|_| read_conjunct(words, end + 1, true)) {
            phrase.conjuncts.push(more);
            phrase.end = more_end;
        }
    }
    Some(phrase)
}

/// One conjunct: its groups, the index after it, and whether its head is
/// plural.
fn read_conjunct(words: &[Word], k: usize, plural: bool) -> Option<(Vec<Group>, usize, bool)> {
    let mut groups: Vec<Group> = Vec::new();
    let mut quoted = false;
    let mut j = k;
    while groups.len() < MAX_GROUPS {
        let Some(word) = words.get(j) else { break };
        if word.line_break && j > k {
            break;
        }
        if word.kind == Kind::Punct && is_quote_mark(word.text) && !is_possessive(words, j) {
            quoted = true;
            j += 1;
            continue;
        }
        // Another number starts another figure ("drones and 24 missiles").
        if word.kind != Kind::Alpha || parse_at(words, j).is_some() {
            break;
        }
        let group = group_at(words, j);
        let single = group.end == group.first + 1;
        if single && is_function_word(word.lower()) {
            break;
        }
        let text = group_text(words, group).to_lowercase();
        let after_noun = groups.last().is_some_and(|g| words[g.first].is_lowercase());
        if !plural && word.is_lowercase() && after_noun && is_verb(&text) {
            break;
        }
        // A capitalised plural heads only as a nationality ("Ukrainians");
        // otherwise it names something ("Patriots", "Brussels").
        if looks_plural(&text) && (word.is_lowercase() || is_demonym(word.text.trim_end_matches('s'))) {
            groups.push(group);
            return Some((groups, closing_quote(words, group.end, quoted), true));
        }
        groups.push(group);
        j = group.end;
    }
    if plural {
        return None;
    }
    while let Some(last) = groups.last() {
        let text = group_text(words, *last).to_lowercase();
        if can_head(&text) {
            break;
        }
        groups.pop();
    }
    let end = groups.last()?.end;
    Some((groups, closing_quote(words, end, quoted), false))
}

/// Past the closing quote mark right after the head, when the phrase
/// opened one ("Russian ‘losses’").
fn closing_quote(words: &[Word], end: usize, quoted: bool) -> usize {
    let closes = words
        .get(end)
        .is_some_and(|w| w.attached() && w.kind == Kind::Punct && is_quote_mark(w.text));
    if quoted && closes {
        end + 1
    } else {
        end
    }
}

/// Frequent verbs that follow a singular noun ("the war began", "the
/// drive takes"), and past participles after a noun.
fn is_verb(lower: &str) -> bool {
    const VERBS: &[&str] = &[
        "began",
        "begins",
        "became",
        "becomes",
        "came",
        "comes",
        "went",
        "goes",
        "took",
        "takes",
        "made",
        "makes",
        "saw",
        "sees",
        "fell",
        "falls",
        "rose",
        "rises",
        "left",
        "held",
        "holds",
        "met",
        "meets",
        "got",
        "gets",
        "gave",
        "gives",
        "told",
        "tells",
        "ran",
        "runs",
        "broke",
        "brought",
        "brings",
        "sent",
        "sends",
        "spent",
        "lost",
        "won",
        "kept",
        "keeps",
        "led",
        "leads",
        "drew",
        "grew",
        "grows",
        "shot",
        "fought",
        "stood",
        "stands",
        "wrote",
        "continues",
        "remains",
        "seems",
        "appears",
        "shows",
        "needs",
        "ends",
        "starts",
        "lasts",
        "killed",
        "hit",
        "struck",
    ];
    VERBS.contains(&lower) || lower.len() > 4 && lower.ends_with("ed")
}

/// A word and the words hyphenated to it ("long-range", "Kyiv-controlled").
fn group_at(words: &[Word], j: usize) -> Group {
    let mut end = j + 1;
    while let (Some(hyphen), Some(next)) = (words.get(end), words.get(end + 1)) {
        if is_hyphen(hyphen) && hyphen.attached() && next.attached() && next.kind == Kind::Alpha {
            end += 2;
        } else {
            break;
        }
    }
    Group { first: j, end }
}

/// "’s" after a word: a possessive, not a quote mark.
fn is_possessive(words: &[Word], j: usize) -> bool {
    words[j].attached() && words.get(j + 1).is_some_and(|w| w.attached() && w.lower() == "s")
}

/// True for a modifier that describes rather than names the thing counted:
/// a nationality ("Russian", "Russian-backed") or an evaluative or quantity
/// adjective ("new", "more", "other").
fn describes(words: &[Word], group: Group) -> bool {
    let first = &words[group.first];
    if first.is_capitalised() {
        return is_demonym(first.text);
    }
    group.end == group.first + 1 && DESCRIBING.contains(&first.lower())
}

/// Adjectives that describe a counted thing without naming it.
const DESCRIBING: &[&str] = &[
    "new",
    "other",
    "more",
    "additional",
    "further",
    "extra",
    "fresh",
    "different",
    "separate",
    "various",
    "such",
    "same",
    "total",
    "overall",
    "estimated",
    "reported",
    "alleged",
    "suspected",
    "confirmed",
    "possible",
    "potential",
    "remaining",
    "last",
    "first",
    "next",
    "previous",
    "recent",
    "latest",
    "only",
    "own",
    "key",
    "main",
    "major",
    "big",
    "large",
    "small",
    "huge",
    "massive",
    "entire",
    "whole",
    "full",
    "individual",
    "respective",
    "certain",
    "specific",
    "known",
    "unknown",
];

/// A nationality or regional adjective ("Russian", "Ukrainian", "British",
/// "Israeli", "French", "Western").
pub(crate) fn is_demonym(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let lower = text.to_lowercase();
    const SUFFIXES: &[&str] = &[
        "ian", "ean", "can", "ese", "ish", "ch", "ern", "ians", "eans", "cans",
    ];
    const LISTED: &[&str] = &[
        "afghan",
        "german",
        "thai",
        "swiss",
        "greek",
        "soviet",
        "allied",
        "arab",
        "iraqi",
        "israeli",
        "saudi",
        "pakistani",
        "emirati",
        "yemeni",
        "somali",
        "qatari",
        "kuwaiti",
        "omani",
        "bangladeshi",
        "nepali",
        "kazakh",
        "uzbek",
        "tajik",
        "turkmen",
        "kyrgyz",
        "chechen",
        "serb",
        "croat",
        "czech",
        "slovak",
        "pole",
        "briton",
        "brit",
        "scot",
        "dane",
        "finn",
        "swede",
        "turk",
    ];
    lower.chars().count() > 3 && SUFFIXES.iter().any(|s| lower.ends_with(s))
        || LISTED.contains(&lower.as_str())
}

/// Words that end a noun phrase: determiners, pronouns, prepositions,
/// conjunctions, auxiliaries, adverbs of degree and time, speech verbs.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "them",
    "they",
    "he",
    "she",
    "it",
    "we",
    "you",
    "i",
    "me",
    "us",
    "him",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "where",
    "when",
    "while",
    "whether",
    "if",
    "than",
    "as",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "without",
    "for",
    "into",
    "onto",
    "over",
    "under",
    "above",
    "below",
    "since",
    "after",
    "before",
    "during",
    "across",
    "against",
    "among",
    "between",
    "through",
    "throughout",
    "per",
    "via",
    "about",
    "around",
    "near",
    "toward",
    "towards",
    "upon",
    "within",
    "along",
    "beyond",
    "despite",
    "amid",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "not",
    "no",
    "only",
    "also",
    "just",
    "still",
    "even",
    "already",
    "yet",
    "then",
    "now",
    "again",
    "ever",
    "never",
    "very",
    "too",
    "most",
    "less",
    "least",
    "much",
    "many",
    "few",
    "several",
    "some",
    "any",
    "all",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "another",
    "here",
    "there",
    "today",
    "yesterday",
    "tomorrow",
    "ago",
    "later",
    "earlier",
    "according",
    "including",
    "like",
    "unlike",
    "plus",
    "said",
    "says",
    "say",
    "told",
    "reported",
    "up",
    "down",
    "out",
    "off",
];

/// True for a folded function word.
pub(crate) fn is_function_word(lower: &str) -> bool {
    !lower.is_empty() && FUNCTION_WORDS.contains(&lower)
}

/// Plurals that do not end in "s", or that do not change ("aircraft").
const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("people", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("halves", "half"),
    ("wolves", "wolf"),
    ("thieves", "thief"),
    ("shelves", "shelf"),
    ("criteria", "criterion"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("theses", "thesis"),
    ("aircraft", "aircraft"),
    ("personnel", "personnel"),
    ("police", "police"),
    ("staff", "staff"),
    ("crew", "crew"),
    ("sheep", "sheep"),
    ("fish", "fish"),
    ("deer", "deer"),
    ("cattle", "cattle"),
    ("livestock", "livestock"),
];

/// Words in "s" that are not plurals.
const NOT_PLURAL: &[&str] = &[
    "news",
    "series",
    "species",
    "means",
    "physics",
    "politics",
    "economics",
    "whereas",
];

/// True when a lower-cased word looks like a plural noun.
pub(crate) fn looks_plural(lower: &str) -> bool {
    let last = last_part(lower);
    if IRREGULAR_PLURALS.iter().any(|(plural, _)| *plural == last) {
        return true;
    }
    last.len() >= 3
        && last.ends_with('s')
        && !["ss", "us", "is", "'s", "’s"].iter().any(|s| last.ends_with(s))
        && !NOT_PLURAL.contains(&last)
}

/// The part after the last hyphen of a compound.
fn last_part(lower: &str) -> &str {
    lower.rsplit(['-', '‐', '‑']).next().unwrap_or(lower)
}

/// The singular of a lower-cased noun (of the last part of a compound).
pub(crate) fn singular(lower: &str) -> String {
    let last = last_part(lower);
    let stem = &lower[..lower.len() - last.len()];
    if let Some((_, one)) = IRREGULAR_PLURALS.iter().find(|(plural, _)| *plural == last) {
        return format!("{stem}{one}");
    }
    if !looks_plural(last) {
        return lower.to_owned();
    }
    let cut = |n: usize| last.get(..last.len() - n).unwrap_or(last);
    let one = if last.ends_with("ies") && last.len() > 4 {
        format!("{}y", cut(3))
    } else if ["sses", "xes", "ches", "shes", "zzes", "oes"]
        .iter()
        .any(|s| last.ends_with(s))
    {
        cut(2).to_owned()
    } else {
        cut(1).to_owned()
    };
    format!("{stem}{one}")
}

/// True when a word can head a noun phrase (not an adverb or a participle).
fn can_head(lower: &str) -> bool {
    let last = last_part(lower);
    !(last.len() > 4 && (last.ends_with("ly") || last.ends_with("ed"))) && !last.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::words::{lex, lowered};

    fn counts(text: &str, plural: bool) -> Option<String> {
        let lower = lowered(text);
        let words = lex(text, &lower);
        read(&words, 0, plural).map(|np| np.counts(&words))
    }

    #[test]
    fn singularises() {
        assert_eq!(singular("drones"), "drone");
        assert_eq!(singular("countries"), "country");
        assert_eq!(singular("losses"), "loss");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("long-range missiles"), "long-range missile");
        assert_eq!(singular("region"), "region");
    }

    #[test]
    fn reads_counted_phrases() {
        assert_eq!(
            counts("drones and missiles on Ukraine", true).as_deref(),
            Some("drone and missile")
        );
        assert_eq!(counts("Russian ‘losses’ a month", true).as_deref(), Some("loss"));
        assert_eq!(
            counts("ballistic missiles were", true).as_deref(),
            Some("ballistic missile")
        );
        assert_eq!(counts("new Shahed drones", true).as_deref(), Some("shahed drone"));
        assert_eq!(
            counts("Russian-backed separatists", true).as_deref(),
            Some("separatist")
        );
        assert_eq!(counts("Ukrainians said", true).as_deref(), Some("ukrainian"));
        assert_eq!(
            counts("Donetsk region, the", false).as_deref(),
            Some("donetsk region")
        );
        assert_eq!(counts("war.", false).as_deref(), Some("war"));
        assert_eq!(counts("more", true), None);
        assert_eq!(counts("killed", false), None);
        assert_eq!(counts("Brussels summit", true), None);
    }
}
