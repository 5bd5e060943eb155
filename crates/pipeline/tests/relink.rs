//! The relink as the CLI and the server run it, on a real SQLite store in a
//! temporary directory: the saved link state is resumed and can be thrown
//! away, a linker kept in memory gives what a fresh one gives, only the
//! stories an ingest touched are assembled and written, a vanished story id
//! points at the story its articles went to, and the stored stories do not
//! depend on the order articles were ingested in. The texts are the link
//! crate's fixtures, shared rather than copied.

use parallax_core::{Hints, InputFormat, Origin, SourceDocument, SourceKind};
use parallax_pipeline::{process_document, relink, store_batch, IngestCounts, Linker, LINK_STATE_FILE};
use parallax_store::{SqliteStore, Store};

const BUDGET: &str = include_str!("../../link/tests/fixtures/budget.txt");

const BUDGET_OTHER: &str = include_str!("../../link/tests/fixtures/budget-other.txt");

const FLOOD: &str = include_str!("../../link/tests/fixtures/flood.txt");

const TRADE: &str = include_str!("../../link/tests/fixtures/trade.txt");

/// One scraped-text article with a URL (so its id is stable) and a date.
fn document(slug: &str, title: &str, body: &str) -> SourceDocument {
    SourceDocument {
        origin: Origin {
            path: format!("{slug}.txt"),
            record: None,
        },
        format: InputFormat::Text,
        kind: SourceKind::Text,
        content: body.to_owned(),
        hints: Hints {
            title: Some(title.to_owned()),
            url: Some(format!("https://news.example/{slug}")),
            ..Default::default()
        },
        warnings: Vec::new(),
    }
}

fn corpus() -> Vec<SourceDocument> {
    vec![
        document("budget", "Alvarez signs state budget", BUDGET),
        document("budget-other", "Budget standoff ends", BUDGET_OTHER),
        document(
            "budget-copy",
            "UPDATE: Alvarez signs budget",
            &BUDGET.replace("Tuesday", "Tuesday night"),
        ),
        document("flood", "Millbrook flooded", FLOOD),
        document("trade", "EU and China discuss tariffs", TRADE),
    ]
}

fn ingest(store: &mut SqliteStore, docs: &[SourceDocument]) {
    let articles: Vec<_> = docs
        .iter()
        .map(|d| process_document(d).expect("fixture processes"))
        .collect();
    store_batch(store, &articles, &mut IngestCounts::default()).expect("store batch");
}

/// Every stored story as (id, members, report).
fn stored(store: &SqliteStore) -> Vec<(String, Vec<String>, String)> {
    store
        .story_ids()
        .unwrap()
        .into_iter()
        .map(|id| {
            let record = store.story(&id).unwrap().expect("listed story exists");
            (id, record.articles, record.report)
        })
        .collect()
}

#[test]
fn second_relink_reuses_every_entry_and_assembles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    ingest(&mut store, &corpus());
    let first = relink(&mut store).unwrap();
    assert_eq!((first.entries_reused, first.entries_computed), (0, 5));
    assert_eq!(first.assembled.len(), first.stories.len());
    assert!(dir.path().join(LINK_STATE_FILE).exists());
    // The copy and the other budget report join one story.
    assert!(first.stories.iter().any(|s| s.articles.len() == 3));
    let before = stored(&store);

    let second = relink(&mut store).unwrap();
    assert_eq!((second.entries_reused, second.entries_computed), (5, 0));
    assert!(second.assembled.is_empty() && second.dropped.is_empty());
    assert_eq!(second.stories, first.stories);
    assert_eq!(stored(&store), before);
}

#[test]
fn unusable_state_is_rebuilt_with_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    ingest(&mut store, &corpus());
    let first = relink(&mut store).unwrap();
    let cache = dir.path().join(LINK_STATE_FILE);
    let bytes = std::fs::read(&cache).unwrap();
    let mut flipped = bytes.clone();
    let last = flipped.len() - 40;
    flipped[last] ^= 0x55;
    for damaged in [
        b"not a cache".to_vec(),
        bytes[..bytes.len() / 2].to_vec(),
        flipped,
    ] {
        std::fs::write(&cache, damaged).unwrap();
        let again = relink(&mut store).unwrap();
        assert_eq!((again.entries_reused, again.entries_computed), (0, 5));
        assert_eq!(again.stories, first.stories);
    }
}

