//! A parsed HTML document: an arena of nodes with cheap navigation.
//!
//! `Dom` owns the tree every HTML step reads (main content, metadata). Nodes
//! are stored in document order, so the descendants of a node are the
//! contiguous index range after it; `descendants` is a range, not a walk.
//! Text nodes are entity-decoded at parse time, except the raw text of
//! `<script>`/`<style>` (kept verbatim so JSON-LD can be read from
//! `text_content` of its script element). Those raw-text elements never
//! contribute to the text of an ancestor.
//!
//! The parser is our own (see `dom/parse.rs`): measured on the Zyte pages it
//! is many times faster than html5ever-based parsers, and extraction speed is
//! one of Parallax's targets.

mod elements;
mod parse;

pub use elements::{is_block, is_invisible};
pub use parse::decode_entities;

/// Index of a node in its [`Dom`].
pub type NodeId = usize;

/// Name given to the synthetic root element that holds the whole document.
pub const ROOT_NAME: &str = "#document";

/// What a node is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// An element with its lowercase name and attributes (names lowercase,
    /// values entity-decoded, first occurrence wins).
    Element {
        /// Tag name, lowercase.
        name: String,
        /// Attributes in source order.
        attrs: Vec<(String, String)>,
    },
    /// Text, entity-decoded (raw for `<script>`/`<style>`), whitespace as in the source.
    Text(String),
    /// A comment (its text is not kept).
    Comment,
}

#[derive(Debug, Clone)]
pub(crate) struct Node {
    kind: NodeKind,
    parent: Option<NodeId>,
    /// One past the last descendant's index.
    end: NodeId,
    /// Element categories (see `elements`), 0 for other nodes.
    categories: elements::Categories,
}

/// A parsed HTML document.
#[derive(Debug, Clone)]
pub struct Dom {
    nodes: Vec<Node>,
    /// Children of node `i` are `child_ids[child_start[i]..child_start[i + 1]]`:
    /// one allocation for all child lists instead of one per node.
    child_start: Vec<usize>,
    child_ids: Vec<NodeId>,
    /// The page's JSON-LD blocks, parsed on first use: both the content
    /// extractor (articleBody, paywall marker) and the metadata reader need
    /// them, and parsing them twice cost a second pass over every page.
    json_ld: std::cell::OnceCell<Vec<serde_json::Value>>,
}

impl Dom {
    /// Parses any string as HTML, as a browser would (never fails, never panics).
    pub fn parse(html: &str) -> Dom {
        let nodes = parse::parse_nodes(html);
        let (child_start, child_ids) = child_lists(&nodes);
        Dom {
            nodes,
            child_start,
            child_ids,
            json_ld: std::cell::OnceCell::new(),
        }
    }

