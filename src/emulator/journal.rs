//! What the emulator saw: one record per invoke request, kept for `GET /_emulator/requests`
//! (cleared by `DELETE`), appended to `--journal FILE` as NDJSON, and handed to the
//! `on_request` hook (the `emulator` command's log line). Substituted secure config values
//! are masked in every field before a record is made.
//!
//! The journal is bounded in bytes as well as in records, because its fields come from
//! clients that need no secret to send them: each text field is cut at `MAX_FIELD_BYTES`
//! (the record's `truncated` names the fields cut and their full length), and the records
//! kept in memory take at most `MAX_KEPT_BYTES`. A record is serialised once, when it is
//! added; the listing streams those bytes.
//! Deliveries the emulator made (callbacks) are records of their own, `{"kind":"delivery",…}`.

use super::WarningHook;
use axum::body::{Body, Bytes};
use axum::http::{header, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// Records kept in memory; the oldest go first.
const MAX_RECORDS: usize = 10_000;
/// What the records kept in memory may take together (their JSON); the oldest go first.
pub(super) const MAX_KEPT_BYTES: usize = 16 * 1024 * 1024;
/// The longest text field of a record (requestURL, headers, body); longer ones are cut.
pub(super) const MAX_FIELD_BYTES: usize = 16 * 1024;

/// One invoke request as the emulator handled it.
#[derive(Debug, Clone, Default)]
pub(crate) struct RequestRecord {
    pub time: Option<SystemTime>,
    /// requestType as received.
    pub method: Option<String>,
    /// requestURL after placeholder substitution (as received when it was rejected earlier).
    pub request_url: Option<String>,
    pub headers: Option<Value>,
    /// queryParams as the call was made (as received when it was rejected earlier).
    pub query_params: Option<Value>,
    pub body: Option<String>,
    /// connectionLinkName as received.
    pub connection_link_name: Option<String>,
    /// The installation the request belongs to, once its securityContext is known.
    pub installation_id: Option<String>,
    /// The called API's status (the envelope's statusCode), or the HTTP status of a rejection.
    pub status: u16,
    /// Whether the HASH matched; `None` when the request was refused before it was checked.
    pub hash_ok: Option<bool>,
    /// The stringToHash of a request whose HASH did not match (never the secret). Only the
    /// `on_request` hook sees it; the journal does not keep it.
    pub string_to_hash: Option<String>,
    /// The errorCode of a rejection.
    pub error_code: Option<String>,
    pub rate_limited: bool,
    pub elapsed: Duration,
}

impl RequestRecord {
    /// The record as the journal keeps it, as one JSON line: long text fields cut, and said
    /// so. Written straight from the record (no `Value` in between: it is done per request).
    fn to_line(&self) -> String {
        // The fields are cut in the order `truncated` has always listed them.
        let mut cut = Vec::new();
        let request_url = (self.request_url.as_deref()).map(|t| bounded(&mut cut, "requestURL", t));
        // Headers and queryParams stay JSON unless they are too long: then their text, cut.
        let mut json = |name, field: &Option<Value>| {
            let json = serde_json::value::to_raw_value(field.as_ref()?).ok()?;
            Some(match json.get().len() > MAX_FIELD_BYTES {
                true => JsonOrText::Text(bounded(&mut cut, name, json.get()).to_string()),
                false => JsonOrText::Json(json),
            })
        };
        let headers = json("headers", &self.headers);
        let query_params = json("queryParams", &self.query_params);
        let body = (self.body.as_deref()).map(|t| bounded(&mut cut, "body", t));
        let method = (self.method.as_deref()).map(|t| bounded(&mut cut, "method", t));
        let connection_link_name = (self.connection_link_name.as_deref())
            .map(|t| bounded(&mut cut, "connectionLinkName", t));
        let line = JournalLine {
            time: self
                .time
                .map(|t| humantime::format_rfc3339_millis(t).to_string()),
            method,
            request_url,
            query_params,
            headers,
            body,
            connection_link_name,
            installation_id: self.installation_id.as_deref(),
            status: self.status,
            hash_ok: self.hash_ok,
            error_code: self.error_code.as_deref(),
            rate_limited: self.rate_limited,
            ms: self.elapsed.as_secs_f64() * 1000.0,
            truncated: Truncated(cut),
        };
        serde_json::to_string(&line).expect("a journal line serialises")
    }

    /// The record as the journal keeps it, as a JSON value.
    #[cfg(test)]
    fn to_json(&self) -> Value {
        serde_json::from_str(&self.to_line()).expect("a journal line is JSON")
    }
}

/// A journal line, in the order its fields have always had.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct JournalLine<'a> {
    time: Option<String>,
    method: Option<&'a str>,
    #[serde(rename = "requestURL")]
    request_url: Option<&'a str>,
    query_params: Option<JsonOrText>,
    headers: Option<JsonOrText>,
    body: Option<&'a str>,
    connection_link_name: Option<&'a str>,
    installation_id: Option<&'a str>,
    status: u16,
    hash_ok: Option<bool>,
    error_code: Option<&'a str>,
    rate_limited: bool,
    ms: f64,
    #[serde(skip_serializing_if = "Truncated::is_empty")]
    truncated: Truncated,
}

