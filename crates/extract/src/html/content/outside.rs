//! The visible text of the page outside the main container, for the audit
//! trail: a reader who misses something in the body can see where it went.
//!
//! Text inside an element a rule excludes is recorded under that rule's
//! name (`nav`, `footer`, `related-links`, …); other visible text around the
//! container is recorded as `outside-main-content`. Invisible text (scripts,
//! styles, `hidden` elements) is not recorded.

use crate::html::dom::{normalize_whitespace, Dom, NodeId, NodeKind};

use super::stats::TextStats;
use super::trail::Trail;
use super::walk::record_pruned;

/// The reason recorded for visible text that no rule names but that lies
/// outside the chosen container.
pub const OUTSIDE_MAIN_CONTENT: &str = "outside-main-content";

/// Records the page's visible text before and after `container` into two
/// trails (before, after), in document order.
pub fn outside_text(dom: &Dom, stats: &TextStats, container: NodeId) -> (Trail, Trail) {
    let mut before = Trail::default();
    let mut after = Trail::default();
    let mut run = Run::default();
    // Iterative, like the walk: deep markup must not overflow the stack.
    let mut stack = vec![dom.root()];
    while let Some(id) = stack.pop() {
        let trail = if id < container { &mut before } else { &mut after };
        if id == container {
            run.flush(&mut before);
            continue;
        }
        match dom.kind(id) {
            NodeKind::Text(text) => run.push(id, text),
            NodeKind::Comment => {}
            NodeKind::Element { .. } => {
                // A block without visible text (icons, empty ad slots,
                // scripts) has nothing to record: skip it whole.
                if dom.is_invisible_element(id) || stats.has_no_visible_text(dom, id) {
                    continue;
                }
                if let Some(rule) = stats.rule[id] {
                    run.flush(trail);
                    record_pruned(dom, stats, id, rule, trail);
                    continue;
                }
                if dom.is_block_element(id) {
                    run.push(id, " ");
                }
                stack.extend(dom.children(id).iter().rev());
            }
        }
    }
    run.flush(&mut after);
    (before, after)
}

/// A run of unnamed outside text, recorded as one piece when a named
/// element or the container interrupts it.
#[derive(Default)]
struct Run {
    text: String,
    node: Option<NodeId>,
}

impl Run {
    fn push(&mut self, id: NodeId, text: &str) {
        self.node.get_or_insert(id);
        self.text.push_str(text);
    }

    fn flush(&mut self, trail: &mut Trail) {
        let node = self.node.take();
        if !self.text.trim().is_empty() {
            trail.drop_text(node, normalize_whitespace(&self.text), OUTSIDE_MAIN_CONTENT);
        }
        self.text.clear();
    }
}
