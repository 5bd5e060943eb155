//! Trains the NER model shipped in `crates/analyze/data/ner/model.bin`.
//!
//! ```text
//! cargo run --release -p parallax-analyze --example train_ner -- [options]
//!   --shared DIR     shared data (default $PARALLAX_SHARED or ../shared)
//!   --epochs N       maximum passes over the training data (default 20)
//!   --bits B         log2 of the hashed weight buckets (default 17: the 4.4 MB table stays in cache)
//!   --wikiann        also train on WikiANN-en train (silver labels)
//!   --no-gazetteer   train without gazetteer features
//!   --no-train-entities  leave the training set's own entities out of the gazetteer
//!   --out PATH       where to write the model (default crates/analyze/data/ner/model.bin)
//!   --dry-run        train and report, write nothing
//! ```
//!
//! Trains on CoNLL-2003 `eng.train`, selects the epoch by PER/LOC/ORG F1 on
//! `eng.testa`, fits the confidence temperature on `eng.testa`. Never reads
//! `eng.testb`. The gazetteer is built from the repository's place and
//! knowledge-base tables (`data/gazetteer`, `data/kb`), WikiANN-en entities
//! (all splits) and the `eng.train` entities (jackknifed during training);
//! only hashes of it are stored in the model.

use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax_analyze::ner::conll::{self, AnnotatedDocument};
use parallax_analyze::ner::gazetteer::{kind, Gazetteer};
use parallax_analyze::ner::model::Model;
use parallax_analyze::ner::perceptron::{evaluate, fit_temperature, prepare, shuffled, Perceptron};
use parallax_analyze::ner::{gazetteer_tokens, NerLabel};

struct Options {
    shared: PathBuf,
    epochs: usize,
    bits: u32,
    wikiann: bool,
    gazetteer: bool,
    train_entities: bool,
    out: Option<PathBuf>,
}

fn parse_options() -> Result<Options, String> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let default_shared = std::env::var_os("PARALLAX_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate_dir.join("../../../shared"));
    let mut options = Options {
        shared: default_shared,
        epochs: 20,
        bits: 17,
        wikiann: false,
        gazetteer: true,
        train_entities: true,
        out: Some(crate_dir.join("data/ner/model.bin")),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => options.shared = PathBuf::from(value()?),
            "--epochs" => options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => options.bits = value()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--out" => options.out = Some(PathBuf::from(value()?)),
            "--wikiann" => options.wikiann = true,
            "--no-gazetteer" => options.gazetteer = false,
            "--no-train-entities" => options.train_entities = false,
            "--dry-run" => options.out = None,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !(12..=24).contains(&options.bits) {
        return Err("--bits must be in 12..=24".into());
    }
    Ok(options)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn corpus(path: &Path, sentence_per_document: bool) -> Result<Vec<AnnotatedDocument>, String> {
    Ok(conll::parse(&read(path)?, sentence_per_document))
}

/// Rows of a TSV file without `#` comment lines.
fn tsv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

fn names_in<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split(['|', ','])
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

struct GazetteerBuilder {
    gazetteer: Gazetteer,
    entries: usize,
}

impl GazetteerBuilder {
    fn add(&mut self, name: &str, kinds: u8) {
        let tokens = gazetteer_tokens(name);
        if tokens.is_empty() {
            return;
        }
        self.gazetteer.insert(&tokens, kinds);
        self.entries += 1;
    }

    fn add_person(&mut self, name: &str) {
        self.add(name, kind::PERSON);
        let tokens = gazetteer_tokens(name);
        if tokens.len() >= 2 {
            if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
                self.gazetteer
                    .insert(std::slice::from_ref(first), kind::FIRST_NAME);
                self.gazetteer.insert(std::slice::from_ref(last), kind::SURNAME);
            }
        }
    }
}

fn build_gazetteer(options: &Options) -> Result<Gazetteer, String> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut builder = GazetteerBuilder {
        gazetteer: Gazetteer::default(),
        entries: 0,
    };
    let countries = read(&data.join("gazetteer/countries.tsv"))?;
    for row in tsv_rows(&countries) {
        for name in names_in(row.get(2))
            .chain(names_in(row.get(3)))
            .chain(names_in(row.get(5)))
        {
            builder.add(name, kind::LOCATION);
        }
        for demonym in names_in(row.get(4)) {
            builder.add(demonym, kind::DEMONYM);
        }
    }
    let subdivisions = read(&data.join("gazetteer/subdivisions.tsv"))?;
    for row in tsv_rows(&subdivisions) {
        for name in names_in(row.get(2)) {
            builder.add(name, kind::LOCATION);
        }
    }
    let cities = read(&data.join("gazetteer/cities.tsv"))?;
    for row in tsv_rows(&cities) {
        if let Some(name) = row.get(1) {
            builder.add(name, kind::LOCATION);
        }
    }
    let people = read(&data.join("kb/people.tsv"))?;
    for row in tsv_rows(&people) {
        for name in names_in(row.get(1)).chain(row.get(3).copied().unwrap_or("").split('|')) {
            if !name.trim().is_empty() {
                builder.add_person(name.trim());
            }
        }
    }
    let organizations = read(&data.join("kb/organizations.tsv"))?;
    for row in tsv_rows(&organizations) {
        for name in std::iter::once(row.get(1).copied().unwrap_or(""))
            .chain(row.get(3).copied().unwrap_or("").split('|'))
        {
            if !name.trim().is_empty() {
                builder.add(name.trim(), kind::ORGANIZATION);
            }
        }
    }
    for split in ["train", "dev", "test"] {
        let wikiann = corpus(&options.shared.join("data/ner/wikiann-en").join(split), true)?;
        builder.add_entities(&wikiann);
    }
    eprintln!(
        "external gazetteer: {} entries, {} keys",
        builder.entries,
        builder.gazetteer.len()
    );
    Ok(builder.gazetteer)
}

