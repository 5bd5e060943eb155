//! The read → process stream shared by `ingest`, `inspect` and `analyze`:
//! the CLI's side of `parallax-pipeline` (inputs, batches, progress bar).
//!
//! Documents are read sequentially (readers stream, so memory stays bounded
//! whatever the file size), gathered into batches, and processed in parallel
//! by `parallax_pipeline::process_batch`; results keep input order, so a run is deterministic whatever
//! the number of threads. A bad input or record is reported on one line and
//! the stream goes on.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_core::{Article, SourceDocument};
use parallax_pipeline::process_batch;
use parallax_read::{expand_inputs, read_input, ReadError};

/// Documents extracted together; bounds memory (a batch of large pages is a
/// few tens of MB) while keeping every core busy.
const BATCH_SIZE: usize = 256;

/// What a run of the stream saw.
#[derive(Debug, Default, Clone, Copy)]
pub struct StreamReport {
    /// Input files (after expanding directories and globs).
    pub inputs: usize,
    /// Documents read and extracted.
    pub read: usize,
    /// Inputs or records that failed, each reported on stderr.
    pub failed: usize,
}

/// Reads and extracts every document of `paths`, handing batches of
/// articles (in input order) to `on_batch`.
pub fn stream_articles(
    paths: &[String],
    quiet: bool,
    mut on_batch: impl FnMut(Vec<Article>, &ProgressBar) -> anyhow::Result<()>,
) -> anyhow::Result<StreamReport> {
    let (inputs, errors) = expand_inputs(paths);
    let progress = progress_bar(inputs.len(), quiet);
    let mut report = StreamReport {
        inputs: inputs.len(),
        ..Default::default()
    };
    for error in &errors {
        report_error(&progress, error);
    }
    report.failed += errors.len();

    let mut batch: Vec<SourceDocument> = Vec::with_capacity(BATCH_SIZE);
    for input in &inputs {
        for item in read_input(input) {
            match item {
                Ok(doc) => batch.push(doc),
                Err(error) => {
                    report_error(&progress, &error);
                    report.failed += 1;
                }
            }
            if batch.len() >= BATCH_SIZE {
                flush(&mut batch, &mut report, &progress, &mut on_batch)?;
            }
        }
        progress.inc(1);
    }
    flush(&mut batch, &mut report, &progress, &mut on_batch)?;
    progress.finish_and_clear();
    Ok(report)
}

fn flush(
    batch: &mut Vec<SourceDocument>,
    report: &mut StreamReport,
    progress: &ProgressBar,
    on_batch: &mut impl FnMut(Vec<Article>, &ProgressBar) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let results = process_batch(batch);
    batch.clear();
    let mut articles = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(article) => articles.push(article),
            Err(error) => {
                report_error(progress, &error);
                report.failed += 1;
            }
        }
    }
    report.read += articles.len();
    progress.set_message(format!("{} articles", report.read));
    on_batch(articles, progress)
}

fn progress_bar(inputs: usize, quiet: bool) -> ProgressBar {
    let target = if quiet {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(Some(inputs as u64), target);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg} [{elapsed_precise}, eta {eta}]")
    {
        bar.set_style(style);
    }
    bar
}

/// Prints one error line without tearing the progress bar.
pub fn report_error(progress: &ProgressBar, error: &ReadError) {
    progress.suspend(|| eprintln!("error: {error}"));
}
