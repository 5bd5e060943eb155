//! PolNeAR attribution benchmark for the quote finder.
//!
//! Runs the per-article analysis chain (paragraphs → sentences → NER →
//! identity → quotes) on every
//! article of a PolNeAR split and compares the quote contents and sources
//! with the gold brat annotations.
//!
//! Usage: `polnear_eval [SPLIT_DIR] [--errors N] [--direct] [--speakers]
//! [--held-out]` where SPLIT_DIR holds `text/NAME.txt` and
//! `attributions/NAME_ANNOTATOR.ann` (default:
//! `$PARALLAX_SHARED/data/quotes/polnear/dev`, `PARALLAX_SHARED` defaulting
//! to `../shared` beside the repository). `--errors N` prints up to N missed
//! and N spurious contents for error analysis, each with its category (see
//! [`miss_category`]), then a count of misses by category (`--direct`: among
//! direct quotes only; `--speakers`: matched quotes with a wrong source
//! instead). `--held-out` scores only every tenth article (9, 19, …, as
//! `train_quotes` holds out), for measuring on train without dev; `--only
//! TEXT` only the articles whose name contains TEXT.
//!
//! Matching criteria (see `docs/quotes.md`):
//! - spans are compared as sets of word tokens, so quote marks, whitespace
//!   and punctuation at the edges do not count;
//! - exact: the token sets are equal; overlap: the shared tokens are at
//!   least half of the gold's and half of the prediction's;
//! - gold and predictions are paired one-to-one, greedily by overlap;
//! - "direct" contents are those that begin with a quotation mark, on both
//!   sides: a gold content whose text opens with a mark, a prediction of
//!   kind direct or partial (its span is the inside of quotation marks) or
//!   an indirect one whose text opens with a mark. (The line "kind direct
//!   only" pairs the same gold with `kind: direct` predictions alone, the
//!   split used before 2026-12-07: it counts a partial quote that is a whole
//!   gold content, such as calling it “a troublemaker”, as a direct miss and
//!   an indirect false positive at once.)
//! - a predicted source is right when its span (the speaker mention, or the
//!   `source` text located nearest the cue) overlaps the gold Source span,
//!   or when the predicted speaker's entity has a mention overlapping it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use parallax_analyze::identity::resolve_entities;
use parallax_analyze::ner::recognize;
use parallax_analyze::quotes::find_quotes;
use parallax_analyze::quotes::polnear::{read_attributions, read_split};
use parallax_analyze::sentences::{paragraphs_between_blank_lines, split_sentences};
use parallax_analyze::tokens::tokenize;
use parallax_core::{EntityMention, Quote, QuoteKind, Span};

