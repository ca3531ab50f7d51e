//! One test per row of docs/desk-behaviour.md, against the emulator over HTTP: the emulator
//! behaves as Zoho publishes Desk behaving, and chooses the safe thing where nothing is
//! published.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};

const STORAGE: &str = STORAGE_API;

/// The called API's answer through `invoke --envelope`: (statusCode, decoded response).
fn call(sandbox: &Sandbox, url: &str, args: &[&str]) -> (u64, Value) {
    let (status, body) = invoke_envelope(sandbox, url, args);
    // The default shape, as captured from Desk, wraps the body: row 2 tests the shapes.
    match body {
        Value::Object(mut wrapped) if wrapped.contains_key("status") => (
            status,
            wrapped.remove("statusMessage").unwrap_or(Value::Null),
        ),
        body => (status, body),
    }
}

fn get(sandbox: &Sandbox, url: &str, query: &Value) -> (u64, Value) {
    call(
        sandbox,
        url,
        &["--url", STORAGE, "--query-params", &query.to_string()],
    )
}

fn post(sandbox: &Sandbox, url: &str, body: &Value) -> (u64, Value) {
    call(
        sandbox,
        url,
        &[
            "--url",
            STORAGE,
            "-X",
            "POST",
            "--post-body",
            &body.to_string(),
        ],
    )
}

fn group(n: usize, name: &str) -> Vec<Value> {
    (0..n)
        .map(
            |i| json!({"key": format!("{name}-{i:03}"), "queriableValue": name, "value": {"n": i}}),
        )
        .collect()
}

#[test]
fn invoke_is_signed_over_the_fields_sent() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let (status, _) = get(&sandbox, &emulator.base_url, &json!({"key": "k"}));
    assert_eq!(status, 200);
    Run::of(sandbox.against(&emulator.base_url))
        .env("DESK_INVOKE_SECRET", "another-secret")
        .args(["invoke", "--url", STORAGE, "--query", "key=k"])
        .expect_error(4)
        .hides("another-secret")
        .hides(SECURITY_CONTEXT)
        .stderr_has("INVALID_HASH")
        .run();
}

#[test]
fn answers_come_in_every_published_shape() {
    for wrap in ["none", "object", "string"] {
        let sandbox = Sandbox::new();
        let emulator = sandbox.start_emulator(&["--response-wrap", wrap]);
        sandbox
            .against(&emulator.base_url)
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
        let out = sandbox
            .against(&emulator.base_url)
            .args(["storage", "get", "--key", "k", "-o", "raw"])
            .output()
            .unwrap();
        assert_eq!(stdout_of(&out).trim(), r#"{"a":1}"#, "{wrap}");
    }
}

#[test]
fn a_storage_read_needs_a_filter() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let (status, body) = get(&sandbox, &emulator.base_url, &json!({"from": 0}));
    assert_eq!(status, 400);
    assert_eq!(body["errorCode"], "INVALID_DATA");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("key or a queriableValue"));
}

#[test]
fn storage_pages_from_zero_by_twenty() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    for chunk in group(25, "p").chunks(10) {
        assert_eq!(post(&sandbox, url, &Value::Array(chunk.to_vec())).0, 200);
    }
    let (_, first) = get(
        &sandbox,
        url,
        &json!({"queriableValue": "p", "from": 0, "limit": 1}),
    );
    assert_eq!(first["data"][0]["key"], "p-000", "from 0 is the first item");
    let (_, default) = get(&sandbox, url, &json!({"queriableValue": "p"}));
    assert_eq!(default["data"].as_array().unwrap().len(), 20);
    let (_, rest) = get(&sandbox, url, &json!({"queriableValue": "p", "from": 20}));
    assert_eq!(rest["data"].as_array().unwrap().len(), 5);
    let (status, _) = get(&sandbox, url, &json!({"queriableValue": "p", "limit": 101}));
    assert_eq!(status, 400, "a limit above 100 is refused, not capped");
}

