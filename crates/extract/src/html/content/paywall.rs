//! Is the page behind a paywall, and is the body we got cut short?
//!
//! Signals, strongest first: schema.org `isAccessibleForFree: false`; an
//! element the `paywall` rule marked (class/id naming a paywall or
//! registration wall) that holds visible text; a paywall prompt among the
//! removed lines. A paywalled body whose last paragraph stops without
//! closing punctuation is flagged truncated as well.

use parallax_core::{Flag, ParagraphKind, Removed};

use crate::blocks::Block;

use super::stats::TextStats;

/// The flags the page's paywall signals justify.
pub fn paywall_flags(
    json_ld_paywalled: bool,
    stats: &TextStats,
    removed: &[Removed],
    blocks: &[Block],
) -> Vec<Flag> {
    let marked_wall = stats
        .rule
        .iter()
        .zip(&stats.visible)
        .any(|(rule, &chars)| *rule == Some("paywall") && chars > 0);
    let prompt = removed.iter().any(|r| r.reason == "paywall-promo");
    if !(json_ld_paywalled || marked_wall || prompt) {
        return Vec::new();
    }
    let mut flags = vec![Flag::Paywalled];
    let last_paragraph = blocks.iter().rev().find(|b| b.kind == ParagraphKind::Paragraph);
    if last_paragraph.is_some_and(|b| !ends_sentence(&b.text)) {
        flags.push(Flag::Truncated);
    }
    flags
}

/// True when text ends like a finished sentence (an ellipsis does not count).
fn ends_sentence(text: &str) -> bool {
    let text = text.trim_end();
    if text.ends_with("...") || text.ends_with('…') {
        return false;
    }
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_endings() {
        assert!(ends_sentence("He left.”"));
        assert!(!ends_sentence("The minister said the talks would"));
        assert!(!ends_sentence("And then…"));
    }
}
