//! Single-thread cost of the load test's queries over an existing index:
//! each query of `bench/load/queries.tsv` run ROUNDS times after one
//! warm-up, one line per query (mean CPU time of the thread, median and
//! slowest wall time, total, whether the total is a lower bound), then
//! the totals, so a change to search can be measured on a real store
//! without the HTTP server and load generator around it. On a shared,
//! loaded machine the CPU times are the figures to compare: wall times
//! include waiting for a core.
//!
//! ```text
//! cargo build --release -p parallax-search --example query_latency
//! target/release/examples/query_latency DATA_DIR bench/load/queries.tsv [ROUNDS] [LIMIT] [COUNT_LIMIT]
//! ```
//!
//! `LIMIT`: hits per search (default 50, the API's default); `COUNT_LIMIT`:
//! matches counted for the total and facets (default
//! [`parallax_search::COUNT_LIMIT`]).
//!
//! The index in `DATA_DIR/search` must be in line with the store already
//! (`parallax search x` or a server start syncs it); this tool only reads.

use std::path::Path;
use std::time::{Duration, Instant};

use parallax_search::{SearchIndex, SearchKind, SearchQuery};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, queries, rest @ ..] = args.as_slice() else {
        return Err("usage: query_latency DATA_DIR QUERIES.tsv [ROUNDS] [LIMIT] [COUNT_LIMIT]".into());
    };
    let rounds: usize = rest.first().map_or(Ok(20), |r| r.parse())?;
    let limit: usize = rest.get(1).map_or(Ok(50), |l| l.parse())?;
    let count_limit: usize = rest
        .get(2)
        .map_or(Ok(parallax_search::COUNT_LIMIT), |l| l.parse())?;
    let index = SearchIndex::open(Path::new(data))?.with_count_limit(count_limit);
    eprintln!("{} articles indexed", index.doc_count());
    let queries = read_queries(Path::new(queries), limit)?;
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut medians = Vec::new();
    println!(
        "{:>9} {:>9} {:>9} {:>8}  query",
        "CPU ms", "median ms", "max ms", "total"
    );
    let mut cpu_total = 0.0;
    for (label, query) in &queries {
        index.search(query)?;
        let mut times = Vec::with_capacity(rounds);
        let mut total = String::new();
        let cpu_started = thread_cpu_ms();
        for _ in 0..rounds {
            let began = Instant::now();
            let results = index.search(query)?;
            times.push(began.elapsed());
            total = format!(
                "{}{}",
                results.total,
                if results.total_is_lower_bound { "+" } else { "" }
            );
        }
        let cpu = (thread_cpu_ms() - cpu_started) / rounds as f64;
        cpu_total += cpu;
        times.sort();
        let median = times[times.len() / 2];
        medians.push(median);
        println!(
            "{:>9.3} {:>9.2} {:>9.2} {:>8}  {label}",
            cpu,
            ms(median),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
            total
        );
    }
    let wall = started.elapsed();
    medians.sort();
    let searches = queries.len() * (rounds + 1);
    println!(
        "{} queries × {} rounds: mean thread CPU {:.3} ms per search; wall: median of medians {:.2} ms, mean {:.2} ms; process CPU {:.2} ms per search",
        queries.len(),
        rounds,
        cpu_total / queries.len() as f64,
        ms(medians[medians.len() / 2]),
        ms(wall) / searches as f64,
        (cpu_seconds() - cpu_before) * 1000.0 / searches as f64
    );
    Ok(())
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// `category<TAB>q[<TAB>name=value&…]` lines as queries (the load generator's format).
fn read_queries(path: &Path, limit: usize) -> Result<Vec<(String, SearchQuery)>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for line in std::fs::read_to_string(path)?.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(_category), Some(text)) = (fields.next(), fields.next()) else {
            continue;
        };
        let mut query = SearchQuery::text(text);
        query.limit = limit;
        let extra = fields.next().unwrap_or("");
        for pair in extra.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = Some(value.to_owned());
            match name {
                "kind" => {
                    query.kind = match value.as_deref() {
                        Some("quotes") => SearchKind::Quotes,
                        Some("articles") => SearchKind::Articles,
                        _ => SearchKind::All,
                    }
                }
                "from" => query.from = value,
                "to" => query.to = value,
                "entity" => query.entity = value,
                "event" => query.event = value,
                "outlet" => query.outlet = value,
                "offset" => query.offset = value.as_deref().unwrap_or("0").parse()?,
                _ => return Err(format!("unknown parameter {name} in {line:?}").into()),
            }
        }
        let label = if extra.is_empty() {
            text.to_owned()
        } else {
            format!("{text} [{extra}]")
        };
        out.push((label, query));
    }
    Ok(out)
}

/// User + system CPU seconds of this process so far (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let Some((_, after)) = stat.rsplit_once(") ") else {
        return 0.0;
    };
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of /proc/PID/stat (11 and 12 after the name).
    (ticks(11) + ticks(12)) / 100.0
}

/// CPU time of this thread so far, in milliseconds, from
/// `CLOCK_THREAD_CPUTIME_ID` (exact to the nanosecond; the scheduler's
/// `/proc` counters advance only at ticks and context switches, too coarse
/// for a search of a millisecond).
fn thread_cpu_ms() -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec for the call's duration.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    if status != 0 {
        return 0.0;
    }
    now.tv_sec as f64 * 1000.0 + now.tv_nsec as f64 / 1e6
}
