//! A bounded load generator for the emulator's storage API, used by `bench/run.sh`.
//!
//! Every request is a real invoke call, signed with `desk_invoke::signing` and encoded with
//! `desk_invoke::api::form::encode_form` before the clock starts, so the run measures the
//! emulator (HTTP, form decoding, HASH check, placeholders, SQLite), not the signing.
//!
//! ```text
//! cargo run --release --example emulator_load -- --url http://127.0.0.1:PORT \
//!     [--mode put|get|mixed] [--requests 20000] [--concurrency 32] [--max-seconds 30] \
//!     [--workers 1]
//! ```
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
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Options {
    url: String,
    mode: String,
    requests: usize,
    concurrency: usize,
    max_seconds: f64,
    workers: usize,
    key_prefix: String,
}

fn usage(problem: &str) -> ! {
    eprintln!("emulator_load: {problem}");
    eprintln!(
        "usage: emulator_load --url http://127.0.0.1:PORT [--mode put|get|mixed] [--requests N] \
         [--concurrency N] [--max-seconds S] [--workers N] [--key-prefix P]"
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
            "--max-seconds" => {
                let text = value();
                options.max_seconds = text
                    .parse()
                    .unwrap_or_else(|_| usage(&format!("`{text}` is not a number of seconds")));
            }
            other => usage(&format!("unknown argument `{other}`")),
        }
    }
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
    if !["put", "get", "mixed"].contains(&options.mode.as_str()) {
        usage("--mode is put, get or mixed");
    }
    if options.requests == 0 || options.requests > 1_000_000 {
        usage("--requests must be 1 to 1000000");
    }
    if !(options.max_seconds > 0.0 && options.max_seconds <= 600.0) {
        usage("--max-seconds must be more than 0 and at most 600");
    }
    options
}

/// One pre-signed invoke request: the HASH header and the form body.
struct Signed {
    hash: String,
    form: String,
}

fn sign_all(options: &Options) -> Vec<Signed> {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    let secret = env("DESK_INVOKE_SECRET", LOCAL_SECRET);
    let security_context = env("DESK_INVOKE_SECURITY_CONTEXT", LOCAL_SECURITY_CONTEXT);
    let org_id = env("DESK_INVOKE_ORG_ID", LOCAL_ORG_ID);
    let storage_url = format!(
        "{}/api/v1/installedExtensions/{{{{installationId}}}}/storage",
        options.url
    );
    let headers = serde_json::json!({ "orgId": org_id }).to_string();
    // Gets read keys that exist: the first quarter of the key space, written by puts of an
    // earlier run or by the first half of a mixed run.
    let key_space = options.requests.max(4);
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
                let key = format!("{}{}", options.key_prefix, (i * 7) % (key_space / 4));
                let query = serde_json::json!({ "key": key }).to_string();
                InvokeFields::new()
                    .with(Field::RequestUrl, storage_url.clone())
                    .with(Field::RequestType, "GET")
                    .with(Field::QueryParams, query)
                    .with(Field::Headers, headers.clone())
            };
            Signed {
                hash: fields.hash(secret.as_bytes()),
                form: encode_form(&security_context, &fields),
            }
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

fn main() {
    let options = options();
    let requests = Arc::new(sign_all(&options));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.workers)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let org_id = std::env::var("DESK_INVOKE_ORG_ID").unwrap_or_else(|_| LOCAL_ORG_ID.into());
    let invoke_url = format!("{}/api/v1/invoke?orgId={org_id}", options.url);
    let deadline = Duration::from_secs_f64(options.max_seconds);

    let (latencies, errors, first_error, elapsed) = runtime.block_on(async {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(options.concurrency)
            .http1_only()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("HTTP client");
        let next = Arc::new(AtomicUsize::new(0));
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..options.concurrency {
            let client = client.clone();
            let next = next.clone();
            let requests = requests.clone();
            let invoke_url = invoke_url.clone();
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut errors = 0usize;
                let mut first_error: Option<String> = None;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests.len() || started.elapsed() >= deadline {
                        break;
                    }
                    let request = &requests[i];
                    let sent = Instant::now();
                    let outcome = client
                        .post(&invoke_url)
                        .header("HASH", &request.hash)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(request.form.clone())
                        .send()
                        .await;
                    let ok = match outcome {
                        Ok(reply) => {
                            let status = reply.status();
                            match reply.bytes().await {
                                // The invoke call and the storage call it wraps both succeeded.
                                Ok(body)
                                    if status.is_success()
                                        && body.windows(16).any(|w| w == b"\"statusCode\":200") =>
                                {
                                    Ok(())
                                }
                                Ok(body) => Err(format!(
                                    "HTTP {status}: {}",
                                    String::from_utf8_lossy(&body[..body.len().min(300)])
                                )),
                                Err(e) => Err(e.to_string()),
                            }
                        }
                        Err(e) => Err(e.to_string()),
                    };
                    latencies.push(sent.elapsed());
                    if let Err(e) = ok {
                        errors += 1;
                        first_error.get_or_insert(e);
                    }
                }
                (latencies, errors, first_error)
            }));
        }
        let mut all = Vec::with_capacity(requests.len());
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
        (all, errors, first_error, started.elapsed())
    });

    let mut sorted = latencies;
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
