//! News agencies (wire services) from the hand-written table
//! `data/agencies.tsv`: canonical names and the aliases they are credited by,
//! and agencies no table knows, recognised by the place a credit gives them
//! ("Additional reporting by X", "GENEVA, March 4 (X) -", a closing "- X").

use std::collections::HashMap;

use once_cell::sync::Lazy;

/// Aliases this short or shorter match only in the case written in the table
/// ("AP", "dpa", "EFE"), so that ordinary words are not taken for agencies.
const SHORT_ALIAS_CHARS: usize = 3;

/// Lookup key → canonical agency name.
static AGENCIES: Lazy<HashMap<String, &'static str>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("../../data/agencies.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (name, aliases) = line.split_once('\t').unwrap_or((line, "-"));
        let name = name.trim();
        let aliases = aliases.trim();
        let aliases = if aliases == "-" { "" } else { aliases };
        for alias in std::iter::once(name)
            .chain(aliases.split(';'))
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            map.entry(key(alias)).or_insert(name);
        }
    }
    map
});

/// Canonical agency name if `text` names a news agency ("AFP" → "Agence France-Presse", "Reuters",
/// "AP"/"Associated Press" → "Associated Press", "dpa", "Xinhua", "TASS", "Interfax", "Ukrinform", "ANSA", "EFE",
/// "Anadolu", "PA Media", "UPI", ...). Surrounding punctuation and parentheses ("(Reuters)", "- AFP") and a
/// leading "via" or "the" are ignored.
pub fn agency_name(text: &str) -> Option<&'static str> {
    let trimmed = text.trim().trim_matches(|c: char| !c.is_alphanumeric());
    let lower = trimmed.to_lowercase();
    let without_lead = ["via ", "the "]
        .iter()
        .find_map(|lead| {
            lower
                .starts_with(lead)
                .then(|| trimmed.get(lead.len()..))
                .flatten()
        })
        .unwrap_or(trimmed);
    AGENCIES.get(&key(without_lead)).copied()
}

/// Where a credit names an organisation: the slot says how much of the
/// name's shape is needed to take it for a news agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditSlot {
    /// "Reporting by X", "Additional reporting by X": X is a person or an
    /// organisation that reported, up to [`MAX_REPORTING_ORG_WORDS`] words.
    ReportingBy,
    /// A sign-off line under the article: "- X", "— X", "(X)". One word only:
    /// longer sign-offs are people or sentences.
    SignOff,
    /// "PLACE, date (X) -" opening a story. Outlets put their own name
    /// there too ("(CNN) —"), so a known outlet is not taken for an agency.
    Dateline,
}

/// An organisation credited for reporting has at most this many words.
const MAX_REPORTING_ORG_WORDS: usize = 3;
/// A dateline's bracketed credit has at most this many words.
const MAX_DATELINE_WORDS: usize = 2;

/// Capitalised words that stand in credit slots without naming an agency:
/// newsroom units and roles ("Staff", "Kyiv Bureau"), transcript cues
/// ("Applause"), story markers and labels ("Ends", "Analysis", "Video").
/// Words like "News", "Press" or "Wire" are not here: they mark an
/// organisation, which is what this slot wants.
const NOT_AGENCY_WORDS: &[&str] = &[
    "staff",
    "desk",
    "team",
    "newsroom",
    "editorial",
    "board",
    "bureau",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "writer",
    "writers",
    "contributor",
    "contributors",
    "agencies",
    "ends",
    "end",
    "applause",
    "laughter",
    "laughs",
    "inaudible",
    "crosstalk",
    "cheers",
    "music",
    "sic",
    "translated",
    "translation",
    "correction",
    "corrections",
    "continued",
    "analysis",
    "explainer",
    "opinion",
    "live",
    "update",
    "updated",
    "updates",
    "watch",
    "listen",
    "video",
    "audio",
    "photo",
    "photos",
    "graphic",
    "map",
    "chart",
    "related",
    "more",
    "read",
    "share",
    "note",
    "archive",
    "file",
    "pool",
    "handout",
    "advertisement",
    "sponsored",
    "none",
    "unknown",
    "anonymous",
];

/// "GENEVA, March 4 (Nordwire) -": a dateline opening a story, with the
/// credit in brackets.
static DATELINE_AGENCY: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(r"^[\p{Lu}][^()]{0,80}\((?P<agency>[^()]{1,40})\)\s*[-–—]")
        .expect("dateline pattern is valid")
});

/// The agency credited in the dateline that opens a story's first paragraph
/// ("KYIV, Sept 4 (Reuters) -"), shared by every extractor.
pub fn dateline_agency(first_paragraph: &str) -> Option<String> {
    let caps = DATELINE_AGENCY.captures(first_paragraph)?;
    agency_by_credit(caps.name("agency")?.as_str(), CreditSlot::Dateline)
}

