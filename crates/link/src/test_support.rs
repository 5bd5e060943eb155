//! Small article fixtures for the unit tests: real extraction and analysis
//! of a few sentences, so tests exercise what the pipeline produces.

use parallax_core::{
    Article, DateProvenance, EntityMention, EntityType, Hints, InputFormat, MentionForm, Origin,
    PublishedDate, SourceDocument, SourceKind, Span,
};

/// An extracted (not analysed) article with the given id, title and body.
pub fn article(id: &str, title: &str, body: &str) -> Article {
    let doc = SourceDocument {
        origin: Origin {
            path: format!("{id}.txt"),
            record: None,
        },
        format: InputFormat::Text,
        kind: SourceKind::Text,
        content: body.to_owned(),
        hints: Hints {
            title: Some(title.to_owned()),
            ..Default::default()
        },
        warnings: Vec::new(),
    };
    let mut article = parallax_extract::extract(&doc);
    article.id = id.to_owned();
    article
}

/// An analysed article, published on `day` when given.
pub fn analyzed(id: &str, title: &str, body: &str, day: Option<(i32, u32, u32)>) -> Article {
    let mut a = article(id, title, body);
    a.published = match day {
        Some((y, m, d)) => PublishedDate::day(y, m, d, DateProvenance::Meta),
        None => PublishedDate::unknown(),
    };
    parallax_analyze::annotate(&mut a);
    a
}

/// An article whose only annotations are person mentions `(key, name)`.
pub fn with_mentions(id: &str, mentions: &[(&str, &str)]) -> Article {
    let mut a = article(id, "t", "body text");
    a.analysis.entities = mentions
        .iter()
        .enumerate()
        .map(|(i, (key, name))| EntityMention {
            span: Span::new(i, i + 1),
            entity_type: if key.starts_with("person:") {
                EntityType::Person
            } else {
                EntityType::Organization
            },
            key: key.to_string(),
            canonical: name.to_string(),
            kb_id: None,
            form: MentionForm::Name,
            entity: i,
            metonym_of: None,
            confidence: 1.0,
        })
        .collect();
    a
}
