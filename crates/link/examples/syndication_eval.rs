//! Copy detection on the generated syndication benchmark.
//!
//! Reads `DOCS.jsonl` written by `bench/syndication/generate.py` (one
//! `{id, title, outlet, date, body}` per line), turns each text into an
//! analysed article (extract + analyze, timed apart), adds them all to a
//! `LinkIndex` (timed: the link stage alone) and writes the predicted copy
//! pairs — every pair inside a copy group — to `PAIRS.tsv` for
//! `bench/syndication/score.py`, which scores them against the gold groups.
//!
//! Usage: `syndication_eval DOCS.jsonl PAIRS.tsv`

mod common;

use std::io::Write;
use std::time::Instant;

use common::{analysed_article, cluster_pairs, Meta};
use parallax_core::Article;
use parallax_link::copies::{copy_containment, is_copy, sketch_call, SketchCall, COPY_CONTAINMENT};
use parallax_link::shingles::{fingerprint, Fingerprint};
use parallax_link::sketch::Sketch;
use parallax_link::{LinkEntry, LinkIndex};
use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(docs), Some(pairs_out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: syndication_eval DOCS.jsonl PAIRS.tsv");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(docs).unwrap_or_else(|err| {
        eprintln!("{docs}: {err}");
        std::process::exit(1);
    });
    let records: Vec<Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();

    let started = Instant::now();
    let articles: Vec<_> = records
        .iter()
        .map(|r| {
            let meta = Meta {
                id: r["id"].as_str().unwrap_or(""),
                title: r["title"].as_str(),
                outlet: r["outlet"].as_str(),
                date: r["date"].as_str(),
            };
            analysed_article(&meta, r["body"].as_str().unwrap_or(""))
        })
        .collect();
    let prepare = started.elapsed().as_secs_f64();

    // The production path: a compact index (sketches only) that reads full
    // shingle sets, where its sketches are unsure, from a source (here the
    // articles in memory; in the pipeline, the store).
    let started = Instant::now();
    let by_id: std::collections::HashMap<&str, &Article> =
        articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut source = |id: &str| by_id.get(id).map(|a| fingerprint(&a.body));
    let mut index = LinkIndex::compact();
    for article in &articles {
        if let Err(err) = index.add_entry_with(LinkEntry::of(article), &mut source) {
            eprintln!("{err}");
        }
    }
    let groups = index.copy_groups();
    let link = started.elapsed().as_secs_f64();
    let stats = index.copy_stats();
    println!(
        "copy candidates {} (pairs sharing a sampled shingle), decided on full shingle sets {}",
        stats.candidates, stats.exact
    );
    sketch_agreement(&articles);

    margins(&records, &articles);

    let clusters: Vec<Vec<String>> = groups
        .iter()
        .map(|g| g.members().map(str::to_owned).collect())
        .collect();
    let pairs = cluster_pairs(&clusters);
    let mut out = std::io::BufWriter::new(std::fs::File::create(pairs_out).unwrap_or_else(|err| {
        eprintln!("{pairs_out}: {err}");
        std::process::exit(1);
    }));
    for (a, b) in &pairs {
        let _ = writeln!(out, "{a}\t{b}");
    }
    println!(
        "parallax-link: {} docs, {} copy groups, {} pairs; extract+analyze {:.2}s, link stage {:.3}s ({:.0} docs/s)",
        articles.len(),
        groups.len(),
        pairs.len(),
        prepare,
        link,
        articles.len() as f64 / link.max(1e-9)
    );
}

/// Validates the sketches against the full shingle sets: over every pair of
/// documents, how often the sketch call (where it decides) differs from the
/// copy rule on the full sets.
fn sketch_agreement(articles: &[Article]) {
    let prints: Vec<Fingerprint> = articles.iter().map(|a| fingerprint(&a.body)).collect();
    let sketches: Vec<Sketch> = prints.iter().map(Sketch::of).collect();
    let (mut decided, mut unsure, mut disagree) = (0, 0, 0);
    for i in 0..prints.len() {
        for j in i + 1..prints.len() {
            let truth = is_copy(&prints[i], &prints[j]);
            match sketch_call(&sketches[i], &sketches[j]) {
                SketchCall::Unsure => unsure += 1,
                call => {
                    decided += 1;
                    if (call == SketchCall::Copy) != truth {
                        disagree += 1;
                    }
                }
            }
        }
    }
    println!(
        "sketches vs full shingle sets over all {} pairs: {decided} decided by the sketches, {disagree} of them \
         differently from the full sets; {unsure} left to the full sets",
        decided + unsure
    );
}

/// How far gold copies and non-copies are from the threshold: the lowest
/// containment of a copy with its source (two copies of one source may share
/// little — one trimmed at the end, one in the middle — and are grouped
/// through the source) and the highest of any pair from different groups
/// (all pairs, quadratic: a diagnostic for benchmark-sized inputs only).
fn margins(records: &[Value], articles: &[Article]) {
    let prints: Vec<_> = articles.iter().map(|a| fingerprint(&a.body)).collect();
    let groups: Vec<&str> = records
        .iter()
        .map(|r| r["group"].as_str().unwrap_or(""))
        .collect();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap_or("")).collect();
    let (mut lowest_gold, mut highest_other) = ((f64::MAX, 0, 0), (0.0f64, 0, 0));
    for i in 0..prints.len() {
        for j in i + 1..prints.len() {
            let c = copy_containment(&prints[i], &prints[j]);
            if groups[i] == groups[j] {
                if (ids[i] == groups[i] || ids[j] == groups[j]) && c < lowest_gold.0 {
                    lowest_gold = (c, i, j);
                }
            } else {
                if c > highest_other.0 {
                    highest_other = (c, i, j);
                }
            }
        }
    }
    println!(
        "containment: lowest copy-source pair {:.3} ({} ~ {}), highest other pair {:.3} ({} ~ {}) \
         (threshold {COPY_CONTAINMENT})",
        lowest_gold.0,
        ids[lowest_gold.1],
        ids[lowest_gold.2],
        highest_other.0,
        ids[highest_other.1],
        ids[highest_other.2],
    );
}