/// A JSON field kept as JSON, or, when too long, as its text cut short.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum JsonOrText {
    Json(Box<serde_json::value::RawValue>),
    Text(String),
}

/// The fields cut, with their full length: `{"body": 20000}`.
struct Truncated(Vec<(&'static str, usize)>);

impl Truncated {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl serde::Serialize for Truncated {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, len) in &self.0 {
            map.serialize_entry(name, len)?;
        }
        map.end()
    }
}

/// `text`, or when longer than `MAX_FIELD_BYTES` its longest prefix that fits, with the
/// field's name and full length added to `cut`.
fn bounded<'t>(cut: &mut Vec<(&'static str, usize)>, name: &'static str, text: &'t str) -> &'t str {
    if text.len() <= MAX_FIELD_BYTES {
        return text;
    }
    cut.push((name, text.len()));
    cut_at_char_boundary(text, MAX_FIELD_BYTES)
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn cut_at_char_boundary(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

pub(super) struct Journal {
    kept: Mutex<Kept>,
    file: Option<Mutex<JournalFile>>,
    /// Records that could not be appended to the file (`journalWriteFailures` in the stats).
    write_failures: AtomicU64,
    warn: Option<WarningHook>,
}

/// The records in memory, each as its JSON bytes.
#[derive(Default)]
struct Kept {
    records: VecDeque<Bytes>,
    bytes: usize,
}

/// `--journal FILE`: whole lines or nothing. A failed append (disk full) is cut back to the
/// last whole line, so a record is never glued to a cut one; if even that fails, appending
/// stops.
struct JournalFile {
    file: std::fs::File,
    path: PathBuf,
    /// The file's length after the last whole line.
    good_len: u64,
    stopped: bool,
    warned: bool,
}

impl Journal {
    pub(super) fn new(
        path: Option<&PathBuf>,
        warn: Option<WarningHook>,
    ) -> std::io::Result<Journal> {
        let file = match path {
            Some(path) => Some(Mutex::new(JournalFile::open(path)?)),
            None => None,
        };
        Ok(Journal {
            kept: Mutex::default(),
            file,
            write_failures: AtomicU64::new(0),
            warn,
        })
    }

    pub(super) fn add(&self, record: RequestRecord) {
        self.push(Bytes::from(record.to_line()));
    }

    /// A delivery's outcome, recorded as `{"kind":"delivery", …outcome}`.
    pub(super) fn add_delivery(&self, outcome: Value) {
        let mut record = json!({"kind": "delivery"});
        if let (Some(record), Value::Object(fields)) = (record.as_object_mut(), outcome) {
            record.extend(fields);
        }
        self.push(Bytes::from(record.to_string()));
    }

    /// Keeps one record's JSON line (and appends it to `--journal`), within the bounds.
    fn push(&self, line: Bytes) {
        if let Some(file) = &self.file {
            self.append(file, &line);
        }
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.bytes += line.len();
        kept.records.push_back(line);
        while kept.records.len() > MAX_RECORDS || kept.bytes > MAX_KEPT_BYTES {
            match kept.records.pop_front() {
                Some(oldest) => kept.bytes -= oldest.len(),
                None => break,
            }
        }
    }

    fn append(&self, file: &Mutex<JournalFile>, line: &[u8]) {
        let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
        let Err(error) = file.append(line) else {
            return;
        };
        self.write_failures.fetch_add(1, Ordering::Relaxed);
        if !file.warned {
            file.warned = true;
            if let Some(warn) = &self.warn {
                warn(&format!(
                    "cannot append to the journal {}: {error}; {} (GET /_emulator/requests still has them; /_emulator/stats counts journalWriteFailures)",
                    file.path.display(),
                    match file.stopped {
                        true => "no more records are written to it",
                        false => "records that do not fit are left out, whole",
                    }
                ));
            }
        }
    }

    pub(super) fn write_failures(&self) -> u64 {
        self.write_failures.load(Ordering::Relaxed)
    }

    /// `GET /_emulator/requests`: the JSON array of the records kept, streamed from their
    /// bytes in chunks of about `LISTING_CHUNK` (a snapshot: records added meanwhile are not
    /// in it), so a full journal is never copied into one string.
    pub(super) fn listing(&self) -> Response {
        const LISTING_CHUNK: usize = 64 * 1024;
        let mut records: std::collections::vec_deque::IntoIter<Bytes> = {
            let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
            kept.records.clone().into_iter()
        };
        let mut chunk = b"[".to_vec();
        let mut first = true;
        let mut done = false;
        let chunks = std::iter::from_fn(move || {
            if done {
                return None;
            }
            while chunk.len() < LISTING_CHUNK {
                let Some(record) = records.next() else {
                    chunk.push(b']');
                    done = true;
                    break;
                };
                if !std::mem::take(&mut first) {
                    chunk.push(b',');
                }
                chunk.extend_from_slice(&record);
            }
            Some(Ok::<_, std::convert::Infallible>(Bytes::from(
                std::mem::take(&mut chunk),
            )))
        });
        Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, super::reply::JSON_CONTENT_TYPE)
            .body(Body::from_stream(futures_util::stream::iter(chunks)))
            .unwrap_or_else(|_| Response::new(Body::from("[]")))
    }

    pub(super) fn clear(&self) {
        *self.kept.lock().unwrap_or_else(|e| e.into_inner()) = Kept::default();
    }
}

