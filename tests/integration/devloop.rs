//! The development loop (issue 14): `listen` for Desk's callbacks, `invoke --paginate` for
//! Desk's lists, and the emulator standing in for the APIs an extension calls (`--stub`,
//! the request journal). Binary against binary over real HTTP, and loopback stand-ins.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

/// A running `desk-invoke listen`, killed when dropped.
struct Listening {
    url: String,
    child: Child,
}

fn listen(sandbox: &Sandbox, extra: &[&str]) -> Listening {
    let port_file = sandbox.path(&format!("listen-{}.port", rand_suffix()));
    let child = Child(
        std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap())
            .env("HOME", sandbox.dir.path())
            .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
            .env("DESK_INVOKE_SECRET", SECRET)
            .args(["listen", "--addr", "127.0.0.1:0", "--port-file"])
            .arg(&port_file)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    for _ in 0..200 {
        if let Ok(port) = std::fs::read_to_string(&port_file) {
            if !port.trim().is_empty() {
                return Listening {
                    url: format!("http://127.0.0.1:{}/callback", port.trim()),
                    child,
                };
            }
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("listen did not start");
}

fn rand_suffix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
}

fn send(sandbox: &Sandbox, to: &str, secret: &str) -> std::process::Output {
    sandbox
        .cmd()
        .env("DESK_INVOKE_SECRET", secret)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .args(["send-callback", "--event", "onInstall", "--to", to])
        .output()
        .unwrap()
}

#[test]
fn listen_verifies_prints_forwards_and_saves() {
    let sandbox = Sandbox::new();
    let handler = Hostile::start(|_| Answer::json(200, &json!({"ok": true})));
    let mut listening = listen(
        &sandbox,
        &[
            "-p",
            "dev",
            "--save",
            "--once",
            "--forward-to",
            &format!("{}/mine", handler.url),
        ],
    );
    // A wrong secret: 401, nothing saved, still listening.
    let out = send(&sandbox, &listening.url, "not-the-secret");
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    // A tampered body: 401.
    let tampered = std::process::Command::new("curl")
        .args([
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "-X",
            "POST",
            "-H",
            "Content-Type: application/json",
        ])
        .args([
            "-H",
            &format!(
                "HASH: {}",
                openssl_hmac(SECRET, b"{\"event\":\"onInstall\"}")
            ),
        ])
        .args(["--data", "{\"event\":\"onUninstall\"}", &listening.url])
        .output()
        .expect("curl runs (.ci/run installs it)");
    assert_eq!(String::from_utf8_lossy(&tampered.stdout), "401");
    // The real thing: 200, printed, forwarded byte for byte, saved; --once ends it.
    let out = send(&sandbox, &listening.url, SECRET);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let status = listening.child.0.wait().unwrap();
    assert!(status.success());
    let mut stdout = String::new();
    BufReader::new(listening.child.0.stdout.take().unwrap())
        .read_line(&mut stdout)
        .unwrap();
    let event: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(event["event"], "onInstall");
    assert_eq!(event["securityContext"], "[redacted]");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut listening.child.0.stderr.take().unwrap(), &mut stderr)
        .unwrap();
    assert!(
        stderr.contains("INVALID") && stderr.contains("valid"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(SECURITY_CONTEXT) && !stderr.contains(SECRET),
        "{stderr}"
    );
    let relayed = handler.requests();
    assert_eq!(relayed.len(), 1);
    let hash = relayed[0]
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("hash"))
        .unwrap();
    assert_eq!(
        hash.1,
        openssl_hmac(SECRET, &relayed[0].body),
        "the bytes and HASH as sent"
    );
    let profiles = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(profiles.contains("[profiles.dev]"), "{profiles}");
    assert!(profiles.contains(SECURITY_CONTEXT), "{profiles}");
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
            "-o",
            "ndjson",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
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
        .against(&list.url)
        .args([
            "invoke",
            "--url",
            "/api/v1/tickets",
            "--query",
            "limit=50",
            "--paginate",
            "-o",
            "ndjson",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
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
    let out = sandbox
        .against(&stubborn.url)
        .args([
            "invoke",
            "--url",
            "/api/v1/tickets",
            "--query",
            "limit=2",
            "--paginate",
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, 5, &[SECRET, SECURITY_CONTEXT]);
    assert!(
        stderr_of(&out).contains("ignores paging"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn stubs_answer_and_the_journal_remembers() {
    let sandbox = Sandbox::new();
    let stubs = sandbox.write(
        "stubs.json",
        json!([
            {"method": "GET", "url": "https://desk.zoho.com/api/v1/tickets*", "status": 200,
             "headers": {"X-Stub": "yes"}, "body": {"data": [{"id": "1", "subject": "Printer on fire"}]}},
            {"url": "https://api.example.com/*", "status": 503, "body": "down"}
        ])
        .to_string(),
    );
    let journal = sandbox.path("journal.ndjson");
    let emulator = sandbox.start_emulator(&[
        "--stub",
        stubs.to_str().unwrap(),
        "--journal",
        journal.to_str().unwrap(),
    ]);
    let url = &emulator.base_url;
    let out = sandbox
        .against(url)
        .args([
            "invoke",
            "--url",
            "https://desk.zoho.com/api/v1/tickets",
            "--query",
            "limit=1",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["data"][0]["subject"], "Printer on fire");
    let out = sandbox
        .against(url)
        .args([
            "invoke",
            "--url",
            "https://api.example.com/v2/x",
            "-X",
            "POST",
            "--post-body",
            "{}",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr_of(&out));
    let seen: Value = serde_json::from_str(&crate::trust::reqwest_get(&format!(
        "{url}/_emulator/requests"
    )))
    .unwrap();
    let seen = seen.as_array().unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0]["method"], "GET");
    assert_eq!(
        seen[0]["requestURL"],
        "https://desk.zoho.com/api/v1/tickets"
    );
    assert_eq!(seen[0]["status"], 200);
    assert_eq!(seen[0]["hashOk"], true);
    assert_eq!(seen[1]["status"], 503);
    assert_eq!(seen[1]["body"], "{}");
    let lines = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(lines.lines().count(), 2, "{lines}");
    let cleared = std::process::Command::new("python3")
        .args(["-c", "import sys, urllib.request; r = urllib.request.Request(sys.argv[1], method='DELETE'); print(urllib.request.urlopen(r).status)"])
        .arg(format!("{url}/_emulator/requests"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&cleared.stdout).trim(), "204");
    let seen = crate::trust::reqwest_get(&format!("{url}/_emulator/requests"));
    assert_eq!(seen.trim(), "[]");
    let health: Value = serde_json::from_str(&crate::trust::reqwest_get(&format!(
        "{url}/_emulator/health"
    )))
    .unwrap();
    assert_eq!(health["status"], "ok");
}

/// The worked example of docs/emulator.md runs as written.
#[test]
fn the_stub_example_runs_as_documented() {
    let sandbox = Sandbox::new();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/stub-ci/run.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .env("DESK_INVOKE_BIN", env!("CARGO_BIN_EXE_desk-invoke"))
        .env("HOME", sandbox.dir.path())
        .env_remove("DESK_INVOKE_PROFILE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    assert!(stdout_of(&out).contains("journal: ok") && stdout_of(&out).contains("storage: ok"));
}

/// The TOML form of a stub file, with the body read from a file beside it.
#[test]
fn toml_stubs_read_their_body_files() {
    let sandbox = Sandbox::new();
    sandbox.write("agents.json", r#"{"data":[{"id":"7","name":"Ada"}]}"#);
    let stubs = sandbox.write(
        "stubs.toml",
        "[[stubs]]\nmethod = \"GET\"\nurl = \"https://desk.zoho.com/api/v1/agents*\"\nbody_file = \"agents.json\"\n",
    );
    let emulator = sandbox.start_emulator(&["--stub", stubs.to_str().unwrap()]);
    let out = sandbox
        .against(&emulator.base_url)
        .args([
            "invoke",
            "--url",
            "https://desk.zoho.com/api/v1/agents",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["data"][0]["name"], "Ada");
    // A POST does not match a GET stub: the emulator answers it as Desk would (no such API).
    let out = sandbox
        .against(&emulator.base_url)
        .args([
            "invoke",
            "--url",
            "https://desk.zoho.com/api/v1/agents",
            "-X",
            "POST",
        ])
        .args(["--post-body", "{}", "-o", "json"])
        .output()
        .unwrap();
    assert!(!stdout_of(&out).contains("Ada"), "{}", stdout_of(&out));
    // A mistake in a stub file is reported at its field.
    let typo = sandbox.write("typo.json", r#"{"stubs": [{"url": "x", "stauts": 503}]}"#);
    let out = sandbox
        .cmd()
        .args(["emulator", "--stub", typo.to_str().unwrap()])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[]);
    assert!(
        stderr_of(&out).contains("unknown field `stauts`"),
        "{}",
        stderr_of(&out)
    );
}

/// A listing that fails before its first item prints nothing on stdout: an empty `[]` would
/// read as "no items" to a script that checks only the output.
#[test]
fn paginate_prints_no_list_when_it_fails_first() {
    let sandbox = Sandbox::new();
    let url = format!("http://127.0.0.1:{}", free_port());
    let out = sandbox
        .against(&url)
        .args([
            "--retries",
            "0",
            "invoke",
            "--paginate",
            "--url",
            "/api/v1/tickets",
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, 6, &[SECRET, SECURITY_CONTEXT]);
    assert_eq!(stdout_of(&out), "");
}
