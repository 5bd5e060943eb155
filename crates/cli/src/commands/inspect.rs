//! `parallax inspect`: what extraction makes of files, without storing.

use std::io::Write;

use super::Status;
use crate::pipeline::stream_articles;
use crate::render::render_article;
use crate::Options;

/// Prints each article read from `paths`, readable or as JSON.
pub fn run(options: &Options, paths: &[String], json: bool) -> anyhow::Result<Status> {
    let stdout = std::io::stdout();
    let report = stream_articles(paths, true, |articles, progress| {
        let mut out = stdout.lock();
        progress.suspend(|| -> anyhow::Result<()> {
            for article in &articles {
                if json {
                    serde_json::to_writer_pretty(&mut out, article)?;
                    writeln!(out)?;
                } else {
                    write!(out, "{}", render_article(article))?;
                }
            }
            Ok(())
        })
    })?;
    if !options.quiet {
        eprintln!(
            "{} files: read {}, failed {}",
            report.inputs, report.read, report.failed
        );
    }
    Ok(if report.failed > 0 {
        Status::SomeFailed
    } else {
        Status::Clean
    })
}
