//! The link index gives the same copy groups and stories whatever the order
//! articles are added in, and whether or not it was read in between.

use parallax_core::{
    Article, DateProvenance, Hints, InputFormat, Origin, PublishedDate, SourceDocument, SourceKind,
};
use parallax_link::{LinkEntry, LinkIndex, Linking, Snapshot};
use proptest::prelude::*;

const BUDGET: &str = include_str!("fixtures/budget.txt");

const BUDGET_OTHER: &str = include_str!("fixtures/budget-other.txt");

const FLOOD: &str = include_str!("fixtures/flood.txt");

const FLOOD_OTHER: &str = include_str!("fixtures/flood-other.txt");

const TRADE: &str = include_str!("fixtures/trade.txt");

fn doc(id: &str, title: &str, body: &str, outlet: &str, day: Option<(i32, u32, u32)>) -> Article {
    let source = SourceDocument {
        origin: Origin {
            path: format!("{id}.txt"),
            record: None,
        },
        format: InputFormat::Text,
        kind: SourceKind::Text,
        content: body.to_owned(),
        hints: Hints {
            title: Some(title.to_owned()),
            outlet_name: Some(outlet.to_owned()),
            published: day.map(|(y, m, d)| PublishedDate::day(y, m, d, DateProvenance::Meta)),
            ..Default::default()
        },
        warnings: Vec::new(),
    };
    let mut article = parallax_extract::extract(&source);
    article.id = id.to_owned();
    parallax_analyze::annotate(&mut article);
    article
}

/// The fixture corpus, analysed once for all tests and proptest cases.
fn corpus() -> &'static [Article] {
    static CORPUS: std::sync::OnceLock<Vec<Article>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(build_corpus)
}

fn build_corpus() -> Vec<Article> {
    let trimmed = &BUDGET[..BUDGET.find("Republicans").unwrap_or(BUDGET.len())];
    vec![
        doc(
            "budget-wire",
            "Governor signs budget",
            BUDGET,
            "Wire",
            Some((2014, 6, 10)),
        ),
        doc(
            "budget-copy",
            "Alvarez ends standoff",
            &format!("{trimmed}\n\nRead more: Top stories of the day.\n\nSign up for our newsletter."),
            "Daily Post",
            Some((2014, 6, 11)),
        ),
        doc(
            "budget-own",
            "Budget fight ends",
            BUDGET_OTHER,
            "Courier",
            Some((2014, 6, 10)),
        ),
        doc(
            "flood-wire",
            "Millbrook floods",
            FLOOD,
            "Wire",
            Some((2014, 4, 6)),
        ),
        doc(
            "flood-copy",
            "River floods town",
            &FLOOD.replace(". ", ".\n\n"),
            "Herald",
            None,
        ),
        doc(
            "flood-later",
            "Millbrook cleans up",
            FLOOD_OTHER,
            "Courier",
            Some((2014, 4, 8)),
        ),
        doc(
            "trade",
            "EU and China discuss tariffs",
            TRADE,
            "Wire",
            Some((2014, 6, 10)),
        ),
    ]
}

fn link(articles: &[Article], order: &[usize], read_midway: bool) -> Linking {
    let mut index = LinkIndex::new();
    for (n, &i) in order.iter().enumerate() {
        index.add(&articles[i]).expect("distinct ids");
        if read_midway && n == order.len() / 2 {
            let _ = index.linking();
        }
    }
    index.linking()
}

#[test]
fn copies_and_stories_are_found() {
    let articles = corpus();
    let order: Vec<usize> = (0..articles.len()).collect();
    let linking = link(articles, &order, false);
    let groups: Vec<Vec<&str>> = linking
        .copy_groups
        .iter()
        .map(|g| g.members().collect())
        .collect();
    assert!(groups.contains(&vec!["budget-wire", "budget-copy"]), "{groups:?}");
    assert!(
        groups
            .iter()
            .any(|g| g.contains(&"flood-wire") && g.contains(&"flood-copy")),
        "{groups:?}"
    );
    assert_eq!(
        groups.len(),
        2,
        "separately written reports are not copies: {groups:?}"
    );
    let budget = linking
        .copy_groups
        .iter()
        .find(|g| g.original.article == "budget-wire");
    assert_eq!(
        budget.map(|g| g.copies[0].outlet.as_deref()),
        Some(Some("Daily Post"))
    );
    let story_of = |id: &str| {
        linking
            .stories
            .iter()
            .position(|s| s.articles.iter().any(|a| a == id))
    };
    assert_eq!(story_of("budget-own"), story_of("budget-wire"));
    assert_eq!(story_of("flood-later"), story_of("flood-wire"));
    assert_ne!(story_of("trade"), story_of("budget-wire"));
    assert_ne!(story_of("flood-wire"), story_of("budget-wire"));
}

#[test]
fn adding_twice_is_refused() {
    let articles = corpus();
    let mut index = LinkIndex::new();
    assert!(index.add(&articles[0]).is_ok());
    assert!(index.add(&articles[0]).is_err());
    assert_eq!(index.len(), 1);
}

