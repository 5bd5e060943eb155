//! Trains the quote finder's learned parts shipped in `crates/analyze/data/quotes/`:
//! the cue detector (`cue_model.bin`) and the content-end chooser (`content_end.bin`).
//!
//! ```text
//! cargo run --release -p parallax-analyze --example train_quotes -- [options]
//!   --shared DIR   shared data (default $PARALLAX_SHARED or ../shared)
//!   --epochs N     most passes over the training data (default 12)
//!   --bits B       log2 of the hashed weight buckets (default 18)
//!   --out DIR      where to write the models (default crates/analyze/data/quotes)
//!   --threshold T  score above which a token is a cue (default -3: best overlap F1
//!                  on the held-out tenth among 0, -3, -5, -8)
//!   --dry-run      train and report, write nothing
//!   --not-held-out train the written model without the held-out tenth (for
//!                  measuring on it: `polnear_eval train --held-out`)
//! ```
//!
//! Learns from PolNeAR **train** only (`data/quotes/polnear/train`). Cue
//! detector: every word token outside quotation marks is an example,
//! positive when it is part of an annotated cue. Content end: every
//! annotated content that follows its cue in one sentence, its gold end
//! among all possible ends up to the sentence end. Every tenth article is
//! held out to choose the number of epochs (token F1 of the cue decision,
//! accuracy of the chosen end); the shipped models are then trained on all
//! of train for that many epochs. Dev is never read.

use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax_analyze::ner::perceptron::shuffled;
use parallax_analyze::quotes::polnear::{read_attributions, read_split};
use parallax_analyze::quotes::training::{
    best_candidate, content_end_examples, cue_examples, CueExample, EndExample, LinearModel, LinearPerceptron,
};
use parallax_analyze::sentences::{paragraphs_between_blank_lines, split_sentences};

struct Options {
    shared: PathBuf,
    epochs: usize,
    bits: u32,
    out: Option<PathBuf>,
    all_of_train: bool,
    threshold: f32,
}

