//! The page's `<meta>` tags (`name`, `property`, `itemprop` and `http-equiv`
//! keys, lower-cased, with their `content`) and `<link rel=canonical>`, read
//! once so each metadata field can ask for its keys in order of trust.

use crate::html::dom::Dom;

/// `<meta>` key/value pairs in document order.
#[derive(Debug, Default)]
pub struct MetaTags {
    pairs: Vec<(String, String)>,
    canonical: Option<String>,
}

impl MetaTags {
    /// Reads every `<meta>` and `<link rel=canonical>` of the page.
    pub fn read(dom: &Dom) -> MetaTags {
        let mut pairs = Vec::new();
        for meta in dom.elements_named("meta") {
            let Some(content) = dom.attr(meta, "content").map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(key) = dom.attr(meta, key_attr) {
                    pairs.push((key.trim().to_ascii_lowercase(), content.to_owned()));
                }
            }
        }
        let canonical = dom
            .elements_named("link")
            .filter(|&link| {
                dom.attr(link, "rel").is_some_and(|rel| {
                    rel.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
            })
            .find_map(|link| {
                dom.attr(link, "href")
                    .map(str::trim)
                    .filter(|h| !h.is_empty())
                    .map(str::to_owned)
            });
        MetaTags { pairs, canonical }
    }

    /// The first value of the first key (in the order given) that the page
    /// states, with the key it came from.
    pub fn first<'a>(&'a self, keys: &[&'a str]) -> Option<(&'a str, &'a str)> {
        keys.iter()
            .find_map(|key| self.all(key).next().map(|value| (*key, value)))
    }

    /// Every value of `key` in document order.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `<link rel=canonical href>`, as written.
    pub fn canonical(&self) -> Option<&str> {
        self.canonical.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_case_insensitively_in_order_of_request() {
        let dom = Dom::parse(
            r#"<head><meta property="OG:Title" content=" Headline "><meta name="twitter:title" content="T">
            <meta name="author" content=""><link rel="canonical" href="https://example.com/a"></head>"#,
        );
        let tags = MetaTags::read(&dom);
        assert_eq!(
            tags.first(&["og:title", "twitter:title"]),
            Some(("og:title", "Headline"))
        );
        assert_eq!(
            tags.first(&["missing", "twitter:title"]),
            Some(("twitter:title", "T"))
        );
        assert_eq!(tags.first(&["author"]), None);
        assert_eq!(tags.canonical(), Some("https://example.com/a"));
    }
}
