//! PolNeAR attribution benchmark for the quote finder.
//!
//! Runs the per-article analysis chain (paragraphs → sentences → NER →
//! identity → quotes) on every
//! article of a PolNeAR split and compares the quote contents and sources
//! with the gold brat annotations.
//!
//! Usage: `polnear_eval [SPLIT_DIR] [--errors N] [--direct]` where SPLIT_DIR holds
//! `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (default:
//! `$PARALLAX_SHARED/data/quotes/polnear/dev`, `PARALLAX_SHARED` defaulting
//! to `../shared` beside the repository). `--errors N` prints up to N missed
//! and N spurious contents for error analysis (`--direct`: among direct
//! quotes only).
//!
//! Matching criteria (see `docs/quotes.md`):
//! - spans are compared as sets of word tokens, so quote marks, whitespace
//!   and punctuation at the edges do not count;
//! - exact: the token sets are equal; overlap: the shared tokens are at
//!   least half of the gold's and half of the prediction's;
//! - gold and predictions are paired one-to-one, greedily by overlap;
//! - "direct" gold contents are those that begin with a quotation mark;
//!   direct predictions are `kind: direct`;
//! - a predicted source is right when its span (the speaker mention, or the
//!   `source` text located nearest the cue) overlaps the gold Source span,
//!   or when the predicted speaker's entity has a mention overlapping it.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use parallax_analyze::identity::resolve_entities;
use parallax_analyze::ner::recognize;
use parallax_analyze::quotes::find_quotes;
use parallax_analyze::sentences::{paragraphs_between_blank_lines, split_sentences};
use parallax_analyze::tokens::tokenize;
use parallax_core::{EntityMention, Quote, QuoteKind, Span};

/// One gold attribution: content fragments and source span, in bytes.
struct Gold {
    content: Vec<Span>,
    source: Option<Span>,
    direct: bool,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    exact: usize,
    overlap: usize,
    with_gold_source: usize,
    source_right: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.exact += other.exact;
        self.overlap += other.overlap;
        self.with_gold_source += other.with_gold_source;
        self.source_right += other.source_right;
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut split: Option<PathBuf> = None;
    let mut errors = 0usize;
    let mut direct_only = false;
    // Print matched quotes with a wrong source instead of content errors.
    let mut speaker_errors = false;
    while let Some(arg) = args.next() {
        if arg == "--direct" {
            direct_only = true;
        } else if arg == "--speakers" {
            speaker_errors = true;
        } else if arg == "--errors" {
            errors = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
        } else {
            split = Some(PathBuf::from(arg));
        }
    }
    let split = split.unwrap_or_else(default_split);
    let texts = match fs::read_dir(split.join("text")) {
        Ok(entries) => {
            let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            names.sort();
            names
        }
        Err(err) => {
            eprintln!("cannot read {}: {err}", split.join("text").display());
            std::process::exit(2);
        }
    };
    let (mut all, mut direct, mut indirect) = (Counts::default(), Counts::default(), Counts::default());
    let mut articles = 0;
    let mut printed = (0usize, 0usize, 0usize);
    let started = std::time::Instant::now();
    for text_path in texts.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let Some(stem) = text_path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Some(ann_path) = annotation_for(&split, stem) else {
            continue;
        };
        let (Ok(body), Ok(ann)) = (fs::read_to_string(text_path), fs::read_to_string(&ann_path)) else {
            continue;
        };
        articles += 1;
        let gold = parse_brat(&body, &ann);
        let paragraphs = paragraphs_between_blank_lines(&body);
        let sentences = split_sentences(&body, &paragraphs);
        let mentions = entity_mentions(&body, &sentences);
        let quotes = find_quotes(&body, &paragraphs, &sentences, &mentions);
        let words = word_tokens(&body);

        let gold_all: Vec<&Gold> = gold.iter().collect();
        let predicted_all: Vec<&Quote> = quotes.iter().collect();
        let everything = evaluate(&body, &words, &mentions, &gold_all, &predicted_all);
        all.add(&everything.counts);
        let gold_direct: Vec<&Gold> = gold.iter().filter(|g| g.direct).collect();
        let predicted_direct: Vec<&Quote> = quotes.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let direct_only_result = evaluate(&body, &words, &mentions, &gold_direct, &predicted_direct);
        direct.add(&direct_only_result.counts);
        let shown = if direct_only {
            direct_only_result
        } else {
            everything
        };
        let gold_other: Vec<&Gold> = gold.iter().filter(|g| !g.direct).collect();
        let predicted_other: Vec<&Quote> = quotes.iter().filter(|q| q.kind != QuoteKind::Direct).collect();
        indirect.add(&evaluate(&body, &words, &mentions, &gold_other, &predicted_other).counts);

