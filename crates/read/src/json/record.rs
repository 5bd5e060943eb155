//! One JSON object as a document. Two shapes are understood:
//! Parallax's own exported article (it has `schema_version`, `id` and
//! `body`), kept whole in `hints.article` so extraction does not redo it; and
//! news-please's record (`maintext` or `text`, `title`, `url`,
//! `date_publish`, `authors`, `source_domain`, `language`), whose fields
//! become hints.

use parallax_core::{Article, DateProvenance, Hints, InputFormat, Origin, SourceDocument, SourceKind};
use serde_json::{Map, Value};

use crate::dates::parse_container_date;
use crate::language::iso_639_1;

/// The document an object describes, or why it describes none.
pub(crate) fn document_from_value(
    name: &str,
    record: Option<String>,
    value: Value,
) -> Result<SourceDocument, String> {
    let Value::Object(object) = value else {
        return Err(format!("expected a JSON object, found {}", kind_of(&value)));
    };
    let origin = Origin {
        path: name.to_owned(),
        record,
    };
    if is_parallax_article(&object) {
        parallax_article(origin, object)
    } else {
        news_please(origin, &object)
    }
}

fn is_parallax_article(object: &Map<String, Value>) -> bool {
    ["schema_version", "id", "body"]
        .iter()
        .all(|key| object.contains_key(*key))
}

fn parallax_article(origin: Origin, object: Map<String, Value>) -> Result<SourceDocument, String> {
    let article: Article = serde_json::from_value(Value::Object(object))
        .map_err(|error| format!("not a valid Parallax article: {error}"))?;
    let hints = Hints {
        url: article.url.clone(),
        title: article.title.clone(),
        published: (!article.published.is_unknown()).then(|| article.published.clone()),
        authors: article.authors.clone(),
        outlet_name: article.outlet.name.clone(),
        outlet_domain: article.outlet.domain.clone(),
        language: article.language.clone(),
        captured: article.captured.clone(),
        article: None,
    };
    Ok(SourceDocument {
        origin,
        format: InputFormat::Jsonl,
        kind: SourceKind::Text,
        content: article.body.clone(),
        hints: Hints {
            article: Some(Box::new(article)),
            ..hints
        },
        warnings: Vec::new(),
    })
}

fn news_please(origin: Origin, object: &Map<String, Value>) -> Result<SourceDocument, String> {
    let content = string_field(object, "maintext")
        .or_else(|| string_field(object, "text"))
        .ok_or("no text: neither `maintext` nor `text` holds a string")?;
    let mut warnings = Vec::new();
    let published = string_field(object, "date_publish").and_then(|raw| {
        let parsed = parse_container_date(&raw, DateProvenance::Jsonl);
        if parsed.is_none() {
            warnings.push(format!("date_publish {raw:?} not understood"));
        }
        parsed.map(|date| date.published)
    });
    let captured = string_field(object, "date_download")
        .and_then(|raw| parse_container_date(&raw, DateProvenance::Jsonl))
        .and_then(|date| date.published.timestamp);
    let hints = Hints {
        url: string_field(object, "url"),
        title: string_field(object, "title"),
        published,
        authors: authors(object.get("authors")),
        outlet_name: None,
        outlet_domain: string_field(object, "source_domain"),
        language: string_field(object, "language").and_then(|tag| iso_639_1(&tag)),
        captured,
        article: None,
    };
    Ok(SourceDocument {
        origin,
        format: InputFormat::Jsonl,
        kind: SourceKind::Text,
        content,
        hints,
        warnings,
    })
}

/// A non-blank string field, trimmed.
fn string_field(object: &Map<String, Value>, key: &str) -> Option<String> {
    let text = object.get(key)?.as_str()?.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// `authors` as a list of strings or a single string; blanks dropped.
fn authors(value: Option<&Value>) -> Vec<String> {
    let names: Vec<&str> = match value {
        Some(Value::String(name)) => vec![name.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    names
        .into_iter()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn news_please_fields_become_hints() {
        let value = json!({
            "url": "https://example.org/a", "title": " Talks ", "maintext": "Body.",
            "date_publish": "2025-09-04 10:00:00", "authors": ["Jane Doe", ""],
            "source_domain": "example.org", "language": "en", "description": "teaser"
        });
        let document = document_from_value("a.jsonl", Some("line 1".into()), value).unwrap();
        assert_eq!(document.kind, SourceKind::Text);
        assert_eq!(document.content, "Body.");
        assert_eq!(document.hints.title.as_deref(), Some("Talks"));
        assert_eq!(document.hints.authors, vec!["Jane Doe"]);
        assert_eq!(document.hints.outlet_domain.as_deref(), Some("example.org"));
        let published = document.hints.published.unwrap();
        assert_eq!(published.date.as_deref(), Some("2025-09-04"));
        assert_eq!(published.provenance, Some(DateProvenance::Jsonl));
    }

    #[test]
    fn authors_may_be_a_string_and_text_may_replace_maintext() {
        let value = json!({"text": "Body", "authors": "Jane Doe", "date_publish": "soon"});
        let document = document_from_value("a.jsonl", None, value).unwrap();
        assert_eq!(document.hints.authors, vec!["Jane Doe"]);
        assert_eq!(document.warnings, vec!["date_publish \"soon\" not understood"]);
    }

    #[test]
    fn objects_without_text_are_errors() {
        let error =
            document_from_value("a.jsonl", None, json!({"title": "x", "maintext": null})).unwrap_err();
        assert!(error.starts_with("no text"));
        assert_eq!(
            document_from_value("a.jsonl", None, json!([1])).unwrap_err(),
            "expected a JSON object, found an array"
        );
    }

    #[test]
    fn a_broken_parallax_article_says_so() {
        let error = document_from_value(
            "a.jsonl",
            None,
            json!({"schema_version": "1.0", "id": "x", "body": "b"}),
        )
        .unwrap_err();
        assert!(error.starts_with("not a valid Parallax article"), "{error}");
    }
}
