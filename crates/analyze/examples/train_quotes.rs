//! Trains the attribution tagger (`crates/analyze/data/quotes/attribution_tagger.bin`).
//!
//! ```text
//! cargo run --release -p parallax-analyze --example train_quote_tagger -- [options]
//!   --shared DIR   shared data (default $PARALLAX_SHARED or ../shared)
//!   --epochs N     most passes over the training data (default 15)
//!   --bits B       log2 of the hashed weight buckets (default 18)
//!   --out FILE     where to write the model (default crates/analyze/data/quotes/attribution_tagger.bin)
//!   --dry-run      train and report, write nothing
//!   --not-held-out train the written model without the held-out tenth
//! ```
//!
//! Learns from PolNeAR **train** only. Every tenth article (9, 19, … in name
//! order) is held out to choose the number of epochs (F1 of content spans
//! overlapping gold by half or more); the written model is then trained on
//! all of train for that many epochs. Dev is never read.

use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax_analyze::identity::resolve_entities;
use parallax_analyze::ner::perceptron::shuffled;
use parallax_analyze::ner::recognize;
use parallax_analyze::quotes::polnear::{read_attributions, read_split};
use parallax_analyze::quotes::training::{
    tagger_examples, Role, SequenceModel, SequencePerceptron, Tag, TaggedSentence,
};
use parallax_analyze::sentences::{paragraphs_between_blank_lines, split_sentences};

struct Options {
    shared: PathBuf,
    epochs: usize,
    bits: u32,
    out: Option<PathBuf>,
    all_of_train: bool,
    show: usize,
}

fn parse_options() -> Result<Options, String> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut options = Options {
        shared: std::env::var_os("PARALLAX_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate_dir.join("../../../shared")),
        epochs: 15,
        bits: 18,
        out: Some(crate_dir.join("data/quotes/attribution_tagger.bin")),
        all_of_train: true,
        show: 0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => options.shared = PathBuf::from(value()?),
            "--epochs" => options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => options.bits = value()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--out" => options.out = Some(PathBuf::from(value()?)),
            "--dry-run" => options.out = None,
            "--not-held-out" => options.all_of_train = false,
            "--show" => options.show = value()?.parse().map_err(|e| format!("--show: {e}"))?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

/// Spans of one role in a tag sequence.
fn spans(tags: &[Tag], role: Role) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        match tag {
            Tag::Begin(r) if *r == role => out.push(i..i + 1),
            Tag::Inside(r) if *r == role => {
                if let Some(last) = out.last_mut().filter(|l| l.end == i) {
                    last.end = i + 1;
                }
            }
            _ => {}
        }
    }
    out
}