        if speaker_errors {
            for (g, q) in shown.wrong_source.iter().take(errors.saturating_sub(printed.2)) {
                printed.2 += 1;
                let gold_source = g.source.and_then(|s| s.slice(&body)).unwrap_or("");
                let predicted = q
                    .speaker
                    .as_ref()
                    .map(|s| format!("{} ({})", s.name, s.span.slice(&body).unwrap_or("")))
                    .or_else(|| q.source.clone())
                    .unwrap_or_else(|| "[none]".to_owned());
                let excerpt: String = q.text.chars().take(80).collect();
                println!("SOURCE   {stem}: gold {gold_source:?} predicted {predicted:?}: {excerpt}");
            }
            continue;
        }
        for g in shown.missed.iter().take(errors.saturating_sub(printed.0)) {
            printed.0 += 1;
            let text: Vec<&str> = g.content.iter().filter_map(|s| s.slice(&body)).collect();
            println!("MISSED   {stem}: {}", text.join(" … ").replace('\n', " "));
        }
        for q in shown.spurious.iter().take(errors.saturating_sub(printed.1)) {
            printed.1 += 1;
            println!("SPURIOUS {stem} [{:?}]: {}", q.kind, q.text.replace('\n', " "));
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "PolNeAR split: {} ({articles} articles, {seconds:.1} s)",
        split.display()
    );
    report("all contents", &all);
    report("direct quotes", &direct);
    report("indirect and partial", &indirect);
    println!(
        "published anchors (PolNeAR test, exact-span F1, not run here): BERT+CRF source 0.822, cue 0.749, content \
         0.710; rule-based baseline source 0.107, cue 0.228, content 0.056"
    );
}

fn report(label: &str, c: &Counts) {
    let f1 = |matched: usize| {
        let p = ratio(matched, c.predicted);
        let r = ratio(matched, c.gold);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!("P {p:.3} R {r:.3} F1 {f:.3}")
    };
    println!(
        "{label:<22} gold {:>5} predicted {:>5} | exact {} | overlap≥50% {} | source accuracy on matched {:.3} ({}/{})",
        c.gold,
        c.predicted,
        f1(c.exact),
        f1(c.overlap),
        ratio(c.source_right, c.with_gold_source),
        c.source_right,
        c.with_gold_source
    );
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn default_split() -> PathBuf {
    let shared = std::env::var_os("PARALLAX_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    shared.join("data/quotes/polnear/dev")
}

/// The first annotator's file for an article (some articles were
/// annotated by several people; one annotation is the gold).
fn annotation_for(split: &Path, stem: &str) -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = fs::read_dir(split.join("attributions"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.strip_prefix(stem)
                    .is_some_and(|rest| rest.starts_with('_') && rest.ends_with(".ann"))
            })
        })
        .collect();
    candidates.sort();
    candidates.into_iter().next()
}

/// Entity mentions from the analysis chain: NER, then identity resolution
/// (names, titles and pronouns clustered into entities).
fn entity_mentions(body: &str, sentences: &[parallax_core::Sentence]) -> Vec<EntityMention> {
    let named = recognize(body, sentences);
    resolve_entities(body, sentences, &named)
}

/// Character offset → byte offset table (brat offsets count characters).
fn char_to_byte(body: &str) -> Vec<usize> {
    body.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(body.len()))
        .collect()
}

fn parse_brat(body: &str, ann: &str) -> Vec<Gold> {
    let bytes = char_to_byte(body);
    let to_byte = |c: usize| bytes.get(c).copied();
    let mut spans: std::collections::HashMap<&str, (&str, Vec<Span>)> = std::collections::HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut columns = line.split('\t');
        let (Some(id), Some(middle)) = (columns.next(), columns.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((kind, offsets)) = middle.split_once(' ') else {
                continue;
            };
            let fragments: Vec<Span> = offsets
                .split(';')
                .filter_map(|f| {
                    let (a, b) = f.trim().split_once(' ')?;
                    let (a, b) = (to_byte(a.parse().ok()?)?, to_byte(b.parse().ok()?)?);
                    (a <= b).then(|| Span::new(a, b))
                })
                .collect();
            spans.insert(id, (kind, fragments));
        } else if id.starts_with('E') {
            events.push(middle);
        }
    }
    let mut gold = Vec::new();
    for event in events {
        let role = |name: &str| {
            event.split_whitespace().find_map(|kv| {
                let (k, v) = kv.split_once(':')?;
                (k == name).then(|| spans.get(v).map(|s| s.1.clone())).flatten()
            })
        };
        let Some(content) = role("Content").filter(|c| !c.is_empty()) else {
            continue;
        };
        let source = role("Source").and_then(|s| Some(Span::new(s.first()?.start, s.last()?.end)));
        let first_char = content
            .first()
            .and_then(|s| s.slice(body))
            .and_then(|t| t.trim_start().chars().next());
        let direct = matches!(first_char, Some('"' | '“' | '«' | '‘' | '\''));
        gold.push(Gold {
            content,
            source,
            direct,
        });
    }
    gold
}

