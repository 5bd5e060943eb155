//! The headline of a page: `og:title`, JSON-LD `headline`, `twitter:title`,
//! the first `<h1>`, then `<title>`, with a trailing or leading site name
//! (" | Site Name", "Site - ") removed.

use super::json_ld::JsonLdFacts;
use super::meta_tags::MetaTags;
use crate::html::dom::Dom;

/// Separators between a headline and a site name in `<title>` and `og:title`.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " « ", " » ",
];

/// Site-name parts longer than this many words are headlines, not names.
const MAX_SITE_NAME_WORDS: usize = 5;

/// The page's headline, or `None`. `site_names` are the names the page gives
/// itself (og:site_name, JSON-LD publisher, the outlet of its domain).
pub fn page_title(dom: &Dom, meta: &MetaTags, json_ld: &JsonLdFacts, site_names: &[&str]) -> Option<String> {
    let meta_title = |keys: &[&str]| meta.first(keys).map(|(_, v)| v.to_owned());
    let h1 = || {
        dom.elements_named("h1")
            .map(|id| dom.text_content(id))
            .find(|t| !t.is_empty())
    };
    let title_element = || {
        dom.elements_named("title")
            .map(|id| dom.text_content(id))
            .find(|t| !t.is_empty())
            .map(|t| strip_site_name(&t, site_names, true))
    };
    meta_title(&["og:title"])
        .map(|t| strip_site_name(&t, site_names, false))
        .or_else(|| json_ld.headline.clone())
        .or_else(|| {
            meta_title(&["twitter:title", "dc.title", "title"])
                .map(|t| strip_site_name(&t, site_names, false))
        })
        .or_else(h1)
        .or_else(title_element)
        .map(|t| crate::html::dom::normalize_whitespace(&t))
        .filter(|t| !t.is_empty())
}

/// Removes a site name before or after a separator. A part is a site name
/// when it matches one of `site_names` (case-insensitively, ignoring a
/// leading "the" and "www."/".com"), or, when `guess_last` is set (for
/// `<title>`, which almost always ends in one), when it is the short last part
/// after a longer headline.
fn strip_site_name(title: &str, site_names: &[&str], guess_last: bool) -> String {
    let title = title.trim();
    let known: Vec<String> = site_names
        .iter()
        .map(|n| simplify(n))
        .filter(|n| !n.is_empty())
        .collect();
    let is_known = |part: &str| {
        let part = simplify(part);
        known.iter().any(|k| {
            *k == part
                || (part.len() > 3 && k.starts_with(&part))
                || (k.len() > 3 && part.starts_with(k.as_str()))
        })
    };
    for separator in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if is_known(tail) {
                return strip_site_name(head, site_names, false);
            }
            let short_tail = tail.split_whitespace().count() <= MAX_SITE_NAME_WORDS;
            if guess_last && short_tail && head.split_whitespace().count() > tail.split_whitespace().count() {
                return head.trim().to_owned();
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            if is_known(head) {
                return tail.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// "The Kyiv Independent" / "www.kyivindependent.com" → "kyivindependent".
fn simplify(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    let lower = lower.strip_prefix("the ").unwrap_or(lower);
    let lower = lower.split('.').next().unwrap_or(lower);
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::metadata::json_ld::json_ld_facts;

    fn title_of(html: &str, site_names: &[&str]) -> Option<String> {
        let dom = Dom::parse(html);
        page_title(&dom, &MetaTags::read(&dom), &json_ld_facts(&dom), site_names)
    }

    #[test]
    fn prefers_og_title_and_strips_known_site_name() {
        let html =
            r#"<meta property="og:title" content="Talks resume in Istanbul | Example News"><title>x</title>"#;
        assert_eq!(
            title_of(html, &["Example News"]).as_deref(),
            Some("Talks resume in Istanbul")
        );
    }

    #[test]
    fn keeps_dashes_inside_headlines() {
        let html = r#"<meta property="og:title" content="Ukraine war - live updates">"#;
        assert_eq!(
            title_of(html, &["Example News"]).as_deref(),
            Some("Ukraine war - live updates")
        );
    }

    #[test]
    fn title_element_loses_its_short_suffix_and_known_prefix() {
        assert_eq!(
            title_of("<title>Talks resume in Istanbul - Example Times</title>", &[]).as_deref(),
            Some("Talks resume in Istanbul")
        );
        assert_eq!(
            title_of("<title>Example News | Talks resume</title>", &["Example News"]).as_deref(),
            Some("Talks resume")
        );
        assert_eq!(
            title_of(
                "<title>The Kyiv Independent: x</title><h1>Real headline</h1>",
                &[]
            )
            .as_deref(),
            Some("Real headline")
        );
    }

    #[test]
    fn no_title_on_an_empty_page() {
        assert_eq!(title_of("", &[]), None);
        assert_eq!(title_of("<title>   </title>", &[]), None);
    }
}
