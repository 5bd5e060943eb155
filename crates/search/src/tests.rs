//! End-to-end tests of the index on small hand-written articles: ranking,
//! snippets, expansion in both directions, filters, facets, sync and
//! recovery from a broken index directory.

use parallax_core::{Article, PublishedDate};
use parallax_store::{SqliteStore, Store};

use crate::{HitKind, SearchError, SearchIndex, SearchKind, SearchQuery, SearchResults};

const SYBIHA: &str = "person:sybiha-andrii";

fn article(id: &str, outlet: &str, date: &str, title: &str, body: &str) -> Article {
    let mut article = parallax_analyze::article_from_text(id, body, PublishedDate::unknown());
    article.published.date = Some(date.to_owned());
    article.outlet.name = Some(outlet.to_owned());
    article.title = Some(title.to_owned());
    parallax_analyze::annotate(&mut article);
    article.analysis.events = parallax_events::code_events(&article);
    article
}

/// Writes "Sybiha" only.
fn kyiv_independent() -> Article {
    article(
        "a-sybiha",
        "Kyiv Independent",
        "2025-06-04",
        "Sybiha says Istanbul talks will resume",
        "Ukrainian Foreign Minister Andrii Sybiha said on Tuesday that the peace talks in Istanbul would resume next week.\n\n\
         \"We are ready for a real ceasefire,\" Sybiha told reporters in Kyiv.",
    )
}

/// Writes "Sybiga" only.
fn reuters() -> Article {
    article(
        "b-sybiga",
        "Reuters",
        "2025-07-10",
        "Russia strikes Kyiv overnight",
        "Russia launched dozens of drones and missiles at Kyiv overnight, killing three people, officials said.\n\n\
         Foreign Minister Andrii Sybiga called on allies to send more air defence systems.",
    )
}

/// Unrelated to both.
fn bbc() -> Article {
    article(
        "c-weather",
        "BBC",
        "2024-01-02",
        "A sunny weekend ahead",
        "Forecasters said the weekend would be sunny and warm across the south of England.\n\n\
         Farmers told us the rain had been nice for the fields after a dry autumn.",
    )
}

fn corpus() -> Vec<Article> {
    vec![kyiv_independent(), reuters(), bbc()]
}

fn indexed(articles: &[Article]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    index.index_articles(articles).unwrap();
    (dir, index)
}

/// `text` searched in one kind of document.
fn of_kind(kind: SearchKind, text: &str) -> SearchQuery {
    SearchQuery {
        kind,
        ..SearchQuery::text(text)
    }
}

fn run(index: &SearchIndex, query: SearchQuery) -> SearchResults {
    index.search(&query).unwrap_or_else(|e| panic!("{query:?}: {e}"))
}

fn article_ids(results: &SearchResults) -> Vec<&str> {
    results
        .hits
        .iter()
        .filter(|h| h.kind == HitKind::Article)
        .map(|h| h.article.as_str())
        .collect()
}

fn highlighted(hit: &crate::SearchHit) -> Vec<&str> {
    hit.highlights.iter().map(|[s, e]| &hit.snippet[*s..*e]).collect()
}

#[test]
fn best_match_ranks_first_and_its_snippet_highlights_the_words() {
    let (_dir, index) = indexed(&corpus());
    let results = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("Istanbul talks")
        },
    );
    assert_eq!(article_ids(&results), vec!["a-sybiha"]);
    let words = highlighted(&results.hits[0]);
    assert!(
        words.contains(&"Istanbul") && words.contains(&"talks"),
        "{words:?}"
    );
    assert!(!results.relaxed);

    // "drones" appears only in the Reuters body; "Kyiv" in two articles,
    // in the Reuters title too, which weighs more.
    let results = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("Kyiv")
        },
    );
    assert_eq!(article_ids(&results), vec!["b-sybiga", "a-sybiha"]);
    assert!(results.hits[0].score > results.hits[1].score);
}

#[test]
fn stems_and_case_are_ignored() {
    let (_dir, index) = indexed(&corpus());
    let results = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("DRONE strike")
        },
    );
    assert_eq!(article_ids(&results), vec!["b-sybiga"]);
}

