//! Finding the main container: the element that holds the article's prose.
//!
//! Every element is scored `good − OTHER_WEIGHT × other` (see `stats`): a
//! subtree gains by holding prose and loses by holding menus, link lists and
//! teasers. The best-scoring element is the smallest one that takes in all
//! paragraphs worth their surrounding clutter, so an article split across
//! sibling `<div>`s is taken whole while a page's sidebars are left out.
//! Elements excluded by a rule (nav, comments, …) are never candidates.

use crate::html::dom::{Dom, NodeId};

use super::stats::TextStats;

/// How much a char of non-prose text costs against a char of prose. Below
/// 1 because articles carry some clutter (captions, inline links) of their own.
const OTHER_WEIGHT: f64 = 0.4;

/// The best container, or `None` when the page has no prose at all.
pub fn find_container(dom: &Dom, stats: &TextStats) -> Option<NodeId> {
    let mut best: Option<(f64, NodeId)> = None;
    for id in 0..dom.len() {
        if stats.excluded[id] || stats.good[id] == 0 || dom.name(id).is_none() {
            continue;
        }
        let score = f64::from(stats.good[id]) - OTHER_WEIGHT * f64::from(stats.other[id]);
        // Strictly greater: on a tie the outer (earlier) element is kept, so
        // that a lone wrapper adds nothing but also loses nothing.
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, id));
        }
    }
    best.map(|(_, id)| id)
}
