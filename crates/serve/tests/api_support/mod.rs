//! The store the API tests read: the demo corpus (`examples/articles/`)
//! ingested once through the server's own ingest path into a temporary
//! data directory, plus helpers to drive the router without sockets.

#![allow(dead_code)] // each test binary uses its own subset

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use parallax_serve::views::ingest::{ingest, IngestReport, Upload};
use parallax_serve::AppState;
use tower::ServiceExt;

/// The shared corpus: its directory (kept alive), state and ingest report.
pub struct Corpus {
    _dir: tempfile::TempDir,
    pub state: AppState,
    pub report: IngestReport,
}

/// The demo corpus, ingested on first use (on a thread of its own, since
/// tests already run inside a runtime).
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        std::thread::spawn(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let state = AppState::open(dir.path()).expect("open store");
            let runtime = tokio::runtime::Runtime::new().expect("runtime");
            let report = runtime
                .block_on(ingest(&state, example_uploads()))
                .expect("ingest the examples");
            Corpus {
                _dir: dir,
                state,
                report,
            }
        })
        .join()
        .expect("corpus thread")
    })
}

/// Every file of `examples/articles/` as an upload.
pub fn example_uploads() -> Vec<Upload> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("examples/articles")
        .map(|entry| entry.expect("entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| Upload {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(&path).expect("read example"),
        })
        .collect()
}

pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

/// A response as the tests look at it.
pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON (panics with the body when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "not JSON ({error}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(500)])
            )
        })
    }

    /// The `error.code` of an error body.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error code in {}", self.json()))
            .to_owned()
    }
}

/// Sends one request to `router` and reads the whole answer.
pub async fn send(router: &Router, request: Request<Body>) -> Answer {
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router is infallible");
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("read body")
        .to_vec();
    Answer {
        status,
        content_type,
        body,
    }
}

/// `GET uri`.
pub async fn get(router: &Router, uri: &str) -> Answer {
    let request = Request::builder()
        .method(Method::GET)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    send(router, request).await
}

/// A multipart body with one `file` field per `(file name, bytes)`.
pub fn multipart(files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "parallax-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
