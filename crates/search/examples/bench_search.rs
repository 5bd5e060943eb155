//! Search at scale: builds an index of synthetic articles (100,000 by
//! default) and reports build time, index size and query latency over a
//! mixed query set, single-threaded and with 8 threads.
//!
//! The articles vary real news texts from PolNeAR in the shared data
//! directory (`PARALLAX_SHARED`, default `../shared`; nothing is copied
//! into the repository): each text is analysed once (entities, quotes,
//! events), then cloned with another id, outlet and date and a paragraph
//! of words drawn from the corpus vocabulary appended (appending keeps
//! every annotation span valid).
//!
//! ```text
//! cargo run --release -p parallax-search --example bench_search -- [ARTICLES] [QUERIES]
//! ```

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parallax_core::{content_hash, Article, PublishedDate};
use parallax_search::{SearchIndex, SearchKind, SearchQuery};
use rayon::prelude::*;

const OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "BBC",
    "Al Jazeera",
    "Euronews",
    "Kyiv Independent",
    "The Guardian",
    "Le Monde",
    "CNN",
    "Fox News",
    "The New York Times",
    "HuffPost",
    "Breitbart",
    "Politico",
    "Washington Post",
    "NPR",
    "Bloomberg",
    "Financial Times",
    "DW",
    "France 24",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let articles: usize = args.next().map_or(Ok(100_000), |a| a.parse())?;
    let queries: usize = args.next().map_or(Ok(1_000), |a| a.parse())?;
    let shared = PathBuf::from(std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".into()));
    let texts = read_texts(&shared.join("data/quotes/polnear"))?;
    eprintln!("{} source texts from {}", texts.len(), shared.display());
    if texts.is_empty() {
        return Err("no PolNeAR texts found; set PARALLAX_SHARED".into());
    }

    let started = Instant::now();
    let bases: Vec<Article> = texts
        .par_iter()
        .enumerate()
        .map(|(i, text)| {
            let mut article =
                parallax_analyze::article_from_text(&format!("base{i}"), text, PublishedDate::unknown());
            parallax_analyze::annotate(&mut article);
            article.analysis.events = parallax_events::code_events(&article);
            article
        })
        .collect();
    eprintln!("analysed {} bases in {:.1?}", bases.len(), started.elapsed());
    let vocabulary = vocabulary(&texts);

    let dir = tempfile::tempdir()?;
    let index = Arc::new(SearchIndex::open(dir.path())?);
    let started = Instant::now();
    let batch = 5_000;
    for first in (0..articles).step_by(batch) {
        let generated: Vec<Article> = (first..(first + batch).min(articles))
            .into_par_iter()
            .map(|i| synthetic(&bases[i % bases.len()], i, &vocabulary))
            .collect();
        index.index_articles(&generated)?;
    }
    let build = started.elapsed();
    let size = directory_size(&dir.path().join("search"))?;
    println!(
        "index: {} articles (plus a document per quote) built in {:.1} s ({:.0} articles/s), {:.1} MiB on disk",
        index.doc_count(),
        build.as_secs_f64(),
        articles as f64 / build.as_secs_f64(),
        size as f64 / (1024.0 * 1024.0)
    );

    let set = query_set(queries, &vocabulary);
    // Warm the page cache and lazily built structures once.
    for query in set.iter().take(50) {
        index.search(query)?;
    }
    let single = run_queries(&index, &set, 1)?;
    report("1 thread", &single.0, single.1);
    let parallel = run_queries(&index, &set, 8)?;
    report("8 threads", &parallel.0, parallel.1);
    for (label, class) in [
        ("common words", 0),
        ("names", 1),
        ("rare words", 2),
        ("filtered", 3),
    ] {
        let latencies: Vec<Duration> = single
            .0
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 4 == class)
            .map(|(_, d)| *d)
            .collect();
        report(&format!("1 thread, {label}"), &latencies, latencies.iter().sum());
    }
    Ok(())
}

/// Every `text/*.txt` under the corpus directory (train and dev).
fn read_texts(root: &Path) -> std::io::Result<Vec<String>> {
    let mut texts = Vec::new();
    for split in ["train", "dev"] {
        let dir = root.join(split).join("text");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            texts.push(std::fs::read_to_string(path)?);
        }
    }
    Ok(texts)
}

