//! Runs the NER model over a CoNLL-format corpus the way it runs on
//! articles, for `bench/ner/run.sh`.
//!
//! ```text
//! cargo run --release -p parallax-analyze --example ner_eval -- CORPUS OUT.tsv [--model PATH] [--runs N]
//! ```
//!
//! Each document's text is its tokens joined by single spaces, sentences
//! joined by "\n" (the convention `bench/ner/score.py` rebuilds). The model
//! sees only that text and the sentence spans: it tokenizes it itself, as
//! at run time. Writes one predicted entity per line (`doc`, `start`,
//! `end`, `label`: byte offsets into the document text) and prints a JSON
//! line with the words/s of the median of `runs` timed passes (model load
//! excluded; tokenization included).

use std::time::Instant;

use parallax_analyze::ner::model::Model;
use parallax_analyze::ner::{conll, recognize_with, shipped_model, NamedSpan};
use parallax_analyze::tokens::tokenize;
use parallax_core::{Sentence, Span};

fn main() {
    if let Err(error) = run() {
        eprintln!("ner_eval: {error}");
        std::process::exit(1);
    }
}

/// A document as text with its sentence spans.
struct Document {
    text: String,
    sentences: Vec<Sentence>,
    words: usize,
}

fn documents(corpus: &str) -> Vec<Document> {
    let sentence_per_document = corpus.lines().next().is_some_and(|l| l.starts_with("en:"));
    conll::parse(corpus, sentence_per_document)
        .iter()
        .map(|document| {
            let mut text = String::new();
            let mut sentences = Vec::new();
            let mut words = 0;
            for sentence in document {
                if !text.is_empty() {
                    text.push('\n');
                }
                let start = text.len();
                text.push_str(&sentence.tokens.join(" "));
                sentences.push(Sentence {
                    span: Span::new(start, text.len()),
                    paragraph: sentences.len(),
                });
                words += sentence.tokens.len();
            }
            Document {
                text,
                sentences,
                words,
            }
        })
        .collect()
}

fn tag_all(model: &Model, documents: &[Document]) -> Vec<Vec<NamedSpan>> {
    documents
        .iter()
        .map(|d| recognize_with(model, &d.text, &tokenize(&d.text), &d.sentences))
        .collect()
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let corpus_path = args
        .next()
        .ok_or("usage: ner_eval CORPUS OUT.tsv [--model PATH] [--runs N]")?;
    let out_path = args.next().ok_or("missing OUT.tsv")?;
    let mut model_path = None;
    let mut runs = 3;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--model" => model_path = args.next(),
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--runs needs a number")?
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let corpus = std::fs::read_to_string(&corpus_path).map_err(|e| format!("{corpus_path}: {e}"))?;
    let documents = documents(&corpus);
    let words: usize = documents.iter().map(|d| d.words).sum();

    let loaded;
    let model: &Model = match model_path {
        Some(path) => {
            let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
            loaded = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
            &loaded
        }
        None => shipped_model().map_err(|e| e.to_string())?,
    };

    let mut timings = Vec::new();
    let mut cpu_timings = Vec::new();
    let mut predictions = Vec::new();
    for _ in 0..runs.max(1) {
        let (started, cpu_started) = (Instant::now(), thread_cpu_seconds());
        predictions = tag_all(model, &documents);
        timings.push(started.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu_started, thread_cpu_seconds()) {
            cpu_timings.push(after - before);
        }
    }
    let median = median_of(&mut timings);
    let cpu_median = if cpu_timings.is_empty() {
        f64::NAN
    } else {
        median_of(&mut cpu_timings)
    };

    let mut out = String::new();
    for (index, found) in predictions.iter().enumerate() {
        for named in found {
            out.push_str(&format!(
                "{index}\t{}\t{}\t{}\n",
                named.span.start,
                named.span.end,
                named.label.as_str()
            ));
        }
    }
    std::fs::write(&out_path, out).map_err(|e| format!("{out_path}: {e}"))?;
    println!(
        "{{\"documents\": {}, \"words\": {words}, \"seconds\": {median:.4}, \"words_per_second\": {:.0}, \
         \"cpu_seconds\": {cpu_median:.4}, \"words_per_cpu_second\": {:.0}}}",
        documents.len(),
        words as f64 / median,
        words as f64 / cpu_median
    );
    Ok(())
}

fn median_of(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// CPU time of this thread (Linux `schedstat`, nanoseconds): on a shared
/// machine wall time also counts time spent waiting for the core.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