#[test]
fn a_new_article_rewrites_only_its_story() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    let docs = corpus();
    ingest(&mut store, &docs[..4]);
    let before = relink(&mut store).unwrap();
    ingest(&mut store, &docs[4..]);
    let after = relink(&mut store).unwrap();
    assert_eq!((after.entries_reused, after.entries_computed), (4, 1));
    // The trade report stands alone: one new story, nothing dropped, and
    // the budget and flood stories are left as they were.
    assert_eq!(after.assembled.len(), 1);
    assert!(after.dropped.is_empty());
    assert_eq!(after.stories.len(), before.stories.len() + 1);
}

#[test]
fn ingestion_order_does_not_change_stored_stories() {
    let docs = corpus();
    let forward = tempfile::tempdir().unwrap();
    let mut a = SqliteStore::open(forward.path()).unwrap();
    for doc in &docs {
        ingest(&mut a, std::slice::from_ref(doc));
        relink(&mut a).unwrap();
    }
    let backward = tempfile::tempdir().unwrap();
    let mut b = SqliteStore::open(backward.path()).unwrap();
    let reversed: Vec<_> = docs.iter().rev().cloned().collect();
    ingest(&mut b, &reversed[..2]);
    relink(&mut b).unwrap();
    ingest(&mut b, &reversed[2..]);
    relink(&mut b).unwrap();
    assert_eq!(stored(&a), stored(&b));
}

#[test]
fn a_kept_linker_links_like_a_fresh_relink() {
    let docs = corpus();
    let kept_dir = tempfile::tempdir().unwrap();
    let mut kept_store = SqliteStore::open(kept_dir.path()).unwrap();
    let mut linker = Linker::new();
    for doc in &docs {
        ingest(&mut kept_store, std::slice::from_ref(doc));
        let relinked = linker.relink(&mut kept_store).unwrap();
        assert_eq!(relinked.entries_computed, 1, "only the new article is read");
    }
    let fresh_dir = tempfile::tempdir().unwrap();
    let mut fresh_store = SqliteStore::open(fresh_dir.path()).unwrap();
    ingest(&mut fresh_store, &docs);
    relink(&mut fresh_store).unwrap();
    assert_eq!(stored(&kept_store), stored(&fresh_store));
}

#[test]
fn a_story_that_grows_keeps_its_old_id_resolvable() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    let docs = corpus();
    ingest(&mut store, &docs[..1]);
    let before = relink(&mut store).unwrap();
    let budget_alone = before.stories[0].id.clone();
    ingest(&mut store, &docs[1..3]);
    let after = relink(&mut store).unwrap();
    assert_eq!(after.dropped, vec![budget_alone.clone()]);
    assert!(store.story(&budget_alone).unwrap().is_none());
    let moved = store
        .story_moved_to(&budget_alone)
        .unwrap()
        .expect("recorded as moved");
    let grown = store
        .story(&moved)
        .unwrap()
        .expect("the story it moved to exists");
    assert_eq!(grown.articles.len(), 3);
}

#[test]
fn a_revised_article_is_relinked_from_its_new_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    let docs = corpus();
    ingest(&mut store, &docs);
    let first = relink(&mut store).unwrap();
    // The copy is revised into an unrelated text: it leaves the budget story.
    let revised = document("budget-copy", "UPDATE: Alvarez signs budget", TRADE);
    ingest(&mut store, &[revised]);
    let second = relink(&mut store).unwrap();
    assert_eq!((second.entries_removed, second.entries_computed), (1, 1));
    let budget = |r: &parallax_pipeline::Relinked| r.stories.iter().map(|s| s.articles.len()).max();
    assert_eq!(budget(&first), Some(3));
    assert_eq!(budget(&second), Some(2));
    // A fresh relink from nothing agrees.
    std::fs::remove_file(dir.path().join(LINK_STATE_FILE)).unwrap();
    let fresh = relink(&mut store).unwrap();
    assert_eq!(fresh.stories, second.stories);
}