#[test]
fn a_spelling_finds_the_article_using_the_other_one() {
    let (_dir, index) = indexed(&corpus());
    for (typed, other_article, other_spelling) in
        [("Sybiha", "b-sybiga", "Sybiga"), ("Sybiga", "a-sybiha", "Sybiha")]
    {
        let results = run(
            &index,
            SearchQuery {
                kind: SearchKind::Articles,
                ..SearchQuery::text(typed)
            },
        );
        let ids = article_ids(&results);
        assert!(ids.contains(&other_article), "{typed}: {ids:?}");
        assert_eq!(ids.len(), 2, "{typed}: {ids:?}");
        assert_eq!(results.expanded.len(), 1, "{typed}");
        assert_eq!(results.expanded[0].key, SYBIHA);
        assert_eq!(results.expanded[0].word, typed);
        assert_ne!(
            results.hits[0].article, other_article,
            "{typed}: the typed spelling ranks first"
        );
        let hit = results.hits.iter().find(|h| h.article == other_article).unwrap();
        assert!(
            highlighted(hit).contains(&other_spelling),
            "{typed}: {:?} in {}",
            hit.highlights,
            hit.snippet
        );
    }
}

#[test]
fn a_match_through_the_key_alone_ranks_below_text_matches() {
    let (_dir, index) = indexed(&corpus());
    // The quote's only tie to "Sybiha" is its speaker's key.
    let results = run(&index, SearchQuery::text("Sybiga"));
    assert_eq!(results.hits[0].kind, HitKind::Article);
    assert_eq!(results.hits[0].article, "b-sybiga");
    let quote = results
        .hits
        .iter()
        .find(|h| h.kind == HitKind::Quote)
        .expect("his quote matches too");
    assert!(quote.score < results.hits[0].score);
}

#[test]
fn ordinary_words_are_not_expanded() {
    let (_dir, index) = indexed(&corpus());
    for word in ["us", "said", "the", "weekend"] {
        let results = run(&index, SearchQuery::text(word));
        assert!(results.expanded.is_empty(), "{word}: {:?}", results.expanded);
    }
    // "us" matches the text only: the article saying "told us".
    let results = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("us")
        },
    );
    assert_eq!(article_ids(&results), vec!["c-weather"]);
}

#[test]
fn quotes_are_documents_with_speaker_and_span() {
    let articles = corpus();
    let (_dir, index) = indexed(&articles);
    let results = run(
        &index,
        SearchQuery {
            kind: SearchKind::Quotes,
            ..SearchQuery::text("ceasefire")
        },
    );
    assert_eq!(results.total, 1, "{:?}", results.hits);
    let hit = &results.hits[0];
    assert_eq!(hit.kind, HitKind::Quote);
    assert_eq!(hit.article, "a-sybiha");
    assert_eq!(hit.speaker.as_deref(), Some("Andrii Sybiha"));
    let span = hit.span.expect("a quote has a span");
    let quoted = span.slice(&articles[0].body).unwrap();
    assert!(quoted.contains("real ceasefire"), "{quoted}");
    assert!(highlighted(hit).contains(&"ceasefire"));
    // Without a kind filter both the article and its quote match.
    let results = run(&index, SearchQuery::text("ceasefire"));
    assert_eq!(results.total, 2);
}

#[test]
fn a_quote_matches_by_its_words_and_speaker_not_its_article_headline() {
    let (_dir, index) = indexed(&corpus());
    let quotes = |text: &str| of_kind(SearchKind::Quotes, text);
    // "ahead" is only in the headline of the weather article: the article
    // matches, its quotes (the forecasters', the farmers') do not.
    assert_eq!(run(&index, SearchQuery::text("ahead")).total, 1);
    assert_eq!(run(&index, quotes("ahead")).total, 0);
    // A quote found by its speaker keeps its article's headline for display.
    let by_speaker = run(&index, quotes("Sybiha ready"));
    assert_eq!(by_speaker.total, 1, "{:?}", by_speaker.hits);
    assert_eq!(
        by_speaker.hits[0].title.as_deref(),
        Some("Sybiha says Istanbul talks will resume")
    );
}

