//! The run's report: a table for people and a JSON document for scripts.
//!
//! JSON field names are a contract (documented in `docs/load.md`): fields
//! may be added, never renamed. Latencies are in milliseconds (`*_ms`),
//! rates per second (`rps`), sizes in bytes.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use crate::classes::EndpointClass;
use crate::ingest::IngestProbe;
use crate::plan::Plan;
use crate::run::{LoadResult, Sample};
use crate::stats::{summarize, LatencySummary};

/// How many of the slowest (and of the failing) targets — stories,
/// queries — each class lists.
const TARGETS_LISTED: usize = 5;
/// How many distinct failures each class or the ingest probe lists.
const ERRORS_LISTED: usize = 5;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The server measured, e.g. `http://127.0.0.1:40123`.
    pub base_url: String,
    pub clients: usize,
    pub warmup_s: f64,
    /// Length of the measured window.
    pub duration_s: f64,
    pub request_timeout_ms: f64,
    /// Distinct story ids and search queries in the mix.
    pub stories: usize,
    pub queries: usize,
    pub setup: Setup,
    /// Requests sent during the warm-up (not measured).
    pub warmup_requests: u64,
    /// One entry per endpoint class, in `EndpointClass::ALL` order.
    pub classes: Vec<ClassReport>,
    pub ingest: IngestReport,
    /// `/proc/loadavg` (1, 5, 15 min) before and after the run, when readable:
    /// how busy the machine was besides this run.
    pub load_average_before: Option<[f64; 3]>,
    pub load_average_after: Option<[f64; 3]>,
    /// No request failed, every class met its p99 target and every ingest
    /// probe (at least one) succeeded.
    pub passed: bool,
}

/// Requests made before the load, timed on their own.
#[derive(Debug, Serialize)]
pub struct Setup {
    /// `GET /api/stories?limit=…` that fetched the story ids.
    pub story_list_ms: f64,
    /// The first `GET /api/search` (includes any lazy index work the server
    /// does on its first query).
    pub first_search_ms: f64,
}

/// One endpoint class.
#[derive(Debug, Serialize)]
pub struct ClassReport {
    /// `api_story`, `page_story`, `api_search` or `page_search`.
    pub class: EndpointClass,
    /// Requests started in the measured window.
    pub requests: u64,
    /// Requests that did not end in a 2xx response (HTTP errors, timeouts,
    /// transport failures).
    pub errors: u64,
    /// Error counts by kind (`HTTP 500`, `timeout`, `transport: …`).
    pub error_kinds: BTreeMap<String, u64>,
    /// Requests answered after following a redirect (a story asked for by
    /// an id it had before articles joined it); counted as successes when
    /// the final answer is, and timed over every hop.
    pub redirected: u64,
    /// `requests` ÷ `duration_s`.
    pub rps: f64,
    /// Over every request of the class, failed ones included; `null`
    /// without requests.
    pub latency: Option<LatencySummary>,
    pub mean_response_bytes: f64,
    pub target_p99_ms: f64,
    /// p99 ≤ target (false without requests).
    pub meets_target: bool,
    /// The targets with the highest mean latency.
    pub slowest: Vec<TargetReport>,
    /// The targets with the most errors (only targets that had any).
    pub failing: Vec<TargetReport>,
}

/// One story or query within a class.
#[derive(Debug, Serialize)]
pub struct TargetReport {
    /// Request path and query string.
    pub path: String,
    /// The query's category from the query list (search classes only).
    pub category: Option<String>,
    pub requests: u64,
    pub errors: u64,
    pub mean_ms: f64,
    pub max_ms: f64,
    pub mean_response_bytes: f64,
}

/// The ingest probe.
#[derive(Debug, Serialize)]
pub struct IngestReport {
    /// Seconds between probe starts (0 = probe disabled).
    pub interval_s: f64,
    pub attempts: u64,
    pub succeeded: u64,
    /// `POST /api/ingest` latency over every attempt.
    pub latency: Option<LatencySummary>,
    /// `GET /api/articles/{id}` latency of the read-backs.
    pub read_back: Option<LatencySummary>,
    /// The first failures: probe number and reason.
    pub failures: Vec<IngestFailure>,
}

#[derive(Debug, Serialize)]
pub struct IngestFailure {
    pub sequence: u32,
    pub reason: String,
}

