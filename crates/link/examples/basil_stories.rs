//! BASIL 2010–2014 story-clustering benchmark, and quote-speaker accuracy
//! against BASIL's quote annotations.
//!
//! Reads `$PARALLAX_SHARED/data/stories/basil` (150 articles, 50 events of
//! three outlets each), turns each into an analysed article (extract as
//! scraped text with the JSON's title, outlet and date as container hints,
//! then analyze), adds all 150 to one `LinkIndex` in a shuffled order, and
//! scores the stories against the `triplet-uuid` grouping: B-cubed and
//! pairwise precision/recall/F1. It then checks that other orders give the
//! identical result, and estimates how well the threshold generalises by
//! leave-one-year-out cross-validation: the threshold maximising B-cubed F1
//! on four years is applied to the fifth.
//!
//! Quote speakers: every BASIL phrase annotated `quote: yes` with a named
//! speaker (not `other_*`) is located in the body by its text; a predicted
//! quote overlapping it is its match; the speaker is right when a
//! capitalised word of the gold name (e.g. "Boehner" of `John_Boehner`,
//! "Obama" of `Obama_campaign`) occurs in the predicted speaker name or
//! source.
//!
//! Usage: `cargo run --release -p parallax-link --example basil_stories`

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

use common::{analysed_article, bcubed, cluster_pairs, pairwise, shared_dir, shuffled, Meta, Prf};
use parallax_core::{Article, Span};
use parallax_link::clustering::{story_clusters, Edge, Link};
use parallax_link::{LinkIndex, STORY_THRESHOLD};
use serde_json::Value;

struct Basil {
    article: Article,
    triplet: String,
    year: String,
    file_stem: String,
}

fn main() {
    let root = Path::new(&shared_dir()).join("data/stories/basil");
    let started = Instant::now();
    let corpus = load(&root);
    let analysed = started.elapsed();
    let gold: BTreeMap<String, String> = corpus
        .iter()
        .map(|b| (b.article.id.clone(), b.triplet.clone()))
        .collect();
    println!(
        "BASIL 2010-2014: {} articles, {} events",
        corpus.len(),
        gold.values().collect::<BTreeSet<_>>().len()
    );
    println!("extract+analyze {:.2}s", analysed.as_secs_f64());

    // All 150 mixed, in a shuffled order.
    let order = shuffled(corpus.len(), 1);
    let started = Instant::now();
    let mut index = LinkIndex::new();
    for &i in &order {
        if let Err(err) = index.add(&corpus[i].article) {
            eprintln!("{err}");
        }
    }
    let linking = index.linking();
    println!(
        "link (add all + read stories) {:.3}s",
        started.elapsed().as_secs_f64()
    );
    let clusters: Vec<Vec<String>> = linking.stories.iter().map(|s| s.articles.clone()).collect();
    report(
        &format!("threshold {STORY_THRESHOLD:.2} (default), all 150"),
        &clusters,
        &gold,
    );
    println!(
        "  stories {}  copy groups {}",
        clusters.len(),
        linking.copy_groups.len()
    );

    // Order independence on real data.
    let identical = (2..12).all(|seed| {
        let mut other = LinkIndex::new();
        for &i in &shuffled(corpus.len(), seed) {
            let _ = other.add(&corpus[i].article);
        }
        other.linking() == linking
    });
    println!("same linking over 10 further shuffles: {identical}");

    cross_validate(&corpus, &gold, &clusters);
    inferred_dates(&corpus, &clusters);
    impostor_dates(&corpus, &clusters);
    identities(&corpus, &clusters);
    quote_speakers(&root, &corpus);
}

