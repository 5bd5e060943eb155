//! `/entities/{key}`: one entity across every article — its spellings by
//! outlet, its roles, what it said, the events it took part in and the
//! stories it appears in.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use maud::{html, Markup};
use parallax_store::Spelling;

use super::layout::{self, Section};
use super::{links, PageResult};
use crate::state::AppState;
use crate::views::entities::{entity, EntityView};

pub async fn entity_page(State(state): State<AppState>, Path(key): Path<String>) -> PageResult {
    let view = entity(&state, &key).await?;
    let name = view.record.name.clone();
    Ok(layout::page(&name, Section::Other, render_entity(&view)))
}

/// Spellings as a surface × outlet table.
struct SpellingTable<'a> {
    /// The columns: outlets in order of first use.
    outlets: Vec<&'a str>,
    /// One row per surface form: how many mentions each outlet wrote it with.
    rows: Vec<(&'a str, BTreeMap<&'a str, u64>)>,
}

fn spelling_table(spellings: &[Spelling]) -> SpellingTable<'_> {
    let mut table = SpellingTable {
        outlets: Vec::new(),
        rows: Vec::new(),
    };
    for spelling in spellings {
        let outlet = spelling.outlet.as_deref().unwrap_or("unknown outlet");
        if !table.outlets.contains(&outlet) {
            table.outlets.push(outlet);
        }
        let row = match table
            .rows
            .iter()
            .position(|(surface, _)| *surface == spelling.surface)
        {
            Some(i) => i,
            None => {
                table.rows.push((&spelling.surface, BTreeMap::new()));
                table.rows.len() - 1
            }
        };
        *table.rows[row].1.entry(outlet).or_default() += spelling.mentions;
    }
    table
}

