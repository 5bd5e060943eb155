//! The data the browser tests look at: the five seed articles (or, where
//! `shared/` is absent, the demo corpus) ingested into a fresh data
//! directory through `parallax-pipeline`, exactly as `parallax ingest`
//! would, and the facts about it that the scenarios check the pages against
//! (taken from the store, never typed in by hand).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use parallax_core::Article;
use parallax_pipeline::{process_batch, relink, store_batch, IngestCounts};
use parallax_store::{SqliteStore, Store};

/// Where the corpus came from.
pub struct Corpus {
    /// The folder ingested.
    pub source: PathBuf,
    /// Number of articles stored.
    pub articles: usize,
    /// The story with the most articles.
    pub largest_story: String,
    /// Its member articles.
    pub largest_story_articles: Vec<String>,
    /// A 200-article story with long names ([`crate::long_story`]).
    pub long_story: String,
    /// Articles with at least one quote attributed to a named speaker, with
    /// those speakers' names.
    pub quoted_speakers: Vec<(String, Vec<String>)>,
    /// Every article's id and body text.
    bodies: Vec<(String, String)>,
}

impl Corpus {
    /// An article whose body contains `spelling` and not `other_spelling`.
    pub fn article_spelling_only(&self, spelling: &str, other_spelling: &str) -> Option<&str> {
        self.bodies
            .iter()
            .find(|(_, body)| body.contains(spelling) && !body.contains(other_spelling))
            .map(|(id, _)| id.as_str())
    }
}

/// The seeds in `shared/data/seeds`, beside the repository (or under
/// `$PARALLAX_SHARED`, as `.ci/run` sets it).
fn seeds_dir() -> PathBuf {
    let shared = match std::env::var_os("PARALLAX_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    shared.join("data/seeds")
}

fn demo_corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

/// Ingests the corpus into the store in `data_dir` and links it.
pub fn ingest(data_dir: &Path) -> anyhow::Result<Corpus> {
    let seeds = seeds_dir();
    let source = match seeds.is_dir() {
        true => seeds,
        false => {
            eprintln!(
                "browser tests: {} is absent; using the demo corpus examples/articles/ instead",
                seeds.display()
            );
            demo_corpus_dir()
        }
    };
    let articles = read_and_process(&source)?;
    let mut store = SqliteStore::open(data_dir).context("opening the test store")?;
    let mut counts = IngestCounts::default();
    store_batch(&mut store, &articles, &mut counts).context("storing the corpus")?;
    let relinked = relink(&mut store).context("linking the corpus into stories")?;
    let Some(largest) = relinked.stories.iter().max_by_key(|story| story.articles.len()) else {
        bail!("the corpus in {} formed no story", source.display());
    };
    crate::long_story::store_long_story(&mut store, &largest.id)?;
    let quoted_speakers = articles
        .iter()
        .filter_map(|article| {
            let speakers = speakers_of(article);
            (!speakers.is_empty()).then(|| (article.id.clone(), speakers))
        })
        .collect();
    Ok(Corpus {
        source,
        articles: store.count()? as usize,
        largest_story: largest.id.clone(),
        largest_story_articles: largest.articles.clone(),
        long_story: crate::long_story::LONG_STORY_ID.to_owned(),
        quoted_speakers,
        bodies: articles.iter().map(|a| (a.id.clone(), a.body.clone())).collect(),
    })
}

/// Every document of `source` through read → extract → analyze → events.
/// Any unreadable document fails the setup: the corpus is known-good.
fn read_and_process(source: &Path) -> anyhow::Result<Vec<Article>> {
    let (inputs, errors) = parallax_read::expand_inputs(&[source.display().to_string()]);
    if let Some(error) = errors.first() {
        bail!("expanding {}: {error}", source.display());
    }
    let mut documents = Vec::new();
    for input in &inputs {
        for document in parallax_read::read_input(input) {
            documents.push(document.with_context(|| format!("reading {}", source.display()))?);
        }
    }
    let articles = process_batch(&documents)
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .context("processing the corpus")?;
    if articles.is_empty() {
        bail!("{} holds no articles", source.display());
    }
    Ok(articles)
}

/// Names of the speakers of an article's quotes, in order, without repeats.
fn speakers_of(article: &Article) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for quote in &article.analysis.quotes {
        if let Some(speaker) = &quote.speaker {
            if !names.contains(&speaker.name) {
                names.push(speaker.name.clone());
            }
        }
    }
    names
}