/// One gold attribution: content fragments, source and cue spans, in bytes.
struct Gold {
    content: Vec<Span>,
    source: Option<Span>,
    cue: Vec<Span>,
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
    let mut held_out_only = false;
    let mut only: Option<String> = None;
    while let Some(arg) = args.next() {
        if arg == "--only" {
            only = args.next();
        } else if arg == "--held-out" {
            held_out_only = true;
        } else if arg == "--direct" {
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
    let all_articles = match read_split(&split) {
        Ok(a) => a,
        Err(err) => {
            eprintln!("cannot read {}: {err}", split.display());
            std::process::exit(2);
        }
    };
    let (mut all, mut direct, mut indirect) = (Counts::default(), Counts::default(), Counts::default());
    let mut direct_by_kind = Counts::default();
    let mut articles = 0;
    let mut printed = (0usize, 0usize, 0usize);
    let mut categories: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut spurious_categories: BTreeMap<&'static str, usize> = BTreeMap::new();
    let started = std::time::Instant::now();
    for (index, article) in all_articles.iter().enumerate() {
        if held_out_only && index % 10 != 9
            || only.as_ref().is_some_and(|o| !article.name.contains(o.as_str()))
        {
            continue;
        }
        let (stem, body, ann) = (&article.name, &article.body, &article.annotation);
        articles += 1;
        let gold = gold_attributions(body, ann);
        let body = body.as_str();
        let paragraphs = paragraphs_between_blank_lines(body);
        let sentences = split_sentences(body, &paragraphs);
        let mentions = entity_mentions(body, &sentences);
        let quotes = univocal(find_quotes(body, &paragraphs, &sentences, &mentions));
        let words = word_tokens(body);

        let gold_all: Vec<&Gold> = gold.iter().collect();
        let predicted_all: Vec<&Quote> = quotes.iter().collect();
        let everything = evaluate(body, &words, &mentions, &gold_all, &predicted_all);
        all.add(&everything.counts);
        let gold_direct: Vec<&Gold> = gold.iter().filter(|g| g.direct).collect();
        let predicted_direct: Vec<&Quote> = quotes
            .iter()
            .filter(|q| opens_with_quotation_mark(body, q))
            .collect();
        let direct_only_result = evaluate(body, &words, &mentions, &gold_direct, &predicted_direct);
        direct.add(&direct_only_result.counts);
        let predicted_direct_kind: Vec<&Quote> =
            quotes.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        direct_by_kind.add(&evaluate(body, &words, &mentions, &gold_direct, &predicted_direct_kind).counts);
        let shown = if direct_only {
            direct_only_result
        } else {
            everything
        };
        let gold_other: Vec<&Gold> = gold.iter().filter(|g| !g.direct).collect();
        let predicted_other: Vec<&Quote> = quotes
            .iter()
            .filter(|q| !opens_with_quotation_mark(body, q))
            .collect();
        indirect.add(&evaluate(body, &words, &mentions, &gold_other, &predicted_other).counts);

        if speaker_errors {
            for (g, q) in shown.wrong_source.iter().take(errors.saturating_sub(printed.2)) {
                printed.2 += 1;
                let gold_source = g.source.and_then(|s| s.slice(body)).unwrap_or("");
                let predicted = q
                    .speaker
                    .as_ref()
                    .map(|s| format!("{} ({})", s.name, s.span.slice(body).unwrap_or("")))
                    .or_else(|| q.source.clone())
                    .unwrap_or_else(|| "[none]".to_owned());
                let excerpt: String = q.text.chars().take(80).collect();
                println!("SOURCE   {stem}: gold {gold_source:?} predicted {predicted:?}: {excerpt}");
            }
            continue;
        }
        for (n, g) in shown.missed.iter().enumerate() {
            let category = miss_category(body, &words, g, &predicted_all);
            *categories.entry(category).or_default() += 1;
            if n < errors.saturating_sub(printed.0) {
                printed.0 += 1;
                let text: Vec<&str> = g.content.iter().filter_map(|s| s.slice(body)).collect();
                let cue: Vec<&str> = g.cue.iter().filter_map(|s| s.slice(body)).collect();
                println!(
                    "MISSED   {stem} [{category}] cue {:?}: {}",
                    cue.join(" "),
                    text.join(" … ").replace('\n', " ")
                );
                if let Some(q) = nearest_prediction(&words, g, &predicted_all) {
                    println!("   NEAREST [{:?}]: {}", q.kind, q.text.replace('\n', " "));
                }
            }
        }
        for (n, q) in shown.spurious.iter().enumerate() {
            let category = spurious_category(&words, q, &gold_all);
            *spurious_categories.entry(category).or_default() += 1;
            if n < errors.saturating_sub(printed.1) {
                printed.1 += 1;
                println!(
                    "SPURIOUS {stem} [{:?}] [{category}]: {}",
                    q.kind,
                    q.text.replace('\n', " ")
                );
                if let Some(g) = nearest_gold(&words, q, &gold_all) {
                    let text: Vec<&str> = g.content.iter().filter_map(|s| s.slice(body)).collect();
                    let kind = if g.direct { "direct" } else { "other" };
                    println!("   GOLD [{kind}]: {}", text.join(" … ").replace('\n', " "));
                }
            }
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
    report("kind direct only", &direct_by_kind);
    if errors > 0 && !speaker_errors {
        let missed: usize = categories.values().sum();
        println!("missed contents by category ({missed}):");
        for (category, n) in &categories {
            println!("  {category:<28} {n:>5}");
        }
        let spurious: usize = spurious_categories.values().sum();
        println!("spurious predictions by category ({spurious}):");
        for (category, n) in &spurious_categories {
            println!("  {category:<28} {n:>5}");
        }
    }
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

/// Entity mentions from the analysis chain: NER, then identity resolution
/// (names, titles and pronouns clustered into entities).
fn entity_mentions(body: &str, sentences: &[parallax_core::Sentence]) -> Vec<EntityMention> {
    let named = recognize(body, sentences);
    resolve_entities(body, sentences, &named)
}

/// The gold attributions, with "direct" = the content begins with a
/// quotation mark, or right after an opening one (some annotators left the
/// mark out of the span: `“|I have earned 9 million votes…”`; matching
/// ignores edge marks, so the split must not depend on them either).
fn gold_attributions(body: &str, ann: &str) -> Vec<Gold> {
    read_attributions(body, ann)
        .into_iter()
        .map(|g| {
            let first = g.content.first().copied().unwrap_or_default();
            let first_char = first.slice(body).and_then(|t| t.trim_start().chars().next());
            Gold {
                direct: matches!(first_char, Some('"' | '“' | '«' | '‘' | '\''))
                    || follows_opening_mark(body, first.start),
                content: g.content,
                source: g.source,
                cue: g.cue,
            }
        })
        .collect()
}

/// True when an opening quotation mark stands right before byte `at`: a
/// curly or angled opening mark, or a straight mark (or doubled apostrophe)
/// with a space or the start of a line before it.
fn follows_opening_mark(body: &str, at: usize) -> bool {
    let before = body.get(..at).unwrap_or("");
    let mut chars = before.chars().rev();
    match chars.next() {
        Some('“' | '«') => true,
        Some('"') => chars.next().is_none_or(char::is_whitespace),
        Some('\'') => chars.next() == Some('\'') && chars.next().is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// True when the predicted content, as written, opens with a quotation
/// mark — the criterion the gold side uses for "direct". Direct and partial
/// quotes are the inside of quotation marks by construction.
fn opens_with_quotation_mark(body: &str, quote: &Quote) -> bool {
    let first = quote_parts(quote)
        .first()
        .and_then(|p| p.slice(body))
        .and_then(|t| t.trim_start().chars().next());
    matches!(quote.kind, QuoteKind::Direct | QuoteKind::Partial)
        || matches!(first, Some('"' | '“' | '«' | '‘' | '\''))
}

/// Why a prediction matched no gold content: it touches none, or it shares
/// tokens with one but too few (a gold content split or joined
/// differently, or paired with another prediction).
fn spurious_category(words: &[Span], quote: &Quote, gold: &[&Gold]) -> &'static str {
    let set = token_set(words, &quote_parts(quote));
    let best = gold
        .iter()
        .map(|g| {
            let gold_set = token_set(words, &g.content);
            (set.intersection(&gold_set).count(), gold_set.len())
        })
        .max_by_key(|(shared, _)| *shared);
    match best {
        Some((shared, gold_len)) if shared > 0 => {
            if shared * 2 < set.len() {
                "overlap: prediction too long"
            } else if shared * 2 < gold_len {
                "overlap: prediction too short"
            } else {
                "overlap: gold paired elsewhere"
            }
        }
        _ => "touches no gold content",
    }
}

/// The prediction sharing the most word tokens with a gold content.
fn nearest_prediction<'a>(words: &[Span], gold: &Gold, predicted: &[&'a Quote]) -> Option<&'a Quote> {
    let gold_set = token_set(words, &gold.content);
    predicted
        .iter()
        .map(|q| {
            (
                gold_set.intersection(&token_set(words, &quote_parts(q))).count(),
                *q,
            )
        })
        .filter(|(shared, _)| *shared > 0)
        .max_by_key(|(shared, _)| *shared)
        .map(|(_, q)| q)
}

/// The gold content sharing the most tokens with a prediction.
fn nearest_gold<'g>(words: &[Span], quote: &Quote, gold: &[&'g Gold]) -> Option<&'g Gold> {
    let set = token_set(words, &quote_parts(quote));
    gold.iter()
        .map(|g| (set.intersection(&token_set(words, &g.content)).count(), *g))
        .filter(|(shared, _)| *shared > 0)
        .max_by_key(|(shared, _)| *shared)
        .map(|(_, g)| g)
}

