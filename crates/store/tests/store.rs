//! Behaviour of the SQLite store: idempotent ingest, revisions, migrations.

use parallax_core::{content_hash, Article, InputFormat, Outlet, PublishedDate, SCHEMA_VERSION};
use parallax_store::{PutOutcome, SqliteStore, Store};

fn article(id: &str, body: &str) -> Article {
    Article {
        schema_version: SCHEMA_VERSION.to_owned(),
        id: id.to_owned(),
        content_hash: content_hash(body),
        source_path: "fixture.txt".to_owned(),
        source_record: None,
        format: InputFormat::Text,
        url: Some(format!("https://example.org/{id}")),
        title: Some(format!("Title {id}")),
        outlet: Outlet {
            name: Some("Example".into()),
            domain: Some("example.org".into()),
            provenance: None,
        },
        authors: vec![],
        agencies: vec![],
        published: PublishedDate::unknown(),
        captured: None,
        language: Some("en".into()),
        body: body.to_owned(),
        paragraphs: vec![],
        removed: vec![],
        flags: vec![],
        warnings: vec![],
        analysis: Default::default(),
    }
}

#[test]
fn same_content_is_a_duplicate_and_changed_content_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    let first = article("aaaa1111", "Original text.");
    assert_eq!(
        store.put_articles(std::slice::from_ref(&first)).unwrap(),
        vec![PutOutcome::New]
    );
    assert_eq!(
        store.put_articles(std::slice::from_ref(&first)).unwrap(),
        vec![PutOutcome::Duplicate]
    );

    let changed = article("aaaa1111", "Corrected text.");
    assert_eq!(
        store.put_articles(std::slice::from_ref(&changed)).unwrap(),
        vec![PutOutcome::Revision(2)]
    );
    // Re-ingesting the first version again is still a duplicate, not a third revision.
    assert_eq!(
        store.put_articles(std::slice::from_ref(&first)).unwrap(),
        vec![PutOutcome::Duplicate]
    );

    assert_eq!(store.count().unwrap(), 1);
    assert_eq!(
        store.article("aaaa1111").unwrap().unwrap().body,
        "Corrected text."
    );
    assert_eq!(
        store.article_revision("aaaa1111", 1).unwrap().unwrap().body,
        "Original text."
    );
    let revisions = store.revisions("aaaa").unwrap();
    assert_eq!(
        revisions.iter().map(|r| r.revision).collect::<Vec<_>>(),
        vec![1, 2]
    );
}

#[test]
fn prefix_lookup_requires_a_unique_prefix_of_four() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    store
        .put_articles(&[article("abcd0001", "One."), article("abcd0002", "Two.")])
        .unwrap();
    assert!(store.article("abc").unwrap().is_none(), "too short");
    assert!(store.article("abcd").unwrap().is_none(), "ambiguous");
    assert_eq!(store.article("abcd0002").unwrap().unwrap().body, "Two.");
    assert_eq!(
        store.article("abcd000_").unwrap(),
        None,
        "LIKE wildcards are escaped"
    );
}

#[test]
fn reopening_keeps_data_and_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        store.put_articles(&[article("ffff0000", "Kept.")]).unwrap();
    }
    let store = SqliteStore::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), parallax_store::SCHEMA_LATEST);
    let mut seen = Vec::new();
    store
        .for_each_article(&mut |a| {
            seen.push(a.id);
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, vec!["ffff0000".to_owned()]);
}

#[test]
fn open_existing_refuses_an_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    let err = SqliteStore::open_existing(dir.path()).err().expect("must refuse");
    assert!(err.to_string().contains("no Parallax store"), "{err}");
}

fn story(id: &str, articles: &[&str], report: &str) -> parallax_store::StoryRecord {
    parallax_store::StoryRecord {
        id: id.into(),
        title: Some(format!("story {id}")),
        articles: articles.iter().map(|a| a.to_string()).collect(),
        outlets: vec!["Outlet A".into(), "Outlet B".into()],
        first_published: Some("2025-09-03".into()),
        last_published: Some("2025-09-05".into()),
        report: report.into(),
    }
}

#[test]
fn stories_are_replaced_as_a_set_and_found_by_prefix_and_member() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    store
        .replace_stories(&[
            story("aaaa1111", &["a1", "a2"], "{\"v\":1}"),
            story("bbbb2222", &["b1"], "{}"),
        ])
        .unwrap();
    assert_eq!(store.story_ids().unwrap(), vec!["aaaa1111", "bbbb2222"]);
    let listed = store.stories().unwrap();
    assert_eq!(listed[0].id, "aaaa1111", "largest story first");
    assert_eq!(listed[0].article_count, 2);
    assert_eq!(listed[0].outlets, vec!["Outlet A", "Outlet B"]);
    let found = store.story("aaaa").unwrap().unwrap();
    assert_eq!(found.articles, vec!["a1", "a2"]);
    assert_eq!(found.report, "{\"v\":1}");
    assert_eq!(store.stories_of_article("a2").unwrap(), vec!["aaaa1111"]);

    // A new linking: a2 moved into a new story with b1; the old ones go.
    store
        .replace_stories(&[
            story("aaaa1111", &["a1"], "{\"v\":2}"),
            story("cccc3333", &["a2", "b1"], "{}"),
        ])
        .unwrap();
    assert_eq!(store.story_ids().unwrap(), vec!["aaaa1111", "cccc3333"]);
    assert_eq!(store.stories_of_article("a2").unwrap(), vec!["cccc3333"]);
    assert_eq!(store.story("aaaa1111").unwrap().unwrap().report, "{\"v\":2}");
    assert!(store.story("bbbb2222").unwrap().is_none());
    assert!(
        store.story("zz").unwrap().is_none(),
        "too short a prefix finds nothing"
    );
}
