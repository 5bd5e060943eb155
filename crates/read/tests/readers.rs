//! Each reader on the hand-made fixtures in `tests/fixtures/` (regenerate
//! them with `make_fixtures.py`), through the public API.

use std::path::PathBuf;

use parallax_core::{DateProvenance, InputFormat, SourceDocument, SourceKind};
use parallax_read::{read_bytes, read_input, Input, ReadError};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read_fixture(name: &str) -> Vec<Result<SourceDocument, ReadError>> {
    read_input(&Input::File(fixture(name))).collect()
}

fn documents(results: &[Result<SourceDocument, ReadError>]) -> Vec<&SourceDocument> {
    results.iter().filter_map(|result| result.as_ref().ok()).collect()
}

fn errors(results: &[Result<SourceDocument, ReadError>]) -> Vec<&ReadError> {
    results
        .iter()
        .filter_map(|result| result.as_ref().err())
        .collect()
}

#[test]
fn warc_yields_only_2xx_html_responses() {
    for name in ["tiny.warc", "tiny.warc.gz"] {
        let results = read_fixture(name);
        assert!(errors(&results).is_empty(), "{name}: {:?}", errors(&results));
        let found = documents(&results);
        assert_eq!(found.len(), 2, "{name}");
        let first = found[0];
        assert_eq!(first.format, InputFormat::Warc);
        assert_eq!(first.kind, SourceKind::Html);
        assert_eq!(first.origin.record.as_deref(), Some("record 3"));
        assert_eq!(first.hints.url.as_deref(), Some("https://news.example.org/a"));
        assert_eq!(first.hints.captured.as_deref(), Some("2025-09-04T10:00:01Z"));
        assert_eq!(first.hints.language.as_deref(), Some("en"));
        assert!(
            first.content.starts_with("<!DOCTYPE html>"),
            "HTTP headers are stripped"
        );
        assert!(
            first.content.contains("café talks were “constructive”"),
            "HTTP charset used"
        );
        assert_eq!(first.warnings, vec!["decoded as windows-1252"]);
        let second = found[1];
        assert_eq!(second.origin.record.as_deref(), Some("record 6"));
        assert_eq!(
            second.content,
            "<html><body><p>Talks in Abu Dhabi – day two.</p></body></html>"
        );
        assert!(second.warnings.is_empty(), "{:?}", second.warnings);
    }
}

#[test]
fn truncated_warc_gives_its_complete_records_then_one_error() {
    let results = read_fixture("truncated.warc.gz");
    let found = documents(&results);
    assert_eq!(found.len(), 2, "both HTML responses precede the cut");
    let errors = errors(&results);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(results.last().unwrap().is_err(), "the error comes last");
    assert!(
        errors[0].reason.starts_with("truncated WARC record at byte "),
        "{}",
        errors[0].reason
    );
    assert_eq!(errors[0].origin.record.as_deref(), Some("record 7"));
}

#[test]
fn rss_items_with_content_become_documents() {
    let results = read_fixture("rss.xml");
    assert_eq!(results.len(), 2);
    let item = results[0].as_ref().unwrap();
    assert_eq!(item.format, InputFormat::Feed);
    assert_eq!(item.kind, SourceKind::Html);
    assert_eq!(item.origin.record.as_deref(), Some("item 1"));
    assert!(
        item.content.starts_with("<p>The two leaders agreed"),
        "content:encoded wins"
    );
    assert_eq!(item.hints.title.as_deref(), Some("Leaders agree to meet"));
    assert_eq!(
        item.hints.url.as_deref(),
        Some("https://news.example.org/2025/09/04/meet")
    );
    assert_eq!(item.hints.authors, vec!["Jane Doe"]);
    assert_eq!(item.hints.outlet_name.as_deref(), Some("Example News"));
    assert_eq!(item.hints.language.as_deref(), Some("en"));
    let published = item.hints.published.as_ref().unwrap();
    assert_eq!(
        published.date.as_deref(),
        Some("2025-09-04"),
        "the day where it was written, not UTC"
    );
    assert_eq!(published.timestamp.as_deref(), Some("2025-09-04T23:30:00-04:00"));
    assert_eq!(published.raw.as_deref(), Some("Thu, 04 Sep 2025 23:30:00 -0400"));
    assert_eq!(published.provenance, Some(DateProvenance::Feed));
    let teaser = results[1].as_ref().unwrap_err();
    assert_eq!(teaser.origin.record.as_deref(), Some("item 2"));
    assert!(teaser.reason.starts_with("no content"), "{}", teaser.reason);
}

#[test]
fn atom_entries_keep_their_local_day() {
    let results = read_fixture("atom.xml");
    let entry = results[0].as_ref().unwrap();
    assert_eq!(entry.kind, SourceKind::Html);
    assert_eq!(entry.content, "<p>Le sommet aura lieu.</p>");
    assert_eq!(entry.hints.url.as_deref(), Some("https://actu.example.fr/sommet"));
    assert_eq!(entry.hints.outlet_name.as_deref(), Some("Exemple Actualités"));
    assert_eq!(entry.hints.authors, vec!["Marie Curie"]);
    let published = entry.hints.published.as_ref().unwrap();
    assert_eq!(
        published.date.as_deref(),
        Some("2025-09-05"),
        "00:30 in Paris is still the 4th in UTC"
    );
}

