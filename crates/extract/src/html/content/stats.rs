//! Per-node text statistics, computed in two linear passes over the arena:
//! top-down (is a node inside boilerplate?) and bottom-up (how much good
//! paragraph text, link text and other text does each subtree hold?).
//!
//! "Good" text is the non-link text of a text block (the nearest block
//! element around a run of text) that is long enough to be prose and not
//! mostly links. Everything else visible is "other" text: menus, teasers,
//! captions, bylines, link lists. Container choice and the protection of
//! large subtrees from class rules both read these numbers. The `teaser`
//! rule (a list item or `<article>` card with a linked headline) lives here
//! because it needs the subtree sums.

use crate::html::dom::{Dom, NodeId, NodeKind};

use super::rules::classify;

/// A text block shorter than this many chars is not counted as prose.
const MIN_PROSE_CHARS: usize = 40;
/// A text block with more link text than this share is a link list.
const MAX_PROSE_LINK_SHARE: f64 = 0.5;
/// A list item or `<article>` with a linked heading and at most this much
/// text is a teaser card for another page (headline, excerpt, byline).
const MAX_TEASER_CHARS: u32 = 1000;
/// A class rule is overruled on an element holding this share of the page's prose.
const PAGE_PROTECTED_SHARE: f64 = 0.6;
/// A news ticker is a one-line strip of headlines; an element named
/// `ticker` holding more text than this, or a table cell, is something else
/// (finance pages name stock-symbol columns and whole quote sections so).
const MAX_TICKER_CHARS: u32 = 300;

/// Text statistics of every node of one document.
pub struct TextStats {
    /// The rule that excludes the node itself (not inherited).
    pub rule: Vec<Option<&'static str>>,
    /// Whether the node is inside (or is) an excluded element.
    pub excluded: Vec<bool>,
    /// Good (prose) chars in the subtree, outside excluded elements.
    pub good: Vec<u32>,
    /// Prose chars in the subtree counting excluded elements too: guards a
    /// subtree holding most of the prose from a class rule's false alarm.
    pub prose_all: Vec<u32>,
    /// Other visible chars in the subtree, outside excluded elements.
    pub other: Vec<u32>,
    /// All visible chars in the subtree.
    pub visible: Vec<u32>,
    /// Visible chars inside links in the subtree.
    pub linked: Vec<u32>,
}

impl TextStats {
    /// Computes the statistics. With `class_rules` off, only tag-based rules
    /// exclude (used when class rules swallowed the article).
    pub fn compute(dom: &Dom, class_rules: bool) -> TextStats {
        let n = dom.len();
        let blocks = text_blocks(dom);
        let prose_all = subtree_sums(dom, |id| {
            if blocks.is_prose(id) {
                blocks.unlinked(id)
            } else {
                0
            }
        });
        let page_prose = f64::from(prose_all.first().copied().unwrap_or(0));
        let visible = subtree_sums(dom, |id| blocks.text[id]);
        let linked = subtree_sums(dom, |id| blocks.linked[id]);
        let linked_heading = subtree_sums(dom, |id| {
            u32::from(dom.is_heading(id) && visible[id] > 0 && 2 * linked[id] >= visible[id])
        });

        // Top-down: ids are in document order, so parents come first.
        let mut rule = vec![None; n];
        let mut excluded = vec![false; n];
        for id in 1..n {
            let parent = dom.parent(id).unwrap_or(0);
            excluded[id] = excluded[parent];
            if dom.name(id).is_none() {
                continue;
            }
            let teaser = || {
                matches!(dom.name(id), Some("li" | "article"))
                    && linked_heading[id] > 0
                    && visible[id] <= MAX_TEASER_CHARS
                    && f64::from(prose_all[id]) < PAGE_PROTECTED_SHARE * page_prose
            };
            rule[id] = classify(dom, id).filter(|&r| {
                if !class_rules && !is_tag_rule(dom, id, r) {
                    return false;
                }
                // A rule on an element holding most of the page's prose is a
                // false alarm (`l-sidebar-fixed l-article-body`, an unclosed
                // `<aside>` swallowing the page, React's `<div hidden>`
                // streaming slot) — except for comments, which can outweigh
                // the article.
                if r == "news-ticker" && !is_news_ticker(dom, id, visible[id]) {
                    return false;
                }
                r == "comments" || f64::from(prose_all[id]) < PAGE_PROTECTED_SHARE * page_prose
            });
            if rule[id].is_none() && teaser() {
                rule[id] = Some("teaser");
            }
            excluded[id] |= rule[id].is_some();
        }

        let good = subtree_sums(dom, |id| {
            if blocks.is_prose(id) && !excluded[id] {
                blocks.unlinked(id)
            } else {
                0
            }
        });
        // Excluded text is not clutter: the walk prunes it anyway (measured:
        // counting it even at a quarter weight lowers F1 on both benchmarks).
        let other = subtree_sums(dom, |id| {
            let text = blocks.text[id];
            if text == 0 || excluded[id] {
                0
            } else if blocks.is_prose(id) {
                blocks.linked[id]
            } else if dom.is_heading(id) || (dom.name(id) == Some("p") && 2 * blocks.linked[id] <= text) {
                // Sub-headings and short paragraphs ("He declined to
                // comment.") are not prose by length but belong to articles.
                0
            } else {
                text
            }
        });
        TextStats {
            rule,
            excluded,
            good,
            prose_all,
            other,
            visible,
            linked,
        }
    }

