//! `/articles/{id}`: one article — metadata with where each value came
//! from, the clean text with entities, quotes (coloured by speaker) and
//! event triggers highlighted, what extraction removed, and the original.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Redirect;
use maud::{html, Markup};
use parallax_core::{Article, Event, Quote};

use super::highlight::{self, Annotation, Mark};
use super::layout::{self, Section};
use super::{links, PageResult};
use crate::state::AppState;
use crate::views::articles;

pub async fn article_page(State(state): State<AppState>, Path(id): Path<String>) -> PageResult {
    let article = articles::article(&state, &id).await?;
    let title = article
        .title
        .clone()
        .unwrap_or_else(|| format!("Article {}", article.id));
    Ok(layout::page(
        &title,
        Section::Other,
        render_article(&article, &title),
    ))
}

/// `/articles/{id}/original`: the API serves the bytes (as plain text or
/// an opaque download, never as HTML, so an uploaded page cannot run script
/// on this origin); the page URL only forwards there, so there is one
/// implementation of that rule.
pub async fn original(Path(id): Path<String>) -> Redirect {
    Redirect::temporary(&format!("/api{}", links::article_original(&id)))
}

/// The colour slot of each speaker, in order of first quote.
fn speaker_colours(quotes: &[Quote]) -> HashMap<String, usize> {
    let mut colours = HashMap::new();
    for quote in quotes {
        if let Some(name) = speaker_name(quote) {
            let next = colours.len();
            colours.entry(name.to_owned()).or_insert(next);
        }
    }
    colours
}

/// Who a quote is from: the person, else the non-person source.
fn speaker_name(quote: &Quote) -> Option<&str> {
    quote
        .speaker
        .as_ref()
        .map(|speaker| speaker.name.as_str())
        .or(quote.source.as_deref())
}

fn event_description(event: &Event) -> String {
    let actor = |actor: &Option<parallax_core::EventActor>| {
        actor
            .as_ref()
            .map(|a| a.name.clone().unwrap_or_else(|| a.text.clone()))
            .unwrap_or_else(|| "?".to_owned())
    };
    format!(
        "{} → {} → {} · CAMEO {} · PLOVER {} · {}",
        actor(&event.source),
        event.plover.event_type.to_lowercase(),
        actor(&event.target),
        event.cameo.code,
        event.plover.event_type,
        json_name(&event.modality)
    )
}

/// The JSON name of a unit enum value (`"asserted"`, `"json-ld"`).
fn json_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The highlights of an article, and the offsets that get an anchor
/// (sentence, quote, figure and event starts: whatever a story cites).
pub fn annotations(article: &Article) -> (Vec<Annotation>, Vec<usize>) {
    let analysis = &article.analysis;
    let colours = speaker_colours(&analysis.quotes);
    let mut marks = Vec::new();
    let mut anchors: Vec<usize> = analysis.sentences.iter().map(|s| s.span.start).collect();
    for quote in &analysis.quotes {
        let speaker = speaker_name(quote).map(str::to_owned);
        let colour = speaker
            .as_ref()
            .and_then(|name| colours.get(name))
            .copied()
            .unwrap_or(0);
        let parts = if quote.parts.is_empty() {
            std::slice::from_ref(&quote.span)
        } else {
            &quote.parts[..]
        };
        anchors.push(quote.span.start);
        for (i, part) in parts.iter().enumerate() {
            anchors.push(part.start);
            marks.push(Annotation {
                span: *part,
                mark: Mark::Quote {
                    speaker: speaker.clone(),
                    colour,
                    first_part: i == 0,
                },
            });
        }
    }
    for event in &analysis.events {
        anchors.push(event.span.start);
        marks.push(Annotation {
            span: event.trigger,
            mark: Mark::Event {
                cameo: event.cameo.code.clone(),
                quad_class: event.cameo.quad_class,
                description: event_description(event),
            },
        });
    }
    for mention in &analysis.entities {
        marks.push(Annotation {
            span: mention.span,
            mark: Mark::Entity {
                key: mention.key.clone(),
                entity_type: json_name(&mention.entity_type),
                name: mention.canonical.clone(),
            },
        });
    }
    anchors.extend(analysis.figures.iter().map(|figure| figure.span.start));
    (marks, anchors)
}

