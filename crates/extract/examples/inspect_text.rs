//! Development tool: prints what scraped-text extraction made of `.txt`
//! files — metadata with provenance, flags, the kept blocks (with their
//! kind) and every removal with the rule that removed it.
//!
//! With `--summary`, prints only totals over all files: lines kept and
//! removals per rule (useful on clean corpora, where every removal of a
//! paragraph is a false positive to look at).
//!
//! Usage: `cargo run -p parallax-extract --example inspect_text -- [--summary] FILE...`

use std::collections::BTreeMap;

use parallax_extract::text::extract_text;

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    let summary = paths.first().is_some_and(|a| a == "--summary");
    if summary {
        paths.remove(0);
    }
    if paths.is_empty() {
        eprintln!("usage: inspect_text [--summary] FILE...");
        std::process::exit(2);
    }
    let mut totals = Totals::default();
    for path in paths {
        match std::fs::read(&path) {
            Ok(bytes) if summary => totals.add(&String::from_utf8_lossy(&bytes)),
            Ok(bytes) => inspect(&path, &String::from_utf8_lossy(&bytes)),
            Err(err) => eprintln!("{path}: {err}"),
        }
    }
    if summary {
        totals.print();
    }
}

/// Counts over many files.
#[derive(Default)]
struct Totals {
    files: usize,
    blocks: usize,
    removed_by_rule: BTreeMap<String, usize>,
}

impl Totals {
    fn add(&mut self, text: &str) {
        let extraction = extract_text(text);
        self.files += 1;
        self.blocks += extraction.blocks.len();
        for removed in extraction.removed {
            *self.removed_by_rule.entry(removed.reason).or_default() += 1;
        }
    }

    fn print(&self) {
        println!("files {}  kept blocks {}", self.files, self.blocks);
        for (rule, count) in &self.removed_by_rule {
            println!("  {rule:<19} {count}");
        }
    }
}

fn inspect(path: &str, text: &str) {
    let extraction = extract_text(text);
    let meta = &extraction.metadata;
    println!("=== {path}");
    println!("title     {:?}", meta.title);
    println!("url       {:?}", meta.url);
    println!(
        "outlet    {:?} / {:?} ({:?})",
        meta.outlet.name, meta.outlet.domain, meta.outlet.provenance
    );
    println!("authors   {:?}", meta.authors);
    println!("agencies  {:?}", meta.agencies);
    println!(
        "published {:?} {:?} {:?}",
        meta.published.date, meta.published.precision, meta.published.provenance
    );
    println!("flags     {:?}", extraction.flags);
    println!("--- kept ({} blocks)", extraction.blocks.len());
    for block in &extraction.blocks {
        println!("  [{:?}] {}", block.kind, preview(&block.text));
    }
    println!("--- removed ({})", extraction.removed.len());
    for removed in &extraction.removed {
        println!("  {:<19} {}", removed.reason, preview(&removed.text));
    }
}

/// The first 100 characters of a text, on a character boundary.
fn preview(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(100).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
