//! Turning the main container into blocks: one [`Block`] per paragraph,
//! heading, list item or quote, in reading order, while pruning the
//! container's own boilerplate (share bars, captions, inline promos, link
//! lists) and recording each pruned piece with its rule in the [`Trail`].
//!
//! The walk is iterative (an explicit stack), so absurdly deep markup cannot
//! overflow the call stack.

use parallax_core::ParagraphKind;

use crate::blocks::Block;
use crate::html::dom::{normalize_whitespace, Dom, NodeId, NodeKind};

use super::filters::removal_reason;
use super::stats::TextStats;
use super::trail::Trail;

/// A subtree holding at least this share of the container's prose is never
/// pruned by a class/id rule: the rule is more likely wrong than the prose.
const PROTECTED_PROSE_SHARE: f64 = 0.5;
/// A block element whose text is mostly links is a link list …
const LINK_LIST_DENSITY: f64 = 0.6;
/// … when it holds at least this many links.
const LINK_LIST_MIN_LINKS: usize = 2;

enum Step {
    Enter(NodeId, ParagraphKind),
    /// Leaving a block element: its pending text becomes a block.
    Close(ParagraphKind),
}

/// Text gathered for the block being built, and the node it starts at.
#[derive(Default)]
struct Pending {
    text: String,
    node: Option<NodeId>,
}

/// Walks `container` and returns its blocks (kept) and pruned text (dropped),
/// in document order. Each block is non-empty and trimmed.
pub fn walk(dom: &Dom, stats: &TextStats, container: NodeId) -> Trail {
    let mut out = Trail::default();
    let container_prose = f64::from(stats.prose_all[container]);
    let mut pending = Pending::default();
    let mut stack = vec![Step::Enter(container, ParagraphKind::Paragraph)];
    while let Some(step) = stack.pop() {
        let (id, kind) = match step {
            Step::Close(kind) => {
                flush(&mut pending, kind, &mut out);
                continue;
            }
            Step::Enter(id, kind) => (id, kind),
        };
        match dom.kind(id) {
            NodeKind::Text(text) => {
                pending.node.get_or_insert(id);
                pending.text.push_str(text);
            }
            NodeKind::Comment => {}
            NodeKind::Element { name, .. } => {
                if dom.is_invisible_element(id) {
                    continue;
                }
                if name == "br" {
                    pending.text.push(' ');
                    continue;
                }
                if id != container {
                    if let Some(rule) = prune_rule(dom, stats, id, container_prose) {
                        record_pruned(dom, stats, id, rule, &mut out);
                        continue;
                    }
                }
                let inherited = kind;
                let kind = block_kind(name).unwrap_or(kind);
                if dom.is_block_element(id) {
                    // Text before this block belongs to the enclosing one.
                    flush(&mut pending, inherited, &mut out);
                    stack.push(Step::Close(kind));
                }
                for &child in dom.children(id).iter().rev() {
                    stack.push(Step::Enter(child, kind));
                }
            }
        }
    }
    flush(&mut pending, ParagraphKind::Paragraph, &mut out);
    out
}

/// Records the visible text of a pruned element under its rule (or under a
/// more telling name its text earns, like `paywall-promo`). Text a reader
/// never sees (`hidden`) is not worth recording.
pub fn record_pruned(dom: &Dom, stats: &TextStats, id: NodeId, rule: &'static str, trail: &mut Trail) {
    if rule == "hidden" || stats.has_no_visible_text(dom, id) {
        return;
    }
    let text = dom.text_content(id);
    let reason = removal_reason(rule, &text);
    trail.drop_text(Some(id), text, reason);
}

/// The rule that prunes `id` inside the container, if any.
fn prune_rule(dom: &Dom, stats: &TextStats, id: NodeId, container_prose: f64) -> Option<&'static str> {
    let protected =
        container_prose > 0.0 && f64::from(stats.prose_all[id]) >= PROTECTED_PROSE_SHARE * container_prose;
    if let Some(rule) = stats.rule[id] {
        if !protected {
            return Some(rule);
        }
    }
    if !protected && is_link_list(dom, stats, id) {
        return Some("link-list");
    }
    None
}

fn is_link_list(dom: &Dom, stats: &TextStats, id: NodeId) -> bool {
    let Some(name) = dom.name(id) else { return false };
    if !matches!(
        name,
        "div" | "ul" | "ol" | "section" | "table" | "dl" | "p" | "span"
    ) {
        return false;
    }
    if stats.link_density(id) < LINK_LIST_DENSITY {
        return false;
    }
    dom.descendants(id)
        .filter(|&d| dom.name(d) == Some("a"))
        .take(LINK_LIST_MIN_LINKS)
        .count()
        >= LINK_LIST_MIN_LINKS
}

fn block_kind(name: &str) -> Option<ParagraphKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => ParagraphKind::Heading,
        "li" | "dd" | "dt" => ParagraphKind::ListItem,
        "blockquote" => ParagraphKind::Blockquote,
        // A paragraph nested in a quote or list item keeps that kind.
        _ => return None,
    })
}

fn flush(pending: &mut Pending, kind: ParagraphKind, trail: &mut Trail) {
    let node = pending.node.take();
    if pending.text.trim().is_empty() {
        pending.text.clear();
        return;
    }
    trail.keep(
        node,
        Block {
            kind,
            text: normalize_whitespace(&pending.text),
        },
    );
    pending.text.clear();
}
