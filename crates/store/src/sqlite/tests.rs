//! The index tables and listings on small hand-built stores: backfill of a
//! schema-2 database, revisions replacing rows, spellings per outlet,
//! filters, pagination totals and unknown keys.

use parallax_core::{content_hash, Article};
use rusqlite::{params, Connection};
use serde_json::json;

use super::{SqliteStore, DATABASE_FILE};
use crate::migrations;
use crate::{ArticleFilter, EventFilter, QuoteFilter, Store, StoryFilter, StoryRecord};

/// An entity mention in a fixture: the surface as written (its first
/// occurrence in the body not yet used), key, canonical name, form.
struct Mention<'a>(&'a str, &'a str, &'a str, &'a str);

/// A fixture article: `mentions` are found in `body` left to right;
/// `quotes` are (text, speaker key); `events` are (CAMEO code, source key,
/// target key).
struct Fixture<'a> {
    id: &'a str,
    outlet: &'a str,
    published: Option<&'a str>,
    body: &'a str,
    mentions: &'a [Mention<'a>],
    quotes: &'a [(&'a str, Option<&'a str>)],
    events: &'a [(&'a str, Option<&'a str>, Option<&'a str>)],
}

impl Fixture<'_> {
    fn build(&self) -> Article {
        let mut from = 0;
        let entities: Vec<_> = self
            .mentions
            .iter()
            .map(|Mention(surface, key, canonical, form)| {
                let start = from + self.body[from..].find(surface).expect("fixture mention in body");
                from = start + surface.len();
                json!({"span": [start, start + surface.len()], "type": "person", "key": key,
                       "canonical": canonical, "kb_id": null, "form": form, "entity": 0, "confidence": 1.0})
            })
            .collect();
        let quotes: Vec<_> = self
            .quotes
            .iter()
            .map(|(text, speaker)| {
                let start = self.body.find(text).expect("fixture quote in body");
                json!({"text": text, "span": [start, start + text.len()], "kind": "direct",
                       "speaker": speaker.map(|key| json!({"name": key, "key": key, "span": [0, 1]})),
                       "source": null, "cue": null, "confidence": 1.0})
            })
            .collect();
        let actor = |key: &Option<&str>| {
            key.map(|key| {
                json!({"text": key, "span": [0, 1], "name": key, "key": key, "code": "UKRGOV",
                                  "country": "UKR", "role": "GOV"})
            })
        };
        let events: Vec<_> = self
            .events
            .iter()
            .map(|(code, source, target)| {
                json!({"span": [0, self.body.len()], "trigger": [0, 1], "source": actor(source),
                       "target": actor(target),
                       "cameo": {"code": code, "base": &code[..3], "root": &code[..2], "quad_class": 1, "goldstein": 1.0},
                       "plover": {"event_type": "CONSULT", "mode": null, "context": []},
                       "modality": "asserted", "reported": false, "date": null, "place": null, "confidence": 1.0})
            })
            .collect();
        serde_json::from_value(json!({
            "schema_version": "1.2", "id": self.id, "content_hash": content_hash(self.body),
            "source_path": "fixture.txt", "source_record": null, "format": "text",
            "url": format!("https://example.org/{}", self.id), "title": format!("Title {}", self.id),
            "outlet": {"name": self.outlet, "domain": null, "provenance": null},
            "authors": [], "agencies": [],
            "published": {"date": self.published, "precision": null, "provenance": null},
            "captured": null, "language": "en", "body": self.body, "paragraphs": [], "removed": [],
            "flags": [], "warnings": [], "entities": entities, "quotes": quotes, "events": events
        }))
        .expect("fixture article")
    }
}

const SYBIHA: &str = "person:sybiha-andrii";
const LAVROV: &str = "person:lavrov-sergey";

