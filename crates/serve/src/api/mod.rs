//! The JSON API under `/api` (described by `/api/openapi.json`, documented
//! in `docs/api.md`).
//!
//! Handlers are thin: they validate the request, call the `views` function
//! that the pages call too, and serialise its value. Every failure is an
//! [`ApiError`] JSON body: extractor rejections (bad query strings, bad
//! JSON, oversized bodies) are wrapped, and a last layer turns any other
//! non-JSON error response (405, timeouts) into one, so a client never has to
//! parse plain text.

pub(crate) mod extract;

use std::convert::Infallible;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, OriginalUri, Request, State};
use axum::handler::Handler;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::{Json, Router};
use serde::Deserialize;

use crate::error::ApiError;
use crate::state::AppState;
use crate::views::{articles, entities, ingest, mentions, search, stories};
use extract::{ApiJson, ApiPath, ApiQuery};

/// The OpenAPI 3.1 description of this API, served verbatim.
pub const OPENAPI: &str = include_str!("../../openapi.json");

/// The largest request body `POST /api/ingest` accepts (all files together).
pub const UPLOAD_LIMIT: usize = 32 * 1024 * 1024;
/// How long a read request may take before it is answered 503.
pub const READ_TIMEOUT: Duration = Duration::from_secs(30);
/// How long an ingest may take before the client is answered 503. Ingest is
/// far slower than a read (the 60 KB of `examples/articles` took 8 s on a
/// debug build), and a full 32 MiB upload may exceed even this; the ingest
/// itself is not cancelled by the timeout: its batch is committed or not as
/// a whole, and the articles appear in the listings when it is.
pub const INGEST_TIMEOUT: Duration = Duration::from_secs(600);

/// The HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
}

impl Verb {
    /// The method's name as OpenAPI spells it (`get`, `post`).
    pub fn openapi_name(self) -> &'static str {
        match self {
            Verb::Get => "get",
            Verb::Post => "post",
        }
    }

    fn filter(self) -> MethodFilter {
        match self {
            Verb::Get => MethodFilter::GET,
            Verb::Post => MethodFilter::POST,
        }
    }
}

/// One route of the API: method, path (relative to `/api`, in the
/// `{param}` syntax axum and OpenAPI share) and handler.
struct Endpoint {
    verb: Verb,
    path: &'static str,
    handler: MethodRouter<AppState>,
}

fn endpoint<H, T>(verb: Verb, path: &'static str, timeout: Duration, handler: H) -> Endpoint
where
    H: Handler<T, AppState>,
    T: 'static,
{
    Endpoint {
        verb,
        path,
        handler: on(verb.filter(), handler).layer(middleware::from_fn(
            move |request: Request, next: Next| async move {
                match tokio::time::timeout(timeout, next.run(request)).await {
                    Ok(response) => response,
                    Err(_) => ApiError::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "timeout",
                        format!("the request took longer than {} s", timeout.as_secs()),
                    )
                    .into_response(),
                }
            },
        )),
    }
}

/// Every route of the API; [`routes`] mounts exactly these, and the
/// OpenAPI test checks the spec against [`endpoints`].
fn table() -> Vec<Endpoint> {
    use Verb::{Get, Post};
    let ingest_route = endpoint(Post, "/ingest", INGEST_TIMEOUT, ingest_handler);
    vec![
        endpoint(Get, "/openapi.json", READ_TIMEOUT, openapi),
        endpoint(Get, "/stories", READ_TIMEOUT, list_stories),
        endpoint(Get, "/stories/{id}", READ_TIMEOUT, story),
        endpoint(Get, "/articles", READ_TIMEOUT, list_articles),
        endpoint(Get, "/articles/{id}", READ_TIMEOUT, article),
        endpoint(Get, "/articles/{id}/original", READ_TIMEOUT, original),
        endpoint(Get, "/entities", READ_TIMEOUT, list_entities),
        endpoint(Get, "/entities/{key}", READ_TIMEOUT, entity),
        endpoint(Get, "/quotes", READ_TIMEOUT, list_quotes),
        endpoint(Get, "/events", READ_TIMEOUT, list_events),
        endpoint(Get, "/search", READ_TIMEOUT, search_handler),
        Endpoint {
            handler: ingest_route
                .handler
                .layer::<_, Infallible>(DefaultBodyLimit::max(UPLOAD_LIMIT)),
            ..ingest_route
        },
    ]
}

/// The (method, path) of every API route, paths relative to `/api`.
pub fn endpoints() -> Vec<(Verb, &'static str)> {
    table().into_iter().map(|e| (e.verb, e.path)).collect()
}

/// Routes of the API (mounted under `/api`).
pub fn routes() -> Router<AppState> {
    table()
        .into_iter()
        .fold(Router::new(), |router, e| router.route(e.path, e.handler))
        .fallback(unknown_path)
        .method_not_allowed_fallback(wrong_method)
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

async fn list_stories(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<stories::StoriesQuery>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(stories::list_stories(&state, &query).await?))
}

/// One story's report; a story id that vanished because its story gained or
/// lost articles answers `308 Permanent Redirect` to the story holding most
/// of its articles now, with `{"moved_to": id, "error": …}` as the body.
async fn story(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    _: ApiQuery<NoParameters>,
) -> Result<Response, ApiError> {
    match stories::story_report_json(&state, &id).await {
        Ok(report) => Ok(([(header::CONTENT_TYPE, "application/json")], report).into_response()),
        Err(error) => match stories::moved_after(&state, &id, &error).await {
            Some(moved) => Ok(story_moved(&id, &moved)),
            None => Err(error),
        },
    }
}