/// Hides each article's date in turn (re-analysing it undated, so its time
/// expressions are unresolved as they would be), infers it from the other
/// members of its predicted story, and compares with the real date.
fn inferred_dates(corpus: &[Basil], clusters: &[Vec<String>]) {
    let by_id: BTreeMap<&str, &Article> = corpus
        .iter()
        .map(|b| (b.article.id.as_str(), &b.article))
        .collect();
    let (mut tried, mut inferred, mut exact, mut within_one, mut agreeing) = (0, 0, 0, 0, 0);
    // Of the inferences a shared reference supports (the ones the pipeline
    // uses to date an article's facts): how many are right.
    let (mut agreeing_exact, mut agreeing_within_one) = (0, 0);
    // Baseline: the earliest publication date among the other members.
    let mut baseline_exact = 0;
    for members in clusters.iter().filter(|m| m.len() > 1) {
        for hidden in members {
            let Some(original) = by_id.get(hidden.as_str()) else {
                continue;
            };
            let Some(truth) = original.published.date.clone() else {
                continue;
            };
            let mut undated = (*original).clone();
            undated.published = parallax_core::PublishedDate::unknown();
            parallax_analyze::annotate(&mut undated);
            let mut story: Vec<&Article> = members
                .iter()
                .filter(|m| *m != hidden)
                .filter_map(|m| by_id.get(m.as_str()).copied())
                .collect();
            let earliest = story.iter().filter_map(|a| a.published.date.clone()).min();
            if earliest.as_deref() == Some(truth.as_str()) {
                baseline_exact += 1;
            }
            story.push(&undated);
            tried += 1;
            let Some(result) = parallax_link::infer_dates(&story)
                .into_iter()
                .find(|r| r.article == *hidden)
            else {
                continue;
            };
            inferred += 1;
            let guess = result.published.date.clone().unwrap_or_default();
            let days = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
            let apart = match (days(&guess), days(&truth)) {
                (Some(a), Some(b)) => (a - b).num_days().abs(),
                _ => i64::MAX,
            };
            if result.agreeing_times > 0 {
                agreeing += 1;
                agreeing_exact += usize::from(apart == 0);
                agreeing_within_one += usize::from(apart <= 1);
            }
            if apart == 0 {
                exact += 1;
            }
            if apart <= 1 {
                within_one += 1;
            }
        }
    }
    let pct = |a: usize| if tried == 0 { 0.0 } else { a as f64 / tried as f64 };
    println!(
        "inferred publication dates (each dated article hidden in turn, inferred from its predicted story):"
    );
    println!(
        "  tried {tried}  inferred {inferred}  exact day {exact} ({:.3})  within 1 day {within_one} ({:.3})  \
         supported by a shared time reference {agreeing}",
        pct(exact),
        pct(within_one)
    );
    println!(
        "  of the {agreeing} supported by a shared reference (used to date facts): exact day {agreeing_exact}  \
         within 1 day {agreeing_within_one}"
    );
    println!(
        "  baseline (earliest date of the other members): exact day {baseline_exact} ({:.3})",
        pct(baseline_exact)
    );
}

/// Days an impostor must lie from every member of the story it is put in.
const IMPOSTOR_GAP_DAYS: i64 = 30;

/// Puts into each predicted story an article of another story published at
/// least a month away from every member (the one sharing most entity keys
/// with the story, so same-topic reports of another time, as a story that
/// spans months has them), undated, and counts how often inference still
/// claims a shared time reference for it: each such claim would date its
/// facts to the wrong week.
fn impostor_dates(corpus: &[Basil], clusters: &[Vec<String>]) {
    let day = |a: &Article| {
        chrono::NaiveDate::parse_from_str(a.published.date.as_deref()?.get(..10)?, "%Y-%m-%d").ok()
    };
    let keys =
        |a: &Article| -> BTreeSet<String> { a.analysis.entities.iter().map(|e| e.key.clone()).collect() };
    let (mut tried, mut supported) = (0, 0);
    for members in clusters.iter().filter(|m| m.len() > 1) {
        let story: Vec<&Article> = corpus
            .iter()
            .map(|b| &b.article)
            .filter(|a| members.contains(&a.id))
            .collect();
        let days: Vec<chrono::NaiveDate> = story.iter().filter_map(|a| day(a)).collect();
        if days.is_empty() {
            continue;
        }
        let story_keys: BTreeSet<String> = story.iter().flat_map(|a| keys(a)).collect();
        let impostor = corpus
            .iter()
            .map(|b| &b.article)
            .filter(|a| !members.contains(&a.id))
            .filter(|a| {
                day(a).is_some_and(|d| {
                    days.iter()
                        .all(|m| (*m - d).num_days().abs() >= IMPOSTOR_GAP_DAYS)
                })
            })
            .max_by_key(|a| {
                (
                    keys(a).intersection(&story_keys).count(),
                    std::cmp::Reverse(a.id.clone()),
                )
            });
        let Some(impostor) = impostor else {
            continue;
        };
        let mut undated = impostor.clone();
        undated.published = parallax_core::PublishedDate::unknown();
        parallax_analyze::annotate(&mut undated);
        let mut with_impostor = story.clone();
        with_impostor.push(&undated);
        tried += 1;
        if parallax_link::infer_dates(&with_impostor)
            .iter()
            .any(|r| r.article == impostor.id && r.agreeing_times > 0)
        {
            supported += 1;
        }
    }
    println!(
        "  impostors (an undated same-topic article from >= {IMPOSTOR_GAP_DAYS} days away put in each story): \
         {supported}/{tried} given a date supported by a shared reference (lower is better)"
    );
}