/// What the run was configured with, for the report header.
#[derive(Debug, Clone)]
pub struct RunSettings {
    pub base_url: String,
    pub clients: usize,
    pub warmup: Duration,
    pub duration: Duration,
    pub request_timeout: Duration,
    pub ingest_interval: Duration,
}

/// Measurements taken outside the load window.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub setup_story_list: Duration,
    pub setup_first_search: Duration,
    pub load_average_before: Option<[f64; 3]>,
    pub load_average_after: Option<[f64; 3]>,
}

impl Report {
    /// Builds the report from the clients' samples and the probes.
    pub fn build(
        settings: &RunSettings,
        plan: &Plan,
        load: LoadResult,
        probes: &[IngestProbe],
        context: Context,
    ) -> Report {
        let window_s = settings.duration.as_secs_f64();
        let mut by_class: HashMap<EndpointClass, Vec<Sample>> = HashMap::new();
        for sample in load.samples {
            by_class.entry(sample.class).or_default().push(sample);
        }
        let classes: Vec<ClassReport> = EndpointClass::ALL
            .iter()
            .map(|&class| class_report(class, by_class.remove(&class).unwrap_or_default(), plan, window_s))
            .collect();
        let ingest = ingest_report(settings.ingest_interval, probes);
        let passed = classes
            .iter()
            .all(|class| class.errors == 0 && class.meets_target)
            && ingest.attempts > 0
            && ingest.succeeded == ingest.attempts;
        Report {
            base_url: settings.base_url.clone(),
            clients: settings.clients,
            warmup_s: settings.warmup.as_secs_f64(),
            duration_s: window_s,
            request_timeout_ms: millis(settings.request_timeout),
            stories: plan.target_count(EndpointClass::ApiStory),
            queries: plan.target_count(EndpointClass::ApiSearch),
            setup: Setup {
                story_list_ms: millis(context.setup_story_list),
                first_search_ms: millis(context.setup_first_search),
            },
            warmup_requests: load.warmup_requests,
            classes,
            ingest,
            load_average_before: context.load_average_before,
            load_average_after: context.load_average_after,
            passed,
        }
    }

    /// The report as an aligned text table.
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} clients, {:.0} s measured after {:.0} s warm-up ({} warm-up requests), {} stories × {} queries, {}",
            self.clients,
            self.duration_s,
            self.warmup_s,
            self.warmup_requests,
            self.stories,
            self.queries,
            self.base_url
        );
        let _ = writeln!(
            out,
            "setup: story list {:.1} ms, first search {:.1} ms; load average before {} after {}",
            self.setup.story_list_ms,
            self.setup.first_search_ms,
            format_load(self.load_average_before),
            format_load(self.load_average_after)
        );
        let _ = writeln!(
            out,
            "{:<12} {:>8} {:>6} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>10}  p99 target",
            "class",
            "requests",
            "errors",
            "rps",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "mean ms",
            "",
            "mean bytes"
        );
        for class in &self.classes {
            let latency = class.latency.map_or_else(
                || format!("{:>8} {:>8} {:>8} {:>8} {:>8}", "-", "-", "-", "-", "-"),
                |l| {
                    format!(
                        "{:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>8.1}",
                        l.p50_ms, l.p90_ms, l.p99_ms, l.max_ms, l.mean_ms
                    )
                },
            );
            let _ = writeln!(
                out,
                "{:<12} {:>8} {:>6} {:>8.1} {} {:>7} {:>10.0}  ≤ {:.0} ms {}",
                class.class.name(),
                class.requests,
                class.errors,
                class.rps,
                latency,
                "",
                class.mean_response_bytes,
                class.target_p99_ms,
                if class.meets_target { "met" } else { "MISSED" }
            );
        }
        let ingest = &self.ingest;
        let ingest_latency = ingest.latency.map_or_else(
            || "-".to_owned(),
            |l| format!("p50 {:.0} ms, max {:.0} ms", l.p50_ms, l.max_ms),
        );
        let _ = writeln!(
            out,
            "ingest probe every {:.0} s: {}/{} succeeded, POST /api/ingest {}",
            ingest.interval_s, ingest.succeeded, ingest.attempts, ingest_latency
        );
        for failure in &ingest.failures {
            let _ = writeln!(
                out,
                "  ingest probe {} failed: {}",
                failure.sequence, failure.reason
            );
        }
        for class in &self.classes {
            if class.redirected > 0 {
                let _ = writeln!(
                    out,
                    "  {}: {} requests answered after a redirect",
                    class.class.name(),
                    class.redirected
                );
            }
            for (kind, count) in &class.error_kinds {
                let _ = writeln!(out, "  {} errors: {count} × {kind}", class.class.name());
            }
            for target in &class.failing {
                let _ = writeln!(
                    out,
                    "    {} of {} failed: {}",
                    target.errors, target.requests, target.path
                );
            }
        }
        let _ = writeln!(out, "slowest targets (mean ms, max ms, requests, mean bytes):");
        for class in &self.classes {
            for target in &class.slowest {
                let _ = writeln!(
                    out,
                    "  {:<12} {:>8.1} {:>8.1} {:>6} {:>9.0}  {}",
                    class.class.name(),
                    target.mean_ms,
                    target.max_ms,
                    target.requests,
                    target.mean_response_bytes,
                    target.path
                );
            }
        }
        let _ = writeln!(out, "{}", if self.passed { "PASSED" } else { "FAILED" });
        out
    }
}

