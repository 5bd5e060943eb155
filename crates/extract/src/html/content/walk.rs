//! Turning the main container into blocks: one [`Block`] per paragraph,
//! heading, list item or quote, in reading order, while pruning the
//! container's own boilerplate (share bars, captions, inline promos, link
//! lists) and recording each pruned piece with its rule.
//!
//! The walk is iterative (an explicit stack), so absurdly deep markup cannot
//! overflow the call stack.

use parallax_core::{ParagraphKind, Removed};

use crate::blocks::Block;
use crate::html::dom::{normalize_whitespace, Dom, NodeId, NodeKind};

use super::stats::TextStats;

/// A subtree holding at least this share of the container's prose is never
/// pruned by a class/id rule: the rule is more likely wrong than the prose.
const PROTECTED_PROSE_SHARE: f64 = 0.5;
/// A block element whose text is mostly links is a link list …
const LINK_LIST_DENSITY: f64 = 0.6;
/// … when it holds at least this many links.
const LINK_LIST_MIN_LINKS: usize = 2;

/// Blocks of the container and what was pruned inside it.
pub struct Walked {
    /// Blocks in reading order, each non-empty and trimmed.
    pub blocks: Vec<Block>,
    /// Pruned visible text with its rule.
    pub removed: Vec<Removed>,
}

enum Step {
    Enter(NodeId, ParagraphKind),
    /// Leaving a block element: its pending text becomes a block.
    Close(ParagraphKind),
}

/// Walks `container` and returns its blocks.
pub fn walk(dom: &Dom, stats: &TextStats, container: NodeId) -> Walked {
    let mut out = Walked {
        blocks: Vec::new(),
        removed: Vec::new(),
    };
    let container_prose = f64::from(stats.prose_all[container]);
    let mut pending = String::new();
    let mut stack = vec![Step::Enter(container, ParagraphKind::Paragraph)];
    while let Some(step) = stack.pop() {
        let (id, kind) = match step {
            Step::Close(kind) => {
                flush(&mut pending, kind, &mut out.blocks);
                continue;
            }
            Step::Enter(id, kind) => (id, kind),
        };
        match dom.kind(id) {
            NodeKind::Text(text) => pending.push_str(text),
            NodeKind::Comment => {}
            NodeKind::Element { name, .. } => {
                if dom.is_invisible_element(id) {
                    continue;
                }
                if name == "br" {
                    pending.push(' ');
                    continue;
                }
                if id != container {
                    if let Some(rule) = prune_rule(dom, stats, id, container_prose) {
                        let text = dom.text_content(id);
                        if !text.is_empty() {
                            out.removed.push(Removed::new(text, rule));
                        }
                        continue;
                    }
                }
                let inherited = kind;
                let kind = block_kind(name).unwrap_or(kind);
                if dom.is_block_element(id) {
                    // Text before this block belongs to the enclosing one.
                    flush(&mut pending, inherited, &mut out.blocks);
                    stack.push(Step::Close(kind));
                }
                for &child in dom.children(id).iter().rev() {
                    stack.push(Step::Enter(child, kind));
                }
            }
        }
    }
    flush(&mut pending, ParagraphKind::Paragraph, &mut out.blocks);
    out
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

fn flush(pending: &mut String, kind: ParagraphKind, blocks: &mut Vec<Block>) {
    if pending.trim().is_empty() {
        pending.clear();
        return;
    }
    blocks.push(Block {
        kind,
        text: normalize_whitespace(pending),
    });
    pending.clear();
}
