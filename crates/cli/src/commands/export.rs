//! `parallax export`: stored articles as JSONL or CSV; tables of their
//! quotes, entities, events or figures as JSONL, CSV or Parquet; events as
//! GDELT 2.0 tables or PLOVER records. Streamed, written atomically when
//! going to files.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use parallax_core::Article;
use parallax_export::{
    ArticleTable, ArticleWriter, AtomicFile, EventMention, Format, GdeltWriter, PloverWriter, StoryTable,
    TableFormat, TableWriter,
};
use parallax_store::{SqliteStore, Store, StoreError};
use parallax_story::StoryReport;

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
    /// One row per quote, entity mention, event or figure.
    Table(ArticleTable, TableFormat),
    /// One row per timeline evidence, statement quote or coverage cell.
    Story(StoryTable, TableFormat),
}

/// The `--format` the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatChoice {
    Jsonl,
    Csv,
    Parquet,
    Gdelt,
    Plover,
}

impl Export {
    /// Checks that `--what` and `--format` go together.
    /// Without `--what`, event formats export events and the others articles.
    pub fn choose(what: Option<&str>, format: FormatChoice) -> anyhow::Result<Export> {
        let what = what.unwrap_or(match format {
            FormatChoice::Gdelt | FormatChoice::Plover => "events",
            _ => "articles",
        });
        let table_format = match format {
            FormatChoice::Jsonl => Some(TableFormat::Jsonl),
            FormatChoice::Csv => Some(TableFormat::Csv),
            FormatChoice::Parquet => Some(TableFormat::Parquet),
            FormatChoice::Gdelt | FormatChoice::Plover => None,
        };
        match (what, format) {
            ("articles", FormatChoice::Jsonl) => Ok(Export::Articles(Format::Jsonl)),
            ("articles", FormatChoice::Csv) => Ok(Export::Articles(Format::Csv)),
            ("articles", _) => bail!("articles export as jsonl or csv; tables (--what quotes|entities|events|figures|timeline|statements|coverage) also as parquet"),
            ("events", FormatChoice::Gdelt) => Ok(Export::Gdelt),
            ("events", FormatChoice::Plover) => Ok(Export::Plover),
            (_, FormatChoice::Gdelt | FormatChoice::Plover) => {
                bail!("--format gdelt and plover export events (use --what events or leave --what out)")
            }
            (table, _) if table.parse::<StoryTable>().is_ok() => Ok(Export::Story(
                table.parse().map_err(|e: String| anyhow!(e))?,
                table_format.unwrap_or(TableFormat::Jsonl),
            )),
            (table, _) => {
                let table: ArticleTable = table.parse().map_err(|e| {
                    anyhow!("{e}: --what takes articles, quotes, entities, events, figures, timeline, statements or coverage")
                })?;
                Ok(Export::Table(table, table_format.unwrap_or(TableFormat::Jsonl)))
            }
        }
    }
}

/// Exports every stored article (latest revision), or rows or events made
/// from them, to `output` or stdout.
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
        Export::Table(table, format) => (
            tabular(output, format, |out| write_table(&store, table, format, out))?,
            "rows",
        ),
        Export::Story(table, format) => (
            tabular(output, format, |out| {
                write_story_table(&store, table, format, out)
            })?,
            "rows",
        ),
    };
    if !options.quiet {
        eprintln!("exported {count} {what}");
    }
    Ok(Status::Clean)
}

/// A table to a file or stdout; Parquet is binary and only goes to a file.
fn tabular(
    output: Option<&Path>,
    format: TableFormat,
    write: impl FnOnce(&mut (dyn Write + Send)) -> anyhow::Result<usize>,
) -> anyhow::Result<usize> {
    if format == TableFormat::Parquet && output.is_none() {
        bail!("--format parquet writes a binary file: give -o FILE");
    }
    to_file_or_stdout(output, write)
}

