//! The phrase lexicon of page chrome (`data/boilerplate-phrases.txt`):
//! loading, compiling and matching whole lines against it.
//!
//! The lexicon is data, not code, so it can grow with every outlet met
//! without touching the rules; the file's header documents its syntax.

use once_cell::sync::Lazy;
use regex::Regex;

/// The lexicon file, compiled into the binary: extraction does no I/O.
const PHRASES: &str = include_str!("../../../data/boilerplate-phrases.txt");

/// Lines longer than this are never page chrome from the lexicon: whole
/// paragraphs must not be matched by a `*` wildcard.
const MAX_CHROME_CHARS: usize = 160;

/// The lexicon's sections, each feeding one removal rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// A prompt standing where a paywalled article continues.
    PaywallGate,
    /// An app or subscription promo.
    PaywallPromo,
    /// An advertising label.
    Advertisement,
    /// A button, counter or layout placeholder.
    UiWidget,
    /// The header of a block of links to other articles.
    RelatedLinks,
}

impl Section {
    fn from_name(name: &str) -> Option<Section> {
        Some(match name {
            "paywall-gate" => Section::PaywallGate,
            "paywall-promo" => Section::PaywallPromo,
            "advertisement" => Section::Advertisement,
            "ui-widget" => Section::UiWidget,
            "related-links" => Section::RelatedLinks,
            _ => return None,
        })
    }
}

/// One compiled section: a single anchored alternation of its phrases.
struct CompiledSection {
    section: Section,
    pattern: Regex,
}

static COMPILED: Lazy<Vec<CompiledSection>> = Lazy::new(|| compile(PHRASES));

/// The section whose phrase the whole line is, if any. Sections are tried
/// in file order, so a gate prompt is found before the generic promo words.
pub fn classify(line: &str) -> Option<Section> {
    if line.chars().count() > MAX_CHROME_CHARS {
        return None;
    }
    let normalised = normalise(line);
    if normalised.is_empty() {
        return None;
    }
    COMPILED
        .iter()
        .find(|compiled| compiled.pattern.is_match(&normalised))
        .map(|compiled| compiled.section)
}

/// Lower-cases, straightens quotes, drops leading bullets and trailing
/// punctuation, collapses spaces.
pub fn normalise(line: &str) -> String {
    let straightened: String = line
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' | '´' => '\'',
            '“' | '”' | '«' | '»' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let trimmed = straightened
        .trim_start_matches(|c: char| c.is_whitespace() || "-•*·▪►>–—".contains(c))
        .trim_end_matches(|c: char| c.is_whitespace() || ".!:…|›»→>-–—".contains(c));
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Compiles the lexicon text. Unknown sections and their phrases are
/// ignored, so the file can carry sections for future rules.
fn compile(text: &str) -> Vec<CompiledSection> {
    let mut sections: Vec<(Section, Vec<String>)> = Vec::new();
    let mut current: Option<usize> = None;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Section::from_name(name).map(|section| {
                sections.push((section, Vec::new()));
                sections.len() - 1
            });
            continue;
        }
        if let Some(index) = current {
            sections[index].1.push(phrase_pattern(line));
        }
    }
    sections
        .into_iter()
        .filter(|(_, patterns)| !patterns.is_empty())
        .filter_map(|(section, patterns)| {
            let pattern = Regex::new(&format!("^(?:{})$", patterns.join("|"))).ok()?;
            Some(CompiledSection { section, pattern })
        })
        .collect()
}

/// A phrase as a regex fragment: words escaped, `{num}` a number, `{any}`
/// any text.
fn phrase_pattern(phrase: &str) -> String {
    normalise(phrase)
        .split(' ')
        .map(|word| match word {
            "{num}" => r"\d[\d,.]*(?:'s|s|\+|k)?".to_owned(),
            "{any}" => ".+".to_owned(),
            word => regex::escape(word),
        })
        .collect::<Vec<_>>()
        // Lines punctuate where phrases need not ("titles, curated for you").
        .join(r"[,;:]?\s+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_of_the_shipped_lexicon_compiles() {
        let sections: Vec<Section> = COMPILED.iter().map(|c| c.section).collect();
        for section in [
            Section::PaywallGate,
            Section::PaywallPromo,
            Section::Advertisement,
            Section::UiWidget,
            Section::RelatedLinks,
        ] {
            assert!(sections.contains(&section), "{section:?} missing");
        }
    }

    #[test]
    fn matches_whole_lines_with_wildcards() {
        assert_eq!(classify("250’s of premium titles."), Some(Section::PaywallPromo));
        assert_eq!(classify("  ADVERTISEMENT  "), Some(Section::Advertisement));
        assert_eq!(classify("7 min read"), Some(Section::UiWidget));
        assert_eq!(classify("Follow us on Telegram"), Some(Section::UiWidget));
        assert_eq!(
            classify("Subscribe to continue reading."),
            Some(Section::PaywallGate)
        );
        assert_eq!(classify("More from Business"), Some(Section::RelatedLinks));
        assert_eq!(
            classify("Read news from 300+ of titles, picked for you."),
            Some(Section::PaywallPromo)
        );
    }

    #[test]
    fn does_not_match_sentences_containing_a_phrase() {
        assert_eq!(classify("The advertisement was pulled after complaints."), None);
        assert_eq!(
            classify("Readers can download the app from Monday, the paper said."),
            None
        );
    }
}
