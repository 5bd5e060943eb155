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
//! 5. **post-process** (`filters`): drop the repeated headline with its
//!    kicker and boilerplate lines, then set the paywall and truncation
//!    flags (`paywall`, `truncation`).
//!
//! Everything kept or dropped goes through one ordered [`trail::Trail`],
//! together with the visible text outside the container (`outside`), so the
//! `removed` list says what went and why, in page order.

mod container;
mod filters;
mod json_ld;
mod outside;
mod paywall;
mod rules;
mod stats;
mod trail;
mod truncation;
mod walk;

use parallax_core::{Flag, Removed};

use super::dom::{normalize_whitespace, Dom, NodeId};
use crate::blocks::Block;

use container::find_container;
use json_ld::json_ld_article;
use outside::outside_text;
use stats::TextStats;
use trail::Trail;
use walk::walk;

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
    let mut found = extract_with_rules(dom, true);
    if found.trail.kept_chars() < RESCUE_BELOW_CHARS {
        let rescued = extract_with_rules(dom, false);
        if rescued.trail.kept_chars() > found.trail.kept_chars() {
            found = rescued;
        }
    }
    let Found {
        stats,
        container,
        mut trail,
    } = found;

    let json_ld = json_ld_article(dom);
    if let Some(body) = json_ld.body.as_deref() {
        prefer_json_ld_body(&mut trail, body);
    }
    filters::drop_headline(&mut trail, page_title(dom).as_deref());
    filters::drop_boilerplate_lines(&mut trail);
    // Flags before the outside text joins the trail: a sign-up prompt in a
    // site-wide overlay or login form says nothing about where *this* body
    // stops (the `paywall` class marker, page-wide, is read from `stats`).
    let flags = paywall::body_flags(json_ld.paywalled, &stats, &trail);
    let trail = match container {
        Some(container) => {
            let (mut before, after) = outside_text(dom, &stats, container);
            before.pieces.extend(trail.pieces);
            before.pieces.extend(after.pieces);
            before
        }
        None => trail,
    };
    let (blocks, removed) = trail.finish();
    MainContent {
        blocks,
        removed,
        flags,
    }
}

/// One extraction attempt: the statistics it used, the container it chose
/// and the container's trail.
struct Found {
    stats: TextStats,
    container: Option<NodeId>,
    trail: Trail,
}

fn extract_with_rules(dom: &Dom, class_rules: bool) -> Found {
    let stats = TextStats::compute(dom, class_rules);
    let container = find_container(dom, &stats);
    let trail = container.map_or_else(Trail::default, |c| walk(dom, &stats, c));
    Found {
        stats,
        container,
        trail,
    }
}

/// Replaces the DOM blocks with the publisher's own `articleBody` when the
/// DOM extraction plainly missed most of the article.
fn prefer_json_ld_body(trail: &mut Trail, body: &str) {
    let json_ld_words = body.split_whitespace().count();
    let dom_words: usize = trail.kept().map(|b| b.text.split_whitespace().count()).sum();
    if json_ld_words < JSON_LD_MIN_WORDS
        || (dom_words as f64) >= JSON_LD_PREFERRED_BELOW * json_ld_words as f64
    {
        return;
    }
    trail.drop_all_kept("json-ld-preferred");
    for line in body.lines().map(plain_line).filter(|l| !l.is_empty()) {
        trail.keep(None, Block::paragraph(line));
    }
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
