//! `parallax export`: stored articles as JSONL or CSV, streamed, written
//! atomically when going to a file.

use std::io::Write;
use std::path::Path;

use parallax_export::{ArticleWriter, AtomicFile, Format};
use parallax_store::{SqliteStore, Store, StoreError};

use super::Status;
use crate::Options;

/// Exports every stored article (latest revision) to `output` or stdout.
pub fn run(options: &Options, format: Format, output: Option<&Path>) -> anyhow::Result<Status> {
    let store = SqliteStore::open_existing(&options.data)?;
    let count = match output {
        Some(path) => {
            let file = AtomicFile::create(path)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?;
            let (file, count) = write_all(&store, format, file)?;
            file.commit()
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
            count
        }
        None => write_all(&store, format, std::io::stdout().lock())?.1,
    };
    if !options.quiet {
        eprintln!("exported {count} articles");
    }
    Ok(Status::Clean)
}

fn write_all<W: Write>(store: &SqliteStore, format: Format, out: W) -> anyhow::Result<(W, usize)> {
    let mut writer = ArticleWriter::new(format, out)?;
    let mut count = 0;
    store.for_each_article(&mut |article| {
        writer
            .write(&article)
            .map_err(|e| StoreError::Setup(e.to_string()))?;
        count += 1;
        Ok(())
    })?;
    Ok((writer.finish()?, count))
}
