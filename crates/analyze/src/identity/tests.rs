//! Identity resolution on small texts written for each rule.

use parallax_core::{EntityMention, EntityType, MentionForm};
use proptest::prelude::*;

use super::*;
use crate::ner::{NamedSpan, NerLabel};

fn resolve(body: &str) -> Vec<EntityMention> {
    resolve_entities(body, &[], &[])
}

fn at<'a>(mentions: &'a [EntityMention], body: &str, text: &str, nth: usize) -> &'a EntityMention {
    let start = body
        .match_indices(text)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no {text}"));
    mentions
        .iter()
        .find(|m| m.span.start == start)
        .unwrap_or_else(|| panic!("no mention at {text:?} #{nth}: {mentions:#?}"))
}

#[test]
fn name_surname_title_and_pronoun_share_one_entity() {
    let body = "Russian President Vladimir Putin met envoys on Monday. Putin said talks were useful. \
                Speaking in Beijing, the Kremlin chief ruled out a meeting. The Russian leader said he was ready.";
    let m = resolve(body);
    let name = at(&m, body, "Vladimir Putin", 0);
    assert_eq!(
        (name.key.as_str(), name.kb_id.as_deref()),
        ("person:putin-vladimir", Some("Q7747"))
    );
    for (text, form) in [
        ("Putin said", MentionForm::Name),
        ("Kremlin chief", MentionForm::Title),
        ("Russian leader", MentionForm::Title),
        ("he was", MentionForm::Pronoun),
    ] {
        let mention = at(&m, body, text, 0);
        assert_eq!((mention.entity, mention.form), (name.entity, form), "{text}");
        assert_eq!(mention.key, name.key, "{text}");
    }
    assert_eq!(at(&m, body, "Beijing", 0).entity_type, EntityType::Place);
}

#[test]
fn transliterations_unite_and_pronoun_follows_previous_subject() {
    let body = "Ukraine's Foreign Minister Andrii Sybiha blasted Russia for tabling old ultimatums. \
                “Russia has not changed its goals,” he said. Later Sybiga added that seven countries offered talks.";
    let m = resolve(body);
    let sybiha = at(&m, body, "Andrii Sybiha", 0);
    assert_eq!(sybiha.key, "person:sybiha-andrii");
    assert_eq!(at(&m, body, "Sybiga", 0).entity, sybiha.entity);
    let he = at(&m, body, "he said", 0);
    assert_eq!((he.entity, he.form), (sybiha.entity, MentionForm::Pronoun));
    assert_eq!(at(&m, body, "Russia", 0).key, "country:rus");
}

#[test]
fn title_without_name_resolves_through_the_knowledge_base() {
    let body = "The Ukrainian leader and former comedian has asked for talks.";
    let m = resolve(body);
    let leader = at(&m, body, "Ukrainian leader", 0);
    assert_eq!(
        (leader.key.as_str(), leader.form),
        ("person:zelensky-volodymyr", MentionForm::Title)
    );
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let body =
        "Regional governor Ivan Fedorov said a drone hit Zaporizhzhia. Digital minister Mykhailo Fedorov \
                announced a new app. Fedorov said it would launch in May.";
    let m = resolve(body);
    let ivan = at(&m, body, "Ivan Fedorov", 0);
    let mykhailo = at(&m, body, "Mykhailo Fedorov", 0);
    assert_ne!(ivan.entity, mykhailo.entity);
    assert_ne!(ivan.key, mykhailo.key);
    // The bare surname goes to the nearest preceding full name.
    assert_eq!(at(&m, body, "Fedorov said it", 0).entity, mykhailo.entity);
}

#[test]
fn unknown_full_name_introduced_by_title_is_followed_by_surname() {
    let body = "Donetsk region governor Oksana Hryhorenko said shelling continued. Hryhorenko urged residents to leave.";
    let m = resolve(body);
    let full = at(&m, body, "Oksana Hryhorenko", 0);
    assert_eq!(
        (full.entity_type, full.key.as_str()),
        (EntityType::Person, "person:hryhorenko-oksana")
    );
    assert_eq!(at(&m, body, "Hryhorenko urged", 0).entity, full.entity);
    assert_eq!(at(&m, body, "Donetsk region", 0).key, "place:donetsk-region");
}

