//! Known news outlets: display names, domains and aliases from the
//! hand-written table `data/outlets.tsv`, looked up by domain, by exact name,
//! or found as mentions in running text.
//!
//! The table is compiled into the binary (`include_str!`), so lookups need no
//! file access at run time and extraction stays a pure function.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;

/// One row of `data/outlets.tsv`.
#[derive(Debug)]
struct OutletRow {
    name: &'static str,
    domain: &'static str,
    other_domains: Vec<&'static str>,
    aliases: Vec<&'static str>,
    /// Whether the names are distinctive enough to find in running text.
    scan: bool,
}

/// Names this short or shorter must match in the exact case written and are
/// never searched for in running text ("FT", "DW", "RT").
const SHORT_NAME_CHARS: usize = 3;

static OUTLETS: Lazy<Vec<OutletRow>> = Lazy::new(|| parse_table(include_str!("../data/outlets.tsv")));

static BY_DOMAIN: Lazy<HashMap<&'static str, usize>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for (i, row) in OUTLETS.iter().enumerate() {
        for domain in std::iter::once(&row.domain).chain(&row.other_domains) {
            map.entry(*domain).or_insert(i);
        }
    }
    map
});

/// Normalised long names and exact-case short names → row index.
static BY_NAME: Lazy<HashMap<String, usize>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for (i, row) in OUTLETS.iter().enumerate() {
        for name in std::iter::once(&row.name).chain(&row.aliases) {
            map.entry(name_key(name)).or_insert(i);
        }
    }
    map
});

/// Automaton over the distinctive names, and the row each pattern belongs to.
static MENTIONS: Lazy<Option<(AhoCorasick, Vec<usize>)>> = Lazy::new(|| {
    let mut patterns = Vec::new();
    let mut rows = Vec::new();
    for (i, row) in OUTLETS.iter().enumerate().filter(|(_, row)| row.scan) {
        for name in std::iter::once(&row.name).chain(&row.aliases) {
            let distinctive = name.chars().count() > SHORT_NAME_CHARS
                || (name.chars().count() == SHORT_NAME_CHARS && name.chars().all(|c| c.is_ascii_uppercase()));
            if distinctive && !name.chars().all(|c| c.is_ascii_digit()) {
                patterns.push(*name);
                rows.push(i);
            }
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok()?;
    Some((automaton, rows))
});

/// Outlet display name for a domain (subdomains folded: "edition.cnn.com" → "CNN"), from the data file.
/// Accepts a bare host ("www.bbc.co.uk") or a full URL.
pub fn outlet_for_domain(domain: &str) -> Option<&'static str> {
    outlet_row_for_domain(domain).map(|row| row.name)
}

/// Canonical (name, domain) of the outlet serving `domain`, subdomains folded.
pub fn outlet_for_domain_with_home(domain: &str) -> Option<(&'static str, &'static str)> {
    outlet_row_for_domain(domain).map(|row| (row.name, row.domain))
}

fn outlet_row_for_domain(domain: &str) -> Option<&'static OutletRow> {
    let host = host_of(domain)?;
    let mut candidate = host.as_str();
    loop {
        if let Some(&i) = BY_DOMAIN.get(candidate) {
            return OUTLETS.get(i);
        }
        let (_, parent) = candidate.split_once('.')?;
        if !parent.contains('.') {
            return None;
        }
        candidate = parent;
    }
}

/// If `text` (a short line) is exactly an outlet's name or alias ("Euronews", "The Kyiv Independent",
/// "Al Jazeera"), the outlet's canonical (name, domain).
pub fn outlet_by_name(text: &str) -> Option<(&'static str, &'static str)> {
    let i = *BY_NAME.get(&name_key(text))?;
    OUTLETS.get(i).map(|row| (row.name, row.domain))
}