fn class_report(class: EndpointClass, samples: Vec<Sample>, plan: &Plan, window_s: f64) -> ClassReport {
    let requests = samples.len() as u64;
    let mut error_kinds = BTreeMap::new();
    for sample in samples.iter().filter(|sample| !sample.outcome.is_success()) {
        *error_kinds.entry(sample.outcome.describe()).or_insert(0) += 1;
    }
    if error_kinds.len() > ERRORS_LISTED {
        // Transport errors carry their message: keep the commonest kinds.
        let mut kinds: Vec<_> = error_kinds.into_iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        kinds.truncate(ERRORS_LISTED);
        error_kinds = kinds.into_iter().collect();
    }
    let errors = samples
        .iter()
        .filter(|sample| !sample.outcome.is_success())
        .count() as u64;
    let mut latencies: Vec<u64> = samples.iter().map(|sample| sample.latency_us).collect();
    let latency = summarize(&mut latencies);
    let target_p99_ms = millis(class.target_p99());
    ClassReport {
        class,
        requests,
        errors,
        error_kinds,
        redirected: samples.iter().filter(|sample| sample.redirects > 0).count() as u64,
        rps: if window_s > 0.0 {
            requests as f64 / window_s
        } else {
            0.0
        },
        latency,
        mean_response_bytes: mean(samples.iter().map(|sample| sample.bytes as f64)),
        target_p99_ms,
        meets_target: latency.is_some_and(|summary| summary.p99_ms <= target_p99_ms),
        slowest: ranked_targets(class, &samples, plan, TargetRanking::Slowest),
        failing: ranked_targets(class, &samples, plan, TargetRanking::Failing),
    }
}

/// Which targets a class lists.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetRanking {
    /// Highest mean latency first.
    Slowest,
    /// Most errors first; targets without errors are left out.
    Failing,
}

fn ranked_targets(
    class: EndpointClass,
    samples: &[Sample],
    plan: &Plan,
    ranking: TargetRanking,
) -> Vec<TargetReport> {
    let mut by_target: HashMap<usize, Vec<&Sample>> = HashMap::new();
    for sample in samples {
        by_target.entry(sample.target).or_default().push(sample);
    }
    let mut targets: Vec<TargetReport> = by_target
        .into_iter()
        .map(|(target, samples)| TargetReport {
            path: plan.path(class, target),
            category: (!class.is_story()).then(|| plan.query(target).category.clone()),
            requests: samples.len() as u64,
            errors: samples
                .iter()
                .filter(|sample| !sample.outcome.is_success())
                .count() as u64,
            mean_ms: mean(samples.iter().map(|sample| sample.latency_us as f64)) / 1000.0,
            max_ms: samples.iter().map(|sample| sample.latency_us).max().unwrap_or(0) as f64 / 1000.0,
            mean_response_bytes: mean(samples.iter().map(|sample| sample.bytes as f64)),
        })
        .collect();
    match ranking {
        TargetRanking::Slowest => {
            targets.sort_by(|a, b| b.mean_ms.total_cmp(&a.mean_ms).then_with(|| a.path.cmp(&b.path)));
        }
        TargetRanking::Failing => {
            targets.retain(|target| target.errors > 0);
            targets.sort_by(|a, b| b.errors.cmp(&a.errors).then_with(|| a.path.cmp(&b.path)));
        }
    }
    targets.truncate(TARGETS_LISTED);
    targets
}

