//! Where on the page a node sits, for metadata purposes: inside the
//! article's own header or byline (trusted for its date and authors), or
//! inside a related-article teaser, comment, caption, footer or sidebar
//! (whose dates and names belong to other things).

use crate::html::dom::{Dom, NodeId};

/// Class/id fragments of containers whose dates and names are not the
/// article's own.
const FOREIGN_MARKERS: &[&str] = &[
    "related",
    "teaser",
    "comment",
    "caption",
    "footer",
    "sidebar",
    "recommend",
    "promo",
    "trending",
    "popular",
    "most-read",
    "mostread",
    "more-stories",
    "morestories",
    "read-more",
    "readmore",
    "newsletter",
    "widget",
    "carousel",
    "slider",
    "card",
    "rail",
    "reply",
    "outbrain",
    "taboola",
    "next-article",
    "nav",
    "menu",
    "breadcrumb",
    "latest",
    "also",
    "share",
    "social",
];

/// Elements whose content is never the article's own metadata.
const FOREIGN_ELEMENTS: &[&str] = &[
    "aside",
    "footer",
    "figcaption",
    "figure",
    "nav",
    "form",
    "noscript",
];

/// Class/id fragments of the article's own header and byline area.
const OWN_MARKERS: &[&str] = &[
    "byline",
    "author",
    "dateline",
    "article-meta",
    "articlemeta",
    "post-meta",
    "postmeta",
    "entry-meta",
    "article-header",
    "articleheader",
    "post-header",
    "entry-header",
    "headline",
    "meta",
    "published",
    "timestamp",
    "date",
    "info",
];

/// True when `id` sits inside a teaser, comment, caption, footer, sidebar or
/// similar container.
pub fn in_foreign_region(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).chain(std::iter::once(id)).any(|node| {
        dom.name(node)
            .is_some_and(|name| FOREIGN_ELEMENTS.contains(&name))
            || has_marker(dom, node, FOREIGN_MARKERS)
    })
}

/// True when `id` sits inside the article's `<header>` or a byline/meta
/// container (checked over a few ancestors only: far-off wrappers named
/// "post-content" say nothing).
pub fn in_own_header(dom: &Dom, id: NodeId) -> bool {
    std::iter::once(id)
        .chain(dom.ancestors(id))
        .take(6)
        .any(|node| dom.name(node) == Some("header") || has_marker(dom, node, OWN_MARKERS))
}

/// True when a hyphen/underscore-separated part of the class or id of `node`
/// starts with one of `markers` ("c-related-list" and "comments" match,
/// "unrelated" does not), or it contains a hyphenated marker ("most-read").
fn has_marker(dom: &Dom, node: NodeId, markers: &[&str]) -> bool {
    ["class", "id"]
        .iter()
        .filter_map(|attr| dom.attr(node, attr))
        .any(|value| {
            let value = value.to_ascii_lowercase();
            value
                .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
                .any(|part| markers.iter().any(|m| part.starts_with(m)))
                || markers
                    .iter()
                    .filter(|m| m.contains('-'))
                    .any(|m| value.contains(*m))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_time(dom: &Dom) -> NodeId {
        dom.elements_named("time").next().expect("fixture has a <time>")
    }

    #[test]
    fn teasers_comments_and_captions_are_foreign() {
        for html in [
            r#"<div class="related-stories"><time datetime="2020-01-01">x</time></div>"#,
            r#"<section id="comments"><time>x</time></section>"#,
            r#"<figure><figcaption><time>x</time></figcaption></figure>"#,
            r#"<aside><time>x</time></aside>"#,
        ] {
            let dom = Dom::parse(html);
            assert!(in_foreign_region(&dom, first_time(&dom)), "{html}");
        }
    }

    #[test]
    fn header_and_byline_are_own() {
        let dom =
            Dom::parse(r#"<article><header><p class="c-byline__date"><time>x</time></p></header></article>"#);
        let time = first_time(&dom);
        assert!(in_own_header(&dom, time));
        assert!(!in_foreign_region(&dom, time));
        let dom = Dom::parse(r#"<div class="unrelated"><div><time>x</time></div></div>"#);
        assert!(!in_foreign_region(&dom, first_time(&dom)));
    }
}
