//! The ingest probe: while the clients read, POST one small new article to
//! `/api/ingest` every few seconds, check the answer, and read the article
//! back — the issue's "the ingest endpoint still works meanwhile".
//!
//! Each probe article has its own URL (`https://loadgen.parallax.invalid/
//! {run}/{n}`), so the store must treat it as new, run the whole pipeline
//! on it and relink; a duplicate would test nothing.

use std::time::{Duration, Instant};

use hyper::Uri;
use serde::Deserialize;
use tokio::time::MissedTickBehavior;

use crate::http::{self, HttpClient};
use crate::plan::id_text;
use crate::run::Schedule;

/// One probe: what was sent, how long the ingest took, how it ended.
#[derive(Debug, Clone)]
pub struct IngestProbe {
    /// 1-based probe number within the run.
    pub sequence: u32,
    /// Time of the `POST /api/ingest` exchange.
    pub latency: Duration,
    pub result: Result<IngestedArticle, String>,
}

/// A probe article the server accepted and serves back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestedArticle {
    pub article: String,
    /// Stories the server says the article joined.
    pub stories: Vec<String>,
    /// Time of the `GET /api/articles/{id}` that read it back.
    pub read_back: Duration,
}

/// The JSON body for probe `sequence` of run `run_tag`:
/// `{"documents": [{"name": …, "text": …}]}` with a scraped-text article
/// (header lines `title`, `url`, `date`, then paragraphs with names, a quote
/// and figures, so analysis has real work to do).
pub fn probe_document(run_tag: &str, sequence: u32) -> Vec<u8> {
    let text = format!(
        "title Harbour council approves night ferry trial (load probe {run_tag}-{sequence})\n\
         url https://loadgen.parallax.invalid/{run_tag}/{sequence}\n\
         date 2026-03-03\n\
         \n\
         The Eastbridge harbour council on Tuesday approved a six-month trial of a night ferry \
         between the old port and the university quay, its chair Maria Lindqvist said.\n\
         \n\
         \"We expect about 400 passengers a night in the first month,\" Lindqvist told reporters \
         after the vote, which passed by nine votes to four.\n\
         \n\
         Opponents, led by councillor Tomas Berg, said the 1.2 million euro trial would take \
         money from road repairs. Berg said he would ask the regional auditor to review the budget.\n\
         \n\
         The first crossing is planned for 2 March. Load probe {run_tag}-{sequence}.\n"
    );
    let body = serde_json::json!({
        "documents": [{"name": format!("loadgen-{run_tag}-{sequence}.txt"), "text": text}]
    });
    body.to_string().into_bytes()
}

/// Checks an ingest response for one new document: `counts.new` is 1,
/// nothing `failed`, one id in `articles`. Returns the article id and the
/// story ids.
pub fn check_ingest_response(json: &[u8]) -> Result<(String, Vec<String>), String> {
    #[derive(Deserialize)]
    struct Response {
        counts: Counts,
        articles: Vec<serde_json::Value>,
        #[serde(default)]
        failed: Vec<serde_json::Value>,
        #[serde(default)]
        stories: Vec<serde_json::Value>,
    }
    #[derive(Deserialize)]
    struct Counts {
        new: u64,
    }
    let response: Response =
        serde_json::from_slice(json).map_err(|error| format!("unexpected ingest response: {error}"))?;
    if !response.failed.is_empty() {
        return Err(format!(
            "document failed: {}",
            serde_json::Value::Array(response.failed)
        ));
    }
    if response.counts.new != 1 {
        return Err(format!(
            "counts.new is {}, expected 1 new article",
            response.counts.new
        ));
    }
    let [article] = response.articles.as_slice() else {
        return Err(format!(
            "expected one article id, got {}",
            response.articles.len()
        ));
    };
    let article = id_text(article).ok_or_else(|| format!("article id {article} is not a string"))?;
    let stories = response.stories.iter().filter_map(id_text).collect();
    Ok((article, stories))
}

/// Probes every `interval` from the window's start until its deadline (a
/// probe never overlaps the previous one: a slow ingest delays the next).
pub async fn run_probes(
    client: &HttpClient,
    base: &str,
    run_tag: &str,
    interval: Duration,
    timeout: Duration,
    schedule: Schedule,
) -> Vec<IngestProbe> {
    let mut ticks = tokio::time::interval_at(schedule.window_start.into(), interval);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut probes = Vec::new();
    for sequence in 1.. {
        ticks.tick().await;
        if Instant::now() >= schedule.deadline {
            break;
        }
        probes.push(probe_once(client, base, run_tag, sequence, timeout).await);
    }
    probes
}