impl GazetteerBuilder {
    /// Adds the gold entities of annotated documents.
    fn add_entities<'a>(&mut self, documents: impl IntoIterator<Item = &'a AnnotatedDocument>) {
        for sentence in documents.into_iter().flatten() {
            for entity in &sentence.entities {
                let name = sentence.tokens[entity.start..entity.end].join(" ");
                match entity.label {
                    NerLabel::Per => self.add_person(&name),
                    NerLabel::Org => self.add(&name, kind::ORGANIZATION),
                    NerLabel::Loc => self.add(&name, kind::LOCATION),
                    NerLabel::Misc => self.add(&name, kind::MISC),
                }
            }
        }
    }
}

/// The external gazetteer plus the entities of `documents`.
fn with_entities<'a>(
    external: &Gazetteer,
    documents: impl IntoIterator<Item = &'a AnnotatedDocument>,
) -> Gazetteer {
    let mut builder = GazetteerBuilder {
        gazetteer: external.clone(),
        entries: 0,
    };
    builder.add_entities(documents);
    builder.gazetteer
}

fn main() {
    if let Err(error) = run() {
        eprintln!("train_ner: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let options = parse_options()?;
    let conll_dir = options.shared.join("data/ner/conll2003");
    let mut train = corpus(&conll_dir.join("eng.train"), false)?;
    if options.wikiann {
        train.extend(corpus(&options.shared.join("data/ner/wikiann-en/train"), true)?);
    }
    let dev = corpus(&conll_dir.join("eng.testa"), false)?;
    let external = if options.gazetteer {
        build_gazetteer(&options)?
    } else {
        Gazetteer::default()
    };
    // The training entities are in the shipped gazetteer too, but a training
    // document must not find its own entities there (the feature would look
    // perfectly reliable): each half of the training set sees the other
    // half's entities only (two-fold jackknife).
    let (gazetteer, train) = if options.gazetteer && options.train_entities {
        let (even, odd): (Vec<_>, Vec<_>) = train.iter().enumerate().partition(|(i, _)| i % 2 == 0);
        let even: Vec<AnnotatedDocument> = even.into_iter().map(|(_, d)| d.clone()).collect();
        let odd: Vec<AnnotatedDocument> = odd.into_iter().map(|(_, d)| d.clone()).collect();
        let mut prepared = prepare(&even, &with_entities(&external, &odd));
        prepared.extend(prepare(&odd, &with_entities(&external, &even)));
        (with_entities(&external, even.iter().chain(&odd)), prepared)
    } else {
        let prepared = prepare(&train, &external);
        (external, prepared)
    };
    eprintln!("shipped gazetteer: {} keys", gazetteer.len());
    let dev = prepare(&dev, &gazetteer);
    eprintln!("train: {} documents; dev: {} documents", train.len(), dev.len());

    let no_misc = |label: NerLabel| label != NerLabel::Misc;
    let mut perceptron = Perceptron::new(options.bits);
    let mut best: Option<(f64, usize, Vec<f32>)> = None;
    for epoch in 0..options.epochs {
        let started = Instant::now();
        perceptron.train_epoch(&train, &shuffled(train.len(), epoch as u64 + 1));
        let averaged = perceptron.averaged();
        let mut model = Model::quantize(options.bits, &averaged, 1.0, gazetteer.clone());
        let score = evaluate(&mut model, &dev, no_misc);
        let all = evaluate(&mut model, &dev, |_| true);
        eprintln!(
            "epoch {:2}: {} mistakes, dev PER/LOC/ORG P {:.4} R {:.4} F1 {:.4} | all F1 {:.4} ({:.1}s)",
            epoch + 1,
            perceptron.mistakes,
            score.precision(),
            score.recall(),
            score.f1(),
            all.f1(),
            started.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|(f1, _, _)| score.f1() > *f1) {
            best = Some((score.f1(), epoch + 1, averaged));
        } else if best.as_ref().is_some_and(|(_, at, _)| epoch + 1 >= at + 4) {
            eprintln!("no dev improvement for 4 epochs: stopping");
            break;
        }
    }
    let (f1, epoch, weights) = best.ok_or("no epochs run")?;
    let model = Model::quantize(options.bits, &weights, 1.0, gazetteer);
    let temperature = fit_temperature(&model, &dev);
    let mut model = Model::quantize(options.bits, &weights, temperature, model.gazetteer);
    let score = evaluate(&mut model, &dev, no_misc);
    eprintln!(
        "selected epoch {epoch} (dev PER/LOC/ORG F1 {f1:.4}; quantised {:.4}), temperature {temperature:.3}",
        score.f1()
    );
    if let Some(out) = options.out {
        let bytes = model.to_bytes();
        std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        eprintln!("wrote {} ({:.2} MB)", out.display(), bytes.len() as f64 / 1e6);
    }
    Ok(())
}