#[test]
fn listings_are_stable_across_updates() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    post(&sandbox, url, &Value::Array(group(5, "s")));
    post(
        &sandbox,
        url,
        &json!({"key": "s-001", "queriableValue": "s", "value": {"n": 100}}),
    );
    let (_, page) = get(&sandbox, url, &json!({"queriableValue": "s"}));
    let keys: Vec<&str> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["s-000", "s-001", "s-002", "s-003", "s-004"]);
    assert_eq!(page["data"][1]["value"]["n"], 100);
}

#[test]
fn writes_take_one_item_or_up_to_ten() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let ten = group(10, "b");
    let (status, answer) = post(&sandbox, url, &Value::Array(ten.clone()));
    assert_eq!((status, answer), (200, Value::Array(ten)));
    let (status, answer) = post(
        &sandbox,
        url,
        &json!({"key": "one", "queriableValue": "g", "value": {}}),
    );
    assert_eq!(status, 200);
    assert!(
        answer.is_object(),
        "one object in, one object out: {answer}"
    );
    let (status, _) = post(&sandbox, url, &Value::Array(group(11, "c")));
    assert_eq!(status, 400, "eleven is too many");
    let mut mixed = group(3, "d");
    mixed.push(json!({"key": "bad key", "value": {}}));
    assert_eq!(post(&sandbox, url, &Value::Array(mixed)).0, 400);
    let (_, none) = get(&sandbox, url, &json!({"queriableValue": "d"}));
    assert_eq!(none["data"], json!([]), "all or nothing");
}

#[test]
fn keys_follow_the_published_characters_and_hyphens() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    for key in ["color-red-data-id-278783", "a,b_c:d", &"k".repeat(50)] {
        let (status, _) = post(
            &sandbox,
            url,
            &json!({"key": key, "queriableValue": "color-red-datas", "value": {}}),
        );
        assert_eq!(status, 200, "{key}");
    }
    for key in ["a b", "a/b", "é", &"k".repeat(51), ""] {
        let (status, body) = post(
            &sandbox,
            url,
            &json!({"key": key, "queriableValue": "g", "value": {}}),
        );
        assert_eq!(
            (status, body["errorCode"].as_str()),
            (400, Some("INVALID_DATA")),
            "{key}"
        );
    }
}

#[test]
fn values_are_objects_of_bounded_size() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    // 5.1 KB ("Create Data Storage"), read as 5,120 bytes of compact JSON.
    let fits = json!({"a": "x".repeat(5120 - 8)});
    assert_eq!(
        post(
            &sandbox,
            url,
            &json!({"key": "k", "queriableValue": "g", "value": fits})
        )
        .0,
        200
    );
    let big = json!({"a": "x".repeat(5120 - 7)});
    assert_eq!(
        post(
            &sandbox,
            url,
            &json!({"key": "k", "queriableValue": "g", "value": big})
        )
        .0,
        400
    );
    assert_eq!(
        post(
            &sandbox,
            url,
            &json!({"key": "k", "queriableValue": "g", "value": [1]})
        )
        .0,
        400
    );
}

#[test]
fn unknown_item_fields_are_refused() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let (status, body) = post(
        &sandbox,
        &emulator.base_url,
        &json!({"key": "k", "queriable_value": "q", "value": {}}),
    );
    assert_eq!(status, 400);
    assert!(
        body["message"].as_str().unwrap().contains("queriableValue"),
        "{body}"
    );
}

#[test]
fn rate_limits_are_enforced_per_class() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--rate-limits", "desk", "--rate-window", "30s"]);
    let url = &emulator.base_url;
    // 50 writes pass, the 51st is refused; reads and deletes have budgets of their own.
    for i in 0..50 {
        let (status, _) = post(
            &sandbox,
            url,
            &json!({"key": format!("w{i}"), "queriableValue": "g", "value": {}}),
        );
        assert_eq!(status, 200, "write {i}");
    }
    let refused = sandbox
        .against(url)
        .args(["--retries", "0", "invoke", "--url", STORAGE, "-X", "POST"])
        .args([
            "--post-body",
            r#"{"key":"w50","queriableValue":"g","value":{}}"#,
        ])
        .output()
        .unwrap();
    assert_clean_failure(&refused, 4, &[SECRET, SECURITY_CONTEXT]);
    assert_eq!(get(&sandbox, url, &json!({"key": "w0"})).0, 200);
    let (status, _) = call(
        &sandbox,
        url,
        &["--url", STORAGE, "-X", "DELETE", "--query", "key=w0"],
    );
    assert_eq!(status, 200);
    let stats: Value = serde_json::from_str(&http_get(&format!("{url}/_emulator/stats"))).unwrap();
    assert_eq!(stats["rateLimited"], 1, "{stats}");
    assert_eq!(stats["byStatus"]["429"], 1, "{stats}");
}

