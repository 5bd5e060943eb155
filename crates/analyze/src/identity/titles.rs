//! Office titles: "Russian President", "Ukraine's foreign minister", "the
//! Kremlin chief". A title directly before a name binds the office to that
//! person for the rest of the article; a title on its own refers to the
//! person the article bound to it, or else to the holder the knowledge base
//! records.

use std::collections::HashMap;
use std::ops::Range;

use parallax_core::{EntityType, MentionForm, Span};

use super::words::Word;
use super::Mention;
use crate::gazetteer::{gazetteer, PlaceName};
use crate::kb::kb;

/// A title found in the text.
#[derive(Debug, Clone)]
pub(crate) struct TitleHit {
    /// Words of the title with its country modifier ("Russian President").
    pub words: Range<usize>,
    pub role: String,
    /// ISO3 (or body code) of the country, when the text or title names it.
    pub country: Option<String>,
    /// First word of the name the title introduces, when one follows.
    pub name_at: Option<usize>,
}

/// Finds titles and claims their words.
pub(crate) fn find(words: &[Word], claimed: &mut [bool]) -> Vec<TitleHit> {
    let kb = kb();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if claimed[i] || !kb.starts_title(&words[i].folded) {
            i += 1;
            continue;
        }
        let Some((end, title)) = longest_title(words, i) else {
            i += 1;
            continue;
        };
        let (start, modifier_country) = country_modifier(words, i);
        let country = title.country.clone().or(modifier_country);
        let name_at = (end < words.len()
            && words[end].capitalized
            && words[end].sentence == words[i].sentence
            && !words[end - 1].possessive)
            .then_some(end);
        claimed[start..end].iter_mut().for_each(|c| *c = true);
        hits.push(TitleHit {
            words: start..end,
            role: title.role.clone(),
            country,
            name_at,
        });
        i = end;
    }
    hits
}

fn longest_title(words: &[Word], at: usize) -> Option<(usize, &'static crate::kb::Title)> {
    let kb = kb();
    let mut phrase = String::new();
    let mut best = None;
    for (offset, word) in words[at..].iter().take(kb.longest_phrase).enumerate() {
        if word.sentence != words[at].sentence {
            break;
        }
        if offset > 0 {
            phrase.push(' ');
        }
        phrase.push_str(&word.folded);
        if let Some(title) = kb.title(&phrase) {
            best = Some((at + offset + 1, title));
        }
        if word.possessive {
            break;
        }
    }
    best
}

/// The country named just before a title: a demonym ("Russian"), or a
/// country or capital in the possessive ("Ukraine's", "Kyiv's"), or a
/// country name used as a modifier ("US").
fn country_modifier(words: &[Word], title_at: usize) -> (usize, Option<String>) {
    let Some(before) = title_at.checked_sub(1).map(|i| &words[i]) else {
        return (title_at, None);
    };
    if before.sentence != words[title_at].sentence || !before.capitalized {
        return (title_at, None);
    }
    let g = gazetteer();
    for meaning in g.lookup_folded(&before.folded) {
        let country = match *meaning {
            PlaceName::Demonym {
                country,
                plural: false,
            } => Some(country),
            PlaceName::Country(country) => Some(country),
            PlaceName::Place(place) if before.possessive => g
                .capital_of(&g.places[place])
                .and_then(|c| g.countries.iter().position(|x| x.iso3 == c.iso3)),
            _ => None,
        };
        if let Some(country) = country {
            return (title_at - 1, Some(g.countries[country].iso3.clone()));
        }
    }
    (title_at, None)
}

/// Title mentions for the titles that introduce no name, resolved through
/// the article's bindings or the knowledge base.
pub(crate) fn resolve(words: &[Word], hits: &[TitleHit], mentions: &[Mention]) -> Vec<Mention> {
    let kb = kb();
    let mut bound: HashMap<(String, Option<String>), &Mention> = HashMap::new();
    let mut out = Vec::new();
    for hit in hits {
        if let Some(at) = hit.name_at {
            if let Some(person) = mentions
                .iter()
                .find(|m| m.words.start == at && m.entity_type == EntityType::Person)
            {
                bound.insert((hit.role.clone(), hit.country.clone()), person);
                bound.insert((hit.role.clone(), None), person);
                continue;
            }
        }
        let span = Span::new(
            words[hit.words.start].span.start,
            words[hit.words.end - 1].span.end,
        );
        let sentence = words[hit.words.start].sentence;
        let from_article = bound
            .get(&(hit.role.clone(), hit.country.clone()))
            .copied()
            .filter(|m| m.span.start < span.start);
        let mention = if let Some(person) = from_article {
            Some(title_mention(person, hit, span, sentence, 0.8))
        } else if let Some(holder) = hit
            .country
            .as_deref()
            .and_then(|c| kb.current_holder(&hit.role, c))
        {
            let person = &kb.people[holder];
            let named_in_article = mentions.iter().find(|m| m.key == person.key);
            Some(match named_in_article {
                Some(m) => title_mention(m, hit, span, sentence, 0.75),
                None => Mention {
                    words: hit.words.clone(),
                    span,
                    entity_type: EntityType::Person,
                    key: person.key.clone(),
                    canonical: person.canonical.clone(),
                    kb_id: person.qid.clone(),
                    form: MentionForm::Title,
                    metonym_of: None,
                    confidence: 0.6,
                    gender: person.gender,
                    surname: None,
                    full_name: false,
                    from_kb: true,
                    sentence,
                },
            })
        } else {
            None
        };
        out.extend(mention);
    }
    out
}

fn title_mention(person: &Mention, hit: &TitleHit, span: Span, sentence: usize, confidence: f32) -> Mention {
    Mention {
        words: hit.words.clone(),
        span,
        form: MentionForm::Title,
        metonym_of: None,
        confidence,
        surname: None,
        full_name: false,
        sentence,
        ..person.clone()
    }
}