/// The redirect from a vanished story id to the story it became.
fn story_moved(id: &str, moved: &str) -> Response {
    let message = format!("story {id} is now story {moved} (it gained or lost articles)");
    let moved_error = ApiError::new(StatusCode::PERMANENT_REDIRECT, "moved", message);
    // The error answer's own shape (`{"error": {status, code, message}}`)
    // with `moved_to` beside `error`, as the `Moved` schema says.
    let mut body = serde_json::to_value(moved_error.body()).unwrap_or_default();
    body["moved_to"] = moved.into();
    let location = format!("/api{}", crate::pages::links::story(moved));
    (
        StatusCode::PERMANENT_REDIRECT,
        [(header::LOCATION, location)],
        Json(body),
    )
        .into_response()
}

async fn list_articles(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<articles::ArticlesQuery>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(articles::list_articles(&state, &query).await?))
}

async fn article(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    _: ApiQuery<NoParameters>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(articles::article(&state, &id).await?))
}

/// The original bytes, as text when they are UTF-8, never as HTML: an
/// uploaded page must not run in the server's origin.
async fn original(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    _: ApiQuery<NoParameters>,
) -> Result<Response, ApiError> {
    let original = articles::original(&state, &id).await?;
    let content_type = match std::str::from_utf8(&original.bytes) {
        Ok(_) => "text/plain; charset=utf-8",
        Err(_) => "application/octet-stream",
    };
    let disposition = format!("inline; filename=\"{}\"", download_name(&original.name));
    let mut response = Response::new(Body::from(original.bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// The last component of an upload's name, restricted to characters that
/// are safe inside a quoted `Content-Disposition` file name.
fn download_name(source_path: &str) -> String {
    let base = source_path
        .rsplit(['/', '\\'])
        .next()
        .filter(|base| !base.is_empty())
        .unwrap_or("original");
    base.chars()
        .map(|c| match c.is_ascii_alphanumeric() || "._- ".contains(c) {
            true => c,
            false => '_',
        })
        .collect()
}

async fn list_entities(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<entities::EntitiesQuery>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(entities::list_entities(&state, &query).await?))
}

async fn entity(
    State(state): State<AppState>,
    ApiPath(key): ApiPath<String>,
    _: ApiQuery<NoParameters>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(entities::entity(&state, &key).await?))
}

async fn list_quotes(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<mentions::QuotesQuery>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(mentions::list_quotes(&state, &query).await?))
}

async fn list_events(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<mentions::EventsQuery>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(mentions::list_events(&state, &query).await?))
}

async fn search_handler(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<search::SearchParams>,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(search::search(&state, &params).await?))
}

/// The query string of endpoints that take none: any parameter is a 400,
/// as on the listings, rather than silently ignored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParameters {}

/// The JSON form of an ingest: documents given as text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IngestDocuments {
    documents: Vec<IngestDocument>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IngestDocument {
    /// File name to record as the source (default `pasted-N.txt`).
    name: Option<String>,
    /// The document's content (any text format `parallax ingest` reads).
    text: String,
}

/// `POST /api/ingest`: multipart `file` fields, or a JSON document list.
async fn ingest_handler(State(state): State<AppState>, request: Request) -> Result<Response, ApiError> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let uploads = if content_type.starts_with("multipart/form-data") {
        let multipart = Multipart::from_request(request, &state)
            .await
            .map_err(|rejection| ApiError::from_status(rejection.status(), rejection.body_text()))?;
        extract::multipart_uploads(multipart).await?
    } else {
        let ApiJson(body) = ApiJson::<IngestDocuments>::from_request(request, &state).await?;
        body.documents
            .into_iter()
            .enumerate()
            .map(|(i, document)| ingest::Upload {
                name: document
                    .name
                    .filter(|name| !name.trim().is_empty())
                    .unwrap_or_else(|| format!("pasted-{}.txt", i + 1)),
                bytes: document.text.into_bytes(),
            })
            .collect()
    };
    Ok(Json(ingest::ingest(&state, uploads).await?).into_response())
}

async fn unknown_path(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::not_found(format!("no API endpoint {method} {}", uri.path()))
}

async fn wrong_method(method: Method, OriginalUri(uri): OriginalUri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not allowed on {}", uri.path()),
    )
}

/// [`errors_as_json`] for every request whose path is under `/api`, also
/// those no API route sees (`/api/` itself falls outside the nested router
/// and would get the pages' HTML 404).
pub async fn json_errors_under_api(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let under_api = path == "/api" || path.starts_with("/api/");
    let response = next.run(request).await;
    match under_api {
        true => errors_as_json(response).await,
        false => response,
    }
}

/// Any error response that is not JSON yet (a timeout, a body-limit
/// rejection from a layer) becomes an [`ApiError`] body with the same status.
async fn errors_as_json(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096)
        .await
        .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_owned())
        .unwrap_or_default();
    let message = match text.is_empty() {
        true => status.canonical_reason().unwrap_or("error").to_owned(),
        false => text,
    };
    let mut converted = ApiError::from_status(status, message).into_response();
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            converted.headers_mut().insert(name.clone(), value.clone());
        }
    }
    converted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_keep_only_safe_characters() {
        assert_eq!(download_name("dir/sub/report 1.txt"), "report 1.txt");
        assert_eq!(download_name("a\"b;c.html"), "a_b_c.html");
        assert_eq!(download_name("dir/"), "original");
    }

    #[test]
    fn every_endpoint_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (verb, path) in endpoints() {
            assert!(seen.insert((verb.openapi_name(), path)), "{path}");
            assert!(path.starts_with('/'));
        }
        assert!(seen.contains(&("post", "/ingest")));
    }
}
