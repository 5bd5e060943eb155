//! `parallax search` end to end on the demo corpus: the index is built by
//! the ingest, spellings are united through entity keys, filters apply,
//! and malformed queries still answer.

mod common;

use common::{examples, parallax, run_ok as run, stdout};
use serde_json::Value;

fn search(data: &std::path::Path, args: &[&str]) -> Value {
    let output = run(parallax(data).arg("search").args(args).arg("--json"));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&output)))
}

fn hit_articles(results: &Value) -> Vec<String> {
    results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn both_spellings_find_the_same_articles_and_filters_apply() {
    let data = tempfile::tempdir().unwrap();
    run(parallax(data.path()).arg("ingest").arg(examples()));
    assert!(
        data.path().join("search").is_dir(),
        "ingest builds the search index"
    );

    let by_h = search(data.path(), &["Sybiha", "--kind", "articles", "--limit", "50"]);
    let by_g = search(data.path(), &["Sybiga", "--kind", "articles", "--limit", "50"]);
    assert_eq!(by_h["expanded"][0]["key"], "person:sybiha-andrii", "{by_h}");
    let (mut h, mut g) = (hit_articles(&by_h), hit_articles(&by_g));
    h.sort();
    g.sort();
    assert_eq!(h, g);
    // Two outlets write Sybiha, two Sybiga: each spelling finds all four.
    assert!(h.len() >= 4, "{h:?}");

    let outlet = by_h["hits"][0]["outlet"].as_str().unwrap().to_owned();
    let filtered = search(
        data.path(),
        &["Sybiha", "--kind", "articles", "--outlet", &outlet],
    );
    assert!(filtered["total"].as_u64().unwrap() >= 1);
    assert!(filtered["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["outlet"] == outlet.as_str()));

    for odd in ["\"Sybiha", "((", "-"] {
        search(data.path(), &[odd]);
    }
    let bad_date = run_fails(parallax(data.path()).args(["search", "talks", "--from", "June"]));
    assert!(bad_date.contains("YYYY"), "{bad_date}");
}

#[test]
fn readable_output_lists_hits_with_snippets() {
    let data = tempfile::tempdir().unwrap();
    run(parallax(data.path()).arg("ingest").arg(examples()));
    let output = run(parallax(data.path()).args(["search", "Istanbul", "--limit", "2"]));
    let text = stdout(&output);
    assert!(text.contains("[Istanbul]"), "{text}");
    assert!(text.contains("matches"), "{text}");
}

/// Runs a command expected to fail with exit code 2; returns its stderr.
fn run_fails(command: &mut std::process::Command) -> String {
    let output = common::run(command);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    common::stderr(&output)
}