#[test]
fn capitals_acting_are_governments_but_stay_places_after_prepositions() {
    let body =
        "Moscow launched more than 500 drones, Kyiv's air force said. Kyiv has dismissed the invitation. \
                Putin invited Zelenskyy to come to Moscow. The Kremlin said talks in Moscow were possible.";
    let m = resolve(body);
    let launched = at(&m, body, "Moscow launched", 0);
    assert_eq!(
        (
            launched.entity_type,
            launched.key.as_str(),
            launched.metonym_of.as_deref()
        ),
        (
            EntityType::Organization,
            "org:russia-government",
            Some("place:moscow")
        )
    );
    let air_force = at(&m, body, "Kyiv's air force", 0);
    assert_eq!(
        (air_force.entity_type, air_force.key.as_str()),
        (EntityType::Organization, "org:ukraine-air-force")
    );
    assert_eq!(at(&m, body, "Kyiv has", 0).key, "org:ukraine-government");
    let to_moscow = at(&m, body, "Moscow. The", 0);
    assert_eq!(
        (to_moscow.entity_type, to_moscow.key.as_str()),
        (EntityType::Place, "place:moscow")
    );
    let kremlin = at(&m, body, "Kremlin", 0);
    assert_eq!(
        (kremlin.key.as_str(), kremlin.entity),
        ("org:russia-government", launched.entity)
    );
    assert_eq!(at(&m, body, "Moscow were", 0).entity_type, EntityType::Place);
}

#[test]
fn variant_place_spellings_share_a_key() {
    let body =
        "Shelling hit Lugansk and Kharkov. Officials in Luhansk and Kharkiv, Kiev and Odessa confirmed it.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "Lugansk", 0).key, at(&m, body, "Luhansk", 0).key);
    assert_eq!(at(&m, body, "Kharkov", 0).key, at(&m, body, "Kharkiv", 0).key);
    assert_eq!(at(&m, body, "Kiev", 0).key, "place:kyiv");
    assert_eq!(at(&m, body, "Odessa", 0).key, "place:odesa");
}

#[test]
fn nationality_words_are_groups() {
    let body = "Ukrainians queued for water while Russian troops advanced.";
    let m = resolve(body);
    let group = at(&m, body, "Ukrainians", 0);
    assert_eq!(
        (group.entity_type, group.key.as_str()),
        (EntityType::Group, "group:ukr")
    );
    let troops = at(&m, body, "Russian troops", 0);
    assert_eq!(troops.key, "org:russia-armed-forces");
}

#[test]
fn tagger_spans_add_names_the_lexicons_lack() {
    let body = "Analyst Tatiana Stanovaya said the Carnegie Russia Eurasia Center expected delays.";
    let start = body.find("Carnegie").unwrap_or(0);
    let named = [NamedSpan {
        span: Span::new(start, start + "Carnegie Russia Eurasia Center".len()),
        label: NerLabel::Org,
        confidence: 0.9,
    }];
    let m = resolve_entities(body, &[], &named);
    assert_eq!(
        at(&m, body, "Carnegie", 0).key,
        "org:carnegie-rusia-eurasia-center"
    );
    assert_eq!(
        at(&m, body, "Tatiana Stanovaya", 0).key,
        "person:stanovaya-tatiana"
    );
}

#[test]
fn entity_indices_are_dense_and_in_order_of_first_mention() {
    let body = "Trump spoke to Zelensky. Zelenskyy thanked Trump and Macron.";
    let m = resolve(body);
    let mut seen = Vec::new();
    for mention in &m {
        if !seen.contains(&mention.entity) {
            assert_eq!(mention.entity, seen.len());
            seen.push(mention.entity);
        }
    }
    assert_eq!(
        at(&m, body, "Zelensky", 0).entity,
        at(&m, body, "Zelenskyy", 0).entity
    );
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_valid(body in "\\PC{0,200}") {
        let mentions = resolve(&body);
        for m in &mentions {
            prop_assert!(m.span.slice(&body).is_some());
            prop_assert!((0.0..=1.0).contains(&m.confidence));
        }
    }

    #[test]
    fn never_panics_on_name_like_text(body in "([A-Z][a-z’']{0,8}[ ,.“”]{1,2}){0,30}") {
        let spans = [NamedSpan { span: Span::new(0, body.len()), label: NerLabel::Per, confidence: 2.0 }];
        for m in resolve_entities(&body, &[], &spans) {
            prop_assert!(m.span.slice(&body).is_some());
        }
    }
}

