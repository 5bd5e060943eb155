//! Precision of the events Parallax emits, on a hand-coded set of news
//! sentences (PolNeAR dev and BASIL, read from `$PARALLAX_SHARED` at run
//! time; the repository keeps only file names, sentence indexes, gold codes
//! and a short key phrase per event, never the text).
//!
//! ```text
//! cargo run --release -p parallax-events --example events_precision -- bench/events/precision.tsv [--show]
//! cargo run --release -p parallax-events --example events_precision -- --sample 75 polnear-dev basil
//! cargo run --release -p parallax-events --example events_precision -- --sample 150 polnear-train
//! cargo run --release -p parallax-events --example events_precision -- --explore polnear-train [--skip N] [--take N]
//! cargo run --release -p parallax-events --example events_precision -- --inspect polnear-train/NAME.txt INDEX
//! ```
//!
//! Gold rows (tab-separated): document, sentence index (0-based, in the
//! analysis' sentences), key phrase (a few words of the sentence around the
//! action, `-` for a sentence with no event), source codes, target codes
//! (alternatives joined by `|`; `-` none, `*` any) and CAMEO root codes
//! (alternatives joined by `|`). Documents are `polnear-dev/NAME.txt`,
//! `polnear-train/NAME.txt` or `basil/YEAR/NAME.json`.
//!
//! An emitted event is *event right* when a gold event of its sentence has
//! its root code, and *actors right* when that gold event also accepts its
//! source and target codes. Recall counts the gold events some emitted
//! event matched with the right root. `--show` lists every emitted event
//! with its verdict; `--sample N CORPUS…` prints N candidate sentences per
//! corpus for coding (sentences with at least two person, organisation,
//! country or group mentions, drawn in a fixed pseudo-random order);
//! `--explore CORPUS` lists the events emitted on a corpus, for tuning on
//! texts that are not in the gold set; `--inspect DOC INDEX` prints one
//! sentence's entity mentions (type, key) and events, to see why an event
//! was or was not coded.

#[path = "../../link/examples/common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{analysed_article, shared_dir, shuffled, Meta};
use parallax_core::{Article, EntityType, Event};
use serde_json::Value;

/// One hand-coded event (or the absence of any) in one sentence.
struct Gold {
    doc: String,
    sentence: usize,
    key: String,
    sources: Vec<String>,
    targets: Vec<String>,
    roots: Vec<String>,
}

impl Gold {
    fn parse(line: &str) -> Option<Gold> {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [doc, sentence, key, sources, targets, roots] = cols[..] else {
            return None;
        };
        let list = |s: &str| s.split('|').map(str::to_owned).collect::<Vec<_>>();
        Some(Gold {
            doc: doc.to_owned(),
            sentence: sentence.parse().ok()?,
            key: key.to_owned(),
            sources: list(sources),
            targets: list(targets),
            roots: list(roots),
        })
    }

    fn is_event(&self) -> bool {
        self.key != "-"
    }

    fn accepts(list: &[String], code: Option<&str>) -> bool {
        list.iter().any(|want| match (want.as_str(), code) {
            ("*", _) => true,
            ("-", None) => true,
            (w, Some(c)) => match w.strip_suffix('*') {
                Some(prefix) => c.starts_with(prefix),
                None => w == c,
            },
            _ => false,
        })
    }
}

/// Where a corpus lives under the shared directory.
fn corpus_dir(corpus: &str) -> PathBuf {
    let shared = PathBuf::from(shared_dir());
    match corpus {
        "polnear-dev" => shared.join("data/quotes/polnear/dev/text"),
        "polnear-train" => shared.join("data/quotes/polnear/train/text"),
        _ => shared.join("data/stories/basil/articles"),
    }
}

/// Publication dates of PolNeAR articles, from its metadata table.
fn polnear_dates() -> BTreeMap<String, String> {
    let path = Path::new(&shared_dir()).join("data/quotes/polnear/metadata.tsv");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Some((cols.get(1)?.to_string(), cols.get(5)?.to_string()))
        })
        .collect()
}