/// How many cross-article identities the stories have, and how many of them
/// joined a bare surname key to a full name.
fn identities(corpus: &[Basil], clusters: &[Vec<String>]) {
    let by_id: BTreeMap<&str, &Article> = corpus
        .iter()
        .map(|b| (b.article.id.as_str(), &b.article))
        .collect();
    let (mut entities, mut multi_key, mut multi_article) = (0, 0, 0);
    let mut examples = Vec::new();
    for members in clusters {
        let story: Vec<&Article> = members
            .iter()
            .filter_map(|m| by_id.get(m.as_str()).copied())
            .collect();
        for entity in parallax_link::resolve_identities(&story) {
            entities += 1;
            let articles: BTreeSet<&str> = entity.mentions.iter().map(|m| m.article.as_str()).collect();
            if articles.len() > 1 {
                multi_article += 1;
            }
            if entity.keys.len() > 1 {
                multi_key += 1;
                if examples.len() < 6 {
                    examples.push(entity.keys.join(" + "));
                }
            }
        }
    }
    println!(
        "cross-article identities: {entities} entities, {multi_article} mentioned in several articles, \
         {multi_key} joining several keys, e.g. {}",
        examples.join("; ")
    );
}

fn load(root: &Path) -> Vec<Basil> {
    let mut files: Vec<_> = std::fs::read_dir(root.join("articles"))
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|year| std::fs::read_dir(year.path()).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|path| {
            let json: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
            let body = json["body-paragraphs"]
                .as_array()?
                .iter()
                .map(|p| match p {
                    Value::Array(sentences) => sentences
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" "),
                    other => other.as_str().unwrap_or("").to_owned(),
                })
                .filter(|p| !p.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            // The file name, not the JSON's `uuid`: a few files say "empty" there.
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            let meta = Meta {
                id: &stem,
                title: json["title"].as_str(),
                outlet: json["source"].as_str(),
                date: json["date"].as_str(),
            };
            Some(Basil {
                article: analysed_article(&meta, &body),
                triplet: json["triplet-uuid"].as_str()?.to_owned(),
                year: path.parent()?.file_name()?.to_string_lossy().into_owned(),
                file_stem: stem.clone(),
            })
        })
        .collect()
}

fn report(label: &str, clusters: &[Vec<String>], gold: &BTreeMap<String, String>) -> (Prf, Prf) {
    let b3 = bcubed(clusters, gold);
    let gold_clusters: Vec<Vec<String>> = {
        let mut by: BTreeMap<&String, Vec<String>> = BTreeMap::new();
        for (item, label) in gold {
            by.entry(label).or_default().push(item.clone());
        }
        by.into_values().collect()
    };
    let restricted: Vec<Vec<String>> = clusters
        .iter()
        .map(|c| c.iter().filter(|m| gold.contains_key(*m)).cloned().collect())
        .collect();
    let pw = pairwise(&cluster_pairs(&restricted), &cluster_pairs(&gold_clusters));
    println!("{label}\n  B-cubed   {b3}\n  pairwise  {pw}");
    (b3, pw)
}

