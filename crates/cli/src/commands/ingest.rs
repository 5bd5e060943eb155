//! `parallax ingest`: read, extract and store, idempotently; then link the
//! store into stories.

use parallax_pipeline::{relink, store_batch, IngestCounts};
use parallax_store::{SqliteStore, Store};

use super::Status;
use crate::pipeline::stream_articles;
use crate::Options;

/// Ingests `paths` into the store and prints the summary.
pub fn run(options: &Options, paths: &[String]) -> anyhow::Result<Status> {
    let (status, _) = ingest(options, paths, |_| {})?;
    Ok(status)
}

/// Ingests `paths`, calling `on_article` for each article read (new or not),
/// and prints the summary line. Each batch is one transaction, so a run
/// killed midway leaves every committed batch intact and a re-run resumes
/// (already stored articles count as duplicates).
pub fn ingest(
    options: &Options,
    paths: &[String],
    mut on_article: impl FnMut(&parallax_core::Article),
) -> anyhow::Result<(Status, IngestCounts)> {
    let mut store = SqliteStore::open(&options.data)?;
    let mut counts = IngestCounts::default();
    let report = stream_articles(paths, options.quiet, |articles, _| {
        store_batch(&mut store, &articles, &mut counts)?;
        articles.iter().for_each(&mut on_article);
        Ok(())
    })?;
    eprintln!(
        "{} files: read {}, new {}, duplicate {}, revised {}, failed {} (store: {})",
        report.inputs,
        report.read,
        counts.new,
        counts.duplicate,
        counts.revised,
        report.failed,
        store.path().display()
    );
    if counts.changed() || store.story_ids()?.is_empty() {
        let relinked = relink(&mut store)?;
        let linked = relinked.stories.iter().filter(|s| s.articles.len() > 1).count();
        eprintln!(
            "linked: {} stories of two or more articles, {} standing alone, {} copy groups ({} story reports assembled)",
            linked,
            relinked.stories.len() - linked,
            relinked.copy_groups,
            relinked.assembled.len()
        );
    }
    // The search index is derived data: failing to update it must not fail
    // the ingest (the next `parallax search` or server start syncs it).
    if let Err(error) = super::search::synced_index(&options.data, &store, options.quiet) {
        eprintln!("parallax: search index not updated: {error:#}");
    }
    let status = if report.failed > 0 {
        Status::SomeFailed
    } else {
        Status::Clean
    };
    Ok((status, counts))
}
