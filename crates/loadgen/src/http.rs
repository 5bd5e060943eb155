//! One timed HTTP exchange: send a request, read the whole body, classify
//! the outcome.
//!
//! Latency is measured from just before the request is handed to the
//! connection pool until the last body byte has arrived, so it includes
//! waiting for a free connection, the server's work and the transfer — what
//! a user would wait for.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Method, Request, Uri};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// The HTTP/1.1 client every task shares (keep-alive pool, one connection
/// per concurrent request).
pub type HttpClient = Client<HttpConnector, Full<Bytes>>;

/// A client with Nagle's algorithm off, as browsers do: small requests
/// must not wait for the previous segment's acknowledgement.
pub fn new_client() -> HttpClient {
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    Client::builder(TokioExecutor::new()).build(connector)
}

/// How an exchange ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx response, fully read.
    Success { status: u16 },
    /// A response outside 2xx.
    Status { status: u16 },
    /// No complete response within the timeout.
    Timeout,
    /// The connection or the response failed (refused, reset, malformed).
    Transport(String),
}

impl Outcome {
    /// Whether the exchange counts as a success.
    pub fn is_success(&self) -> bool {
        matches!(self, Outcome::Success { .. })
    }

    /// A one-line description for error lists.
    pub fn describe(&self) -> String {
        match self {
            Outcome::Success { status } | Outcome::Status { status } => format!("HTTP {status}"),
            Outcome::Timeout => "timeout".to_owned(),
            Outcome::Transport(reason) => format!("transport: {reason}"),
        }
    }
}

/// A finished exchange.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub outcome: Outcome,
    pub latency: Duration,
    /// The response body (empty on timeout or transport failure).
    pub body: Bytes,
    /// Redirects followed before the final response (GET only).
    pub redirects: u32,
    /// The `Location` header of the final response, if any.
    location: Option<String>,
}

impl Exchange {
    /// An exchange that could not even be sent.
    pub fn failed(reason: String) -> Exchange {
        Exchange {
            outcome: Outcome::Transport(reason),
            latency: Duration::ZERO,
            body: Bytes::new(),
            redirects: 0,
            location: None,
        }
    }
}

/// Most redirects one GET follows, as a browser would (a story asked for
/// by an id it had before articles joined it redirects to its current id).
pub const MAX_REDIRECTS: u32 = 5;

/// `GET uri`, following redirects within the same timeout; the latency
/// covers every hop.
pub async fn get(client: &HttpClient, uri: Uri, timeout: Duration) -> Exchange {
    let started = Instant::now();
    let mut uri = uri;
    let mut redirects = 0;
    loop {
        let request = Request::builder()
            .method(Method::GET)
            .uri(uri.clone())
            .body(Full::new(Bytes::new()));
        let mut exchange = send(client, request, timeout.saturating_sub(started.elapsed())).await;
        let next = match (&exchange.outcome, &exchange.location) {
            (Outcome::Status { status }, Some(location)) if is_redirect(*status) => {
                redirect_target(&uri, location)
            }
            _ => None,
        };
        match next {
            Some(next) if redirects < MAX_REDIRECTS => {
                uri = next;
                redirects += 1;
            }
            _ => {
                exchange.latency = started.elapsed();
                exchange.redirects = redirects;
                return exchange;
            }
        }
    }
}

fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// Where a `Location` header points, resolved against the request's URI
/// (absolute, or a path on the same server).
fn redirect_target(from: &Uri, location: &str) -> Option<Uri> {
    if location.starts_with('/') {
        let scheme = from.scheme_str()?;
        let authority = from.authority()?;
        return format!("{scheme}://{authority}{location}").parse().ok();
    }
    location
        .parse::<Uri>()
        .ok()
        .filter(|uri| uri.authority().is_some())
}

/// `POST uri` with a JSON body.
pub async fn post_json(client: &HttpClient, uri: Uri, json: Vec<u8>, timeout: Duration) -> Exchange {
    let request = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(hyper::header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(json)));
    send(client, request, timeout).await
}

async fn send(
    client: &HttpClient,
    request: Result<Request<Full<Bytes>>, hyper::http::Error>,
    timeout: Duration,
) -> Exchange {
    let started = Instant::now();
    let request = match request {
        Ok(request) => request,
        Err(error) => return Exchange::failed(format!("invalid request: {error}")),
    };
    let exchange = async {
        let response = client
            .request(request)
            .await
            .map_err(|error| error_chain(&error))?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(hyper::header::LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|error| error_chain(&error))?
            .to_bytes();
        Ok::<_, String>((status, location, body))
    };
    let (outcome, location, body) = match tokio::time::timeout(timeout, exchange).await {
        Err(_) => (Outcome::Timeout, None, Bytes::new()),
        Ok(Err(reason)) => (Outcome::Transport(reason), None, Bytes::new()),
        Ok(Ok((status, location, body))) if (200..300).contains(&status) => {
            (Outcome::Success { status }, location, body)
        }
        Ok(Ok((status, location, body))) => (Outcome::Status { status }, location, body),
    };
    Exchange {
        outcome,
        latency: started.elapsed(),
        body,
        redirects: 0,
        location,
    }
}

/// An error and its sources on one line ("client error (Connect): tcp
/// connect error: Connection refused").
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_targets_resolve_against_the_request() {
        let from: Uri = "http://127.0.0.1:8080/stories/1d9f099663168168".parse().unwrap();
        assert_eq!(
            redirect_target(&from, "/stories/80fcb814279ddad8").map(|u| u.to_string()),
            Some("http://127.0.0.1:8080/stories/80fcb814279ddad8".to_owned())
        );
        assert_eq!(
            redirect_target(&from, "http://example.invalid/x").map(|u| u.to_string()),
            Some("http://example.invalid/x".to_owned())
        );
        assert_eq!(redirect_target(&from, "stories/relative"), None);
        assert!(is_redirect(307) && is_redirect(301) && !is_redirect(304) && !is_redirect(200));
    }
}
