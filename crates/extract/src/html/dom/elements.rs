//! Element categories the tree builder and text serialisation need: which
//! elements have no content, which hold raw text, which end a paragraph, and
//! which bound the search for a matching end tag (a small subset of the HTML
//! standard's tables, enough to rebuild the tree browsers build on real pages).
//!
//! The `match`es below are the definitions; `categories` folds them into a
//! bit set looked up once per element from a hash table, because chains of
//! string comparisons per tag were a measured hot spot of parsing.

use std::collections::HashMap;

use once_cell::sync::Lazy;

/// Bit set of the categories below.
pub type Categories = u16;
/// See [`is_void`].
pub const VOID: Categories = 1;
/// See [`closes_paragraph`].
pub const CLOSES_P: Categories = 1 << 1;
/// See [`is_scope_boundary`].
pub const SCOPE: Categories = 1 << 2;
/// See [`is_special`].
pub const SPECIAL: Categories = 1 << 3;
/// See [`is_block`].
pub const BLOCK: Categories = 1 << 4;
/// See [`is_invisible`].
pub const INVISIBLE: Categories = 1 << 5;
/// `<h1>` … `<h6>`.
pub const HEADING: Categories = 1 << 6;

const KNOWN: &[&str] = &[
    "a",
    "abbr",
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "keygen",
    "label",
    "li",
    "link",
    "listing",
    "main",
    "map",
    "marquee",
    "math",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "picture",
    "pre",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "summary",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "u",
    "ul",
    "video",
    "wbr",
    "xmp",
];

static TABLE: Lazy<HashMap<&'static str, Categories>> = Lazy::new(|| {
    KNOWN
        .iter()
        .map(|&name| (name, compute_categories(name)))
        .collect()
});

/// The categories of an element name (lowercase); 0 for unknown elements.
pub fn categories(name: &str) -> Categories {
    TABLE.get(name).copied().unwrap_or(0)
}

fn compute_categories(name: &str) -> Categories {
    let mut bits = 0;
    for (holds, bit) in [
        (is_void(name), VOID),
        (closes_paragraph(name), CLOSES_P),
        (is_scope_boundary(name), SCOPE),
        (is_special(name), SPECIAL),
        (is_block(name), BLOCK),
        (is_invisible(name), INVISIBLE),
        (matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"), HEADING),
    ] {
        if holds {
            bits |= bit;
        }
    }
    bits
}

/// Elements that never have children (`<br>`, `<img>`, …).
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "basefont"
            | "bgsound"
            | "frame"
    )
}

/// How the tokenizer reads the content of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentModel {
    /// Ordinary markup.
    Normal,
    /// Raw text up to the matching end tag, no entity decoding (`<script>`).
    RawText,
    /// Text up to the matching end tag, entities decoded (`<title>`).
    EscapableRawText,
}

/// The content model of an element's children.
pub fn content_model(name: &str) -> ContentModel {
    match name {
        // `noscript` is raw text in a browser with scripting on, which is what
        // the page author expects readers to see; its fallback markup is noise.
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => ContentModel::RawText,
        "title" | "textarea" => ContentModel::EscapableRawText,
        _ => ContentModel::Normal,
    }
}

/// Start tags that implicitly close an open `<p>` (the standard's list).
pub fn closes_paragraph(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "dd"
            | "dt"
            | "li"
            | "listing"
    )
}

/// Elements a search for an open element must not cross (the standard's
/// "has an element in scope" boundaries).
pub fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "html" | "table" | "td" | "th" | "caption" | "template" | "object" | "marquee" | "applet" | "svg"
    )
}

/// Structural ("special") elements: an end tag of an inline element that
/// meets one of these before its start tag is ignored, as in browsers.
pub fn is_special(name: &str) -> bool {
    closes_paragraph(name)
        || is_scope_boundary(name)
        || matches!(
            name,
            "body" | "head" | "button" | "select" | "tbody" | "thead" | "tfoot" | "tr" | "script" | "style"
        )
}

/// Elements whose boundaries separate words when text is flattened.
pub fn is_block(name: &str) -> bool {
    closes_paragraph(name)
        || matches!(
            name,
            "br" | "body"
                | "head"
                | "html"
                | "li"
                | "td"
                | "th"
                | "tr"
                | "caption"
                | "title"
                | "option"
                | "img"
                | "button"
                | "label"
                | "input"
                | "select"
                | "textarea"
                | "tbody"
                | "thead"
                | "tfoot"
        )
}

/// Elements whose text never belongs to the visible flow of prose (scripts,
/// styles, embedded media and graphics).
pub fn is_invisible(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "iframe"
            | "noembed"
            | "noframes"
            | "svg"
            | "math"
            | "canvas"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "map"
            | "picture"
    )
}