/// Reads and analyses one document named as in the gold file.
fn load(doc: &str, dates: &BTreeMap<String, String>) -> Option<Article> {
    let (corpus, name) = doc.split_once('/')?;
    let path = corpus_dir(corpus).join(name);
    let text = std::fs::read_to_string(&path).ok()?;
    if corpus == "basil" {
        let json: Value = serde_json::from_str(&text).ok()?;
        let body = json["body-paragraphs"]
            .as_array()?
            .iter()
            .map(|p| match p {
                Value::Array(parts) => parts
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other.as_str().unwrap_or("").to_owned(),
            })
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        let meta = Meta {
            id: doc,
            title: json["title"].as_str(),
            outlet: json["source"].as_str(),
            date: json["date"].as_str(),
        };
        return Some(analysed_article(&meta, &body));
    }
    let stem = name.trim_end_matches(".txt");
    let meta = Meta {
        id: doc,
        title: None,
        outlet: None,
        date: dates.get(stem).map(String::as_str),
    };
    Some(analysed_article(&meta, &text))
}

/// Every document of a corpus, named as in the gold file, in a stable order.
fn documents(corpus: &str) -> Vec<String> {
    let dir = corpus_dir(corpus);
    let mut docs: Vec<String> = if corpus == "basil" {
        std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|year| {
                let y = year.file_name().to_string_lossy().into_owned();
                std::fs::read_dir(year.path())
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(move |f| format!("basil/{y}/{}", f.file_name().to_string_lossy()))
            })
            .collect()
    } else {
        std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|f| format!("{corpus}/{}", f.file_name().to_string_lossy()))
            .collect()
    };
    docs.sort();
    docs
}

fn sentence_text(article: &Article, index: usize) -> &str {
    article
        .analysis
        .sentences
        .get(index)
        .and_then(|s| s.span.slice(&article.body))
        .unwrap_or("")
}

fn sentence_of(article: &Article, event: &Event) -> Option<usize> {
    article
        .analysis
        .sentences
        .iter()
        .position(|s| s.span == event.span)
}

fn code(actor: Option<&parallax_core::EventActor>) -> Option<&str> {
    actor.map(|a| a.code.as_str())
}

fn describe(article: &Article, e: &Event) -> String {
    format!(
        "{:<14} {:<10} {:<10} {:<5} {:.2} {:?}",
        e.trigger.slice(&article.body).unwrap_or(""),
        code(e.source.as_ref()).unwrap_or("-"),
        code(e.target.as_ref()).unwrap_or("-"),
        e.cameo.code,
        e.confidence,
        e.modality
    )
}

fn sample(n: usize, corpora: &[String]) {
    let dates = polnear_dates();
    let actor_like = |t: EntityType| {
        matches!(
            t,
            EntityType::Person | EntityType::Organization | EntityType::Country | EntityType::Group
        )
    };
    for corpus in corpora {
        let mut candidates: Vec<(String, usize, String)> = Vec::new();
        for doc in documents(corpus) {
            let Some(article) = load(&doc, &dates) else {
                continue;
            };
            for (i, s) in article.analysis.sentences.iter().enumerate() {
                let mentions = article
                    .analysis
                    .entities
                    .iter()
                    .filter(|m| {
                        s.span.start <= m.span.start && m.span.end <= s.span.end && actor_like(m.entity_type)
                    })
                    .count();
                if mentions >= 2 {
                    let text = sentence_text(&article, i).replace('\n', " ");
                    candidates.push((doc.clone(), i, text));
                }
            }
        }
        for &k in shuffled(candidates.len(), 7).iter().take(n) {
            let (doc, i, text) = &candidates[k];
            println!("{doc}\t{i}\t{text}");
        }
    }
}

fn explore(corpus: &str, skip: usize, take: usize) {
    let dates = polnear_dates();
    for doc in documents(corpus).iter().skip(skip).take(take) {
        let Some(article) = load(doc, &dates) else {
            continue;
        };
        for e in parallax_events::code_events(&article) {
            let i = sentence_of(&article, &e).unwrap_or(usize::MAX);
            println!(
                "{doc}\t{i}\t{}\n\t{}",
                describe(&article, &e),
                sentence_text(&article, i).replace('\n', " ")
            );
        }
    }
}

fn inspect(doc: &str, index: usize) {
    let Some(article) = load(doc, &polnear_dates()) else {
        eprintln!("cannot read {doc}");
        return;
    };
    let Some(sentence) = article.analysis.sentences.get(index) else {
        eprintln!("{doc} has no sentence {index}");
        return;
    };
    println!("{}", sentence_text(&article, index).replace('\n', " "));
    for m in article
        .analysis
        .entities
        .iter()
        .filter(|m| sentence.span.start <= m.span.start && m.span.end <= sentence.span.end)
    {
        println!(
            "  mention {:<24} {:?} {}",
            m.span.slice(&article.body).unwrap_or(""),
            m.entity_type,
            m.key
        );
    }
    for e in parallax_events::code_events(&article)
        .iter()
        .filter(|e| sentence_of(&article, e) == Some(index))
    {
        println!("  event   {}", describe(&article, e));
    }
}

