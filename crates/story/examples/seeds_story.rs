//! The stories of some articles, as `parallax analyze` makes them but
//! without a store: reads the inputs (files, directories, any format
//! `parallax-read` knows), extracts, analyses and codes events as `parallax
//! inspect` does, links them into stories (`parallax-link`), dates undated
//! members from their story as the pipeline does (an inferred date that a
//! shared time reference supports re-dates the article's relative times and
//! events), and prints each story of two or more articles as markdown
//! (default) or JSON (`--json`, one report per line).
//!
//! ```text
//! cargo run --release -p parallax-story --example seeds_story -- [PATH…] [--json]
//! ```
//!
//! Without a path it reads the five seeds, `$PARALLAX_SHARED/data/seeds`
//! (`PARALLAX_SHARED` defaults to `../shared`, relative to the repository
//! root).

use std::path::PathBuf;

use parallax_core::Article;
use parallax_read::{expand_inputs, read_input};
use parallax_story::{assemble, render_markdown, AssembleOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let mut paths: Vec<String> = args.iter().filter(|a| !a.starts_with("--")).cloned().collect();
    if paths.is_empty() {
        let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
        paths.push(PathBuf::from(shared).join("data/seeds").display().to_string());
    }
    let (inputs, errors) = expand_inputs(&paths);
    for error in errors {
        eprintln!("seeds_story: {}: {}", error.origin.path, error.reason);
    }
    let mut articles: Vec<Article> = Vec::new();
    for input in inputs {
        for document in read_input(&input) {
            match document {
                Ok(document) => {
                    let mut article = parallax_extract::extract(&document);
                    parallax_analyze::annotate(&mut article);
                    article.analysis.events = parallax_events::code_events(&article);
                    articles.push(article);
                }
                Err(error) => eprintln!("seeds_story: {}: {}", error.origin.path, error.reason),
            }
        }
    }
    let mut index = parallax_link::LinkIndex::new();
    for article in &articles {
        if let Err(error) = index.add(article) {
            eprintln!("seeds_story: {error}");
        }
    }
    for story in index.linking().stories.iter().filter(|s| s.articles.len() > 1) {
        let members: Vec<Article> = articles
            .iter()
            .filter(|a| story.articles.contains(&a.id))
            .cloned()
            .collect();
        let members = redated(members);
        let started = std::time::Instant::now();
        let report = assemble(&story.id, &members, &AssembleOptions::default());
        let elapsed = started.elapsed();
        if json {
            match serde_json::to_string(&report) {
                Ok(text) => println!("{text}"),
                Err(error) => eprintln!("seeds_story: {error}"),
            }
        } else {
            print!("{}", render_markdown(&report));
        }
        eprintln!(
            "seeds_story: story {}: {} articles, {} timeline entries ({} background, {} undated), {} statements \
             ({} quoted by >1 article), {} events ({} merged across articles), {} figure groups, {} conflicts, \
             {} briefing sentences; assembled in {:.1} ms",
            report.id,
            report.articles.len(),
            report.timeline.len(),
            report.background.len(),
            report.undated.len(),
            report.statements.len(),
            report.statements.iter().filter(|s| s.sources.len() > 1).count(),
            report.events.len(),
            report.events.iter().filter(|e| e.sources.len() > 1).count(),
            report.figures.len(),
            report.conflicts.len(),
            report.briefing.len(),
            elapsed.as_secs_f64() * 1000.0
        );
    }
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
