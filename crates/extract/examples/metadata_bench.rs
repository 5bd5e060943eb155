//! Metadata benchmark driver: runs Parallax's HTML metadata reader
//! (`page_metadata`) over the pages of a WCXB-style directory
//! (`html/NNNN.html.gz` with `ground-truth/NNNN.json` giving each page's URL)
//! and prints one JSON line per page: id, date, precision, provenance,
//! title, authors, agencies, outlet, language and the microseconds spent
//! parsing plus reading metadata. Scoring is done by `bench/dates/score.py`.
//!
//! Usage: `metadata_bench DIR`

use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

use parallax_extract::html::dom::Dom;
use parallax_extract::html::metadata::page_metadata;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: metadata_bench DIR (with html/*.html.gz and ground-truth/*.json)");
        std::process::exit(2);
    };
    if let Err(error) = run(Path::new(&dir)) {
        eprintln!("metadata_bench: {error}");
        std::process::exit(1);
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let mut ids: Vec<String> = std::fs::read_dir(dir.join("ground-truth"))
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| {
            entry
                .ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".json")
                .map(str::to_owned)
        })
        .collect();
    ids.sort();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for id in ids {
        let truth: serde_json::Value = read_json(&dir.join("ground-truth").join(format!("{id}.json")))?;
        let url = truth.get("url").and_then(|u| u.as_str());
        let html = read_gz(&dir.join("html").join(format!("{id}.html.gz")))?;
        let started = Instant::now();
        let metadata = page_metadata(&Dom::parse(&html), url);
        let micros = started.elapsed().as_micros();
        let line = serde_json::json!({
            "id": id,
            "date": metadata.published.date,
            "precision": metadata.published.precision,
            "provenance": metadata.published.provenance,
            "title": metadata.title,
            "authors": metadata.authors,
            "agencies": metadata.agencies,
            "outlet": metadata.outlet.name,
            "language": metadata.language,
            "micros": micros,
        });
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The page as text; bytes that are not UTF-8 are replaced, as the
/// benchmark measures metadata reading, not charset detection.
fn read_gz(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
