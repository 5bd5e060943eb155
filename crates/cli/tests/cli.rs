//! End-to-end tests of the `parallax` binary: ingest, idempotency, revisions,
//! bad input, export round-trips, and a store that survives a killed ingest.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use common::{parallax, run, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The summary line of an ingest: "N files: read N, new N, duplicate N, revised N, failed N".
fn summary(output: &Output) -> String {
    stderr(output)
        .lines()
        .find(|l| l.contains(" files: read "))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn inspect_json_reports_header_metadata_without_storing() {
    let data = tempfile::tempdir().unwrap();
    let output = run(parallax(data.path())
        .args(["inspect", "--json"])
        .arg(fixture("dated.txt")));
    assert!(output.status.success(), "{}", stderr(&output));
    let article: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(article["published"]["date"], "2026-03-04");
    assert_eq!(article["published"]["provenance"], "header");
    assert_eq!(
        article["url"],
        "https://harbour-gazette.example/2026/03/04/port-talks"
    );
    assert_eq!(article["title"], "Port talks resume after overnight strike");
    assert!(article["body"]
        .as_str()
        .unwrap()
        .starts_with("Negotiators met in Geneva"));
    assert!(
        !data.path().join("parallax.db").exists(),
        "inspect must not create a store"
    );
}

#[test]
fn ingest_is_idempotent_and_a_changed_url_becomes_a_revision() {
    let data = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let file = inputs.path().join("story.txt");
    std::fs::copy(fixture("dated.txt"), &file).unwrap();

    let first = run(parallax(data.path()).arg("ingest").arg(&file));
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        summary(&first).contains("read 1, new 1, duplicate 0"),
        "{}",
        summary(&first)
    );

    let again = run(parallax(data.path()).arg("ingest").arg(&file));
    assert!(
        summary(&again).contains("new 0, duplicate 1, revised 0"),
        "{}",
        summary(&again)
    );

    let corrected = std::fs::read_to_string(&file)
        .unwrap()
        .replace("three days", "four days");
    std::fs::write(&file, corrected).unwrap();
    let revised = run(parallax(data.path()).arg("ingest").arg(&file));
    assert!(
        summary(&revised).contains("new 0, duplicate 0, revised 1"),
        "{}",
        summary(&revised)
    );

    let list = run(parallax(data.path()).args(["list", "--json"]));
    let rows: Vec<serde_json::Value> = stdout(&list)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["revisions"], 2);
    let id = rows[0]["id"].as_str().unwrap();

    let show = run(parallax(data.path()).args(["show", &id[..6], "--json"]));
    let latest: serde_json::Value = serde_json::from_str(&stdout(&show)).unwrap();
    assert!(latest["body"].as_str().unwrap().contains("four days"));
    let old = run(parallax(data.path()).args(["show", id, "--json", "--revision", "1"]));
    let old: serde_json::Value = serde_json::from_str(&stdout(&old)).unwrap();
    assert!(old["body"].as_str().unwrap().contains("three days"));
}

#[test]
fn bad_inputs_are_reported_one_line_each_and_the_batch_goes_on() {
    let data = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let dir = inputs.path();
    std::fs::copy(fixture("dated.txt"), dir.join("good.txt")).unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.join("image.html"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    )
    .unwrap();
    // A gzip stream cut in half.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(&b"<html><body><p>Some article text that will be cut.</p></body></html>".repeat(50))
        .unwrap();
    let gz = encoder.finish().unwrap();
    std::fs::write(dir.join("cut.html.gz"), &gz[..gz.len() / 2]).unwrap();
    std::fs::write(
        dir.join("records.jsonl"),
        concat!(
            r#"{"url":"https://a.example/1","title":"One","maintext":"The first record has enough text to be an article body of some sort."}"#,
            "\n{not json\n",
            r#"{"url":"https://a.example/2","title":"Two","maintext":"The second record also has a body, and it is read after the broken line."}"#,
            "\n"
        ),
    )
    .unwrap();

    let output = run(parallax(data.path()).arg("ingest").arg(dir));
    assert_eq!(
        output.status.code(),
        Some(1),
        "some inputs failed: exit 1\n{}",
        stderr(&output)
    );
    let errors: Vec<String> = stderr(&output)
        .lines()
        .filter(|l| l.starts_with("error: "))
        .map(str::to_owned)
        .collect();
    assert_eq!(errors.len(), 4, "one line per bad file or record: {errors:#?}");
    for (name, reason) in [
        ("empty.txt", "empty"),
        ("image.html", "binary"),
        ("cut.html.gz", "gzip"),
        ("records.jsonl", "line 2"),
    ] {
        assert!(
            errors
                .iter()
                .any(|e| e.contains(name) && e.to_lowercase().contains(reason)),
            "no error naming {name} with {reason:?}: {errors:#?}"
        );
    }
    assert!(summary(&output).contains("read 3, new 3"), "{}", summary(&output));
    assert!(summary(&output).contains("failed 4"), "{}", summary(&output));
}

