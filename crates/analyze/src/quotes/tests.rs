//! Tests of the quote finder on small texts written for them, with entity
//! mentions given by hand (the stand-in for the identity stage).

use parallax_core::{EntityMention, EntityType, MentionForm, Quote, QuoteKind, Span, SpeechAct};
use proptest::prelude::*;

use super::find_quotes;
use crate::sentences::split_sentences;

/// A mention of `needle` (its `nth` occurrence) as entity `entity`.
fn mention(
    body: &str,
    needle: &str,
    nth: usize,
    kind: EntityType,
    form: MentionForm,
    entity: usize,
) -> EntityMention {
    let is_word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let start = body
        .match_indices(needle)
        .map(|(i, _)| i)
        .filter(|&i| !is_word_char(body[..i].chars().next_back()))
        .filter(|&i| !is_word_char(body[i + needle.len()..].chars().next()))
        .nth(nth)
        .expect("needle in body");
    let (canonical, key) = match entity {
        0 => ("Volodymyr Zelensky", "person:zelensky-volodymyr"),
        1 => ("Vladimir Putin", "person:putin-vladimir"),
        2 => ("Kremlin", "org:kremlin"),
        _ => ("Dmitry Peskov", "person:peskov-dmitry"),
    };
    EntityMention {
        span: Span::new(start, start + needle.len()),
        entity_type: kind,
        key: key.to_owned(),
        canonical: canonical.to_owned(),
        kb_id: None,
        form,
        entity,
        metonym_of: None,
        confidence: 1.0,
    }
}

fn person(body: &str, needle: &str, nth: usize, form: MentionForm, entity: usize) -> EntityMention {
    mention(body, needle, nth, EntityType::Person, form, entity)
}

fn quotes(body: &str, mentions: &[EntityMention]) -> Vec<Quote> {
    let sentences = split_sentences(body, &[]);
    find_quotes(body, &[], &sentences, mentions)
}

fn speaker_name(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.name.as_str())
}

#[test]
fn curly_quote_with_pronoun_attribution_resolves_to_the_person() {
    let body = "Zelensky spoke in Kyiv on Monday.\n\n“We will not give up our land,” he said.";
    let mentions = [
        person(body, "Zelensky", 0, MentionForm::Name, 0),
        person(body, "he", 0, MentionForm::Pronoun, 0),
    ];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    let q = &found[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.text, "We will not give up our land,");
    assert_eq!(speaker_name(q), Some("Volodymyr Zelensky"));
    assert_eq!(q.speaker.as_ref().map(|s| s.span.slice(body)), Some(Some("he")));
    let cue = q.cue.as_ref().expect("cue");
    assert_eq!(
        (cue.text.as_str(), cue.lemma.as_str(), cue.act),
        ("said", "say", SpeechAct::Claim)
    );
}

#[test]
fn inverted_title_attribution() {
    let body = "\"That meeting will never happen,\" sneered the Russian leader, a former spy.";
    let mentions = [person(body, "the Russian leader", 0, MentionForm::Title, 1)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(speaker_name(&found[0]), Some("Vladimir Putin"));
    let cue = found[0].cue.as_ref().expect("cue");
    assert_eq!(cue.lemma, "sneer");
}

#[test]
fn split_quote_is_one_quote_with_two_parts() {
    let body = "“The war must end,” Putin said. “But not on their terms.”";
    let mentions = [person(body, "Putin", 0, MentionForm::Name, 1)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].parts.len(), 2);
    assert_eq!(found[0].text, "The war must end, … But not on their terms.");
    assert_eq!(speaker_name(&found[0]), Some("Vladimir Putin"));
}

#[test]
fn quote_paragraph_continues_the_previous_statement() {
    let body = "Peskov told reporters the talks were over. “We see no partner in Kyiv,” he added.\n\n\
                “The door is closed for now.”";
    let mentions = [
        person(body, "Peskov", 0, MentionForm::Name, 3),
        person(body, "he", 0, MentionForm::Pronoun, 3),
    ];
    let found = quotes(body, &mentions);
    let last = found.last().expect("quotes");
    // The paragraph with no cue of its own is the second part of the quote
    // before it: one statement, one cue ("added"), one speaker.
    assert_eq!(last.parts.len(), 2, "{found:#?}");
    assert_eq!(
        last.text,
        "We see no partner in Kyiv, … The door is closed for now."
    );
    assert_eq!(last.kind, QuoteKind::Direct);
    assert_eq!(last.cue.as_ref().map(|c| c.lemma.as_str()), Some("add"));
    assert_eq!(speaker_name(last), Some("Dmitry Peskov"));
}