#[test]
fn many_shuffles_give_one_result() {
    let articles = corpus();
    let identity: Vec<usize> = (0..articles.len()).collect();
    let expected = link(articles, &identity, false);
    // A fixed linear congruential sequence: reproducible shuffles without a
    // random-number crate.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..40 {
        let mut order = identity.clone();
        for i in (1..order.len()).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        assert_eq!(
            link(articles, &order, round % 2 == 1),
            expected,
            "order {order:?}"
        );
    }
}

#[test]
fn removing_an_article_is_as_if_it_never_came() {
    let articles = corpus();
    for removed in 0..articles.len() {
        let mut index = LinkIndex::new();
        for article in articles {
            index.add(article).expect("distinct ids");
        }
        let _ = index.linking();
        assert!(index.remove(&articles[removed].id));
        assert!(!index.remove(&articles[removed].id));
        let mut without = LinkIndex::new();
        for (i, article) in articles.iter().enumerate() {
            if i != removed {
                without.add(article).expect("distinct ids");
            }
        }
        assert_eq!(index.linking(), without.linking(), "removed {removed}");
        // And it can come back.
        index.add(&articles[removed]).expect("removed, so absent");
        assert_eq!(
            index.linking(),
            link(articles, &(0..articles.len()).collect::<Vec<_>>(), false)
        );
    }
}

#[test]
fn a_compact_index_with_a_source_links_like_a_full_one() {
    let articles = corpus();
    let order: Vec<usize> = (0..articles.len()).collect();
    let expected = link(articles, &order, false);
    let mut compact = LinkIndex::compact();
    for article in articles {
        let mut source = |id: &str| {
            articles
                .iter()
                .find(|a| a.id == id)
                .map(|a| parallax_link::shingles::fingerprint(&a.body))
        };
        compact
            .add_entry_with(LinkEntry::of(article), &mut source)
            .expect("distinct ids");
    }
    let linking = compact.linking();
    assert_eq!(linking.stories, expected.stories);
    let pairs = |l: &Linking| -> Vec<Vec<String>> {
        l.copy_groups
            .iter()
            .map(|g| g.members().map(str::to_owned).collect())
            .collect()
    };
    assert_eq!(pairs(&linking), pairs(&expected));
}

#[test]
fn a_snapshot_resumes_exactly() {
    let articles = corpus();
    let (first, rest) = articles.split_at(4);
    let mut index = LinkIndex::new();
    for article in first {
        index.add(article).expect("distinct ids");
    }
    index.remove(&first[1].id);
    let json = serde_json::to_string(&index.snapshot_view()).expect("serialises");
    let snapshot: Snapshot = serde_json::from_str(&json).expect("reads back");
    let mut resumed = LinkIndex::from(snapshot);
    assert_eq!(resumed.linking(), index.linking());
    for article in rest.iter().chain([&first[1]]) {
        index.add(article).expect("absent");
        resumed.add(article).expect("absent");
    }
    assert_eq!(resumed.linking(), index.linking());
    assert_eq!(
        resumed.linking(),
        link(articles, &(0..articles.len()).collect::<Vec<_>>(), false)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_order_any_reads_same_linking(order in Just((0..7usize).collect::<Vec<_>>()).prop_shuffle(), midway in any::<bool>()) {
        let articles = corpus();
        let identity: Vec<usize> = (0..articles.len()).collect();
        prop_assert_eq!(link(articles, &order, midway), link(articles, &identity, false));
    }
}

/// A story's own copy groups depend on its members only: a copy of one of
/// its articles that lands in another story (published months later)
/// changes the global copy group, not the groups among the story's members,
/// so a stored report never goes stale while the story keeps its id.
#[test]
fn copies_among_a_storys_members_ignore_articles_outside_it() {
    let articles = corpus();
    let late_copy = doc(
        "budget-late",
        "Budget, months on",
        &format!("{BUDGET}\n\nThis article first ran in June."),
        "Monthly",
        Some((2014, 9, 10)),
    );
    let mut without = LinkIndex::new();
    let mut with = LinkIndex::new();
    for article in articles {
        without.add(article).expect("distinct ids");
        with.add(article).expect("distinct ids");
    }
    with.add(&late_copy).expect("distinct ids");
    let story_of = |linking: &Linking| {
        linking
            .stories
            .iter()
            .find(|s| s.articles.iter().any(|a| a == "budget-wire"))
            .cloned()
            .expect("the budget story")
    };
    let (linking_without, linking_with) = (without.linking(), with.linking());
    let story = story_of(&linking_without);
    assert_eq!(
        story.articles,
        story_of(&linking_with).articles,
        "the late copy stays out of the story"
    );
    let global = |linking: &Linking| {
        linking
            .copy_groups
            .iter()
            .find(|g| g.members().any(|m| m == "budget-wire"))
            .cloned()
    };
    assert_ne!(
        global(&linking_without),
        global(&linking_with),
        "the late copy joins the global group"
    );
    let among = without.copy_groups_among(&story.articles);
    assert!(!among.is_empty(), "budget-copy copies budget-wire");
    assert_eq!(among, with.copy_groups_among(&story.articles));
}