fn render_entity(view: &EntityView) -> Markup {
    let record = &view.record;
    let SpellingTable { outlets, rows } = spelling_table(&record.spellings);
    html! {
        header.entity-header {
            h1 { (record.name) }
            p.entity-summary {
                span.entity-type { (record.entity_type) } " · " code { (record.key) }
                @if let Some(qid) = record.kb_id.as_ref().or(view.kb.as_ref().and_then(|kb| kb.qid.as_ref())) {
                    " · Wikidata " (qid)
                }
                " · " (layout::count(record.mention_count, "mention", "mentions")) " in " (layout::count(record.article_count, "article", "articles")) " · "
                a href=(format!("/api/entities/{}", links::segment(&record.key))) { "JSON" }
                " · " a href=(links::with_query("/search", &[("entity", &record.key)])) { "search its articles" }
            }
        }
        section #spellings aria-labelledby="spellings-heading" {
            h2 #spellings-heading { "Spellings by outlet" }
            @if rows.is_empty() {
                p.empty { "No spelling recorded." }
            } @else {
                div.matrix-scroll tabindex="0" role="region" aria-label="Spellings by outlet, scrolls sideways" {
                    table.spelling-table {
                        thead { tr { th scope="col" { "Written as" } @for outlet in &outlets { th scope="col" { (outlet) } } } }
                        tbody {
                            @for (surface, counts) in &rows {
                                tr {
                                    th scope="row" { (surface) }
                                    @for outlet in &outlets {
                                        @match counts.get(outlet) {
                                            Some(n) => td.cell.reported title=(format!("{outlet} writes “{surface}” {n} times")) { (n) },
                                            None => td.cell.omitted { span.visually-hidden { "not used" } },
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        section #roles aria-labelledby="roles-heading" {
            h2 #roles-heading { "Roles" }
            @match &view.kb {
                Some(kb) => {
                    ul.role-list {
                        @if let Some(actor) = &kb.actor { li { "CAMEO actor code " code { (actor) } } }
                        @if let Some(country) = &kb.country { li { "Country or body " (country) } }
                        @for role in &kb.roles {
                            li { (role.role) " (" (role.country) "), " (role.from) " – " (role.to.as_deref().unwrap_or("present")) }
                        }
                    }
                    @if !kb.aliases.is_empty() { p.aliases { "Also known as: " (kb.aliases.join(", ")) } }
                }
                None => p.empty { "Not in the knowledge base: roles are only what the articles call it." },
            }
        }
        section #entity-statements aria-labelledby="statements-heading" {
            h2 #statements-heading { "Statements (" (view.statements.total) ")" }
            @if view.statements.items.is_empty() {
                p.empty { "No quote is attributed to it." }
            } @else {
                ul.statement-list {
                    @for row in &view.statements.items {
                        li.entity-statement {
                            blockquote { (row.quote.text) }
                            p.statement-source {
                                a.source-link href=(links::article_at(&row.article, row.quote.span.start)) { (row.outlet.as_deref().unwrap_or(&row.article)) }
                                @if let Some(date) = &row.published { ", " time datetime=(date) { (date) } }
                            }
                        }
                    }
                }
                @if view.statements.total > view.statements.items.len() as u64 {
                    p.more-note { "Showing the first " (view.statements.items.len()) "; "
                        a href=(links::with_query("/api/quotes", &[("speaker", &record.key)])) { "all as JSON" } "." }
                }
            }
        }
        section #entity-events aria-labelledby="events-heading" {
            h2 #events-heading { "Events (" (view.events.total) ")" }
            @if view.events.items.is_empty() {
                p.empty { "It is not the source or target of any coded event." }
            } @else {
                ul.event-list {
                    @for row in &view.events.items {
                        @let event = &row.event;
                        li.entity-event {
                            span.relation-source { (actor_name(event.source.as_ref())) }
                            " → " span.relation-action title=(format!("CAMEO {}", event.cameo.code)) { (event.plover.event_type.to_lowercase()) } " → "
                            span.relation-target { (actor_name(event.target.as_ref())) }
                            " — "
                            a.source-link href=(links::article_at(&row.article, event.span.start)) { (row.outlet.as_deref().unwrap_or(&row.article)) }
                            @if let Some(date) = event.date.as_ref().and_then(|d| d.date.as_deref()) { ", " time datetime=(date) { (date) } }
                        }
                    }
                }
                @if view.events.total > view.events.items.len() as u64 {
                    p.more-note { "Showing the first " (view.events.items.len()) "; "
                        a href=(links::with_query("/api/events", &[("actor", &record.key)])) { "all as JSON" } "." }
                }
            }
        }
        section #entity-stories aria-labelledby="stories-heading" {
            h2 #stories-heading { "Stories (" (view.stories.len()) ")" }
            @if view.stories.is_empty() {
                p.empty { "None of its articles is part of a story yet." }
            } @else {
                ul.story-list {
                    @for story in &view.stories {
                        li {
                            a.story-link href=(links::story(&story.id)) { (story.title.as_deref().unwrap_or(&story.id)) }
                            " — " (story.article_count) " articles, "
                            (layout::date_range(story.first_published.as_deref(), story.last_published.as_deref()))
                        }
                    }
                }
            }
        }
    }
}

fn actor_name(actor: Option<&parallax_core::EventActor>) -> Markup {
    html! {
        @match actor {
            Some(actor) => {
                @let name = actor.name.as_deref().unwrap_or(&actor.text);
                @match &actor.key {
                    Some(key) => a.entity-link href=(links::entity(key)) { (name) },
                    None => (name),
                }
            }
            None => span.unknown { "someone" },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelling(surface: &str, outlet: &str, mentions: u64) -> Spelling {
        Spelling {
            surface: surface.to_owned(),
            outlet: Some(outlet.to_owned()),
            articles: 1,
            mentions,
        }
    }

    #[test]
    fn spellings_pivot_into_surface_by_outlet() {
        let spellings = [
            spelling("Sybiha", "A", 3),
            spelling("Sybiga", "B", 2),
            spelling("Sybiha", "B", 1),
        ];
        let SpellingTable { outlets, rows } = spelling_table(&spellings);
        assert_eq!(outlets, ["A", "B"]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, "Sybiha");
        assert_eq!(rows[0].1.get("B"), Some(&1));
        assert_eq!(rows[1].1.get("A"), None);
    }
}
