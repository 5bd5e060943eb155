//! Who wrote the page and which agencies supplied it: JSON-LD `author`, then
//! author `<meta>` tags, then byline elements (`rel=author`,
//! `itemprop=author`, classes like "byline" or "author") outside teasers and
//! comments. People come from the first source that names any; agencies are
//! gathered from all of them, and never end up among the authors.

use super::json_ld::JsonLdFacts;
use super::meta_tags::MetaTags;
use super::regions::in_foreign_region;
use crate::credits::{agency_name, split_credits, Credits};
use crate::html::dom::{is_invisible, normalize_whitespace, Dom, NodeId};

/// `<meta>` keys naming authors.
const AUTHOR_META_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "citation_author",
];

/// Class/id fragments of byline elements.
const BYLINE_MARKERS: &[&str] = &["byline", "author", "writer", "reporter", "contributor"];

/// Class/id fragments inside author boxes that are not names (bios,
/// avatars, follow buttons).
const NOT_BYLINE_MARKERS: &[&str] = &[
    "bio",
    "avatar",
    "image",
    "img",
    "photo",
    "follow",
    "social",
    "description",
];

/// Bylines longer than this are author bios or whole paragraphs.
const MAX_BYLINE_CHARS: usize = 160;

/// People and agencies credited by the page.
pub fn page_credits(dom: &Dom, meta: &MetaTags, json_ld: &JsonLdFacts) -> Credits {
    let sources = [json_ld_credits(json_ld), meta_credits(meta), element_credits(dom)];
    let mut result = Credits::default();
    for credits in sources {
        if result.authors.is_empty() {
            result.authors = credits.authors;
        }
        result.merge(Credits {
            authors: Vec::new(),
            agencies: credits.agencies,
        });
    }
    result
}

/// JSON-LD authors: organisations that are agencies become agencies, other
/// organisations (the outlet itself) are dropped.
fn json_ld_credits(json_ld: &JsonLdFacts) -> Credits {
    let mut credits = Credits::default();
    for name in &json_ld.authors {
        credits.merge(credits_of_line(name));
    }
    for name in &json_ld.author_organizations {
        if let Some(agency) = agency_name(name) {
            credits.merge(Credits {
                authors: Vec::new(),
                agencies: vec![agency.to_owned()],
            });
        }
    }
    credits
}

fn meta_credits(meta: &MetaTags) -> Credits {
    let mut credits = Credits::default();
    for key in AUTHOR_META_KEYS {
        for value in meta.all(key) {
            // `article:author` is often a profile URL, which names nobody.
            if value.contains("://") || value.starts_with('@') {
                continue;
            }
            credits.merge(credits_of_line(value));
        }
        if !credits.authors.is_empty() {
            break;
        }
    }
    credits
}

/// Credits of byline-like elements, in document order.
fn element_credits(dom: &Dom) -> Credits {
    let mut credits = Credits::default();
    let candidates = (0..dom.len()).filter(|&id| is_byline_element(dom, id) && !in_foreign_region(dom, id));
    let mut last_used: Option<NodeId> = None;
    for id in candidates {
        // A byline nested in one already read adds nothing new.
        if last_used.is_some_and(|outer| id < dom.subtree_end(outer)) {
            continue;
        }
        let text = byline_text(dom, id);
        if text.is_empty() || text.chars().count() > MAX_BYLINE_CHARS {
            continue;
        }
        let found = credits_of_line(&text);
        if !found.is_empty() {
            last_used = Some(id);
            credits.merge(found);
        }
    }
    credits
}

/// The text of a byline element with its text nodes joined by " | ", so
/// that a name and a job title in sibling elements ("<a>Jane Doe</a><span>Tech
/// Reporter</span>") stay separate credits instead of one run-on "name".
fn byline_text(dom: &Dom, id: NodeId) -> String {
    let parts: Vec<String> = dom
        .descendants(id)
        .filter(|&node| {
            !dom.ancestors(node)
                .take_while(|&a| a != id)
                .any(|a| dom.name(a).is_some_and(is_invisible))
        })
        .filter_map(|node| dom.text(node))
        .map(normalize_whitespace)
        .filter(|text| !text.is_empty())
        .collect();
    parts.join(" | ")
}

/// `rel=author`, `itemprop=author`, or a class/id with a byline marker (and
/// not a bio or avatar).
fn is_byline_element(dom: &Dom, id: NodeId) -> bool {
    let Some(name) = dom.name(id) else { return false };
    if matches!(
        name,
        "script" | "style" | "meta" | "link" | "img" | "body" | "html" | "article" | "main"
    ) {
        return false;
    }
    let attr_has = |attr: &str, markers: &[&str]| {
        dom.attr(id, attr).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            markers.iter().any(|m| v.contains(m))
        })
    };
    let marked = dom
        .attr(id, "rel")
        .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || dom
            .attr(id, "itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("author"))
        || attr_has("class", BYLINE_MARKERS)
        || attr_has("id", BYLINE_MARKERS);
    marked && !attr_has("class", NOT_BYLINE_MARKERS)
}

/// One credited name or line: an agency, a single name, or a full byline.
fn credits_of_line(line: &str) -> Credits {
    if let Some(agency) = agency_name(line) {
        return Credits {
            authors: Vec::new(),
            agencies: vec![agency.to_owned()],
        };
    }
    split_credits(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::metadata::json_ld::json_ld_facts;

    fn credits_of(html: &str) -> Credits {
        let dom = Dom::parse(html);
        page_credits(&dom, &MetaTags::read(&dom), &json_ld_facts(&dom))
    }

    #[test]
    fn json_ld_authors_first_and_agencies_kept_apart() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Jane Doe"},
            {"@type":"Organization","name":"Reuters"},{"@type":"Organization","name":"Example News"}]}</script>
            <meta name="author" content="Someone Else"><p class="byline">By Jane Doe, AFP</p>"#;
        let c = credits_of(html);
        assert_eq!(c.authors, ["Jane Doe"]);
        assert_eq!(c.agencies, ["Reuters", "Agence France-Presse"]);
    }

    #[test]
    fn meta_author_urls_are_ignored() {
        let c = credits_of(
            r#"<meta property="article:author" content="https://facebook.com/jane"><meta name="author" content="Jane Doe">"#,
        );
        assert_eq!(c.authors, ["Jane Doe"]);
    }

    #[test]
    fn byline_elements_but_not_teasers_or_bios() {
        let html = r#"<div class="article-byline"><span>By <a rel="author" href="/jane">Jane Doe</a> and John Roe</span></div>
            <div class="author-bio">Jane Doe is a reporter covering Ukraine for many years and has won awards.</div>
            <div class="related"><span class="byline">By Other Person</span></div>"#;
        assert_eq!(credits_of(html).authors, ["Jane Doe", "John Roe"]);
    }

    #[test]
    fn no_credits_on_a_bare_page() {
        assert!(credits_of("<p>Hello</p>").is_empty());
    }
}
