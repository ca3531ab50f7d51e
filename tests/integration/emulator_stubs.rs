//! The emulator's stubs (inline and TOML with body files) and its request journal.

use crate::common::*;
use serde_json::{json, Value};

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
        .desk_against(
            url,
            &[
                "invoke",
                "--url",
                "https://desk.zoho.com/api/v1/tickets",
                "--query",
                "limit=1",
                "-o",
                "json",
            ],
        )
        .run();
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["data"][0]["subject"], "Printer on fire");
    sandbox
        .desk_against(
            url,
            &[
                "invoke",
                "--url",
                "https://api.example.com/v2/x",
                "-X",
                "POST",
                "--post-body",
                "{}",
            ],
        )
        .expect_exit(5)
        .run();
    let seen: Value =
        serde_json::from_str(&http_get(&format!("{url}/_emulator/requests"))).unwrap();
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
    let seen = http_get(&format!("{url}/_emulator/requests"));
    assert_eq!(seen.trim(), "[]");
    let health: Value =
        serde_json::from_str(&http_get(&format!("{url}/_emulator/health"))).unwrap();
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
        .desk_against(
            &emulator.base_url,
            &[
                "invoke",
                "--url",
                "https://desk.zoho.com/api/v1/agents",
                "-o",
                "json",
            ],
        )
        .run();
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
    sandbox
        .desk(&["emulator", "--stub", typo.to_str().unwrap()])
        .expect_error(2)
        .stderr_has("unknown field `stauts`")
        .run();
}