/// Clusters of `nodes` at `threshold` from the index's pair scores and the
/// copy links that join stories, using only edges between `nodes`, through
/// the link stage's own clustering (`parallax_link::clustering`).
fn clusters_at(
    nodes: &[String],
    days: &BTreeMap<String, Option<chrono::NaiveDate>>,
    scores: &[(String, String, f64)],
    copies: &[(String, String)],
    threshold: f64,
) -> Vec<Vec<String>> {
    let slot: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let node_days: Vec<Option<chrono::NaiveDate>> =
        nodes.iter().map(|n| days.get(n).copied().flatten()).collect();
    let edges: Vec<Edge> = scores
        .iter()
        .filter(|(_, _, s)| *s >= threshold)
        .map(|(a, b, s)| (a, b, Link::Score(*s)))
        .chain(copies.iter().map(|(a, b)| (a, b, Link::Copy)))
        .filter_map(|(a, b, link)| {
            Some(Edge {
                a: *slot.get(a.as_str())?,
                b: *slot.get(b.as_str())?,
                link,
            })
        })
        .collect();
    story_clusters(nodes, &node_days, &edges)
}

fn cross_validate(corpus: &[Basil], gold: &BTreeMap<String, String>, linked: &[Vec<String>]) {
    // Every non-zero score, so that thresholds below the default can be tried.
    let mut index = LinkIndex::new().keeping_all_scores();
    for b in corpus {
        let _ = index.add(&b.article);
    }
    let scores = index.story_scores();
    let copies = index.story_copy_links();
    let days: BTreeMap<String, Option<chrono::NaiveDate>> = corpus
        .iter()
        .map(|b| {
            (
                b.article.id.clone(),
                parallax_link::features::publication_day(&b.article),
            )
        })
        .collect();
    let grid: Vec<f64> = (2..=150).map(|i| f64::from(i) * 0.01).collect();
    let years: BTreeSet<&str> = corpus.iter().map(|b| b.year.as_str()).collect();
    let subset = |keep: &dyn Fn(&Basil) -> bool| -> (Vec<String>, BTreeMap<String, String>) {
        let nodes: Vec<String> = corpus
            .iter()
            .filter(|b| keep(b))
            .map(|b| b.article.id.clone())
            .collect();
        let labels = nodes
            .iter()
            .filter_map(|n| Some((n.clone(), gold.get(n)?.clone())))
            .collect();
        (nodes, labels)
    };
    let best_threshold = |nodes: &[String], labels: &BTreeMap<String, String>| -> (f64, f64, f64) {
        let f1s: Vec<f64> = grid
            .iter()
            .map(|&t| bcubed(&clusters_at(nodes, &days, &scores, &copies, t), labels).f1)
            .collect();
        let best = f1s.iter().copied().fold(0.0, f64::max);
        // The middle of the best plateau: the threshold with the most margin
        // on both sides among equally good ones.
        let tied: Vec<f64> = grid
            .iter()
            .zip(&f1s)
            .filter(|(_, f)| **f >= best - 1e-9)
            .map(|(t, _)| *t)
            .collect();
        (tied[tied.len() / 2], tied[0], tied[tied.len() - 1])
    };
    let all: Vec<String> = corpus.iter().map(|b| b.article.id.clone()).collect();
    println!(
        "clusters rebuilt from scores at the default threshold equal the index's stories: {}",
        clusters_at(&all, &days, &scores, &copies, STORY_THRESHOLD) == linked
    );
    println!("leave-one-year-out (threshold chosen on 4 years, scored on the 5th):");
    let mut held_out = Vec::new();
    for year in &years {
        let (train_nodes, train_labels) = subset(&|b: &Basil| b.year != *year);
        let (test_nodes, test_labels) = subset(&|b: &Basil| b.year == *year);
        let (threshold, _, _) = best_threshold(&train_nodes, &train_labels);
        let b3 = bcubed(
            &clusters_at(&test_nodes, &days, &scores, &copies, threshold),
            &test_labels,
        );
        println!("  {year}: threshold {threshold:.2}  held-out B-cubed {b3}");
        held_out.push(b3.f1);
    }
    let mean = held_out.iter().sum::<f64>() / held_out.len().max(1) as f64;
    println!("  mean held-out B-cubed F1 {mean:.3}");
    let (nodes, labels) = subset(&|_| true);
    let (chosen, low, high) = best_threshold(&nodes, &labels);
    println!(
        "  threshold chosen on all five years: {chosen:.2} (best B-cubed F1 from {low:.2} to {high:.2})"
    );
}