#[test]
fn quote_after_the_attribution_sentence_continues_the_statement() {
    let body = "“Immigration is at the center of this campaign,” Clinton said at a school as she sat \
                between two children of undocumented immigrants. “This is very personal to me.”\n\n\
                The crowd applauded. “Thank you.”";
    let mentions = [person(body, "Clinton", 0, MentionForm::Name, 4)];
    let found = quotes(body, &mentions);
    let first = &found[0];
    assert_eq!(
        first.text,
        "Immigration is at the center of this campaign, … This is very personal to me."
    );
    // A reporter's sentence in between ends the statement.
    assert!(
        found
            .iter()
            .all(|q| !q.text.contains("Thank you") || q.parts.is_empty()),
        "{found:#?}"
    );
}

#[test]
fn short_quoted_phrase_is_a_quote_inside_a_reported_clause_only() {
    let body = "Zelensky described the talks as “artificial diplomacy” designed to delay sanctions. \
                The so-called “peace plan” was published on Monday.";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    let partial = found
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("partial quote");
    assert_eq!(partial.text, "artificial diplomacy");
    assert_eq!(speaker_name(partial), Some("Volodymyr Zelensky"));
    assert!(found.iter().all(|q| q.text != "peace plan"), "{found:#?}");
}

#[test]
fn relative_pronoun_source_is_its_antecedent() {
    let body = "Russia launched 502 drones at Ukraine last night, according to the Ukrainian air force, \
                which said it was able to intercept 430 of the drones.";
    let found = quotes(body, &[]);
    let intercepted = found
        .iter()
        .find(|q| q.text.contains("intercept 430"))
        .expect("quote");
    assert_eq!(intercepted.source.as_deref(), Some("the Ukrainian air force"));
}

#[test]
fn colon_introduction_in_previous_paragraph_attributes_the_quote() {
    let body = "Putin said:\n\n“Russia is ready for talks.”";
    let mentions = [person(body, "Putin", 0, MentionForm::Name, 1)];
    let found = quotes(body, &mentions);
    let q = found
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .expect("direct quote");
    assert_eq!(speaker_name(q), Some("Vladimir Putin"));
}

#[test]
fn multi_paragraph_quote_is_joined() {
    let body = "Zelensky said: “We asked for air defence.\n\n“We are still waiting,” he added.";
    let mentions = [
        person(body, "Zelensky", 0, MentionForm::Name, 0),
        person(body, "he", 0, MentionForm::Pronoun, 0),
    ];
    let found = quotes(body, &mentions);
    let q = found
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .expect("direct");
    assert_eq!(q.parts.len(), 2, "{found:#?}");
    assert!(q.text.starts_with("We asked for air defence."));
    assert_eq!(speaker_name(q), Some("Volodymyr Zelensky"));
}

#[test]
fn non_person_source_is_kept_as_written() {
    let body = "The Kremlin said the proposal was unacceptable to Moscow.";
    let mentions = [mention(
        body,
        "Kremlin",
        0,
        EntityType::Organization,
        MentionForm::Name,
        2,
    )];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    let q = &found[0];
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.text, "the proposal was unacceptable to Moscow");
    assert!(q.speaker.is_none());
    assert_eq!(q.source.as_deref(), Some("The Kremlin"));
}

#[test]
fn possessive_source_is_not_the_place() {
    let body = "Kyiv’s air force said it shot down 40 drones overnight.";
    let mentions = [mention(body, "Kyiv", 0, EntityType::Place, MentionForm::Name, 2)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].source.as_deref(), Some("Kyiv’s air force"));
    assert_eq!(found[0].text, "it shot down 40 drones overnight");
}

#[test]
fn relayed_report_keeps_the_reporter() {
    let body = "Reuters news agency reports that Zelensky said the summit could take place in Istanbul.";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(speaker_name(&found[0]), Some("Volodymyr Zelensky"));
    assert_eq!(found[0].reporter.as_deref(), Some("Reuters"));
    assert_eq!(found[0].text, "the summit could take place in Istanbul");
}

#[test]
fn relay_after_a_direct_quote() {
    let body = "“We are ready to meet,” Zelensky said, news agency RBC-Ukraine reports.";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].reporter.as_deref(), Some("RBC-Ukraine"));
    assert_eq!(speaker_name(&found[0]), Some("Volodymyr Zelensky"));
}

