//! The client is bounded in every dimension a server controls: the size of a reply, the
//! number of pages of a listing, the waits a server asks for; and every duration it is given
//! is refused before it could overflow a clock. Hostile servers on loopback only, every loop
//! bounded in count and time.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::json;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A server that answers every request 200 with a chunked body that never ends (the start
/// of an invoke envelope, then `a` forever), at loopback speed. Each connection stops after
/// `WRITE_LIMIT` or a minute, whichever comes first, so the test stays bounded even when the
/// client under test does not.
struct Endless {
    url: String,
}

const WRITE_LIMIT: usize = 8 << 30;

impl Endless {
    fn start() -> Endless {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming().take(16) {
                let Ok(stream) = stream else { continue };
                std::thread::spawn(move || pour(stream));
            }
        });
        Endless { url }
    }
}

fn pour(mut stream: std::net::TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    // The request head and body: read what arrives until the head ends and the declared
    // body is in (a few KiB at most).
    let mut request = Vec::new();
    let mut buffer = [0u8; 8192];
    while request.len() < 1 << 20 {
        let Ok(n @ 1..) = stream.read(&mut buffer) else {
            return;
        };
        request.extend_from_slice(&buffer[..n]);
        let text = String::from_utf8_lossy(&request);
        if let Some(head_end) = text.find("\r\n\r\n") {
            let length = text[..head_end]
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                })
                .unwrap_or(0);
            if request.len() >= head_end + 4 + length {
                break;
            }
        }
    }
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    let start = b"{\"statusCode\":200,\"response\":\"";
    if stream.write_all(head.as_bytes()).is_err()
        || stream
            .write_all(format!("{:x}\r\n", start.len()).as_bytes())
            .and_then(|()| stream.write_all(start))
            .and_then(|()| stream.write_all(b"\r\n"))
            .is_err()
    {
        return;
    }
    let chunk = vec![b'a'; 64 * 1024];
    let framed = [
        format!("{:x}\r\n", chunk.len()).into_bytes(),
        chunk,
        b"\r\n".to_vec(),
    ]
    .concat();
    let started = Instant::now();
    let mut written = 0;
    while written < WRITE_LIMIT && started.elapsed() < Duration::from_secs(60) {
        if stream.write_all(&framed).is_err() {
            return;
        }
        written += framed.len();
    }
}

