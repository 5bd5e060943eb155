//! The two stages of `parallax ingest`, run separately so that
//! `bench/scale/run.sh` can time each and take each one's peak memory:
//!
//! ```text
//! scale ingest DATA_DIR FILE...   read → extract → analyse → store, no linking
//! scale link DATA_DIR             relink the store (what ingest runs last)
//! ```
//!
//! Both go through the same `parallax-pipeline` calls as the CLI and the
//! server (`link` is `parallax_pipeline::relink` spelled out, so that its
//! phases can be timed: resume the saved linker, relink, save it); each
//! prints one JSON line of counts and seconds on stdout.

use std::path::Path;
use std::time::Instant;

use parallax_pipeline::{process_batch, store_batch, IngestCounts, Linker};
use parallax_read::{expand_inputs, read_input};
use parallax_store::SqliteStore;

/// Documents processed together (the CLI's batch size).
const BATCH_SIZE: usize = 256;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [command, data, files @ ..] if command == "ingest" && !files.is_empty() => {
            ingest(Path::new(data), files)
        }
        [command, data] if command == "link" => link(Path::new(data)),
        _ => Err("usage: scale ingest DATA_DIR FILE... | scale link DATA_DIR".into()),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("scale: {error}");
            std::process::ExitCode::from(2)
        }
    }
}

type Failure = Box<dyn std::error::Error>;

fn ingest(data: &Path, files: &[String]) -> Result<(), Failure> {
    let started = Instant::now();
    let mut store = SqliteStore::open(data)?;
    let (inputs, errors) = expand_inputs(files);
    let mut failed = errors.len();
    let mut counts = IngestCounts::default();
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    let mut flush = |batch: &mut Vec<_>, failed: &mut usize| -> Result<(), Failure> {
        let mut articles = Vec::with_capacity(batch.len());
        for result in process_batch(batch) {
            match result {
                Ok(article) => articles.push(article),
                Err(_) => *failed += 1,
            }
        }
        batch.clear();
        store_batch(&mut store, &articles, &mut counts)?;
        Ok(())
    };
    for input in &inputs {
        for item in read_input(input) {
            match item {
                Ok(doc) => batch.push(doc),
                Err(_) => failed += 1,
            }
            if batch.len() >= BATCH_SIZE {
                flush(&mut batch, &mut failed)?;
            }
        }
    }
    flush(&mut batch, &mut failed)?;
    let seconds = started.elapsed().as_secs_f64();
    let read = counts.new + counts.duplicate + counts.revised;
    println!(
        "{}",
        serde_json::json!({
            "stage": "ingest",
            "read": read,
            "new": counts.new,
            "duplicate": counts.duplicate,
            "revised": counts.revised,
            "failed": failed,
            "seconds": seconds,
            "articles_per_second": read as f64 / seconds,
        })
    );
    Ok(())
}

fn link(data: &Path) -> Result<(), Failure> {
    let started = Instant::now();
    let mut store = SqliteStore::open_existing(data)?;
    let mut linker = Linker::open(&store);
    let opened = started.elapsed().as_secs_f64();
    let relinked = linker.relink(&mut store)?;
    let linked = started.elapsed().as_secs_f64();
    let memory = linker.index().memory();
    let copy_stats = linker.index().copy_stats();
    linker.save(&store);
    let multi = relinked.stories.iter().filter(|s| s.articles.len() > 1).count();
    let largest = relinked
        .stories
        .iter()
        .map(|s| s.articles.len())
        .max()
        .unwrap_or(0);
    let index_bytes: usize = memory.values().sum();
    println!(
        "{}",
        serde_json::json!({
            "stage": "link",
            "articles": relinked.entries_reused + relinked.entries_computed,
            "entries_reused": relinked.entries_reused,
            "entries_computed": relinked.entries_computed,
            "entries_removed": relinked.entries_removed,
            "stories": relinked.stories.len(),
            "stories_of_two_or_more": multi,
            "largest_story": largest,
            "copy_groups": relinked.copy_groups,
            "copy_candidates": copy_stats.candidates,
            "copy_exact_checks": copy_stats.exact,
            "reports_assembled": relinked.assembled.len(),
            "stories_dropped": relinked.dropped.len(),
            "index_mb": index_bytes as f64 / 1e6,
            "index_parts_mb": memory.iter().map(|(k, v)| (k.to_string(), *v as f64 / 1e6)).collect::<std::collections::BTreeMap<_, _>>(),
            "seconds_resume": opened,
            "seconds_relink": linked - opened,
            "seconds_sync": relinked.timings.sync.as_secs_f64(),
            "seconds_cluster": relinked.timings.link.as_secs_f64(),
            "seconds_write": relinked.timings.write.as_secs_f64(),
            "seconds_save": started.elapsed().as_secs_f64() - linked,
            "seconds": started.elapsed().as_secs_f64(),
        })
    );
    Ok(())
}
