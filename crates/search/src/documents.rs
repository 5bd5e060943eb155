//! Articles to index documents: one per article, one per attributed quote.

use std::collections::BTreeSet;

use parallax_core::{Article, MentionForm};
use tantivy::TantivyDocument;

use crate::schema::{Fields, KIND_ARTICLE, KIND_QUOTE};

/// The outlet label results and facets show: the name, else the domain.
pub fn outlet_label(article: &Article) -> Option<&str> {
    article
        .outlet
        .name
        .as_deref()
        .or(article.outlet.domain.as_deref())
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as `YYYYMMDD` with unknown parts 00;
/// `None` when it is none of those.
pub fn date_number(date: &str) -> Option<u64> {
    let mut parts = date.split('-');
    let year: u64 = parse_digits(parts.next()?, 4)?;
    let month = parts.next().map_or(Some(0), |m| parse_digits(m, 2))?;
    let day = parts.next().map_or(Some(0), |d| parse_digits(d, 2))?;
    if parts.next().is_some() || month > 12 || day > 31 {
        return None;
    }
    Some(year * 10_000 + month * 100 + day)
}

fn parse_digits(text: &str, width: usize) -> Option<u64> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// The index documents of one article: the article itself (carrying
/// `revision`, the store's revision number as far as the caller knows it),
/// then one per quote.
pub fn article_documents(fields: &Fields, article: &Article, revision: u64) -> Vec<TantivyDocument> {
    let mut docs = Vec::with_capacity(1 + article.analysis.quotes.len());
    let mut doc = shared_fields(fields, article, KIND_ARTICLE);
    doc.add_u64(fields.revision, revision);
    doc.add_text(fields.content_hash, &article.content_hash);
    doc.add_text(fields.body, &article.body);
    if let Some(title) = &article.title {
        doc.add_text(fields.text, title);
        doc.add_text(fields.text, title);
    }
    doc.add_text(fields.text, &article.body);
    let mut entities = BTreeSet::new();
    let mut mentions = BTreeSet::new();
    for mention in &article.analysis.entities {
        if mention.form == MentionForm::Pronoun || mention.key.is_empty() {
            continue;
        }
        entities.insert((mention.key.as_str(), mention.canonical.as_str()));
        if let Some(surface) = mention.span.slice(&article.body) {
            mentions.insert((mention.key.as_str(), surface));
        }
    }
    for (key, name) in &entities {
        doc.add_text(fields.entity, key);
        doc.add_text(fields.entity_match, key);
        doc.add_text(fields.entity_label, format!("{key}\t{name}"));
    }
    for (key, surface) in mentions {
        doc.add_text(fields.mention, format!("{key}\t{surface}"));
    }
    let mut events = BTreeSet::new();
    for event in &article.analysis.events {
        for code in [&event.cameo.root, &event.plover.event_type] {
            if !code.is_empty() {
                events.insert(code.as_str());
            }
        }
    }
    for code in events {
        doc.add_text(fields.event, code);
    }
    docs.push(doc);

    for quote in &article.analysis.quotes {
        if quote.text.trim().is_empty() {
            continue;
        }
        let mut doc = shared_fields(fields, article, KIND_QUOTE);
        doc.add_text(fields.body, &quote.text);
        doc.add_text(fields.text, &quote.text);
        doc.add_text(fields.quote_text, &quote.text);
        doc.add_u64(fields.span_start, quote.span.start as u64);
        doc.add_u64(fields.span_end, quote.span.end as u64);
        if let Some(speaker) = &quote.speaker {
            doc.add_text(fields.speaker, &speaker.name);
            doc.add_text(fields.text, &speaker.name);
            doc.add_text(fields.quote_text, &speaker.name);
            if !speaker.key.is_empty() {
                doc.add_text(fields.entity, &speaker.key);
                doc.add_text(fields.entity_match, &speaker.key);
                doc.add_text(fields.speaker_entity, &speaker.key);
                doc.add_text(fields.entity_label, format!("{}\t{}", speaker.key, speaker.name));
                if let Some(surface) = speaker.span.slice(&article.body) {
                    doc.add_text(fields.mention, format!("{}\t{surface}", speaker.key));
                }
            }
        }
        docs.push(doc);
    }
    docs
}

/// Fields an article and its quotes share: id, headline (stored; searched
/// in the article's document only, see `Fields::text`), outlet, date.
fn shared_fields(fields: &Fields, article: &Article, kind: &str) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, kind);
    doc.add_text(fields.article, &article.id);
    if let Some(title) = &article.title {
        doc.add_text(fields.title, title);
    }
    if let Some(outlet) = outlet_label(article) {
        doc.add_text(fields.outlet, outlet);
    }
    if let Some(date) = &article.published.date {
        doc.add_text(fields.published, date);
        if let Some(day) = date_number(date) {
            doc.add_u64(fields.day, day);
            doc.add_u64(fields.day_filter, day);
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_every_precision_become_sortable_numbers() {
        assert_eq!(date_number("2025-06-04"), Some(20_250_604));
        assert_eq!(date_number("2025-06"), Some(20_250_600));
        assert_eq!(date_number("2025"), Some(20_250_000));
        assert_eq!(date_number("2025-13"), None);
        assert_eq!(date_number("June 2025"), None);
        assert_eq!(date_number("2025-06-04-01"), None);
        assert_eq!(date_number(""), None);
    }
}