#[test]
fn object_pronoun_is_not_its_clause_subject() {
    let body = "Vladimir Putin met Volodymyr Zelensky and thanked him for coming.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "him", 0).key, "person:zelensky-volodymyr");
    // A possessive or title mention of the other person is enough.
    let body = "Speaking in Beijing, the Kremlin chief questioned the Ukrainian leader’s legitimacy, \
                referring to him as a usurper.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "him", 0).key, "person:zelensky-volodymyr");
    // A resolved "he" is the subject of its clause too.
    let body = "Vladimir Putin said he wanted talks with Volodymyr Zelensky, and invited him to Moscow.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "him", 0).key, "person:zelensky-volodymyr");
}

#[test]
fn object_pronoun_past_a_clause_opener_may_be_the_main_subject() {
    // "him" is in the clause of "Zelensky should call": Putin is free.
    let body = "Vladimir Putin said Volodymyr Zelensky should call him.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "him", 0).key, "person:putin-vladimir");
    // A possessive is not a subject, and with no rival the sentence's person stays.
    let body = "Vladimir Putin’s aide praised him.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "him", 0).key, "person:putin-vladimir");
    // "asked Zelensky to call him": the infinitive's understood subject is
    // Zelensky, so the asker stays available.
    let body = "Vladimir Putin asked Volodymyr Zelensky to call him.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "him", 0).key, "person:putin-vladimir");
}

#[test]
fn condition_after_a_control_verb_refers_to_the_invitee() {
    let body =
        "Vladimir Putin said he had invited Volodymyr Zelensky to come to Moscow if he wanted to talk.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he had", 0).key, "person:putin-vladimir");
    assert_eq!(at(&m, body, "he wanted", 0).key, "person:zelensky-volodymyr");
    // A title between the verb and the name belongs to the object.
    let body = "Volodymyr Zelensky invited Russian President Vladimir Putin to Kyiv, “if he dares”.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he dares", 0).key, "person:putin-vladimir");
    // Without a control verb the subject keeps the pronoun.
    let body = "Vladimir Putin met Volodymyr Zelensky in Moscow when he arrived.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he arrived", 0).key, "person:putin-vladimir");
}

#[test]
fn editorial_brackets_stay_balanced_in_a_name() {
    let body = "“Donald [Trump] asked me for a meeting,” Vladimir Putin said. Trump agreed.";
    let m = resolve(body);
    let trump = at(&m, body, "Donald", 0);
    assert_eq!(trump.span.slice(body), Some("Donald [Trump]"));
    assert_eq!(trump.key, "person:trump-donald");
    assert_eq!(at(&m, body, "Trump agreed", 0).entity, trump.entity);
    // A bracket around the whole name is not part of it.
    let body = "Officials said [Zelensky] would travel.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "Zelensky", 0).span.slice(body), Some("Zelensky"));
}

#[test]
fn adjectival_compounds_are_not_entities() {
    let body =
        "Russian-backed separatists joined US-mediated talks and a French-British plan with Al-Jazeera.";
    let tag = |text: &str, label| NamedSpan {
        span: Span::new(
            body.find(text).unwrap_or(0),
            body.find(text).unwrap_or(0) + text.len(),
        ),
        label,
        confidence: 0.9,
    };
    let named = [
        tag("Russian-backed", NerLabel::Misc),
        tag("US-mediated", NerLabel::Misc),
        tag("French-British", NerLabel::Misc),
        tag("Al-Jazeera", NerLabel::Org),
    ];
    let m = resolve_entities(body, &[], &named);
    assert!(m.iter().all(|m| m.entity_type != EntityType::Misc), "{m:#?}");
    assert_eq!(
        at(&m, body, "Al-Jazeera", 0).entity_type,
        EntityType::Organization
    );
}

