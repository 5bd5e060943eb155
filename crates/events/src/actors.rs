//! Real-world actors: the entity mentions of a sentence coded the CAMEO way
//! (country + role) from the knowledge base — people and organisations carry
//! their actor code, countries their ISO3, institutions ("Kyiv's air force")
//! their country plus the institution's role — and role nouns from
//! `data/agents.tsv` ("Ukrainian forces" → UKRMIL, "civilians" → CVL).

use std::collections::HashMap;

use once_cell::sync::Lazy;
use parallax_analyze::gazetteer::gazetteer;
use parallax_analyze::kb::kb;
use parallax_core::{EntityMention, EntityType, EventActor, Span};

/// An actor standing at words `[start, end)` of a sentence.
#[derive(Debug, Clone)]
pub struct ActorSlot {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The coded actor; `None` for a person, organisation or group the
    /// knowledge base has no code for: it still holds its subject or object
    /// position, so the event's actor there is unknown rather than another
    /// actor further away.
    pub actor: Option<EventActor>,
    /// Known by name or title (not a pronoun or a bare role noun).
    pub named: bool,
    /// A person (not an organisation, country, group or role noun).
    pub person: bool,
}

/// The elite role CAMEO gives former office holders ("former President" → ELI).
pub const ELITE: &str = "ELI";

/// The code of `code` with its role made elite: "UKRGOV" → "UKRELI", "GOV" → "ELI".
pub fn as_elite(code: &str) -> String {
    match split_code(code).0 {
        Some(country) => format!("{country}{ELITE}"),
        None => ELITE.to_owned(),
    }
}

/// Actor codes of the knowledge base by entity key.
static KB_CODES: Lazy<HashMap<String, (String, Option<String>)>> = Lazy::new(|| {
    let kb = kb();
    let people = kb
        .people
        .iter()
        .filter_map(|p| Some((p.key.clone(), (p.actor.clone()?, p.qid.clone()))));
    let orgs = kb
        .organizations
        .iter()
        .filter_map(|o| Some((o.key.clone(), (o.actor.clone()?, o.qid.clone()))));
    people.chain(orgs).collect()
});

static AGENTS: Lazy<Vec<(Vec<String>, String)>> = Lazy::new(|| {
    let mut agents: Vec<(Vec<String>, String)> = include_str!("../data/agents.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (phrase, role) = l.split_once('\t')?;
            Some((
                phrase.split_whitespace().map(str::to_uppercase).collect(),
                role.trim().to_owned(),
            ))
        })
        .collect();
    agents.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    agents
});

/// The CAMEO code of an entity key, when it names an actor.
pub fn code_of_key(key: &str) -> Option<(String, Option<String>)> {
    if let Some(found) = KB_CODES.get(key) {
        return Some(found.clone());
    }
    if let Some(iso3) = key.strip_prefix("country:") {
        return Some((iso3.to_uppercase(), None));
    }
    // Institutions every country has: org:<country-slug>-<institution-slug>.
    let rest = key.strip_prefix("org:")?;
    let country = gazetteer()
        .countries
        .iter()
        .find(|c| rest.strip_prefix(&c.slug()).is_some_and(|s| s.starts_with('-')))?;
    let institution = rest.get(country.slug().len() + 1..)?.replace('-', " ");
    let suffix = kb().institution(&institution).map(|i| i.actor.clone())?;
    Some((format!("{}{}", country.iso3, suffix), None))
}

/// A code's country (ISO3) and role: "UKRMIL" → (UKR, MIL), "CVL" → (-, CVL).
pub fn split_code(code: &str) -> (Option<String>, Option<String>) {
    let is_country = code.len() >= 3 && gazetteer().country_by_iso3(code.get(..3).unwrap_or("")).is_some();
    if is_country {
        let role = code.get(3..6).filter(|r| !r.is_empty()).map(str::to_owned);
        (code.get(..3).map(str::to_owned), role)
    } else {
        (None, code.get(..3).map(str::to_owned))
    }
}

/// Builds an [`EventActor`] from a code and the words it stands for.
pub fn event_actor(code: &str, text: &str, span: Span, mention: Option<&EntityMention>) -> EventActor {
    let (country, role) = split_code(code);
    EventActor {
        text: text.to_owned(),
        span,
        name: mention.map(|m| m.canonical.clone()),
        key: mention.map(|m| m.key.clone()),
        kb_id: mention.and_then(|m| m.kb_id.clone()),
        code: code.to_owned(),
        country,
        role,
    }
}

