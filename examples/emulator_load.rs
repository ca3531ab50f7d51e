//! A bounded load generator for the emulator, and for the servers it is compared with, used
//! by `bench/run.sh`.
//!
//! Every request is a real invoke call, signed with `desk_invoke::api::signing` and encoded
//! with `desk_invoke::api::form::encode_form` before the clock starts, so the run measures
//! the server (HTTP, form decoding, HASH check, placeholders, SQLite), not the signing.
//!
//! ```text
//! cargo run --release --example emulator_load -- --url http://127.0.0.1:PORT \
//!     [--mode put|get|mixed|invoke] [--requests 20000] [--concurrency 32] [--max-seconds 30] \
//!     [--workers 1] [--key-prefix load] [--key-space N] \
//!     [--request-url URL] [--expect FILE] [--save-reply FILE]
//! ```
//!
//! - `put`, `get`, `mixed`: storage calls. Gets read `{key-prefix}{k}` with k spread over
//!   `--key-space` keys (default: the first quarter of the keys the same run would put).
//! - `invoke`: the same signed call of `--request-url` (GET; by default Desk's ticket list,
//!   which the bench answers from a stub) sent N times. The peers in the bench serve the
//!   emulator's reply on a static route, so every target gets the same request bytes.
//! - `--expect FILE`: a reply counts as an error unless its body is exactly FILE's bytes
//!   (otherwise: HTTP 2xx with `"statusCode":200` in the envelope).
//! - `--save-reply FILE`: the body of the first reply is written to FILE.
//!
//! Credentials default to the built-in local ones (the emulator's defaults); override with
//! DESK_INVOKE_SECRET, DESK_INVOKE_SECURITY_CONTEXT and DESK_INVOKE_ORG_ID. Only loopback
//! URLs are accepted, the request count and the run time are both bounded, and the result is
//! one JSON line on stdout: requests, errors, seconds, requests per second, p50/p90/p99
//! latency in milliseconds.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a command-line load generator

use desk_invoke::api::form::encode_form;
use desk_invoke::api::signing::{Field, InvokeFields};
use desk_invoke::{LOCAL_ORG_ID, LOCAL_SECRET, LOCAL_SECURITY_CONTEXT};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MODES: [&str; 4] = ["put", "get", "mixed", "invoke"];

struct Options {
    url: String,
    mode: String,
    requests: usize,
    concurrency: usize,
    max_seconds: f64,
    workers: usize,
    key_prefix: String,
    key_space: Option<usize>,
    request_url: String,
    expect: Option<Vec<u8>>,
    save_reply: Option<String>,
}

fn usage(problem: &str) -> ! {
    eprintln!("emulator_load: {problem}");
    eprintln!(
        "usage: emulator_load --url http://127.0.0.1:PORT [--mode put|get|mixed|invoke] \
         [--requests N] [--concurrency N] [--max-seconds S] [--workers N] [--key-prefix P] \
         [--key-space N] [--request-url URL] [--expect FILE] [--save-reply FILE]"
    );
    std::process::exit(2);
}

fn options() -> Options {
    let mut options = Options {
        url: String::new(),
        mode: "put".into(),
        requests: 20_000,
        concurrency: 32,
        max_seconds: 30.0,
        workers: 1,
        key_prefix: "load".into(),
        key_space: None,
        request_url: "https://desk.zoho.com/api/v1/tickets".into(),
        expect: None,
        save_reply: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{flag} needs a value")))
        };
        let number = |text: String| {
            text.parse::<usize>()
                .unwrap_or_else(|_| usage(&format!("`{text}` is not a number")))
        };
        match flag.as_str() {
            "--url" => options.url = value().trim_end_matches('/').to_string(),
            "--mode" => options.mode = value(),
            "--requests" => options.requests = number(value()),
            "--concurrency" => options.concurrency = number(value()).max(1),
            "--workers" => options.workers = number(value()).max(1),
            "--key-prefix" => options.key_prefix = value(),
            "--key-space" => options.key_space = Some(number(value()).max(1)),
            "--request-url" => options.request_url = value(),
            "--expect" => {
                let path = value();
                let bytes = std::fs::read(&path)
                    .unwrap_or_else(|e| usage(&format!("cannot read {path}: {e}")));
                options.expect = Some(bytes);
            }
            "--save-reply" => options.save_reply = Some(value()),
            "--max-seconds" => {
                let text = value();
                options.max_seconds = text
                    .parse()
                    .unwrap_or_else(|_| usage(&format!("`{text}` is not a number of seconds")));
            }
            other => usage(&format!("unknown argument `{other}`")),
        }
    }
    validate(&options);
    options
}