#[test]
fn according_to_puts_the_content_on_the_other_side() {
    let body = "According to Zelensky, more than 500 drones were launched overnight.";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].text, "more than 500 drones were launched overnight");
    assert_eq!(
        found[0].cue.as_ref().map(|c| c.lemma.as_str()),
        Some("according to")
    );
    let body = "More than 500 drones were launched overnight, according to the air force.";
    let found = quotes(body, &[]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].text, "More than 500 drones were launched overnight");
    assert_eq!(found[0].source.as_deref(), Some("the air force"));
}

#[test]
fn told_reporters_that_skips_to_the_clause() {
    let body = "Putin told reporters on Friday that Russia was ready for a ceasefire.";
    let mentions = [person(body, "Putin", 0, MentionForm::Name, 1)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].text, "that Russia was ready for a ceasefire");
}

#[test]
fn a_partial_quote_inside_indirect_speech_is_listed_with_the_clauses_speaker() {
    let body = "Zelensky said it was “impossible” to hold talks under fire.";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].kind, QuoteKind::Indirect);
    assert_eq!(found[0].text, "it was “impossible” to hold talks under fire");
    assert_eq!(found[1].kind, QuoteKind::Partial);
    assert_eq!(found[1].text, "impossible");
    assert_eq!(speaker_name(&found[1]), speaker_name(&found[0]));
    assert!(speaker_name(&found[1]).is_some());
}

#[test]
fn partial_quote_in_reporters_sentence() {
    let body =
        "The envoy left the room, calling it “an ultimatum dressed up as peace” in remarks to the press.";
    let found = quotes(body, &[]);
    let partial = found
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("partial quote");
    assert_eq!(partial.text, "an ultimatum dressed up as peace");
}

#[test]
fn short_scare_quotes_are_not_quotes() {
    let body = "The so-called “peace plan” was published on a Tuesday.";
    assert!(quotes(body, &[]).is_empty());
}

#[test]
fn guillemets_and_single_quotes_in_headlines() {
    let body = "Zelensky: ‘We will not trade territory for peace’\n\nPutin repeats «no ceasefire without conditions» line";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    let headline = found
        .iter()
        .find(|q| q.text.starts_with("We will not"))
        .expect("headline quote");
    assert_eq!(headline.kind, QuoteKind::Direct);
    assert_eq!(speaker_name(headline), Some("Volodymyr Zelensky"));
    assert!(
        found.iter().any(|q| q.text == "no ceasefire without conditions"),
        "{found:#?}"
    );
}

#[test]
fn doubled_apostrophes_are_quotation_marks() {
    let body = "''We will keep fighting,'' Zelensky said on Monday.";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, QuoteKind::Direct);
    assert_eq!(found[0].text, "We will keep fighting,");
    assert_eq!(speaker_name(&found[0]), Some("Volodymyr Zelensky"));
}

#[test]
fn appositive_source_keeps_the_name() {
    let body = "“Talks are possible,” Dmitry Peskov, the Kremlin spokesman, told reporters in Moscow.";
    let mentions = [person(body, "Dmitry Peskov", 0, MentionForm::Name, 3)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&found[0]), Some("Dmitry Peskov"));
}

#[test]
fn name_containing_a_cue_word_is_not_a_cue() {
    let body = "The Washington Post reported on the summit in Alaska last week.";
    assert!(quotes(body, &[])
        .iter()
        .all(|q| q.cue.as_ref().is_none_or(|c| c.text != "Post")));
}

#[test]
fn speech_acts_come_from_the_lexicon() {
    let body = "Peskov warned that Europe would pay a price. Zelensky urged allies to send more air defence.";
    let mentions = [
        person(body, "Peskov", 0, MentionForm::Name, 3),
        person(body, "Zelensky", 0, MentionForm::Name, 0),
    ];
    let acts: Vec<SpeechAct> = quotes(body, &mentions)
        .iter()
        .filter_map(|q| q.cue.as_ref().map(|c| c.act))
        .collect();
    assert_eq!(acts, vec![SpeechAct::Warning, SpeechAct::Demand]);
}

