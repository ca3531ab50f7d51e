//! The extension-data commands end to end against the real emulator over HTTP, configured
//! by environment only (no profile file): storage (single, paging, bulk import/export,
//! faults), config params, logs, permissions, smoke, and the `local` profile.

use crate::common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn json_out(output: &std::process::Output) -> Value {
    assert!(output.status.success(), "stderr: {}", stderr_of(output));
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout_of(output)))
}

fn ndjson_items(n: usize, prefix: &str) -> String {
    (0..n)
        .map(|i| json!({"key": format!("{prefix}{i:05}"), "queriableValue": if i % 2 == 0 { "even" } else { "odd" }, "value": {"n": i, "text": "ü ✓ \"q\" & = +"}}).to_string() + "\n")
        .collect()
}

#[test]
fn storage_put_get_delete() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let stored = json_out(
        &sandbox
            .against(url)
            .args([
                "storage",
                "put",
                "greeting",
                r#"{"hello":"wörld"}"#,
                "--queriable-value",
                "greetings",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(stored["key"], "greeting");
    let value_file = sandbox.write("v.json", r#"{"from":"file"}"#);
    sandbox
        .against(url)
        .args(["storage", "put", "other", "--queriable-value", "misc"])
        .arg(format!("@{}", value_file.display()))
        .assert()
        .success();
    sandbox
        .against(url)
        .args(["storage", "put", "third", "--queriable-value", "misc"])
        .write_stdin(r#"{"from":"stdin"}"#)
        .assert()
        .success();

    let got = json_out(
        &sandbox
            .against(url)
            .args(["storage", "get", "--key", "greeting"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        got,
        json!([{"key": "greeting", "queriableValue": "greetings", "value": {"hello": "wörld"}}])
    );
    let got = json_out(
        &sandbox
            .against(url)
            .args(["storage", "get", "--queriable-value", "greetings"])
            .output()
            .unwrap(),
    );
    assert_eq!(got.as_array().unwrap().len(), 1);
    let all = json_out(
        &sandbox
            .against(url)
            .args(["storage", "get", "--queriable-value", "misc"])
            .output()
            .unwrap(),
    );
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[0]["value"], json!({"from": "file"}));
    assert_eq!(all[1]["value"], json!({"from": "stdin"}));

    let table = sandbox
        .against(url)
        .args(["storage", "get", "--queriable-value", "misc", "-o", "table"])
        .output()
        .unwrap();
    let table = stdout_of(&table);
    assert!(
        table.starts_with("KEY")
            && table.contains("other")
            && table.contains("{\"from\":\"file\"}"),
        "{table}"
    );

    sandbox
        .against(url)
        .args(["storage", "delete", "greeting", "other"])
        .assert()
        .success();
    let left = json_out(
        &sandbox
            .against(url)
            .args(["storage", "get", "--queriable-value", "misc"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        left,
        json!([{"key": "third", "queriableValue": "misc", "value": {"from": "stdin"}}])
    );
}

#[test]
fn storage_paging() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    // One at a time, so insertion order (the paging order) is the file order.
    let items: String = (0..25)
        .map(|i| {
            json!({"key": format!("k{i:05}"), "queriableValue": "pages", "value": {"n": i}})
                .to_string()
                + "\n"
        })
        .collect();
    sandbox
        .against(url)
        .args([
            "storage",
            "put",
            "--file",
            "-",
            "--concurrency",
            "1",
            "--batch",
            "1",
        ])
        .write_stdin(items)
        .assert()
        .success();
    // `from` is 0-based, as Desk counts: the first item is at 0.
    let first = json_out(
        &sandbox
            .against(url)
            .args([
                "storage",
                "get",
                "--queriable-value",
                "pages",
                "--from",
                "0",
                "--limit",
                "1",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(first[0]["key"], "k00000");
    let default_page = json_out(
        &sandbox
            .against(url)
            .args(["storage", "get", "--queriable-value", "pages"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        default_page.as_array().unwrap().len(),
        20,
        "Desk's default page is 20"
    );
    let page = json_out(
        &sandbox
            .against(url)
            .args([
                "storage",
                "get",
                "--queriable-value",
                "pages",
                "--from",
                "10",
                "--limit",
                "10",
            ])
            .output()
            .unwrap(),
    );
    let keys: Vec<&str> = page
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        (10..20).map(|i| format!("k{i:05}")).collect::<Vec<_>>()
    );
    let all = json_out(
        &sandbox
            .against(url)
            .args([
                "storage",
                "get",
                "--queriable-value",
                "pages",
                "--all",
                "--limit",
                "7",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(all.as_array().unwrap().len(), 25);
    assert_eq!(all[0]["key"], "k00000");
}

#[test]
fn export_then_import_recreates_the_items() {
    let sandbox = Sandbox::new();
    let source = sandbox.start_emulator(&[]);
    sandbox
        .against(&source.base_url)
        .args(["storage", "put", "--file", "-", "--concurrency", "16"])
        .write_stdin(ndjson_items(250, "item"))
        .assert()
        .success();
    let exported: String = export(&sandbox, &source.base_url)
        .iter()
        .map(|item| item.to_string() + "\n")
        .collect();
    assert_eq!(exported.lines().count(), 250);

    let target = Sandbox::new();
    let fresh = target.start_emulator(&[]);
    target
        .against(&fresh.base_url)
        .args(["storage", "put", "--file", "-"])
        .write_stdin(exported)
        .assert()
        .success();
    // Same items; compare as sets since a concurrent import may store them in another order.
    let a: BTreeSet<String> = export(&sandbox, &source.base_url)
        .iter()
        .map(Value::to_string)
        .collect();
    let b: BTreeSet<String> = export(&target, &fresh.base_url)
        .iter()
        .map(Value::to_string)
        .collect();
    assert_eq!(a.len(), 250);
    assert_eq!(a, b);
}

#[test]
fn bulk_import_reports_invalid_lines_and_stores_the_rest() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let good = ndjson_items(5, "good");
    let bad_lines = [
        r#"{"key":"bad key","value":{}}"#.to_string(),
        "{not json".to_string(),
        json!({"key": "big", "value": {"x": "y".repeat(6000)}}).to_string(),
        r#"{"key":"arr","value":[1]}"#.to_string(),
    ];
    let input = format!("{good}\n{}\n", bad_lines.join("\n"));
    let failed = sandbox.path("failed.ndjson");
    let out = sandbox
        .against(url)
        .args(["storage", "put", "--file", "-", "--failed"])
        .arg(&failed)
        .write_stdin(input)
        .output()
        .unwrap();
    assert_clean_failure_lines(&out, 7);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("line 7:") && stderr.contains("5 stored, 4 failed"),
        "{stderr}"
    );
    let failed_lines: Vec<String> = std::fs::read_to_string(&failed)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(failed_lines, bad_lines);
    assert_eq!(export(&sandbox, url).len(), 5);
}

/// Bulk output lists failures before the final `error:` line, so only the exit code, the
/// last line and the absence of panics and secrets are checked.
fn assert_clean_failure_lines(out: &std::process::Output, code: i32) {
    let stderr = stderr_of(out);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("error:")), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert_no_secrets(out);
}

#[test]
fn bad_storage_input_is_refused_before_sending() {
    let sandbox = Sandbox::new();
    // Nothing listens here: reaching the network would be exit 6, not 2.
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let long = "k".repeat(51);
    let big = json!({"x": "y".repeat(5200)}).to_string();
    for args in [
        vec![
            "storage",
            "put",
            long.as_str(),
            "{}",
            "--queriable-value",
            "g",
        ],
        vec!["storage", "put", "a b", "{}", "--queriable-value", "g"],
        vec!["storage", "put", "k", "[1,2]"],
        vec!["storage", "put", "k", "{oops"],
        vec!["storage", "put", "k", big.as_str()],
        vec![
            "storage",
            "put",
            "k",
            "{}",
            "--queriable-value",
            "no spaces",
        ],
        vec!["storage", "put", "k"],
        vec!["storage", "put", "k", "@/does/not/exist"],
        vec!["storage", "get", "--key", "bad/key"],
        vec!["storage", "get", "--limit", "0"],
        vec!["storage", "delete", "ok", "not ok"],
        vec!["storage", "put", "--file", "/does/not/exist"],
        vec!["storage", "put", "--file", "-", "--concurrency", "0"],
        vec!["config", "set", "novalue"],
        vec!["log", "--title", ""],
    ] {
        let out = sandbox.against(&url).args(&args).output().unwrap();
        assert_clean_failure(&out, 2, &[SECRET, SECURITY_CONTEXT]);
    }
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
            .against(url)
            .args([
                "invoke",
                "--url",
                "/api/v1/installedExtensions/{{installationId}}/storage",
                "-X",
                "GET",
                "--query",
                "key=bad key",
            ])
            .output()
            .unwrap();
        assert_clean_failure(&out, 4, &[SECRET, SECURITY_CONTEXT]);
        assert!(
            stderr_of(&out).contains("INVALID_DATA"),
            "{wrap}: {}",
            stderr_of(&out)
        );
    }
}

#[test]
fn config_params_set_get_and_masking() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    sandbox
        .against(url)
        .args(["config", "set", "region=eu", "limit=10", "greeting=a=b"])
        .assert()
        .success();
    // A secure param, set the way the extension's manifest would mark it.
    sandbox
        .against(url)
        .args([
            "invoke",
            "-X",
            "POST",
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/configParams",
            "--post-body",
            r#"{"variables":[{"name":"apiKey","value":"s3cret-api-key","secure":true}]}"#,
        ])
        .assert()
        .success();
    let all = json_out(
        &sandbox
            .against(url)
            .args(["config", "get"])
            .output()
            .unwrap(),
    );
    assert_eq!(all.as_array().unwrap().len(), 4);
    assert!(!all.to_string().contains("s3cret-api-key"), "{all}");
    let shown = json_out(
        &sandbox
            .against(url)
            .args(["config", "get", "apiKey", "--show-secrets"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        shown,
        json!([{"name": "apiKey", "value": "s3cret-api-key", "secure": true}])
    );
    let some = json_out(
        &sandbox
            .against(url)
            .args(["config", "get", "region", "greeting"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        some,
        json!([{"name": "region", "value": "eu", "secure": false}, {"name": "greeting", "value": "a=b", "secure": false}])
    );
    let out = sandbox
        .against(url)
        .args(["config", "get", "nope"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 4, &[SECRET, SECURITY_CONTEXT]);
    // Config params are placeholders in queryParams: {{region}} → eu reads the item `eu`.
    sandbox
        .against(url)
        .args([
            "storage",
            "put",
            "eu",
            r#"{"found":true}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let got = json_out(
        &sandbox
            .against(url)
            .args([
                "invoke",
                "--url",
                "/api/v1/installedExtensions/{{installationId}}/storage",
            ])
            .args(["--query", "key={{region}}", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(got["data"][0]["value"], json!({"found": true}));
    // Never in a postBody (Zoho, "Supported placeholders"): the value is stored as given.
    sandbox
        .against(url)
        .args([
            "storage",
            "put",
            "placeholder",
            r#"{"r":"{{region}}"}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let got = json_out(
        &sandbox
            .against(url)
            .args(["storage", "get", "--key", "placeholder"])
            .output()
            .unwrap(),
    );
    assert_eq!(got[0]["value"], json!({"r": "{{region}}"}));
}

#[test]
fn logs_and_the_reference_limit() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let description = sandbox.write("desc.txt", "a long description\nover lines");
    let mut ids = Vec::new();
    for i in 0..10 {
        let out = sandbox
            .against(url)
            .args([
                "log",
                "--title",
                &format!("step {i}"),
                "--reference",
                "job42",
                "--description",
            ])
            .arg(format!("@{}", description.display()))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        ids.push(stdout_of(&out).trim().to_string());
    }
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 10);
    let json = json_out(
        &sandbox
            .against(url)
            .args(["log", "--title", "other", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert!(
        json["logId"].is_string() && json.get("parentLogId").is_some(),
        "{json}"
    );
    let out = sandbox
        .against(url)
        .args(["log", "--title", "eleventh", "--reference", "job42"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 4, &[SECRET, SECURITY_CONTEXT]);
    assert!(
        stderr_of(&out).contains("at most 10 logs"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn permissions_list_and_check() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[
        "--permission",
        "canEdit=true",
        "--permission",
        "canDelete=false",
    ]);
    let url = &emulator.base_url;
    let list = json_out(&sandbox.against(url).args(["permissions"]).output().unwrap());
    assert_eq!(
        list,
        json!([{"apiName": "canEdit", "isEnabled": true}, {"apiName": "canDelete", "isEnabled": false}])
    );
    sandbox
        .against(url)
        .args(["permissions", "check", "canEdit"])
        .assert()
        .code(0)
        .stdout("enabled\n");
    sandbox
        .against(url)
        .args(["permissions", "check", "canDelete"])
        .assert()
        .code(1)
        .stdout("disabled\n");
    let out = sandbox
        .against(url)
        .args(["permissions", "check", "unknown"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("no custom permission named `unknown`"));
}

#[test]
fn smoke_passes_and_writes_junit() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let junit = sandbox.path("smoke.xml");
    let out = sandbox
        .against(&emulator.base_url)
        .args(["smoke", "--log", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    let report = stdout_of(&out);
    for step in [
        "hash accepted",
        "storage put",
        "storage get",
        "storage delete",
        "config get",
        "permissions",
        "log",
    ] {
        assert!(report.contains(step), "{report}");
    }
    assert!(report.contains("7 of 7 steps passed"), "{report}");
    validate_junit(&junit, 7, 0);
    // The smoke key was cleaned up.
    assert!(export_group(&sandbox, &emulator.base_url, "smoke").is_empty());

    // A wrong secret: exit 1, the failure in the report and the XML.
    let out = sandbox
        .against(&emulator.base_url)
        .env("DESK_INVOKE_SECRET", "wrong")
        .args(["smoke", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("FAIL"));
    // Every planned step is reported: the one that failed and the five it kept from running.
    assert_eq!(
        stdout_of(&out).matches("skipped:").count(),
        5,
        "{}",
        stdout_of(&out)
    );
    validate_junit(&junit, 6, 1);
}

/// Parses the JUnit XML with Python's XML parser and checks its counts.
fn validate_junit(path: &std::path::Path, tests: usize, failures: usize) {
    let script = "import sys, xml.etree.ElementTree as ET\nroot = ET.parse(sys.argv[1]).getroot()\nsuite = root.find('testsuite')\ncases = suite.findall('testcase')\nprint(len(cases), len([c for c in cases if c.find('failure') is not None]), suite.get('tests'), suite.get('failures'))";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "invalid XML: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{tests} {failures} {tests} {failures}")
    );
}

#[test]
fn local_profile_works_on_a_fresh_machine() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args([
            "-p",
            "local",
            "storage",
            "put",
            "greeting",
            r#"{"hello":"world"}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let got = json_out(
        &sandbox
            .cmd()
            .args(["-p", "local", "storage", "get", "--key", "greeting"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        got,
        json!([{"key": "greeting", "queriableValue": "g", "value": {"hello": "world"}}])
    );
    // It persists in <data dir>/emulator.sqlite between processes.
    assert!(sandbox
        .dir
        .path()
        .join("data/desk-invoke/emulator.sqlite")
        .exists());
    let junit = sandbox.path("out.xml");
    sandbox
        .cmd()
        .args(["-p", "local", "smoke", "--junit"])
        .arg(&junit)
        .assert()
        .success();
    validate_junit(&junit, 6, 0);
    sandbox
        .cmd()
        .args(["-p", "local", "storage", "delete", "greeting"])
        .assert()
        .success();
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

#[test]
fn bulk_delete_takes_keys_or_items_and_reports_failures() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    sandbox
        .against(url)
        .args(["storage", "put", "--file", "-"])
        .write_stdin(ndjson_items(6, "d"))
        .assert()
        .success();
    // Bare keys and exported items mixed, a blank line, and two bad lines.
    let input = "d00000\n{\"key\":\"d00001\",\"value\":{}}\n\nbad key\n{\"nokey\":1}\nd00002\n";
    let failed = sandbox.path("failed.txt");
    let out = sandbox
        .against(url)
        .args(["storage", "delete", "--file", "-", "--failed"])
        .arg(&failed)
        .write_stdin(input)
        .output()
        .unwrap();
    assert_clean_failure_lines(&out, 7);
    assert!(
        stderr_of(&out).contains("3 deleted, 2 failed"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&failed).unwrap(),
        "bad key\n{\"nokey\":1}\n"
    );
    // The concurrent import stored them in any order.
    let mut left: Vec<String> = export(&sandbox, url)
        .iter()
        .map(|i| i["key"].as_str().unwrap().to_string())
        .collect();
    left.sort();
    assert_eq!(left, ["d00003", "d00004", "d00005"]);
}