#[test]
fn an_invitation_from_a_seat_of_government_is_the_government() {
    let body = "Zelensky declined an invitation from the Kremlin. Envoys returned from the Kremlin. \
                A statement from Moscow followed. Refugees fled from Moscow.";
    let m = resolve(body);
    let invitation = at(&m, body, "Kremlin", 0);
    assert_eq!(
        (invitation.entity_type, invitation.key.as_str()),
        (EntityType::Organization, "org:russia-government")
    );
    assert_eq!(at(&m, body, "Kremlin", 1).entity_type, EntityType::Place);
    let statement = at(&m, body, "Moscow", 0);
    assert_eq!(
        (statement.entity_type, statement.key.as_str()),
        (EntityType::Organization, "org:russia-government")
    );
    assert_eq!(at(&m, body, "Moscow", 1).key, "place:moscow");
}

#[test]
fn a_narrative_pronoun_after_a_quotation_skips_names_inside_it() {
    // The name inside the quotation is what the speaker talks about.
    let body = "Andrii Sybiha dismissed the offer. “These are serious proposals. Yet Vladimir Putin \
                keeps stalling,” he said.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he said", 0).key, "person:sybiha-andrii");
    // The quotation's own sentences do not count as distance.
    let body = "Volodymyr Zelensky said talks had begun. “We see no progress. We see no desire. \
                We see no plan. Leaders should end the war,” he said.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he said", 0).key, "person:zelensky-volodymyr");
    // With no narrative candidate, a name in the quotation is still taken.
    let body = "“Vladimir Putin is ready,” he said.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he said", 0).key, "person:putin-vladimir");
}

#[test]
fn a_straight_quote_left_open_ends_with_its_paragraph() {
    let body = "Volodymyr Zelensky spoke. \"We will not give up\n\n\"Never,\" he said of Vladimir Putin.";
    let words = words::scan(body, &[]);
    let he = words.iter().find(|w| w.text == "he").map(|w| w.quoted);
    assert_eq!(he, Some(false));
}

#[test]
fn a_pronoun_after_a_fronted_condition_is_its_subject() {
    let body = "Volodymyr Zelensky said that, if Vladimir Putin is serious about peace, he should \
                not invite him to Moscow.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he should", 0).key, "person:putin-vladimir");
    assert_eq!(at(&m, body, "him", 0).key, "person:zelensky-volodymyr");
    // Sentence-initial, with a title as the condition's subject.
    let body = "Vladimir Putin met Volodymyr Zelensky. When the Ukrainian leader arrived, he spoke first.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he spoke", 0).key, "person:zelensky-volodymyr");
    // A condition after its main clause does not move the pronoun.
    let body = "Vladimir Putin said he would meet Volodymyr Zelensky if he came to Moscow, he added.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "he added", 0).key, "person:putin-vladimir");
}

#[test]
fn capitals_act_past_adverbs_modals_and_partners() {
    let body = "In 2022, Warsaw also quietly expanded its army. It is a line Berlin will not cross. \
                Paris and its European allies have refused. Berlin will be cold tonight. \
                Tourists love Paris and its museums.";
    let m = resolve(body);
    for (text, nth, key) in [
        ("Warsaw", 0, "org:poland-government"),
        ("Berlin", 0, "org:germany-government"),
        ("Paris", 0, "org:france-government"),
    ] {
        let mention = at(&m, body, text, nth);
        assert_eq!(
            (mention.entity_type, mention.key.as_str()),
            (EntityType::Organization, key),
            "{text}"
        );
    }
    assert_eq!(at(&m, body, "Berlin", 1).entity_type, EntityType::Place);
    assert_eq!(at(&m, body, "Paris", 1).entity_type, EntityType::Place);
}

#[test]
fn a_capital_accused_or_urged_is_its_government() {
    let body = "Diplomats accused Warsaw of stalling and urged Berlin to act. Tourists visited Berlin \
                to shop and praised Paris.";
    let m = resolve(body);
    assert_eq!(at(&m, body, "Warsaw", 0).entity_type, EntityType::Organization);
    assert_eq!(at(&m, body, "Berlin", 0).entity_type, EntityType::Organization);
    assert_eq!(at(&m, body, "Berlin", 1).entity_type, EntityType::Place);
    assert_eq!(at(&m, body, "Paris", 0).entity_type, EntityType::Place);
}
