//! One pass over the source that tokenizes and builds the tree at once.
//!
//! The tokenizer jumps between `<` with `memchr` and only looks at the bytes
//! of tags, so a page is parsed at hundreds of MB/s. The tree builder applies
//! the parts of the HTML standard's tree construction that change what text
//! belongs where on real pages: void elements, raw-text elements, implied end
//! tags (`<p>`, `<li>`, `<td>`, headings, options), scoped end-tag matching,
//! and one `<html>`/`<head>`/`<body>`. It skips what only matters for
//! rendering (foster parenting, the adoption agency for misnested inline
//! tags, quirks). Every index it slices at is an ASCII delimiter, so slicing
//! is always on a char boundary: it cannot panic on any input.

use std::borrow::Cow;

use memchr::{memchr, memmem};

use super::elements::{
    categories, content_model, Categories, ContentModel, CLOSES_P, HEADING, SCOPE, SPECIAL, VOID,
};
use super::{Node, NodeId, NodeKind, ROOT_NAME};

/// Parses `html` into an arena of nodes whose index 0 is the document root.
pub(super) fn parse_nodes(html: &str) -> Vec<Node> {
    let mut builder = TreeBuilder::new(html.len());
    Tokenizer { src: html, pos: 0 }.run(&mut builder);
    builder.finish()
}

/// Entity-decodes text (`&amp;`, `&#8217;`, `&rsquo;`, …).
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    html_escape::decode_html_entities(text)
}

struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn run(&mut self, builder: &mut TreeBuilder) {
        let bytes = self.bytes();
        let mut text_start = 0;
        while let Some(offset) = memchr(b'<', &bytes[self.pos..]) {
            let lt = self.pos + offset;
            let next = bytes.get(lt + 1).copied();
            let is_markup = match next {
                Some(b'!') | Some(b'?') => true,
                Some(b'/') => bytes
                    .get(lt + 2)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'>'),
                Some(c) => c.is_ascii_alphabetic(),
                None => false,
            };
            if !is_markup {
                // A literal `<` in text ("a < b").
                self.pos = lt + 1;
                continue;
            }
            builder.text(&self.src[text_start..lt], true);
            self.pos = lt;
            match next {
                Some(b'!') => self.markup_declaration(builder),
                Some(b'?') => self.skip_past(b'>'),
                Some(b'/') => self.end_tag(builder),
                _ => self.start_tag(builder),
            }
            text_start = self.pos;
        }
        builder.text(&self.src[text_start..], true);
    }

    /// Moves past the next `byte`, or to the end of input.
    fn skip_past(&mut self, byte: u8) {
        self.pos = match memchr(byte, &self.bytes()[self.pos..]) {
            Some(offset) => self.pos + offset + 1,
            None => self.src.len(),
        };
    }

    /// `<!-- … -->`, `<!DOCTYPE …>`, `<![CDATA[ … ]]>`.
    fn markup_declaration(&mut self, builder: &mut TreeBuilder) {
        let rest = &self.bytes()[self.pos..];
        if rest.starts_with(b"<!--") {
            self.pos = match memmem::find(&rest[4..], b"-->") {
                Some(offset) => self.pos + 4 + offset + 3,
                None => self.src.len(),
            };
            builder.comment();
        } else if rest.starts_with(b"<![CDATA[") {
            let start = self.pos + 9;
            let (end, after) = match memmem::find(&rest[9..], b"]]>") {
                Some(offset) => (start + offset, start + offset + 3),
                None => (self.src.len(), self.src.len()),
            };
            builder.text(&self.src[start..end], false);
            self.pos = after;
        } else {
            self.skip_past(b'>');
        }
    }

    fn end_tag(&mut self, builder: &mut TreeBuilder) {
        let name_start = self.pos + 2;
        let name_end = self.name_end(name_start);
        let name = self.src[name_start..name_end].to_ascii_lowercase();
        self.pos = name_end;
        self.skip_past(b'>');
        if !name.is_empty() {
            builder.end_tag(&name);
        }
    }

    fn name_end(&self, start: usize) -> usize {
        let bytes = self.bytes();
        let mut end = start;
        while end < bytes.len() && !matches!(bytes[end], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
            end += 1;
        }
        end
    }

    fn start_tag(&mut self, builder: &mut TreeBuilder) {
        let name_start = self.pos + 1;
        let name_end = self.name_end(name_start);
        let name = self.src[name_start..name_end].to_ascii_lowercase();
        self.pos = name_end;
        let Some((attrs, self_closing)) = self.attributes() else {
            // A tag cut off by the end of input is dropped, as in browsers.
            self.pos = self.src.len();
            return;
        };
        // Inside SVG/MathML, `<style>`/`<script>` are ordinary elements.
        let in_foreign = builder.foreign_depth > 0;
        builder.start_tag(name.clone(), attrs, self_closing);
        if in_foreign {
            return;
        }
        match content_model(&name) {
            ContentModel::Normal => {}
            ContentModel::RawText => self.raw_text(builder, &name, false),
            ContentModel::EscapableRawText => self.raw_text(builder, &name, true),
        }
    }

    /// Reads attributes up to and including the closing `>`; `None` at end of
    /// input. Returns whether the tag ended with `/>`.
    fn attributes(&mut self) -> Option<(Vec<(String, String)>, bool)> {
        let bytes = self.bytes();
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut self_closing = false;
        loop {
            while self.pos < bytes.len() && (bytes[self.pos].is_ascii_whitespace() || bytes[self.pos] == b'/')
            {
                self_closing = bytes[self.pos] == b'/';
                self.pos += 1;
            }
            match bytes.get(self.pos) {
                None => return None,
                Some(b'>') => {
                    self.pos += 1;
                    return Some((attrs, self_closing));
                }
                Some(_) => {}
            }
            self_closing = false;
            let name_start = self.pos;
            // The first character may be `=` (the standard keeps it in the name).
            self.pos += 1;
            while self.pos < bytes.len()
                && !matches!(
                    bytes[self.pos],
                    b'>' | b'/' | b'=' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c
                )
            {
                self.pos += 1;
            }
            let name = self
                .src
                .get(name_start..self.pos)
                .unwrap_or_default()
                .to_ascii_lowercase();
            let mut after_name = self.pos;
            while after_name < bytes.len() && bytes[after_name].is_ascii_whitespace() {
                after_name += 1;
            }
            let value = if bytes.get(after_name) == Some(&b'=') {
                self.pos = after_name + 1;
                while self.pos < bytes.len() && bytes[self.pos].is_ascii_whitespace() {
                    self.pos += 1;
                }
                self.attribute_value()?
            } else {
                String::new()
            };
            if !attrs.iter().any(|(existing, _)| *existing == name) {
                attrs.push((name, value));
            }
        }
    }

    fn attribute_value(&mut self) -> Option<String> {
        let bytes = self.bytes();
        let quote = *bytes.get(self.pos)?;
        let (start, end) = if quote == b'"' || quote == b'\'' {
            let start = self.pos + 1;
            let end = start + memchr(quote, &bytes[start..])?;
            self.pos = end + 1;
            (start, end)
        } else {
            let start = self.pos;
            while self.pos < bytes.len()
                && !matches!(bytes[self.pos], b'>' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
            {
                self.pos += 1;
            }
            (start, self.pos)
        };
        Some(decode_entities(&self.src[start..end]).into_owned())
    }

    /// Content of `<script>`, `<style>`, `<title>`, … up to `</name`.
    fn raw_text(&mut self, builder: &mut TreeBuilder, name: &str, decode: bool) {
        let bytes = self.bytes();
        let start = self.pos;
        let mut search = start;
        let end = loop {
            let Some(offset) = memchr(b'<', &bytes[search..]) else {
                break self.src.len();
            };
            let lt = search + offset;
            let tag = lt + 2;
            let closes = bytes.get(lt + 1) == Some(&b'/')
                && bytes
                    .get(tag..tag + name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && bytes
                    .get(tag + name.len())
                    .is_none_or(|c| matches!(c, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c));
            if closes {
                break lt;
            }
            search = lt + 1;
        };
        builder.text(&self.src[start..end], decode);
        self.pos = end;
        if end < self.src.len() {
            self.skip_past(b'>');
        }
        builder.end_tag(name);
    }
}

struct TreeBuilder {
    nodes: Vec<Node>,
    /// Open elements, innermost last (the root is implicit below them).
    open: Vec<NodeId>,
    /// How many `<svg>`/`<math>` are open: inside them `/>` closes a tag.
    foreign_depth: usize,
    /// How many `<p>` are open: most start tags would otherwise search the
    /// open stack for one.
    open_paragraphs: usize,
    html: Option<NodeId>,
    head: Option<NodeId>,
    body: Option<NodeId>,
}

impl TreeBuilder {
    fn new(source_len: usize) -> Self {
        let mut nodes = Vec::with_capacity(source_len / 40 + 1);
        nodes.push(Node {
            kind: NodeKind::Element {
                name: ROOT_NAME.to_owned(),
                attrs: Vec::new(),
            },
            parent: None,
            end: 1,
            categories: 0,
        });
        TreeBuilder {
            nodes,
            open: Vec::with_capacity(64),
            foreign_depth: 0,
            open_paragraphs: 0,
            html: None,
            head: None,
            body: None,
        }
    }

    fn current(&self) -> NodeId {
        self.open.last().copied().unwrap_or(0)
    }

    fn name_of(&self, id: NodeId) -> &str {
        match &self.nodes[id].kind {
            NodeKind::Element { name, .. } => name,
            _ => "",
        }
    }

    fn categories_of(&self, id: NodeId) -> Categories {
        self.nodes[id].categories
    }

    fn append(&mut self, kind: NodeKind) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        let categories = match &kind {
            NodeKind::Element { name, .. } => categories(name),
            _ => 0,
        };
        self.nodes.push(Node {
            kind,
            parent: Some(parent),
            end: id + 1,
            categories,
        });
        id
    }

    fn text(&mut self, text: &str, decode: bool) {
        if text.is_empty() {
            return;
        }
        let text = if decode {
            decode_entities(text)
        } else {
            Cow::Borrowed(text)
        };
        let parent = self.current();
        // Adjacent text (around an ignored tag) is one node, as in browsers.
        // Nodes are in document order, so a text node that is the current
        // element's last child is the newest node.
        if let Some(last) = self.nodes.last_mut() {
            if last.parent == Some(parent) {
                if let NodeKind::Text(existing) = &mut last.kind {
                    existing.push_str(&text);
                    return;
                }
            }
        }
        self.append(NodeKind::Text(text.into_owned()));
    }

    fn comment(&mut self) {
        self.append(NodeKind::Comment);
    }

    fn start_tag(&mut self, name: String, attrs: Vec<(String, String)>, self_closing: bool) {
        if self.foreign_depth > 0 {
            let foreign_leaf = self_closing;
            self.open_element(name, attrs, foreign_leaf);
            return;
        }
        match name.as_str() {
            "html" | "body" | "head" => {
                let existing = match name.as_str() {
                    "html" => self.html,
                    "head" => self.head,
                    _ => self.body,
                };
                if let Some(id) = existing {
                    self.merge_attrs(id, attrs);
                    return;
                }
                if name == "body" {
                    self.close_head();
                }
            }
            // Anything that cannot live in `<head>` means the head has ended.
            "meta" | "link" | "title" | "script" | "style" | "base" | "noscript" | "template"
            | "basefont" | "bgsound" => {}
            _ if self.head_is_open() => self.close_head(),
            _ => {}
        }
        match name.as_str() {
            "li" => self.close_list_item(&["li"]),
            "dd" | "dt" => self.close_list_item(&["dd", "dt"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close_paragraph();
                if self.categories_of(self.current()) & HEADING != 0 {
                    self.pop();
                }
            }
            "option" => self.pop_if_current(&["option"]),
            "optgroup" => self.pop_if_current(&["option", "optgroup"]),
            "tr" => self.close_within_table(&["tr"], &["table"]),
            "td" | "th" => self.close_within_table(&["td", "th"], &["tr", "table"]),
            "tbody" | "thead" | "tfoot" => self.close_within_table(&["tbody", "thead", "tfoot"], &["table"]),
            "a" => self.close_open_anchor(),
            _ => {}
        }
        let bits = categories(&name);
        if bits & CLOSES_P != 0 && bits & HEADING == 0 {
            self.close_paragraph();
        }
        let leaf = bits & VOID != 0;
        let id = self.open_element(name, attrs, leaf);
        match self.name_of(id) {
            "html" => self.html = Some(id),
            "head" => self.head = Some(id),
            "body" => self.body = Some(id),
            _ => {}
        }
    }

    fn open_element(&mut self, name: String, attrs: Vec<(String, String)>, leaf: bool) -> NodeId {
        let foreign = name == "svg" || name == "math";
        let id = self.append(NodeKind::Element { name, attrs });
        if !leaf {
            self.open.push(id);
            if foreign {
                self.foreign_depth += 1;
            }
            if self.name_of(id) == "p" {
                self.open_paragraphs += 1;
            }
        }
        id
    }

    fn merge_attrs(&mut self, id: NodeId, new_attrs: Vec<(String, String)>) {
        if let NodeKind::Element { attrs, .. } = &mut self.nodes[id].kind {
            for (name, value) in new_attrs {
                if !attrs.iter().any(|(existing, _)| *existing == name) {
                    attrs.push((name, value));
                }
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "br" => {
                self.start_tag("br".to_owned(), Vec::new(), false);
                return;
            }
            // Content after `</body>` still belongs to the body in browsers.
            "body" | "html" => return,
            _ => {}
        }
        if self.foreign_depth > 0 {
            if let Some(index) = self.find_open(name, |n, _| n == "html") {
                self.pop_to(index);
                return;
            }
        }
        if categories(name) & SPECIAL != 0 {
            let boundary = |n: &str, bits: Categories| {
                bits & SCOPE != 0
                    || (name == "li" && (n == "ul" || n == "ol"))
                    || (name == "p" && n == "button")
            };
            if let Some(index) = self.find_open(name, boundary) {
                self.pop_to(index);
            }
        } else if let Some(index) = self.find_open(name, |_, bits| bits & SPECIAL != 0) {
            self.pop_to(index);
        }
    }

    /// Index in `open` of the innermost element named `name`, searching
    /// outwards and stopping at the first element for which `stop` holds.
    fn find_open(&self, name: &str, stop: impl Fn(&str, Categories) -> bool) -> Option<usize> {
        for (index, &id) in self.open.iter().enumerate().rev() {
            let open_name = self.name_of(id);
            if open_name == name {
                return Some(index);
            }
            if stop(open_name, self.categories_of(id)) {
                return None;
            }
        }
        None
    }

    /// Closes the element at `index` of the open stack and everything inside it.
    fn pop_to(&mut self, index: usize) {
        while self.open.len() > index {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(id) = self.open.pop() {
            self.nodes[id].end = self.nodes.len();
            match self.name_of(id) {
                "svg" | "math" => self.foreign_depth = self.foreign_depth.saturating_sub(1),
                "p" => self.open_paragraphs = self.open_paragraphs.saturating_sub(1),
                _ => {}
            }
        }
    }

    fn pop_if_current(&mut self, names: &[&str]) {
        if names.contains(&self.name_of(self.current())) && !self.open.is_empty() {
            self.pop();
        }
    }

    fn head_is_open(&self) -> bool {
        self.head.is_some() && self.open.iter().any(|&id| Some(id) == self.head)
    }

    fn close_head(&mut self) {
        if let Some(head) = self.head {
            if let Some(index) = self.open.iter().position(|&id| id == head) {
                self.pop_to(index);
            }
        }
    }

    fn close_paragraph(&mut self) {
        if self.open_paragraphs == 0 {
            return;
        }
        if let Some(index) = self.find_open("p", |n, bits| bits & SCOPE != 0 || n == "button") {
            self.pop_to(index);
        }
    }

    /// A new `<li>` closes the open one (likewise `<dd>`/`<dt>`), unless a
    /// structural element other than `div`/`p`/`address` lies between.
    fn close_list_item(&mut self, names: &[&str]) {
        for index in (0..self.open.len()).rev() {
            let open_name = self.name_of(self.open[index]);
            if names.contains(&open_name) {
                self.pop_to(index);
                return;
            }
            if self.categories_of(self.open[index]) & SPECIAL != 0
                && !matches!(open_name, "div" | "p" | "address")
            {
                return;
            }
        }
    }

    fn close_within_table(&mut self, names: &[&str], stops: &[&str]) {
        for index in (0..self.open.len()).rev() {
            let open_name = self.name_of(self.open[index]);
            if names.contains(&open_name) {
                self.pop_to(index);
                return;
            }
            if stops.contains(&open_name) {
                return;
            }
        }
    }

    /// Links do not nest: a new `<a>` closes an open one in the same block.
    fn close_open_anchor(&mut self) {
        if let Some(index) = self.find_open("a", |_, bits| bits & SPECIAL != 0) {
            self.pop_to(index);
        }
    }

    fn finish(mut self) -> Vec<Node> {
        self.pop_to(0);
        let len = self.nodes.len();
        self.nodes[0].end = len;
        self.nodes
    }
}