#[test]
fn jsonl_export_reads_back_into_identical_articles() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    run(parallax(data.path()).arg("ingest").arg(fixture("dated.txt")));
    let export = out.path().join("articles.jsonl");
    let exported = run(parallax(data.path())
        .args(["export", "--format", "jsonl", "-o"])
        .arg(&export));
    assert!(exported.status.success(), "{}", stderr(&exported));

    let second = tempfile::tempdir().unwrap();
    let reread = run(parallax(second.path()).arg("ingest").arg(&export));
    assert!(summary(&reread).contains("read 1, new 1"), "{}", summary(&reread));
    let again = out.path().join("again.jsonl");
    run(parallax(second.path()).args(["export", "-o"]).arg(&again));
    assert_eq!(
        std::fs::read_to_string(&export).unwrap(),
        std::fs::read_to_string(&again).unwrap()
    );

    let csv = run(parallax(data.path()).args(["export", "--format", "csv"]));
    let text = stdout(&csv);
    assert!(text.starts_with("id,url,title,"), "{text}");
    assert!(text.contains("2026-03-04"));
}

#[test]
fn commands_on_a_missing_store_fail_clearly() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("nowhere");
    let output = run(parallax(&missing).arg("list"));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no Parallax store"),
        "{}",
        stderr(&output)
    );
    assert!(!missing.exists(), "list must not create a store");
}

/// Counts stored articles straight from the database, as an outside reader would.
fn stored_count(data: &Path) -> Option<i64> {
    let conn = rusqlite::Connection::open_with_flags(
        data.join("parallax.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .ok()?;
    conn.query_row("SELECT COUNT(*) FROM articles", [], |row| row.get(0))
        .ok()
}

#[test]
fn a_killed_ingest_leaves_the_store_intact_and_resumable() {
    const RECORDS: usize = 6_000;
    let data = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let path = inputs.path().join("many.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..RECORDS {
        writeln!(
            file,
            r#"{{"url":"https://bulk.example/{i}","title":"Record {i}","maintext":"Paragraph one of record {i} talks about shipping.\n\nParagraph two of record {i} gives the figures: {i} vessels."}}"#
        )
        .unwrap();
    }
    drop(file);

    let mut child = parallax(data.path())
        .args(["--jobs", "1", "ingest"])
        .arg(&path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let at_kill = loop {
        if let Some(count) = stored_count(data.path()).filter(|&c| c > 0) {
            child.kill().unwrap();
            break count;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "ingest never committed a batch"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    child.wait().unwrap();
    assert!(
        (at_kill as usize) < RECORDS,
        "the kill came after the end; make the input larger"
    );

    // The store opens, passes SQLite's integrity check, and holds whole batches only.
    let conn = rusqlite::Connection::open(data.path().join("parallax.db")).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let orphans: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM articles a LEFT JOIN revisions r ON r.article_id = a.id WHERE r.article_id IS NULL",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "every stored article has its revision");
    let after_kill = stored_count(data.path()).unwrap();
    drop(conn);

    let resumed = run(parallax(data.path()).arg("ingest").arg(&path));
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    let line = summary(&resumed);
    assert!(line.contains(&format!("read {RECORDS}")), "{line}");
    assert!(
        line.contains(&format!("duplicate {after_kill}")),
        "{line} (after kill: {after_kill})"
    );
    assert_eq!(stored_count(data.path()), Some(RECORDS as i64));
}
