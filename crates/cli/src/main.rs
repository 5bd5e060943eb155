//! The `parallax` command line: parses arguments, dispatches to one module per
//! command, and turns outcomes into exit codes.
//!
//! This crate owns user interaction (arguments, progress, human-readable
//! output, exit status). It must not contain extraction, storage or format
//! logic of its own: it wires `parallax-read`, `parallax-extract`,
//! `parallax-store` and `parallax-export` together.

mod commands;
mod pipeline;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Parallax: one sourced, cross-checked account of a news story from many outlets' reports.
#[derive(Parser)]
#[command(name = "parallax", version)]
struct Cli {
    /// Data directory of the embedded store.
    #[arg(long, global = true, env = "PARALLAX_DATA", default_value = "./parallax-data")]
    data: PathBuf,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, global = true)]
    jobs: Option<usize>,
    /// No progress bar or per-article output; errors and the summary only.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest, analyse and report: the main job (today: ingest and print what was extracted).
    Analyze {
        /// Files, directories, globs, or - for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Read articles from files, directories, globs or stdin (-) into the store.
    Ingest {
        /// Files, directories, globs, or - for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Show what extraction makes of files, without storing anything.
    Inspect {
        /// Files, directories, globs, or - for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Print the article JSON (one object per article) instead of the readable view.
        #[arg(long)]
        json: bool,
    },
    /// List stored articles.
    List {
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one stored article (id or a unique prefix of at least 4 characters).
    Show {
        /// Article id or unique prefix.
        id: String,
        /// Print the article JSON.
        #[arg(long)]
        json: bool,
        /// Show this revision instead of the latest.
        #[arg(long)]
        revision: Option<u32>,
        /// List the stored revisions instead of the article.
        #[arg(long, conflicts_with = "revision")]
        revisions: bool,
    },
    /// List the stories found across the stored articles, largest first.
    Stories {
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
        /// Also list articles that stand alone (stories of one).
        #[arg(long)]
        all: bool,
    },
    /// Show one story: timeline, statements, events, coverage, conflicts, briefing.
    Story {
        /// Story id or unique prefix (see `parallax stories`).
        id: String,
        /// Print the story JSON.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print the briefing as Markdown (the default view).
        #[arg(long)]
        markdown: bool,
    },
    /// List coded events (CAMEO and PLOVER) with their evidence sentences.
    Events {
        /// Only this article (id or unique prefix); all stored articles if omitted.
        article: Option<String>,
        /// One JSON object per event and line.
        #[arg(long)]
        json: bool,
    },
    /// Search stored articles and quotes: ranked, highlighted, entity-aware
    /// ("Sybiha" also finds articles spelling him "Sybiga").
    Search {
        /// Words, "quoted phrases", -excluded words.
        query: String,
        /// Print the results as one JSON object (see docs/search.md).
        #[arg(long)]
        json: bool,
        /// Only this outlet (name as shown in results).
        #[arg(long)]
        outlet: Option<String>,
        /// Only documents published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Only documents published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Only documents mentioning this entity key (e.g. person:sybiha-andrii).
        #[arg(long)]
        entity: Option<String>,
        /// Only articles with this event type: CAMEO root ("19") or PLOVER type ("ASSAULT").
        #[arg(long)]
        event: Option<String>,
        /// Search articles, quotes or both.
        #[arg(long, value_enum, default_value = "all")]
        kind: SearchKindArg,
        /// Number of hits to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Hits to skip (for paging).
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// Serve the web UI and the JSON API (`/api`, described at `/api/openapi.json`) over the store.
    Serve {
        /// Address to listen on (port 0 picks a free port, printed on start).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
    /// Export stored articles, or tables of their quotes, entities, events or figures.
    Export {
        /// What to export: articles; per-article tables quotes, entities,
        /// events, figures; story tables timeline, statements, coverage
        /// (default: events for gdelt and plover, else articles).
        #[arg(long)]
        what: Option<String>,
        /// Output format: jsonl, csv, parquet (tables; needs -o); for events
        /// also gdelt (GDELT 2.0 Event and Mentions tables, needs -o PREFIX)
        /// and plover (PLOVER JSON lines).
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExportFormat,
        /// Output file (written atomically), or file prefix for gdelt;
        /// standard output if omitted.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SearchKindArg {
    All,
    Articles,
    Quotes,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Jsonl,
    Csv,
    Parquet,
    Gdelt,
    Plover,
}

/// Global options every command may need.
pub struct Options {
    /// Data directory.
    pub data: PathBuf,
    /// Suppress progress and per-article output.
    pub quiet: bool,
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = Cli::parse();
    if let Some(jobs) = cli.jobs {
        // Only fails if a pool was already built, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
    }
    let options = Options {
        data: cli.data,
        quiet: cli.quiet,
    };
    let result = match cli.command {
        Command::Analyze { paths } => commands::analyze::run(&options, &paths),
        Command::Ingest { paths } => commands::ingest::run(&options, &paths),
        Command::Inspect { paths, json } => commands::inspect::run(&options, &paths, json),
        Command::List { json } => commands::list::run(&options, json),
        Command::Show {
            id,
            json,
            revision,
            revisions,
        } => commands::show::run(&options, &id, json, revision, revisions),
        Command::Stories { json, all } => commands::stories::list(&options, json, all),
        Command::Story { id, json, markdown } => {
            use commands::stories::StoryFormat;
            let format = match (json, markdown) {
                (true, _) => StoryFormat::Json,
                (_, true) => StoryFormat::Markdown,
                _ => StoryFormat::Readable,
            };
            commands::stories::show(&options, &id, format)
        }
        Command::Serve { addr } => commands::serve::run(&options, addr),
        Command::Search {
            query,
            json,
            outlet,
            from,
            to,
            entity,
            event,
            kind,
            limit,
            offset,
        } => {
            let kind = match kind {
                SearchKindArg::All => parallax_search::SearchKind::All,
                SearchKindArg::Articles => parallax_search::SearchKind::Articles,
                SearchKindArg::Quotes => parallax_search::SearchKind::Quotes,
            };
            let query = parallax_search::SearchQuery {
                text: query,
                outlet,
                from,
                to,
                entity,
                event,
                kind,
                offset,
                limit,
            };
            commands::search::run(&options, &query, json)
        }
        Command::Events { article, json } => commands::events::run(&options, article.as_deref(), json),
        Command::Export { what, format, output } => {
            let format = match format {
                ExportFormat::Jsonl => commands::export::FormatChoice::Jsonl,
                ExportFormat::Csv => commands::export::FormatChoice::Csv,
                ExportFormat::Parquet => commands::export::FormatChoice::Parquet,
                ExportFormat::Gdelt => commands::export::FormatChoice::Gdelt,
                ExportFormat::Plover => commands::export::FormatChoice::Plover,
            };
            commands::export::Export::choose(what.as_deref(), format)
                .and_then(|export| commands::export::run(&options, export, output.as_deref()))
        }
    };
    match result {
        Ok(commands::Status::Clean) => ExitCode::SUCCESS,
        Ok(commands::Status::SomeFailed) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// `parallax … | head` must end quietly when the reader goes away, as Unix
/// tools do, instead of panicking on the failed write: Rust ignores SIGPIPE
/// by default, so restore the default action (terminate) before printing.
#[cfg(unix)]
fn restore_default_sigpipe() {
    // SAFETY: called once at start-up, before any thread exists; setting a
    // signal's disposition to SIG_DFL has no other precondition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_default_sigpipe() {}
