//! What the emulator saw: one record per invoke request, kept for `GET /_emulator/requests`
//! (cleared by `DELETE`), appended to `--journal FILE` as NDJSON, and handed to the
//! `on_request` hook (the `emulator` command's log line). Substituted secure config values
//! are masked in every field before a record is made. Deliveries the emulator made
//! (callbacks) are records of their own, `{"kind":"delivery",…}`.

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// Records kept in memory; the oldest go first.
const MAX_RECORDS: usize = 10_000;

/// One invoke request as the emulator handled it.
#[derive(Debug, Clone, Default)]
pub(crate) struct RequestRecord {
    pub time: Option<SystemTime>,
    /// requestType as received.
    pub method: Option<String>,
    /// requestURL after placeholder substitution (as received when it was rejected earlier).
    pub request_url: Option<String>,
    pub headers: Option<Value>,
    pub body: Option<String>,
    /// The called API's status (the envelope's statusCode), or the HTTP status of a rejection.
    pub status: u16,
    /// Whether the HASH matched; `None` when the request was refused before it was checked.
    pub hash_ok: Option<bool>,
    /// The stringToHash of a request whose HASH did not match (never the secret).
    pub string_to_hash: Option<String>,
    /// The errorCode of a rejection.
    pub error_code: Option<String>,
    pub rate_limited: bool,
    pub elapsed: Duration,
}

impl RequestRecord {
    pub(crate) fn to_json(&self) -> Value {
        let time = self
            .time
            .map(|t| humantime::format_rfc3339_millis(t).to_string());
        json!({
            "time": time,
            "method": self.method,
            "requestURL": self.request_url,
            "headers": self.headers,
            "body": self.body,
            "status": self.status,
            "hashOk": self.hash_ok,
            "errorCode": self.error_code,
            "rateLimited": self.rate_limited,
            "ms": self.elapsed.as_secs_f64() * 1000.0,
        })
    }
}

/// A journal entry: a request the emulator received, or a delivery it made (as JSON).
enum Entry {
    Request(RequestRecord),
    Delivery(Value),
}

impl Entry {
    fn to_json(&self) -> Value {
        match self {
            Entry::Request(record) => record.to_json(),
            Entry::Delivery(value) => value.clone(),
        }
    }
}

pub(super) struct Journal {
    records: Mutex<VecDeque<Entry>>,
    file: Option<Mutex<std::fs::File>>,
}

impl Journal {
    pub(super) fn new(file: Option<&PathBuf>) -> std::io::Result<Journal> {
        let file = match file {
            Some(path) => Some(Mutex::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)?,
            )),
            None => None,
        };
        Ok(Journal {
            records: Mutex::new(VecDeque::new()),
            file,
        })
    }

    pub(super) fn add(&self, record: RequestRecord) {
        self.push(Entry::Request(record));
    }

    /// A delivery's outcome, recorded as `{"kind":"delivery", …outcome}`.
    pub(super) fn add_delivery(&self, outcome: Value) {
        let mut record = json!({"kind": "delivery"});
        if let (Some(record), Value::Object(fields)) = (record.as_object_mut(), outcome) {
            record.extend(fields);
        }
        self.push(Entry::Delivery(record));
    }

    fn push(&self, record: Entry) {
        if let Some(file) = &self.file {
            let mut line = record.to_json().to_string();
            line.push('\n');
            // One write per line: appends from one process never interleave.
            let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
            let _ = file.write_all(line.as_bytes());
        }
        let mut records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        if records.len() == MAX_RECORDS {
            records.pop_front();
        }
        records.push_back(record);
    }

    pub(super) fn to_json(&self) -> Value {
        let records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        Value::Array(records.iter().map(Entry::to_json).collect())
    }

    pub(super) fn clear(&self) {
        self.records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}