    /// Every `<script type="application/ld+json">` block that parses as JSON,
    /// in document order, parsed once per page. Malformed JSON-LD is common:
    /// a block that does not parse says nothing.
    pub fn json_ld(&self) -> &[serde_json::Value] {
        self.json_ld.get_or_init(|| {
            self.elements_named("script")
                .filter(|&script| {
                    self.attr(script, "type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                })
                .filter_map(|script| serde_json::from_str(self.text_content(script).trim()).ok())
                .collect()
        })
    }

    /// The document root: an element named [`ROOT_NAME`] holding everything.
    pub fn root(&self) -> NodeId {
        0
    }

    /// Number of nodes (ids are `0..len()`).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when the document has only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// What node `id` is. Panics only on an id not from this `Dom`.
    pub fn kind(&self, id: NodeId) -> &NodeKind {
        &self.nodes[id].kind
    }

    /// The parent (`None` for the root).
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id).and_then(|n| n.parent)
    }

    /// Children in document order.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        match (self.child_start.get(id), self.child_start.get(id + 1)) {
            (Some(&start), Some(&end)) => &self.child_ids[start..end],
            _ => &[],
        }
    }

    /// True for block-level elements (their edges separate words).
    pub fn is_block_element(&self, id: NodeId) -> bool {
        self.nodes
            .get(id)
            .is_some_and(|n| n.categories & elements::BLOCK != 0)
    }

    /// True for elements whose text is not visible prose (`<script>`, `<svg>`, …).
    pub fn is_invisible_element(&self, id: NodeId) -> bool {
        self.nodes
            .get(id)
            .is_some_and(|n| n.categories & elements::INVISIBLE != 0)
    }

    /// True for `<h1>` … `<h6>`.
    pub fn is_heading(&self, id: NodeId) -> bool {
        self.nodes
            .get(id)
            .is_some_and(|n| n.categories & elements::HEADING != 0)
    }

    /// The element name (lowercase), `None` for text and comments.
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(NodeKind::Element { name, .. }) => Some(name),
            _ => None,
        }
    }

    /// The text of a text node, `None` for other nodes.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(NodeKind::Text(text)) => Some(text),
            _ => None,
        }
    }

    /// All attributes of an element (empty for other nodes).
    pub fn attrs(&self, id: NodeId) -> &[(String, String)] {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(NodeKind::Element { attrs, .. }) => attrs,
            _ => &[],
        }
    }

    /// Value of attribute `name` (matched case-insensitively).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attrs(id)
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Ancestors from the parent up to the root.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&n| self.parent(n))
    }

    /// All nodes inside `id` (not `id` itself), in document order.
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let end = self.nodes.get(id).map_or(id, |n| n.end);
        (id + 1).min(end)..end
    }

    /// One past the last descendant of `id`: `id..subtree_end(id)` is its subtree.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        self.nodes.get(id).map_or(id, |n| n.end)
    }

    /// All elements named `name` (case-insensitive) in document order.
    pub fn elements_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(move |(id, node)| match &node.kind {
                NodeKind::Element { name: n, .. } if n.eq_ignore_ascii_case(name) => Some(id),
                _ => None,
            })
    }

    /// The visible text inside `id`, entity-decoded, whitespace collapsed to
    /// single spaces and trimmed; block boundaries separate words. Text of
    /// `<script>`, `<style>`, `<template>`, … is left out unless `id` is such
    /// an element itself (so `text_content(script)` returns the JSON-LD).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut raw = String::new();
        if let Some(text) = self.text(id) {
            raw.push_str(text);
        } else {
            self.collect_text(id, &mut raw);
        }
        normalize_whitespace(&raw)
    }

    /// Appends the visible text under `id`; iterative, so deep markup
    /// cannot overflow the stack.
    fn collect_text(&self, id: NodeId, out: &mut String) {
        // `None` marks the end of a block element: a word break.
        let mut stack: Vec<Option<NodeId>> = self.children(id).iter().rev().map(|&c| Some(c)).collect();
        while let Some(entry) = stack.pop() {
            let Some(node) = entry else {
                out.push(' ');
                continue;
            };
            match &self.nodes[node].kind {
                NodeKind::Text(text) => out.push_str(text),
                NodeKind::Comment => {}
                NodeKind::Element { .. } => {
                    let categories = self.nodes[node].categories;
                    if categories & elements::INVISIBLE != 0 {
                        continue;
                    }
                    if categories & elements::BLOCK != 0 {
                        out.push(' ');
                        stack.push(None);
                    }
                    stack.extend(self.children(node).iter().rev().map(|&c| Some(c)));
                }
            }
        }
    }
}