fn parse_options() -> Result<Options, String> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut options = Options {
        shared: std::env::var_os("PARALLAX_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate_dir.join("../../../shared")),
        epochs: 12,
        bits: 18,
        out: Some(crate_dir.join("data/quotes")),
        all_of_train: true,
        threshold: -3.0,
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
            "--threshold" => options.threshold = value()?.parse().map_err(|e| format!("--threshold: {e}"))?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

/// Token-level precision, recall and F1 of the cue decision.
fn token_scores(model: &LinearModel, articles: &[&Vec<CueExample>]) -> (f64, f64, f64) {
    let (mut tp, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for example in articles.iter().flat_map(|a| a.iter()) {
        let cue = model.decide(&example.features);
        tp += usize::from(cue && example.is_cue);
        predicted += usize::from(cue);
        gold += usize::from(example.is_cue);
    }
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

fn train(
    articles: &[&Vec<CueExample>],
    bits: u32,
    epochs: usize,
    mut each: impl FnMut(usize, &LinearPerceptron),
) -> LinearPerceptron {
    let mut perceptron = LinearPerceptron::new(bits);
    for epoch in 0..epochs {
        perceptron.mistakes = 0;
        for index in shuffled(articles.len(), epoch as u64 + 1) {
            for example in articles[index] {
                perceptron.learn(&example.features, example.is_cue);
            }
        }
        each(epoch + 1, &perceptron);
    }
    perceptron
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
    let (examples, end_examples): (Vec<Vec<CueExample>>, Vec<Vec<EndExample>>) = articles
        .iter()
        .map(|article| {
            let gold = read_attributions(&article.body, &article.annotation);
            let cues: Vec<_> = gold.iter().flat_map(|g| g.cue.iter().copied()).collect();
            let paragraphs = paragraphs_between_blank_lines(&article.body);
            let sentences = split_sentences(&article.body, &paragraphs);
            (
                cue_examples(&article.body, &paragraphs, &sentences, &cues),
                content_end_examples(&article.body, &paragraphs, &sentences, &gold),
            )
        })
        .unzip();
    let tokens: usize = examples.iter().map(Vec::len).sum();
    let positives = examples.iter().flatten().filter(|e| e.is_cue).count();
    println!(
        "{} articles, {tokens} tokens, {positives} cue tokens ({:.1} s)",
        articles.len(),
        started.elapsed().as_secs_f64()
    );

    let (held_out, training) = split_held_out(&examples);
    let mut best = (0.0, 1);
    train(&training, options.bits, options.epochs, |epoch, perceptron| {
        let (p, r, f) = token_scores(&perceptron.model(0.0), &held_out);
        println!(
            "epoch {epoch:>2}: {} training mistakes; held-out cue tokens P {p:.3} R {r:.3} F1 {f:.3}",
            perceptron.mistakes
        );
        if f > best.0 {
            best = (f, epoch);
        }
    });
    println!("best held-out F1 {:.3} after {} epochs", best.0, best.1);
    let all: Vec<&Vec<CueExample>> = if options.all_of_train {
        examples.iter().collect()
    } else {
        training
    };
    let model = train(&all, options.bits, best.1, |_, _| {}).model(options.threshold);
    let (p, r, f) = token_scores(&model, &held_out);
    println!(
        "written model (threshold {}): held-out cue tokens P {p:.3} R {r:.3} F1 {f:.3}",
        options.threshold
    );
    println!("written model trained on {} articles", all.len());
    let end_model = train_content_end(&end_examples, &options);
    if let Some(out) = options.out {
        write(&out.join("cue_model.bin"), &model);
        write(&out.join("content_end.bin"), &end_model);
    }
    println!("{:.1} s", started.elapsed().as_secs_f64());
}

fn write(path: &Path, model: &LinearModel) {
    let bytes = model.to_bytes();
    match std::fs::write(path, &bytes) {
        Ok(()) => println!("wrote {} ({} bytes)", path.display(), bytes.len()),
        Err(e) => {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}

/// Share of contents whose chosen end is the gold end.
fn end_accuracy(model: &LinearModel, articles: &[&Vec<EndExample>]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for example in articles.iter().flat_map(|a| a.iter()) {
        let chosen = best_candidate(example.candidates.iter().map(|c| model.score(c)));
        right += usize::from(chosen == Some(example.right));
        total += 1;
    }
    right as f64 / total.max(1) as f64
}

/// Trains the content-end chooser: epochs chosen on the held-out tenth,
/// then trained on the articles `options` asks for.
fn train_content_end(examples: &[Vec<EndExample>], options: &Options) -> LinearModel {
    let (held_out, training) = split_held_out(examples);
    let total: usize = examples.iter().map(Vec::len).sum();
    let run = |articles: &[&Vec<EndExample>], epochs: usize, report: bool| {
        let mut perceptron = LinearPerceptron::new(options.bits);
        let mut best = (0.0, 1);
        for epoch in 0..epochs {
            perceptron.mistakes = 0;
            for index in shuffled(articles.len(), epoch as u64 + 101) {
                for example in articles[index] {
                    perceptron.learn_choice(&example.candidates, example.right);
                }
            }
            if report {
                let accuracy = end_accuracy(&perceptron.model(0.0), &held_out);
                println!(
                    "content end, epoch {:>2}: {} training mistakes; held-out accuracy {accuracy:.3}",
                    epoch + 1,
                    perceptron.mistakes
                );
                if accuracy > best.0 {
                    best = (accuracy, epoch + 1);
                }
            }
        }
        (perceptron, best)
    };
    println!("content end: {total} contents");
    let (_, best) = run(&training, options.epochs, true);
    println!(
        "content end: best held-out accuracy {:.3} after {} epochs",
        best.0, best.1
    );
    let all: Vec<&Vec<EndExample>> = if options.all_of_train {
        examples.iter().collect()
    } else {
        training.clone()
    };
    run(&all, best.1, false).0.model(0.0)
}

/// The held-out tenth (articles 9, 19, 29… in name order, as
/// `polnear_eval --held-out` scores) and the rest.
fn split_held_out<T>(articles: &[T]) -> (Vec<&T>, Vec<&T>) {
    let (mut held_out, mut training) = (Vec::new(), Vec::new());
    for (i, article) in articles.iter().enumerate() {
        if i % 10 == 9 {
            held_out.push(article);
        } else {
            training.push(article);
        }
    }
    (held_out, training)
}
