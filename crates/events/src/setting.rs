//! When and where: the event's date from the sentence's own time expression
//! (the publication date only as a marked fallback) and its place from an
//! "in / at / near <place>" phrase, geocoded with the gazetteer.

use parallax_analyze::gazetteer::{gazetteer, PlaceKind, PlaceName};
use parallax_core::{Article, EntityMention, EntityType, EventDate, EventPlace, Span};

/// The date of an event triggered at `trigger` in sentence `sentence`: the
/// sentence's time expression nearest the trigger, else the publication date.
pub fn event_date(article: &Article, sentence: Span, trigger: Span) -> Option<EventDate> {
    let nearest = article
        .analysis
        .times
        .iter()
        .enumerate()
        .filter(|(_, t)| t.span.start >= sentence.start && t.span.end <= sentence.end)
        .min_by_key(|(_, t)| t.span.start.abs_diff(trigger.start));
    if let Some((index, time)) = nearest {
        return Some(EventDate {
            date: time.date.clone(),
            precision: time.precision,
            time: Some(index),
            from_publication: false,
        });
    }
    let published = article.published.date.clone()?;
    Some(EventDate {
        date: Some(published),
        precision: article.published.precision,
        time: None,
        from_publication: true,
    })
}

/// Words that put what follows at a place.
const LOCATIVES: &[&str] = &["in", "at", "near", "outside", "inside", "around"];

/// True when a locative preposition introduces the mention within a few
/// words ("in the frontline town of Kostiantynivka").
pub fn is_located(body: &str, mention: &EntityMention) -> bool {
    let before = body.get(..mention.span.start).unwrap_or("");
    let tail: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    for (k, word) in tail.iter().enumerate() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if LOCATIVES.contains(&w.as_str()) {
            return true;
        }
        // Stop at punctuation or a capitalised word other than the first: another phrase.
        if word.ends_with(',')
            || word.ends_with('.')
            || (k > 0 && word.chars().next().is_some_and(char::is_uppercase))
        {
            return false;
        }
    }
    false
}

/// The place of an event in `sentence`: the first located place or country
/// mention that is not one of the event's actors, nor inside an infinitive
/// that follows the trigger (`trigger`).
pub fn event_place(
    article: &Article,
    sentence: Span,
    trigger: Span,
    actor_spans: &[Span],
) -> Option<EventPlace> {
    let body = &article.body;
    let mention = article.analysis.entities.iter().find(|m| {
        m.span.start >= sentence.start
            && m.span.end <= sentence.end
            && matches!(m.entity_type, EntityType::Place | EntityType::Country)
            && m.metonym_of.is_none()
            && !actor_spans.contains(&m.span)
            && is_located(body, m)
            && !in_later_infinitive(body, trigger, m.span)
    })?;
    Some(geocode(body, mention))
}

/// Words after "to" that make it a preposition, not an infinitive's marker.
const NOT_VERBS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "some", "any", "all", "both", "each", "every", "no", "one", "two", "three", "such", "be",
];

/// True when a to-infinitive stands between the trigger and the place: the
/// place then belongs to the act proposed, not to the trigger's ("invited
/// him to hold such a meeting in Moscow" was not an invitation in Moscow;
/// "agreed to meet in Abu Dhabi" agreed somewhere else). "to be" is left
/// out: "is due to be held in Paris" places the holding.
fn in_later_infinitive(body: &str, trigger: Span, place: Span) -> bool {
    if place.start < trigger.end {
        return false;
    }
    let between = body.get(trigger.end..place.start).unwrap_or("");
    let words: Vec<&str> = between.split_whitespace().collect();
    words.windows(2).any(|pair| {
        let next = pair[1].trim_matches(|c: char| !c.is_alphanumeric());
        pair[0] == "to" && next.chars().next().is_some_and(char::is_lowercase) && !NOT_VERBS.contains(&next)
    })
}

/// The place a mention names, with country, feature and coordinates from the gazetteer.
pub fn geocode(body: &str, mention: &EntityMention) -> EventPlace {
    let gaz = gazetteer();
    let mut place = EventPlace {
        name: mention.span.slice(body).unwrap_or("").to_owned(),
        span: mention.span,
        key: Some(mention.key.clone()),
        country: None,
        lat: None,
        lon: None,
        feature: None,
        geonames_id: None,
    };
    if let Some(iso3) = mention.key.strip_prefix("country:") {
        place.country = Some(iso3.to_uppercase());
        place.feature = Some("country".to_owned());
        return place;
    }
    let found = gaz.lookup(&mention.canonical).or_else(|| gaz.lookup(&place.name));
    match found {
        Some(PlaceName::Place(i)) => {
            if let Some(p) = gaz.places.get(i) {
                let feature = match p.kind {
                    PlaceKind::City => "city",
                    PlaceKind::Region => "subdivision",
                };
                place.feature = Some(feature.to_owned());
                place.country = gaz.country_by_iso2(&p.country).map(|c| c.iso3.clone());
                if let Some((lat, lon)) = p.coordinates {
                    place.lat = Some(lat);
                    place.lon = Some(lon);
                }
            }
        }
        Some(PlaceName::Country(i)) | Some(PlaceName::Demonym { country: i, .. }) => {
            place.country = gaz.countries.get(i).map(|c| c.iso3.clone());
            place.feature = Some("country".to_owned());
        }
        None => {}
    }
    place
}
