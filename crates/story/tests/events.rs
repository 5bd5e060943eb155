//! Events merged across outlets.

mod common;

use common::{actor, add_event, article};
use parallax_story::{assemble, AssembleOptions, ConflictKind};

fn strike_articles() -> Vec<parallax_core::Article> {
    let mut a = article(
        "a",
        "Outlet A",
        "Russia launched 502 drones and 24 missiles at Ukraine overnight, the air force said.\n\n\
         Separately, Russia and Ukraine exchanged prisoners in Belarus.",
        Some((2025, 9, 4)),
    );
    let mut b = article(
        "b",
        "Outlet B",
        "Moscow launched more than 500 drones and missiles at Ukraine early on Wednesday, the air force said.",
        Some((2025, 9, 4)),
    );
    let russia = || Some(actor("country:rus", "RUS"));
    let ukraine = || Some(actor("country:ukr", "UKR"));
    let kremlin = || Some(actor("org:russia-government", "RUSGOV"));
    add_event(
        &mut a,
        0,
        "195",
        "ASSAULT",
        (russia(), ukraine()),
        Some("2025-09-03"),
    );
    add_event(&mut a, 1, "057", "AGREE", (russia(), ukraine()), None);
    add_event(
        &mut b,
        0,
        "195",
        "ASSAULT",
        (kremlin(), ukraine()),
        Some("2025-09-03"),
    );
    vec![a, b]
}

#[test]
fn one_strike_reported_by_two_outlets_is_one_event() {
    let r = assemble("s", &strike_articles(), &AssembleOptions::default());
    let strike = r.events.iter().find(|e| e.cameo_root == "19").expect("a strike");
    assert_eq!(
        strike.sources,
        vec!["a", "b"],
        "Russia and the Russian government are one actor"
    );
    assert_eq!(strike.mentions.len(), 2);
    assert_eq!(strike.date.as_deref(), Some("2025-09-03"));
    assert!(!strike.date_from_publication);
    let other = r
        .events
        .iter()
        .find(|e| e.cameo_root == "05")
        .expect("the exchange");
    assert_eq!(other.sources, vec!["a"]);
    assert!(
        r.timeline
            .iter()
            .any(|t| t.facts.contains(&strike.id) && t.sources == vec!["a", "b"]),
        "{:#?}",
        r.timeline
    );
}

#[test]
fn a_day_apart_with_the_same_actors_merges_and_flags_the_dates() {
    let mut articles = strike_articles();
    if let Some(event) = articles[1].analysis.events.first_mut() {
        event.date.as_mut().expect("dated").date = Some("2025-09-02".to_owned());
    }
    let r = assemble("s", &articles, &AssembleOptions::default());
    let strike = r.events.iter().find(|e| e.cameo_root == "19").expect("a strike");
    assert_eq!(strike.sources.len(), 2);
    let conflict = r
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::Date)
        .expect("a date conflict");
    assert_eq!(conflict.facts, vec![strike.id.clone()]);
    assert_eq!(conflict.evidence.len(), 2);
}

#[test]
fn different_days_far_apart_are_different_events() {
    let mut articles = strike_articles();
    if let Some(event) = articles[1].analysis.events.first_mut() {
        event.date.as_mut().expect("dated").date = Some("2025-08-20".to_owned());
    }
    let r = assemble("s", &articles, &AssembleOptions::default());
    assert_eq!(r.events.iter().filter(|e| e.cameo_root == "19").count(), 2);
}

#[test]
fn different_people_acting_are_different_events() {
    let mut articles = strike_articles();
    for (article, key) in articles
        .iter_mut()
        .zip(["person:putin-vladimir", "person:lavrov-sergei"])
    {
        if let Some(event) = article.analysis.events.first_mut() {
            event.source = Some(actor(key, "RUSGOV"));
        }
    }
    let r = assemble("s", &articles, &AssembleOptions::default());
    assert_eq!(r.events.iter().filter(|e| e.cameo_root == "19").count(), 2);
}
