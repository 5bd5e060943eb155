//! `/ingest`: drop or choose files, or paste text, and see the articles and
//! stories they became.
//!
//! With JavaScript the form posts to `/api/ingest` with upload progress
//! (`assets/app.js`); without it, the same form posts here as
//! `multipart/form-data` and the answer is a result page. Both go through
//! `api::extract::multipart_uploads` and `views::ingest::ingest`, so they
//! read the form and store exactly the same way.

use axum::extract::multipart::Multipart;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};

use super::layout::{self, Section};
use super::{error_page, links, PageResult};
use crate::api::extract::multipart_uploads;
use crate::state::AppState;
use crate::views::ingest::{ingest, IngestReport};

pub async fn ingest_page() -> PageResult {
    Ok(layout::page("Ingest", Section::Ingest, form(None)))
}

/// The no-JavaScript submission: multipart fields `file` (any number) and
/// `text` (pasted), answered with the result page.
pub async fn ingest_form(State(state): State<AppState>, multipart: Multipart) -> Response {
    let uploads = match multipart_uploads(multipart).await {
        Ok(uploads) => uploads,
        Err(error) => return error_page(&error),
    };
    match ingest(&state, uploads).await {
        Ok(report) => layout::page("Ingested", Section::Ingest, form(Some(&report))).into_response(),
        Err(error) => error_page(&error),
    }
}

/// The form, with the outcome of a submission under it when there is one.
fn form(report: Option<&IngestReport>) -> Markup {
    html! {
        h1 { "Ingest articles" }
        p.hint { "HTML pages, scraped text, WARC, RSS/Atom/JSON feeds or JSONL — as files or pasted text. Each becomes an article; related articles are grouped into stories." }
        form #ingest-form action="/ingest" method="post" enctype="multipart/form-data" {
            div.drop-zone #drop-zone {
                label for="upload-file" { "Drop files here, or choose them" }
                input #upload-file type="file" name="file" multiple;
                p.drop-list #drop-list aria-live="polite" {}
            }
            label for="paste-text" { "…or paste an article" }
            textarea #paste-text name="text" rows="10" placeholder="Headline\n\nText of the article…" {}
            button #ingest-submit type="submit" { "Ingest" }
        }
        div #ingest-status role="status" aria-live="polite" {
            @if let Some(report) = report { (outcome(report)) }
        }
    }
}

/// What an ingest did: counts, links to the articles and their stories,
/// and the inputs that failed with why. `app.js` draws the same structure
/// from the API's JSON.
fn outcome(report: &IngestReport) -> Markup {
    let counts = &report.counts;
    html! {
        p.ingest-counts {
            (counts.new) " new, " (counts.duplicate) " already stored, " (counts.revised) " revised"
            @if !report.failed.is_empty() { ", " (report.failed.len()) " failed" }
            "."
        }
        @if !report.articles.is_empty() {
            h2 { "Articles" }
            ul.ingested-articles {
                @for id in &report.articles { li { a.ingested-article href=(links::article(id)) { "Article " (id) } } }
            }
        }
        @if !report.stories.is_empty() {
            h2 { "Stories" }
            ul.ingested-stories {
                @for id in &report.stories { li { a.ingested-story href=(links::story(id)) { "Story " (id) } } }
            }
        }
        @if !report.failed.is_empty() {
            h2 { "Not ingested" }
            ul.ingest-failed {
                @for failed in &report.failed { li { strong { (failed.name) } ": " (failed.reason) } }
            }
        }
        @if !report.warnings.is_empty() {
            ul.ingest-warnings { @for warning in &report.warnings { li { (warning) } } }
        }
    }
}
