//! Acceptance tests of the web UI in a real headless Chromium, driven
//! through WebDriver (chromedriver) against the server running in-process
//! on the five seed articles.
//!
//! One test drives every scenario in one browser session (starting Chromium
//! dominates the cost), in order, and reports each scenario's outcome on its
//! own line; the test fails listing every scenario that failed. The story,
//! article and entity pages are screenshotted at 1280×800 and 390×844 into
//! `target/screenshots/`. Chromium is installed by
//! `scripts/ui/install-chromium.sh` when missing; where it cannot be, the
//! test says so on one `SKIPPED browser tests: …` line and passes. See
//! `docs/browser-tests.md`.

#[path = "browser/chromium.rs"]
mod chromium;
#[path = "browser/corpus.rs"]
mod corpus;
#[path = "browser/long_story.rs"]
mod long_story;
#[path = "browser/page.rs"]
mod page;
#[path = "browser/scenarios.rs"]
mod scenarios;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use parallax_serve::{router, AppState};

use crate::chromium::ChromeDriver;
use crate::page::{Browser, Viewport};

#[test]
fn web_ui_in_headless_chromium() {
    if let Err(reason) = chromium::ensure_installed() {
        eprintln!("SKIPPED browser tests: chromium could not be installed: {reason}");
        return;
    }
    let started = Instant::now();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let failures = match runtime.block_on(run_suite()) {
        Ok(failures) => failures,
        Err(error) => panic!("browser test setup failed: {error:#}"),
    };
    eprintln!(
        "browser tests: finished in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} browser scenario(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Sets up the corpus, the server and the browser, runs every scenario and
/// returns the failures (`name: reason`). `Err` only when setup fails.
async fn run_suite() -> anyhow::Result<Vec<String>> {
    let scratch = tempfile::tempdir().context("creating a scratch directory")?;
    let data_dir = scratch.path().join("data");
    let corpus = {
        let data_dir = data_dir.clone();
        tokio::task::spawn_blocking(move || corpus::ingest(&data_dir)).await??
    };
    eprintln!(
        "browser tests: {} articles from {}; largest story {} ({} articles)",
        corpus.articles,
        corpus.source.display(),
        corpus.largest_story,
        corpus.largest_story_articles.len()
    );
    let base_url = start_server(&data_dir).await?;
    let driver_log = scratch.path().join("chromedriver.log");
    let driver = ChromeDriver::start(&driver_log)?;
    let profile = scratch.path().join("chromium-profile");
    let client = driver
        .open_session(&profile, (Viewport::DESKTOP.width, Viewport::DESKTOP.height))
        .await?;
    let browser = Browser::new(client, base_url, screenshot_dir()).await?;

    let mut failures = Vec::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/upload-fixture.txt");
    let b = &browser;
    let c = &corpus;
    let mut record = |name: &str, outcome: anyhow::Result<()>, seconds: f64| match outcome {
        Ok(()) => eprintln!("browser: {name} ... ok ({seconds:.1} s)"),
        Err(error) => {
            eprintln!("browser: {name} ... FAILED ({seconds:.1} s): {error:#}");
            failures.push(format!("{name}: {error:#}"));
        }
    };
    let (outcome, seconds) = timed(scenarios::stories_list_opens_largest_story(b, c)).await;
    record("stories list opens the largest story", outcome, seconds);
    let (outcome, seconds) = timed(scenarios::timeline_entry_expands_to_sources(b, c)).await;
    record("timeline entry expands to its sources", outcome, seconds);
    let (outcome, seconds) = timed(scenarios::source_link_opens_quoted_article(b, c)).await;
    record(
        "source link opens the article with the speaker's quote",
        outcome,
        seconds,
    );
    let (outcome, seconds) = timed(scenarios::search_finds_other_spelling(b, c)).await;
    record("search for one spelling finds the other", outcome, seconds);
    let (outcome, seconds) = timed(scenarios::entity_page_lists_spellings(b, c)).await;
    record("entity page lists both spellings", outcome, seconds);
    let (outcome, seconds) = timed(scenarios::keyboard_reaches_main_links(b, c)).await;
    record("keyboard reaches the main links", outcome, seconds);
    let (outcome, seconds) = timed(scenarios::narrow_pages_fit(b, c)).await;
    record("pages fit a 390 px screen", outcome, seconds);
    let (outcome, seconds) = timed(scenarios::long_story_stays_usable(b, c)).await;
    record(
        "a 200-article story with long names stays usable",
        outcome,
        seconds,
    );
    // Last: it changes the store the other scenarios look at.
    let (outcome, seconds) = timed(scenarios::upload_appears(b, &fixture)).await;
    record("uploaded file appears", outcome, seconds);

    if let Err(error) = browser.close().await {
        eprintln!("browser tests: {error:#}");
    }
    drop(driver);
    Ok(failures)
}

/// Serves `data_dir` on a free local port in this runtime; returns its URL.
async fn start_server(data_dir: &Path) -> anyhow::Result<String> {
    let state = AppState::open(data_dir).context("opening the server state")?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .context("binding the test server")?;
    let address = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, router(state)).await {
            eprintln!("browser tests: the server stopped: {error}");
        }
    });
    Ok(format!("http://{address}"))
}

async fn timed<T>(work: impl Future<Output = T>) -> (T, f64) {
    let started = Instant::now();
    let value = work.await;
    (value, started.elapsed().as_secs_f64())
}

/// `target/screenshots/` of the workspace (or of `$CARGO_TARGET_DIR`; a
/// relative one is taken from the workspace root, where cargo runs).
fn screenshot_dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    };
    target.join("screenshots")
}