/// Outlet names mentioned in a longer text ("… a reporter at the Kyiv Independent …") with byte positions,
/// as (byte offset, canonical name, domain). Only names that are not also ordinary words are looked for,
/// in the case they are written, and only as whole words.
pub fn outlet_mentions(text: &str) -> Vec<(usize, &'static str, &'static str)> {
    let Some((automaton, rows)) = MENTIONS.as_ref() else {
        return Vec::new();
    };
    automaton
        .find_iter(text)
        .filter(|m| is_word_boundary(text, m.start(), m.end()))
        .filter_map(|m| {
            let row = OUTLETS.get(*rows.get(m.pattern().as_usize())?)?;
            Some((m.start(), row.name, row.domain))
        })
        .collect()
}

/// The outlet's own name inside a site or feed title that carries a section
/// ("Nordwire - Europe", "World | The Lowland Observer"): the part that is a
/// known outlet, else the part whose letters spell the domain's name
/// ("The Lowland Observer" ~ `lowlandobserver.example`), else the whole title.
pub fn outlet_name_from_site_title(title: &str, domain: Option<&str>) -> String {
    let title = title.trim();
    let mut marked = title.to_owned();
    for separator in [" - ", " — ", " – ", " | ", " · "] {
        marked = marked.replace(separator, "\u{1f}");
    }
    let parts: Vec<&str> = marked
        .split('\u{1f}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return title.to_owned();
    }
    if let Some((name, _)) = parts.iter().find_map(|p| outlet_by_name(p)) {
        return name.to_owned();
    }
    let label = domain
        .and_then(host_of)
        .and_then(|host| host.split('.').next().map(str::to_owned))
        .unwrap_or_default();
    let letters = |text: &str| -> String {
        let key = name_key(text).to_lowercase();
        key.chars().filter(|c| c.is_alphanumeric()).collect()
    };
    if label.len() >= 3 {
        if let Some(part) = parts.iter().find(|p| {
            let spelled = letters(p);
            spelled.len() >= 3 && (label.contains(&spelled) || spelled.contains(&label))
        }) {
            return (*part).to_owned();
        }
    }
    title.to_owned()
}

/// True when the match is not part of a longer word.
fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Lookup key for a name: short names keep their case ("FT" is not "ft"),
/// longer ones are lower-cased with a leading "the" and outer punctuation
/// dropped and whitespace collapsed.
fn name_key(name: &str) -> String {
    let trimmed = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.chars().count() <= SHORT_NAME_CHARS {
        return trimmed.to_owned();
    }
    let lower = trimmed.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// Lower-case host without `www.`, port or trailing dot, from a host or URL.
fn host_of(text: &str) -> Option<String> {
    let text = text.trim();
    let host = if text.contains("://") {
        url::Url::parse(text).ok()?.host_str()?.to_owned()
    } else {
        text.split(['/', ':', '?', '#']).next()?.to_owned()
    };
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_owned())
}

/// Parses the TSV table; `#` lines are comments, "-" is an empty field.
/// Malformed rows are skipped (the data test below rejects them).
fn parse_table(table: &'static str) -> Vec<OutletRow> {
    table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            let [name, domain, other_domains, aliases, scan] = fields[..] else {
                return None;
            };
            Some(OutletRow {
                name,
                domain,
                other_domains: list(other_domains),
                aliases: list(aliases),
                scan: scan == "yes",
            })
        })
        .collect()
}

