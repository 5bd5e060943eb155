//! PLOVER JSON records, one per line, with the field names of the PLOVER
//! manual's data-exchange chapter (`id`, `date`, `actor`, `recipient`,
//! `event`, `mode`, `context`, `quad`, `event_scale`, `event_loc`,
//! `event_text`, `text`, `text_info`, `cite_info`, `coder`), plus
//! Parallax's own fields under their own names (`modality`, `reported`,
//! `confidence`, `cameo`, `article`, `mentions`), as the manual invites.

use std::io::Write;

use parallax_core::{EventActor, EventPlace};
use serde_json::{json, Value};

use super::fields::{sentence_number, span_text};
use super::EventMention;
use crate::ExportError;

/// Identifies the coder in each record.
const CODER: &str = concat!("parallax ", env!("CARGO_PKG_VERSION"));
/// The codebooks the codes come from.
const CODEBOOK: &str = "CAMEO 1.1b3 / PETRARCH2 verb dictionary; CAMEO2PLOVER-2021";

/// Writes PLOVER records as JSON lines.
pub struct PloverWriter<W: Write> {
    out: W,
}

impl<W: Write> PloverWriter<W> {
    pub fn new(out: W) -> Self {
        PloverWriter { out }
    }

    /// Writes one event; the first mention is the representative, every
    /// mention is listed under `mentions` with its article and spans.
    pub fn write(&mut self, mentions: &[EventMention<'_>]) -> Result<(), ExportError> {
        let Some(first) = mentions.first() else {
            return Ok(());
        };
        serde_json::to_writer(&mut self.out, &record(first, mentions))?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Flushes and hands back the writer.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.out.flush()?;
        Ok(self.out)
    }
}

fn record(first: &EventMention<'_>, mentions: &[EventMention<'_>]) -> Value {
    let article = first.article;
    let event = first.event;
    let body = article.body.as_str();
    let date = event.date.as_ref();
    json!({
        "id": format!("parallax-{}-{}", article.id, first.index),
        "date": date.and_then(|d| d.date.clone()),
        "date_precision": date.and_then(|d| d.precision),
        "date_from_publication": date.map(|d| d.from_publication),
        "actor": event.source.as_ref().map(entity).into_iter().collect::<Vec<_>>(),
        "recipient": event.target.as_ref().map(entity).into_iter().collect::<Vec<_>>(),
        "event": [event.plover.event_type],
        "mode": event.plover.mode.iter().collect::<Vec<_>>(),
        "context": event.plover.context,
        "quad": event.cameo.quad_class,
        "event_scale": event.cameo.goldstein,
        "event_loc": event.place.as_ref().map(location),
        "event_text": [span_text(body, event.trigger.start, event.trigger.end)],
        "text": span_text(body, event.span.start, event.span.end),
        "text_info": {
            "sequence": sentence_number(article, event.span.start),
            "start": event.span.start,
            "end": event.span.end,
        },
        "cite_info": {
            "url": article.url,
            "title": article.title,
            "publication": article.outlet.name,
            "language": article.language,
            "coder": CODER,
            "codebook": CODEBOOK,
        },
        "coder": CODER,
        "modality": event.modality,
        "reported": event.reported,
        "confidence": event.confidence,
        "cameo": event.cameo,
        "article": article.id,
        "mentions": mentions.iter().map(|m| json!({
            "article": m.article.id,
            "outlet": m.article.outlet.name,
            "url": m.article.url,
            "span": m.event.span,
            "trigger": m.event.trigger,
        })).collect::<Vec<_>>(),
    })
}

/// PLOVER's entity object: `code` is the top-level (country) code, `sector`
/// the role; the identifier is the Wikidata id when the knowledge base has one.
fn entity(actor: &EventActor) -> Value {
    let code = actor
        .country
        .clone()
        .unwrap_or_else(|| actor.code.chars().take(3).collect());
    let sector = actor.role.clone().or_else(|| {
        let rest: String = actor.code.chars().skip(3).collect();
        (!rest.is_empty()).then_some(rest)
    });
    json!({
        "code": code,
        "sector": sector,
        "cameo_code": actor.code,
        "entity_text": actor.text,
        "identifier_id": actor.kb_id,
        "identifier_text": actor.name,
        "key": actor.key,
        "span": actor.span,
    })
}

/// PLOVER's location object, as far as the gazetteer resolved it.
fn location(place: &EventPlace) -> Value {
    let resolution = match place.feature.as_deref() {
        Some("city") => Some(4),
        Some("subdivision") => Some(2),
        Some("country") => Some(1),
        _ => None,
    };
    json!({
        "extracted_place": place.name,
        "resolved_place": place.key,
        "geonameid": place.geonames_id,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country,
        "resolution": resolution,
        "span": place.span,
    })
}