#[test]
fn json_feed_items() {
    let results = read_fixture("feed.json");
    assert_eq!(results.len(), 2);
    let item = results[0].as_ref().unwrap();
    assert_eq!(item.kind, SourceKind::Text);
    assert_eq!(item.content, "Der Gipfel beginnt am Montag.");
    assert_eq!(item.hints.language.as_deref(), Some("de"));
    assert_eq!(item.hints.authors, vec!["Max Muster"]);
    assert_eq!(
        item.hints.published.as_ref().unwrap().date.as_deref(),
        Some("2025-09-04")
    );
    assert!(results[1].as_ref().unwrap_err().reason.starts_with("no content"));
}

#[test]
fn jsonl_bad_line_is_an_error_and_reading_continues() {
    let results = read_fixture("news-please.jsonl");
    assert_eq!(results.len(), 3);
    let first = results[0].as_ref().unwrap();
    assert_eq!(first.format, InputFormat::Jsonl);
    assert_eq!(first.kind, SourceKind::Text);
    assert_eq!(first.content, "First body.");
    assert_eq!(first.hints.outlet_domain.as_deref(), Some("np.example.com"));
    let bad = results[1].as_ref().unwrap_err();
    assert_eq!(bad.origin.record.as_deref(), Some("line 2"));
    assert!(bad.reason.starts_with("invalid JSON: "));
    assert!(
        bad.to_string()
            .contains("news-please.jsonl (line 2): invalid JSON"),
        "{bad}"
    );
    let third = results[2].as_ref().unwrap();
    assert_eq!(third.hints.authors, vec!["B. Writer"]);
    assert_eq!(
        third.hints.published.as_ref().unwrap().timestamp.as_deref(),
        Some("2025-09-06T08:00:00+00:00")
    );
}

#[test]
fn parallax_export_is_read_back_whole() {
    let body = "Talks resumed.\n\nBoth sides agreed.";
    let article = parallax_core::Article {
        schema_version: parallax_core::SCHEMA_VERSION.to_owned(),
        id: "abc123".to_owned(),
        content_hash: parallax_core::content_hash(body),
        source_path: "in.txt".to_owned(),
        source_record: None,
        format: InputFormat::Text,
        url: Some("https://example.org/talks".to_owned()),
        title: Some("Talks".to_owned()),
        outlet: parallax_core::Outlet::default(),
        authors: vec!["Jane Doe".to_owned()],
        agencies: Vec::new(),
        published: parallax_core::PublishedDate::day(2025, 9, 4, DateProvenance::Header),
        captured: None,
        language: Some("en".to_owned()),
        body: body.to_owned(),
        paragraphs: Vec::new(),
        removed: Vec::new(),
        flags: Vec::new(),
        warnings: Vec::new(),
        analysis: Default::default(),
    };
    let line = serde_json::to_string(&article).unwrap();
    let results = read_bytes("export.jsonl", format!("{line}\n{line}\n").as_bytes());
    assert_eq!(results.len(), 2);
    let document = results[0].as_ref().unwrap();
    assert_eq!(document.content, body);
    assert_eq!(document.hints.article.as_deref(), Some(&article));
    assert_eq!(document.hints.url.as_deref(), Some("https://example.org/talks"));
}

#[test]
fn windows_1252_html_is_decoded_and_flagged() {
    let results = read_fixture("windows-1252.html");
    let page = results[0].as_ref().unwrap();
    assert_eq!(page.kind, SourceKind::Html);
    assert_eq!(page.format, InputFormat::Html);
    assert!(page.content.contains("Café talks"));
    assert_eq!(page.warnings, vec!["decoded as windows-1252"]);
}

#[test]
fn text_is_passed_through_with_its_header_lines() {
    let results = read_fixture("plain.txt");
    let text = results[0].as_ref().unwrap();
    assert_eq!(text.kind, SourceKind::Text);
    assert_eq!(text.format, InputFormat::Text);
    assert!(text
        .content
        .starts_with("date 2025-09-04\nurl https://example.org/x\n"));
    assert!(
        text.hints.published.is_none(),
        "header lines are the extractor's to read"
    );
}

#[test]
fn bad_inputs_give_one_clear_error() {
    let cases: [(&str, &[u8], &str); 4] = [
        ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3", "binary file (looks like PDF)"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        (
            "image.jpg",
            b"\xff\xd8\xff\xe0\x00\x10JFIF",
            "binary file (looks like JPEG)",
        ),
    ];
    for (name, bytes, reason) in cases {
        let results = read_bytes(name, bytes);
        assert_eq!(results.len(), 1, "{name}");
        assert_eq!(results[0].as_ref().unwrap_err().reason, reason, "{name}");
    }
    let truncated = read_fixture("truncated.html.gz");
    assert_eq!(truncated.len(), 1);
    assert!(
        truncated[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("truncated gzip stream"),
        "{truncated:?}"
    );
    let missing = read_fixture("does-not-exist.html");
    assert_eq!(missing[0].as_ref().unwrap_err().reason, "no such file");
}

#[test]
fn oversized_single_document_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.html");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&path).unwrap();
        file.write_all(b"<html><body>").unwrap();
        file.write_all("<p>text</p>".repeat(10_000).as_bytes()).unwrap();
        // Sparse: the size is over the limit but the rest is never written.
        file.set_len(parallax_read::MAX_DOCUMENT_BYTES as u64 + 1024 * 1024)
            .unwrap();
    }
    let results: Vec<_> = read_input(&Input::File(path)).collect();
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0].as_ref().unwrap_err().reason,
        "file too large (51 MiB > 50 MiB limit)"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.txt");
    std::fs::write(&path, "text").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let results: Vec<_> = read_input(&Input::File(path.clone())).collect();
    // Root can read anything; the check only means something for other users.
    if std::fs::read(&path).is_err() {
        assert_eq!(results[0].as_ref().unwrap_err().reason, "permission denied");
    }
}
