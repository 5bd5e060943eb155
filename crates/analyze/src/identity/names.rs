//! Names in the text: phrases the knowledge base or gazetteer knows
//! (longest match over capitalised words), a country's institutions ("the
//! Ukrainian air force", "Kyiv's air force"), the tagger's spans, names that
//! a title introduces ("governor Vadym Filashkin") and capitalised names
//! followed by a speech verb ("Oksana Hryhorenko said").

use parallax_core::{EntityType, MentionForm, Span};

use super::keys::{org_key, person_key, place_key};
use super::titles::TitleHit;
use super::words::Word;
use super::Mention;
use crate::gazetteer::fold::fold_phrase;
use crate::gazetteer::{gazetteer, Country, PlaceKind, PlaceName};
use crate::kb::{kb, KbName};
use crate::ner::{NamedSpan, NerLabel};

/// Capitalised words that begin sentences or headlines far more often than
/// they name anything; a one-word match on them is ignored.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "of",
    "to",
    "for",
    "by",
    "as",
    "and",
    "but",
    "or",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "said",
    "says",
    "will",
    "may",
    "can",
    "is",
    "was",
    "be",
    "mobile",
    "reading",
    "nice",
    "split",
    "bath",
    "why",
    "what",
    "who",
    "when",
    "where",
    "how",
    "after",
    "before",
    "while",
    "if",
    "so",
    "not",
    "no",
    "yes",
    "also",
    "just",
    "more",
    "most",
    "some",
    "many",
    "all",
    "both",
    "each",
    "other",
    "over",
    "under",
    "into",
    "up",
    "down",
    "out",
    "new",
    "last",
    "next",
    "first",
    "one",
    "two",
    "three",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "speaking",
    "according",
];

/// Lower-case words allowed inside a multi-word name ("Bosnia and
/// Herzegovina", "Ursula von der Leyen", "Rostov-on-Don").
const NAME_PARTICLES: &[&str] = &[
    "of", "and", "the", "von", "der", "de", "del", "da", "di", "al", "bin", "la", "le",
];

/// Lower-case words that end a region's name ("Donetsk region").
const REGION_WORDS: &[&str] = &["region", "oblast", "province", "krai", "kray"];

/// Verbs after which a capitalised run of two or more words is a speaker.
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "wrote", "added", "stated", "posted", "noted",
];

/// Tagger spans below this confidence are ignored: a missed name costs less
/// than an invented entity that quotes and event coding would then use.
const MIN_TAGGER_CONFIDENCE: f32 = 0.5;

/// A city smaller than this is not taken from a single sentence-initial
/// word without the tagger's support (so "Split" or "Of" do not become towns).
const SENTENCE_START_MIN_POPULATION: u64 = 500_000;

/// Finds the name mentions of the text.
pub(crate) fn find(
    body: &str,
    words: &[Word],
    claimed: &mut [bool],
    named: &[NamedSpan],
    titles: &[TitleHit],
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match (!claimed[i] && words[i].capitalized)
            .then(|| lexicon_match(words, claimed, i))
            .flatten()
        {
            Some(mention) => {
                let end = mention.words.end;
                claimed[mention.words.clone()].iter_mut().for_each(|c| *c = true);
                mentions.push(mention);
                i = end;
            }
            None => i += 1,
        }
    }
    for span in named {
        let starts_capitalized = span
            .span
            .slice(body)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        if !starts_capitalized || span.confidence < MIN_TAGGER_CONFIDENCE {
            continue;
        }
        // A tagged name longer than the known names inside it wins: "Carnegie
        // Russia Eurasia Center" is one organisation, not a town and a country.
        let inside = |m: &Mention| m.span.start >= span.span.start && m.span.end <= span.span.end;
        let covered: Vec<usize> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| inside(m))
            .map(|(i, _)| i)
            .collect();
        if covered.iter().any(|&i| mentions[i].span == span.span) {
            continue;
        }
        let release = |claimed: &mut [bool], value: bool| {
            for &i in &covered {
                claimed[mentions[i].words.clone()]
                    .iter_mut()
                    .for_each(|c| *c = value);
            }
        };
        release(claimed, false);
        match tagged(body, words, claimed, span) {
            Some(mention) => {
                claimed[mention.words.clone()].iter_mut().for_each(|c| *c = true);
                for &i in covered.iter().rev() {
                    mentions.remove(i);
                }
                mentions.push(mention);
            }
            // The span overlapped other names only partly: keep them.
            None => release(claimed, true),
        }
    }
    for title in titles {
        let Some(at) = title.name_at else { continue };
        if mentions.iter().any(|m| m.words.start == at) || claimed[at] {
            continue;
        }
        let end = capitalized_run(words, claimed, at, 4);
        if end > at {
            let mention = person(words, at..end, 0.7);
            claimed[at..end].iter_mut().for_each(|c| *c = true);
            mentions.push(mention);
        }
    }
    for at in 0..words.len() {
        if claimed[at] || !words[at].capitalized {
            continue;
        }
        let end = capitalized_run(words, claimed, at, 4);
        // "Analyst Tatiana Stanovaya said": a sentence-initial capital is
        // usually a common noun before the name.
        let at = if words[at].sentence_start && end >= at + 3 {
            at + 1
        } else {
            at
        };
        let followed_by_speech = words
            .get(end)
            .is_some_and(|w| w.sentence == words[at].sentence && SPEECH_VERBS.contains(&w.lower().as_str()));
        if end >= at + 2 && followed_by_speech {
            claimed[at..end].iter_mut().for_each(|c| *c = true);
            mentions.push(person(words, at..end, 0.5));
        }
    }
    mentions
}