/// The agency a credit names in `slot`: a known agency by its canonical
/// name, else a name shaped like an organisation (capitalised words, not a
/// person's name, not a newsroom unit, not a cue word) as written.
pub fn agency_by_credit(name: &str, slot: CreditSlot) -> Option<String> {
    if let Some(known) = agency_name(name) {
        return Some(known.to_owned());
    }
    let name = name
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    let tokens: Vec<&str> = name.split_whitespace().collect();
    let max_words = match slot {
        CreditSlot::ReportingBy => MAX_REPORTING_ORG_WORDS,
        CreditSlot::SignOff => 1,
        CreditSlot::Dateline => MAX_DATELINE_WORDS,
    };
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let shaped_like_an_organisation = (1..=max_words).contains(&tokens.len())
        && letters >= 3
        && tokens.iter().all(|t| is_organisation_word(t))
        && !super::looks_like_person_name(name);
    let an_outlet_names_itself =
        slot == CreditSlot::Dateline && crate::outlets::outlet_by_name(name).is_some();
    (shaped_like_an_organisation && !an_outlet_names_itself).then(|| name.to_owned())
}

/// A capitalised word of letters, digits, `-`, `&` or `.` that is not a
/// newsroom or cue word.
fn is_organisation_word(token: &str) -> bool {
    let lower = token.trim_end_matches('.').to_lowercase();
    token.chars().next().is_some_and(char::is_uppercase)
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '.'))
        && !NOT_AGENCY_WORDS.contains(&lower.as_str())
}

/// Lookup key: short aliases keep their case, longer ones are lower-cased
/// with whitespace collapsed.
fn key(alias: &str) -> String {
    let alias = alias.trim();
    if alias.chars().count() <= SHORT_ALIAS_CHARS {
        alias.to_owned()
    } else {
        alias
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_agency_names() {
        assert_eq!(agency_name("AFP"), Some("Agence France-Presse"));
        assert_eq!(
            agency_name("- Agence France-Presse"),
            Some("Agence France-Presse")
        );
        assert_eq!(agency_name("(Reuters)"), Some("Reuters"));
        assert_eq!(agency_name("AP"), Some("Associated Press"));
        assert_eq!(agency_name("The Associated Press"), Some("Associated Press"));
        assert_eq!(agency_name("dpa"), Some("dpa"));
        assert_eq!(agency_name("Xinhua"), Some("Xinhua"));
        assert_eq!(agency_name("via AFP"), Some("Agence France-Presse"));
        assert_eq!(agency_name("anadolu agency"), Some("Anadolu"));
        assert_eq!(agency_name("UPI"), Some("United Press International"));
    }

    #[test]
    fn short_aliases_are_case_sensitive_and_others_are_not_agencies() {
        assert_eq!(agency_name("ap"), None);
        assert_eq!(agency_name("Pa"), None);
        assert_eq!(agency_name("Jane Doe"), None);
        assert_eq!(agency_name(""), None);
        assert_eq!(agency_name("staff"), None);
    }

    #[test]
    fn an_unknown_organisation_in_a_credit_slot_is_an_agency() {
        assert_eq!(
            agency_by_credit("Baltwire", CreditSlot::SignOff).as_deref(),
            Some("Baltwire")
        );
        assert_eq!(
            agency_by_credit("Baltnews Agency", CreditSlot::ReportingBy).as_deref(),
            Some("Baltnews Agency")
        );
        assert_eq!(
            agency_by_credit("Baltic News Service", CreditSlot::ReportingBy).as_deref(),
            Some("Baltic News Service")
        );
        assert_eq!(
            agency_by_credit("(Baltwire)", CreditSlot::Dateline).as_deref(),
            Some("Baltwire")
        );
        assert_eq!(
            agency_by_credit("AFP", CreditSlot::SignOff).as_deref(),
            Some("Agence France-Presse")
        );
    }

    #[test]
    fn people_cues_outlets_and_phrases_in_a_credit_slot_are_not_agencies() {
        assert_eq!(agency_by_credit("Jane Doe", CreditSlot::ReportingBy), None);
        assert_eq!(agency_by_credit("Applause", CreditSlot::SignOff), None);
        assert_eq!(agency_by_credit("Ends", CreditSlot::SignOff), None);
        assert_eq!(agency_by_credit("Staff", CreditSlot::SignOff), None);
        assert_eq!(agency_by_credit("Kyiv Bureau", CreditSlot::ReportingBy), None);
        assert_eq!(agency_by_credit("Kestrel Newswire", CreditSlot::SignOff), None);
        assert_eq!(
            agency_by_credit("our correspondents", CreditSlot::ReportingBy),
            None
        );
        assert_eq!(agency_by_credit("CNN", CreditSlot::Dateline), None);
        assert_eq!(agency_by_credit("", CreditSlot::SignOff), None);
    }

    #[test]
    fn table_rows_are_well_formed() {
        for line in include_str!("../../data/agencies.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            assert_eq!(line.split('\t').count(), 2, "{line}");
        }
        assert!(AGENCIES.len() > 100);
    }
}
