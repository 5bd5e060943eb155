//! Server-rendered HTML pages: the stories list, a story, an article, an
//! entity, search and ingest (described in `docs/web-ui.md`).
//!
//! Pages own presentation only. Every piece of data comes from the same
//! `views` function the JSON API answers with, so a page never shows what
//! the API would not return. Markup is written with maud, which escapes
//! every interpolated value; the one place that writes tags by hand (the
//! annotated article body, `highlight`) escapes through maud's escaper and
//! is tested for it. Element ids and classes named in `docs/web-ui.md` are a
//! contract with the browser tests: keep them.

mod article;
mod assets;
mod entity;
mod highlight;
mod ingest;
mod layout;
pub(crate) mod links;
mod search;
mod stories;
mod story;

use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Query};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup};

use crate::error::ApiError;
use crate::state::AppState;

/// Routes of the pages and their assets; unknown paths get the HTML 404 page.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(stories::stories_page))
        .route("/stories/{id}", get(story::story_page))
        .route("/articles/{id}", get(article::article_page))
        .route("/articles/{id}/original", get(article::original))
        .route("/entities/{key}", get(entity::entity_page))
        .route("/search", get(search::search_page))
        .route(
            "/ingest",
            get(ingest::ingest_page)
                .post(ingest::ingest_form)
                .layer(DefaultBodyLimit::max(crate::api::UPLOAD_LIMIT)),
        )
        .route("/assets/{name}", get(assets::serve_asset))
        .fallback(not_found)
}

/// A page that could not be shown: rendered as an HTML error page with the
/// status of the underlying [`ApiError`].
#[derive(Debug)]
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> Self {
        PageError(error)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        error_page(&self.0)
    }
}

/// What page handlers return.
pub type PageResult = Result<Markup, PageError>;

/// The HTML page of an error, with its status.
pub fn error_page(error: &ApiError) -> Response {
    let heading = match error.status.as_u16() {
        404 => "Not found",
        400 => "Bad request",
        413 => "Too large",
        503 => "Store unavailable",
        status if status >= 500 => "Something went wrong",
        _ => "Request refused",
    };
    let content = html! {
        section.error-page {
            h1 { (heading) }
            p.error-message { (error.message) }
            p.error-status { "HTTP " (error.status.as_u16()) " · " code { (error.code) } }
            p { a href="/" { "Back to the stories" } " or " a href="/search" { "search" } "." }
        }
    };
    (
        error.status,
        layout::page(heading, layout::Section::Other, content),
    )
        .into_response()
}

async fn not_found(uri: axum::http::Uri) -> Response {
    error_page(&ApiError::not_found(format!(
        "There is no page at {}.",
        uri.path()
    )))
}

/// A page's query string, parsed leniently (unknown parameters ignored);
/// an unparsable one is a 400 page, not a plain-text rejection.
fn query<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, PageError> {
    query
        .map(|Query(value)| value)
        .map_err(|rejection| PageError(ApiError::bad_request(rejection.body_text())))
}
