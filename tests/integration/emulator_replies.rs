//! Replies as Desk sends them, and the journal that tells CI what happened: one test per row
//! R1–R9 of docs/desk-behaviour.md, against the emulator over HTTP.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::time::{Duration, Instant};

const STORAGE: &str = STORAGE_API;
const LOGS: &str = "/api/v1/extensionLogs";

/// `invoke -o json`: the body as the client decodes it.
fn decoded(sandbox: &Sandbox, url: &str, args: &[&str]) -> Value {
    let out = sandbox
        .against(url)
        .args(["invoke", "-o", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|_| Value::from(stdout_of(&out)))
}

/// The emulator's journal as `GET /_emulator/requests` lists it.
fn journal(url: &str) -> Vec<Value> {
    let body = runtime()
        .block_on(async {
            reqwest::get(format!("{url}/_emulator/requests"))
                .await?
                .text()
                .await
        })
        .unwrap();
    match serde_json::from_str::<Value>(&body).unwrap() {
        Value::Array(records) => records,
        other => panic!("not a list of records: {other}"),
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn every_reply_comes_in_the_shape_captured_from_desk_by_default() {
    let sandbox = Sandbox::new();
    let api = Hostile::start(|_| Answer::json(201, &json!({"id": 7})));
    let stubs = sandbox.write(
        "stubs.json",
        json!([{"url": "https://api.example.test/plain*", "body": "pong"}]).to_string(),
    );
    let emulator = sandbox.start_emulator(&["--stub", stubs.to_str().unwrap()]);
    let url = &emulator.base_url;
    let forwarded = format!("{}/things", api.url);
    let cases: [(&[&str], u64, Value); 3] = [
        (
            &["--url", STORAGE, "--query", "key=none"],
            200,
            json!({"data": []}),
        ),
        (
            &["--url", "https://api.example.test/plain"],
            200,
            json!("pong"),
        ),
        (&["--url", &forwarded, "-X", "POST"], 201, json!({"id": 7})),
    ];
    for (args, status, body) in cases {
        assert_eq!(
            invoke_envelope(&sandbox, url, args),
            (status, json!({"statusMessage": body, "status": "true"})),
            "{args:?}"
        );
        assert_eq!(decoded(&sandbox, url, args), body, "{args:?}");
    }
    assert_eq!(api.requests().len(), 2, "the forwarded call went out");
}

#[test]
fn mixed_takes_every_shape_in_turn_and_the_client_reads_each() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--response-wrap", "mixed"]);
    let url = &emulator.base_url;
    let stored = json!({"key": "k", "queriableValue": "g", "value": {"a": 1}});
    sandbox
        .against(url)
        .args([
            "storage",
            "put",
            "k",
            r#"{"a":1}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let listing = json!({"data": [stored]});
    let shapes: Vec<Value> = (0..4)
        .map(|_| invoke_envelope(&sandbox, url, &["--url", STORAGE, "--query", "key=k"]).1)
        .collect();
    // The put was reply 0 (none); the reads are replies 1-4: object, string, status, and
    // Zoho's sample (the body as it is, statusCode "200").
    assert_eq!(
        shapes,
        [
            json!({"statusMessage": listing}),
            json!({"statusMessage": listing.to_string()}),
            json!({"statusMessage": listing, "status": "true"}),
            listing.clone(),
        ]
    );
    for _ in 0..5 {
        let out = sandbox
            .against(url)
            .args(["storage", "get", "--key", "k", "-o", "json"])
            .output()
            .unwrap();
        let items: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(items, json!([stored]), "{}", stderr_of(&out));
    }
}

#[test]
fn log_replies_carry_the_published_fields() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--response-wrap", "none"]);
    let url = &emulator.base_url;
    let body = json!({"reference": "r1", "description": "d", "installationId": "{{installationId}}", "title": "t"});
    let (status, log) = invoke_envelope(
        &sandbox,
        url,
        &[
            "--url",
            LOGS,
            "-X",
            "POST",
            "--post-body",
            &body.to_string(),
        ],
    );
    assert_eq!(status, 200, "{log}");
    let published = [
        "parentLogId",
        "extensionName",
        "description",
        "logId",
        "installationId",
        "title",
        "logTime",
    ];
    for field in published {
        assert!(log[field].is_string(), "{field} in {log}");
    }
    assert_eq!(
        (log["title"].as_str(), log["description"].as_str()),
        (Some("t"), Some("d"))
    );
    assert_eq!(log["installationId"], "1000000000001");
    let time = log["logTime"].as_str().unwrap();
    assert!(humantime::parse_rfc3339(time).is_ok(), "{time}");
    let (_, listing) = invoke_envelope(&sandbox, url, &["--url", LOGS, "--query", "reference=r1"]);
    assert_eq!(listing["data"][0]["logId"], log["logId"]);
    for field in published {
        assert!(
            listing["data"][0].get(field).is_some(),
            "{field} in {listing}"
        );
    }
    // The client still reads the reply.
    let out = sandbox
        .against(url)
        .args(["log", "--title", "again", "--reference", "r1", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stdout_of(&out).contains(log["logId"].as_str().unwrap()),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn a_missing_or_null_queriable_value_is_refused_and_put_without_a_group_uses_the_key() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    for item in [
        json!({"key": "k", "value": {}}),
        json!({"key": "k", "queriableValue": null, "value": {}}),
    ] {
        let (status, body) = invoke_envelope(
            &sandbox,
            url,
            &[
                "--url",
                STORAGE,
                "-X",
                "POST",
                "--post-body",
                &item.to_string(),
            ],
        );
        let error = &body["statusMessage"];
        assert_eq!(
            (status, error["errorCode"].as_str()),
            (400, Some("INVALID_DATA")),
            "{item}"
        );
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("queriableValue"),
            "{body}"
        );
    }
    // `storage put KEY VALUE` without a group sends the key as the queriableValue, so the
    // line a newcomer types first is one Desk accepts.
    let out = sandbox
        .against(url)
        .args(["storage", "put", "greeting", r#"{"hello":"world"}"#])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let group = sandbox
        .against(url)
        .args([
            "storage",
            "get",
            "--queriable-value",
            "greeting",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let items: Value = serde_json::from_str(&stdout_of(&group)).unwrap();
    assert_eq!(
        items,
        json!([{"key": "greeting", "queriableValue": "greeting", "value": {"hello": "world"}}])
    );
}

#[test]
fn a_value_takes_at_most_5_1_kb() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    // {"a":"…"} is 8 bytes around the text.
    let value = |bytes: usize| json!({"a": "x".repeat(bytes - 8)}).to_string();
    let put = |text: &str| {
        sandbox
            .against(url)
            .args(["storage", "put", "k", text, "--queriable-value", "g"])
            .output()
            .unwrap()
    };
    assert!(put(&value(5120)).status.success());
    let before = journal(url).len();
    let out = put(&value(5121));
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert_eq!(journal(url).len(), before, "refused before sending");
    let item = json!({"key": "k", "queriableValue": "g", "value": serde_json::from_str::<Value>(&value(5121)).unwrap()});
    let (status, body) = invoke_envelope(
        &sandbox,
        url,
        &[
            "--url",
            STORAGE,
            "-X",
            "POST",
            "--post-body",
            &item.to_string(),
        ],
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("5120"), "{body}");
}

#[test]
fn a_call_needs_a_request_type_and_a_full_url() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let full = format!("https://desk.zoho.com{STORAGE}");
    let cases = [
        (vec![("requestURL", full.as_str())], "MISSING_REQUEST_TYPE"),
        (
            vec![("requestURL", STORAGE), ("requestType", "GET")],
            "INVALID_REQUEST_URL",
        ),
    ];
    for (fields, code) in cases {
        let string_to_hash: Vec<String> = fields.iter().map(|(n, v)| format!("{n}={v}")).collect();
        let hash = openssl_hmac(SECRET, string_to_hash.join("&").as_bytes());
        let form: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields.iter().copied())
            .append_pair("securityContext", SECURITY_CONTEXT)
            .finish();
        let (status, body) = runtime().block_on(async {
            let reply = reqwest::Client::new()
                .post(format!(
                    "{}/api/v1/invoke?orgId={ORG_ID}",
                    emulator.base_url
                ))
                .header("HASH", hash)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form)
                .send()
                .await
                .unwrap();
            (
                reply.status().as_u16(),
                reply.json::<Value>().await.unwrap(),
            )
        });
        assert_eq!(
            (status, body["errorCode"].as_str()),
            (400, Some(code)),
            "{body}"
        );
    }
}

#[test]
fn send_callback_spells_the_header_hash_on_the_wire() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let capture = std::thread::spawn(move || {
        // Accepting is bounded too: a sender that never connects fails the test, not hangs it.
        listener.set_nonblocking(true).unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut stream = loop {
            match listener.accept() {
                Ok((stream, _)) => break stream,
                Err(_) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10))
                }
                Err(e) => panic!("no callback arrived: {e}"),
            }
        };
        stream.set_nonblocking(false).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut seen = Vec::new();
        let mut chunk = [0u8; 4096];
        let started = Instant::now();
        // Until the head and the body (a JSON object) are in; bounded in time and size.
        while !(seen.windows(4).any(|w| w == b"\r\n\r\n") && seen.ends_with(b"}"))
            && started.elapsed() < Duration::from_secs(10)
            && seen.len() < 64 * 1024
        {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&chunk[..n]),
            }
        }
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        String::from_utf8_lossy(&seen).into_owned()
    });
    let sandbox = Sandbox::new();
    let out = sandbox
        .signed()
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .args([
            "send-callback",
            "--event",
            "onInstall",
            "--to",
            &format!("http://127.0.0.1:{port}/cb"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).starts_with("200"), "{}", stdout_of(&out));
    let wire = capture.join().unwrap();
    let (head, body) = wire.split_once("\r\n\r\n").unwrap();
    let hash = openssl_hmac(SECRET, body.as_bytes());
    assert!(head.starts_with("POST /cb HTTP/1.1\r\n"), "{head}");
    assert!(head.contains(&format!("\r\nHASH: {hash}")), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("\r\ncontent-type: application/json"),
        "{head}"
    );
}

#[test]
fn the_journal_tells_query_params_connection_and_installation() {
    let sandbox = Sandbox::new();
    let file = sandbox.path("journal.ndjson");
    let stubs = sandbox.write(
        "stubs.json",
        json!([{"url": "https://api.example.test/*", "body": {"ok": true}}]).to_string(),
    );
    let emulator = sandbox.start_emulator(&[
        "--journal",
        file.to_str().unwrap(),
        "--stub",
        stubs.to_str().unwrap(),
        "--connection",
        "crm=Authorization: Bearer t",
    ]);
    let url = &emulator.base_url;
    decoded(
        &sandbox,
        url,
        &[
            "--url",
            "https://api.example.test/issues",
            "--query-params",
            r#"{"state":"open"}"#,
            "--connection-link-name",
            "crm",
        ],
    );
    let in_memory = journal(url);
    let from_file: Vec<Value> = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    for records in [&in_memory, &from_file] {
        let record = records.last().unwrap();
        assert_eq!(record["queryParams"], json!({"state": "open"}), "{record}");
        assert_eq!(record["connectionLinkName"], "crm", "{record}");
        assert_eq!(record["installationId"], "1000000000001", "{record}");
    }
}
