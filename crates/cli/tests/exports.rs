//! End-to-end tests of `parallax export` tables and event formats, and of
//! `parallax events`, over the demo corpus in `examples/articles`.

mod common;

use common::{examples, parallax, run, stderr};

/// A store with the demo corpus ingested (and analysed).
fn demo_store() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let output = run(parallax(data.path()).arg("ingest").arg(examples()));
    assert!(output.status.success(), "{}", stderr(&output));
    data
}

#[test]
fn quote_and_entity_tables_as_csv_jsonl_and_parquet() {
    let data = demo_store();
    let out = tempfile::tempdir().unwrap();

    let csv = run(parallax(data.path()).args(["export", "--what", "quotes", "--format", "csv"]));
    assert!(csv.status.success(), "{}", stderr(&csv));
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "article");
    assert!(headers.iter().any(|h| h == "speaker_key"));
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() >= 5, "the demo corpus has quotes: {}", rows.len());
    assert!(rows.iter().all(|r| r.len() == headers.len()));

    let jsonl = run(parallax(data.path()).args(["export", "--what", "entities"]));
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&jsonl.stdout).lines().next().unwrap()).unwrap();
    assert!(first["key"].is_string() && first["start"].is_u64(), "{first}");

    let parquet = out.path().join("quotes.parquet");
    let written = run(parallax(data.path())
        .args(["export", "--what", "quotes", "--format", "parquet", "-o"])
        .arg(&parquet));
    assert!(written.status.success(), "{}", stderr(&written));
    let bytes = std::fs::read(&parquet).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
}

#[test]
fn mismatched_what_and_format_fail_clearly_without_writing() {
    let data = demo_store();
    let out = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["export", "--what", "articles", "--format", "parquet", "-o", "x"],
            "jsonl or csv",
        ),
        (
            &["export", "--what", "quotes", "--format", "gdelt", "-o", "x"],
            "export events",
        ),
        (&["export", "--what", "nonsense"], "unknown table"),
        (&["export", "--format", "gdelt"], "give -o PREFIX"),
    ];
    for (args, message) in cases {
        let output = run(parallax(data.path()).current_dir(out.path()).args(args));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
    }
    let parquet = run(parallax(data.path()).args(["export", "--what", "events", "--format", "parquet"]));
    assert!(stderr(&parquet).contains("give -o FILE"), "{}", stderr(&parquet));
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn gdelt_files_have_61_and_16_columns_and_share_event_ids() {
    let data = demo_store();
    let out = tempfile::tempdir().unwrap();
    let prefix = out.path().join("demo");
    let output = run(parallax(data.path())
        .args(["export", "--format", "gdelt", "-o"])
        .arg(&prefix));
    assert!(output.status.success(), "{}", stderr(&output));
    let events = std::fs::read_to_string(out.path().join("demo.export.CSV")).unwrap();
    let mentions = std::fs::read_to_string(out.path().join("demo.mentions.CSV")).unwrap();
    assert!(
        events.lines().count() >= 5,
        "the demo corpus codes events:\n{events}"
    );
    assert_eq!(events.lines().count(), mentions.lines().count());
    for line in events.lines() {
        assert_eq!(line.split('\t').count(), 61, "{line}");
    }
    for line in mentions.lines() {
        assert_eq!(line.split('\t').count(), 16, "{line}");
    }
    let ids = |text: &str| {
        text.lines()
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&events), ids(&mentions));
}

#[test]
fn story_tables_cite_articles_and_spans() {
    let data = demo_store();
    for what in ["timeline", "statements", "coverage"] {
        let output = run(parallax(data.path()).args(["export", "--what", what, "--format", "csv"]));
        assert!(output.status.success(), "{what}: {}", stderr(&output));
        let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "story");
        assert!(headers.iter().any(|h| h == "article"), "{what}: {headers:?}");
        let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
        assert!(!rows.is_empty(), "{what}: the demo story has rows");
    }
}