fn validate(options: &Options) {
    if options.url.is_empty() {
        usage("--url is required");
    }
    let loopback = url::Url::parse(&options.url)
        .ok()
        .filter(|u| u.scheme() == "http")
        .and_then(|u| match u.host() {
            Some(url::Host::Ipv4(ip)) => Some(ip.is_loopback()),
            Some(url::Host::Ipv6(ip)) => Some(ip.is_loopback()),
            Some(url::Host::Domain(name)) => Some(name == "localhost"),
            None => None,
        })
        .unwrap_or(false);
    if !loopback {
        usage("only http:// loopback URLs are accepted (this is a load generator)");
    }
    if !MODES.contains(&options.mode.as_str()) {
        usage("--mode is put, get, mixed or invoke");
    }
    if options.requests == 0 || options.requests > 1_000_000 {
        usage("--requests must be 1 to 1000000");
    }
    if !(options.max_seconds > 0.0 && options.max_seconds <= 600.0) {
        usage("--max-seconds must be more than 0 and at most 600");
    }
}

/// One pre-signed invoke request: the HASH header and the form body.
struct Signed {
    hash: String,
    form: String,
}

/// The requests of the run; request i is `signed[i % signed.len()]` (invoke mode signs one).
fn sign_all(options: &Options) -> Vec<Signed> {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    let secret = env("DESK_INVOKE_SECRET", LOCAL_SECRET);
    let security_context = env("DESK_INVOKE_SECURITY_CONTEXT", LOCAL_SECURITY_CONTEXT);
    let org_id = env("DESK_INVOKE_ORG_ID", LOCAL_ORG_ID);
    let headers = serde_json::json!({ "orgId": org_id }).to_string();
    let sign = |fields: InvokeFields| Signed {
        hash: fields.hash(secret.as_bytes()),
        form: encode_form(&security_context, &fields),
    };
    if options.mode == "invoke" {
        let fields = InvokeFields::new()
            .with(Field::RequestUrl, options.request_url.clone())
            .with(Field::RequestType, "GET")
            .with(Field::Headers, headers);
        return vec![sign(fields)];
    }
    let storage_url = format!(
        "{}/api/v1/installedExtensions/{{{{installationId}}}}/storage",
        options.url
    );
    // Gets read keys that exist: by default the first quarter of the key space, written by
    // puts of an earlier run or by the first half of a mixed run.
    let key_space = options
        .key_space
        .unwrap_or(options.requests.max(4) / 4)
        .max(1);
    (0..options.requests)
        .map(|i| {
            let write = match options.mode.as_str() {
                "put" => true,
                "get" => false,
                _ => i % 2 == 0,
            };
            let fields = if write {
                let item = serde_json::json!({
                    "key": format!("{}{i}", options.key_prefix),
                    "queriableValue": format!("group{}", i % 16),
                    "value": { "n": i, "name": format!("item {i}"), "tags": ["a", "b", "c"], "active": true },
                });
                InvokeFields::new()
                    .with(Field::RequestUrl, storage_url.clone())
                    .with(Field::RequestType, "POST")
                    .with(Field::PostBody, item.to_string())
                    .with(Field::Headers, headers.clone())
            } else {
                // A large prime stride spreads the keys over the whole key space.
                let key = format!("{}{}", options.key_prefix, (i * 1_000_003) % key_space);
                let query = serde_json::json!({ "key": key }).to_string();
                InvokeFields::new()
                    .with(Field::RequestUrl, storage_url.clone())
                    .with(Field::RequestType, "GET")
                    .with(Field::QueryParams, query)
                    .with(Field::Headers, headers.clone())
            };
            sign(fields)
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

/// What the connections share: the requests, the next one to send, the expected reply.
struct Plan {
    requests: Vec<Signed>,
    count: usize,
    next: AtomicUsize,
    invoke_url: String,
    expect: Option<Vec<u8>>,
    first_reply: Mutex<Option<Vec<u8>>>,
    started: Instant,
    deadline: Duration,
}

/// The latencies, error count and first error of one connection's requests.
type Outcome = (Vec<Duration>, usize, Option<String>);

/// An error unless the reply is the expected one (or any successful invoke reply).
fn check(plan: &Plan, status: reqwest::StatusCode, body: &[u8]) -> Result<(), String> {
    let ok = match &plan.expect {
        Some(expected) => status.is_success() && body == expected.as_slice(),
        // The invoke call and the call it wraps both succeeded.
        None => status.is_success() && body.windows(16).any(|w| w == b"\"statusCode\":200"),
    };
    if ok {
        return Ok(());
    }
    Err(format!(
        "HTTP {status}: {}",
        String::from_utf8_lossy(&body[..body.len().min(300)])
    ))
}

async fn connection(client: reqwest::Client, plan: Arc<Plan>) -> Outcome {
    let mut latencies = Vec::new();
    let mut errors = 0usize;
    let mut first_error: Option<String> = None;
    loop {
        let i = plan.next.fetch_add(1, Ordering::Relaxed);
        if i >= plan.count || plan.started.elapsed() >= plan.deadline {
            break;
        }
        let request = &plan.requests[i % plan.requests.len()];
        let sent = Instant::now();
        let outcome = client
            .post(&plan.invoke_url)
            .header("HASH", &request.hash)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(request.form.clone())
            .send()
            .await;
        let checked = match outcome {
            Ok(reply) => {
                let status = reply.status();
                match reply.bytes().await {
                    Ok(body) => {
                        if i == 0 {
                            *plan.first_reply.lock().expect("reply lock") = Some(body.to_vec());
                        }
                        check(&plan, status, &body)
                    }
                    Err(e) => Err(e.to_string()),
                }
            }
            Err(e) => Err(e.to_string()),
        };
        latencies.push(sent.elapsed());
        if let Err(e) = checked {
            errors += 1;
            first_error.get_or_insert(e);
        }
    }
    (latencies, errors, first_error)
}

/// Runs the plan with `concurrency` keep-alive connections; all outcomes pooled.
async fn run(plan: Arc<Plan>, concurrency: usize) -> (Outcome, Duration) {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .http1_only()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("HTTP client");
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| tokio::spawn(connection(client.clone(), plan.clone())))
        .collect();
    let mut all = Vec::with_capacity(plan.count);
    let mut errors = 0;
    let mut first_error = None;
    for task in tasks {
        let (latencies, task_errors, task_first) = task.await.expect("load task");
        all.extend(latencies);
        errors += task_errors;
        if first_error.is_none() {
            first_error = task_first;
        }
    }
    ((all, errors, first_error), plan.started.elapsed())
}

fn main() {
    let options = options();
    let org_id = std::env::var("DESK_INVOKE_ORG_ID").unwrap_or_else(|_| LOCAL_ORG_ID.into());
    let requests = sign_all(&options);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.workers)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let ((mut sorted, errors, first_error), elapsed) = runtime.block_on(async {
        // The clock starts when the connections do, not while the requests are signed.
        let plan = Arc::new(Plan {
            requests,
            count: options.requests,
            next: AtomicUsize::new(0),
            invoke_url: format!("{}/api/v1/invoke?orgId={org_id}", options.url),
            expect: options.expect.clone(),
            first_reply: Mutex::new(None),
            started: Instant::now(),
            deadline: Duration::from_secs_f64(options.max_seconds),
        });
        let outcome = run(plan.clone(), options.concurrency).await;
        if let Some(path) = &options.save_reply {
            let reply = plan.first_reply.lock().expect("reply lock").take();
            std::fs::write(path, reply.unwrap_or_default())
                .unwrap_or_else(|e| usage(&format!("cannot write {path}: {e}")));
        }
        outcome
    });

    sorted.sort();
    let done = sorted.len();
    let seconds = elapsed.as_secs_f64();
    let result = serde_json::json!({
        "mode": options.mode,
        "concurrency": options.concurrency,
        "requests": done,
        "errors": errors,
        "seconds": seconds,
        "requests_per_second": done as f64 / seconds,
        "p50_ms": percentile(&sorted, 50.0),
        "p90_ms": percentile(&sorted, 90.0),
        "p99_ms": percentile(&sorted, 99.0),
        "first_error": first_error,
    });
    println!("{result}");
    if errors > 0 {
        std::process::exit(1);
    }
}