/// Byte spans of the word-like tokens of the body.
fn word_tokens(body: &str) -> Vec<Span> {
    tokenize(body)
        .into_iter()
        .filter(|t| t.kind.is_wordlike())
        .map(|t| t.span)
        .collect()
}

/// Indices of the word tokens inside any of `spans`.
fn token_set(words: &[Span], spans: &[Span]) -> BTreeSet<usize> {
    let mut set = BTreeSet::new();
    for span in spans {
        let first = words.partition_point(|w| w.start < span.start);
        for (i, w) in words.iter().enumerate().skip(first) {
            if w.start >= span.end {
                break;
            }
            if w.end <= span.end {
                set.insert(i);
            }
        }
    }
    set
}

fn quote_parts(q: &Quote) -> Vec<Span> {
    if q.parts.is_empty() {
        vec![q.span]
    } else {
        q.parts.clone()
    }
}

/// Pairs gold and predictions one-to-one and counts matches; returns the
/// counts, the unmatched gold and the unmatched predictions.
fn evaluate<'a, 'g>(
    body: &str,
    words: &[Span],
    mentions: &[EntityMention],
    gold: &[&'g Gold],
    predicted: &[&'a Quote],
) -> Evaluated<'a, 'g> {
    let gold_sets: Vec<BTreeSet<usize>> = gold.iter().map(|g| token_set(words, &g.content)).collect();
    let predicted_sets: Vec<BTreeSet<usize>> = predicted
        .iter()
        .map(|q| token_set(words, &quote_parts(q)))
        .collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (g, gs) in gold_sets.iter().enumerate() {
        for (p, ps) in predicted_sets.iter().enumerate() {
            let shared = gs.intersection(ps).count();
            if shared == 0 {
                continue;
            }
            let score = shared as f64 / gs.len().max(ps.len()) as f64;
            pairs.push((score, g, p));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut counts = Counts {
        gold: gold.len(),
        predicted: predicted.len(),
        ..Counts::default()
    };
    let (mut gold_used, mut predicted_used) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut wrong_source = Vec::new();
    for (score, g, p) in pairs {
        if gold_used[g] || predicted_used[p] || score < 0.5 {
            continue;
        }
        gold_used[g] = true;
        predicted_used[p] = true;
        counts.overlap += 1;
        if gold_sets[g] == predicted_sets[p] {
            counts.exact += 1;
        }
        if let Some(source) = gold[g].source {
            counts.with_gold_source += 1;
            if source_matches(body, mentions, predicted[p], source) {
                counts.source_right += 1;
            } else {
                wrong_source.push((gold[g], predicted[p]));
            }
        }
    }
    let missed = gold
        .iter()
        .zip(&gold_used)
        .filter(|(_, u)| !**u)
        .map(|(g, _)| *g)
        .collect();
    let spurious = predicted
        .iter()
        .zip(&predicted_used)
        .filter(|(_, u)| !**u)
        .map(|(q, _)| *q)
        .collect();
    Evaluated {
        counts,
        missed,
        spurious,
        wrong_source,
    }
}

/// What one evaluation found: counts, unmatched gold and predictions, and
/// matched pairs whose source is wrong.
struct Evaluated<'a, 'g> {
    counts: Counts,
    missed: Vec<&'g Gold>,
    spurious: Vec<&'a Quote>,
    wrong_source: Vec<(&'g Gold, &'a Quote)>,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The predicted source is right when its span overlaps the gold source, or
/// when the predicted speaker's entity is mentioned inside the gold source
/// (a pronoun resolved to the person named there).
fn source_matches(body: &str, mentions: &[EntityMention], quote: &Quote, gold: Span) -> bool {
    if let Some(speaker) = &quote.speaker {
        if overlaps(speaker.span, gold) {
            return true;
        }
        return mentions
            .iter()
            .any(|m| m.key == speaker.key && overlaps(m.span, gold));
    }
    let Some(source) = &quote.source else {
        return false;
    };
    // A source carried over from an earlier statement has no cue: locate it
    // from the quote itself.
    let anchor = quote.cue.as_ref().map(|c| c.span).unwrap_or(quote.span);
    let nearest = body
        .match_indices(source.as_str())
        .map(|(i, _)| Span::new(i, i + source.len()))
        .min_by_key(|s| s.start.abs_diff(anchor.start).min(s.end.abs_diff(anchor.end)));
    nearest.is_some_and(|s| overlaps(s, gold))
}
