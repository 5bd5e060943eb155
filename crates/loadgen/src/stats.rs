//! Latency summaries: exact percentiles over every recorded sample.
//!
//! A 60-second run records at most a few hundred thousand latencies, so
//! they are kept and sorted rather than bucketed: the reported p99 is an
//! observed latency, not an estimate.

use serde::Serialize;

/// Percentiles and extremes of a set of latencies, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LatencySummary {
    /// Median.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest sample.
    pub max_ms: f64,
    /// Arithmetic mean.
    pub mean_ms: f64,
}

/// Summarises latencies given in microseconds; `None` when there are none.
/// Sorts the slice in place.
pub fn summarize(latencies_us: &mut [u64]) -> Option<LatencySummary> {
    if latencies_us.is_empty() {
        return None;
    }
    latencies_us.sort_unstable();
    let total: u128 = latencies_us.iter().map(|&us| u128::from(us)).sum();
    let mean_us = total as f64 / latencies_us.len() as f64;
    Some(LatencySummary {
        p50_ms: us_to_ms(nearest_rank(latencies_us, 50.0)),
        p90_ms: us_to_ms(nearest_rank(latencies_us, 90.0)),
        p99_ms: us_to_ms(nearest_rank(latencies_us, 99.0)),
        max_ms: us_to_ms(latencies_us[latencies_us.len() - 1]),
        mean_ms: mean_us / 1000.0,
    })
}

/// The nearest-rank percentile of sorted, non-empty `values`: the smallest
/// value such that at least `percent` % of the values are at most it.
fn nearest_rank(sorted: &[u64], percent: f64) -> u64 {
    let rank = ((percent / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn us_to_ms(us: u64) -> f64 {
    us as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_has_no_summary() {
        assert_eq!(summarize(&mut []), None);
    }

    #[test]
    fn percentiles_use_nearest_rank() {
        // 1..=100 ms: p50 is the 50th value, p99 the 99th.
        let mut latencies: Vec<u64> = (1..=100).rev().map(|ms| ms * 1000).collect();
        let summary = summarize(&mut latencies).unwrap();
        assert_eq!(summary.p50_ms, 50.0);
        assert_eq!(summary.p90_ms, 90.0);
        assert_eq!(summary.p99_ms, 99.0);
        assert_eq!(summary.max_ms, 100.0);
        assert_eq!(summary.mean_ms, 50.5);
    }

    #[test]
    fn one_slow_request_in_a_hundred_is_the_p99_not_below_it() {
        let mut latencies = vec![1_000; 99];
        latencies.push(500_000);
        let summary = summarize(&mut latencies).unwrap();
        assert_eq!(summary.p99_ms, 1.0);
        assert_eq!(summary.max_ms, 500.0);
        // Two slow ones in a hundred push p99 up.
        latencies[0] = 400_000;
        let summary = summarize(&mut latencies).unwrap();
        assert_eq!(summary.p99_ms, 400.0);
    }

    #[test]
    fn single_sample_is_every_percentile() {
        let summary = summarize(&mut [2_500]).unwrap();
        assert_eq!((summary.p50_ms, summary.p99_ms, summary.max_ms), (2.5, 2.5, 2.5));
    }
}
