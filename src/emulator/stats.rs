//! Counters for `GET /_emulator/stats`, so a CI job can assert on what the emulator saw.

use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::sync::Mutex;

#[derive(Default)]
pub(super) struct Stats {
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    requests: u64,
    rate_limited: u64,
    hash_rejected: u64,
    /// Inner statusCode of answered invokes, or the HTTP status of rejected ones.
    by_status: BTreeMap<u16, u64>,
    deliveries: u64,
    deliveries_failed: u64,
    /// The outcome of the latest delivery, as the journal shows it.
    last_delivery: Option<Value>,
}

impl Stats {
    pub(super) fn record(&self, status: u16, rate_limited: bool, hash_rejected: bool) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        counts.requests += 1;
        counts.rate_limited += u64::from(rate_limited);
        counts.hash_rejected += u64::from(hash_rejected);
        *counts.by_status.entry(status).or_default() += 1;
    }

    /// A delivery the emulator made (a callback), failed or not.
    pub(super) fn record_delivery(&self, ok: bool, outcome: Value) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        counts.deliveries += 1;
        counts.deliveries_failed += u64::from(!ok);
        counts.last_delivery = Some(outcome);
    }

    /// The counts, with the journal's `journalWriteFailures` (records `--journal` could not
    /// append).
    pub(super) fn to_json(&self, journal_write_failures: u64) -> Value {
        let counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let by_status: Map<String, Value> = counts
            .by_status
            .iter()
            .map(|(status, n)| (status.to_string(), json!(n)))
            .collect();
        json!({
            "requests": counts.requests,
            "byStatus": by_status,
            "rateLimited": counts.rate_limited,
            "hashRejected": counts.hash_rejected,
            "journalWriteFailures": journal_write_failures,
            "deliveries": {
                "sent": counts.deliveries,
                "failed": counts.deliveries_failed,
                "last": counts.last_delivery,
            },
        })
    }
}
