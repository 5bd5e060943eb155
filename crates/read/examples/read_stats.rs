//! Reads every file under the given paths (default: the shared extraction
//! benchmarks, `$PARALLAX_SHARED/data/extraction`, `PARALLAX_SHARED`
//! defaulting to `../shared`) and prints how many documents and errors came
//! out, the warnings by kind, and the throughput. Used for the figures in
//! `docs/input-formats.md`:
//!
//! `cargo run --release -p parallax-read --example read_stats`

use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
        args.push(format!("{shared}/data/extraction"));
    }
    let started = Instant::now();
    let (inputs, expand_errors) = parallax_read::expand_inputs(&args);
    let (mut documents, mut errors, mut bytes) = (0usize, expand_errors.len(), 0usize);
    let mut warnings: BTreeMap<String, usize> = BTreeMap::new();
    let mut formats: BTreeMap<String, usize> = BTreeMap::new();
    for input in &inputs {
        for result in parallax_read::read_input(input) {
            match result {
                Ok(document) => {
                    documents += 1;
                    bytes += document.content.len();
                    *formats
                        .entry(format!("{:?}/{:?}", document.format, document.kind))
                        .or_default() += 1;
                    for warning in document.warnings {
                        // Group "declared windows-1252 but valid UTF-8; read as UTF-8" and alike by shape.
                        *warnings.entry(warning).or_default() += 1;
                    }
                }
                Err(error) => {
                    errors += 1;
                    eprintln!("{error}");
                }
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("inputs {} documents {documents} errors {errors}", inputs.len());
    println!("formats {formats:?}");
    for (warning, count) in &warnings {
        println!("warning {count:5} × {warning}");
    }
    println!(
        "{seconds:.2} s, {:.0} documents/s, {:.1} MB/s of decoded content",
        documents as f64 / seconds,
        bytes as f64 / seconds / 1e6
    );
}
