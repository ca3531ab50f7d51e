//! Bulk import and export (`storage put --file`, `storage get --all`): every line ends stored
//! or in the failed file, never both, whatever interrupts the run; the failed file is never
//! the input; what is imported is exactly what was given.

use crate::common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::Duration;

// Re-running the failed file must not destroy it.
#[test]
fn the_failed_file_is_never_the_input() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let file = sandbox.write("f.ndjson", ndjson_items(5, "a"));
    let before = std::fs::read(&file).unwrap();
    for args in [
        vec![
            "storage",
            "put",
            "--file",
            file.to_str().unwrap(),
            "--failed",
            file.to_str().unwrap(),
        ],
        vec![
            "storage",
            "delete",
            "--file",
            file.to_str().unwrap(),
            "--failed",
            file.to_str().unwrap(),
        ],
    ] {
        sandbox
            .desk_against(&emulator.base_url, &args)
            .expect_error(2)
            .no_secret_leaks()
            .stderr_has("is the input itself")
            .run();
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{args:?} changed the input"
        );
    }
    // The same file as stdin (`--file - --failed f < f`).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .env("HOME", sandbox.dir.path())
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
        .args(["storage", "put", "--file", "-", "--failed"])
        .arg(&file)
        .stdin(std::fs::File::open(&file).unwrap())
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[SECRET, SECURITY_CONTEXT]);
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

// A line that is not UTF-8 fails alone; every other line is stored or in --failed.
#[test]
fn bad_bytes_fail_one_line_only() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let mut input = ndjson_items(10, "u").into_bytes();
    input.extend_from_slice(b"{\"key\":\"bad\xff\xfe\",\"value\":{}}\n");
    input.extend_from_slice(ndjson_items(10, "v").as_bytes());
    let failed = sandbox.path("failed");
    sandbox
        .desk_against(
            &emulator.base_url,
            &["storage", "put", "--file", "-", "--failed"],
        )
        .arg(&failed)
        .stdin(input)
        .expect_exit(7)
        .stderr_has("20 stored, 1 failed")
        .run();
    assert_eq!(
        std::fs::read(&failed).unwrap(),
        b"{\"key\":\"bad\xff\xfe\",\"value\":{}}\n",
        "the bad line, byte for byte"
    );
    assert_eq!(stored_keys(&sandbox, &emulator.base_url).len(), 20);
}

/// The client as a process of its own (to be signalled), with only the target's variables.
fn signalled_client(sandbox: &Sandbox, url: &str) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"));
    command
        .env_clear()
        .env("HOME", sandbox.dir.path())
        .env("PATH", std::env::var("PATH").unwrap())
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_BASE_URL", url);
    command
}

// --failed is written as failures happen: a SIGKILL keeps them; a SIGINT stops sending,
// finishes what is in flight and writes what was not attempted.
#[test]
fn interrupted_imports_account_for_every_line() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--latency", "20ms"]);
    let mut input = String::new();
    for i in 0..30 {
        input.push_str(&format!("not an item {i}\n"));
    }
    let file = sandbox.write("in.ndjson", format!("{input}{}", ndjson_items(2000, "s")));
    let second = sandbox.write("in2.ndjson", ndjson_items(2000, "t"));
    let run = |signal: &str, file: &std::path::Path, failed: &std::path::Path| {
        let child = signalled_client(&sandbox, &emulator.base_url)
            .args([
                "storage",
                "put",
                "--batch",
                "1",
                "--concurrency",
                "2",
                "--file",
            ])
            .arg(file)
            .arg("--failed")
            .arg(failed)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(1500));
        std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let killed = sandbox.path("killed.failed");
    let (status, _) = run("-KILL", &file, &killed);
    assert!(!status.success());
    let written = std::fs::read_to_string(&killed).unwrap();
    assert_eq!(
        written
            .lines()
            .filter(|l| l.starts_with("not an item"))
            .count(),
        30,
        "failure records survive a SIGKILL: {written}"
    );

    let interrupted = sandbox.path("interrupted.failed");
    let (status, stderr) = run("-INT", &second, &interrupted);
    assert_eq!(status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("not attempted"), "{stderr}");
    let after = stored_keys(&sandbox, &emulator.base_url);
    let left: BTreeSet<String> = keys_in_file(&interrupted).into_iter().collect();
    // Every line is stored or in --failed, and not both.
    let mut done = 0;
    for i in 0..2000 {
        let key = item_key("t", i);
        assert!(
            after.contains(&key) != left.contains(&key),
            "{key}: stored and failed, or lost"
        );
        done += usize::from(after.contains(&key));
    }
    assert!(
        done > 0 && !left.is_empty(),
        "the interrupt came mid-import: {done} done"
    );
}

