//! Figures reconciled by measure: what is counted and what happened to it.
//! Invented articles, analysed by the real pipeline.

mod common;

use common::article;
use parallax_core::Article;
use parallax_story::{assemble, Agreement, AssembleOptions, ConflictKind, StoryReport};

fn report(articles: &[Article]) -> StoryReport {
    assemble("story-figures", articles, &AssembleOptions::default())
}

fn figure_conflicts(r: &StoryReport) -> Vec<&parallax_story::Conflict> {
    r.conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Figure)
        .collect()
}

#[test]
fn rockets_fired_and_rockets_shot_down_do_not_conflict() {
    let r = report(&[
        article(
            "a",
            "Alpha",
            "Rebel forces fired 25 rockets at the border town of Valmora on Friday, the army said.\n\n\
             Air defences shot down 18 rockets over Valmora on Friday, the army said.",
            Some((2024, 5, 10)),
        ),
        article(
            "b",
            "Bravo",
            "Rebels fired more than 20 rockets at the border town of Valmora on Friday, army officials said.",
            Some((2024, 5, 10)),
        ),
    ]);
    assert!(figure_conflicts(&r).is_empty(), "{:#?}", r.conflicts);
    let fired = r
        .figures
        .iter()
        .find(|g| g.sources == ["a", "b"])
        .unwrap_or_else(|| panic!("no group of rockets fired: {:#?}", r.figures));
    assert_eq!(fired.agreement, Agreement::Consistent);
    assert!(fired.mentions.iter().all(|m| m.value != 18.0), "{fired:#?}");
}

#[test]
fn boats_and_vessels_damaged_in_different_numbers_conflict() {
    let r = report(&[
        article(
            "a",
            "Alpha",
            "The coast guard said four fishing boats were damaged in the storm at Kelby harbour.",
            Some((2024, 2, 1)),
        ),
        article(
            "b",
            "Bravo",
            "The harbour master said two vessels had been damaged in the storm at Kelby harbour.",
            Some((2024, 2, 1)),
        ),
    ]);
    let conflicts = figure_conflicts(&r);
    assert_eq!(conflicts.len(), 1, "{:#?}", r.figures);
    let cited: Vec<&str> = conflicts[0].evidence.iter().map(|e| e.article.as_str()).collect();
    assert_eq!(cited, ["a", "b"]);
    assert!(conflicts[0].evidence[0].text.contains("four fishing boats"));
    assert!(conflicts[0].evidence[1].text.contains("two vessels"));
}

#[test]
fn a_partitive_shot_down_is_a_subset_not_the_total() {
    let r = report(&[
        article(
            "a",
            "Alpha",
            "Air defences intercepted 40 of the drones over Dravik overnight, the ministry said.",
            Some((2024, 7, 2)),
        ),
        article(
            "b",
            "Bravo",
            "The enemy launched 52 drones at Dravik overnight, the ministry said.",
            Some((2024, 7, 2)),
        ),
    ]);
    assert!(figure_conflicts(&r).is_empty(), "{:#?}", r.conflicts);
    assert!(
        r.figures.iter().all(|g| g.sources.len() < 2),
        "40 intercepted and 52 launched are different quantities: {:#?}",
        r.figures
    );
}

#[test]
fn killed_and_injured_are_kept_apart_and_so_are_two_sides_casualties() {
    let r = report(&[
        article(
            "a",
            "Alpha",
            "Shelling killed five residents of Orlan on Sunday, the mayor said.\n\n\
             Five Russian soldiers were killed near Orlan on Sunday, the ministry said.",
            Some((2024, 3, 4)),
        ),
        article(
            "b",
            "Bravo",
            "Shelling injured nine residents of Orlan on Sunday, the governor said.\n\n\
             Three Ukrainian soldiers were killed near Orlan on Sunday, the ministry said.",
            Some((2024, 3, 4)),
        ),
    ]);
    assert!(figure_conflicts(&r).is_empty(), "{:#?}", r.conflicts);
}
