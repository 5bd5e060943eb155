//! The seed-story check: reads, extracts and analyses the five seed articles
//! and codes their events, then checks each expectation of
//! `bench/events/seeds.tsv` (PASS/FAIL per issue example).
//!
//! ```text
//! cargo run --release -p parallax-events --example events_seeds -- bench/events/seeds.tsv [--dump]
//! ```
//!
//! Expectation columns (tab-separated; `*` = any, `-` = must be absent): seed
//! file prefix, words of the evidence sentence, trigger text, source code,
//! target code, PLOVER type, CAMEO root, modality, place (substring), date
//! (prefix), label.

use std::path::{Path, PathBuf};

use parallax_core::{Article, Event};

fn load(dir: &Path) -> Vec<(String, Article)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|e| e.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        for doc in parallax_read::read_bytes(&name, &bytes).into_iter().flatten() {
            let mut article = parallax_extract::extract(&doc);
            parallax_analyze::annotate(&mut article);
            out.push((name.clone(), article));
        }
    }
    out
}

fn field_ok(want: &str, got: Option<&str>, contains: bool) -> bool {
    match (want, got) {
        ("*", _) => true,
        ("-", got) => got.is_none(),
        (w, Some(g)) => {
            if contains {
                g.contains(w)
            } else {
                g == w
            }
        }
        (_, None) => false,
    }
}

fn describe(article: &Article, e: &Event) -> String {
    let text = |s: parallax_core::Span| s.slice(&article.body).unwrap_or("").to_owned();
    format!(
        "{:<12} {:<10} {:<10} {:<5} {:<10} {:<11} rep={} date={} place={} conf={:.2}",
        text(e.trigger),
        e.source.as_ref().map_or("-", |a| a.code.as_str()),
        e.target.as_ref().map_or("-", |a| a.code.as_str()),
        e.cameo.code,
        e.plover.event_type,
        format!("{:?}", e.modality),
        e.reported as u8,
        e.date.as_ref().and_then(|d| d.date.clone()).unwrap_or_default(),
        e.place
            .as_ref()
            .map(|p| format!("{}({})", p.name, p.country.clone().unwrap_or_default()))
            .unwrap_or_default(),
        e.confidence
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--dump");
    let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".to_owned());
    let articles = load(&Path::new(&shared).join("data/seeds"));
    if articles.is_empty() {
        eprintln!("no seed articles under {shared}/data/seeds");
        std::process::exit(2);
    }
    let coded: Vec<(String, &Article, Vec<Event>)> = articles
        .iter()
        .map(|(n, a)| (n.clone(), a, parallax_events::code_events(a)))
        .collect();
    if dump {
        for (name, article, events) in &coded {
            println!("== {name}");
            for e in events {
                let sentence = e.span.slice(&article.body).unwrap_or("");
                println!(
                    "  {}\n      {}",
                    describe(article, e),
                    sentence.chars().take(110).collect::<String>()
                );
            }
        }
    }
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        return;
    };
    let expectations = std::fs::read_to_string(path).unwrap_or_default();
    let (mut pass, mut total) = (0, 0);
    for line in expectations
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [seed, sentence, trigger, source, target, plover, root, modality, place, date, label] = cols[..]
        else {
            eprintln!("malformed expectation: {line}");
            continue;
        };
        total += 1;
        let found = coded
            .iter()
            .filter(|(n, _, _)| n.starts_with(seed))
            .find_map(|(_, article, events)| {
                events.iter().find(|e| {
                    let text = |s: parallax_core::Span| s.slice(&article.body).unwrap_or("");
                    text(e.span).contains(sentence)
                        && field_ok(trigger, Some(text(e.trigger)), true)
                        && field_ok(source, e.source.as_ref().map(|a| a.code.as_str()), false)
                        && field_ok(target, e.target.as_ref().map(|a| a.code.as_str()), false)
                        && field_ok(plover, Some(e.plover.event_type.as_str()), false)
                        && field_ok(root, Some(e.cameo.root.as_str()), false)
                        && field_ok(
                            modality,
                            Some(format!("{:?}", e.modality).to_lowercase().as_str()),
                            false,
                        )
                        && field_ok(place, e.place.as_ref().map(|p| p.name.as_str()), true)
                        && field_ok(date, e.date.as_ref().and_then(|d| d.date.as_deref()), true)
                })
            });
        pass += found.is_some() as usize;
        println!("{}\t{label}", if found.is_some() { "PASS" } else { "FAIL" });
    }
    println!("seeds: {pass}/{total} expectations pass");
}