/// The longest known phrase starting at word `at`.
fn lexicon_match(words: &[Word], claimed: &[bool], at: usize) -> Option<Mention> {
    let (kb, g) = (kb(), gazetteer());
    let longest = kb.longest_phrase.max(g.longest_name);
    let mut phrase = String::new();
    let mut best: Option<Mention> = None;
    for end in at + 1..=(at + longest).min(words.len()) {
        let word = &words[end - 1];
        if claimed[end - 1] || word.sentence != words[at].sentence {
            break;
        }
        let lower = word.lower();
        let particle = !word.capitalized && NAME_PARTICLES.contains(&lower.as_str());
        let region_word = !word.capitalized && end > at + 1 && REGION_WORDS.contains(&lower.as_str());
        if !word.capitalized && !particle && !region_word {
            break;
        }
        if end > at + 1 {
            phrase.push(' ');
        }
        phrase.push_str(&word.folded);
        if !particle {
            if let Some(mention) = known(words, at..end, &phrase) {
                best = Some(mention);
            }
        }
        if word.possessive {
            break;
        }
    }
    let mention = best?;
    let single = mention.words.len() == 1;
    if single && STOPWORDS.contains(&words[at].folded.as_str()) {
        return None;
    }
    Some(with_institution(words, claimed, mention))
}

/// What the knowledge base or gazetteer says `phrase` (words `range`) is.
fn known(words: &[Word], range: std::ops::Range<usize>, phrase: &str) -> Option<Mention> {
    let (kb, g) = (kb(), gazetteer());
    let span = name_span(words, range.clone());
    let base = |entity_type, key: String, canonical: String| Mention {
        words: range.clone(),
        span,
        entity_type,
        key,
        canonical,
        kb_id: None,
        form: MentionForm::Name,
        metonym_of: None,
        confidence: 0.9,
        gender: None,
        surname: None,
        full_name: false,
        from_kb: true,
        sentence: words[range.start].sentence,
    };
    if let Some(name) = kb.lookup_folded(phrase).first() {
        return Some(match *name {
            KbName::Person(i) => {
                let p = &kb.people[i];
                Mention {
                    kb_id: p.qid.clone(),
                    gender: p.gender,
                    surname: words.get(range.end - 1).map(|w| w.folded.clone()),
                    full_name: range.len() > 1,
                    ..base(EntityType::Person, p.key.clone(), p.canonical.clone())
                }
            }
            KbName::Organization(i) | KbName::Metonym(i) => {
                let o = &kb.organizations[i];
                let metonym_of =
                    matches!(name, KbName::Metonym(_)).then(|| format!("place:{}", phrase.replace(' ', "-")));
                Mention {
                    kb_id: o.qid.clone(),
                    metonym_of,
                    ..base(EntityType::Organization, o.key.clone(), o.canonical.clone())
                }
            }
        });
    }
    let meaning = *g.lookup_folded(phrase).first()?;
    let first = &words[range.start];
    Some(match meaning {
        PlaceName::Country(i) => base(
            EntityType::Country,
            g.countries[i].key(),
            g.countries[i].name.clone(),
        ),
        PlaceName::Demonym { country, .. } => group(&g.countries[country], base),
        PlaceName::Place(i) => {
            let place = &g.places[i];
            let weak = range.len() == 1
                && first.sentence_start
                && place.kind == PlaceKind::City
                && place.population < SENTENCE_START_MIN_POPULATION;
            if weak {
                return None;
            }
            let confidence = if place.kind == PlaceKind::City && place.population < 100_000 {
                0.7
            } else {
                0.85
            };
            Mention {
                confidence,
                ..base(EntityType::Place, place.key.clone(), place.name.clone())
            }
        }
    })
}