/// Three articles by two outlets spelling one minister two ways.
fn sybiha_articles() -> Vec<Article> {
    vec![
        Fixture {
            id: "kyiv0001",
            outlet: "Kyiv Post",
            published: Some("2025-03-01"),
            body: "Sybiha met Lavrov. \"We will talk,\" Sybiha said. He left.",
            mentions: &[
                Mention("Sybiha", SYBIHA, "Andrii Sybiha", "name"),
                Mention("Lavrov", LAVROV, "Sergey Lavrov", "name"),
                Mention("Sybiha", SYBIHA, "Andrii Sybiha", "name"),
                Mention("He", SYBIHA, "Andrii Sybiha", "pronoun"),
            ],
            quotes: &[("We will talk,", Some(SYBIHA))],
            events: &[("040", Some(SYBIHA), Some(LAVROV))],
        }
        .build(),
        Fixture {
            id: "tass0001",
            outlet: "TASS",
            published: Some("2025-03-02"),
            body: "Sybiga arrived. The minister spoke with Lavrov.",
            mentions: &[
                Mention("Sybiga", SYBIHA, "Andrii Sybiga", "name"),
                Mention("The minister", SYBIHA, "Andrii Sybiga", "title"),
                Mention("Lavrov", LAVROV, "Sergey Lavrov", "name"),
            ],
            quotes: &[("arrived", Some(LAVROV))],
            events: &[("190", Some(LAVROV), None), ("036", None, Some(SYBIHA))],
        }
        .build(),
        Fixture {
            id: "kyiv0002",
            outlet: "Kyiv Post",
            published: Some("2025-02-20"),
            body: "Sybiha warned.",
            mentions: &[Mention("Sybiha", SYBIHA, "Andrii Sybiha", "name")],
            quotes: &[],
            events: &[],
        }
        .build(),
    ]
}

fn store_with(articles: &[Article]) -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    store.put_articles(articles).unwrap();
    (dir, store)
}

fn spellings(store: &SqliteStore, key: &str) -> Vec<(String, Option<String>, u64, u64)> {
    store
        .entity(key)
        .unwrap()
        .expect("entity stored")
        .spellings
        .into_iter()
        .map(|s| (s.surface, s.outlet, s.articles, s.mentions))
        .collect()
}

fn owned(surface: &str, outlet: &str, articles: u64, mentions: u64) -> (String, Option<String>, u64, u64) {
    (surface.to_owned(), Some(outlet.to_owned()), articles, mentions)
}

#[test]
fn entity_groups_spellings_by_outlet_and_lists_articles_newest_first() {
    let (_dir, store) = store_with(&sybiha_articles());
    let record = store.entity(SYBIHA).unwrap().expect("entity stored");
    assert_eq!(record.name, "Andrii Sybiha", "canonical name of most articles");
    assert_eq!(record.entity_type, "person");
    assert_eq!(record.article_count, 3);
    assert_eq!(record.mention_count, 5, "names and titles, not the pronoun");
    assert_eq!(record.articles, vec!["tass0001", "kyiv0001", "kyiv0002"]);
    assert_eq!(
        spellings(&store, SYBIHA),
        vec![
            owned("Sybiha", "Kyiv Post", 2, 3),
            owned("Sybiga", "TASS", 1, 1),
            owned("The minister", "TASS", 1, 1),
        ]
    );
}

#[test]
fn unknown_keys_and_ids_give_none_or_empty_pages() {
    let (_dir, store) = store_with(&sybiha_articles());
    assert!(store.entity("person:nobody").unwrap().is_none());
    let quotes = QuoteFilter {
        speaker_key: Some("person:nobody".into()),
        article: None,
    };
    assert_eq!(store.quotes_page(&quotes, 0, 10).unwrap().total, 0);
    let events = EventFilter {
        article: Some("missing0".into()),
        ..Default::default()
    };
    assert_eq!(store.events_page(&events, 0, 10).unwrap().total, 0);
}