/// One probe: ingest, check, read back.
pub async fn probe_once(
    client: &HttpClient,
    base: &str,
    run_tag: &str,
    sequence: u32,
    timeout: Duration,
) -> IngestProbe {
    let ingest_uri = parse_uri(&format!("{base}/api/ingest"));
    let (latency, result) = match ingest_uri {
        Err(reason) => (Duration::ZERO, Err(reason)),
        Ok(uri) => {
            let exchange = http::post_json(client, uri, probe_document(run_tag, sequence), timeout).await;
            let result = if exchange.outcome.is_success() {
                match check_ingest_response(&exchange.body) {
                    Ok((article, stories)) => read_back(client, base, article, stories, timeout).await,
                    Err(reason) => Err(reason),
                }
            } else {
                Err(format!(
                    "POST /api/ingest: {} {}",
                    exchange.outcome.describe(),
                    excerpt(&exchange.body)
                ))
            };
            (exchange.latency, result)
        }
    };
    IngestProbe {
        sequence,
        latency,
        result,
    }
}

async fn read_back(
    client: &HttpClient,
    base: &str,
    article: String,
    stories: Vec<String>,
    timeout: Duration,
) -> Result<IngestedArticle, String> {
    let segment = percent_encoding::utf8_percent_encode(&article, percent_encoding::NON_ALPHANUMERIC);
    let uri = parse_uri(&format!("{base}/api/articles/{segment}"))?;
    let exchange = http::get(client, uri, timeout).await;
    if exchange.outcome.is_success() {
        Ok(IngestedArticle {
            article,
            stories,
            read_back: exchange.latency,
        })
    } else {
        Err(format!(
            "ingested article {article} not readable: {}",
            exchange.outcome.describe()
        ))
    }
}

fn parse_uri(text: &str) -> Result<Uri, String> {
    text.parse().map_err(|error| format!("bad URL {text}: {error}"))
}

/// The start of an error body, for the report.
fn excerpt(body: &[u8]) -> String {
    const LIMIT: usize = 200;
    let text = String::from_utf8_lossy(body);
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::tests::spawn_fake_server;
    use axum::routing::{get, post};
    use axum::Router;

    #[test]
    fn probe_documents_differ_by_url_and_are_valid_json() {
        let first: serde_json::Value = serde_json::from_slice(&probe_document("r1", 1)).unwrap();
        let second: serde_json::Value = serde_json::from_slice(&probe_document("r1", 2)).unwrap();
        let text = first["documents"][0]["text"].as_str().unwrap();
        assert!(text.contains("url https://loadgen.parallax.invalid/r1/1\n"));
        assert_eq!(first["documents"][0]["name"], "loadgen-r1-1.txt");
        assert_ne!(first["documents"][0]["text"], second["documents"][0]["text"]);
    }

    #[test]
    fn a_new_article_passes_the_check() {
        let body = br#"{"counts": {"new": 1, "duplicate": 0, "revised": 0}, "articles": ["a1"], "failed": [], "stories": ["s9"]}"#;
        assert_eq!(
            check_ingest_response(body),
            Ok(("a1".to_owned(), vec!["s9".to_owned()]))
        );
    }

    #[test]
    fn duplicates_failures_and_odd_bodies_fail_the_check() {
        let duplicate =
            br#"{"counts": {"new": 0, "duplicate": 1, "revised": 0}, "articles": ["a1"], "failed": []}"#;
        assert!(check_ingest_response(duplicate)
            .unwrap_err()
            .contains("counts.new is 0"));
        let failed =
            br#"{"counts": {"new": 0}, "articles": [], "failed": [{"name": "x", "reason": "empty"}]}"#;
        assert!(check_ingest_response(failed).unwrap_err().contains("empty"));
        assert!(check_ingest_response(b"not json").is_err());
    }

    #[test]
    fn long_error_bodies_are_cut() {
        assert_eq!(excerpt("é".repeat(300).as_bytes()).chars().count(), 201);
        assert_eq!(excerpt(b"short"), "short");
    }

    #[tokio::test]
    async fn a_probe_ingests_then_reads_back() {
        let router = Router::new()
            .route(
                "/api/ingest",
                post(|| async {
                    r#"{"counts": {"new": 1, "duplicate": 0, "revised": 0}, "articles": ["a 1"], "failed": [], "stories": []}"#
                }),
            )
            .route(
                "/api/articles/{id}",
                get(|axum::extract::Path(id): axum::extract::Path<String>| async move {
                    if id == "a 1" {
                        axum::http::StatusCode::OK
                    } else {
                        axum::http::StatusCode::NOT_FOUND
                    }
                }),
            );
        let base = spawn_fake_server(router).await;
        let client = http::new_client();
        let probe = probe_once(&client, &base, "t", 1, Duration::from_secs(5)).await;
        let article = probe.result.unwrap();
        assert_eq!(article.article, "a 1");
    }

    #[tokio::test]
    async fn an_unreadable_article_fails_the_probe() {
        let router = Router::new().route(
            "/api/ingest",
            post(|| async { r#"{"counts": {"new": 1}, "articles": ["gone"], "failed": []}"# }),
        );
        let base = spawn_fake_server(router).await;
        let client = http::new_client();
        let probe = probe_once(&client, &base, "t", 1, Duration::from_secs(5)).await;
        assert!(probe.result.unwrap_err().contains("not readable: HTTP 404"));
    }
}
