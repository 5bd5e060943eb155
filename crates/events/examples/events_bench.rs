//! Sanity figures for the real-world coder on ConfliBERT's CAMEO "pentaclass"
//! sentences (0 = statement/appeal or no event, 1 verbal cooperation, 2
//! material cooperation, 3 verbal conflict, 4 material conflict) and its
//! throughput on one thread.
//!
//! ```text
//! cargo run --release -p parallax-events --example events_bench
//! ```
//!
//! Each sentence is analysed as a one-sentence article (no publication date);
//! its class is that of its strongest event (largest |Goldstein|), 0 without
//! one. Prints accuracy, macro F1 over the five classes, the confusion
//! matrix, and sentences/s of `code_events` alone (analysis excluded, medians
//! of 11 passes, wall and per CPU-second of the thread).

use std::path::Path;
use std::time::Instant;

use parallax_core::{Article, PublishedDate};

fn article(id: usize, text: &str) -> Article {
    parallax_analyze::article_from_text(&format!("{id:016x}"), text, PublishedDate::unknown())
}

fn pentaclass(root: &str) -> usize {
    match root.parse::<u8>().unwrap_or(0) {
        3..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        15..=20 => 4,
        _ => 0,
    }
}

fn main() {
    let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
    let path = Path::new(&shared).join("data/events/conflibert/cameo_class_train.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let rows: Vec<(String, usize)> = text
        .lines()
        .filter_map(|l| {
            let (s, label) = l.rsplit_once('\t')?;
            Some((s.to_owned(), label.trim().parse().ok()?))
        })
        .collect();
    if rows.is_empty() {
        eprintln!("no sentences in {}", path.display());
        std::process::exit(2);
    }
    let started = Instant::now();
    let articles: Vec<Article> = rows
        .iter()
        .enumerate()
        .map(|(i, (s, _))| {
            let mut a = article(i, s);
            parallax_analyze::annotate(&mut a);
            a
        })
        .collect();
    let analysis_secs = started.elapsed().as_secs_f64();
    let mut confusion = [[0usize; 5]; 5];
    for (a, (_, gold)) in articles.iter().zip(&rows) {
        let events = parallax_events::code_events(a);
        let strongest = events
            .iter()
            .max_by(|x, y| x.cameo.goldstein.abs().total_cmp(&y.cameo.goldstein.abs()));
        let predicted = strongest.map_or(0, |e| pentaclass(&e.cameo.root));
        confusion[(*gold).min(4)][predicted] += 1;
    }
    let total: usize = rows.len();
    let correct: usize = (0..5).map(|k| confusion[k][k]).sum();
    let f1: Vec<f64> = (0..5)
        .map(|k| {
            let tp = confusion[k][k] as f64;
            let predicted: f64 = (0..5).map(|g| confusion[g][k] as f64).sum();
            let actual: f64 = confusion[k].iter().sum::<usize>() as f64;
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (predicted + actual)
            }
        })
        .collect();
    println!(
        "ConfliBERT pentaclass: {total} sentences, accuracy {:.3}, macro F1 {:.3} (per class {})",
        correct as f64 / total as f64,
        f1.iter().sum::<f64>() / 5.0,
        f1.iter().map(|f| format!("{f:.2}")).collect::<Vec<_>>().join(" ")
    );
    println!("confusion (rows gold 0-4, columns predicted 0-4):");
    for row in &confusion {
        println!("  {}", row.iter().map(|n| format!("{n:5}")).collect::<String>());
    }
    // Throughput of the coder alone, over the analysed sentences: wall time and
    // this thread's CPU time (the machine is shared, so CPU time is the
    // comparable figure).
    let sentences: usize = articles.iter().map(|a| a.analysis.sentences.len()).sum();
    let _ = parallax_events::verb_dictionary();
    let (mut wall, mut cpu): (Vec<f64>, Vec<f64>) = (0..PASSES)
        .map(|_| {
            let (t, c) = (Instant::now(), thread_cpu_secs());
            let n: usize = articles
                .iter()
                .map(|a| parallax_events::code_events(a).len())
                .sum();
            std::hint::black_box(n);
            (
                t.elapsed().as_secs_f64(),
                thread_cpu_secs().zip(c).map(|(b, a)| b - a),
            )
        })
        .map(|(w, c)| (w, c.unwrap_or(w)))
        .unzip();
    wall.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    println!(
        "throughput: {sentences} sentences, code_events {:.0} sentences/s wall, {:.0} sentences per CPU-second (medians of {PASSES}), analysis {:.0} sentences/s",
        sentences as f64 / wall[PASSES / 2],
        sentences as f64 / cpu[PASSES / 2],
        sentences as f64 / analysis_secs
    );
}

/// Passes over the sentences for the throughput medians.
const PASSES: usize = 11;

/// CPU time of this thread so far (Linux: the first field of
/// `/proc/thread-self/schedstat`, in nanoseconds); `None` elsewhere.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 / 1e9)
}