#[test]
fn a_match_through_the_entity_key_alone_scores_the_constant() {
    let (_dir, index) = indexed(&corpus());
    for kind in [SearchKind::All, SearchKind::Articles] {
        let results = run(&index, of_kind(kind, "Sybiha"));
        let through_key = results
            .hits
            .iter()
            .find(|h| h.article == "b-sybiga" && h.kind == HitKind::Article)
            .expect("the Sybiga article is found through the key");
        assert!(
            (through_key.score - crate::run::ENTITY_MATCH_SCORE).abs() < 1e-4,
            "{kind:?}: {}",
            through_key.score
        );
    }
}

#[test]
fn a_phrase_does_not_run_from_the_headline_into_the_body() {
    // Headline ends "resume", body starts "Ukrainian".
    let (_dir, index) = indexed(&corpus());
    assert_eq!(run(&index, SearchQuery::text("\"resume Ukrainian\"")).total, 0);
    assert_eq!(run(&index, SearchQuery::text("\"talks will resume\"")).total, 1);
}

#[test]
fn filters_restrict_and_facets_count_the_match_set() {
    let (_dir, index) = indexed(&corpus());
    let all = SearchQuery {
        kind: SearchKind::Articles,
        ..SearchQuery::text("said")
    };
    let results = run(&index, all.clone());
    assert_eq!(results.total, 3);
    let outlets: Vec<(&str, u64)> = results
        .facets
        .outlets
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(outlets, vec![("BBC", 1), ("Kyiv Independent", 1), ("Reuters", 1)]);
    let years: Vec<(&str, u64)> = results
        .facets
        .years
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(years, vec![("2025", 2), ("2024", 1)]);
    let sybiha = results
        .facets
        .entities
        .iter()
        .find(|f| f.value == SYBIHA)
        .expect("entity facet");
    assert_eq!(sybiha.count, 2);
    assert!(sybiha.label.contains("Sybi"), "{}", sybiha.label);

    let only = |query: SearchQuery| {
        article_ids(&run(&index, query))
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        only(SearchQuery {
            outlet: Some("Reuters".into()),
            ..all.clone()
        }),
        vec!["b-sybiga"]
    );
    assert_eq!(
        only(SearchQuery {
            from: Some("2025".into()),
            to: Some("2025-06".into()),
            ..all.clone()
        }),
        vec!["a-sybiha"]
    );
    assert_eq!(
        only(SearchQuery {
            to: Some("2024-12-31".into()),
            ..all.clone()
        }),
        vec!["c-weather"]
    );
    let mut by_entity = only(SearchQuery {
        entity: Some(SYBIHA.into()),
        ..all.clone()
    });
    by_entity.sort();
    assert_eq!(by_entity, vec!["a-sybiha", "b-sybiga"]);

    let strike = reuters()
        .analysis
        .events
        .first()
        .map(|e| e.plover.event_type.clone())
        .expect("the strike is coded");
    assert_eq!(
        only(SearchQuery {
            event: Some(strike.to_lowercase()),
            ..all.clone()
        }),
        vec!["b-sybiga"]
    );
    assert!(results.facets.events.iter().any(|f| f.value == strike));
}

#[test]
fn counting_stops_at_the_limit_and_says_so_while_ranking_sees_every_match() {
    let (_dir, index) = indexed(&corpus());
    let articles = |text: &str| of_kind(SearchKind::Articles, text);
    let exact = run(&index, articles("said"));
    assert_eq!((exact.total, exact.total_is_lower_bound), (3, false));

    let index = index.with_count_limit(2);
    let capped = run(&index, articles("said"));
    assert_eq!((capped.total, capped.total_is_lower_bound), (2, true));
    // The facets count the counted documents only.
    let counted: u64 = capped.facets.outlets.iter().map(|f| f.count).sum();
    assert_eq!(counted, 2);
    // Ranking is over every match, counted or not.
    assert_eq!(article_ids(&capped), article_ids(&exact));
    assert_eq!(capped.hits.len(), 3);
    // At the limit exactly, nothing is left uncounted.
    let two = run(&index, articles("Sybiga"));
    assert_eq!((two.total, two.total_is_lower_bound), (2, false));
}

