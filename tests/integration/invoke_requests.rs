//! How `invoke` talks to a server: wrapped replies unwrapped, `--dry-run curl` equal to the
//! real call, redirects refused, the timeout bounding the whole request, `--paginate`.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

// Redirects are never followed: the securityContext and HASH stay where they were sent.
#[test]
fn redirects_are_refused() {
    let sandbox = Sandbox::new();
    let elsewhere = Hostile::start(|_| Answer::envelope(200, &json!({})));
    for status in [302, 307, 308] {
        let location = format!(
            "{}/api/v1/invoke?orgId=1",
            elsewhere.url.replace("127.0.0.1", "localhost")
        );
        let redirecting = Hostile::start(move |_| Answer::Reply {
            status,
            headers: vec![("Location", location.clone())],
            body: Vec::new(),
        });
        for args in [
            vec!["invoke", "--url", "/x"],
            vec!["storage", "get", "--key", "k"],
        ] {
            sandbox
                .desk_against(&redirecting.url, &args)
                .expect_error(4)
                .no_secret_leaks()
                .stderr_has("redirect to localhost")
                .run();
        }
        let handler = Hostile::start(move |_| Answer::Reply {
            status,
            headers: vec![("Location", "http://localhost:9/steal".into())],
            body: Vec::new(),
        });
        sandbox
            .desk_against(
                &handler.url,
                &["send-callback", "--event", "onInstall", "--to"],
            )
            .arg(format!("{}/callback", handler.url))
            .expect_error(4)
            .no_secret_leaks()
            .run();
    }
    assert!(elsewhere.requests().is_empty(), "a redirect was followed");
}

// --timeout bounds the whole request, retries and Retry-After waits included.
#[test]
fn the_timeout_bounds_the_whole_request() {
    let sandbox = Sandbox::new();
    let busy = Hostile::start(|_| Answer::Reply {
        status: 429,
        headers: vec![("Retry-After", "30".into())],
        body: Vec::new(),
    });
    let started = Instant::now();
    let out = sandbox
        .against(&busy.url)
        .args([
            "--timeout",
            "1s",
            "--retries",
            "2",
            "storage",
            "get",
            "--key",
            "k",
        ])
        .output()
        .unwrap();
    // A Retry-After longer than what is left is not waited for: the 429 is the answer.
    assert_clean_failure(&out, 4, &[SECRET, SECURITY_CONTEXT]);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(
        stderr_of(&out).contains("the whole request"),
        "{}",
        stderr_of(&out)
    );
    let silent = Hostile::start(|_| Answer::Silence);
    let started = Instant::now();
    sandbox
        .desk_against(
            &silent.url,
            &["--timeout", "1s", "storage", "get", "--key", "k"],
        )
        .expect_error(6)
        .no_secret_leaks()
        .run();
    assert!(started.elapsed() < Duration::from_secs(5));
    let trickle = Hostile::start(|_| Answer::Trickle);
    sandbox
        .desk_against(
            &trickle.url,
            &["--timeout", "1s", "storage", "get", "--key", "k"],
        )
        .expect_error(6)
        .no_secret_leaks()
        .run();
}

#[test]
fn replies_wrapped_in_status_message_are_unwrapped() {
    for wrap in ["object", "string", "status", "mixed"] {
        let sandbox = Sandbox::new();
        let emulator =
            sandbox.start_emulator(&["--response-wrap", wrap, "--permission", "canEdit=true"]);
        let url = &emulator.base_url;
        sandbox
            .against(url)
            .args([
                "storage",
                "put",
                "k1",
                r#"{"a":1}"#,
                "--queriable-value",
                "g",
            ])
            .assert()
            .success();
        let got = json_out(
            &sandbox
                .against(url)
                .args(["storage", "get", "--key", "k1"])
                .output()
                .unwrap(),
        );
        assert_eq!(
            got,
            json!([{"key": "k1", "queriableValue": "g", "value": {"a": 1}}]),
            "{wrap}"
        );
        sandbox
            .against(url)
            .args(["config", "set", "region=eu"])
            .assert()
            .success();
        let params = json_out(
            &sandbox
                .against(url)
                .args(["config", "get"])
                .output()
                .unwrap(),
        );
        assert_eq!(
            params,
            json!([{"name": "region", "value": "eu", "secure": false}]),
            "{wrap}"
        );
        sandbox
            .against(url)
            .args(["permissions", "check", "canEdit"])
            .assert()
            .success()
            .stdout("enabled\n");
        let log = sandbox
            .against(url)
            .args(["log", "--title", "wrapped"])
            .output()
            .unwrap();
        assert!(
            log.status.success() && !stdout_of(&log).trim().is_empty(),
            "{wrap}: {}",
            stderr_of(&log)
        );
        // An error reply is unwrapped too: the invalid key is caught by the emulator here
        // because it arrives through raw invoke.
        let out = sandbox
            .desk_against(
                url,
                &[
                    "invoke",
                    "--url",
                    "/api/v1/installedExtensions/{{installationId}}/storage",
                    "-X",
                    "GET",
                    "--query",
                    "key=bad key",
                ],
            )
            .expect_error(4)
            .no_secret_leaks()
            .run();
        assert!(
            stderr_of(&out).contains("INVALID_DATA"),
            "{wrap}: {}",
            stderr_of(&out)
        );
    }
}