/// Runs `write` into an atomically replaced file, or into stdout.
fn to_file_or_stdout(
    output: Option<&Path>,
    write: impl FnOnce(&mut (dyn Write + Send)) -> anyhow::Result<usize>,
) -> anyhow::Result<usize> {
    match output {
        Some(path) => {
            let mut file = create(path)?;
            let count = write(&mut file)?;
            file.commit()
                .map_err(|e| anyhow!("cannot write {}: {e}", path.display()))?;
            Ok(count)
        }
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout());
            let count = write(&mut stdout)?;
            stdout.flush()?;
            Ok(count)
        }
    }
}

fn create(path: &Path) -> anyhow::Result<AtomicFile> {
    AtomicFile::create(path).map_err(|e| anyhow!("cannot create {}: {e}", path.display()))
}

fn write_articles(
    store: &SqliteStore,
    format: Format,
    out: &mut (dyn Write + Send),
) -> anyhow::Result<usize> {
    let mut writer = ArticleWriter::new(format, out)?;
    let mut count = 0;
    each_article(store, |article| {
        writer.write(article)?;
        count += 1;
        Ok(())
    })?;
    writer.finish()?;
    Ok(count)
}

fn write_table<W: Write + Send>(
    store: &SqliteStore,
    table: ArticleTable,
    format: TableFormat,
    out: W,
) -> anyhow::Result<usize> {
    let mut writer = TableWriter::new(format, table.columns(), out)?;
    let mut count = 0;
    each_article(store, |article| {
        for row in table.rows(article) {
            writer.write(row)?;
            count += 1;
        }
        Ok(())
    })?;
    writer.finish()?;
    Ok(count)
}

fn write_story_table<W: Write + Send>(
    store: &SqliteStore,
    table: StoryTable,
    format: TableFormat,
    out: W,
) -> anyhow::Result<usize> {
    let mut writer = TableWriter::new(format, table.columns(), out)?;
    let mut count = 0;
    for summary in store.stories()? {
        let Some(record) = store.story(&summary.id)? else {
            continue;
        };
        let report: StoryReport = serde_json::from_str(&record.report)
            .map_err(|e| anyhow!("story {}: stored report unreadable: {e}", record.id))?;
        for row in table.rows(&report) {
            writer.write(row)?;
            count += 1;
        }
    }
    writer.finish()?;
    Ok(count)
}

fn write_plover(store: &SqliteStore, out: &mut (dyn Write + Send)) -> anyhow::Result<usize> {
    let mut writer = PloverWriter::new(out);
    let count = each_event(store, |mention| Ok(writer.write(&[mention])?))?;
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
    let count = each_event(store, |mention| Ok(writer.write(&[mention])?))?;
    let (events, mentions) = writer.finish()?;
    events
        .commit()
        .map_err(|e| anyhow!("cannot write {}: {e}", events_path.display()))?;
    mentions
        .commit()
        .map_err(|e| anyhow!("cannot write {}: {e}", mentions_path.display()))?;
    Ok(count)
}

/// Visits every stored article with a fallible export step. An export error
/// stops the walk and comes back as itself (not disguised as a store error).
fn each_article(
    store: &SqliteStore,
    mut visit: impl FnMut(&Article) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut failure = None;
    let walk = store.for_each_article(&mut |article| {
        visit(&article).map_err(|error| {
            let reason = error.to_string();
            failure = Some(error);
            StoreError::Setup(reason)
        })
    });
    match failure {
        Some(error) => Err(error),
        None => Ok(walk?),
    }
}

/// Visits every event of every stored article (one mention each) and
/// counts them: the walk shared by the GDELT and PLOVER writers.
fn each_event(
    store: &SqliteStore,
    mut visit: impl FnMut(EventMention<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let mut count = 0;
    each_article(store, |article| {
        for mention in EventMention::all_in(article) {
            visit(mention)?;
            count += 1;
        }
        Ok(())
    })?;
    Ok(count)
}