fn score(path: &str, show: bool) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let gold: Vec<Gold> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let g = Gold::parse(l);
            if g.is_none() {
                eprintln!("malformed gold row: {l}");
            }
            g
        })
        .collect();
    if gold.is_empty() {
        eprintln!("no gold rows in {path}");
        std::process::exit(2);
    }
    let dates = polnear_dates();
    let mut by_doc: BTreeMap<&str, Vec<&Gold>> = BTreeMap::new();
    for g in &gold {
        by_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let (mut emitted, mut event_right, mut actors_right) = (0usize, 0usize, 0usize);
    let mut found = vec![false; gold.len()];
    let mut sentences = 0usize;
    for (doc, rows) in &by_doc {
        let Some(article) = load(doc, &dates) else {
            eprintln!("cannot read {doc}");
            continue;
        };
        // The key phrase guards against sentence indexes drifting with the analysis.
        for g in rows.iter().filter(|g| g.is_event()) {
            if !sentence_text(&article, g.sentence).contains(&g.key) {
                eprintln!("{doc} {}: key '{}' not in the sentence", g.sentence, g.key);
            }
        }
        let wanted: Vec<usize> = {
            let mut s: Vec<usize> = rows.iter().map(|g| g.sentence).collect();
            s.dedup();
            s
        };
        sentences += wanted.len();
        for e in parallax_events::code_events(&article) {
            let Some(i) = sentence_of(&article, &e).filter(|i| wanted.contains(i)) else {
                continue;
            };
            emitted += 1;
            let trigger = e.trigger.slice(&article.body).unwrap_or("");
            let candidates: Vec<(usize, &Gold)> = gold
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    g.doc == *doc && g.sentence == i && g.is_event() && g.roots.contains(&e.cameo.root)
                })
                .collect();
            let actors_ok = |g: &Gold| {
                Gold::accepts(&g.sources, code(e.source.as_ref()))
                    && Gold::accepts(&g.targets, code(e.target.as_ref()))
            };
            // Prefer the gold event whose actors agree, then the one whose key holds the trigger.
            let best = candidates
                .iter()
                .max_by_key(|(_, g)| (actors_ok(g), g.key.contains(trigger)))
                .copied();
            let verdict = match best {
                Some((k, g)) => {
                    found[k] = true;
                    event_right += 1;
                    if actors_ok(g) {
                        actors_right += 1;
                        "right"
                    } else {
                        "event right, actors wrong"
                    }
                }
                None => "wrong",
            };
            if show {
                println!(
                    "{doc}\t{i}\t{}\t{verdict}\n\t{}",
                    describe(&article, &e),
                    sentence_text(&article, i).replace('\n', " ")
                );
            }
        }
    }
    let gold_events = gold.iter().filter(|g| g.is_event()).count();
    let recalled = gold
        .iter()
        .zip(&found)
        .filter(|(g, f)| g.is_event() && **f)
        .count();
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "precision set {path}: {sentences} sentences, {gold_events} gold events; {emitted} events emitted: \
         event right {event_right} ({:.3}), actors right {actors_right} ({:.3}); gold events found {recalled} ({:.3})",
        share(event_right, emitted),
        share(actors_right, emitted),
        share(recalled, gold_events)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<usize>().ok())
    };
    if let Some(n) = value("--sample") {
        let corpora: Vec<String> = args
            .iter()
            .filter(|a| ["polnear-dev", "polnear-train", "basil"].contains(&a.as_str()))
            .cloned()
            .collect();
        sample(n, &corpora);
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--explore") {
        let corpus = args.get(i + 1).map_or("polnear-train", String::as_str);
        explore(
            corpus,
            value("--skip").unwrap_or(0),
            value("--take").unwrap_or(usize::MAX),
        );
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--inspect") {
        match (args.get(i + 1), args.get(i + 2).and_then(|v| v.parse().ok())) {
            (Some(doc), Some(index)) => inspect(doc, index),
            _ => eprintln!("usage: events_precision --inspect DOC INDEX"),
        }
        return;
    }
    let Some(path) = args.iter().find(|a| a.ends_with(".tsv")) else {
        eprintln!("usage: events_precision GOLD.tsv [--show] | --sample N CORPUS… | --explore CORPUS");
        std::process::exit(2);
    };
    score(path, args.iter().any(|a| a == "--show"));
}
