//! The flat CSV shape of an article: list fields joined with "; ", enums in
//! their JSON spelling, empty cells for unknowns.

use parallax_core::Article;

/// Column names, in order.
pub const HEADER: &[&str] = &[
    "id",
    "url",
    "title",
    "outlet_name",
    "outlet_domain",
    "authors",
    "agencies",
    "published_date",
    "published_precision",
    "published_provenance",
    "language",
    "flags",
    "words",
    "source_path",
    "source_record",
    "content_hash",
    "body",
];

/// The JSON spelling of a serialisable enum value ("day", "json-ld").
fn spelling<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// One CSV row for an article, aligned with [`HEADER`].
pub fn row(article: &Article) -> Vec<String> {
    let opt = |value: &Option<String>| value.clone().unwrap_or_default();
    vec![
        article.id.clone(),
        opt(&article.url),
        opt(&article.title),
        opt(&article.outlet.name),
        opt(&article.outlet.domain),
        article.authors.join("; "),
        article.agencies.join("; "),
        opt(&article.published.date),
        article
            .published
            .precision
            .as_ref()
            .map(spelling)
            .unwrap_or_default(),
        article
            .published
            .provenance
            .as_ref()
            .map(spelling)
            .unwrap_or_default(),
        opt(&article.language),
        article.flags.iter().map(spelling).collect::<Vec<_>>().join("; "),
        article.body.split_whitespace().count().to_string(),
        article.source_path.clone(),
        opt(&article.source_record),
        article.content_hash.clone(),
        article.body.clone(),
    ]
}