// A closed stderr never stops the work or panics.
#[test]
fn a_closed_stderr_does_not_stop_an_import() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let mut input = String::new();
    for i in 0..500 {
        input.push_str(&format!("bad line {i}\n"));
        input.push_str(
            &json!({"key": format!("c{i:04}"), "queriableValue": "even", "value": {}}).to_string(),
        );
        input.push('\n');
    }
    let file = sandbox.write("in.ndjson", &input);
    let script = format!(
        "'{}' storage put --file '{}' 2>&1 | head -3 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_desk-invoke"),
        file.display()
    );
    let result = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
        .env("HOME", sandbox.dir.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&result.stdout).trim(),
        "7",
        "exit code"
    );
    assert_eq!(
        export_group(&sandbox, &emulator.base_url, "even").len(),
        500
    );
}

// The secret and the items cannot both come from stdin.
#[test]
fn secret_and_items_both_on_stdin_are_refused() {
    let sandbox = Sandbox::new();
    sandbox
        .desk(&["--base-url", "http://127.0.0.1:9", "--org-id", "1"])
        .args(["--secret-file", "-", "storage", "put", "--file", "-"])
        .stdin(ndjson_items(3, "x"))
        .expect_error(2)
        .run();
}

/// A --failed file that cannot be written (a full disk) is said to lack lines, how many,
/// and why; the import still ends with its tally and exit 7.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_file_on_a_full_disk_says_how_many_lines_it_lacks() {
    let sandbox = Sandbox::new();
    let input = sandbox.write(
        "bad.ndjson",
        "not json\n{\"key\":\"a b\",\"value\":{}}\nalso bad\n",
    );
    sandbox
        .desk_against(
            "http://127.0.0.1:1",
            &[
                "storage",
                "put",
                "--file",
                input.to_str().unwrap(),
                "--failed",
                "/dev/full",
            ],
        )
        .expect_exit(7)
        .stderr_has("cannot write --failed /dev/full")
        .stderr_has("0 stored, 3 failed")
        .stderr_has("hint: /dev/full lacks 3 of the lines not done")
        .stderr_has("re-run with --file /dev/full --failed /dev/full.retry")
        .no_secret_leaks()
        .run();
}

