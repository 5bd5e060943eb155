//! News agencies (wire services) from the hand-written table
//! `data/agencies.tsv`: canonical names and the aliases they are credited by.

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
