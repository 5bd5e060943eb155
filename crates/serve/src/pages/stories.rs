//! `/`: the stories, largest and most recent first, with a filter box.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use maud::html;
use parallax_store::StorySummary;
use serde::Deserialize;

use super::layout::{self, Section};
use super::{links, query, PageResult};
use crate::state::AppState;
use crate::views::stories::{list_stories, StoriesQuery};
use crate::views::Paging;

/// Stories per page.
const PER_PAGE: u64 = 25;
/// Outlets named on a listing line before "and N more".
const OUTLETS_SHOWN: usize = 6;

/// `?q=` (title or outlet substring) and `?page=` (1-based).
#[derive(Debug, Default, Deserialize)]
pub struct StoriesParams {
    q: Option<String>,
    page: Option<String>,
}

pub async fn stories_page(
    State(state): State<AppState>,
    params: Result<Query<StoriesParams>, QueryRejection>,
) -> PageResult {
    let params = query(params)?;
    let page = layout::page_number(params.page.as_deref())?;
    let paging = Paging::page_number(page, PER_PAGE)?;
    let filter = params.q.clone().unwrap_or_default();
    let view = list_stories(
        &state,
        &StoriesQuery {
            q: params.q.clone(),
            offset: Some(paging.offset),
            limit: Some(paging.limit),
        },
    )
    .await?;
    let content = html! {
        h1 { "Stories" }
        form.filter-form role="search" action="/" method="get" {
            label for="story-search" { "Filter stories by title or outlet" }
            div.input-row {
                input #story-search type="search" name="q" value=(filter);
                button type="submit" { "Filter" }
            }
        }
        p.result-count {
            (layout::count(view.total, "story", "stories"))
            @if !filter.trim().is_empty() { " matching “" (filter.trim()) "”" }
        }
        @if view.items.is_empty() {
            p.empty {
                @if filter.trim().is_empty() {
                    "No stories yet: " a href="/ingest" { "ingest some articles" } "."
                } @else {
                    "No story matches. Try " a href=(links::with_query("/search", &[("q", filter.trim())])) { "a full-text search" } "."
                }
            }
        } @else {
            ol.story-list {
                @for story in &view.items { li.story-row { (story_row(story)) } }
            }
        }
        (layout::pagination(view.total, false, view.offset, PER_PAGE, |n| {
            links::with_query("/", &[("q", filter.trim()), ("page", &n.to_string())])
        }))
    };
    Ok(layout::page("Stories", Section::Stories, content))
}

fn story_row(story: &StorySummary) -> maud::Markup {
    let title = story.title.as_deref().unwrap_or("Untitled story");
    let hidden = story.outlets.len().saturating_sub(OUTLETS_SHOWN);
    html! {
        h2.story-title { a.story-link href=(links::story(&story.id)) { (title) } }
        dl.story-meta {
            div { dt { "Articles" } dd.story-size { (story.article_count) } }
            div { dt { "Dates" } dd.story-dates { (layout::date_range(story.first_published.as_deref(), story.last_published.as_deref())) } }
            div {
                dt { "Outlets" }
                dd.story-outlets {
                    @for (i, outlet) in story.outlets.iter().take(OUTLETS_SHOWN).enumerate() {
                        @if i > 0 { ", " }
                        (outlet)
                    }
                    @if hidden > 0 { " and " (hidden) " more" }
                }
            }
            div { dt { "Updated" } dd.story-updated { time datetime=(story.updated_at) { (story.updated_at) } } }
        }
    }
}