// No silent change on import: the last line wins, numbers stay exact, unknown fields are
// refused.
#[test]
fn imports_store_exactly_what_was_given() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let mut input = String::new();
    for round in 0..30 {
        input.push_str(
            &json!({"key": "dup", "queriableValue": "even", "value": {"round": round}}).to_string(),
        );
        input.push('\n');
        input.push_str(&ndjson_items(3, &format!("r{round}-")));
    }
    input.push_str("{\"key\":\"big\",\"queriableValue\":\"even\",\"value\":{\"n\":12345678901234567890123,\"f\":0.10000000000000000001}}\n");
    input.push_str("{\"key\":\"typo\",\"queriable_value\":\"even\",\"value\":{}}\n");
    sandbox
        .desk_against(
            &emulator.base_url,
            &["storage", "put", "--file", "-", "--concurrency", "16"],
        )
        .stdin(input)
        .expect_exit(7)
        .stderr_has("queriableValue")
        .run();
    let get = |key: &str| {
        sandbox
            .against(&emulator.base_url)
            .args(["storage", "get", "--key", key, "-o", "raw"])
            .output()
            .unwrap()
    };
    assert_eq!(stdout_of(&get("dup")).trim(), r#"{"round":29}"#);
    assert_eq!(
        stdout_of(&get("big")).trim(),
        r#"{"n":12345678901234567890123,"f":0.10000000000000000001}"#
    );
    assert_eq!(
        stdout_of(&get("typo")).trim(),
        "",
        "the line with a typo is not stored"
    );
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

// An interrupted export ends as a bulk command does: what was listed is whole (the JSON
// array closed), and the exit code says it is not everything (7).
#[test]
fn an_interrupted_export_closes_its_json_and_exits_7() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--latency", "100ms"]);
    let file = sandbox.write("in.ndjson", ndjson_items(400, "e"));
    sandbox
        .against(&emulator.base_url)
        .args(["storage", "put", "--concurrency", "16", "--file"])
        .arg(&file)
        .assert()
        .success();
    let child = signalled_client(&sandbox, &emulator.base_url)
        .args([
            "storage",
            "get",
            "--queriable-value",
            GROUPS[0],
            "--all",
            "--limit",
            "5",
        ])
        .args(["-o", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1200));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("interrupted"),
        "{}",
        stderr_of(&out)
    );
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = listed.as_array().unwrap().len();
    assert!(
        listed > 0 && listed < 200,
        "{listed} of 200 listed before the interrupt"
    );
}

/// Group listings read the same across the emulator's folds of new rows into its group
/// index (one every 8,192 rows) and across a restart on the same database: each group in
/// insertion order, and an item moved to another group at its own place there (an update
/// keeps an item's place).
#[test]
fn group_exports_keep_insertion_order_across_folds_and_restarts() {
    let sandbox = Sandbox::new();
    let db = sandbox.dir.path().join("fold.sqlite");
    let db_arg = db.to_str().unwrap();
    let emulator = sandbox.start_emulator(&["--db", db_arg]);
    // In order (one request at a time), so that insertion order is the file's.
    let put = |url: &str, items: String| {
        sandbox
            .against(url)
            .args(["storage", "put", "--file", "-", "--concurrency", "1"])
            .write_stdin(items)
            .assert()
            .success();
    };
    let count = 10_000;
    put(&emulator.base_url, ndjson_items(count, "f"));
    let keys = |url: &str, group: &str| -> Vec<String> {
        export_group(&sandbox, url, group)
            .iter()
            .map(|item| item["key"].as_str().unwrap().to_string())
            .collect()
    };
    let expected = |group_of: &dyn Fn(usize) -> &'static str, group: &str| -> Vec<String> {
        (0..count)
            .filter(|&i| group_of(i) == group)
            .map(|i| item_key("f", i))
            .collect()
    };
    let alternating = |i: usize| GROUPS[i % 2];
    for group in GROUPS {
        assert_eq!(
            keys(&emulator.base_url, group),
            expected(&alternating, group)
        );
    }
    // Move an early (folded) item and a late (unfolded) one to the other group, then
    // restart on the same file.
    let moved = |i: usize| match i {
        0 | 9_998 => "odd",
        _ => alternating(i),
    };
    let moves: String = [0, 9_998]
        .iter()
        .map(|&i| {
            json!({"key": item_key("f", i), "queriableValue": "odd", "value": {"moved": true}})
                .to_string()
                + "\n"
        })
        .collect();
    put(&emulator.base_url, moves);
    drop(emulator);
    // The import was folded (the rows above the watermark are what is left over).
    let file = rusqlite::Connection::open(&db).unwrap();
    let (watermark, unfolded): (i64, i64) = file
        .query_row(
            "SELECT MAX(last_id), (SELECT COUNT(*) FROM storage_items WHERE folded = 0) FROM storage_folds",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert!(
        watermark >= 8_192 && unfolded < 2_000,
        "{watermark}, {unfolded}"
    );
    drop(file);
    let restarted = sandbox.start_emulator(&["--db", db_arg]);
    for group in GROUPS {
        assert_eq!(keys(&restarted.base_url, group), expected(&moved, group));
    }
}