#[test]
fn a_revision_replaces_the_articles_index_rows() {
    let mut articles = sybiha_articles();
    let (_dir, mut store) = store_with(&articles);
    // TASS corrects its article: new spelling, the quote and Lavrov gone.
    articles[1] = Fixture {
        id: "tass0001",
        outlet: "TASS",
        published: Some("2025-03-03"),
        body: "Sybiha arrived.",
        mentions: &[Mention("Sybiha", SYBIHA, "Andrii Sybiha", "name")],
        quotes: &[],
        events: &[("051", Some(SYBIHA), None)],
    }
    .build();
    let outcomes = store.put_articles(&articles[1..2]).unwrap();
    assert_eq!(outcomes, vec![crate::PutOutcome::Revision(2)]);

    assert_eq!(
        spellings(&store, SYBIHA),
        vec![owned("Sybiha", "Kyiv Post", 2, 3), owned("Sybiha", "TASS", 1, 1)]
    );
    let record = store.entity(SYBIHA).unwrap().unwrap();
    assert_eq!((record.article_count, record.mention_count), (3, 4));
    let lavrov = store.entity(LAVROV).unwrap().unwrap();
    assert_eq!(
        lavrov.article_count, 1,
        "only the Kyiv Post article still names him"
    );
    assert_eq!(lavrov.spellings.len(), 1);

    let tass_quotes = QuoteFilter {
        speaker_key: None,
        article: Some("tass0001".into()),
    };
    assert_eq!(store.quotes_page(&tass_quotes, 0, 10).unwrap().total, 0);
    assert_eq!(
        store.quotes_page(&QuoteFilter::default(), 0, 10).unwrap().total,
        1
    );
    assert_eq!(
        store.events_page(&EventFilter::default(), 0, 10).unwrap().total,
        2
    );
    let lavrov_events = EventFilter {
        actor_key: Some(LAVROV.into()),
        ..Default::default()
    };
    assert_eq!(store.events_page(&lavrov_events, 0, 10).unwrap().total, 1);
    let tass_events = EventFilter {
        article: Some("tass0001".into()),
        ..Default::default()
    };
    let events = store.events_page(&tass_events, 0, 10).unwrap();
    assert_eq!(events.total, 1);
    assert_eq!(events.items[0].event.cameo.code, "051");
    assert_eq!(events.items[0].published.as_deref(), Some("2025-03-03"));
}

#[test]
fn an_entity_no_article_mentions_any_more_disappears() {
    let first = Fixture {
        id: "solo0001",
        outlet: "Example",
        published: None,
        body: "Lavrov spoke.",
        mentions: &[Mention("Lavrov", LAVROV, "Sergey Lavrov", "name")],
        quotes: &[],
        events: &[],
    };
    let (_dir, mut store) = store_with(&[first.build()]);
    assert!(store.entity(LAVROV).unwrap().is_some());
    let revised = Fixture {
        body: "Nobody spoke.",
        mentions: &[],
        ..first
    };
    store.put_articles(&[revised.build()]).unwrap();
    assert!(store.entity(LAVROV).unwrap().is_none());
    assert_eq!(store.entities_page(None, 0, 10).unwrap().total, 0);
}

