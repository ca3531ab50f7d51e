//! One output layer: every command honours `-o`, formats behave the same everywhere, and
//! control characters never reach the terminal raw.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};

// Control characters from input or a server are escaped in every message.
#[test]
fn control_characters_never_reach_the_terminal_raw() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .against("http://127.0.0.1:9")
        .args(["storage", "put", "k\u{1b}]0;pwned\u{7}", "{}"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[]);
    assert!(!out.stderr.contains(&0x1b), "{}", stderr_of(&out));
    let server = Hostile::start(|_| {
        Answer::json(
            400,
            &json!({"errorCode": "X", "message": "bad \u{1b}[31mred\u{1b}]0;title\u{7}"}),
        )
    });
    let out = sandbox
        .desk_against(&server.url, &["invoke", "--url", "/x"])
        .expect_exit(4)
        .run();
    assert!(
        !out.stderr.contains(&0x1b) && !out.stderr.contains(&0x07),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn output_formats_behave_the_same_everywhere() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    for i in 0..30 {
        sandbox
            .against(url)
            .args([
                "storage",
                "put",
                &format!("k{i:02}"),
                r#"{"a":1}"#,
                "--queriable-value",
                "g",
            ])
            .assert()
            .success();
    }
    // `-o raw` with a key prints the value alone; put prints what get prints.
    let raw = sandbox
        .against(url)
        .args(["storage", "get", "--key", "k00", "-o", "raw"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&raw), "{\"a\":1}\n");
    let put = sandbox
        .against(url)
        .args(["storage", "put", "solo", "{}", "--queriable-value", "g"])
        .output()
        .unwrap();
    let get = sandbox
        .against(url)
        .args(["storage", "get", "--key", "solo"])
        .output()
        .unwrap();
    let got: Value = serde_json::from_slice(&get.stdout).unwrap();
    let put: Value = serde_json::from_slice(&put.stdout).unwrap();
    assert_eq!(put, got[0], "put and get print an item the same way");
    // A reader that stops early: exit 0, nothing on stderr.
    let script = format!(
        "'{}' storage get --queriable-value g --all -o ndjson --limit 1 | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_desk-invoke")
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_BASE_URL", url)
        .env("HOME", sandbox.dir.path())
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out).trim(), "0", "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    // -o json: the error is a JSON object too.
    let out = sandbox
        .desk_against(url, &["-o", "json", "storage", "get", "--key", "a b"])
        .expect_exit(2)
        .run();
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["error"]["exitCode"], 2);
    // Colour is decided per stream: stdout on a terminal, stderr in a file.
    let log = sandbox.path("err.log");
    let env = [
        ("DESK_INVOKE_SECRET", SECRET),
        ("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT),
        ("DESK_INVOKE_ORG_ID", ORG_ID),
        ("DESK_INVOKE_BASE_URL", url.as_str()),
    ];
    let shown = on_pty(
        &sandbox,
        &env,
        &format!("desk-invoke storage get --key nope --limit 0 2>{}; desk-invoke storage get --queriable-value g", log.display()),
    );
    let errors = std::fs::read(&log).unwrap();
    assert!(
        !errors.contains(&0x1b),
        "escape codes in a log file: {}",
        String::from_utf8_lossy(&errors)
    );
    // A full page on a terminal says how to get the rest.
    assert!(
        shown.contains("--from 20") && shown.contains("--all"),
        "{shown}"
    );
}

/// `-o` means the same in every command.
#[test]
fn every_command_honours_the_output_format() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let hash = |format: &str| {
        let out = sandbox
            .desk_signed(&["hash", "--url", "https://x.test/", "-o", format])
            .run();
        stdout_of(&out)
    };
    let table = hash("table");
    assert!(
        table.starts_with("FIELD") && table.contains("stringToHash"),
        "{table}"
    );
    let line: Value = serde_json::from_str(hash("ndjson").trim()).unwrap();
    assert_eq!(line["stringToHash"], "requestURL=https://x.test/");
    for (i, name) in ["a", "b", "c"].iter().enumerate() {
        sandbox
            .against(url)
            .args([
                "storage",
                "put",
                name,
                &format!("{{\"n\":{i}}}"),
                "--queriable-value",
                "g",
            ])
            .assert()
            .success();
    }
    let list = |format: &str| {
        let out = sandbox
            .against(url)
            .args([
                "invoke",
                "--url",
                "/api/v1/installedExtensions/{{installationId}}/myCustomPermissions",
            ])
            .args(["-o", format])
            .output()
            .unwrap();
        stdout_of(&out)
    };
    assert!(list("table").starts_with("FIELD"), "{}", list("table"));
    let log = sandbox
        .against(url)
        .args(["log", "--title", "t", "-o", "table"])
        .output()
        .unwrap();
    assert!(stdout_of(&log).starts_with("FIELD") && stdout_of(&log).contains("logId"));
    let items = sandbox
        .against(url)
        .args(["storage", "get", "--queriable-value", "g", "-o", "table"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&items).lines().count(),
        4,
        "{}",
        stdout_of(&items)
    );
    let smoke = sandbox
        .against(url)
        .args(["smoke", "-o", "json"])
        .output()
        .unwrap();
    assert!(serde_json::from_slice::<Value>(&smoke.stdout).is_ok());
}