#[test]
fn a_single_word_ranks_the_same_with_or_without_filters() {
    // A single word is run as a flat disjunction of terms (so the top-k
    // collector can skip postings); with a filter that matches everything
    // it is run nested. Both must give the same hits and scores.
    let (_dir, index) = indexed(&corpus());
    let plain = run(&index, SearchQuery::text("said"));
    let filtered = run(
        &index,
        SearchQuery {
            from: Some("2000".into()),
            ..SearchQuery::text("said")
        },
    );
    let ranking = |results: &SearchResults| {
        results
            .hits
            .iter()
            .map(|h| (h.article.clone(), h.kind, (h.score * 1e4).round() as i64))
            .collect::<Vec<_>>()
    };
    assert!(plain.total >= 3);
    assert_eq!(ranking(&plain), ranking(&filtered));
}

#[test]
fn empty_text_with_a_filter_lists_newest_first() {
    let (_dir, index) = indexed(&corpus());
    let results = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("")
        },
    );
    assert_eq!(article_ids(&results), vec!["b-sybiga", "a-sybiha", "c-weather"]);
    assert!(!results.hits[0].snippet.is_empty());
}

#[test]
fn pagination_and_relaxed_matching() {
    let (_dir, index) = indexed(&corpus());
    let page = |offset| {
        run(
            &index,
            SearchQuery {
                kind: SearchKind::Articles,
                offset,
                limit: 1,
                ..SearchQuery::text("said")
            },
        )
    };
    let (first, second) = (page(0), page(1));
    assert_eq!((first.hits.len(), second.hits.len(), first.total), (1, 1, 3));
    assert_ne!(first.hits[0].article, second.hits[0].article);
    // No article has both words: any-word results, flagged.
    let results = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("drones forecasters")
        },
    );
    assert!(results.relaxed);
    assert_eq!(results.total, 2);
}

#[test]
fn malformed_queries_are_read_leniently() {
    let (_dir, index) = indexed(&corpus());
    let huge = "Istanbul ".repeat(1_200);
    for text in [
        "",
        "   ",
        "\"Istanbul talks",
        "((AND OR:",
        "-",
        "-Istanbul",
        "***",
        huge.as_str(),
        "\u{0}\u{ffff}",
    ] {
        index
            .search(&SearchQuery::text(text))
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
    let excluded = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("said -Istanbul")
        },
    );
    assert_eq!(excluded.total, 2);
    let phrase = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("\"talks peace\"")
        },
    );
    assert_eq!(phrase.total, 0);
    let phrase = run(
        &index,
        SearchQuery {
            kind: SearchKind::Articles,
            ..SearchQuery::text("\"peace talks\"")
        },
    );
    assert_eq!(phrase.total, 1);
}

#[test]
fn a_malformed_date_filter_is_a_bad_query() {
    let (_dir, index) = indexed(&corpus());
    let error = index.search(&SearchQuery {
        from: Some("June".into()),
        ..SearchQuery::text("said")
    });
    assert!(matches!(error, Err(SearchError::BadQuery(_))), "{error:?}");
}

#[test]
fn page_bounds_are_enforced_without_allocating_what_a_client_asks() {
    let (_dir, index) = indexed(&corpus());
    let deep = index.search(&SearchQuery {
        offset: usize::MAX,
        ..SearchQuery::text("said")
    });
    assert!(matches!(deep, Err(SearchError::BadQuery(_))), "{deep:?}");
    let huge_limit = run(
        &index,
        SearchQuery {
            limit: usize::MAX,
            ..SearchQuery::text("said")
        },
    );
    assert_eq!(huge_limit.hits.len(), huge_limit.total.min(crate::run::MAX_LIMIT));
}