/// A bulk put that runs into Desk's limit (no --rate given: loopback is unpaced) waits
/// out the 429s and finishes: every item stored, exit 0, and the emulator saw the refusals.
#[test]
fn a_bulk_put_over_the_limit_waits_and_finishes() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--rate-limits", "desk", "--rate-window", "1s"]);
    let url = &emulator.base_url;
    let items: String = (0..120)
        .map(|i| {
            format!(
                "{}\n",
                json!({"key": format!("b{i}"), "queriableValue": "bulk", "value": {"i": i}})
            )
        })
        .collect();
    let file = sandbox.write("items.ndjson", items);
    sandbox
        .desk_against(
            url,
            &[
                "storage",
                "put",
                "--file",
                file.to_str().unwrap(),
                "--batch",
                "1",
            ],
        )
        .stderr_has("120 stored, 0 failed")
        .run();
    let count = sandbox
        .against(url)
        .args(["storage", "count", "--queriable-value", "bulk"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&count).trim(), "120");
    let stats: Value = serde_json::from_str(&http_get(&format!("{url}/_emulator/stats"))).unwrap();
    let limited = stats["rateLimited"].as_u64().unwrap();
    assert!(limited >= 1, "the limit was reached: {stats}");
    assert_eq!(
        stats["byStatus"]["429"].as_u64().unwrap(),
        limited,
        "{stats}"
    );
}

#[test]
fn a_limited_request_says_when_to_come_back() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--rate-limits", "desk", "--rate-window", "30s"]);
    let url = &emulator.base_url;
    for i in 0..50 {
        assert_eq!(
            post(
                &sandbox,
                url,
                &json!({"key": format!("k{i}"), "queriableValue": "g", "value": {}})
            )
            .0,
            200
        );
    }
    let out = sandbox
        .against(url)
        .args([
            "invoke",
            "--envelope",
            "-o",
            "json",
            "--url",
            STORAGE,
            "-X",
            "POST",
        ])
        .args([
            "--post-body",
            r#"{"key":"over","queriableValue":"g","value":{}}"#,
        ])
        .args(["--retries", "0"])
        .output()
        .unwrap();
    let envelope: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(envelope["statusCode"], 429);
    let retry_after: f64 = envelope["responseHeaders"]["Retry-After"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1.0..=30.0).contains(&retry_after), "{retry_after}");
    // In the default shape captured from Desk, a failure's status is "false" (inferred).
    let body: Value = serde_json::from_str(envelope["response"].as_str().unwrap()).unwrap();
    assert_eq!(body["status"], "false");
    assert_eq!(body["statusMessage"]["errorCode"], "TOO_MANY_REQUESTS");
}

#[test]
fn deleting_twice_is_harmless() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    post(
        &sandbox,
        url,
        &json!({"key": "k", "queriableValue": "g", "value": {}}),
    );
    let delete = || {
        call(
            &sandbox,
            url,
            &["--url", STORAGE, "-X", "DELETE", "--query", "key=k"],
        )
    };
    assert_eq!(delete(), (200, json!({"key": "k", "deleted": true})));
    assert_eq!(delete(), (200, json!({"key": "k", "deleted": false})));
}

