//! What a page's schema.org JSON-LD says about the article as a work:
//! headline, `datePublished` (and `dateModified`), authors, publisher,
//! language and URL, read from `<script type="application/ld+json">` blocks
//! including `@graph` arrays and nested `mainEntity` objects.
//!
//! A page often carries several objects (WebSite, Organization,
//! BreadcrumbList, WebPage, NewsArticle); the article-typed object is
//! preferred, then a WebPage, then anything else with the field.

use serde_json::{Map, Value};

use crate::html::dom::Dom;

/// Article facts from JSON-LD, each `None`/empty when not stated.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct JsonLdFacts {
    /// `headline` (or `name` of an article-typed object).
    pub headline: Option<String>,
    /// `datePublished` as written.
    pub date_published: Option<String>,
    /// `dateModified` as written.
    pub date_modified: Option<String>,
    /// Author names as written, except those typed as organisations.
    pub authors: Vec<String>,
    /// Author names typed as organisations (the outlet itself, an agency).
    pub author_organizations: Vec<String>,
    /// `publisher.name`.
    pub publisher: Option<String>,
    /// `inLanguage` as written.
    pub language: Option<String>,
    /// `url` or `mainEntityOfPage` of the article.
    pub url: Option<String>,
}

/// How well an object's `@type` fits a news article; higher is better.
fn type_rank(object: &Map<String, Value>) -> u8 {
    let types: Vec<&str> = match object.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let rank = |t: &str| match t.rsplit(['/', ':']).next().unwrap_or(t) {
        "NewsArticle"
        | "ReportageNewsArticle"
        | "AnalysisNewsArticle"
        | "BackgroundNewsArticle"
        | "OpinionNewsArticle"
        | "ReviewNewsArticle"
        | "Article"
        | "BlogPosting"
        | "LiveBlogPosting"
        | "Report"
        | "ScholarlyArticle"
        | "TechArticle"
        | "SocialMediaPosting"
        | "Review"
        | "Recipe" => 3,
        "WebPage" | "ItemPage" | "AboutPage" | "CollectionPage" => 2,
        _ => 1,
    };
    types.into_iter().map(rank).max().unwrap_or(1)
}

/// Deepest nesting followed; bounded so hostile input cannot recurse deeply.
const MAX_DEPTH: usize = 12;

/// Reads every JSON-LD block of the page and keeps, per field, the value from
/// the best-ranked object that states it (the first such object on ties).
pub fn json_ld_facts(dom: &Dom) -> JsonLdFacts {
    let mut objects = Vec::new();
    for value in dom.json_ld() {
        collect_objects(value.clone(), &mut objects, 0);
    }
    facts_from_objects(&objects)
}

/// Flattens arrays, `@graph` and `mainEntity` into a list of objects.
fn collect_objects(value: Value, out: &mut Vec<Map<String, Value>>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items
            .into_iter()
            .for_each(|item| collect_objects(item, out, depth + 1)),
        Value::Object(mut map) => {
            for key in ["@graph", "mainEntity"] {
                if let Some(nested) = map.remove(key) {
                    collect_objects(nested, out, depth + 1);
                }
            }
            out.push(map);
        }
        _ => {}
    }
}

fn facts_from_objects(objects: &[Map<String, Value>]) -> JsonLdFacts {
    let mut ranked: Vec<&Map<String, Value>> = objects.iter().collect();
    // Stable: objects of equal rank keep page order.
    ranked.sort_by_key(|o| std::cmp::Reverse(type_rank(o)));
    let articles = || ranked.iter().copied();
    let first_text = |key: &str| articles().find_map(|o| o.get(key).and_then(plain_text));
    JsonLdFacts {
        headline: first_text("headline").or_else(|| {
            articles()
                .filter(|o| type_rank(o) == 3)
                .find_map(|o| o.get("name").and_then(plain_text))
        }),
        date_published: first_text("datePublished").or_else(|| first_text("dateCreated")),
        date_modified: first_text("dateModified"),
        authors: first_authors(&ranked, false),
        author_organizations: first_authors(&ranked, true),
        publisher: articles().find_map(|o| o.get("publisher").and_then(|p| names_of(p).into_iter().next())),
        language: articles().find_map(|o| o.get("inLanguage").and_then(language_of)),
        url: articles().filter(|o| type_rank(o) == 3).find_map(|o| {
            o.get("url")
                .and_then(plain_text)
                .or_else(|| o.get("mainEntityOfPage").and_then(id_of))
        }),
    }
}