#[test]
fn trailing_relay_leaves_the_content_and_becomes_the_reporter() {
    let body = "Peskov said it was “pointless” to hold talks in Istanbul, the agency Interfax reports. \
                “We will not travel there for a photo opportunity. Let them come to us.”";
    let mentions = [person(body, "Peskov", 0, MentionForm::Name, 3)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 3, "{found:#?}");
    let indirect = &found[0];
    assert_eq!(indirect.kind, QuoteKind::Indirect);
    assert_eq!(indirect.text, "it was “pointless” to hold talks in Istanbul");
    assert_eq!(indirect.reporter.as_deref(), Some("Interfax"));
    // The partial quote inside it is Peskov's word, relayed by Interfax too.
    let partial = &found[1];
    assert_eq!(
        (partial.kind, partial.text.as_str()),
        (QuoteKind::Partial, "pointless")
    );
    assert_eq!(partial.reporter.as_deref(), Some("Interfax"));
    // The quotation after it has no cue: it continues Peskov's statement.
    let direct = &found[2];
    assert_eq!(direct.kind, QuoteKind::Direct);
    assert_eq!(speaker_name(direct), Some("Dmitry Peskov"));
    assert_eq!(direct.reporter.as_deref(), Some("Interfax"));
}

#[test]
fn time_adjunct_between_subject_and_cue_is_not_the_source() {
    let body = "The Kremlin on Monday said Moscow would send a delegation to Geneva.";
    let found = quotes(body, &[]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].source.as_deref(), Some("The Kremlin"));
}

#[test]
fn sentence_adverb_before_relay_outlet_is_not_part_of_its_name() {
    let body =
        "Meanwhile, Interfax news agency reports that Putin said the summit could move to another city.";
    let mentions = [person(body, "Putin", 0, MentionForm::Name, 1)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(speaker_name(&found[0]), Some("Vladimir Putin"));
    assert_eq!(found[0].reporter.as_deref(), Some("Interfax"));
}

#[test]
fn unresolved_pronoun_source_falls_back_to_the_last_person_speaker() {
    let body = "Zelensky said Kyiv would hold the line through the winter.\n\n\
                He added that the allies had promised more air defence systems.";
    // The identity stage gave no mention for "He".
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 2, "{found:#?}");
    let added = &found[1];
    assert_eq!(speaker_name(added), Some("Volodymyr Zelensky"));
    assert_eq!(
        added.speaker.as_ref().map(|s| s.span.slice(body)),
        Some(Some("He"))
    );
    assert_eq!(added.source, None);
}

#[test]
fn pronoun_source_without_an_earlier_speaker_stays_as_written() {
    let body = "She added that the plan had been dropped long ago.";
    let found = quotes(body, &[]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].speaker, None);
    assert_eq!(found[0].source.as_deref(), Some("She"));
}

#[test]
fn quoted_tail_after_a_clause_comma_is_embedded_and_keeps_the_subject() {
    let body = "Russia’s President Vladimir Putin has invited Ukrainian President Volodymyr Zelensky \
                to a debate in Moscow, “if he has the nerve”.";
    let mentions = [
        person(body, "Vladimir Putin", 0, MentionForm::Name, 1),
        person(body, "Volodymyr Zelensky", 0, MentionForm::Name, 0),
    ];
    let found = quotes(body, &mentions);
    let q = found
        .iter()
        .find(|q| q.text.contains("nerve"))
        .expect("quote with the quoted tail");
    // Embedded in the reporter's clause: a partial quote, or the indirect
    // clause of "invited" that contains it — never a standalone direct quote.
    assert_ne!(q.kind, QuoteKind::Direct, "{found:#?}");
    assert_eq!(speaker_name(q), Some("Vladimir Putin"));
}