fn list(field: &'static str) -> Vec<&'static str> {
    if field == "-" {
        return Vec::new();
    }
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_row_is_well_formed() {
        let table = include_str!("../data/outlets.tsv");
        let rows = table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(
            OUTLETS.len(),
            rows,
            "a row does not have five tab-separated fields"
        );
        assert!(OUTLETS.len() > 300);
        for row in OUTLETS.iter() {
            assert!(
                row.domain.contains('.') && !row.domain.contains('/'),
                "{}",
                row.domain
            );
            assert_eq!(row.domain, row.domain.to_lowercase());
        }
    }

    #[test]
    fn no_domain_belongs_to_two_outlets() {
        let mut seen = HashMap::new();
        for row in OUTLETS.iter() {
            for domain in std::iter::once(&row.domain).chain(&row.other_domains) {
                if let Some(other) = seen.insert(*domain, row.name) {
                    panic!("{domain} is listed for {other} and {}", row.name);
                }
            }
        }
    }

    #[test]
    fn folds_subdomains_and_www() {
        assert_eq!(outlet_for_domain("edition.cnn.com"), Some("CNN"));
        assert_eq!(outlet_for_domain("www.bbc.co.uk"), Some("BBC News"));
        assert_eq!(
            outlet_for_domain("https://www.theguardian.com/world/2025/sep/04/x"),
            Some("The Guardian")
        );
        assert_eq!(
            outlet_for_domain("KYIVINDEPENDENT.COM"),
            Some("The Kyiv Independent")
        );
        assert_eq!(
            outlet_for_domain_with_home("amp.guardian.co.uk"),
            Some(("The Guardian", "theguardian.com"))
        );
    }

    #[test]
    fn unknown_domains_and_bare_suffixes_give_none() {
        assert_eq!(outlet_for_domain("example.com"), None);
        assert_eq!(outlet_for_domain("co.uk"), None);
        assert_eq!(outlet_for_domain("com"), None);
        assert_eq!(outlet_for_domain(""), None);
        assert_eq!(outlet_for_domain("notcnn.com"), None);
    }

    #[test]
    fn finds_outlets_by_name_or_alias() {
        assert_eq!(outlet_by_name("Euronews"), Some(("Euronews", "euronews.com")));
        assert_eq!(
            outlet_by_name("the Kyiv Independent"),
            Some(("The Kyiv Independent", "kyivindependent.com"))
        );
        assert_eq!(
            outlet_by_name(" Al Jazeera. "),
            Some(("Al Jazeera", "aljazeera.com"))
        );
        assert_eq!(outlet_by_name("FT"), Some(("Financial Times", "ft.com")));
        assert_eq!(outlet_by_name("ft"), None);
        assert_eq!(outlet_by_name("Jane Doe"), None);
        assert_eq!(outlet_by_name(""), None);
    }

    #[test]
    fn finds_mentions_with_positions() {
        let text = "said Olena Roshchina, a reporter at the Kyiv Independent, citing Reuters and BBC.";
        let found = outlet_mentions(text);
        let names: Vec<&str> = found.iter().map(|(_, name, _)| *name).collect();
        assert_eq!(names, ["The Kyiv Independent", "Reuters", "BBC News"]);
        let (pos, _, domain) = found[0];
        assert_eq!(text.get(pos..pos + 16), Some("Kyiv Independent"));
        assert_eq!(domain, "kyivindependent.com");
    }

    #[test]
    fn mentions_skip_ordinary_words_and_partial_words() {
        assert!(
            outlet_mentions("It was time to go to the hill; the nation, at 538 votes, had no mint.")
                .is_empty()
        );
        assert!(outlet_mentions("CNNs and Reutersville").is_empty());
    }

    #[test]
    fn site_title_sections_are_dropped_by_the_domain_or_the_table() {
        assert_eq!(
            outlet_name_from_site_title("Nordwire - Europe", Some("nordwire.example")),
            "Nordwire"
        );
        assert_eq!(
            outlet_name_from_site_title("The Lowland Observer — World", Some("lowlandobserver.example")),
            "The Lowland Observer"
        );
        assert_eq!(outlet_name_from_site_title("World | Euronews", None), "Euronews");
        assert_eq!(
            outlet_name_from_site_title("Harbour News - Port", None),
            "Harbour News - Port"
        );
        assert_eq!(
            outlet_name_from_site_title("Café News", Some("cafe.example")),
            "Café News"
        );
    }
}
