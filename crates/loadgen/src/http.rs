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
}

/// `GET uri`.
pub async fn get(client: &HttpClient, uri: Uri, timeout: Duration) -> Exchange {
    let request = Request::builder()
        .method(Method::GET)
        .uri(uri)
        .body(Full::new(Bytes::new()));
    send(client, request, timeout).await
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
        Err(error) => {
            return Exchange {
                outcome: Outcome::Transport(format!("invalid request: {error}")),
                latency: started.elapsed(),
                body: Bytes::new(),
            }
        }
    };
    let exchange = async {
        let response = client
            .request(request)
            .await
            .map_err(|error| error_chain(&error))?;
        let status = response.status().as_u16();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|error| error_chain(&error))?
            .to_bytes();
        Ok::<_, String>((status, body))
    };
    let (outcome, body) = match tokio::time::timeout(timeout, exchange).await {
        Err(_) => (Outcome::Timeout, Bytes::new()),
        Ok(Err(reason)) => (Outcome::Transport(reason), Bytes::new()),
        Ok(Ok((status, body))) if (200..300).contains(&status) => (Outcome::Success { status }, body),
        Ok(Ok((status, body))) => (Outcome::Status { status }, body),
    };
    Exchange {
        outcome,
        latency: started.elapsed(),
        body,
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
