//! Errors as HTTP responses: every failure has a status code and a JSON body
//! `{"error": {"status": 404, "code": "not_found", "message": "…"}}`.
//! Pages render the same error as HTML (see `pages`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use parallax_store::StoreError;
use serde::Serialize;

/// A request that could not be served, with the status to answer.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{status}: {message}")]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable machine-readable code (`not_found`, `bad_request`, …).
    pub code: &'static str,
    /// What went wrong, for a person.
    pub message: String,
}

/// The JSON body of an error response.
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    pub error: ErrorDetail<'a>,
}

/// The `error` object of [`ErrorBody`].
#[derive(Debug, Serialize)]
pub struct ErrorDetail<'a> {
    pub status: u16,
    pub code: &'a str,
    pub message: &'a str,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// An error with `status`, its code derived from the status (used to
    /// wrap rejections that come with a status but no code).
    pub fn from_status(status: StatusCode, message: impl Into<String>) -> Self {
        let code = match status {
            StatusCode::BAD_REQUEST => "bad_request",
            StatusCode::NOT_FOUND => "not_found",
            StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
            StatusCode::REQUEST_TIMEOUT => "timeout",
            StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            StatusCode::UNPROCESSABLE_ENTITY => "unprocessable",
            StatusCode::SERVICE_UNAVAILABLE => "unavailable",
            status if status.is_server_error() => "internal",
            status if status.is_client_error() => "bad_request",
            _ => "error",
        };
        ApiError::new(status, code, message)
    }

    /// 404: no such story, article, entity….
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 400: the request itself is invalid.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// 500: a failure on our side (store unreadable, a bug).
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// A blocking task that panicked or was cancelled.
    pub fn from_join(error: tokio::task::JoinError) -> Self {
        ApiError::internal(format!("request task failed: {error}"))
    }

    /// The JSON body of this error.
    pub fn body(&self) -> ErrorBody<'_> {
        ErrorBody {
            error: ErrorDetail {
                status: self.status.as_u16(),
                code: self.code,
                message: &self.message,
            },
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Setup(message) => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "store_unavailable", message)
            }
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl From<parallax_pipeline::PipelineError> for ApiError {
    fn from(error: parallax_pipeline::PipelineError) -> Self {
        ApiError::internal(error.to_string())
    }
}

impl From<parallax_search::SearchError> for ApiError {
    fn from(error: parallax_search::SearchError) -> Self {
        match error {
            parallax_search::SearchError::BadQuery(message) => ApiError::bad_request(message),
            parallax_search::SearchError::Unavailable(message) => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "search_unavailable", message)
            }
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body())).into_response()
    }
}