#[test]
fn placeholders_go_where_zoho_says() {
    let sandbox = Sandbox::new();
    let resources = sandbox.write(
        "resources.json",
        r#"{"Priority": {"id": "4000000001", "apiName": "cf_priority"}}"#,
    );
    let echo = Hostile::start(|request| {
        Answer::json(
            200,
            &json!({"target": request.target, "headers": request.headers, "body": String::from_utf8_lossy(&request.body)}),
        )
    });
    let emulator = sandbox.start_emulator(&["--resources", resources.to_str().unwrap()]);
    let url = &emulator.base_url;
    sandbox
        .against(url)
        .args(["config", "set", "region=eu"])
        .assert()
        .success();
    let (status, echoed) = call(
        &sandbox,
        url,
        &[
            "--url",
            &format!(
                "{}/{{{{installationId}}}}/{{{{fields.Priority.id}}}}",
                echo.url
            ),
            "-X",
            "POST",
            "--query",
            "r={{region}}",
            "-H",
            "X-Field: {{fields.Priority.apiName}}",
            "--post-body",
            r#"{"i":"{{installationId}}","r":"{{region}}","f":"{{fields.Priority.apiName}}"}"#,
        ],
    );
    assert_eq!(status, 200, "{echoed}");
    assert_eq!(echoed["target"], "/1000000000001/4000000001?r=eu");
    let headers = echoed["headers"].to_string();
    assert!(headers.contains("cf_priority"), "{headers}");
    assert_eq!(
        echoed["body"],
        r#"{"i":"{{installationId}}","r":"{{region}}","f":"cf_priority"}"#
    );
}

#[test]
fn unknown_placeholders_are_not_guessed() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    sandbox
        .desk_against(
            &emulator.base_url,
            &["invoke", "--url", "https://{{nowhere}}/x"],
        )
        .expect_error(4)
        .no_secret_leaks()
        .stderr_has("UNRESOLVED_PLACEHOLDER")
        .run();
}

#[test]
fn permissions_carry_is_enabled() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--permission", "canEdit=true"]);
    let (status, body) = call(
        &sandbox,
        &emulator.base_url,
        &[
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/myCustomPermissions",
        ],
    );
    assert_eq!(
        (status, body),
        (
            200,
            json!({"data": [{"apiName": "canEdit", "isEnabled": true}]})
        )
    );
}

#[test]
fn config_params_round_trip() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    sandbox
        .against(url)
        .args(["config", "set", "a=1", "b=two words"])
        .assert()
        .success();
    let (status, body) = call(
        &sandbox,
        url,
        &[
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/configParams",
        ],
    );
    assert_eq!(status, 200);
    assert_eq!(
        body["data"][1],
        json!({"name": "b", "value": "two words", "secure": false})
    );
}

#[test]
fn logs_know_their_installation() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    for installation in [
        json!("{{installationId}}"),
        json!("1000000000001"),
        Value::Null,
    ] {
        let mut body = json!({"title": "t", "reference": "r"});
        if !installation.is_null() {
            body["installationId"] = installation.clone();
        }
        let (status, answer) = call(
            &sandbox,
            url,
            &[
                "--url",
                "/api/v1/extensionLogs",
                "-X",
                "POST",
                "--post-body",
                &body.to_string(),
            ],
        );
        assert_eq!(status, 200, "{installation}: {answer}");
    }
    let body = json!({"title": "t", "installationId": "999"});
    let (status, _) = call(
        &sandbox,
        url,
        &[
            "--url",
            "/api/v1/extensionLogs",
            "-X",
            "POST",
            "--post-body",
            &body.to_string(),
        ],
    );
    assert_eq!(status, 404, "another installation's log is refused");
}

#[test]
fn callbacks_are_signed_over_the_raw_body() {
    let sandbox = Sandbox::new();
    let receiver = Hostile::start(|_| Answer::json(200, &json!({})));
    sandbox
        .against("http://127.0.0.1:9")
        .args([
            "send-callback",
            "--event",
            "onInstall",
            "--to",
            &format!("{}/cb", receiver.url),
        ])
        .assert()
        .success();
    let request = &receiver.requests()[0];
    let hash = request
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("hash"))
        .map(|(_, v)| v.clone())
        .unwrap();
    assert_eq!(hash, openssl_hmac(SECRET, &request.body));
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body["event"], "onInstall");
}