/// Author names of the best-ranked object that has any: people (and untyped
/// names) or, with `organizations`, those typed as organisations.
fn first_authors(ranked: &[&Map<String, Value>], organizations: bool) -> Vec<String> {
    ranked
        .iter()
        .find_map(|o| {
            let authors = o.get("author").or_else(|| o.get("creator"))?;
            let entries: Vec<&Value> = match authors {
                Value::Array(items) => items.iter().collect(),
                single => vec![single],
            };
            let names: Vec<String> = entries
                .into_iter()
                .filter(|entry| is_organization(entry) == organizations)
                .flat_map(names_of)
                .collect();
            (!names.is_empty()).then_some(names)
        })
        .unwrap_or_default()
}

fn is_organization(value: &Value) -> bool {
    let Value::Object(map) = value else { return false };
    let is_org = |t: &str| {
        t.ends_with("Organization") || matches!(t, "Corporation" | "NGO" | "GovernmentOrganization")
    };
    match map.get("@type") {
        Some(Value::String(t)) => is_org(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_org),
        _ => false,
    }
}

/// A non-empty string value (or the first of an array of strings).
fn plain_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        }
        Value::Array(items) => items.iter().find_map(plain_text),
        _ => None,
    }
}

/// Names in an `author`/`publisher` value: a string, an object with `name`,
/// or a list of either.
fn names_of(value: &Value) -> Vec<String> {
    match value {
        Value::String(_) => plain_text(value).into_iter().collect(),
        Value::Object(map) => map.get("name").and_then(plain_text).into_iter().collect(),
        Value::Array(items) => items.iter().flat_map(names_of).collect(),
        _ => Vec::new(),
    }
}

/// `inLanguage`: "en-US" or `{"@type": "Language", "name": "English", "alternateName": "en"}`.
fn language_of(value: &Value) -> Option<String> {
    match value {
        Value::Object(map) => map
            .get("alternateName")
            .or_else(|| map.get("name"))
            .and_then(plain_text),
        other => plain_text(other),
    }
}

/// A URL given as a string or as `{"@id": …}`.
fn id_of(value: &Value) -> Option<String> {
    match value {
        Value::Object(map) => map.get("@id").or_else(|| map.get("url")).and_then(plain_text),
        other => plain_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(json: &str) -> JsonLdFacts {
        json_ld_facts(&Dom::parse(&format!(
            r#"<script type="application/ld+json">{json}</script>"#
        )))
    }

    #[test]
    fn reads_a_news_article_in_a_graph() {
        let f = facts(
            r#"{"@context":"https://schema.org","@graph":[
                {"@type":"WebSite","name":"Example News","url":"https://example.com/"},
                {"@type":"WebPage","datePublished":"2020-01-01","name":"Page"},
                {"@type":"NewsArticle","headline":"Talks resume","datePublished":"2025-09-04T10:00:00Z",
                 "dateModified":"2025-09-05","author":[{"@type":"Person","name":"Jane Doe"},"John Roe"],
                 "publisher":{"@type":"Organization","name":"Example News"},"inLanguage":"en-GB",
                 "mainEntityOfPage":{"@id":"https://example.com/a"}}]}"#,
        );
        assert_eq!(f.headline.as_deref(), Some("Talks resume"));
        assert_eq!(f.date_published.as_deref(), Some("2025-09-04T10:00:00Z"));
        assert_eq!(f.date_modified.as_deref(), Some("2025-09-05"));
        assert_eq!(f.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(f.publisher.as_deref(), Some("Example News"));
        assert_eq!(f.language.as_deref(), Some("en-GB"));
        assert_eq!(f.url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn reads_top_level_arrays_and_type_arrays() {
        let f = facts(
            r#"[{"@type":"Organization","name":"X"},{"@type":["Article","NewsArticle"],"name":"Head","author":"Jane Doe"}]"#,
        );
        assert_eq!(f.headline.as_deref(), Some("Head"));
        assert_eq!(f.authors, ["Jane Doe"]);
    }

    #[test]
    fn malformed_or_missing_json_ld_says_nothing() {
        assert_eq!(facts(r#"{"headline": "#), JsonLdFacts::default());
        assert_eq!(
            json_ld_facts(&Dom::parse("<p>no scripts</p>")),
            JsonLdFacts::default()
        );
        assert_eq!(
            facts("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
            JsonLdFacts::default()
        );
    }
}
