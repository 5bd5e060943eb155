//! The whole report: figures, wording, briefing, coverage, order independence.

mod common;

use common::article;
use parallax_core::Article;
use parallax_story::{
    assemble, render_markdown, Agreement, AssembleOptions, Cell, ConflictKind, StoryReport,
};

fn report(articles: &[Article]) -> StoryReport {
    assemble("story-1", articles, &AssembleOptions::default())
}

fn three_outlets() -> Vec<Article> {
    vec![
        article(
            "alpha",
            "Alpha News",
            "Russia launched more than 500 drones and missiles at Ukraine overnight, the Ukrainian air force said.\n\n\
             Russia illegally annexed Crimea in 2014.\n\n\
             Strikes killed 12 civilians in the city of Kharkiv, regional governor Oleh Syniehubov said.",
            Some((2025, 9, 3)),
        ),
        article(
            "bravo",
            "Bravo Times",
            "Russia launched 502 drones and 24 missiles at Ukraine overnight, according to the Ukrainian air force.\n\n\
             Russia annexed Crimea in 2014.\n\n\
             Strikes killed 15 civilians in the city of Kharkiv, regional governor Oleh Syniehubov said.",
            Some((2025, 9, 3)),
        ),
        article(
            "charlie",
            "Charlie Post",
            "The Ukrainian air force said Russia launched hundreds of drones overnight at Ukraine.\n\n\
             Markets in Europe were calm on Wednesday as traders waited for news.",
            Some((2025, 9, 3)),
        ),
    ]
}

#[test]
fn at_least_500_is_consistent_with_502_plus_24() {
    let r = report(&three_outlets());
    let group = r
        .figures
        .iter()
        .find(|f| f.mentions.iter().any(|m| m.summed))
        .unwrap_or_else(|| panic!("no summed figure group: {:#?}", r.figures));
    assert_eq!(group.agreement, Agreement::Consistent);
    assert_eq!(group.sources, vec!["alpha", "bravo"]);
    assert_eq!(group.low, Some(526.0));
}

#[test]
fn two_exact_counts_of_one_thing_are_a_conflict_citing_both() {
    let r = report(&three_outlets());
    let conflict = r
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::Figure)
        .unwrap_or_else(|| panic!("no figure conflict: {:#?}", r.figures));
    let cited: Vec<&str> = conflict.evidence.iter().map(|e| e.article.as_str()).collect();
    assert_eq!(cited, vec!["alpha", "bravo"]);
    assert!(conflict.evidence.iter().all(|e| e.text.contains("civilians")));
}

#[test]
fn a_modifier_one_outlet_adds_is_a_wording_difference() {
    let r = report(&three_outlets());
    let difference = r
        .coverage
        .wording
        .iter()
        .find(|w| w.term == "annexed" && w.modifier == "illegally")
        .unwrap_or_else(|| panic!("no wording difference: {:#?}", r.coverage.wording));
    assert_eq!(difference.with_modifier[0].article, "alpha");
    assert_eq!(difference.without_modifier[0].article, "bravo");
}

#[test]
fn coverage_marks_reported_omitted_and_conflicting() {
    let r = report(&three_outlets());
    let conflicting = r
        .coverage
        .rows
        .iter()
        .find(|row| row.cells.values().any(|c| *c == Cell::Conflicting));
    let row = conflicting.unwrap_or_else(|| panic!("no conflicting cell: {:#?}", r.coverage.rows));
    assert_eq!(row.cells.get("charlie"), Some(&Cell::Omitted));
    assert_eq!(r.coverage.totals.len(), 3);
}

#[test]
fn briefing_sentences_cite_their_sources() {
    let r = report(&three_outlets());
    assert!((3..=5).contains(&r.briefing.len()), "briefing: {:#?}", r.briefing);
    let central = r.briefing.iter().find(|s| s.text.contains("drones"));
    let central =
        central.unwrap_or_else(|| panic!("the strike all outlets report is missing: {:#?}", r.briefing));
    assert!(
        central.sources.len() >= 2,
        "it cites several outlets: {central:#?}"
    );
    for sentence in &r.briefing {
        assert!(sentence.evidence.iter().any(|e| e.text == sentence.text));
        assert!(sentence
            .evidence
            .iter()
            .all(|e| sentence.sources.contains(&e.article)));
    }
}

#[test]
fn the_order_of_the_articles_does_not_matter() {
    let articles = three_outlets();
    let forward = serde_json::to_string(&report(&articles)).expect("serialises");
    let mut shuffled = articles.clone();
    shuffled.rotate_left(1);
    shuffled.swap(0, 1);
    let backward = serde_json::to_string(&report(&shuffled)).expect("serialises");
    assert_eq!(forward, backward);
}

#[test]
fn json_has_the_contract_fields_and_markdown_renders() {
    let r = report(&three_outlets());
    let json = serde_json::to_value(&r).expect("serialises");
    for field in [
        "id",
        "articles",
        "timeline",
        "statements",
        "events",
        "coverage",
        "conflicts",
        "briefing",
        "actors",
        "figures",
        "similarity_mode",
    ] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    assert_eq!(json["similarity_mode"], "lexical");
    let markdown = render_markdown(&r);
    assert!(markdown.contains("## Briefing") && markdown.contains("## Coverage"));
    assert!(markdown.contains("Alpha News"));
}

#[test]
fn no_articles_give_an_empty_report() {
    let r = report(&[]);
    assert!(r.articles.is_empty() && r.statements.is_empty() && r.briefing.is_empty());
}

#[test]
fn unanalysed_articles_give_a_report_without_facts() {
    let mut bare = three_outlets();
    for article in &mut bare {
        article.analysis = Default::default();
    }
    let r = report(&bare);
    assert_eq!(r.articles.len(), 3);
    assert!(r.statements.is_empty() && r.events.is_empty() && r.figures.is_empty() && r.briefing.is_empty());
    assert_eq!(r.coverage.totals.len(), 3);
}