fn ingest_report(interval: Duration, probes: &[IngestProbe]) -> IngestReport {
    let mut latencies: Vec<u64> = probes.iter().map(|probe| micros(probe.latency)).collect();
    let mut read_backs: Vec<u64> = probes
        .iter()
        .filter_map(|probe| probe.result.as_ref().ok())
        .map(|ok| micros(ok.read_back))
        .collect();
    IngestReport {
        interval_s: interval.as_secs_f64(),
        attempts: probes.len() as u64,
        succeeded: probes.iter().filter(|probe| probe.result.is_ok()).count() as u64,
        latency: summarize(&mut latencies),
        read_back: summarize(&mut read_backs),
        failures: probes
            .iter()
            .filter_map(|probe| {
                probe.result.as_ref().err().map(|reason| IngestFailure {
                    sequence: probe.sequence,
                    reason: reason.clone(),
                })
            })
            .take(ERRORS_LISTED)
            .collect(),
    }
}

/// Reads `/proc/loadavg`'s three averages; `None` where it does not exist.
pub fn load_average() -> Option<[f64; 3]> {
    parse_load_average(&std::fs::read_to_string("/proc/loadavg").ok()?)
}

fn parse_load_average(text: &str) -> Option<[f64; 3]> {
    let mut fields = text.split_whitespace().map(str::parse::<f64>);
    Some([fields.next()?.ok()?, fields.next()?.ok()?, fields.next()?.ok()?])
}

