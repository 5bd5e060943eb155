//! Paragraph segmentation of scraped text: turns raw lines into [`Line`]s.
//!
//! Scrapes separate paragraphs either by single newlines or by blank lines,
//! and a few are hard-wrapped at a fixed width. Every non-blank line is one
//! unit unless its blank-line-delimited group is visibly hard-wrapped, in
//! which case the group is joined back into one paragraph. Whitespace inside
//! a line is collapsed (scrapes carry no-break spaces and tabs); no other
//! character is changed, so every non-space character of the input survives.

/// One unit of scraped text: a paragraph, a heading or a piece of page chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text, trimmed, with internal whitespace runs collapsed to one space.
    pub text: String,
    /// True when a blank line (or the start of the text) precedes it.
    pub gap_before: bool,
}

impl Line {
    /// Number of whitespace-separated words.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// Hard-wrapped groups have lines no wider than this (characters).
const MAX_WRAP_WIDTH: usize = 100;
/// ... and at least this wide, so short stacked lines (menus, promos) are not
/// mistaken for wrapped prose.
const MIN_WRAP_WIDTH: usize = 50;
/// Every line of a wrapped group but the last fills at least this share of
/// the group's widest line.
const WRAP_FILL: f64 = 0.6;

/// Collapses whitespace runs (including no-break spaces) to single spaces.
pub fn normalise_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits scraped text into lines, joining hard-wrapped paragraphs.
pub fn segment(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    for group in blank_separated_groups(text) {
        if is_hard_wrapped(&group) {
            lines.push(Line {
                text: normalise_space(&group.join(" ")),
                gap_before: true,
            });
        } else {
            for (i, raw) in group.iter().enumerate() {
                lines.push(Line {
                    text: normalise_space(raw),
                    gap_before: i == 0,
                });
            }
        }
    }
    lines
}

/// Runs of consecutive non-blank lines.
fn blank_separated_groups(text: &str) -> Vec<Vec<&str>> {
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for raw in text.lines() {
        if raw.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(raw);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// A group is hard-wrapped when all its lines are about equally wide (the
/// last may be short), the width is that of a text column, and some line
/// breaks fall mid-sentence. Two lines are too little evidence of a column
/// (a caption above its credit looks the same) unless the second line
/// visibly continues the first's sentence in lower case.
fn is_hard_wrapped(group: &[&str]) -> bool {
    let continues_in_lower_case = || {
        group
            .get(1)
            .and_then(|l| l.trim().chars().next())
            .is_some_and(char::is_lowercase)
    };
    if group.len() < 2 || (group.len() == 2 && !continues_in_lower_case()) {
        return false;
    }
    let widths: Vec<usize> = group.iter().map(|l| l.trim().chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&widest) {
        return false;
    }
    let all_full = widths[..widths.len() - 1]
        .iter()
        .all(|&w| w as f64 >= WRAP_FILL * widest as f64);
    let breaks_mid_sentence = group[..group.len() - 1]
        .iter()
        .any(|l| !crate::text::shape::ends_sentence(l.trim()));
    all_full && breaks_mid_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_newlines_separate_paragraphs() {
        let lines = segment("First paragraph here.\nSecond one.\n\nThird.");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["First paragraph here.", "Second one.", "Third."]);
        assert!(lines[0].gap_before && !lines[1].gap_before && lines[2].gap_before);
    }

    #[test]
    fn joins_a_hard_wrapped_paragraph() {
        let text = "The council voted on Tuesday to extend the curfew for another\n\
                    month, citing a rise in night-time burglaries across the\n\
                    district.\n\nNext paragraph.";
        let lines = segment(text);
        assert_eq!(lines.len(), 2);
        assert!(lines[0].text.ends_with("across the district."));
    }

    #[test]
    fn keeps_stacked_short_lines_apart() {
        let lines = segment("Subscribe now\nOne app.\nEvery title you love\n\nBody text.");
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn collapses_no_break_spaces() {
        let lines = segment("  Words\u{a0} and\ttabs\u{a0} ");
        assert_eq!(lines[0].text, "Words and tabs");
    }
}
