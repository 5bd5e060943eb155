//! `parallax ingest`: read, extract and store, idempotently; then link the
//! store into stories.

use parallax_store::{PutOutcome, SqliteStore, Store};

use super::Status;
use crate::pipeline::stream_articles;
use crate::Options;

/// What an ingest run did to the store.
#[derive(Debug, Default, Clone, Copy)]
pub struct IngestCounts {
    /// Articles stored for the first time.
    pub new: usize,
    /// Articles already stored with the same content.
    pub duplicate: usize,
    /// Changed versions of stored articles, kept as revisions.
    pub revised: usize,
}

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
        for outcome in store.put_articles(&articles)? {
            match outcome {
                PutOutcome::New => counts.new += 1,
                PutOutcome::Duplicate => counts.duplicate += 1,
                PutOutcome::Revision(_) => counts.revised += 1,
            }
        }
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
    if counts.new + counts.revised > 0 || store.story_ids()?.is_empty() {
        let relinked = crate::linking::relink(&mut store)?;
        let linked = relinked.stories.iter().filter(|s| s.articles.len() > 1).count();
        eprintln!(
            "linked: {} stories of two or more articles, {} standing alone, {} copy groups ({} story reports assembled)",
            linked,
            relinked.stories.len() - linked,
            relinked.copy_groups,
            relinked.assembled.len()
        );
    }
    let status = if report.failed > 0 {
        Status::SomeFailed
    } else {
        Status::Clean
    };
    Ok((status, counts))
}
