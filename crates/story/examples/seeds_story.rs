//! The seeds' story: reads, extracts and analyses the five seed articles as
//! `parallax inspect` does, codes their events, dates undated articles from
//! the story as `parallax analyze` does (an inferred date that a shared time
//! reference supports re-dates the article's relative times and events),
//! assembles them into one story and prints it as markdown (default) or
//! JSON (`--json`).
//!
//! ```text
//! cargo run --release -p parallax-story --example seeds_story -- [SEEDS_DIR] [--json]
//! ```
//!
//! `SEEDS_DIR` defaults to `$PARALLAX_SHARED/data/seeds` (`PARALLAX_SHARED`
//! defaults to `../shared`, relative to the repository root).

use std::path::PathBuf;

use parallax_core::Article;
use parallax_read::{read_input, Input};
use parallax_story::{assemble, render_markdown, AssembleOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
            PathBuf::from(shared).join("data/seeds")
        });
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect(),
        Err(error) => {
            eprintln!("seeds_story: {}: {error}", dir.display());
            std::process::exit(2);
        }
    };
    paths.sort();
    let mut articles: Vec<Article> = Vec::new();
    for path in paths {
        for document in read_input(&Input::File(path.clone())) {
            match document {
                Ok(document) => {
                    let mut article = parallax_extract::extract(&document);
                    parallax_analyze::annotate(&mut article);
                    article.analysis.events = parallax_events::code_events(&article);
                    articles.push(article);
                }
                Err(error) => eprintln!("seeds_story: {}: {}", path.display(), error.reason),
            }
        }
    }
    let articles = redated(articles);
    let started = std::time::Instant::now();
    let report = assemble("seeds", &articles, &AssembleOptions::default());
    let elapsed = started.elapsed();
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(error) => eprintln!("seeds_story: {error}"),
        }
    } else {
        print!("{}", render_markdown(&report));
    }
    let multi_outlet = report.statements.iter().filter(|s| s.sources.len() > 1).count();
    let merged = report.events.iter().filter(|e| e.sources.len() > 1).count();
    eprintln!(
        "seeds_story: {} articles, {} statements ({} quoted by >1 article), {} events ({} merged across articles), \
         {} figure groups, {} conflicts, {} briefing sentences; assembled in {:.1} ms",
        report.articles.len(),
        report.statements.len(),
        multi_outlet,
        report.events.len(),
        merged,
        report.figures.len(),
        report.conflicts.len(),
        report.briefing.len(),
        elapsed.as_secs_f64() * 1000.0
    );
}

/// The articles with inferred publication dates applied where a shared time
/// reference supports them, as `parallax_pipeline::relink` does.
fn redated(articles: Vec<Article>) -> Vec<Article> {
    let refs: Vec<&Article> = articles.iter().collect();
    let inferred = parallax_link::infer_dates(&refs);
    articles
        .iter()
        .map(|article| {
            let date = inferred
                .iter()
                .find(|d| d.article == article.id && d.agreeing_times > 0);
            let mut copy = article.clone();
            if let Some(date) = date {
                parallax_analyze::redate(&mut copy, date.published.clone());
                copy.analysis.events = parallax_events::code_events(&copy);
            }
            copy
        })
        .collect()
}
