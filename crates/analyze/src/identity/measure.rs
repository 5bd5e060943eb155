//! Measurements run by hand (`cargo test --release -p parallax-analyze
//! --lib identity::measure -- --ignored --nocapture`): throughput on a
//! ~600-word article, and the mentions found in the shared seed articles
//! (read from `$PARALLAX_SHARED/data/seeds`, default `../shared`), for
//! reading by eye.

use std::time::Instant;

use super::resolve_entities;
use crate::ner::recognize;
use crate::sentences::{paragraphs_between_blank_lines, split_sentences};

const PARAGRAPH: &str = "Russian President Vladimir Putin said on Wednesday that Moscow was ready to send a \
    high-level delegation to talks in Istanbul. Ukrainian Foreign Minister Andriy Sybiga said the Kremlin chief \
    was not serious, and Kyiv has dismissed the invitation as cynical. “Russia has not changed its goals,” he \
    said. Moscow launched more than 500 drones and missiles on Ukraine early on Wednesday, Kyiv’s air force \
    said. Artillery strikes killed nine civilians in Kostiantynivka, Donetsk region governor Vadym Filashkin \
    said. Zelenskyy is set to head to Paris for talks with Emmanuel Macron and Keir Starmer. ";

#[test]
#[ignore = "measurement"]
fn throughput_on_600_word_articles() {
    let words_per_paragraph = PARAGRAPH.split_whitespace().count();
    let body = PARAGRAPH.repeat(600 / words_per_paragraph + 1);
    let words = body.split_whitespace().count();
    let sentences = split_sentences(&body, &paragraphs_between_blank_lines(&body));
    let named = recognize(&body, &sentences);
    resolve_entities(&body, &sentences, &named); // loads the gazetteer and knowledge base
    let runs = 2000;
    let started = Instant::now();
    let mut mentions = 0;
    for _ in 0..runs {
        mentions += resolve_entities(&body, &sentences, &named).len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{runs} articles of {words} words, {} tagger spans, {} mentions each: {:.0} articles/s on one core \
         (resolution only; sentences and tagger run once outside the loop)",
        named.len(),
        mentions / runs,
        runs as f64 / seconds
    );
}

#[test]
#[ignore = "measurement"]
fn print_seed_mentions() {
    let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../../../shared".to_owned());
    let Ok(dir) = std::fs::read_dir(format!("{shared}/data/seeds")) else {
        println!("no seeds under {shared}");
        return;
    };
    let mut paths: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let Ok(body) = std::fs::read_to_string(path) else {
            continue;
        };
        println!("== {}", path.display());
        let sentences = split_sentences(&body, &paragraphs_between_blank_lines(&body));
        let named = recognize(&body, &sentences);
        for m in resolve_entities(&body, &sentences, &named) {
            let text = m.span.slice(&body).unwrap_or("?");
            println!(
                "{:>3} {:<28} {:?}/{:?} {} {} {:.2}",
                m.entity,
                text,
                m.entity_type,
                m.form,
                m.key,
                m.metonym_of.as_deref().unwrap_or(""),
                m.confidence
            );
        }
    }
}