/// The same actor under another code ("UKRGOV" made elite, a shared country).
pub fn recode(actor: &EventActor, code: &str) -> EventActor {
    let (country, role) = split_code(code);
    EventActor {
        code: code.to_owned(),
        country,
        role,
        ..actor.clone()
    }
}

/// Titles written before a surname ("Mrs. Clinton", "Sen. Cruz"): the
/// name after them is a person's, whatever else it may name.
const PERSON_TITLES: &[&str] = &[
    "MR",
    "MRS",
    "MS",
    "DR",
    "SEN",
    "SENATOR",
    "REP",
    "GOV",
    "GOVERNOR",
    "PRESIDENT",
    "SECRETARY",
    "SPEAKER",
    "JUDGE",
];

/// True for a title that only stands before a person's name (upper-case word, final dot optional).
pub fn is_person_title(word: &str) -> bool {
    PERSON_TITLES.contains(&word.trim_end_matches('.'))
}

/// The actor a titled surname names when the entity layer took it for a
/// place ("Mrs. Clinton", "Mr. Bush": towns in the gazetteer): the
/// knowledge base's person with that surname, or, when several share it
/// and their code (two Clintons, three Bushes: `USAGOV`), that code under
/// the ambiguous key `person:<surname>`, as the entity layer keys a
/// surname it cannot resolve. `None` when no one or people with different
/// codes bear it.
pub fn titled_surname(surname: &str, span: Span) -> Option<EventActor> {
    let kb = kb();
    let folded = parallax_analyze::gazetteer::fold::fold_word(surname);
    let people: Vec<&parallax_analyze::kb::Person> = kb
        .people_with_surname(&folded)
        .iter()
        .filter_map(|&i| kb.people.get(i))
        .collect();
    let code = people.first()?.actor.clone()?;
    if people.iter().any(|p| p.actor.as_deref() != Some(code.as_str())) {
        return None;
    }
    let mut actor = event_actor(&code, surname, span, None);
    match people.as_slice() {
        [only] => {
            actor.name = Some(only.canonical.clone());
            actor.key = Some(only.key.clone());
            actor.kb_id = only.qid.clone();
        }
        _ => actor.key = Some(format!("person:{folded}")),
    }
    Some(actor)
}

/// True for an entity mention that can be an actor (not a bare place).
pub fn is_actor_mention(m: &EntityMention) -> bool {
    matches!(
        m.entity_type,
        EntityType::Person | EntityType::Organization | EntityType::Country | EntityType::Group
    )
}

/// The role noun starting at word `i`: (word count, role code).
pub fn agent_at(words: &[String], i: usize) -> Option<(usize, &'static str)> {
    AGENTS.iter().find_map(|(phrase, role)| {
        let window = words.get(i..i + phrase.len())?;
        (window == phrase.as_slice()).then_some((phrase.len(), role.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kb_countries_and_institutions_code() {
        assert_eq!(
            code_of_key("person:zelensky-volodymyr").map(|c| c.0),
            Some("UKRGOV".to_owned())
        );
        assert_eq!(
            code_of_key("person:sybiha-andrii").map(|c| c.0),
            Some("UKRGOV".to_owned())
        );
        assert_eq!(code_of_key("country:rus").map(|c| c.0), Some("RUS".to_owned()));
        assert_eq!(
            code_of_key("org:ukraine-air-force").map(|c| c.0),
            Some("UKRMIL".to_owned())
        );
        assert!(code_of_key("place:kyiv").is_none());
    }

    #[test]
    fn titled_surnames_code_when_their_bearers_agree() {
        let span = Span::new(0, 7);
        let clinton = titled_surname("Clinton", span).expect("two Clintons, one code");
        assert_eq!(
            (clinton.code.as_str(), clinton.key.as_deref()),
            ("USAGOV", Some("person:clinton"))
        );
        let obama = titled_surname("Obama", span).expect("one Obama");
        assert_eq!(obama.key.as_deref(), Some("person:obama-barack"));
        assert!(titled_surname("Nobodyknown", span).is_none());
        assert!(is_person_title("MRS.") && is_person_title("SEN") && !is_person_title("THE"));
    }

    #[test]
    fn codes_split_into_country_and_role() {
        assert_eq!(split_code("UKRMIL"), (Some("UKR".into()), Some("MIL".into())));
        assert_eq!(split_code("CVL"), (None, Some("CVL".into())));
        assert_eq!(
            (as_elite("UKRGOV"), as_elite("GOV")),
            ("UKRELI".into(), "ELI".into())
        );
        let words: Vec<String> = ["THE", "WAR", "MACHINE"].iter().map(|w| w.to_string()).collect();
        assert_eq!(agent_at(&words, 1), Some((2, "MIL")));
    }
}
