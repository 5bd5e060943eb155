//! Throughput of the whole per-article analysis (tokens, sentences, NER,
//! identity, quotes, figures, times) on one thread, over N articles built
//! from plain-text news (PolNeAR train + dev texts by default, cycled).
//!
//! ```text
//! cargo run --release -p parallax-analyze --example analysis_throughput -- [N] [DIR...]
//! ```
//!
//! Prints the article length distribution and the median of 3 timed passes,
//! by the wall clock and per CPU-second of the process.

use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax_core::{Article, PublishedDate};

fn article(id: usize, text: &str) -> Article {
    // A known date so that relative time expressions are resolved too.
    let published = PublishedDate::day(2016, 3, 2, parallax_core::DateProvenance::Header);
    parallax_analyze::article_from_text(&format!("{id:016x}"), text, published)
}

fn texts_in(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| !t.trim().is_empty())
        .collect()
}

fn percentile(sorted: &[usize], p: f64) -> usize {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
    let dirs: Vec<PathBuf> = if args.len() > 1 {
        args[1..].iter().map(PathBuf::from).collect()
    } else {
        ["train", "dev"]
            .iter()
            .map(|s| {
                Path::new(&shared)
                    .join("data/quotes/polnear")
                    .join(s)
                    .join("text")
            })
            .collect()
    };
    let texts: Vec<String> = dirs.iter().flat_map(|d| texts_in(d)).collect();
    if texts.is_empty() {
        eprintln!("no texts found in {dirs:?}");
        std::process::exit(2);
    }
    let articles: Vec<Article> = (0..n).map(|i| article(i, &texts[i % texts.len()])).collect();
    let mut words: Vec<usize> = articles
        .iter()
        .map(|a| a.body.split_whitespace().count())
        .collect();
    words.sort_unstable();
    let total_words: usize = words.iter().sum();
    println!(
        "{} articles ({} distinct texts), words per article: p10 {} · median {} · p90 {} · max {} · mean {:.0}",
        n,
        texts.len(),
        percentile(&words, 0.1),
        percentile(&words, 0.5),
        percentile(&words, 0.9),
        words[words.len() - 1],
        total_words as f64 / n as f64
    );
    let mut rates = Vec::new();
    let mut cpu_rates = Vec::new();
    let mut annotations = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let cpu_start = process_cpu_seconds();
        annotations = 0;
        for article in &articles {
            let analysis = parallax_analyze::analyze(article);
            annotations += analysis.entities.len()
                + analysis.quotes.len()
                + analysis.figures.len()
                + analysis.times.len();
        }
        rates.push(n as f64 / start.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu_start, process_cpu_seconds()) {
            cpu_rates.push(n as f64 / (after - before).max(1e-9));
        }
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    let median = rates[1];
    println!(
        "analysis: {median:.0} articles/s, {:.0} words/s (median of 3, one thread); {annotations} annotations per pass",
        median * total_words as f64 / n as f64
    );
    // On a shared machine the wall clock counts other jobs' time too; CPU
    // time is what this process spent.
    if cpu_rates.len() == 3 {
        cpu_rates.sort_by(|a, b| a.total_cmp(b));
        println!(
            "analysis: {:.0} articles per CPU-second (median of 3; user + system time of this process)",
            cpu_rates[1]
        );
    }
}

/// User + system CPU time of this process so far, from `/proc/self/stat`
/// (Linux; `None` elsewhere). Clock ticks are taken as 100 per second, the
/// Linux default.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
    // utime and stime: fields 14 and 15 of the line, indices 11 and 12 after the name.
    Some((ticks(11)? + ticks(12)?) / 100.0)
}