fn group(country: &Country, base: impl Fn(EntityType, String, String) -> Mention) -> Mention {
    let name = country
        .demonym
        .clone()
        .map_or_else(|| country.name.clone(), |d| format!("{d} people"));
    Mention {
        confidence: 0.8,
        ..base(
            EntityType::Group,
            format!("group:{}", country.iso3.to_ascii_lowercase()),
            name,
        )
    }
}

/// Extends a country, demonym or capital mention over a following
/// institution ("Ukrainian air force", "Kyiv's air force").
fn with_institution(words: &[Word], claimed: &[bool], mention: Mention) -> Mention {
    let start = mention.words.end;
    let kb = kb();
    if words.get(start).is_none_or(|w| !kb.starts_institution(&w.folded)) {
        return mention;
    }
    let g = gazetteer();
    let country = match mention.entity_type {
        EntityType::Country | EntityType::Group => g
            .countries
            .iter()
            .find(|c| mention.key.ends_with(&c.iso3.to_ascii_lowercase())),
        EntityType::Place if words[start - 1].possessive => {
            let phrase: Vec<&str> = words[mention.words.clone()]
                .iter()
                .map(|w| w.folded.as_str())
                .collect();
            match g.lookup_folded(&phrase.join(" ")).first() {
                Some(PlaceName::Place(i)) => g.capital_of(&g.places[*i]),
                _ => None,
            }
        }
        _ => None,
    };
    let Some(country) = country else { return mention };
    let mut phrase = String::new();
    let mut best = None;
    for end in start + 1..=(start + kb.longest_phrase).min(words.len()) {
        if claimed[end - 1] || words[end - 1].sentence != mention.sentence {
            break;
        }
        if end > start + 1 {
            phrase.push(' ');
        }
        phrase.push_str(&words[end - 1].folded);
        if let Some(institution) = kb.institution(&phrase) {
            best = Some((end, institution));
        }
    }
    let Some((end, institution)) = best else {
        return mention;
    };
    let owner = country.demonym.clone().unwrap_or_else(|| country.name.clone());
    let metonym_of = (mention.entity_type == EntityType::Place).then(|| mention.key.clone());
    Mention {
        words: mention.words.start..end,
        span: Span::new(mention.span.start, words[end - 1].span.end),
        entity_type: EntityType::Organization,
        key: format!("org:{}-{}", country.slug(), institution.slug),
        canonical: format!("{owner} {}", institution.canonical),
        kb_id: None,
        metonym_of,
        confidence: 0.85,
        ..mention
    }
}