fn format_load(load: Option<[f64; 3]>) -> String {
    load.map_or_else(
        || "unknown".to_owned(),
        |[one, five, fifteen]| format!("{one:.2} {five:.2} {fifteen:.2}"),
    )
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0u64), |(sum, count), value| (sum + value, count + 1));
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn micros(duration: Duration) -> u64 {
    u64::try_from(duration.as_micros()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Outcome;
    use crate::ingest::IngestedArticle;
    use crate::plan::parse_queries;

    fn sample(class: EndpointClass, target: usize, latency_ms: u64, outcome: Outcome) -> Sample {
        Sample {
            class,
            target,
            latency_us: latency_ms * 1000,
            bytes: 1000,
            outcome,
            redirects: 0,
        }
    }

    fn settings() -> RunSettings {
        RunSettings {
            base_url: "http://127.0.0.1:1".into(),
            clients: 2,
            warmup: Duration::from_secs(1),
            duration: Duration::from_secs(10),
            request_timeout: Duration::from_secs(5),
            ingest_interval: Duration::from_secs(5),
        }
    }

    fn context() -> Context {
        Context {
            setup_story_list: Duration::from_millis(3),
            setup_first_search: Duration::from_millis(4),
            load_average_before: Some([1.0, 0.5, 0.25]),
            load_average_after: None,
        }
    }

    fn ok_probe(sequence: u32) -> IngestProbe {
        IngestProbe {
            sequence,
            latency: Duration::from_millis(800),
            result: Ok(IngestedArticle {
                article: "a".into(),
                stories: vec![],
                read_back: Duration::from_millis(2),
            }),
        }
    }

    fn plan() -> Plan {
        Plan::new(
            vec!["s0".into(), "s1".into()],
            parse_queries("name\tPutin\nrare\tzeugma\n").unwrap(),
        )
        .unwrap()
    }

    fn all_classes_fast() -> Vec<Sample> {
        EndpointClass::ALL
            .iter()
            .flat_map(|&class| {
                (0..10).map(move |i| sample(class, i % 2, 5, Outcome::Success { status: 200 }))
            })
            .collect()
    }

    #[test]
    fn a_clean_fast_run_passes() {
        let load = LoadResult {
            samples: all_classes_fast(),
            warmup_requests: 3,
        };
        let report = Report::build(&settings(), &plan(), load, &[ok_probe(1)], context());
        assert!(report.passed);
        assert_eq!(report.classes.len(), 4);
        assert_eq!(report.classes[0].requests, 10);
        assert_eq!(report.classes[0].rps, 1.0);
        assert!(report.render_table().contains("PASSED"));
    }

    #[test]
    fn an_error_a_slow_p99_or_no_ingest_fails_the_run() {
        let mut samples = all_classes_fast();
        samples[0].outcome = Outcome::Status { status: 503 };
        let report = Report::build(
            &settings(),
            &plan(),
            LoadResult {
                samples,
                warmup_requests: 0,
            },
            &[ok_probe(1)],
            context(),
        );
        assert!(!report.passed);
        assert_eq!(report.classes[0].errors, 1);
        assert_eq!(report.classes[0].error_kinds.get("HTTP 503"), Some(&1));
        let failing = &report.classes[0].failing;
        assert_eq!(failing.len(), 1, "only the target that failed is listed");
        assert_eq!(
            (failing[0].path.as_str(), failing[0].errors),
            ("/api/stories/s0", 1)
        );
        assert!(report.classes[1].failing.is_empty());

        // Story pages over 50 ms at p99 miss the target; search at 60 ms does not.
        let mut samples = all_classes_fast();
        for sample in samples.iter_mut() {
            sample.latency_us = 60_000;
        }
        let report = Report::build(
            &settings(),
            &plan(),
            LoadResult {
                samples,
                warmup_requests: 0,
            },
            &[ok_probe(1)],
            context(),
        );
        let met: Vec<bool> = report.classes.iter().map(|class| class.meets_target).collect();
        assert_eq!(met, vec![false, false, true, true]);
        assert!(!report.passed);

        let report = Report::build(
            &settings(),
            &plan(),
            LoadResult {
                samples: all_classes_fast(),
                warmup_requests: 0,
            },
            &[],
            context(),
        );
        assert!(
            !report.passed,
            "a run without a single ingest probe proves nothing about ingest"
        );
    }

    #[test]
    fn failed_probes_are_listed() {
        let failed = IngestProbe {
            sequence: 2,
            latency: Duration::from_secs(1),
            result: Err("HTTP 500".into()),
        };
        let report = Report::build(
            &settings(),
            &plan(),
            LoadResult {
                samples: all_classes_fast(),
                warmup_requests: 0,
            },
            &[ok_probe(1), failed],
            context(),
        );
        assert_eq!((report.ingest.attempts, report.ingest.succeeded), (2, 1));
        assert_eq!(report.ingest.failures[0].sequence, 2);
        assert_eq!(report.ingest.read_back.unwrap().max_ms, 2.0);
        assert!(!report.passed);
    }

    #[test]
    fn slowest_targets_come_first_with_their_query_category() {
        let mut samples = all_classes_fast();
        samples.push(sample(
            EndpointClass::ApiSearch,
            1,
            90,
            Outcome::Success { status: 200 },
        ));
        let report = Report::build(
            &settings(),
            &plan(),
            LoadResult {
                samples,
                warmup_requests: 0,
            },
            &[ok_probe(1)],
            context(),
        );
        let search = &report.classes[2];
        assert_eq!(search.slowest[0].path, "/api/search?q=zeugma");
        assert_eq!(search.slowest[0].category.as_deref(), Some("rare"));
        assert_eq!(report.classes[0].slowest[0].category, None);
    }

    #[test]
    fn json_field_names_are_stable() {
        let load = LoadResult {
            samples: all_classes_fast(),
            warmup_requests: 0,
        };
        let report = Report::build(&settings(), &plan(), load, &[ok_probe(1)], context());
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["classes"][0]["class"], "api_story");
        assert_eq!(json["classes"][2]["latency"]["p99_ms"], 5.0);
        assert_eq!(json["classes"][0]["target_p99_ms"], 50.0);
        assert_eq!(json["ingest"]["succeeded"], 1);
        assert_eq!(json["setup"]["first_search_ms"], 4.0);
        assert_eq!(json["load_average_before"][0], 1.0);
    }

    #[test]
    fn load_average_parses_proc_format() {
        assert_eq!(
            parse_load_average("0.57 1.04 1.37 2/345 6789\n"),
            Some([0.57, 1.04, 1.37])
        );
        assert_eq!(parse_load_average("garbage"), None);
    }
}
