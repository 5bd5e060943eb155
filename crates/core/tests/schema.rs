//! The committed JSON Schema (`docs/article.schema.json`) must match the
//! Article type, so the documented contract cannot drift from the code.
//! Refresh it with `UPDATE_SCHEMA=1 cargo test -p parallax-core --test schema`.

use std::path::PathBuf;

#[test]
fn committed_schema_matches_the_article_type() {
    let schema = schemars::schema_for!(parallax_core::Article);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/article.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/article.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p parallax-core --test schema"
    );
}

#[test]
fn every_contract_field_is_in_the_schema() {
    let schema = serde_json::to_value(schemars::schema_for!(parallax_core::Article)).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    for field in [
        "id",
        "source_path",
        "url",
        "title",
        "outlet",
        "authors",
        "agencies",
        "published",
        "language",
        "body",
        "paragraphs",
        "removed",
        "flags",
    ] {
        assert!(properties.contains_key(field), "contract field {field} missing");
    }
}