#[test]
fn the_client_never_follows_a_redirect() {
    let sandbox = Sandbox::new();
    let redirecting = Hostile::start(|_| Answer::Reply {
        status: 307,
        headers: vec![("Location", "http://localhost:9/elsewhere".into())],
        body: Vec::new(),
    });
    sandbox
        .desk_against(&redirecting.url, &["storage", "get", "--key", "k"])
        .expect_error(4)
        .no_secret_leaks()
        .run();
    assert_eq!(redirecting.requests().len(), 1);
}

/// Export → import → export of 1,000 items with hyphenated keys round-trips exactly, the
/// first item included, through NDJSON and through the JSON array `storage get` prints.
#[test]
fn a_thousand_hyphenated_items_round_trip() {
    let sandbox = Sandbox::new();
    let source = sandbox.start_emulator(&[]);
    let items: String = (0..1000)
        .map(|i| json!({"key": format!("color-red-data-id-{i:04}"), "queriableValue": "color-red-datas", "value": {"n": i, "big": 12345678901234567890123u128}}).to_string() + "\n")
        .collect();
    // One request at a time, so the listing order (insertion order) is the file's.
    sandbox
        .against(&source.base_url)
        .args(["storage", "put", "--file", "-", "--concurrency", "1"])
        .write_stdin(items.clone())
        .assert()
        .success();
    let same = |a: &[u8], b: &[u8], what: &str| {
        let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
        assert_eq!(a.lines().count(), b.lines().count(), "{what}: item count");
        let differ = a.lines().zip(b.lines()).position(|(x, y)| x != y);
        assert_eq!(differ, None, "{what}: the first line that differs");
    };
    let export = |url: &str, format: &str| {
        let out = sandbox
            .desk_against(
                url,
                &[
                    "storage",
                    "get",
                    "--queriable-value",
                    "color-red-datas",
                    "--all",
                    "-o",
                    format,
                ],
            )
            .run();
        out.stdout
    };
    let first = export(&source.base_url, "ndjson");
    assert_eq!(
        String::from_utf8_lossy(&first),
        items,
        "exported exactly as imported, in order"
    );
    for format in ["ndjson", "json"] {
        let target = sandbox.start_emulator(&[]);
        sandbox
            .against(&target.base_url)
            .args(["storage", "put", "--file", "-", "--concurrency", "1"])
            .write_stdin(export(&source.base_url, format))
            .assert()
            .success();
        same(&export(&target.base_url, "ndjson"), &first, format);
    }
}

/// A batch refused with a 4xx is sent again item by item: one bad item fails alone, and a
/// Desk that took no arrays would still get every item.
#[test]
fn refused_batches_fall_back_to_single_writes() {
    let sandbox = Sandbox::new();
    let no_arrays = Hostile::start(|request| {
        let body = request.field("postBody").unwrap_or_default();
        match body.trim_start().starts_with('[') {
            true => Answer::envelope(
                400,
                &json!({"errorCode": "INVALID_DATA", "message": "no arrays"}),
            ),
            false if body.contains("\"bad\"") => Answer::envelope(
                400,
                &json!({"errorCode": "INVALID_DATA", "message": "bad item"}),
            ),
            false => Answer::envelope(200, &serde_json::from_str::<Value>(&body).unwrap()),
        }
    });
    let items: String = (0..25)
        .map(|i| {
            let key = if i == 7 {
                "bad".to_string()
            } else {
                format!("k{i}")
            };
            json!({"key": key, "queriableValue": "g", "value": {}}).to_string() + "\n"
        })
        .collect();
    let failed = sandbox.path("failed");
    sandbox
        .desk_against(
            &no_arrays.url,
            &[
                "storage",
                "put",
                "--file",
                "-",
                "--concurrency",
                "1",
                "--failed",
            ],
        )
        .arg(&failed)
        .stdin(items)
        .expect_exit(7)
        .stderr_has("24 stored, 1 failed")
        .run();
    assert!(std::fs::read_to_string(&failed)
        .unwrap()
        .contains("\"bad\""));
    let requests = no_arrays.requests();
    let arrays = requests
        .iter()
        .filter(|r| r.field("postBody").unwrap_or_default().starts_with('['))
        .count();
    assert_eq!(arrays, 3, "25 items go 10 at a time first");
    assert_eq!(requests.len(), 3 + 25);
}
