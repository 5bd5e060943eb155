//! What a page's schema.org JSON-LD says about its article body: the
//! `articleBody` text (a second opinion on the DOM extraction) and
//! `isAccessibleForFree: false` (the publisher's own paywall marker).

use serde_json::Value;

use crate::html::dom::Dom;

/// The article facts found in JSON-LD blocks.
#[derive(Debug, Default)]
pub struct JsonLdArticle {
    /// The longest `articleBody` found.
    pub body: Option<String>,
    /// True when some block says `isAccessibleForFree: false`.
    pub paywalled: bool,
}

/// Reads every `<script type="application/ld+json">` of the page.
pub fn json_ld_article(dom: &Dom) -> JsonLdArticle {
    let mut found = JsonLdArticle::default();
    for value in dom.json_ld() {
        visit(value, &mut found, 0);
    }
    found
}

/// JSON nests `@graph`, `mainEntity`, …; depth is bounded against hostile input.
fn visit(value: &Value, found: &mut JsonLdArticle, depth: usize) {
    if depth > 16 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|item| visit(item, found, depth + 1)),
        Value::Object(map) => {
            for (key, item) in map {
                match (key.as_str(), item) {
                    ("articleBody", Value::String(body)) => {
                        if found.body.as_ref().is_none_or(|b| b.len() < body.len()) {
                            found.body = Some(body.clone());
                        }
                    }
                    ("isAccessibleForFree", Value::Bool(false)) => found.paywalled = true,
                    ("isAccessibleForFree", Value::String(s)) if s.eq_ignore_ascii_case("false") => {
                        found.paywalled = true
                    }
                    _ => visit(item, found, depth + 1),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_body_and_paywall_marker_from_a_graph() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
            "articleBody":"Kyiv said.","isAccessibleForFree":"False"}]}</script>"#;
        let found = json_ld_article(&Dom::parse(html));
        assert_eq!(found.body.as_deref(), Some("Kyiv said."));
        assert!(found.paywalled);
    }

    #[test]
    fn malformed_json_says_nothing() {
        let found = json_ld_article(&Dom::parse(
            r#"<script type="application/ld+json">{"articleBody": </script>"#,
        ));
        assert!(found.body.is_none() && !found.paywalled);
    }
}
