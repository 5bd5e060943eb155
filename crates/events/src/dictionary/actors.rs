//! Actor and agent dictionaries in PETRARCH's format, used in the test mode
//! that codes PETRARCH's own unit tests (their fictional world has no entity
//! layer). Actors: `NAME [CODE]`, `+SYNONYM` lines, date-restricted code
//! lines (`[HOBGOV 19950601 - 19990815]`, `[HOB < 950601]`). Agents:
//! `PHRASE {PLURALS} [~GOV]` where `~` marks whether the role code follows
//! (`~GOV`) or precedes (`NGO~`) the country code, and `!MACRO! = A, B`
//! substitutions.

use std::collections::HashMap;

use super::forms::plural;
use super::pattern::word_matches;
use super::{bracketed, phrase_words, strip_comment};

/// A code valid between two dates (`YYYYMMDD`, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
struct DatedCode {
    code: String,
    from: u32,
    to: u32,
}

#[derive(Debug, Default)]
struct PhraseIndex {
    by_first: HashMap<String, Vec<(Vec<String>, bool, usize)>>,
    stems: Vec<(Vec<String>, bool, usize)>,
}

impl PhraseIndex {
    fn insert(&mut self, words: Vec<String>, exact: bool, entry: usize) {
        match words.first() {
            Some(first) if first.len() >= 4 && !exact && words.len() == 1 => {
                self.stems.push((words, exact, entry))
            }
            Some(first) => self
                .by_first
                .entry(first.clone())
                .or_default()
                .push((words, exact, entry)),
            None => {}
        }
    }

    /// The longest phrase at `i`: (word count, entry).
    fn longest(&self, words: &[String], i: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        let exact_hits = words
            .get(i)
            .and_then(|w| self.by_first.get(w))
            .into_iter()
            .flatten();
        for (phrase, exact, entry) in exact_hits.chain(self.stems.iter()) {
            let n = phrase.len();
            let Some(window) = words.get(i..i + n) else {
                continue;
            };
            let ok = window.iter().zip(phrase).enumerate().all(|(k, (w, p))| {
                let last = k + 1 == n;
                word_matches(w, p, !last || *exact)
            });
            if ok && best.is_none_or(|(len, _)| n > len) {
                best = Some((n, *entry));
            }
        }
        best
    }
}

/// Actors: names to CAMEO actor codes, possibly date-restricted.
#[derive(Debug, Default)]
pub struct ActorDictionary {
    codes: Vec<Vec<DatedCode>>,
    index: PhraseIndex,
}

impl ActorDictionary {
    /// Parses an actor dictionary.
    pub fn parse(text: &str) -> ActorDictionary {
        let mut dict = ActorDictionary::default();
        let mut current: Option<usize> = None;
        for raw in text.lines() {
            let trimmed = raw.trim();
            if trimmed.starts_with('<') {
                continue;
            }
            let line = strip_comment(trimmed);
            if line.is_empty() {
                continue;
            }
            if line.starts_with('[') {
                if let (Some(entry), Some(code)) = (current, bracketed(line).and_then(dated_code)) {
                    dict.codes[entry].push(code);
                }
            } else if let Some(synonym) = line.strip_prefix('+') {
                if let Some(entry) = current {
                    dict.add_name(synonym, entry);
                }
            } else {
                let entry = dict.codes.len();
                dict.codes.push(Vec::new());
                dict.add_name(line.split('[').next().unwrap_or(""), entry);
                if let Some(code) = bracketed(line).and_then(dated_code) {
                    dict.codes[entry].push(code);
                }
                current = Some(entry);
            }
        }
        dict
    }

    fn add_name(&mut self, name: &str, entry: usize) {
        let name = name.trim();
        let exact = name.ends_with('_');
        let words = phrase_words(name);
        if !words.is_empty() {
            self.index.insert(words, exact, entry);
        }
    }

    /// The longest actor name at word `i`: (word count, codes valid on
    /// `date` (`YYYYMMDD`)); several codes when the actor is a group ("ELR/GAL").
    pub fn actor_at(&self, words: &[String], i: usize, date: u32) -> Option<(usize, Vec<String>)> {
        let (len, entry) = self.index.longest(words, i)?;
        let codes = &self.codes[entry];
        // A dated code beats the open-ended default when the date falls in it.
        let chosen = codes
            .iter()
            .filter(|c| c.from <= date && date <= c.to)
            .min_by_key(|c| c.to.saturating_sub(c.from))?;
        let codes = chosen
            .code
            .split('/')
            .map(str::to_owned)
            .filter(|c| !c.is_empty())
            .collect();
        Some((len, codes))
    }
}

fn full_date(text: &str) -> Option<u32> {
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    let n: u32 = digits.parse().ok()?;
    Some(match digits.len() {
        6 if n / 10000 >= 30 => 19_000_000 + n,
        6 => 20_000_000 + n,
        8 => n,
        _ => return None,
    })
}

fn dated_code(text: &str) -> Option<DatedCode> {
    let mut parts = text.splitn(2, char::is_whitespace);
    let code = parts.next()?.trim().to_owned();
    let rest = parts.next().unwrap_or("").trim();
    let (from, to) = if let Some(d) = rest.strip_prefix('<') {
        (0, full_date(d)?.saturating_sub(1))
    } else if let Some(d) = rest.strip_prefix('>') {
        (full_date(d)?, u32::MAX)
    } else if let Some((a, b)) = rest.split_once('-') {
        (full_date(a)?, full_date(b)?)
    } else {
        (0, u32::MAX)
    };
    (!code.is_empty()).then_some(DatedCode { code, from, to })
}