/// Distinct lower-case alphabetic words of the corpus, in first-seen order.
fn vocabulary(texts: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut words = Vec::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphabetic()) {
            if word.len() >= 3 && seen.insert(word.to_lowercase()) {
                words.push(word.to_lowercase());
            }
        }
    }
    words
}

/// A deterministic pseudo-random sequence (SplitMix64).
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn synthetic(base: &Article, i: usize, vocabulary: &[String]) -> Article {
    let mut article = base.clone();
    article.id = format!("bench{i:06}");
    article.outlet.name = Some(OUTLETS[i % OUTLETS.len()].to_owned());
    article.published.date = Some(format!(
        "{}-{:02}-{:02}",
        2010 + i % 16,
        1 + (i / 16) % 12,
        1 + (i / 192) % 28
    ));
    let extra: Vec<&str> = (0..40)
        .map(|k| vocabulary[(mix((i * 40 + k) as u64) % vocabulary.len() as u64) as usize].as_str())
        .collect();
    article.body.push_str("\n\n");
    article.body.push_str(&extra.join(" "));
    article.content_hash = content_hash(&article.body);
    article.title = article.body.lines().next().map(|l| l.chars().take(100).collect());
    article
}

/// Queries in four interleaved classes: common words, names, rare words,
/// and text with filters (outlet, dates, quotes only).
fn query_set(count: usize, vocabulary: &[String]) -> Vec<SearchQuery> {
    const COMMON: &[&str] = &[
        "the",
        "said",
        "president",
        "campaign",
        "people",
        "would",
        "state",
        "new york",
    ];
    const NAMES: &[&str] = &[
        "Clinton",
        "Trump",
        "Obama",
        "Bernie Sanders",
        "Hillary Clinton",
        "Putin",
        "Sybiha",
        "Merkel",
    ];
    (0..count)
        .map(|i| {
            let pick = |list: &[&str]| list[(mix(i as u64) % list.len() as u64) as usize].to_owned();
            match i % 4 {
                0 => SearchQuery::text(pick(COMMON)),
                1 => SearchQuery::text(pick(NAMES)),
                2 => SearchQuery::text(
                    vocabulary[vocabulary.len() - 1 - (mix(i as u64) % 5_000) as usize].clone(),
                ),
                _ => SearchQuery {
                    outlet: (i % 8 == 3).then(|| OUTLETS[i % OUTLETS.len()].to_owned()),
                    from: Some(format!("{}", 2010 + i % 16)),
                    to: Some(format!("{}-06", 2010 + i % 16)),
                    kind: if i % 12 == 7 {
                        SearchKind::Quotes
                    } else {
                        SearchKind::All
                    },
                    ..SearchQuery::text(pick(COMMON))
                },
            }
        })
        .collect()
}

/// Runs the set on `threads` threads (each takes every `threads`-th query);
/// returns per-query latencies in set order and the wall-clock time.
fn run_queries(
    index: &Arc<SearchIndex>,
    set: &[SearchQuery],
    threads: usize,
) -> Result<(Vec<Duration>, Duration), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let results: Vec<Result<Vec<(usize, Duration)>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for (i, query) in set.iter().enumerate().skip(t).step_by(threads) {
                        let started = Instant::now();
                        index.search(query).map_err(|e| e.to_string())?;
                        out.push((i, started.elapsed()));
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("query thread"))
            .collect()
    });
    let wall = started.elapsed();
    let mut latencies = vec![Duration::ZERO; set.len()];
    for result in results {
        for (i, latency) in result? {
            latencies[i] = latency;
        }
    }
    Ok((latencies, wall))
}

fn report(label: &str, latencies: &[Duration], wall: Duration) {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() as f64 * q) as usize).min(sorted.len() - 1)];
    println!(
        "{label}: {} queries, median {:.2} ms, p99 {:.2} ms, max {:.2} ms, {:.0} queries/s",
        sorted.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        sorted.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
        sorted.len() as f64 / wall.as_secs_f64()
    );
}

fn directory_size(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            directory_size(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}