impl JournalFile {
    /// Opens for appending; a new file is created private (0600): it holds request bodies.
    fn open(path: &Path) -> std::io::Result<JournalFile> {
        let mut options = std::fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(path)?;
        let good_len = file.metadata()?.len();
        Ok(JournalFile {
            file,
            path: path.to_path_buf(),
            good_len,
            stopped: false,
            warned: false,
        })
    }

    /// Appends `line` and a newline in one write, or leaves the file as it was.
    fn append(&mut self, line: &[u8]) -> std::io::Result<()> {
        if self.stopped {
            return Err(std::io::Error::other(
                "appending stopped after an earlier failure",
            ));
        }
        let mut whole = Vec::with_capacity(line.len() + 1);
        whole.extend_from_slice(line);
        whole.push(b'\n');
        match self.file.write_all(&whole) {
            Ok(()) => {
                self.good_len += whole.len() as u64;
                Ok(())
            }
            Err(error) => {
                if self.file.set_len(self.good_len).is_err() {
                    self.stopped = true;
                }
                Err(error)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_fields_are_cut_on_a_character_boundary_and_said_so() {
        let record = RequestRecord {
            request_url: Some(format!("https://a.test/{}", "é".repeat(MAX_FIELD_BYTES))),
            body: Some("short".into()),
            ..RequestRecord::default()
        };
        let json = record.to_json();
        let url = json["requestURL"].as_str().unwrap();
        assert!(url.len() <= MAX_FIELD_BYTES && url.len() > MAX_FIELD_BYTES - 2);
        assert_eq!(
            json["truncated"],
            json!({"requestURL": record.request_url.as_ref().unwrap().len()})
        );
        assert_eq!(json["body"], "short");
        let short = RequestRecord::default().to_json();
        assert!(short.get("truncated").is_none());
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let all_long = RequestRecord {
            request_url: Some(long.clone()),
            headers: Some(json!({ "h": long })),
            query_params: Some(json!({ "q": long })),
            body: Some(long.clone()),
            method: Some(long.clone()),
            connection_link_name: Some(long.clone()),
            ..RequestRecord::default()
        };
        let line = all_long.to_line();
        let order = [
            "requestURL",
            "headers",
            "queryParams",
            "body",
            "method",
            "connectionLinkName",
        ];
        let at = |name: &str| line.rfind(&format!("\"{name}\":")).unwrap();
        assert!(
            order.windows(2).all(|pair| at(pair[0]) < at(pair[1])),
            "{line}"
        );
    }

    #[test]
    fn kept_records_are_bounded_in_bytes() {
        let journal = Journal::new(None, None).unwrap();
        let big = RequestRecord {
            body: Some("x".repeat(MAX_FIELD_BYTES)),
            ..RequestRecord::default()
        };
        let per_record = big.to_json().to_string().len();
        let fitting = MAX_KEPT_BYTES / per_record;
        for _ in 0..fitting + 10 {
            journal.add(big.clone());
        }
        let kept = journal.kept.lock().unwrap();
        assert_eq!(kept.records.len(), fitting);
        assert!(kept.bytes <= MAX_KEPT_BYTES);
    }
}