/// Flat child lists: nodes are in document order, so filling each parent's
/// slot in id order lists its children in document order.
fn child_lists(nodes: &[Node]) -> (Vec<usize>, Vec<NodeId>) {
    let mut start = vec![0usize; nodes.len() + 1];
    for node in nodes {
        if let Some(parent) = node.parent {
            start[parent + 1] += 1;
        }
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut cursor = start.clone();
    let mut ids = vec![0; nodes.len().saturating_sub(1)];
    for (id, node) in nodes.iter().enumerate() {
        if let Some(parent) = node.parent {
            ids[cursor[parent]] = id;
            cursor[parent] += 1;
        }
    }
    (start, ids)
}

/// Collapses every run of whitespace (including NBSP-free Unicode spaces) to
/// one space and trims the ends.
pub fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom, ids: &[NodeId]) -> Vec<String> {
        ids.iter()
            .map(|&id| dom.name(id).unwrap_or("#text").to_owned())
            .collect()
    }

    #[test]
    fn decodes_entities_in_text_and_attributes() {
        let dom =
            Dom::parse(r#"<p title="a &amp; b">Kyiv&#8217;s &rsquo;air&rsquo; &amp; sea&#x2014;&nbsp;x</p>"#);
        let p = dom.elements_named("p").next().expect("p");
        assert_eq!(dom.attr(p, "TITLE"), Some("a & b"));
        assert_eq!(dom.text_content(p), "Kyiv’s ’air’ & sea— x");
    }

    #[test]
    fn script_text_is_raw_and_kept_out_of_ancestor_text() {
        let html =
            r#"<body><script type="application/ld+json">{"a":"<p>&amp;</p>"}</script><p>Hi</p></body>"#;
        let dom = Dom::parse(html);
        let script = dom.elements_named("script").next().expect("script");
        assert_eq!(dom.text_content(script), r#"{"a":"<p>&amp;</p>"}"#);
        let body = dom.elements_named("body").next().expect("body");
        assert_eq!(dom.text_content(body), "Hi");
        assert_eq!(dom.elements_named("p").count(), 1);
    }

    #[test]
    fn implied_end_tags_make_siblings() {
        let dom = Dom::parse("<div><p>one<p>two<ul><li>a<li>b</ul></div>");
        let div = dom.elements_named("div").next().expect("div");
        assert_eq!(names(&dom, dom.children(div)), ["p", "p", "ul"]);
        let ul = dom.elements_named("ul").next().expect("ul");
        assert_eq!(names(&dom, dom.children(ul)), ["li", "li"]);
    }

    #[test]
    fn stray_inline_end_tag_does_not_close_a_block() {
        let dom = Dom::parse("<div><p>one</span> two</p><p>three</p></div>");
        let div = dom.elements_named("div").next().expect("div");
        assert_eq!(dom.children(div).len(), 2);
        assert_eq!(dom.text_content(div), "one two three");
    }

    #[test]
    fn descendants_are_in_document_order_and_bounded() {
        let dom = Dom::parse("<div id=a><b>x</b><i>y</i></div><p>z</p>");
        let div = dom.elements_named("div").next().expect("div");
        assert_eq!(
            names(&dom, &dom.descendants(div).collect::<Vec<_>>()),
            ["b", "#text", "i", "#text"]
        );
        assert_eq!(dom.attr(div, "id"), Some("a"));
        let p = dom.elements_named("p").next().expect("p");
        assert_eq!(dom.parent(p), Some(dom.root()));
    }

    #[test]
    fn comments_doctype_void_and_table_cells() {
        let dom =
            Dom::parse("<!DOCTYPE html><!-- <p>no</p> --><table><tr><td>a<td>b<tr><td>c</table><img src=x>d");
        assert_eq!(dom.elements_named("p").count(), 0);
        assert_eq!(dom.elements_named("td").count(), 3);
        assert_eq!(dom.elements_named("tr").count(), 2);
        let img = dom.elements_named("img").next().expect("img");
        assert!(dom.children(img).is_empty());
        assert_eq!(dom.text_content(dom.root()), "a b c d");
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for html in [
            "<",
            "<a href=\"",
            "<!--",
            "<script>x",
            "</",
            "<p>é<",
            "<![CDATA[x",
            "<a b='é",
        ] {
            let dom = Dom::parse(html);
            let _ = dom.text_content(dom.root());
        }
    }

    #[test]
    fn one_body_even_when_repeated() {
        let dom = Dom::parse("<html><body class=a><p>x</p></body></html><body id=b><p>y</p>");
        assert_eq!(dom.elements_named("body").count(), 1);
        let body = dom.elements_named("body").next().expect("body");
        assert_eq!(dom.attr(body, "id"), Some("b"));
        assert_eq!(dom.children(body).len(), 2);
    }
}