#[test]
fn quotes_and_events_filter_by_speaker_actor_root_and_article() {
    let (_dir, store) = store_with(&sybiha_articles());
    let by_sybiha = QuoteFilter {
        speaker_key: Some(SYBIHA.into()),
        article: None,
    };
    let page = store.quotes_page(&by_sybiha, 0, 10).unwrap();
    assert_eq!(page.total, 1);
    let row = &page.items[0];
    assert_eq!(
        (row.article.as_str(), row.outlet.as_deref(), row.index),
        ("kyiv0001", Some("Kyiv Post"), 0)
    );
    assert_eq!(row.quote.text, "We will talk,");
    assert_eq!(
        store.quotes_page(&QuoteFilter::default(), 0, 10).unwrap().total,
        2
    );

    let actor = |key: &str| EventFilter {
        actor_key: Some(key.into()),
        ..Default::default()
    };
    // Sybiha is source in kyiv0001 and target in tass0001: newest first.
    let sybiha_events = store.events_page(&actor(SYBIHA), 0, 10).unwrap();
    let found: Vec<(&str, usize)> = sybiha_events
        .items
        .iter()
        .map(|e| (e.article.as_str(), e.index))
        .collect();
    assert_eq!(found, vec![("tass0001", 1), ("kyiv0001", 0)]);
    let threats = EventFilter {
        cameo_root: Some("19".into()),
        ..Default::default()
    };
    let page = store.events_page(&threats, 0, 10).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].event.cameo.code, "190");
    let both = EventFilter {
        actor_key: Some(LAVROV.into()),
        cameo_root: Some("04".into()),
        article: Some("kyiv0001".into()),
    };
    assert_eq!(store.events_page(&both, 0, 10).unwrap().total, 1);
}

#[test]
fn articles_page_filters_by_outlet_and_counts_every_page() {
    let (_dir, store) = store_with(&sybiha_articles());
    let all = store.articles_page(&ArticleFilter::default(), 0, 2).unwrap();
    assert_eq!(all.total, 3);
    let ids: Vec<&str> = all.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["tass0001", "kyiv0001"], "newest first");
    let rest = store.articles_page(&ArticleFilter::default(), 2, 2).unwrap();
    assert_eq!((rest.total, rest.offset, rest.items.len()), (3, 2, 1));
    assert_eq!(rest.items[0].id, "kyiv0002");
    let past_end = store.articles_page(&ArticleFilter::default(), 10, 2).unwrap();
    assert_eq!((past_end.total, past_end.items.len()), (3, 0));
    let kyiv = ArticleFilter {
        outlet: Some("Kyiv Post".into()),
    };
    let page = store.articles_page(&kyiv, 0, 10).unwrap();
    assert_eq!(page.total, 2);
    assert!(page
        .items
        .iter()
        .all(|a| a.outlet.as_deref() == Some("Kyiv Post")));
}

#[test]
fn entities_page_searches_names_and_spellings_case_insensitively() {
    let (_dir, store) = store_with(&sybiha_articles());
    let all = store.entities_page(None, 0, 10).unwrap();
    let keys: Vec<&str> = all.items.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, vec![SYBIHA, LAVROV], "most articles first");
    // "sybiga" is only a surface form, never the canonical name of most articles.
    let page = store.entities_page(Some("SYBIGA"), 0, 10).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].name, "Andrii Sybiha");
    assert_eq!(store.entities_page(Some("minister"), 0, 10).unwrap().total, 1);
    assert_eq!(store.entities_page(Some("zzz"), 0, 10).unwrap().total, 0);
    let second = store.entities_page(None, 1, 1).unwrap();
    assert_eq!((second.total, second.items[0].key.as_str()), (2, LAVROV));
}

fn story(id: &str, title: &str, articles: &[&str], outlets: &[&str], last: &str) -> StoryRecord {
    StoryRecord {
        id: id.to_owned(),
        title: Some(title.to_owned()),
        articles: articles.iter().map(|a| a.to_string()).collect(),
        outlets: outlets.iter().map(|o| o.to_string()).collect(),
        first_published: Some("2025-01-01".to_owned()),
        last_published: Some(last.to_owned()),
        report: "{}".to_owned(),
    }
}

