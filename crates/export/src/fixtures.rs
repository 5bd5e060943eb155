//! Articles the export tests write out.

use parallax_core::{
    content_hash, Article, CameoCode, Event, EventActor, EventDate, EventPlace, InputFormat, Modality,
    Outlet, PloverCode, PublishedDate, Sentence, Span, SCHEMA_VERSION,
};

pub fn article() -> Article {
    let body = "First paragraph, with a comma.\n\nSecond \"quoted\" one.".to_owned();
    Article {
        schema_version: SCHEMA_VERSION.to_owned(),
        id: "0123456789abcdef".into(),
        content_hash: content_hash(&body),
        source_path: "a.txt".into(),
        source_record: None,
        format: InputFormat::Text,
        url: None,
        title: Some("A title".into()),
        outlet: Outlet {
            name: Some("Outlet".into()),
            domain: None,
            provenance: Some("text".into()),
        },
        authors: vec!["Jane Doe".into(), "John Roe".into()],
        agencies: vec!["Reuters".into()],
        published: PublishedDate::day(2025, 9, 4, parallax_core::DateProvenance::Header),
        captured: None,
        language: Some("en".into()),
        body,
        paragraphs: vec![],
        removed: vec![],
        flags: vec![parallax_core::Flag::Paywalled],
        warnings: vec![],
        analysis: Default::default(),
    }
}

/// A one-sentence article with one coded event: "Moscow launched 500
/// drones on Ukraine overnight in Kharkiv, officials said."
pub fn article_with_event() -> Article {
    let body = "Moscow launched 500 drones on Ukraine in Kharkiv.\n\nOfficials said so.".to_owned();
    let mut article = article();
    article.id = "feedfacecafebeef".into();
    article.url = Some("https://news.example/drones".into());
    article.outlet.domain = Some("news.example".into());
    article.content_hash = content_hash(&body);
    article.paragraphs = vec![
        parallax_core::Paragraph {
            span: Span::new(0, 49),
            kind: parallax_core::ParagraphKind::Paragraph,
        },
        parallax_core::Paragraph {
            span: Span::new(51, 69),
            kind: parallax_core::ParagraphKind::Paragraph,
        },
    ];
    article.analysis.sentences = vec![
        Sentence {
            span: Span::new(0, 49),
            paragraph: 0,
        },
        Sentence {
            span: Span::new(51, 69),
            paragraph: 1,
        },
    ];
    article.body = body;
    let actor = |text: &str, start: usize, code: &str, country: &str, role: Option<&str>| EventActor {
        text: text.into(),
        span: Span::new(start, start + text.len()),
        name: Some(text.into()),
        key: Some(text.to_lowercase()),
        kb_id: None,
        code: code.into(),
        country: Some(country.into()),
        role: role.map(Into::into),
    };
    article.analysis.events = vec![Event {
        span: Span::new(0, 49),
        trigger: Span::new(7, 15),
        source: Some(actor("Moscow", 0, "RUSGOV", "RUS", Some("GOV"))),
        target: Some(actor("Ukraine", 30, "UKR", "UKR", None)),
        cameo: CameoCode {
            code: "195".into(),
            base: "195".into(),
            root: "19".into(),
            quad_class: 4,
            goldstein: -10.0,
        },
        plover: PloverCode {
            event_type: "ASSAULT".into(),
            mode: Some("aerial".into()),
            context: vec!["military".into()],
        },
        modality: Modality::Asserted,
        reported: false,
        date: Some(EventDate {
            date: Some("2025-09-03".into()),
            precision: Some(parallax_core::DatePrecision::Day),
            time: None,
            from_publication: false,
        }),
        place: Some(EventPlace {
            name: "Kharkiv".into(),
            span: Span::new(41, 48),
            key: Some("kharkiv".into()),
            country: Some("UKR".into()),
            lat: Some(49.98081),
            lon: Some(36.25272),
            feature: Some("city".into()),
            geonames_id: Some(706483),
        }),
        figures: vec![],
        quote: None,
        confidence: 0.8,
    }];
    article
}
