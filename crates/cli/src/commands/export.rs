//! `parallax export`: stored articles as JSONL or CSV, their events as GDELT
//! 2.0 tables or PLOVER records; streamed, written atomically when going to
//! files.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use parallax_export::{ArticleWriter, AtomicFile, EventMention, Format, GdeltWriter, PloverWriter};
use parallax_store::{SqliteStore, Store, StoreError};

use super::Status;
use crate::Options;

/// What to export, in which format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Articles in the article JSON contract or flat CSV.
    Articles(Format),
    /// Events as GDELT 2.0 Event + Mentions tables (two files).
    Gdelt,
    /// Events as PLOVER JSON lines.
    Plover,
}

/// Exports every stored article (latest revision), or their events, to
/// `output` or stdout.
pub fn run(options: &Options, export: Export, output: Option<&Path>) -> anyhow::Result<Status> {
    let store = SqliteStore::open_existing(&options.data)?;
    let (count, what) = match export {
        Export::Articles(format) => (
            to_file_or_stdout(output, |out| write_articles(&store, format, out))?,
            "articles",
        ),
        Export::Plover => (
            to_file_or_stdout(output, |out| write_plover(&store, out))?,
            "events",
        ),
        Export::Gdelt => {
            let Some(prefix) = output else {
                bail!("--format gdelt writes two files (PREFIX.export.CSV, PREFIX.mentions.CSV): give -o PREFIX")
            };
            (write_gdelt(&store, prefix)?, "events")
        }
    };
    if !options.quiet {
        eprintln!("exported {count} {what}");
    }
    Ok(Status::Clean)
}

/// Runs `write` into an atomically replaced file, or into stdout.
fn to_file_or_stdout(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<usize>,
) -> anyhow::Result<usize> {
    match output {
        Some(path) => {
            let mut file = create(path)?;
            let count = write(&mut file)?;
            file.commit()
                .map_err(|e| anyhow!("cannot write {}: {e}", path.display()))?;
            Ok(count)
        }
        None => write(&mut std::io::stdout().lock()),
    }
}

fn create(path: &Path) -> anyhow::Result<AtomicFile> {
    AtomicFile::create(path).map_err(|e| anyhow!("cannot create {}: {e}", path.display()))
}

fn write_articles(store: &SqliteStore, format: Format, out: &mut dyn Write) -> anyhow::Result<usize> {
    let mut writer = ArticleWriter::new(format, out)?;
    let mut count = 0;
    store.for_each_article(&mut |article| {
        writer
            .write(&article)
            .map_err(|e| StoreError::Setup(e.to_string()))?;
        count += 1;
        Ok(())
    })?;
    writer.finish()?;
    Ok(count)
}

fn write_plover(store: &SqliteStore, out: &mut dyn Write) -> anyhow::Result<usize> {
    let mut writer = PloverWriter::new(out);
    let mut count = 0;
    store.for_each_article(&mut |article| {
        for mention in EventMention::all_in(&article) {
            writer
                .write(&[mention])
                .map_err(|e| StoreError::Setup(e.to_string()))?;
            count += 1;
        }
        Ok(())
    })?;
    writer.finish()?;
    Ok(count)
}

/// Both GDELT tables; each file is replaced atomically, and neither is
/// left behind when writing fails.
fn write_gdelt(store: &SqliteStore, prefix: &Path) -> anyhow::Result<usize> {
    let with_suffix = |suffix: &str| {
        let mut name = prefix.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    let (events_path, mentions_path) = (with_suffix(".export.CSV"), with_suffix(".mentions.CSV"));
    let added = chrono::Utc::now().naive_utc();
    let mut writer = GdeltWriter::new(create(&events_path)?, create(&mentions_path)?, added);
    let mut count = 0;
    store.for_each_article(&mut |article| {
        for mention in EventMention::all_in(&article) {
            writer
                .write(&[mention])
                .map_err(|e| StoreError::Setup(e.to_string()))?;
            count += 1;
        }
        Ok(())
    })?;
    let (events, mentions) = writer.finish()?;
    events
        .commit()
        .map_err(|e| anyhow!("cannot write {}: {e}", events_path.display()))?;
    mentions
        .commit()
        .map_err(|e| anyhow!("cannot write {}: {e}", mentions_path.display()))?;
    Ok(count)
}