#[test]
fn dry_run_curl_gives_the_same_answer() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    sandbox
        .against(url)
        .args([
            "storage",
            "put",
            "curl_key",
            r#"{"quote":"it's & = + ü"}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let args = [
        "invoke",
        "--url",
        "/api/v1/installedExtensions/{{installationId}}/storage",
        "-X",
        "GET",
        "--query",
        "key=curl_key",
        "-H",
        "orgId: 376723",
    ];
    let real = sandbox
        .against(url)
        .args(args)
        .arg("--envelope")
        .output()
        .unwrap();
    let dry = sandbox
        .against(url)
        .args(args)
        .arg("--dry-run")
        .output()
        .unwrap();
    let curl = stdout_of(&dry)
        .lines()
        .find(|l| l.starts_with("curl "))
        .expect("a curl line")
        .to_string();
    assert!(!curl.contains(SECURITY_CONTEXT));
    let ran = std::process::Command::new("bash")
        .args(["-c", &curl])
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let from_curl: Value = serde_json::from_slice(&ran.stdout).unwrap();
    assert_eq!(from_curl, json_out(&real));
    assert!(from_curl["response"]
        .as_str()
        .unwrap()
        .contains("it's & = + ü"));
}

#[ignore = "timing: run by .ci/run with --ignored"]
#[test]
fn latency_above_timeout_ends_in_exit_6_within_the_budget() {
    let sandbox = Sandbox::new();
    let slow = sandbox.start_emulator(&["--latency", "3s"]);
    let started = Instant::now();
    let out = sandbox
        .against(&slow.base_url)
        .args([
            "--timeout",
            "300ms",
            "--retries",
            "2",
            "storage",
            "get",
            "--key",
            "k",
        ])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    assert_clean_failure(&out, 6, &[SECRET, SECURITY_CONTEXT]);
    assert!(
        stderr_of(&out).contains("timed out after 300ms"),
        "{}",
        stderr_of(&out)
    );
    // --timeout bounds the whole request, retries included: one 300 ms budget, not three.
    assert!(
        stderr_of(&out).contains("the whole request"),
        "{}",
        stderr_of(&out)
    );
    assert!(elapsed < Duration::from_millis(1500), "took {elapsed:?}");
    assert!(
        elapsed >= Duration::from_millis(300),
        "gave up early: {elapsed:?}"
    );
}

#[test]
fn paginate_follows_a_list_and_stops_on_a_repeated_page() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let items: String = (0..250)
        .map(|i| {
            json!({"key": format!("p-{i:03}"), "queriableValue": "pages", "value": {"n": i}})
                .to_string()
                + "\n"
        })
        .collect();
    sandbox
        .against(&emulator.base_url)
        .args(["storage", "put", "--file", "-", "--concurrency", "1"])
        .write_stdin(items)
        .assert()
        .success();
    let out = sandbox
        .desk_against(
            &emulator.base_url,
            &[
                "invoke",
                "--url",
                "/api/v1/installedExtensions/{{installationId}}/storage",
            ],
        )
        .args([
            "--query",
            "queriableValue=pages",
            "--paginate",
            "-o",
            "ndjson",
        ])
        .run();
    let keys: Vec<String> = stdout_of(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["key"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(keys.len(), 250);
    assert_eq!(keys[0], "p-000");
    assert_eq!(keys[249], "p-249");
    let out = sandbox
        .against(&emulator.base_url)
        .args([
            "invoke",
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/storage",
        ])
        .args([
            "--query",
            "queriableValue=pages",
            "--paginate",
            "--max-items",
            "7",
        ])
        .output()
        .unwrap();
    let array: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array.as_array().unwrap().len(), 7);

    // A stand-in serving a few hundred items in pages of its own limit, and one ignoring from.
    let list = Hostile::start(|request| {
        let query = request.field("queryParams").unwrap_or_default();
        let params: Value = serde_json::from_str(&query).unwrap_or(json!({}));
        let from: usize = params["from"].as_str().unwrap_or("0").parse().unwrap();
        let limit: usize = params["limit"].as_str().unwrap_or("100").parse().unwrap();
        let data: Vec<Value> = (from..(from + limit).min(321))
            .map(|i| json!({"id": i}))
            .collect();
        Answer::envelope(200, &json!({"data": data}))
    });
    let out = sandbox
        .desk_against(
            &list.url,
            &[
                "invoke",
                "--url",
                "/api/v1/tickets",
                "--query",
                "limit=50",
                "--paginate",
                "-o",
                "ndjson",
            ],
        )
        .run();
    assert_eq!(stdout_of(&out).lines().count(), 321);
    assert_eq!(
        list.requests().len(),
        7,
        "every page signed and sent on its own"
    );
    let hashes: std::collections::BTreeSet<String> = list
        .requests()
        .iter()
        .map(|r| {
            r.headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("hash"))
                .unwrap()
                .1
                .clone()
        })
        .collect();
    assert_eq!(hashes.len(), 7);
    let stubborn =
        Hostile::start(|_| Answer::envelope(200, &json!({"data": [{"id": 1}, {"id": 2}]})));
    sandbox
        .desk_against(
            &stubborn.url,
            &[
                "invoke",
                "--url",
                "/api/v1/tickets",
                "--query",
                "limit=2",
                "--paginate",
            ],
        )
        .expect_error(5)
        .no_secret_leaks()
        .stderr_has("ignores paging")
        .run();
}

/// A listing that fails before its first item prints nothing on stdout: an empty `[]` would
/// read as "no items" to a script that checks only the output.
#[test]
fn paginate_prints_no_list_when_it_fails_first() {
    let sandbox = Sandbox::new();
    let url = format!("http://127.0.0.1:{}", free_port());
    let out = sandbox
        .desk_against(
            &url,
            &[
                "--retries",
                "0",
                "invoke",
                "--paginate",
                "--url",
                "/api/v1/tickets",
            ],
        )
        .expect_error(6)
        .no_secret_leaks()
        .run();
    assert_eq!(stdout_of(&out), "");
}
