//! The closed-loop clients: N tasks, each sending its next request as soon
//! as the previous one is answered, for a warm-up and then a measured
//! window.
//!
//! Requests that *start* during the warm-up are discarded (caches, the
//! connection pool and SQLite's page cache fill up then); requests that
//! start inside the window are recorded even if they finish after it, so a
//! slow request at the end is never dropped from the tail.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper::Uri;
use tokio::task::JoinSet;

use crate::classes::EndpointClass;
use crate::http::{self, HttpClient, Outcome};
use crate::plan::Plan;

/// When the measured window opens and closes.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    pub window_start: Instant,
    pub deadline: Instant,
}

impl Schedule {
    /// A warm-up starting now, then a window of `duration`.
    pub fn starting_now(warmup: Duration, duration: Duration) -> Self {
        let window_start = Instant::now() + warmup;
        Schedule {
            window_start,
            deadline: window_start + duration,
        }
    }

    /// Length of the measured window.
    pub fn window(&self) -> Duration {
        self.deadline - self.window_start
    }
}

/// One measured request.
#[derive(Debug, Clone)]
pub struct Sample {
    pub class: EndpointClass,
    /// Index of the story or query in the plan.
    pub target: usize,
    pub latency_us: u64,
    /// Response body size.
    pub bytes: usize,
    pub outcome: Outcome,
    /// Redirects followed to get the answer.
    pub redirects: u32,
}

/// Everything the clients recorded.
#[derive(Debug, Default)]
pub struct LoadResult {
    /// Requests started inside the measured window.
    pub samples: Vec<Sample>,
    /// Requests started during the warm-up (not measured).
    pub warmup_requests: u64,
}

/// Runs `clients` closed-loop clients against `base` (e.g.
/// `http://127.0.0.1:8080`, no trailing slash) following `plan`.
pub async fn run_load(
    client: &HttpClient,
    base: &str,
    plan: Arc<Plan>,
    clients: usize,
    request_timeout: Duration,
    schedule: Schedule,
) -> LoadResult {
    let tickets = Arc::new(AtomicU64::new(0));
    let base: Arc<str> = Arc::from(base);
    let mut tasks = JoinSet::new();
    for _ in 0..clients {
        let client = client.clone();
        let plan = plan.clone();
        let tickets = tickets.clone();
        let base = base.clone();
        tasks.spawn(async move {
            let mut result = LoadResult::default();
            loop {
                let started = Instant::now();
                if started >= schedule.deadline {
                    break;
                }
                let planned = plan.request(tickets.fetch_add(1, Ordering::Relaxed));
                let exchange = match format!("{base}{}", planned.path).parse::<Uri>() {
                    Ok(uri) => http::get(&client, uri, request_timeout).await,
                    Err(error) => http::Exchange::failed(format!("bad URL {}: {error}", planned.path)),
                };
                if started < schedule.window_start {
                    result.warmup_requests += 1;
                    continue;
                }
                result.samples.push(Sample {
                    class: planned.class,
                    target: planned.target,
                    latency_us: u64::try_from(exchange.latency.as_micros()).unwrap_or(u64::MAX),
                    bytes: exchange.body.len(),
                    outcome: exchange.outcome,
                    redirects: exchange.redirects,
                });
            }
            result
        });
    }
    let mut total = LoadResult::default();
    while let Some(joined) = tasks.join_next().await {
        // A client task only ends by returning; a panic would be a bug here,
        // and losing its samples must not hide the others'.
        if let Ok(result) = joined {
            total.samples.extend(result.samples);
            total.warmup_requests += result.warmup_requests;
        }
    }
    total
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::plan::parse_queries;
    use axum::extract::Path;
    use axum::http::StatusCode;
    use axum::routing::get;
    use axum::Router;

    /// A stand-in server: stories answer 200 except `broken` (500); search
    /// answers 200 after 5 ms.
    pub(crate) async fn spawn_fake_server(router: Router) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(listener, router).await.unwrap();
        });
        format!("http://{addr}")
    }

    fn story_router() -> Router {
        async fn story(Path(id): Path<String>) -> (StatusCode, String) {
            if id == "broken" {
                (StatusCode::INTERNAL_SERVER_ERROR, "{}".to_owned())
            } else {
                (StatusCode::OK, format!("{{\"id\": \"{id}\"}}"))
            }
        }
        async fn search() -> &'static str {
            tokio::time::sleep(Duration::from_millis(5)).await;
            "{\"items\": []}"
        }
        Router::new()
            .route("/api/stories/{id}", get(story))
            .route("/stories/{id}", get(story))
            .route("/api/search", get(search))
            .route("/search", get(search))
    }

    #[tokio::test]
    async fn every_class_is_measured_and_only_the_broken_story_fails() {
        let base = spawn_fake_server(story_router()).await;
        let queries = parse_queries("name\tPutin\nphrase\t\"peace talks\"\n").unwrap();
        let plan = Arc::new(Plan::new(vec!["fine".into(), "broken".into()], queries).unwrap());
        let schedule = Schedule::starting_now(Duration::from_millis(50), Duration::from_millis(400));
        let client = http::new_client();
        let result = run_load(&client, &base, plan, 4, Duration::from_secs(5), schedule).await;

        assert!(result.warmup_requests > 0, "warm-up requests are counted apart");
        for class in EndpointClass::ALL {
            let count = result
                .samples
                .iter()
                .filter(|sample| sample.class == class)
                .count();
            assert!(count > 0, "{} was never requested", class.name());
        }
        for sample in &result.samples {
            let broken = sample.class.is_story() && sample.target == 1;
            match (&sample.outcome, broken) {
                (Outcome::Status { status: 500 }, true) | (Outcome::Success { status: 200 }, false) => {}
                (outcome, _) => panic!("unexpected {outcome:?} for {sample:?}"),
            }
            if !sample.class.is_story() {
                assert!(
                    sample.latency_us >= 5_000,
                    "search latency includes the server's 5 ms"
                );
            }
        }
    }

    #[tokio::test]
    async fn a_slow_server_is_reported_as_timeouts() {
        async fn slow() -> &'static str {
            tokio::time::sleep(Duration::from_millis(300)).await;
            "late"
        }
        let router = Router::new().fallback(get(slow));
        let base = spawn_fake_server(router).await;
        let plan = Arc::new(Plan::new(vec!["s".into()], parse_queries("common\tthe\n").unwrap()).unwrap());
        let schedule = Schedule::starting_now(Duration::ZERO, Duration::from_millis(150));
        let client = http::new_client();
        let result = run_load(&client, &base, plan, 2, Duration::from_millis(50), schedule).await;
        assert!(!result.samples.is_empty());
        assert!(result
            .samples
            .iter()
            .all(|sample| sample.outcome == Outcome::Timeout));
    }

    #[tokio::test]
    async fn a_refused_connection_is_a_transport_error() {
        // Bind then drop: nothing listens on the port any more.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let plan = Arc::new(Plan::new(vec!["s".into()], parse_queries("common\tthe\n").unwrap()).unwrap());
        let schedule = Schedule::starting_now(Duration::ZERO, Duration::from_millis(50));
        let client = http::new_client();
        let base = format!("http://127.0.0.1:{port}");
        let result = run_load(&client, &base, plan, 1, Duration::from_secs(1), schedule).await;
        assert!(!result.samples.is_empty());
        assert!(result
            .samples
            .iter()
            .all(|sample| matches!(sample.outcome, Outcome::Transport(_))));
    }
}