/// An agent's role code and where it goes relative to the country code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentCode {
    /// Role code ("GOV", "MILNAV").
    pub code: String,
    /// True for `NGO~`: the role comes before the country code.
    pub prefix: bool,
}

/// Agents: role nouns to role codes.
#[derive(Debug, Default)]
pub struct AgentDictionary {
    codes: Vec<AgentCode>,
    index: PhraseIndex,
}

impl AgentDictionary {
    /// Parses an agent dictionary.
    pub fn parse(text: &str) -> AgentDictionary {
        let mut dict = AgentDictionary::default();
        let mut macros: HashMap<String, Vec<String>> = HashMap::new();
        for raw in text.lines() {
            let line = strip_comment(raw);
            if line.is_empty() || line.starts_with('<') {
                continue;
            }
            if let Some((name, values)) = line.split_once('=').filter(|_| line.starts_with('!')) {
                let values = values
                    .split(',')
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty());
                macros.insert(name.trim().to_owned(), values.collect());
                continue;
            }
            let Some(code_text) = bracketed(line) else {
                continue;
            };
            let code_text: String = code_text.chars().filter(|c| !c.is_whitespace()).collect();
            let prefix = !code_text.starts_with('~');
            let code = AgentCode {
                code: code_text.replace('~', ""),
                prefix,
            };
            let phrase = line.split(['[', '{']).next().unwrap_or("").trim();
            let plurals: Option<Vec<&str>> = line
                .split_once('{')
                .map(|(_, rest)| rest.split('}').next().unwrap_or("").split_whitespace().collect());
            let entry = dict.codes.len();
            dict.codes.push(code);
            let mut names = expand_macros(phrase, &macros);
            match plurals {
                Some(listed) => names.extend(listed.iter().flat_map(|p| expand_macros(p, &macros))),
                None => {
                    let generated: Vec<String> = names.iter().map(|n| plural_phrase(n)).collect();
                    names.extend(generated);
                }
            }
            for name in names {
                let words = phrase_words(&name);
                if !words.is_empty() {
                    dict.index.insert(words, true, entry);
                }
            }
        }
        dict
    }

    /// The longest agent phrase at word `i`: (word count, code).
    pub fn agent_at(&self, words: &[String], i: usize) -> Option<(usize, &AgentCode)> {
        let (len, entry) = self.index.longest(words, i)?;
        Some((len, &self.codes[entry]))
    }
}

fn expand_macros(phrase: &str, macros: &HashMap<String, Vec<String>>) -> Vec<String> {
    for (name, values) in macros {
        if phrase.contains(name.as_str()) {
            return values
                .iter()
                .flat_map(|v| expand_macros(&phrase.replacen(name.as_str(), v, 1), macros))
                .collect();
        }
    }
    vec![phrase.to_owned()]
}

fn plural_phrase(phrase: &str) -> String {
    let mut words: Vec<String> = phrase
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .collect();
    if let Some(last) = words.last_mut() {
        *last = plural(last);
    }
    words.join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    #[test]
    fn actors_with_synonyms_stems_and_dates() {
        let d = ActorDictionary::parse(
            "GONDOR [GON]\n+MINAS_TIRITH\nERIADOR [ERI]\nLIBYA_ [LBY]\nGOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n",
        );
        assert_eq!(
            d.actor_at(&words("in Minas Tirith today"), 1, 20000101),
            Some((2, vec!["GON".into()]))
        );
        assert_eq!(
            d.actor_at(&words("the Eriadorian army"), 1, 20000101),
            Some((1, vec!["ERI".into()]))
        );
        assert_eq!(d.actor_at(&words("Libyan"), 0, 20000101), None);
        assert_eq!(
            d.actor_at(&words("Smeagol"), 0, 19960101).map(|a| a.1),
            Some(vec!["HOBGOV".into()])
        );
        assert_eq!(
            d.actor_at(&words("Smeagol"), 0, 19900101).map(|a| a.1),
            Some(vec!["HOB".into()])
        );
        assert_eq!(d.actor_at(&words("Smeagol"), 0, 20050101), None);
    }

    #[test]
    fn agents_with_plurals_macros_and_prefixes() {
        let d = AgentDictionary::parse(
            "!MINST! = MINISTER, MINISTRY\nPOLICE {} [ ~COP]\nFOREIGN_MINISTER [~GOVFRM]\n!MINST!_OF_WALKS [~GOV]\nMSF {} [NGO~]\n",
        );
        assert_eq!(
            d.agent_at(&words("foreign ministers"), 0)
                .map(|a| (a.0, a.1.code.as_str())),
            Some((2, "GOVFRM"))
        );
        assert_eq!(d.agent_at(&words("ministry of walks"), 0).map(|a| a.0), Some(3));
        assert!(d.agent_at(&words("polices"), 0).is_none());
        assert!(d.agent_at(&words("MSF"), 0).is_some_and(|a| a.1.prefix));
    }
}