fn quote_speakers(root: &Path, corpus: &[Basil]) {
    let (mut gold_named, mut located, mut matched, mut right) = (0, 0, 0, 0);
    let mut anonymous = 0;
    // `PARALLAX_SPEAKER_ERRORS=N` prints up to N wrong speakers for analysis.
    let show_errors: usize = std::env::var("PARALLAX_SPEAKER_ERRORS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut shown_errors = 0;
    let (mut person_matched, mut person_right) = (0, 0);
    for basil in corpus {
        let path = root
            .join("annotations")
            .join(&basil.year)
            .join(format!("{}_ann.json", basil.file_stem));
        let Some(json) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        else {
            continue;
        };
        let phrases = json["phrase-level-annotations"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for phrase in phrases.iter().filter(|p| p["quote"] == "yes") {
            let speaker = phrase["speaker"].as_str().unwrap_or("");
            if speaker.is_empty() || speaker.starts_with("other") {
                anonymous += 1;
                continue;
            }
            gold_named += 1;
            let Some(span) = locate(&basil.article.body, phrase["txt"].as_str().unwrap_or("")) else {
                continue;
            };
            located += 1;
            let overlapping = basil.article.analysis.quotes.iter().find(|q| {
                std::iter::once(q.span)
                    .chain(q.parts.iter().copied())
                    .any(|s| s.start < span.end && span.start < s.end)
            });
            let Some(quote) = overlapping else { continue };
            matched += 1;
            let predicted = format!(
                "{} {}",
                quote.speaker.as_ref().map(|s| s.name.as_str()).unwrap_or(""),
                quote.source.as_deref().unwrap_or("")
            )
            .to_lowercase();
            let predicted_words: BTreeSet<&str> = predicted
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let is_right = speaker
                .split('_')
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 2)
                .any(|w| predicted_words.contains(w.to_lowercase().as_str()));
            // "John_Boehner" names a person; "NAACP", "Tea_Party",
            // "senate_Democrats" name groups, whose quotes the analysis
            // attributes to the member who spoke (counted wrong here).
            let parts: Vec<&str> = speaker.split('_').collect();
            let person = parts.len() >= 2
                && parts
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !["Party", "Lawmakers", "Democrats", "Republicans"].contains(parts.last().unwrap_or(&""));
            if person {
                person_matched += 1;
                if is_right {
                    person_right += 1;
                }
            }
            if is_right {
                right += 1;
            } else if shown_errors < show_errors {
                shown_errors += 1;
                println!(
                    "  speaker error: gold {speaker}, predicted {predicted:?}: {:?}",
                    quote.text
                );
            }
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("quote speakers (BASIL quotes with a named speaker; {anonymous} anonymous other_* skipped):");
    println!(
        "  gold {gold_named}  located in body {located}  matched by a predicted quote {matched} ({:.3})",
        pct(matched, located)
    );
    println!(
        "  speaker right: {right}/{matched} matched = {:.3};  {right}/{located} located = {:.3}",
        pct(right, matched),
        pct(right, located)
    );
    println!(
        "  gold speaker a named person (First_Last): right {person_right}/{person_matched} matched = {:.3}",
        pct(person_right, person_matched)
    );
}

/// Byte span of `text` in `body` (first occurrence), trying without outer
/// quotation marks and whitespace when the exact text is not found.
fn locate(body: &str, text: &str) -> Option<Span> {
    let trimmed = text.trim().trim_matches(|c: char| "\"“”'‘’ ".contains(c)).trim();
    for needle in [text, trimmed] {
        if needle.len() < 3 {
            continue;
        }
        if let Some(start) = body.find(needle) {
            return Some(Span::new(start, start + needle.len()));
        }
    }
    None
}