fn render_article(article: &Article, title: &str) -> Markup {
    let (marks, anchors) = annotations(article);
    let colours = speaker_colours(&article.analysis.quotes);
    let mut speakers: Vec<(&String, &usize)> = colours.iter().collect();
    speakers.sort_by_key(|(_, colour)| **colour);
    html! {
        article.article-page {
            header {
                h1 { (title) }
                p.byline {
                    (article.outlet.name.as_deref().or(article.outlet.domain.as_deref()).unwrap_or("Unknown outlet"))
                    " · " (layout::date(article.published.date.as_deref(), article.published.precision, false))
                    @for flag in &article.flags { " " span class=(format!("flag flag-{}", json_name(flag))) { (json_name(flag)) } }
                }
                p.article-links {
                    a #original-link href=(links::article_original(&article.id)) { "Original file" }
                    @if let Some(url) = &article.url {
                        " · " a #source-url href=(url) rel="noopener noreferrer nofollow" { "Published at " (url) }
                    }
                    " · " a href=(format!("/api/articles/{}", article.id)) { "JSON" }
                }
            }
            (metadata(article))
            section #legend aria-label="Highlights" {
                h2.visually-hidden { "Highlights" }
                p.legend {
                    span.entity.type-person { "entity" } " names link to their page · "
                    span class="event quad-1" { "event" } " triggers (hover for the coding) · quotes by speaker: "
                    @for (name, colour) in &speakers {
                        mark class=(format!("quote speaker-{}", **colour % highlight::SPEAKER_COLOURS)) { (name) } " "
                    }
                }
            }
            section #article-body aria-label="Article text" {
                (highlight::render_body(&article.body, &article.paragraphs, &marks, &anchors))
            }
            (removed(article))
            (quote_list(article))
            (event_list(article))
        }
    }
}

fn metadata(article: &Article) -> Markup {
    let published = &article.published;
    html! {
        section #article-meta aria-labelledby="meta-heading" {
            h2 #meta-heading { "Metadata" }
            dl.meta {
                div {
                    dt { "Outlet" }
                    dd {
                        (article.outlet.name.as_deref().unwrap_or("unknown"))
                        @if let Some(domain) = &article.outlet.domain { " (" (domain) ")" }
                        @if let Some(provenance) = &article.outlet.provenance { " " span.provenance { "from " (provenance) } }
                    }
                }
                div {
                    dt { "Published" }
                    dd #published {
                        (layout::date(published.date.as_deref(), published.precision, false))
                        @if let Some(provenance) = &published.provenance { " " span.provenance { "from " (json_name(provenance)) } }
                        @if let Some(raw) = &published.raw { " " span.raw { "(“" (raw) "”)" } }
                        @if let Some(timestamp) = &published.timestamp { " " span.timestamp { (timestamp) } }
                        @if let Some(confidence) = published.confidence { " " span.confidence { "confidence " (format!("{confidence:.2}")) } }
                    }
                }
                @if let Some(captured) = &article.captured { div { dt { "Captured" } dd { (captured) } } }
                div { dt { "Authors" } dd { @if article.authors.is_empty() { span.unknown { "none stated" } } @else { (article.authors.join(", ")) } } }
                @if !article.agencies.is_empty() { div { dt { "Agencies" } dd { (article.agencies.join(", ")) } } }
                div { dt { "Language" } dd { (article.language.as_deref().unwrap_or("unknown")) } }
                div { dt { "Flags" } dd { @if article.flags.is_empty() { "none" } @else { (article.flags.iter().map(json_name).collect::<Vec<_>>().join(", ")) } } }
                div {
                    dt { "Source" }
                    dd { code { (article.source_path) } @if let Some(record) = &article.source_record { " (" (record) ")" } " · " (json_name(&article.format)) }
                }
                div { dt { "Id" } dd { code { (article.id) } } }
                @if !article.warnings.is_empty() {
                    div { dt { "Warnings" } dd { ul { @for warning in &article.warnings { li { (warning) } } } } }
                }
            }
        }
    }
}

fn removed(article: &Article) -> Markup {
    html! {
        details #boilerplate {
            summary { "Removed boilerplate (" (article.removed.len()) ")" }
            @if article.removed.is_empty() {
                p.empty { "Nothing was removed." }
            } @else {
                ul.removed-list {
                    @for item in &article.removed {
                        li { span.reason { (item.reason) } " " span.removed-text { (item.text) } }
                    }
                }
            }
        }
    }
}

fn quote_list(article: &Article) -> Markup {
    let quotes = &article.analysis.quotes;
    html! {
        section #article-quotes aria-labelledby="quotes-heading" {
            h2 #quotes-heading { "Quotes (" (quotes.len()) ")" }
            @if !quotes.is_empty() {
                ul.quote-list {
                    @for quote in quotes {
                        li {
                            @match &quote.speaker {
                                Some(speaker) => a.entity-link href=(links::entity(&speaker.key)) { (speaker.name) },
                                None => span.unknown { (quote.source.as_deref().unwrap_or("unattributed")) },
                            }
                            @if let Some(cue) = &quote.cue { " " span.cue { (cue.text) } }
                            ": " a href=(format!("#s{}", quote.span.start)) { q { (quote.text) } }
                            " " span.quote-kind { "(" (json_name(&quote.kind)) ")" }
                        }
                    }
                }
            }
        }
    }
}

fn event_list(article: &Article) -> Markup {
    let events = &article.analysis.events;
    html! {
        section #article-events aria-labelledby="events-heading" {
            h2 #events-heading { "Events (" (events.len()) ")" }
            @if !events.is_empty() {
                ul.event-list {
                    @for event in events {
                        li {
                            a href=(format!("#s{}", event.span.start)) { (event_description(event)) }
                            @if let Some(date) = &event.date {
                                " · " (layout::date(date.date.as_deref(), date.precision, date.from_publication))
                            }
                        }
                    }
                }
            }
        }
    }
}
