//! `parallax-loadgen`: drives `parallax serve` with N closed-loop clients
//! for T seconds and reports latency per endpoint class (see
//! `docs/load.md`). `bench/load/run.sh` starts the server and runs this.
//!
//! Exit status: 0 when no request failed, every class met its p99 target
//! and every ingest probe succeeded; 1 when the run completed but did not
//! pass; 2 when it could not run (server unreachable, no stories, bad
//! query list).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context as _};
use clap::Parser;
use hyper::Uri;

use parallax_loadgen::classes::EndpointClass;
use parallax_loadgen::http::{self, HttpClient};
use parallax_loadgen::ingest;
use parallax_loadgen::plan::{parse_queries, parse_story_ids, Plan};
use parallax_loadgen::report::{load_average, Context, Report, RunSettings};
use parallax_loadgen::run::{run_load, Schedule};

#[derive(Parser, Debug)]
#[command(
    about = "Closed-loop load against `parallax serve`: story and search endpoints, with an ingest probe"
)]
struct Args {
    /// The server, e.g. http://127.0.0.1:8080.
    #[arg(long)]
    base_url: String,
    /// The search query list (`category<TAB>q[<TAB>name=value&…]` per line).
    #[arg(long)]
    queries: PathBuf,
    /// Concurrent closed-loop clients.
    #[arg(long, default_value_t = 50)]
    clients: usize,
    /// Measured seconds.
    #[arg(long, default_value_t = 60.0)]
    duration: f64,
    /// Seconds of load before measuring.
    #[arg(long, default_value_t = 5.0)]
    warmup: f64,
    /// How many story ids to ask the server for (`GET /api/stories?limit=`).
    #[arg(long, default_value_t = 500)]
    stories: usize,
    /// Seconds after which a read request counts as timed out.
    #[arg(long, default_value_t = 10.0)]
    timeout: f64,
    /// Seconds between ingest probes (0 disables the probe).
    #[arg(long, default_value_t = 5.0)]
    ingest_interval: f64,
    /// Seconds after which an ingest probe counts as failed.
    #[arg(long, default_value_t = 120.0)]
    ingest_timeout: f64,
    /// Also write the report as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run_all(args).await {
        Ok(report) if report.passed => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(error) => {
            eprintln!("parallax-loadgen: {error:#}");
            ExitCode::from(2)
        }
    }
}

async fn run_all(args: Args) -> anyhow::Result<Report> {
    let base = args.base_url.trim_end_matches('/').to_owned();
    let clients = args.clients.max(1);
    let settings = RunSettings {
        base_url: base.clone(),
        clients,
        warmup: seconds(args.warmup, "--warmup")?,
        duration: seconds(args.duration, "--duration")?,
        request_timeout: seconds(args.timeout, "--timeout")?,
        ingest_interval: seconds(args.ingest_interval, "--ingest-interval")?,
    };
    let ingest_timeout = seconds(args.ingest_timeout, "--ingest-timeout")?;
    let query_text = std::fs::read_to_string(&args.queries)
        .with_context(|| format!("reading the query list {}", args.queries.display()))?;
    let queries = parse_queries(&query_text)?;
    let client = http::new_client();

    let stories_path = format!("/api/stories?limit={}", args.stories);
    let (story_list, setup_story_list) =
        fetch(&client, &base, &stories_path, settings.request_timeout).await?;
    let plan = Arc::new(Plan::new(parse_story_ids(&story_list)?, queries)?);
    if !plan.classes().contains(&EndpointClass::ApiStory) {
        eprintln!(
            "parallax-loadgen: the server lists no stories yet: measuring search only (the run cannot pass)"
        );
    }
    let first_search_path = plan.path(EndpointClass::ApiSearch, 0);
    let (_, setup_first_search) = fetch(&client, &base, &first_search_path, settings.request_timeout).await?;
    eprintln!(
        "parallax-loadgen: {} stories, {} queries; {} clients for {} s after {} s warm-up",
        plan.target_count(EndpointClass::ApiStory),
        plan.target_count(EndpointClass::ApiSearch),
        clients,
        args.duration,
        args.warmup
    );

    let load_average_before = load_average();
    let schedule = Schedule::starting_now(settings.warmup, settings.duration);
    let run_tag = run_tag();
    let probes = async {
        if settings.ingest_interval.is_zero() {
            Vec::new()
        } else {
            ingest::run_probes(
                &client,
                &base,
                &run_tag,
                settings.ingest_interval,
                ingest_timeout,
                schedule,
            )
            .await
        }
    };
    let (load, probes) = tokio::join!(
        run_load(
            &client,
            &base,
            plan.clone(),
            clients,
            settings.request_timeout,
            schedule
        ),
        probes
    );
    let context = Context {
        setup_story_list,
        setup_first_search,
        load_average_before,
        load_average_after: load_average(),
    };
    let report = Report::build(&settings, &plan, load, &probes, context);
    print!("{}", report.render_table());
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json + "\n").with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(report)
}

/// A setup request that must succeed: the body and how long it took.
async fn fetch(
    client: &HttpClient,
    base: &str,
    path: &str,
    timeout: Duration,
) -> anyhow::Result<(bytes::Bytes, Duration)> {
    let uri: Uri = format!("{base}{path}")
        .parse()
        .with_context(|| format!("bad URL {base}{path}"))?;
    let exchange = http::get(client, uri, timeout).await;
    if !exchange.outcome.is_success() {
        bail!("GET {base}{path}: {}", exchange.outcome.describe());
    }
    Ok((exchange.body, exchange.latency))
}

fn seconds(value: f64, flag: &str) -> anyhow::Result<Duration> {
    Duration::try_from_secs_f64(value).with_context(|| format!("{flag} {value}: not a number of seconds"))
}

/// A tag that makes this run's probe articles new to any store: the start
/// time in hexadecimal nanoseconds.
fn run_tag() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    format!("{nanos:x}")
}