    /// True when `id` is known to hold no visible text. Text is credited to
    /// its nearest block element, so only a block's count covers its whole
    /// subtree; an inline element is never known to be empty.
    pub fn has_no_visible_text(&self, dom: &Dom, id: NodeId) -> bool {
        self.visible[id] == 0 && dom.is_block_element(id)
    }

    /// Share of the subtree's visible text that is inside links.
    pub fn link_density(&self, id: NodeId) -> f64 {
        let visible = self.visible[id];
        if visible == 0 {
            0.0
        } else {
            f64::from(self.linked[id]) / f64::from(visible)
        }
    }
}

/// Text owned by each text block (the nearest block element of a text run).
struct TextBlocks {
    text: Vec<u32>,
    linked: Vec<u32>,
}

impl TextBlocks {
    fn is_prose(&self, id: NodeId) -> bool {
        let text = self.text[id];
        text as usize >= MIN_PROSE_CHARS
            && f64::from(self.linked[id]) <= MAX_PROSE_LINK_SHARE * f64::from(text)
    }

    fn unlinked(&self, id: NodeId) -> u32 {
        self.text[id].saturating_sub(self.linked[id])
    }
}

fn text_blocks(dom: &Dom) -> TextBlocks {
    let n = dom.len();
    let mut silent = vec![false; n];
    let mut in_link = vec![false; n];
    let mut block_of = vec![0usize; n];
    let mut blocks = TextBlocks {
        text: vec![0; n],
        linked: vec![0; n],
    };
    for id in 1..n {
        let parent = dom.parent(id).unwrap_or(0);
        silent[id] = silent[parent] || dom.is_invisible_element(id);
        in_link[id] = in_link[parent] || dom.name(id) == Some("a");
        block_of[id] = if dom.is_block_element(id) {
            id
        } else {
            block_of[parent]
        };
        if silent[id] {
            continue;
        }
        if let NodeKind::Text(text) = dom.kind(id) {
            let chars = visible_chars(text);
            blocks.text[block_of[id]] += chars;
            if in_link[id] {
                blocks.linked[block_of[id]] += chars;
            }
        }
    }
    blocks
}

/// Sums a per-node value over each subtree (children have larger ids than
/// their parent, so one reverse pass suffices).
fn subtree_sums(dom: &Dom, value: impl Fn(NodeId) -> u32) -> Vec<u32> {
    let mut sums: Vec<u32> = (0..dom.len()).map(value).collect();
    for id in (1..dom.len()).rev() {
        if let Some(parent) = dom.parent(id) {
            sums[parent] = sums[parent].saturating_add(sums[id]);
        }
    }
    sums
}

fn is_news_ticker(dom: &Dom, id: NodeId, visible: u32) -> bool {
    visible <= MAX_TICKER_CHARS
        && !matches!(
            dom.name(id),
            Some("td" | "th" | "tr" | "table" | "tbody" | "thead")
        )
}

fn is_tag_rule(dom: &Dom, id: NodeId, rule: &str) -> bool {
    dom.name(id).is_some_and(|name| tag_named(name, rule))
}

fn tag_named(name: &str, rule: &str) -> bool {
    matches!(
        (name, rule),
        ("nav", "nav")
            | ("menu", "nav")
            | ("footer", "footer")
            | ("aside", "aside")
            | ("figcaption", "photo-caption")
    ) || (rule == "form-controls" && name != "form")
}

/// Non-whitespace chars: markup indentation must not count as text.
fn visible_chars(text: &str) -> u32 {
    let count = text.chars().filter(|c| !c.is_whitespace()).count();
    u32::try_from(count).unwrap_or(u32::MAX)
}
