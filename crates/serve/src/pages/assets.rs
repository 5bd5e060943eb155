//! The stylesheet and script of the pages, compiled into the binary and
//! served under `/assets/…`.
//!
//! Nothing is fetched from elsewhere (no CDN, no web fonts), so the UI works
//! offline. Pages link each asset with its content hash in the query string
//! (`/assets/style.css?v=…`): a changed file gets a new URL, so browsers may
//! cache an asset for a year without ever showing a stale one.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// One embedded file.
pub struct Asset {
    /// File name under `/assets/`.
    pub name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
    /// First 16 hex digits of the BLAKE3 hash of the file.
    version: LazyLock<String>,
}

impl Asset {
    /// The versioned URL pages link to.
    pub fn url(&self) -> String {
        format!("/assets/{}?v={}", self.name, *self.version)
    }
}

macro_rules! asset {
    ($name:literal, $content_type:literal) => {
        Asset {
            name: $name,
            content_type: $content_type,
            bytes: include_str!(concat!("../../assets/", $name)).as_bytes(),
            version: LazyLock::new(|| parallax_core::short_id(include_str!(concat!("../../assets/", $name)))),
        }
    };
}

/// The stylesheet of every page.
pub static STYLE: Asset = asset!("style.css", "text/css; charset=utf-8");
/// The script of every page (expandables, ingest upload with progress).
pub static SCRIPT: Asset = asset!("app.js", "text/javascript; charset=utf-8");

const ALL: [&Asset; 2] = [&STYLE, &SCRIPT];

/// `GET /assets/{name}`: the asset with long-lived cache headers and an
/// `ETag`, answering `304 Not Modified` to a matching `If-None-Match`.
pub async fn serve_asset(Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some(asset) = ALL.iter().find(|asset| asset.name == name) else {
        return super::error_page(&crate::ApiError::not_found(format!("no asset {name}"))).into_response();
    };
    let etag = format!("\"{}\"", *asset.version);
    let cache = (
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.split(',').any(|tag| tag.trim() == etag));
    if fresh {
        return (
            StatusCode::NOT_MODIFIED,
            [cache, (header::ETAG, etag_value(&etag))],
        )
            .into_response();
    }
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(asset.content_type)),
            cache,
            (header::ETAG, etag_value(&etag)),
        ],
        asset.bytes,
    )
        .into_response()
}

fn etag_value(etag: &str) -> HeaderValue {
    HeaderValue::from_str(etag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}
