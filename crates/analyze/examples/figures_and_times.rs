//! Runs figure and time recognition over a directory of plain-text articles
//! and reports throughput, or prints what it found.
//!
//! ```text
//! cargo run --release -p parallax-analyze --example figures_and_times -- [DIR] [--print]
//! ```
//!
//! `DIR` defaults to `$PARALLAX_SHARED/data/quotes/polnear/train/text`
//! (`PARALLAX_SHARED` defaults to `../shared`). Times are resolved against
//! an unknown publication date unless the file has a `date YYYY-MM-DD`
//! header line.

use std::path::PathBuf;
use std::time::Instant;

use parallax_analyze::figures::find_figures;
use parallax_analyze::times::find_times;
use parallax_core::{DateProvenance, PublishedDate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let print = args.iter().any(|a| a == "--print");
    let dir = match args.iter().find(|a| !a.starts_with("--")) {
        Some(dir) => PathBuf::from(dir),
        None => {
            let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
            PathBuf::from(shared).join("data/quotes/polnear/train/text")
        }
    };
    let mut texts = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in &paths {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        texts.push((path.clone(), published_from_header(&text), text));
    }
    let bytes: usize = texts.iter().map(|(_, _, t)| t.len()).sum();
    if print {
        for (path, published, text) in &texts {
            println!("== {}", path.display());
            for f in find_figures(text) {
                let span = text.get(f.span.start..f.span.end).unwrap_or_default();
                println!(
                    "  figure {:?} value={} counts={:?} unit={:?} {:?} part_of={:?}",
                    span, f.value, f.counts, f.unit, f.qualifier, f.part_of
                );
            }
            for t in find_times(text, published) {
                println!(
                    "  time {:?} {:?} date={:?} end={:?} day={:?} period={:?}",
                    t.text, t.relation, t.date, t.end, t.part_of_day, t.part_of_period
                );
            }
        }
        return Ok(());
    }
    let rounds = (50_000_000 / bytes.max(1)).clamp(1, 50);
    let megabytes = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} files, {:.2} MB x {rounds} rounds",
        texts.len(),
        bytes as f64 / 1e6
    );
    let started = Instant::now();
    let mut figures = 0;
    for _ in 0..rounds {
        for (_, _, text) in &texts {
            figures += find_figures(text).len();
        }
    }
    let figure_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut times = 0;
    for _ in 0..rounds {
        for (_, published, text) in &texts {
            times += find_times(text, published).len();
        }
    }
    let time_seconds = started.elapsed().as_secs_f64();
    println!(
        "find_figures: {:.1} MB/s ({} figures per round)",
        megabytes / figure_seconds,
        figures / rounds
    );
    println!(
        "find_times:   {:.1} MB/s ({} times per round)",
        megabytes / time_seconds,
        times / rounds
    );
    Ok(())
}

/// A `date YYYY-MM-DD` header line, as scraped files carry.
fn published_from_header(text: &str) -> PublishedDate {
    let header = text
        .lines()
        .take(5)
        .find_map(|line| line.trim_start().strip_prefix("date "));
    let parts: Option<(i32, u32, u32)> = header.and_then(|date| {
        let mut it = date.trim().splitn(3, '-');
        Some((
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
            it.next()?.get(..2)?.parse().ok()?,
        ))
    });
    match parts {
        Some((y, m, d)) => PublishedDate::day(y, m, d, DateProvenance::Header),
        None => PublishedDate::unknown(),
    }
}