/// Exact and half-overlap span F1 of one role over held-out sentences.
fn span_scores(model: &SequenceModel, sentences: &[&TaggedSentence], role: Role) -> (f64, f64) {
    let (mut gold_n, mut predicted_n, mut exact, mut overlap) = (0usize, 0usize, 0usize, 0usize);
    for sentence in sentences {
        let predicted = model.tag(sentence.features.tokens());
        let (g, p) = (spans(&sentence.tags, role), spans(&predicted, role));
        gold_n += g.len();
        predicted_n += p.len();
        for gs in &g {
            if p.contains(gs) {
                exact += 1;
            }
            let shared_enough = p.iter().any(|ps| {
                let shared = gs.end.min(ps.end).saturating_sub(gs.start.max(ps.start));
                shared * 2 >= gs.len() && shared * 2 >= ps.len()
            });
            overlap += usize::from(shared_enough);
        }
    }
    let f1 = |m: usize| {
        let (p, r) = (
            m as f64 / predicted_n.max(1) as f64,
            m as f64 / gold_n.max(1) as f64,
        );
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    (f1(exact), f1(overlap))
}

fn train_epochs(
    articles: &[&Vec<TaggedSentence>],
    bits: u32,
    epochs: usize,
    mut each: impl FnMut(usize, &SequencePerceptron),
) -> SequencePerceptron {
    let mut perceptron = SequencePerceptron::new(bits);
    for epoch in 0..epochs {
        perceptron.mistakes = 0;
        for index in shuffled(articles.len(), epoch as u64 + 7) {
            for sentence in articles[index] {
                let tokens: Vec<&[u64]> = sentence.features.tokens().collect();
                perceptron.learn(&tokens, &sentence.tags);
            }
        }
        each(epoch + 1, &perceptron);
    }
    perceptron
}

/// A sentence with its spans bracketed: `[S …]`, `[C …]`, `[Q …]`.
fn render(words: &[String], tags: &[Tag]) -> String {
    let mut out = String::new();
    let mut open = false;
    for (i, (word, tag)) in words.iter().zip(tags).enumerate() {
        let next_continues = matches!(tags.get(i + 1), Some(Tag::Inside(_)));
        if let Tag::Begin(role) = tag {
            if open {
                out.push(']');
            }
            out.push_str(match role {
                Role::Source => " [S",
                Role::Cue => " [C",
                Role::Content => " [Q",
            });
            open = true;
        }
        out.push(' ');
        out.push_str(word);
        if open && !next_continues {
            out.push(']');
            open = false;
        }
    }
    out
}

fn main() {
    let options = match parse_options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let split = options.shared.join("data/quotes/polnear/train");
    let articles = match read_split(&split) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("cannot read {}: {e}", split.display());
            std::process::exit(2);
        }
    };
    let examples: Vec<Vec<TaggedSentence>> = articles
        .iter()
        .map(|article| {
            let body = article.body.as_str();
            let gold = read_attributions(body, &article.annotation);
            let paragraphs = paragraphs_between_blank_lines(body);
            let sentences = split_sentences(body, &paragraphs);
            let mentions = resolve_entities(body, &sentences, &recognize(body, &sentences));
            tagger_examples(body, &paragraphs, &sentences, &mentions, &gold)
        })
        .collect();
    let tokens: usize = examples.iter().flatten().map(|s| s.tags.len()).sum();
    println!(
        "{} articles, {} sentences, {tokens} tokens ({:.1} s)",
        articles.len(),
        examples.iter().map(Vec::len).sum::<usize>(),
        started.elapsed().as_secs_f64()
    );
    let (mut held_out, mut training) = (Vec::new(), Vec::new());
    for (i, article) in examples.iter().enumerate() {
        if i % 10 == 9 {
            held_out.push(article);
        } else {
            training.push(article);
        }
    }
    let held_out_sentences: Vec<&TaggedSentence> = held_out.iter().flat_map(|a| a.iter()).collect();
    let mut best = (0.0, 1);
    train_epochs(&training, options.bits, options.epochs, |epoch, perceptron| {
        let model = perceptron.model();
        let (content_exact, content_overlap) = span_scores(&model, &held_out_sentences, Role::Content);
        let (cue_exact, _) = span_scores(&model, &held_out_sentences, Role::Cue);
        let (source_exact, _) = span_scores(&model, &held_out_sentences, Role::Source);
        println!(
            "epoch {epoch:>2}: {} sentences wrong; held-out F1 content exact {content_exact:.3} overlap \
             {content_overlap:.3}, cue {cue_exact:.3}, source {source_exact:.3}",
            perceptron.mistakes
        );
        if content_overlap > best.0 {
            best = (content_overlap, epoch);
        }
    });
    println!(
        "best held-out content overlap F1 {:.3} after {} epochs",
        best.0, best.1
    );
    let all: Vec<&Vec<TaggedSentence>> = if options.all_of_train {
        examples.iter().collect()
    } else {
        training
    };
    let model = train_epochs(&all, options.bits, best.1, |_, _| {}).model();
    println!("written model trained on {} articles", all.len());
    for sentence in held_out_sentences
        .iter()
        .filter(|s| s.tags.iter().any(|t| *t != Tag::Outside))
        .take(options.show)
    {
        let predicted = model.tag(sentence.features.tokens());
        println!("GOLD {}", render(&sentence.words, &sentence.tags));
        println!("PRED {}\n", render(&sentence.words, &predicted));
    }
    if let Some(out) = options.out {
        let bytes = model.to_bytes();
        match std::fs::write(&out, &bytes) {
            Ok(()) => println!("wrote {} ({} bytes)", out.display(), bytes.len()),
            Err(e) => {
                eprintln!("cannot write {}: {e}", out.display());
                std::process::exit(1);
            }
        }
    }
    println!("{:.1} s", started.elapsed().as_secs_f64());
}
