//! The storage commands one item or one page at a time: put, get, delete, paging, and the
//! checks made before anything is sent; deletes and listings say what really happened.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

// Deletes that found nothing are not reported as deleted; a server that ignores `from`
// does not make `--all` loop forever.
#[test]
fn deletes_and_listings_report_what_happened() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    sandbox
        .against(&emulator.base_url)
        .args(["storage", "put", "here", "{}", "--queriable-value", "g"])
        .assert()
        .success();
    sandbox
        .desk_against(
            &emulator.base_url,
            &["storage", "delete", "here", "gone1", "gone2"],
        )
        .stderr_has("1 deleted, 0 failed, 2 not found")
        .run();

    let page: Vec<Value> = (0..100)
        .map(|i| json!({"key": format!("k{i}"), "queriableValue": "g", "value": {}}))
        .collect();
    let stubborn = Hostile::start(move |_| Answer::envelope(200, &json!({"data": page})));
    let started = Instant::now();
    sandbox
        .desk_against(
            &stubborn.url,
            &[
                "storage",
                "get",
                "--queriable-value",
                "g",
                "--all",
                "-o",
                "ndjson",
            ],
        )
        .expect_error(5)
        .no_secret_leaks()
        .stderr_has("ignores paging")
        .run();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        stubborn.requests().len(),
        2,
        "stopped at the first repeated page"
    );
}

// Exit codes as documented: bad input is found before sending.
#[test]
fn bad_input_is_found_before_sending() {
    let sandbox = Sandbox::new();
    let nothing = Hostile::start(|_| Answer::envelope(200, &json!({})));
    for args in [
        vec!["storage", "get", "--key", "k", "--limit", "101"],
        vec!["storage", "get", "--key", "k", "--from", "-1"],
        vec!["config", "set", "bad{name=1"],
        vec!["--org-id", "", "storage", "get", "--key", "k"],
        vec!["storage", "get"],
    ] {
        sandbox
            .desk_against(&nothing.url, &args)
            .expect_error(2)
            .hides(SECRET)
            .run();
    }
    assert!(nothing.requests().is_empty());
    sandbox.write(
        "config/desk-invoke/profiles.toml",
        "[profiles.default]\nbase_url = \"http://desk.zoho.com\"\norg_id = \"1\"\n",
    );
    sandbox
        .desk_signed(&["storage", "get", "--key", "k"])
        .expect_error(3)
        .hides(SECRET)
        .run();
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
fn bad_storage_input_is_refused_before_sending() {
    let sandbox = Sandbox::new();
    // Nothing listens here: reaching the network would be exit 6, not 2.
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let long = "k".repeat(51);
    let big = json!({"x": "y".repeat(5200)}).to_string();
    for args in [
        vec!["storage", "put", long.as_str(), "{}"],
        vec!["storage", "put", "a b", "{}"],
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
        sandbox
            .desk_against(&url, &args)
            .expect_error(2)
            .no_secret_leaks()
            .run();
    }
}

#[test]
fn storage_work_is_safe_by_default() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let items: String = (0..120)
        .map(|i| json!({"key": format!("d{i:03}"), "queriableValue": if i < 110 { "doomed" } else { "kept" }, "value": {}}).to_string() + "\n")
        .collect();
    sandbox
        .against(url)
        .args(["storage", "put", "--file", "-"])
        .write_stdin(items)
        .assert()
        .success();
    let count = |group: &str| {
        let out = sandbox
            .against(url)
            .args(["storage", "count", "--queriable-value", group])
            .output()
            .unwrap();
        stdout_of(&out).trim().to_string()
    };
    assert_eq!(count("doomed"), "110");
    let dry = sandbox
        .against(url)
        .args([
            "storage",
            "delete",
            "--queriable-value",
            "doomed",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(dry.status.success());
    assert_eq!(stdout_of(&dry).lines().count(), 110);
    assert_eq!(count("doomed"), "110", "a dry run deletes nothing");
    // Keys are collected first, so deleting while paging skips nothing.
    sandbox
        .desk_against(
            url,
            &["storage", "delete", "--queriable-value", "doomed", "--yes"],
        )
        .run();
    assert_eq!(count("doomed"), "0");
    assert_eq!(count("kept"), "10");
    // On a terminal, a group delete asks first; no answer, nothing deleted.
    let env = [
        ("DESK_INVOKE_SECRET", SECRET),
        ("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT),
        ("DESK_INVOKE_ORG_ID", ORG_ID),
        ("DESK_INVOKE_BASE_URL", url.as_str()),
    ];
    // With stderr on a terminal and no way to answer, nothing is deleted without --yes.
    let shown = on_pty(
        &sandbox,
        &env,
        "desk-invoke storage delete --queriable-value kept < /dev/null",
    );
    assert!(shown.contains("without a confirmation"), "{shown}");
    assert_eq!(count("kept"), "10");
}
