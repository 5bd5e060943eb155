//! `parallax analyze`: the main job. Today it ingests and prints a digest of
//! every article read; the analysis, linking and story briefing stages
//! extend it as they land.

use super::ingest::ingest;
use super::Status;
use crate::render::render_digest;
use crate::Options;

/// Ingests `paths` and prints one digest per article.
pub fn run(options: &Options, paths: &[String]) -> anyhow::Result<Status> {
    let mut digests = Vec::new();
    let (status, _) = ingest(options, paths, |article| digests.push(render_digest(article)))?;
    if !options.quiet {
        for digest in digests {
            print!("{digest}");
        }
    }
    Ok(status)
}
