//! Fixtures: small invented articles, extracted and analysed by the real
//! pipeline so the tests see what `parallax-analyze` produces.

#![allow(dead_code)]

use parallax_core::{
    Article, DateProvenance, Hints, InputFormat, Origin, PublishedDate, SourceDocument, SourceKind,
};

/// An analysed article with the given id and outlet, published on `day`.
pub fn article(id: &str, outlet: &str, body: &str, day: Option<(i32, u32, u32)>) -> Article {
    let doc = SourceDocument {
        origin: Origin {
            path: format!("{id}.txt"),
            record: None,
        },
        format: InputFormat::Text,
        kind: SourceKind::Text,
        content: body.to_owned(),
        hints: Hints {
            title: Some(format!("Report {id}")),
            ..Default::default()
        },
        warnings: Vec::new(),
    };
    let mut a = parallax_extract::extract(&doc);
    a.id = id.to_owned();
    a.outlet.name = Some(outlet.to_owned());
    a.published = match day {
        Some((y, m, d)) => PublishedDate::day(y, m, d, DateProvenance::Meta),
        None => PublishedDate::unknown(),
    };
    parallax_analyze::annotate(&mut a);
    a
}

use parallax_core::{CameoCode, DatePrecision, Event, EventActor, EventDate, Modality, PloverCode, Span};

/// An actor with an entity key, CAMEO code and country.
pub fn actor(key: &str, code: &str) -> EventActor {
    EventActor {
        text: key.to_owned(),
        span: Span::new(0, 0),
        name: Some(key.to_owned()),
        key: Some(key.to_owned()),
        kb_id: None,
        code: code.to_owned(),
        country: code.get(..3).map(str::to_owned),
        role: code.get(3..).filter(|r| !r.is_empty()).map(str::to_owned),
    }
}

/// Codes an event on the article's sentence number `sentence` (what the
/// events crate would add), dated `date` when the sentence states one.
pub fn add_event(
    article: &mut Article,
    sentence: usize,
    cameo: &str,
    plover: &str,
    actors: (Option<EventActor>, Option<EventActor>),
    date: Option<&str>,
) {
    let span = article.analysis.sentences[sentence].span;
    article.analysis.events.push(Event {
        span,
        trigger: Span::new(span.start, span.start + 1),
        source: actors.0,
        target: actors.1,
        cameo: CameoCode {
            code: cameo.to_owned(),
            base: cameo.get(..3).unwrap_or(cameo).to_owned(),
            root: cameo.get(..2).unwrap_or(cameo).to_owned(),
            quad_class: 4,
            goldstein: -10.0,
        },
        plover: PloverCode {
            event_type: plover.to_owned(),
            mode: None,
            context: Vec::new(),
        },
        modality: Modality::Asserted,
        reported: false,
        date: date.map(|d| EventDate {
            date: Some(d.to_owned()),
            precision: Some(DatePrecision::Day),
            time: None,
            from_publication: false,
        }),
        place: None,
        figures: Vec::new(),
        quote: None,
        confidence: 0.8,
    });
}

/// Codes an asserted event on the sentence containing `trigger` (the first
/// occurrence of that word in the body), with the actor written `source`
/// (an entity key and CAMEO code) just before it and `target` after it.
pub fn add_event_at(
    article: &mut Article,
    trigger: &str,
    source: (&str, &str, &str),
    target: Option<(&str, &str, &str)>,
    cameo: &str,
) {
    let body = article.body.clone();
    let at = |word: &str| body.find(word).map(|i| Span::new(i, i + word.len()));
    let Some(trigger_span) = at(trigger) else {
        panic!("{trigger:?} not in the body");
    };
    let sentence = article
        .analysis
        .sentences
        .iter()
        .find(|s| s.span.start <= trigger_span.start && trigger_span.end <= s.span.end)
        .map(|s| s.span)
        .unwrap_or_else(|| panic!("no sentence holds {trigger:?}"));
    let actor_at = |(text, key, code): (&str, &str, &str)| {
        let span = at(text).unwrap_or_else(|| panic!("{text:?} not in the body"));
        EventActor {
            span,
            text: text.to_owned(),
            name: Some(text.to_owned()),
            ..actor(key, code)
        }
    };
    add_event(
        article,
        0,
        cameo,
        "CONSULT",
        (Some(actor_at(source)), target.map(actor_at)),
        None,
    );
    if let Some(event) = article.analysis.events.last_mut() {
        event.span = sentence;
        event.trigger = trigger_span;
        event.quote = None;
    }
}