#[test]
fn sync_adds_updates_and_removes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    store.put_articles(&[kyiv_independent(), reuters()]).unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    let first = index.sync(&store).unwrap();
    assert_eq!(
        (first.indexed, first.removed, first.unchanged, first.rebuilt),
        (2, 0, 0, false)
    );
    assert_eq!(index.doc_count(), 2);
    let again = index.sync(&store).unwrap();
    assert_eq!((again.indexed, again.unchanged), (0, 2));

    // A new revision of one article: re-indexed, old text gone.
    let revised = article(
        "a-sybiha",
        "Kyiv Independent",
        "2025-06-05",
        "Talks postponed",
        "The Istanbul talks were postponed, Foreign Minister Andrii Sybiha said.",
    );
    store.put_articles(&[revised]).unwrap();
    let after = index.sync(&store).unwrap();
    assert_eq!((after.indexed, after.unchanged), (1, 1));
    let articles_only = |text: &str| SearchQuery {
        kind: SearchKind::Articles,
        ..SearchQuery::text(text)
    };
    assert_eq!(run(&index, articles_only("postponed")).total, 1);
    assert_eq!(run(&index, SearchQuery::text("ceasefire")).total, 0);

    // Indexed but not stored: removed.
    index.index_articles(&[bbc()]).unwrap();
    assert_eq!(index.doc_count(), 3);
    let cleaned = index.sync(&store).unwrap();
    assert_eq!((cleaned.removed, cleaned.indexed), (1, 0));
    assert_eq!(index.doc_count(), 2);
}

#[test]
fn reindexing_the_same_articles_changes_nothing() {
    let (_dir, index) = indexed(&corpus());
    index.index_articles(&corpus()).unwrap();
    assert_eq!(index.doc_count(), 3);
    assert_eq!(
        run(
            &index,
            SearchQuery {
                kind: SearchKind::Articles,
                ..SearchQuery::text("said")
            }
        )
        .total,
        3
    );
}

#[test]
fn an_upsert_finds_the_indexed_revision_of_its_own_articles() {
    let (_dir, index) = indexed(&corpus());
    let revision = |index: &SearchIndex| index.indexed_revisions(None).unwrap()["b-sybiga"].0;
    assert_eq!(revision(&index), 1);
    // Same content: left alone.
    index.index_articles(&[reuters()]).unwrap();
    assert_eq!(revision(&index), 1);
    // New content: the next revision, found through the article's postings.
    let mut changed = reuters();
    changed
        .body
        .push_str("\n\nOfficials later raised the toll to four.");
    changed.content_hash = parallax_core::content_hash(&changed.body);
    index.index_articles(&[changed]).unwrap();
    assert_eq!(revision(&index), 2);
    assert_eq!(index.indexed_revisions(Some(&["b-sybiga"])).unwrap().len(), 1);
    assert_eq!(index.doc_count(), 3);
}

#[test]
fn a_corrupt_or_missing_index_is_rebuilt_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path()).unwrap();
    store.put_articles(&corpus()).unwrap();
    {
        let index = SearchIndex::open(dir.path()).unwrap();
        index.sync(&store).unwrap();
    }
    let search_dir = dir.path().join(crate::INDEX_DIR);
    std::fs::write(search_dir.join("meta.json"), b"{ not json").unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.doc_count(), 0);
    let report = index.sync(&store).unwrap();
    assert!(report.rebuilt);
    assert_eq!(report.indexed, 3);
    assert_eq!(
        run(&index, SearchQuery::text("Istanbul")).hits[0].article,
        "a-sybiha"
    );
    drop(index);

    std::fs::remove_dir_all(&search_dir).unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    let report = index.sync(&store).unwrap();
    assert_eq!((report.indexed, report.rebuilt), (3, false));
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<SearchIndex>();
    let (_dir, index) = indexed(&corpus());
    let index = std::sync::Arc::new(index);
    let totals: Vec<usize> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let index = std::sync::Arc::clone(&index);
                scope.spawn(move || run(&index, SearchQuery::text("Kyiv")).total)
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert!(totals.iter().all(|t| *t == totals[0] && *t > 0), "{totals:?}");
}

#[test]
fn repeated_small_ingests_do_not_pile_up_segments() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    for (i, mut article) in std::iter::repeat_with(bbc).take(12).enumerate() {
        article.id = format!("weather-{i}");
        index.index_articles(&[article]).unwrap();
    }
    let segments = index.reader.searcher().segment_readers().len();
    // Tantivy's default merge policy merges once 8 segments of a level exist.
    assert!(segments < 12, "{segments} segments after 12 one-article commits");
    assert_eq!(index.doc_count(), 12);
}