/// A mention from the tagger's span, unless it overlaps a known name.
fn tagged(body: &str, words: &[Word], claimed: &[bool], span: &NamedSpan) -> Option<Mention> {
    let text = span.span.slice(body)?.trim();
    // Words are in text order, so both ends are binary searches.
    let first = words.partition_point(|w| w.span.start < span.span.start);
    let end = words.partition_point(|w| w.span.end <= span.span.end);
    if end <= first || end > words.len() || claimed[first..end].iter().any(|c| *c) || text.is_empty() {
        return None;
    }
    // English names are capitalised: a span with a lower-case word that is
    // not a particle ("claimed Zelensky") or a weak guess is not taken.
    let shaped_like_a_name = words[first..end].iter().enumerate().all(|(i, w)| {
        w.capitalized || (i > 0 && i + 1 < end - first && NAME_PARTICLES.contains(&w.lower().as_str()))
    });
    if !shaped_like_a_name
        || span.confidence < MIN_TAGGER_CONFIDENCE
        || adjectival_compound(&words[first..end])
    {
        return None;
    }
    let confidence = 0.9 * span.confidence.clamp(0.0, 1.0);
    let mut mention = match span.label {
        NerLabel::Per => person(words, first..end, confidence),
        NerLabel::Loc => {
            let key = place_key(text);
            let entity_type = if key.starts_with("country:") {
                EntityType::Country
            } else {
                EntityType::Place
            };
            plain(words, first..end, entity_type, key, text, confidence)
        }
        NerLabel::Org => plain(
            words,
            first..end,
            EntityType::Organization,
            org_key(text),
            text,
            confidence,
        ),
        NerLabel::Misc => {
            let key = format!("misc:{}", fold_phrase(text).replace(' ', "-"));
            plain(words, first..end, EntityType::Misc, key, text, confidence)
        }
    };
    mention.from_kb = false;
    Some(mention)
}

/// One hyphenated word that describes rather than names: a participle
/// after the name ("US-mediated", "Russian-backed", "Saudi-led") or
/// nationality adjectives joined ("French-British"). The nationality inside
/// is not an actor in its own right, so no entity is made.
fn adjectival_compound(span_words: &[Word]) -> bool {
    let [word] = span_words else {
        return false;
    };
    let segments: Vec<&str> = word.text.split(['-', '‑']).filter(|s| !s.is_empty()).collect();
    if segments.len() < 2 {
        return false;
    }
    let participle_last = segments
        .last()
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_lowercase);
    let all_nationalities = segments.iter().all(|s| {
        gazetteer()
            .lookup_folded(&fold_phrase(s))
            .iter()
            .any(|m| matches!(m, PlaceName::Demonym { .. }))
    });
    participle_last || all_nationalities
}

fn plain(
    words: &[Word],
    range: std::ops::Range<usize>,
    entity_type: EntityType,
    key: String,
    text: &str,
    confidence: f32,
) -> Mention {
    Mention {
        span: name_span(words, range.clone()),
        sentence: words[range.start].sentence,
        words: range,
        entity_type,
        key,
        canonical: text.to_owned(),
        kb_id: None,
        form: MentionForm::Name,
        metonym_of: None,
        confidence,
        gender: None,
        surname: None,
        full_name: false,
        from_kb: false,
    }
}

/// The byte span of words `range`, with the closing bracket when the name
/// contains an editor's insertion ("Donald [Trump]"), so the span never
/// leaves a bracket unbalanced.
fn name_span(words: &[Word], range: std::ops::Range<usize>) -> Span {
    let (first, last) = (&words[range.start], &words[range.end - 1]);
    let opened_inside = words[range.start + 1..range.end]
        .iter()
        .any(|w| w.opens_insertion);
    let close = usize::from(opened_inside && last.closes_insertion);
    Span::new(first.span.start, last.span.end + close)
}

/// A person mention for words `range` (a name the knowledge base may know).
fn person(words: &[Word], range: std::ops::Range<usize>, confidence: f32) -> Mention {
    let text: Vec<&str> = words[range.clone()].iter().map(|w| w.text).collect();
    let name = text.join(" ");
    let known = kb().person_named(&name);
    let mut mention = plain(
        words,
        range.clone(),
        EntityType::Person,
        person_key(&name),
        &name,
        confidence,
    );
    mention.surname = Some(words[range.end - 1].folded.clone());
    mention.full_name = range.len() > 1;
    if let Some(p) = known {
        mention.canonical = p.canonical.clone();
        mention.kb_id = p.qid.clone();
        mention.gender = p.gender;
        mention.from_kb = true;
    }
    mention
}

/// End of the run of unclaimed capitalised words from `at` (at most `max`).
fn capitalized_run(words: &[Word], claimed: &[bool], at: usize, max: usize) -> usize {
    let mut end = at;
    while end < words.len()
        && end - at < max
        && !claimed[end]
        && words[end].capitalized
        && words[end].sentence == words[at].sentence
    {
        end += 1;
        if words[end - 1].possessive {
            break;
        }
    }
    end
}
