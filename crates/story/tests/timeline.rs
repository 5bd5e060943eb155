//! The timeline: happenings merged across outlets, dated or kept undated,
//! background apart, readable summaries.

mod common;

use common::{add_event_at, article};
use parallax_core::Article;
use parallax_story::{assemble, AssembleOptions, StoryReport};

fn report(articles: &[Article]) -> StoryReport {
    assemble("story-1", articles, &AssembleOptions::default())
}

fn beijing_reports() -> Vec<Article> {
    let mut a = article(
        "a",
        "Alpha News",
        "Russian President Vladimir Putin invited Ukrainian President Volodymyr Zelensky to Moscow on Wednesday.\n\n\
         Russia annexed Crimea in 2014.",
        Some((2025, 9, 4)),
    );
    add_event_at(
        &mut a,
        "invited",
        ("Vladimir Putin", "person:putin-vladimir", "RUSGOV"),
        Some(("Volodymyr Zelensky", "person:zelensky-volodymyr", "UKRGOV")),
        "043",
    );
    let mut b = article(
        "b",
        "Bravo Times",
        "Speaking in Beijing on Wednesday, Putin invited Zelensky to come to Moscow for talks.",
        Some((2025, 9, 4)),
    );
    add_event_at(
        &mut b,
        "invited",
        ("Putin", "person:putin-vladimir", "RUSGOV"),
        Some(("Zelensky", "person:zelensky-volodymyr", "UKRGOV")),
        "043",
    );
    vec![a, b]
}

#[test]
fn one_happening_reported_by_two_outlets_is_one_dated_entry() {
    let r = report(&beijing_reports());
    let invitations: Vec<_> = r
        .timeline
        .iter()
        .filter(|t| t.evidence.iter().any(|e| e.text.contains("invited")))
        .collect();
    assert_eq!(invitations.len(), 1, "{:#?}", r.timeline);
    let entry = invitations[0];
    assert_eq!(entry.date, "2025-09-03");
    assert_eq!(entry.sources, vec!["a", "b"]);
    assert_eq!(entry.date_inferred, None);
    assert!(entry.summary.starts_with("Putin invites"), "{}", entry.summary);
    assert!(entry.summary.contains("Beijing"), "{}", entry.summary);
}

#[test]
fn long_past_facts_are_background() {
    let r = report(&beijing_reports());
    assert!(
        r.timeline.iter().all(|t| !t.date.starts_with("2014")),
        "{:#?}",
        r.timeline
    );
    assert!(
        r.background
            .iter()
            .any(|t| t.date == "2014" && t.evidence[0].text.contains("Crimea")),
        "{:#?}",
        r.background
    );
}

#[test]
fn an_undated_article_keeps_its_happenings_undated() {
    let mut articles = beijing_reports();
    articles.push(article(
        "c",
        "Charlie Post",
        "Volodymyr Zelensky told reporters on Friday that he would not travel to Moscow.",
        None,
    ));
    let r = report(&articles);
    let friday = r
        .undated
        .iter()
        .find(|u| u.relative_to == "c")
        .unwrap_or_else(|| panic!("{:#?}", r.undated));
    assert_eq!(friday.when, "Friday");
    assert_eq!(friday.sources, vec!["c"]);
    assert!(r.timeline.iter().all(|t| !t.sources.contains(&"c".to_owned())));
}

#[test]
fn a_relative_clause_does_not_date_its_sentence() {
    let articles = vec![article(
        "a",
        "Alpha News",
        "A drone hit the capital, which was also targeted with a massive bombardment on Sunday.",
        Some((2025, 9, 4)),
    )];
    let r = report(&articles);
    assert!(
        r.timeline.iter().all(|t| t.date != "2025-08-31"),
        "{:#?}",
        r.timeline
    );
}

#[test]
fn a_plan_joins_the_happening_it_announced() {
    let mut articles = beijing_reports();
    let mut plan = article(
        "d",
        "Delta Wire",
        "Zelensky is set to head to Paris, where he will hold talks with leaders of the coalition of the willing.",
        Some((2025, 9, 3)),
    );
    // What the events crate codes here: a planned visit, not a happening.
    add_event_at(
        &mut plan,
        "head",
        ("Zelensky", "person:zelensky-volodymyr", "UKRGOV"),
        None,
        "042",
    );
    if let Some(event) = plan.analysis.events.last_mut() {
        event.modality = parallax_core::Modality::Future;
    }
    articles.push(plan);
    articles.push(article(
        "e",
        "Echo Daily",
        "Zelensky held talks with leaders of the coalition of the willing in Paris on Thursday.",
        Some((2025, 9, 5)),
    ));
    let r = report(&articles);
    let paris = r
        .timeline
        .iter()
        .find(|t| t.evidence.iter().any(|e| e.article == "e"))
        .unwrap_or_else(|| panic!("{:#?}", r.timeline));
    assert_eq!(paris.date, "2025-09-04");
    assert_eq!(paris.sources, vec!["d", "e"], "{paris:#?}");
}

#[test]
fn an_invitation_reads_with_its_own_verb() {
    let articles = vec![article(
        "a",
        "Alpha News",
        "Ukrainian President Volodymyr Zelensky on Friday invited Russian President Vladimir Putin to Kyiv for talks.",
        Some((2025, 9, 6)),
    )];
    let r = report(&articles);
    let entry = r.timeline.first().unwrap_or_else(|| panic!("{r:#?}"));
    assert!(entry.summary.starts_with("Zelensky invites"), "{}", entry.summary);
}
