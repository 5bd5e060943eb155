//! Main-content extraction: the article's paragraphs out of a whole page.
//!
//! A chain of small named steps (see `docs/extraction.md`):
//! 1. **measure** (`stats`): mark elements excluded by a named rule (`rules`:
//!    nav, footer, share-buttons, related-links, comments, …) and count prose
//!    and clutter per subtree;
//! 2. **find the container** (`container`): the element whose prose best
//!    outweighs its clutter;
//! 3. **walk** it into blocks (`walk`), pruning excluded elements and link
//!    lists inside it, each with its rule name;
//! 4. **rescue**: if the class rules left almost nothing, redo 1–3 with tag
//!    rules only; if JSON-LD `articleBody` holds far more text than the DOM
//!    gave, use it instead;
//! 5. **post-process** (`filters`): drop the repeated headline and
//!    boilerplate lines, then set paywall flags (`paywall`).

mod container;
mod filters;
mod json_ld;
mod paywall;
mod rules;
mod stats;
mod walk;

use parallax_core::{Flag, Removed};

use super::dom::{normalize_whitespace, Dom};
use crate::blocks::Block;

use container::find_container;
use json_ld::json_ld_article;
use stats::TextStats;
use walk::{walk, Walked};

/// Main content of a page.
#[derive(Debug, Default)]
pub struct MainContent {
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Removed pieces.
    pub removed: Vec<Removed>,
    /// Flags.
    pub flags: Vec<Flag>,
}

/// Below this many prose chars the extraction is considered failed and the
/// class rules are suspected of having swallowed the article.
const RESCUE_BELOW_CHARS: usize = 250;
/// JSON-LD `articleBody` replaces the DOM text when the DOM text has less
/// than this share of its words …
const JSON_LD_PREFERRED_BELOW: f64 = 0.5;
/// … and the JSON-LD body has at least this many words.
const JSON_LD_MIN_WORDS: usize = 80;

/// Extracts the main content of a parsed page.
pub fn main_content(dom: &Dom) -> MainContent {
    let (mut stats, mut walked) = extract_with_rules(dom, true);
    if prose_chars(&walked.blocks) < RESCUE_BELOW_CHARS {
        let (rescue_stats, rescued) = extract_with_rules(dom, false);
        if prose_chars(&rescued.blocks) > prose_chars(&walked.blocks) {
            stats = rescue_stats;
            walked = rescued;
        }
    }

    let json_ld = json_ld_article(dom);
    if let Some(body) = json_ld.body.as_deref() {
        prefer_json_ld_body(&mut walked, body);
    }
    filters::drop_headline(
        &mut walked.blocks,
        &mut walked.removed,
        page_title(dom).as_deref(),
    );
    filters::drop_boilerplate_lines(&mut walked.blocks, &mut walked.removed);
    let flags = paywall::paywall_flags(json_ld.paywalled, &stats, &walked.removed, &walked.blocks);
    MainContent {
        blocks: walked.blocks,
        removed: walked.removed,
        flags,
    }
}

fn empty_walk() -> Walked {
    Walked {
        blocks: Vec::new(),
        removed: Vec::new(),
    }
}

fn extract_with_rules(dom: &Dom, class_rules: bool) -> (TextStats, Walked) {
    let stats = TextStats::compute(dom, class_rules);
    let walked = match find_container(dom, &stats) {
        Some(container) => walk(dom, &stats, container),
        None => empty_walk(),
    };
    (stats, walked)
}

fn prose_chars(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text.len()).sum()
}

/// Replaces the DOM blocks with the publisher's own `articleBody` when the
/// DOM extraction plainly missed most of the article.
fn prefer_json_ld_body(walked: &mut Walked, body: &str) {
    let json_ld_words = body.split_whitespace().count();
    let dom_words: usize = walked
        .blocks
        .iter()
        .map(|b| b.text.split_whitespace().count())
        .sum();
    if json_ld_words < JSON_LD_MIN_WORDS
        || (dom_words as f64) >= JSON_LD_PREFERRED_BELOW * json_ld_words as f64
    {
        return;
    }
    let body_lines: Vec<Block> = body
        .lines()
        .map(plain_line)
        .filter(|l| !l.is_empty())
        .map(Block::paragraph)
        .collect();
    for block in walked.blocks.drain(..) {
        walked.removed.push(Removed::new(block.text, "json-ld-preferred"));
    }
    walked.blocks = body_lines;
}

/// One line of `articleBody`: plain text, though some publishers leave
/// markup or entities in it.
fn plain_line(line: &str) -> String {
    if line.contains('<') || line.contains('&') {
        let dom = Dom::parse(line);
        dom.text_content(dom.root())
    } else {
        normalize_whitespace(line)
    }
}

/// The page title from `<title>` or `og:title`, for spotting the headline.
fn page_title(dom: &Dom) -> Option<String> {
    let og_title = dom
        .elements_named("meta")
        .find(|&m| dom.attr(m, "property").or_else(|| dom.attr(m, "name")) == Some("og:title"))
        .and_then(|m| dom.attr(m, "content"))
        .map(normalize_whitespace);
    og_title
        .filter(|t| !t.is_empty())
        .or_else(|| dom.elements_named("title").next().map(|t| dom.text_content(t)))
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests;
