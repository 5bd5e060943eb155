//! Parsing of the knowledge-base tables (formats in `docs/entities.md`) and
//! the name indexes built from them.

use super::{Gender, Institution, Kb, KbName, Organization, Person, Role, Title};
use crate::gazetteer::fold::fold_phrase;
use crate::gazetteer::tsv::{column, list, rows};

impl Kb {
    /// Parses the four tables.
    pub fn parse(people: &str, organizations: &str, titles: &str, institutions: &str) -> Kb {
        let mut kb = Kb {
            longest_phrase: 1,
            ..Kb::default()
        };
        for row in rows(people) {
            if let Some(person) = parse_person(&row) {
                kb.add_person(person);
            }
        }
        for row in rows(organizations) {
            if let Some(org) = parse_organization(&row) {
                kb.add_organization(org);
            }
        }
        for row in rows(titles) {
            let (phrase, role) = (fold_phrase(column(&row, 0)), column(&row, 1));
            if phrase.is_empty() || role.is_empty() {
                continue;
            }
            let country = Some(column(&row, 2)).filter(|c| !c.is_empty()).map(str::to_owned);
            kb.note_length(&phrase);
            kb.title_heads
                .insert(phrase.split(' ').next().unwrap_or_default().to_owned());
            kb.titles.insert(
                phrase,
                Title {
                    role: role.to_owned(),
                    country,
                },
            );
        }
        for row in rows(institutions) {
            let phrase = fold_phrase(column(&row, 0));
            if phrase.is_empty() {
                continue;
            }
            kb.note_length(&phrase);
            kb.institution_heads
                .insert(phrase.split(' ').next().unwrap_or_default().to_owned());
            let institution = Institution {
                slug: column(&row, 1).to_owned(),
                canonical: column(&row, 2).to_owned(),
                actor: column(&row, 3).to_owned(),
            };
            kb.institutions.insert(phrase, institution);
        }
        kb
    }

    fn add_person(&mut self, person: Person) {
        let index = self.people.len();
        for alias in &person.aliases {
            let folded = fold_phrase(alias);
            self.add_name(&folded, KbName::Person(index));
            // A surname is only indexed from full names: "Zelensky" alone is
            // an alias row of its own and lands in `names` already.
            if folded.contains(' ') {
                if let Some(surname) = super::surname_of(alias) {
                    let owners = self.surnames.entry(surname).or_default();
                    if !owners.contains(&index) {
                        owners.push(index);
                    }
                }
            }
        }
        self.people.push(person);
    }

    fn add_organization(&mut self, org: Organization) {
        let index = self.organizations.len();
        for alias in &org.aliases {
            self.add_name(&fold_phrase(alias), KbName::Organization(index));
        }
        for metonym in &org.metonyms {
            self.add_name(&fold_phrase(metonym), KbName::Metonym(index));
        }
        self.organizations.push(org);
    }

    fn add_name(&mut self, folded: &str, name: KbName) {
        if folded.is_empty() {
            return;
        }
        self.note_length(folded);
        let names = self.names.entry(folded.to_owned()).or_default();
        if !names.contains(&name) {
            names.push(name);
        }
    }

    fn note_length(&mut self, folded: &str) {
        self.longest_phrase = self.longest_phrase.max(folded.split(' ').count());
    }
}

fn optional(field: &str) -> Option<String> {
    Some(field).filter(|f| !f.is_empty()).map(str::to_owned)
}

fn parse_person(row: &[&str]) -> Option<Person> {
    let (key, canonical) = (column(row, 0), column(row, 1));
    if !key.starts_with("person:") || canonical.is_empty() {
        return None;
    }
    let mut aliases = vec![canonical.to_owned()];
    aliases.extend(list(column(row, 3)).map(str::to_owned));
    let gender = match column(row, 4) {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    };
    let roles = list(column(row, 5))
        .filter_map(|role| {
            let parts: Vec<&str> = role.split(';').map(str::trim).collect();
            let (name, country) = (parts.first()?, parts.get(1)?);
            Some(Role {
                role: name.to_string(),
                country: country.to_string(),
                from: parts.get(2).unwrap_or(&"").to_string(),
                to: parts.get(3).unwrap_or(&"").to_string(),
            })
        })
        .collect();
    Some(Person {
        key: key.to_owned(),
        canonical: canonical.to_owned(),
        qid: optional(column(row, 2)),
        aliases,
        gender,
        roles,
        actor: optional(column(row, 6)),
    })
}

fn parse_organization(row: &[&str]) -> Option<Organization> {
    let (key, canonical) = (column(row, 0), column(row, 1));
    if !key.starts_with("org:") || canonical.is_empty() {
        return None;
    }
    let mut aliases = vec![canonical.to_owned()];
    aliases.extend(list(column(row, 3)).map(str::to_owned));
    Some(Organization {
        key: key.to_owned(),
        canonical: canonical.to_owned(),
        qid: optional(column(row, 2)),
        aliases,
        metonyms: list(column(row, 4)).map(str::to_owned).collect(),
        country: column(row, 5).to_owned(),
        actor: optional(column(row, 6)),
    })
}
