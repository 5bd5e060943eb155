//! Is the body we got stopped by a paywall, and is it cut short?
//!
//! `Paywalled` means the body *stops* at the paywall: a paywall marker (an
//! element the `paywall` rule marked, or a `paywall-promo` prompt saying the
//! reading stops, not a mere "subscribe for unlimited access" pitch) comes
//! after the last paragraph of article text. A prompt with more article
//! text after it is an inline promo, removed like any other. Without a
//! marker after the body, a paywall signal (a marker anywhere, or schema.org
//! `isAccessibleForFree: false`) counts only when the body visibly ends
//! mid-sentence. `Truncated` is set whenever the body visibly ends
//! mid-sentence, and for a paywalled body whose last paragraph lacks a
//! closing punctuation mark at all.

use parallax_core::{Flag, ParagraphKind};

use crate::html::dom::NodeId;

use super::filters::is_reading_wall;
use super::stats::TextStats;
use super::trail::Trail;
use super::truncation::{ends_mid_sentence, ends_unfinished};

/// A kept paragraph with fewer words than this is not article text for the
/// purpose of placing the paywall (a "Subscribe now" line the filters let
/// through must not count as text continuing after the wall).
const MIN_BODY_PARAGRAPH_WORDS: usize = 8;

/// The flags the page's paywall signals and the body's ending justify.
pub fn body_flags(json_ld_paywalled: bool, stats: &TextStats, trail: &Trail) -> Vec<Flag> {
    let markers = paywall_markers(stats, trail);
    let last_body = trail
        .pieces
        .iter()
        .rev()
        .filter(|p| p.is_kept() && p.block.kind == ParagraphKind::Paragraph)
        .find(|p| p.block.text.split_whitespace().count() >= MIN_BODY_PARAGRAPH_WORDS)
        .and_then(|p| p.node);
    let stops_at_wall = last_body.is_some_and(|body| markers.iter().any(|&m| m > body));
    let cut = ends_mid_sentence(trail.kept());
    let paywalled = stops_at_wall || (cut && (json_ld_paywalled || !markers.is_empty()));

    let mut flags = Vec::new();
    if paywalled {
        flags.push(Flag::Paywalled);
    }
    let last_paragraph = trail.kept().rfind(|b| b.kind == ParagraphKind::Paragraph);
    if cut || (paywalled && last_paragraph.is_some_and(|b| ends_unfinished(&b.text))) {
        flags.push(Flag::Truncated);
    }
    flags
}

/// Where the page shows a paywall: elements the `paywall` rule marked that
/// hold visible text anywhere on the page, and paywall prompts dropped from
/// the container (`trail` holds the container's pieces only).
fn paywall_markers(stats: &TextStats, trail: &Trail) -> Vec<NodeId> {
    let marked = stats
        .rule
        .iter()
        .zip(&stats.visible)
        .enumerate()
        .filter(|(_, (rule, &chars))| **rule == Some("paywall") && chars > 0)
        .map(|(id, _)| id);
    let prompts = trail
        .pieces
        .iter()
        .filter(|p| match p.dropped {
            Some("paywall") => true,
            Some("paywall-promo") => is_reading_wall(&p.block.text),
            _ => false,
        })
        .filter_map(|p| p.node);
    marked.chain(prompts).collect()
}
