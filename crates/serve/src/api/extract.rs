//! Request extractors that answer a bad request with an [`ApiError`] JSON
//! body instead of axum's plain-text rejections, and the reading of
//! multipart uploads.

use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::views::ingest::Upload;

/// A query string deserialised into `T`; 400 with the reason when it does
/// not fit (unknown parameter, a number that is not one, a repeated field).
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(|rejection| ApiError::bad_request(rejection.body_text()))
    }
}

/// A path parameter; 400 when it cannot be decoded (bad percent-encoding,
/// invalid UTF-8).
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| ApiPath(value))
            .map_err(|rejection| ApiError::from_status(rejection.status(), rejection.body_text()))
    }
}

/// A JSON body; 400 (syntax), 415 (not `application/json`), 422 (wrong
/// shape) or 413 (too large), always as JSON.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        axum::Json::<T>::from_request(request, state)
            .await
            .map(|axum::Json(value)| ApiJson(value))
            .map_err(|rejection| ApiError::from_status(rejection.status(), rejection.body_text()))
    }
}

/// The uploads of a multipart ingest body — one reader for the API and the
/// no-JavaScript ingest form alike: every `file` part (a part with neither a
/// file name nor bytes, which is what an untouched file input sends, is
/// skipped; an empty *named* file is kept, to be reported as failed), and a
/// `text` field of pasted text when it is not blank. Any other field is a 400.
pub async fn multipart_uploads(mut multipart: Multipart) -> Result<Vec<Upload>, ApiError> {
    let mut uploads = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let field_name = field.name().unwrap_or("").to_owned();
        let pasted_name = || format!("pasted-{}.txt", uploads.len() + 1);
        match field_name.as_str() {
            "file" => {
                let file_name = field
                    .file_name()
                    .map(str::to_owned)
                    .filter(|name| !name.trim().is_empty());
                let bytes = field.bytes().await.map_err(multipart_error)?;
                if file_name.is_none() && bytes.is_empty() {
                    continue;
                }
                let name = file_name.unwrap_or_else(pasted_name);
                uploads.push(Upload {
                    name,
                    bytes: bytes.to_vec(),
                });
            }
            "text" => {
                let name = pasted_name();
                let text = field.text().await.map_err(multipart_error)?;
                if !text.trim().is_empty() {
                    uploads.push(Upload {
                        name,
                        bytes: text.into_bytes(),
                    });
                }
            }
            _ => {
                return Err(ApiError::bad_request(format!(
                    "unexpected form field {field_name:?}: upload files in fields named \"file\" or pasted text in \"text\""
                )))
            }
        }
    }
    Ok(uploads)
}

/// A multipart body that could not be read: 413 when over the limit, else
/// 400 — a malformed or interrupted upload is the client's doing, not a
/// server failure (axum reports some of these as 500).
fn multipart_error(error: MultipartError) -> ApiError {
    match error.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE, error.body_text())
        }
        _ => ApiError::bad_request(format!("the upload could not be read: {}", error.body_text())),
    }
}