#[test]
fn stories_page_keeps_the_listing_order_and_filters_text_and_size() {
    let (_dir, mut store) = store_with(&[]);
    store
        .replace_stories(&[
            story("s1", "Talks in Riyadh", &["a", "b"], &["TASS"], "2025-03-01"),
            story(
                "s2",
                "Drone attack on Kyiv",
                &["c", "d", "e"],
                &["Kyiv Post"],
                "2025-02-01",
            ),
            story("s3", "Ceasefire talks", &["f", "g"], &["Reuters"], "2025-03-05"),
            story("s4", "Grain deal", &["h"], &["Reuters"], "2025-03-09"),
        ])
        .unwrap();
    let listed: Vec<String> = store.stories().unwrap().into_iter().map(|s| s.id).collect();
    let paged: Vec<String> = store
        .stories_page(&StoryFilter::default(), 0, 10)
        .unwrap()
        .items
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(paged, listed);
    assert_eq!(paged, vec!["s2", "s3", "s1", "s4"]);

    let talks = StoryFilter {
        text: Some("TALKS".into()),
        min_articles: 0,
    };
    let page = store.stories_page(&talks, 0, 1).unwrap();
    assert_eq!((page.total, page.items[0].id.as_str()), (2, "s3"));
    let reuters_pairs = StoryFilter {
        text: Some("reuters".into()),
        min_articles: 2,
    };
    let page = store.stories_page(&reuters_pairs, 0, 10).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].id, "s3");
    let literal = StoryFilter {
        text: Some("%".into()),
        min_articles: 0,
    };
    assert_eq!(
        store.stories_page(&literal, 0, 10).unwrap().total,
        0,
        "% is no wildcard"
    );
}

#[test]
fn a_schema_2_database_is_indexed_when_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let articles = sybiha_articles();
    {
        let mut conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
        migrations::migrate_to(&mut conn, 2).unwrap();
        for (revision, article) in [(1, &articles[0]), (1, &articles[1]), (2, &articles[2])] {
            conn.execute(
                "INSERT INTO articles (id, url, title, outlet, published, source_path, current_revision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    article.id,
                    article.url,
                    article.title,
                    article.outlet.name,
                    article.published.date,
                    article.source_path,
                    revision
                ],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO revisions (article_id, revision, content_hash, stored_at, json)
                 VALUES (?1, ?2, ?3, '2025-01-01T00:00:00Z', ?4)",
                params![
                    article.id,
                    revision,
                    article.content_hash,
                    serde_json::to_string(article).unwrap()
                ],
            )
            .unwrap();
        }
        // kyiv0002's first revision named Lavrov: superseded, so not indexed.
        let old = Fixture {
            id: "kyiv0002",
            outlet: "Kyiv Post",
            published: Some("2025-02-20"),
            body: "Lavrov warned.",
            mentions: &[Mention("Lavrov", LAVROV, "Sergey Lavrov", "name")],
            quotes: &[],
            events: &[],
        }
        .build();
        conn.execute(
            "INSERT INTO revisions (article_id, revision, content_hash, stored_at, json)
             VALUES (?1, 1, ?2, '2025-01-01T00:00:00Z', ?3)",
            params![old.id, old.content_hash, serde_json::to_string(&old).unwrap()],
        )
        .unwrap();
        // An article whose JSON is unreadable is left out, not fatal.
        conn.execute_batch(
            "INSERT INTO articles (id, url, title, outlet, published, source_path, current_revision)
               VALUES ('broken01', NULL, NULL, NULL, NULL, 'x', 1);
             INSERT INTO revisions (article_id, revision, content_hash, stored_at, json)
               VALUES ('broken01', 1, 'h', '2025-01-01T00:00:00Z', '{not json');",
        )
        .unwrap();
    }
    let store = SqliteStore::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    let sybiha = store.entity(SYBIHA).unwrap().expect("backfilled");
    assert_eq!((sybiha.article_count, sybiha.mention_count), (3, 5));
    let lavrov = store.entity(LAVROV).unwrap().expect("backfilled");
    assert_eq!(lavrov.article_count, 2, "current revisions only");
    assert_eq!(
        store.quotes_page(&QuoteFilter::default(), 0, 10).unwrap().total,
        2
    );
    assert_eq!(
        store.events_page(&EventFilter::default(), 0, 10).unwrap().total,
        3
    );
    assert_eq!(
        store
            .articles_page(&ArticleFilter::default(), 0, 10)
            .unwrap()
            .total,
        4
    );
}