/// The commands that read a server's reply: an invoke through the extension-data path, a
/// plain invoke, and a callback's answer.
fn readers(url: &str) -> Vec<Vec<String>> {
    [
        vec!["storage", "get", "--key", "k"],
        vec!["invoke", "--url", "/api/v1/tickets"],
        vec![
            "send-callback",
            "--event",
            "onInstall",
            "--body",
            "{}",
            "--to",
            url,
        ],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

#[test]
fn endless_replies_are_cut_at_the_body_cap() {
    let sandbox = Sandbox::new();
    let endless = Endless::start();
    for args in readers(&format!("{}/callback", endless.url)) {
        let started = Instant::now();
        let out = sandbox
            .desk_against(&endless.url, &["--timeout", "60s", "--retries", "0"])
            .args(&args)
            .expect_error(5)
            .no_secret_leaks()
            .run();
        let stderr = stderr_of(&out);
        assert!(stderr.contains("larger than 16 MiB"), "{args:?}: {stderr}");
        assert!(stderr.contains("--max-body-size"), "{args:?}: {stderr}");
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{args:?} took {:?}",
            started.elapsed()
        );
    }
}

/// The process that reads an endless reply stays within a memory limit: the body is read
/// chunk by chunk against the cap, never whole first. A cap raised to 4 GiB under the same
/// limit runs out of memory instead, which shows that the limit measures what it should.
#[test]
fn an_endless_reply_costs_constant_memory() {
    let sandbox = Sandbox::new();
    let endless = Endless::start();
    let run = |cap: &str| {
        let binary = assert_cmd::cargo::cargo_bin("desk-invoke");
        std::process::Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
            .arg(binary)
            .args(["--timeout", "60s", "--retries", "0", "--max-body-size", cap])
            .args(["storage", "get", "--key", "k"])
            .env_clear()
            .env("HOME", sandbox.dir.path())
            .env("XDG_CONFIG_HOME", sandbox.path("config"))
            .env("XDG_DATA_HOME", sandbox.path("data"))
            .env("NO_COLOR", "1")
            // Few malloc arenas, so that the limit measures the heap, not reservations.
            .env("MALLOC_ARENA_MAX", "2")
            .env("DESK_INVOKE_SECRET", SECRET)
            .env("DESK_INVOKE_BASE_URL", &endless.url)
            .env("DESK_INVOKE_ORG_ID", ORG_ID)
            .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
            .output()
            .unwrap()
    };
    let capped = run("64MiB");
    assert_clean_failure(&capped, 5, &[SECRET, SECURITY_CONTEXT]);
    assert!(stderr_of(&capped).contains("larger than 64 MiB"));
    let uncapped = run("4GiB");
    assert_ne!(
        uncapped.status.code(),
        Some(5),
        "without a cap that fits, the limit is hit: {}",
        stderr_of(&uncapped)
    );
}

#[test]
fn the_body_cap_is_a_setting() {
    let sandbox = Sandbox::new();
    // A valid envelope of about 2 MiB.
    let big = "x".repeat(2 << 20);
    let server = Hostile::start(move |_| Answer::envelope(200, &json!({ "big": big })));
    let get = ["invoke", "--url", "/api/v1/big"];
    let out = sandbox.desk_against(&server.url, &get).run();
    assert!(stdout_of(&out).len() > 2 << 20);

    let out = sandbox
        .desk_against(&server.url, &["--max-body-size", "1MiB"])
        .args(get)
        .expect_error(5)
        .no_secret_leaks()
        .stderr_has("larger than 1 MiB")
        .run();
    assert!(stdout_of(&out).is_empty());

    Run::of(sandbox.against(&server.url))
        .env("DESK_INVOKE_MAX_BODY_SIZE", "1024KiB")
        .args(get)
        .expect_error(5)
        .no_secret_leaks()
        .run();

    let requests = server.requests().len();
    for bad in ["0", "16MB", "5GiB", "lots", "18446744073709551615GiB"] {
        let out = sandbox
            .desk_against(&server.url, &["--max-body-size", bad])
            .args(get)
            .expect_exit(2)
            .run();
        assert!(
            stderr_of(&out).contains("size"),
            "{bad}: {}",
            stderr_of(&out)
        );
    }
    // The variable is checked as the flag is, and named.
    let out = Run::of(sandbox.against(&server.url))
        .env("DESK_INVOKE_MAX_BODY_SIZE", "lots")
        .args(get)
        .expect_exit(2)
        .stderr_has("DESK_INVOKE_MAX_BODY_SIZE")
        .run();
    assert!(stdout_of(&out).is_empty());
    assert_eq!(server.requests().len(), requests, "refused before sending");
}

/// A server that ignores `from` and serves page A, then B, then A again: each page is new
/// when it comes, but the third is not. Both paged readers stop there.
#[test]
fn a_page_seen_before_stops_the_listing() {
    let sandbox = Sandbox::new();
    let page = |name: &str| -> Vec<serde_json::Value> {
        (0..100)
            .map(|i| json!({"key": format!("{name}{i}"), "queriableValue": "g", "value": {}}))
            .collect()
    };
    let pages = [page("a"), page("b")];
    let served = Arc::new(AtomicUsize::new(0));
    let count = served.clone();
    let alternating = Hostile::start(move |_| {
        let n = count.fetch_add(1, Ordering::SeqCst);
        Answer::envelope(200, &json!({ "data": pages[n % 2] }))
    });
    let listings: [&[&str]; 2] = [
        &[
            "storage",
            "get",
            "--queriable-value",
            "g",
            "--all",
            "-o",
            "ndjson",
        ],
        &[
            "invoke",
            "--url",
            "/api/v1/things",
            "--paginate",
            "-o",
            "ndjson",
        ],
    ];
    for args in listings {
        served.store(0, Ordering::SeqCst);
        let before = alternating.requests().len();
        let started = Instant::now();
        let out = sandbox
            .desk_against(&alternating.url, args)
            .expect_error(5)
            .no_secret_leaks()
            .stderr_has("ignores paging")
            .run();
        assert_eq!(
            alternating.requests().len() - before,
            3,
            "{args:?}: stopped at the first page seen before"
        );
        assert_eq!(stdout_of(&out).lines().count(), 200, "{args:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}

#[test]
fn paging_offsets_never_wrap() {
    let sandbox = Sandbox::new();
    let full = Hostile::start(|_| Answer::envelope(200, &json!({ "data": [1, 2, 3] })));
    sandbox
        .desk_against(
            &full.url,
            &["invoke", "--url", "/api/v1/things", "--paginate"],
        )
        .args([
            "--query-params",
            r#"{"from": "18446744073709551600", "limit": 100}"#,
        ])
        .expect_error(2)
        .no_secret_leaks()
        .stderr_has("largest offset")
        .run();
    assert!(full.requests().is_empty(), "refused before sending");
}

#[test]
fn out_of_range_durations_are_refused() {
    let sandbox = Sandbox::new();
    let server = Hostile::start(|_| Answer::envelope(200, &json!({ "data": [] })));
    let items = sandbox.write("items.ndjson", "{\"key\":\"k\",\"value\":{}}\n");
    let items = items.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec![
            "--timeout",
            "18446744073709551615s",
            "storage",
            "get",
            "--key",
            "k",
        ],
        vec!["--timeout", "25h", "storage", "get", "--key", "k"],
        vec![
            "storage",
            "put",
            "--file",
            items,
            "--rate",
            "1/18446744073709551615s",
        ],
        vec![
            "storage",
            "put",
            "--file",
            items,
            "--rate",
            "1/18000000000000000000s",
        ],
        vec![
            "storage",
            "get",
            "--queriable-value",
            "g",
            "--all",
            "--rate",
            "1/25h",
        ],
        vec![
            "invoke",
            "--url",
            "/x",
            "--paginate",
            "--rate",
            "1/99999999999999h",
        ],
        vec![
            "emulator",
            "--in-memory",
            "--latency",
            "18446744073709551615s",
        ],
        vec!["emulator", "--in-memory", "--rate-window", "1000000h"],
    ];
    for args in cases {
        let out = sandbox.against(&server.url).args(&args).output().unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("longest duration"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    assert!(server.requests().is_empty(), "refused before sending");
}

/// A 429 whose Retry-After is longer than `--timeout` leaves is reported at once as the 429
/// it is (exit 4), by every paced and unpaced reader, instead of being waited for (or worse,
/// waited for ten times and then called a timeout).
#[test]
fn a_rate_limit_longer_than_the_timeout_is_reported_at_once() {
    let sandbox = Sandbox::new();
    let outer = Hostile::start(|_| Answer::Reply {
        status: 429,
        headers: vec![("Retry-After", "99999".into())],
        body: Vec::new(),
    });
    let inner = Hostile::start(|_| {
        Answer::json(
            200,
            &json!({"statusCode": 429, "response": "{}", "responseHeaders": {"Retry-After": "99999"}}),
        )
    });
    let items: String = (0..20)
        .map(|i| {
            json!({"key": format!("k{i}"), "queriableValue": "g", "value": {}}).to_string() + "\n"
        })
        .collect();
    let items = sandbox.write("items.ndjson", items);
    let items = items.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["storage", "get", "--key", "k"],
        &["storage", "get", "--queriable-value", "g", "--all"],
        &["invoke", "--url", "/api/v1/things", "--paginate"],
        &[
            "storage",
            "put",
            "--file",
            items,
            "--batch",
            "1",
            "--concurrency",
            "4",
        ],
    ];
    for server in [&outer, &inner] {
        for args in commands {
            let started = Instant::now();
            let out = sandbox
                .against(&server.url)
                .args(["--timeout", "5s"])
                .args(args)
                .output()
                .unwrap();
            let stderr = stderr_of(&out);
            let bulk = args[1] == "put";
            assert_eq!(
                out.status.code(),
                Some(if bulk { 7 } else { 4 }),
                "{args:?}: {stderr}"
            );
            assert!(stderr.contains("429"), "{args:?}: {stderr}");
            assert!(!stderr.contains("timed out"), "{args:?}: {stderr}");
            assert!(
                started.elapsed() < Duration::from_secs(4),
                "{args:?} took {:?}",
                started.elapsed()
            );
        }
    }
}

/// Short Retry-After pauses are waited for, but all of them together stay within
/// `--timeout`: the one that no longer fits is reported as the 429.
#[test]
fn rate_limit_pauses_count_against_the_timeout() {
    let sandbox = Sandbox::new();
    let busy = Hostile::start(|_| Answer::Reply {
        status: 429,
        headers: vec![("Retry-After", "1".into())],
        body: Vec::new(),
    });
    for args in [
        &["storage", "get", "--queriable-value", "g", "--all"][..],
        &["invoke", "--url", "/api/v1/things", "--paginate"],
    ] {
        let started = Instant::now();
        sandbox
            .desk_against(&busy.url, &["--timeout", "3s"])
            .args(args)
            .expect_error(4)
            .no_secret_leaks()
            .stderr_has("--timeout")
            .run();
        let took = started.elapsed();
        assert!(
            took >= Duration::from_secs(2),
            "the short pauses were waited: {took:?}"
        );
        assert!(took < Duration::from_secs(5), "{args:?} took {took:?}");
    }
}

/// An HTTP 200 that is not an invoke envelope (a proxy's login page, compressed bytes, an
/// empty body) is a server fault, exit 5, and is not printed as the called API's answer.
#[test]
fn a_reply_that_is_not_an_invoke_answer_is_a_server_fault() {
    let sandbox = Sandbox::new();
    let answers: Vec<(&str, Vec<u8>)> = vec![
        (
            "text/html",
            b"<html><title>Sign in</title>\x1b]0;owned\x07</html>".to_vec(),
        ),
        (
            "application/octet-stream",
            vec![0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00],
        ),
        ("application/json", b"{\"data\": [1, 2]}".to_vec()),
        ("text/plain", Vec::new()),
    ];
    for (content_type, body) in answers {
        let shown = body.clone();
        let server = Hostile::start(move |_| Answer::Reply {
            status: 200,
            headers: vec![("Content-Type", content_type.into())],
            body: body.clone(),
        });
        for args in [
            &["invoke", "--url", "/api/v1/tickets"][..],
            &["invoke", "--url", "/api/v1/tickets", "--envelope"],
        ] {
            let out = sandbox
                .desk_against(&server.url, args)
                .expect_error(5)
                .no_secret_leaks()
                .run();
            let stderr = stderr_of(&out);
            assert!(stderr.contains("not an invoke answer"), "{stderr}");
            assert!(stderr.contains(content_type), "{stderr}");
            assert!(!stderr.contains('\x1b'), "{stderr:?}");
            assert!(stdout_of(&out).is_empty(), "{shown:?}: {}", stdout_of(&out));
        }
    }
}

/// An invoke answer whose statusCode is missing or unreadable says nothing of how the called
/// API fared: a server fault (exit 5), never taken for success.
#[test]
fn an_invoke_answer_without_a_readable_status_code_is_a_server_fault() {
    let sandbox = Sandbox::new();
    for envelope in [
        json!({"statusCode": "abc", "response": "x"}),
        json!({"response": "x"}),
        json!({"statusCode": 99999, "response": "x"}),
        json!({"statusCode": null, "response": "{}"}),
    ] {
        let server = Hostile::start(move |_| Answer::json(200, &envelope));
        let out = sandbox
            .desk_against(&server.url, &["invoke", "--url", "/api/v1/tickets"])
            .expect_error(5)
            .no_secret_leaks()
            .run();
        assert!(
            stderr_of(&out).contains("no readable statusCode"),
            "{}",
            stderr_of(&out)
        );
        assert!(stdout_of(&out).is_empty(), "{}", stdout_of(&out));
    }
}