/// Why a gold content was missed: no prediction touches it, a prediction
/// overlaps it but is too long or too short, or the pairing gave the
/// prediction to another gold content.
fn miss_category(body: &str, words: &[Span], gold: &Gold, predicted: &[&Quote]) -> &'static str {
    let gold_set = token_set(words, &gold.content);
    let best = predicted
        .iter()
        .map(|q| {
            let set = token_set(words, &quote_parts(q));
            (gold_set.intersection(&set).count(), set.len())
        })
        .max_by_key(|(shared, _)| *shared);
    let cue_text: String = gold
        .cue
        .iter()
        .filter_map(|s| s.slice(body))
        .collect::<Vec<_>>()
        .join(" ");
    match best {
        Some((shared, len)) if shared > 0 => {
            if shared * 2 < gold_set.len() {
                "overlap: prediction too short"
            } else if shared * 2 < len {
                "overlap: prediction too long"
            } else {
                "overlap: paired elsewhere"
            }
        }
        _ if cue_text.is_empty() => "untouched: no gold cue",
        _ if gold.content.first().map(|c| c.start).unwrap_or(0)
            < gold.cue.first().map(|c| c.start).unwrap_or(0) =>
        {
            "untouched: content before cue"
        }
        _ => "untouched: content after cue",
    }
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

/// PolNeAR annotates each stretch of text in one attribution only: a
/// partial quote inside an indirect clause is part of that clause's
/// content. Parallax also lists the partial quote on its own (the speaker's
/// exact words); for scoring against PolNeAR that nested copy is dropped.
fn univocal(quotes: Vec<Quote>) -> Vec<Quote> {
    let inside_indirect = |q: &Quote| {
        q.kind == QuoteKind::Partial
            && quotes.iter().any(|o| {
                o.kind == QuoteKind::Indirect && o.span.start <= q.span.start && q.span.end <= o.span.end
            })
    };
    let nested: Vec<bool> = quotes.iter().map(inside_indirect).collect();
    quotes
        .into_iter()
        .zip(nested)
        .filter(|(_, nested)| !nested)
        .map(|(q, _)| q)
        .collect()
}
