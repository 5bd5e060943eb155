//! Statements matched across outlets and translations, kept apart by occasion.

mod common;

use common::article;
use parallax_story::{assemble, AssembleOptions, Statement, StoryReport};

fn report(articles: &[parallax_core::Article]) -> StoryReport {
    assemble("test", articles, &AssembleOptions::default())
}

/// The statements quoted by more than one article.
fn shared(report: &StoryReport) -> Vec<&Statement> {
    report.statements.iter().filter(|s| s.sources.len() > 1).collect()
}

#[test]
fn two_translations_of_one_statement_are_one_statement() {
    let a = article(
        "a",
        "Outlet A",
        "Ukrainian President Volodymyr Zelensky spoke to reporters in Kyiv.\n\n\
         “Adult leaders should come out of a meeting of this level with some kind of result, preferably the end \
         of the war,” Zelensky said.",
        Some((2025, 9, 4)),
    );
    let b = article(
        "b",
        "Outlet B",
        "Volodymyr Zelensky commented on the proposal.\n\n\
         \"Mature leaders should come out of a high-level meeting with some results, preferably an end to the war,\" \
         Zelensky added.",
        Some((2025, 9, 5)),
    );
    let r = report(&[a, b]);
    let shared = shared(&r);
    assert_eq!(shared.len(), 1, "statements: {:#?}", r.statements);
    assert_eq!(shared[0].sources, vec!["a", "b"]);
    assert_eq!(
        shared[0].speaker.as_ref().map(|s| s.key.as_str()),
        Some("person:zelensky-volodymyr")
    );
}

#[test]
fn transliterated_speakers_share_one_statement() {
    let a = article(
        "a",
        "Outlet A",
        "Ukrainian Foreign Minister Andriy Sybiga criticised the offer.\n\n\
         “Moscow keeps playing games with everyone by making deliberately unacceptable proposals,” Sybiga said.",
        Some((2025, 9, 4)),
    );
    let b = article(
        "b",
        "Outlet B",
        "Ukrainian Foreign Minister Andrii Sybiha rejected the idea.\n\n\
         “Moscow keeps playing games with everyone by making deliberately unacceptable proposals,” Sybiha noted.",
        Some((2025, 9, 4)),
    );
    let r = report(&[a, b]);
    let shared = shared(&r);
    assert_eq!(shared.len(), 1, "statements: {:#?}", r.statements);
    let speaker = shared[0].speaker.as_ref().map(|s| s.key.as_str());
    assert_eq!(speaker, Some("person:sybiha-andrii"));
    assert!(
        r.coverage
            .spellings
            .iter()
            .any(|v| v.key == "person:sybiha-andrii"),
        "Sybiga / Sybiha is a spelling variant: {:#?}",
        r.coverage.spellings
    );
}

#[test]
fn same_speaker_on_another_day_and_place_is_another_statement() {
    let a = article(
        "a",
        "Outlet A",
        "Russian President Vladimir Putin said on Wednesday in Beijing that he was open to a meeting.\n\n\
         “Let Zelensky come to Moscow if he wants a meeting,” Putin said.",
        Some((2025, 9, 4)),
    );
    let b = article(
        "b",
        "Outlet B",
        "Speaking in Vladivostok on Friday, Vladimir Putin repeated his position.\n\n\
         “If they want to meet, the best place for a meeting is Moscow, the hero city,” Putin said.",
        Some((2025, 9, 6)),
    );
    let r = report(&[a, b]);
    assert!(shared(&r).is_empty(), "statements: {:#?}", r.statements);
}

#[test]
fn different_topics_of_one_speaker_stay_apart() {
    let a = article(
        "a",
        "Outlet A",
        "Vladimir Putin addressed a forum in the east.\n\n\
         “Foreign troops on our border would be legitimate targets for destruction,” Putin said.",
        Some((2025, 9, 5)),
    );
    let b = article(
        "b",
        "Outlet B",
        "Vladimir Putin gave a television interview.\n\n\
         “Our economy has grown despite every sanction the West imposed,” Putin said.",
        Some((2025, 9, 5)),
    );
    let r = report(&[a, b]);
    assert!(shared(&r).is_empty(), "statements: {:#?}", r.statements);
}

#[test]
fn the_same_words_under_two_speakers_are_a_speaker_conflict() {
    let a = article(
        "a",
        "Outlet A",
        "Vladimir Putin addressed the forum.\n\n\
         “The security of one country cannot be guaranteed by undermining the security of another,” Putin said.",
        Some((2025, 9, 5)),
    );
    let b = article(
        "b",
        "Outlet B",
        "Dmitry Peskov addressed the forum.\n\n\
         “The security of one country cannot be guaranteed by undermining the security of another,” Peskov said.",
        Some((2025, 9, 5)),
    );
    let r = report(&[a, b]);
    assert!(
        r.conflicts
            .iter()
            .any(|c| c.kind == parallax_story::ConflictKind::Speaker),
        "conflicts: {:#?}",
        r.conflicts
    );
}

#[test]
fn a_later_quote_inherits_the_occasion_named_earlier_in_its_article() {
    let a = article(
        "a",
        "Outlet A",
        "Russian President Vladimir Putin spoke in Beijing on Wednesday.\n\n\
         “I am ready to meet Zelensky, and Moscow is the place for it,” Putin said in Beijing.",
        Some((2025, 9, 4)),
    );
    let b = article(
        "b",
        "Outlet B",
        "“I have always been open to contacts,” Vladimir Putin said in Vladivostok.\n\n\
         Putin also said he is ready to meet Zelensky, though only in the Russian capital, Moscow.",
        Some((2025, 9, 6)),
    );
    let r = report(&[a, b]);
    assert!(shared(&r).is_empty(), "statements: {:#?}", r.statements);
}
