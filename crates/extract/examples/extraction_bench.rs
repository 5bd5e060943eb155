//! Extraction benchmark driver: runs Parallax's HTML extractor over a
//! directory of `*.html.gz` pages, writes the extracted bodies as JSON in the
//! input format of the dataset's own scorer, and reports extraction speed.
//!
//! Usage: `extraction_bench --format zyte|wcxb --pages DIR --out FILE [--runs N]`
//!
//! Only extraction is timed (parsing + main content + metadata, the whole of
//! `extract_html`), not reading or decompressing files. Time is the process's
//! CPU time, not wall time: the benchmark machine is shared, and CPU time on
//! one pinned core is what "docs/s on one core" means. The timing is repeated
//! `--runs` times and the median docs/s is printed as JSON on stdout.

use std::io::Read;
use std::path::{Path, PathBuf};

use parallax_extract::blocks::join_blocks;
use parallax_extract::html::extract_html;

struct Args {
    format: String,
    pages: PathBuf,
    out: PathBuf,
    runs: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut format = None;
    let mut pages = None;
    let mut out = None;
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--format" => format = Some(value),
            "--pages" => pages = Some(PathBuf::from(value)),
            "--out" => out = Some(PathBuf::from(value)),
            "--runs" => runs = value.parse().map_err(|_| "--runs needs a number".to_owned())?,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(Args {
        format: format.ok_or("--format zyte|wcxb is required")?,
        pages: pages.ok_or("--pages DIR is required")?,
        out: out.ok_or("--out FILE is required")?,
        runs: runs.max(1),
    })
}

/// Reads every `ID.html.gz` in `dir`, sorted by id.
fn read_pages(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut pages = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".html.gz"))
        else {
            continue;
        };
        let file = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        pages.push((id.to_owned(), String::from_utf8_lossy(&bytes).into_owned()));
    }
    pages.sort();
    Ok(pages)
}

/// CPU seconds used by this process so far.
fn cpu_seconds() -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec for the call's duration.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    if status != 0 {
        return 0.0;
    }
    now.tv_sec as f64 + now.tv_nsec as f64 * 1e-9
}

fn extract_body(html: &str) -> String {
    join_blocks(&extract_html(html, None).blocks).0
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("extraction_bench: {message}");
            std::process::exit(2);
        }
    };
    let pages = match read_pages(&args.pages) {
        Ok(pages) => pages,
        Err(message) => {
            eprintln!("extraction_bench: {message}");
            std::process::exit(1);
        }
    };
    let mut rates = Vec::with_capacity(args.runs);
    let mut bodies = Vec::new();
    for _ in 0..args.runs {
        let start = cpu_seconds();
        bodies = pages
            .iter()
            .map(|(_, html)| extract_body(html))
            .collect::<Vec<_>>();
        rates.push(pages.len() as f64 / (cpu_seconds() - start).max(1e-9));
    }
    rates.sort_by(f64::total_cmp);
    let median = rates[rates.len() / 2];

    // Each scorer has its own input shape: Zyte `{id: {articleBody}}`, WCXB `{id: text}`.
    let output: serde_json::Map<String, serde_json::Value> = pages
        .iter()
        .zip(&bodies)
        .map(|((id, _), body)| {
            let value = match args.format.as_str() {
                "zyte" => serde_json::json!({ "articleBody": body }),
                _ => serde_json::json!(body),
            };
            (id.clone(), value)
        })
        .collect();
    let output = serde_json::Value::Object(output);
    if let Err(e) = std::fs::write(&args.out, output.to_string()) {
        eprintln!("extraction_bench: {}: {e}", args.out.display());
        std::process::exit(1);
    }
    println!(
        "{}",
        serde_json::json!({ "docs": pages.len(), "docs_per_s": median, "runs": rates })
    );
}