#[test]
fn long_appositive_with_clause_words_keeps_the_name_before_it() {
    let body = "“The ceasefire will hold,” Dmitry Peskov, a former diplomat and the spokesman of the \
                presidential administration, told reporters.";
    let mentions = [person(body, "Dmitry Peskov", 0, MentionForm::Name, 3)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(speaker_name(&found[0]), Some("Dmitry Peskov"));
}

fn assert_spans_valid(body: &str, found: &[Quote]) {
    for q in found {
        assert!(
            q.span.slice(body).is_some(),
            "span {:?} not on char boundaries",
            q.span
        );
        for part in &q.parts {
            assert!(part.slice(body).is_some());
        }
        if let Some(s) = &q.speaker {
            assert!(s.span.slice(body).is_some());
        }
        if let Some(c) = &q.cue {
            assert!(c.span.slice(body).is_some());
        }
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_char_safe(body in "[a-zA-Z ,.:;’‘“”\"'«»\n—éк]{0,300}") {
        let sentences = split_sentences(&body, &[]);
        let found = find_quotes(&body, &[], &sentences, &[]);
        assert_spans_valid(&body, &found);
    }

    #[test]
    fn never_panics_on_speech_like_text(
        words in proptest::collection::vec(
            prop_oneof![
                Just("said"), Just("he"), Just("Putin"), Just("“"), Just("”"), Just("\""), Just(","),
                Just("."), Just(":"), Just("according"), Just("to"), Just("that"), Just("\n\n"), Just("told"),
                Just("Kyiv’s"), Just("«"), Just("»"), Just("reports"), Just("war"), Just("‘"), Just("’")
            ],
            0..60,
        )
    ) {
        let body = words.join(" ");
        let sentences = split_sentences(&body, &[]);
        let found = find_quotes(&body, &[], &sentences, &[]);
        assert_spans_valid(&body, &found);
    }
}

#[test]
fn long_speaker_description_between_the_pieces_keeps_one_quote() {
    let body = "“The risk,” said Peskov, a spokesman who has been the director of the press office of the \
                Kremlin for many years, “is that the talks stall.”";
    let mentions = [person(body, "Peskov", 0, MentionForm::Name, 3)];
    let found = quotes(body, &mentions);
    let direct: Vec<&Quote> = found.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1, "{found:#?}");
    assert_eq!(direct[0].parts.len(), 2);
    assert_eq!(speaker_name(direct[0]), Some("Dmitry Peskov"));
}

#[test]
fn participle_clause_after_the_attribution_does_not_end_the_statement() {
    let body = "“We are five right now,” Peskov said, adding that the old office by the river had closed in May after the spring floods. \
                “Another is coming back tomorrow.”";
    let mentions = [person(body, "Peskov", 0, MentionForm::Name, 3)];
    let found = quotes(body, &mentions);
    let statement = found
        .iter()
        .find(|q| q.text.starts_with("We are five"))
        .expect("the first quote");
    assert_eq!(statement.parts.len(), 2, "{found:#?}");
    assert!(!found.iter().any(|q| q.text.starts_with("Another")), "{found:#?}");
    assert!(found.iter().any(|q| q.kind == QuoteKind::Indirect), "{found:#?}");
}

#[test]
fn quoted_phrase_with_no_cue_or_source_is_not_a_quote() {
    let body = "Many of the courses built in the boom years are “rabbit patches and goat farms” today.";
    assert!(quotes(body, &[]).is_empty(), "{:#?}", quotes(body, &[]));
}

#[test]
fn colon_after_a_clause_attributes_to_the_person_named_in_it() {
    let body =
        "Peskov, the spokesman of the Kremlin for many years now, put it this way: “This will not happen.”";
    let mentions = [person(body, "Peskov", 0, MentionForm::Name, 3)];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(speaker_name(&found[0]), Some("Dmitry Peskov"), "{found:#?}");
}

#[test]
fn participle_introducing_a_quote_takes_the_subject_of_its_clause() {
    let body = "Zelensky posted a Twitter comment of his own on Monday, saying, “We will not give up.”";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    let quote = found
        .iter()
        .find(|q| q.text.starts_with("We will not"))
        .expect("the quote");
    assert_eq!(quote.kind, QuoteKind::Direct, "{found:#?}");
    assert_eq!(speaker_name(quote), Some("Volodymyr Zelensky"), "{found:#?}");
}

#[test]
fn participle_after_a_quote_is_not_an_inverted_attribution() {
    let body = "He also vowed, “We are going to win this fast,” referring to the Islamic State.";
    let found = quotes(body, &[]);
    let quote = found
        .iter()
        .find(|q| q.text.starts_with("We are"))
        .expect("the quote");
    assert_eq!(quote.source.as_deref(), Some("He"), "{found:#?}");
}

// Mixed quotes: a quotation carrying on a clause the reporter began
// (`mixed.rs`).

fn first_of_kind(found: &[Quote], kind: QuoteKind) -> &Quote {
    found
        .iter()
        .find(|q| q.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} quote in {found:#?}"))
}

fn kinds_and_texts(found: &[Quote]) -> Vec<(QuoteKind, &str)> {
    found.iter().map(|q| (q.kind, q.text.as_str())).collect()
}

/// The quotes of `body` with Zelensky named and `pronoun` (if any) referring
/// to him, checked to be exactly `expected` (kind, text) in text order.
fn assert_zelensky_quotes(body: &str, pronoun: Option<&str>, expected: &[(QuoteKind, &str)]) -> Vec<Quote> {
    let mut mentions = vec![person(body, "Zelensky", 0, MentionForm::Name, 0)];
    mentions.extend(pronoun.map(|p| person(body, p, 0, MentionForm::Pronoun, 0)));
    let found = quotes(body, &mentions);
    assert_eq!(kinds_and_texts(&found), expected, "{found:#?}");
    found
}

#[test]
fn quotation_continuing_the_reporters_subject_is_a_clause_with_a_partial_inside() {
    let body = "Trump spoke in Buffalo.\n\nKasich “has a track record of bringing people together,” he said.";
    let mentions = [
        person(body, "Trump", 0, MentionForm::Name, 0),
        person(body, "Kasich", 0, MentionForm::Name, 1),
        person(body, "he", 0, MentionForm::Pronoun, 0),
    ];
    let found = quotes(body, &mentions);
    let clause = first_of_kind(&found, QuoteKind::Indirect);
    assert!(
        clause.text.starts_with("Kasich “has a track record"),
        "{found:#?}"
    );
    let partial = first_of_kind(&found, QuoteKind::Partial);
    assert_eq!(partial.text, "has a track record of bringing people together,");
    assert!(clause.span.start <= partial.span.start && partial.span.end <= clause.span.end);
    assert_eq!(speaker_name(clause), Some("Volodymyr Zelensky"));
    assert_eq!(speaker_name(partial), Some("Volodymyr Zelensky"));
    assert!(found.iter().all(|q| q.kind != QuoteKind::Direct), "{found:#?}");
}

#[test]
fn attribution_interrupting_a_mixed_clause_leaves_the_clause_in_two_parts() {
    let body =
        "If Clinton is elected, he said, “she might be going back and forth between the White House and the \
                courthouse.”";
    let mentions = [
        person(body, "Clinton", 0, MentionForm::Name, 1),
        person(body, "he", 0, MentionForm::Pronoun, 0),
    ];
    let found = quotes(body, &mentions);
    let clause = first_of_kind(&found, QuoteKind::Indirect);
    let parts: Vec<&str> = clause.parts.iter().filter_map(|p| p.slice(body)).collect();
    assert_eq!(
        parts,
        [
            "If Clinton is elected",
            "she might be going back and forth between the White House and the courthouse."
        ],
        "{found:#?}"
    );
    assert_eq!(clause.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
}

#[test]
fn quotation_after_nothing_but_its_attribution_stays_direct() {
    assert_zelensky_quotes(
        "“We will not give up,” Zelensky said. He said, “the talks are over for now.”",
        Some("He"),
        &[
            (QuoteKind::Direct, "We will not give up,"),
            (QuoteKind::Direct, "the talks are over for now."),
        ],
    );
}

#[test]
fn connective_before_an_interrupting_attribution_is_not_a_clause() {
    assert_zelensky_quotes(
        "But, Zelensky said, “the talks are over for now.”",
        None,
        &[(QuoteKind::Direct, "the talks are over for now.")],
    );
}

#[test]
fn quotation_with_a_cue_of_its_own_is_not_the_next_piece_of_the_one_before() {
    let found = assert_zelensky_quotes(
        "“We will not give up,” Zelensky said. “The talks are over for now,” he added.",
        Some("he"),
        &[
            (QuoteKind::Direct, "We will not give up,"),
            (QuoteKind::Direct, "The talks are over for now,"),
        ],
    );
    assert_eq!(found[1].cue.as_ref().map(|c| c.lemma.as_str()), Some("add"));
}

#[test]
fn question_closing_inside_the_marks_takes_the_attribution_after_it() {
    let body =
        "Biden spoke on Monday.\n\n“Does he not understand we wrote Japan’s Constitution?” Biden said.";
    let mentions = [
        person(body, "Biden", 0, MentionForm::Name, 0),
        person(body, "Biden", 1, MentionForm::Name, 0),
    ];
    let found = quotes(body, &mentions);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].cue.as_ref().map(|c| c.text.as_str()),
        Some("said"),
        "{found:#?}"
    );
}

#[test]
fn programme_title_after_a_cue_is_where_it_was_said_not_a_quote() {
    let body = "Zelensky told CBS’s “Face the Nation” that the talks were over.";
    let mentions = [person(body, "Zelensky", 0, MentionForm::Name, 0)];
    let found = quotes(body, &mentions);
    assert!(found.iter().all(|q| q.text != "Face the Nation"), "{found:#?}");
}
