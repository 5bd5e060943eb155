//! End-to-end coding of invented articles: analysis by `parallax-analyze`,
//! then `code_events`.

use parallax_core::{Article, DateProvenance, Event, Modality, PublishedDate};

fn coded(body: &str) -> (Article, Vec<Event>) {
    let published = PublishedDate::day(2025, 3, 12, DateProvenance::Header);
    let mut article = parallax_analyze::article_from_text(&"0".repeat(16), body, published);
    parallax_analyze::annotate(&mut article);
    let events = parallax_events::code_events(&article);
    (article, events)
}

fn find<'a>(article: &Article, events: &'a [Event], trigger: &str) -> Option<&'a Event> {
    events
        .iter()
        .find(|e| e.trigger.slice(&article.body) == Some(trigger))
}

#[test]
fn aerial_attack_with_kb_actors_date_and_figures() {
    let (a, events) = coded("Russia launched 300 drones on Ukraine on Monday, the air force said.");
    let e = find(&a, &events, "launched").expect("launch event");
    assert_eq!(e.source.as_ref().map(|s| s.code.as_str()), Some("RUS"));
    assert_eq!(e.target.as_ref().map(|s| s.code.as_str()), Some("UKR"));
    assert_eq!(
        (
            e.cameo.code.as_str(),
            e.cameo.quad_class,
            e.plover.event_type.as_str()
        ),
        ("195", 4, "ASSAULT")
    );
    assert_eq!(e.modality, Modality::Asserted);
    assert!(e.reported, "the air force said it");
    let date = e.date.as_ref().expect("date");
    assert_eq!(
        (date.date.as_deref(), date.from_publication),
        (Some("2025-03-10"), false)
    );
    assert!(!e.figures.is_empty(), "300 drones is counted");
}

#[test]
fn negation_future_and_place() {
    let (a, events) = coded("Zelenskyy will not travel to Moscow. Putin will meet Zelenskyy in Istanbul.");
    let meet = find(&a, &events, "meet").expect("meet event");
    assert_eq!(meet.modality, Modality::Future);
    assert_eq!(meet.source.as_ref().map(|s| s.code.as_str()), Some("RUSGOV"));
    assert_eq!(meet.target.as_ref().map(|s| s.code.as_str()), Some("UKRGOV"));
    let place = meet.place.as_ref().expect("place");
    assert_eq!(
        (place.name.as_str(), place.country.as_deref()),
        ("Istanbul", Some("TUR"))
    );
    assert!(place.lat.is_some());
}

#[test]
fn no_event_without_actors_or_for_statements() {
    let (_, events) = coded("It rained heavily on Tuesday. The minister said nothing new.");
    assert!(events.is_empty(), "{events:?}");
}
