//! Trust: nothing lost, nothing leaked, never the wrong target. One test per finding of the
//! adversarial pass (issue 11), against the real emulator or a hostile loopback server.

use crate::common::*;
use crate::hostile::{encodings, Answer, Hostile};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

fn items(n: usize, prefix: &str) -> String {
    (0..n)
        .map(|i| json!({"key": format!("{prefix}{i:04}"), "queriableValue": GROUPS[i % 2], "value": {"n": i}}).to_string() + "\n")
        .collect()
}

fn keys_in(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| v["key"].as_str().unwrap().to_string())
        .collect()
}

fn stored(sandbox: &Sandbox, url: &str) -> BTreeSet<String> {
    export(sandbox, url)
        .iter()
        .map(|item| item["key"].as_str().unwrap().to_string())
        .collect()
}

// 1. Re-running the failed file must not destroy it.
#[test]
fn the_failed_file_is_never_the_input() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let file = sandbox.write("f.ndjson", items(5, "a"));
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
        let out = sandbox
            .against(&emulator.base_url)
            .args(&args)
            .output()
            .unwrap();
        assert_clean_failure(&out, 2, &[SECRET, SECURITY_CONTEXT]);
        assert!(
            stderr_of(&out).contains("is the input itself"),
            "{}",
            stderr_of(&out)
        );
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

// 2. A line that is not UTF-8 fails alone; every other line is stored or in --failed.
#[test]
fn bad_bytes_fail_one_line_only() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let mut input = items(10, "u").into_bytes();
    input.extend_from_slice(b"{\"key\":\"bad\xff\xfe\",\"value\":{}}\n");
    input.extend_from_slice(items(10, "v").as_bytes());
    let failed = sandbox.path("failed");
    let out = sandbox
        .against(&emulator.base_url)
        .args(["storage", "put", "--file", "-", "--failed"])
        .arg(&failed)
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("20 stored, 1 failed"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        std::fs::read(&failed).unwrap(),
        b"{\"key\":\"bad\xff\xfe\",\"value\":{}}\n",
        "the bad line, byte for byte"
    );
    assert_eq!(stored(&sandbox, &emulator.base_url).len(), 20);
}

// 3. --failed is written as failures happen: a SIGKILL keeps them; a SIGINT stops sending,
//    finishes what is in flight and writes what was not attempted.
#[test]
fn interrupted_imports_account_for_every_line() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--latency", "20ms"]);
    let mut input = String::new();
    for i in 0..30 {
        input.push_str(&format!("not an item {i}\n"));
    }
    let file = sandbox.write("in.ndjson", format!("{input}{}", items(2000, "s")));
    let second = sandbox.write("in2.ndjson", items(2000, "t"));
    let run = |signal: &str, file: &std::path::Path, failed: &std::path::Path| {
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"))
            .env_clear()
            .env("HOME", sandbox.dir.path())
            .env("PATH", std::env::var("PATH").unwrap())
            .env("DESK_INVOKE_SECRET", SECRET)
            .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
            .env("DESK_INVOKE_ORG_ID", ORG_ID)
            .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
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
    let after = stored(&sandbox, &emulator.base_url);
    let left: BTreeSet<String> = keys_in(&interrupted).into_iter().collect();
    // Every line is stored or in --failed, and not both.
    let mut done = 0;
    for i in 0..2000 {
        let key = format!("t{i:04}");
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

// 4. A closed stderr never stops the work or panics.
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

// 5. The secret and the items cannot both come from stdin.
#[test]
fn secret_and_items_both_on_stdin_are_refused() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["--base-url", "http://127.0.0.1:9", "--org-id", "1"])
        .args(["--secret-file", "-", "storage", "put", "--file", "-"])
        .write_stdin(items(3, "x"))
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[]);
}

// 6. Concurrent profile writes lose nothing; a dangling symlink stays a link.
#[test]
fn concurrent_profile_writes_keep_every_profile() {
    let sandbox = Sandbox::new();
    let handles: Vec<_> = (0..20)
        .map(|i| {
            let home = sandbox.dir.path().to_path_buf();
            std::thread::spawn(move || {
                std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"))
                    .env("HOME", &home)
                    .env("XDG_CONFIG_HOME", home.join("config"))
                    .env_remove("DESK_INVOKE_ORG_ID")
                    .args([
                        "profile",
                        "set",
                        &format!("p{i}"),
                        "--org-id",
                        &i.to_string(),
                        "--secret-env",
                        "X",
                    ])
                    .output()
                    .unwrap()
            })
        })
        .collect();
    for handle in handles {
        let out = handle.join().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    }
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    for i in 0..20 {
        assert!(
            text.contains(&format!("[profiles.p{i}]")),
            "p{i} lost:\n{text}"
        );
    }

    // A dangling symlink: the file is created at its target and the link stays.
    let linked = Sandbox::new();
    let target = linked.path("real/profiles.toml");
    let link = linked.path("link.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = linked
        .cmd()
        .args(["--config"])
        .arg(&link)
        .args(["profile", "set", "a", "--org-id", "1", "--secret-env", "X"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("[profiles.a]"));
}

// 7. No silent change on import: the last line wins, numbers stay exact, unknown fields are
//    refused.
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
        input.push_str(&items(3, &format!("r{round}-")));
    }
    input.push_str("{\"key\":\"big\",\"queriableValue\":\"even\",\"value\":{\"n\":12345678901234567890123,\"f\":0.10000000000000000001}}\n");
    input.push_str("{\"key\":\"typo\",\"queriable_value\":\"even\",\"value\":{}}\n");
    let out = sandbox
        .against(&emulator.base_url)
        .args(["storage", "put", "--file", "-", "--concurrency", "16"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("queriableValue"),
        "{}",
        stderr_of(&out)
    );
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

// 8. Deletes that found nothing are not reported as deleted; a server that ignores `from`
//    does not make `--all` loop forever.
#[test]
fn deletes_and_listings_report_what_happened() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    sandbox
        .against(&emulator.base_url)
        .args(["storage", "put", "here", "{}", "--queriable-value", "g"])
        .assert()
        .success();
    let out = sandbox
        .against(&emulator.base_url)
        .args(["storage", "delete", "here", "gone1", "gone2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("1 deleted, 0 failed, 2 not found"),
        "{}",
        stderr_of(&out)
    );

    let page: Vec<Value> = (0..100)
        .map(|i| json!({"key": format!("k{i}"), "queriableValue": "g", "value": {}}))
        .collect();
    let stubborn = Hostile::start(move |_| Answer::envelope(200, &json!({"data": page})));
    let started = Instant::now();
    let out = sandbox
        .against(&stubborn.url)
        .args([
            "storage",
            "get",
            "--queriable-value",
            "g",
            "--all",
            "-o",
            "ndjson",
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, 5, &[SECRET, SECURITY_CONTEXT]);
    assert!(
        stderr_of(&out).contains("ignores paging"),
        "{}",
        stderr_of(&out)
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        stubborn.requests().len(),
        2,
        "stopped at the first repeated page"
    );
}

// 9. Redirects are never followed: the securityContext and HASH stay where they were sent.
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
            let out = sandbox
                .against(&redirecting.url)
                .args(&args)
                .output()
                .unwrap();
            assert_clean_failure(&out, 4, &[SECRET, SECURITY_CONTEXT]);
            assert!(
                stderr_of(&out).contains("redirect to localhost"),
                "{}",
                stderr_of(&out)
            );
        }
        let handler = Hostile::start(move |_| Answer::Reply {
            status,
            headers: vec![("Location", "http://localhost:9/steal".into())],
            body: Vec::new(),
        });
        let out = sandbox
            .against(&handler.url)
            .args(["send-callback", "--event", "onInstall", "--to"])
            .arg(format!("{}/callback", handler.url))
            .output()
            .unwrap();
        assert_clean_failure(&out, 4, &[SECRET, SECURITY_CONTEXT]);
    }
    assert!(elsewhere.requests().is_empty(), "a redirect was followed");
}

// 10. Whatever a server echoes, in whatever encoding, never reaches the terminal.
#[test]
fn echoed_secrets_are_redacted_in_every_encoding() {
    let sandbox = Sandbox::new();
    let echo = |status: u16| {
        move |request: &crate::hostile::Request| {
            let mut echoed = String::new();
            for value in [
                request.field("securityContext").unwrap_or_default(),
                SECRET.to_string(),
            ] {
                for shown in encodings(&value) {
                    echoed.push_str(&format!(" [{shown}]"));
                }
            }
            match status {
                200 => Answer::envelope(200, &Value::String(format!("not JSON:{echoed}"))),
                _ => Answer::json(status, &json!({"errorCode": "ECHO", "message": echoed})),
            }
        }
    };
    let mut tried = 0;
    for status in [200, 400, 401, 500] {
        let server = Hostile::start(echo(status));
        for args in [
            vec!["-vv", "storage", "get", "--key", "k"],
            vec!["-vv", "invoke", "--url", "/x"],
            vec!["-vv", "config", "get"],
            vec!["-vv", "-o", "json", "permissions"],
        ] {
            tried += 1;
            let out = sandbox.against(&server.url).args(&args).output().unwrap();
            let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
            for value in [SECRET, SECURITY_CONTEXT] {
                for shown in encodings(value) {
                    if args.contains(&"invoke") && status == 200 {
                        // `invoke` prints the called API's answer on stdout as data.
                        continue;
                    }
                    assert!(
                        !text.contains(&shown),
                        "{args:?} {status}: `{shown}` in {text}"
                    );
                }
            }
            for shown in encodings(SECURITY_CONTEXT) {
                assert!(
                    !stderr_of(&out).contains(&shown),
                    "{args:?} {status}: stderr shows `{shown}`"
                );
            }
        }
    }
    assert_eq!(tried, 16);
}

// 11. The emulator: securityContext from a file or the environment, a warning for the flag,
//     a private database, no secure value in its errors.
#[test]
fn the_emulator_keeps_its_secrets() {
    let sandbox = Sandbox::new();
    let db = sandbox.path("private.sqlite");
    let context_file = sandbox.write("ctx", format!("{SECURITY_CONTEXT}\n"));
    let emulator = spawn_emulator({
        let mut command = emulator_command(sandbox.dir.path());
        command
            .env("DESK_INVOKE_SECRET", SECRET)
            .arg("--db")
            .arg(&db)
            .arg("--security-context-file")
            .arg(&context_file);
        command
    });
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&db).unwrap().permissions().mode() & 0o777,
        0o600
    );
    sandbox
        .against(&emulator.base_url)
        .args(["config", "get"])
        .assert()
        .success();
    // A secure value substituted into a URL is never shown, even in a refusal.
    let body = json!({"variables": [{"name": "apiHost", "value": "sk-live-0123456789.example", "secure": true}]});
    let out = sandbox
        .against(&emulator.base_url)
        .args([
            "invoke",
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/configParams",
            "-X",
            "POST",
        ])
        .args(["--post-body", &body.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let out = sandbox
        .against(&emulator.base_url)
        .args(["invoke", "--url", "https://{{apiHost}}/x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains("sk-live"), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("HOST_NOT_ALLOWED"),
        "{}",
        stderr_of(&out)
    );
    let journal = reqwest_get(&format!("{}/_emulator/requests", emulator.base_url));
    assert!(!journal.contains("sk-live"), "{journal}");

    let flagged = spawn_emulator({
        let mut command = emulator_command(sandbox.dir.path());
        command.args(["--in-memory", "--security-context", "visible-in-ps"]);
        command
    });
    assert!(
        flagged.banner.contains("visible to other users"),
        "{}",
        flagged.banner
    );
}

pub(crate) fn reqwest_get(url: &str) -> String {
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())"])
        .arg(url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// 12. Control characters from input or a server are escaped in every message.
#[test]
fn control_characters_never_reach_the_terminal_raw() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .against("http://127.0.0.1:9")
        .args([
            "storage",
            "put",
            "k\u{1b}]0;pwned\u{7}",
            "{}",
            "--queriable-value",
            "g",
        ])
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
        .against(&server.url)
        .args(["invoke", "--url", "/x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(
        !out.stderr.contains(&0x1b) && !out.stderr.contains(&0x07),
        "{}",
        stderr_of(&out)
    );
}

// 13. `-p local` is sealed: exported production settings never reach it, and it never
//     reaches them.
#[test]
fn the_local_profile_is_sealed() {
    let sandbox = Sandbox::new();
    let production = Hostile::start(|_| Answer::envelope(200, &json!({})));
    let out = sandbox
        .cmd()
        .env("DESK_INVOKE_BASE_URL", &production.url)
        .env("DESK_INVOKE_ORG_ID", "999")
        .env("DESK_INVOKE_SECRET", "production-secret")
        .env("DESK_INVOKE_SECURITY_CONTEXT", "production-context")
        .args(["-p", "local", "smoke"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    assert!(
        stderr_of(&out).contains("ignores DESK_INVOKE_BASE_URL"),
        "{}",
        stderr_of(&out)
    );
    assert!(
        production.requests().is_empty(),
        "local reached the exported base URL"
    );
    for flags in [
        vec!["--base-url", "http://127.0.0.1:9"],
        vec!["--org-id", "1"],
        vec!["--secret-file", "/dev/null"],
    ] {
        let out = sandbox
            .cmd()
            .args(["-p", "local"])
            .args(&flags)
            .args(["storage", "get", "--key", "k"])
            .output()
            .unwrap();
        assert_clean_failure(&out, 2, &[]);
        assert!(stderr_of(&out).contains("sealed"), "{}", stderr_of(&out));
    }
}

// 14. `profile set` writes exactly the flags given: never the environment, and a secret
//     file as a reference.
#[test]
fn profile_set_writes_only_its_flags() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .env("DESK_INVOKE_BASE_URL", "https://desk.zoho.com")
        .env("DESK_INVOKE_ORG_ID", "999")
        .args([
            "profile",
            "set",
            "eu",
            "--data-center",
            "eu",
            "--secret-env",
            "S",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(text.contains("data_center = \"eu\""), "{text}");
    assert!(
        !text.contains("999") && !text.contains("base_url"),
        "{text}"
    );
    let secret = sandbox.write("secret", SECRET);
    sandbox
        .cmd()
        .args(["profile", "set", "eu", "--secret-file"])
        .arg(&secret)
        .assert()
        .success();
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(!text.contains(SECRET), "{text}");
    assert!(
        text.contains(&format!("secret_file = \"{}\"", secret.display())),
        "{text}"
    );
    sandbox
        .cmd()
        .args(["profile", "set", "eu", "--secret-file", "-"])
        .write_stdin(SECRET)
        .assert()
        .success();
    let text = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(text.contains(&format!("secret = \"{SECRET}\"")), "{text}");
}

// 15. The profile's connection goes with `invoke` only.
#[test]
fn the_profile_connection_is_for_invoke_only() {
    let sandbox = Sandbox::new();
    let server = Hostile::start(|_| Answer::envelope(200, &json!({"data": []})));
    sandbox.write(
        "config/desk-invoke/profiles.toml",
        format!(
            "[profiles.default]\norg_id = \"{ORG_ID}\"\nbase_url = \"{}\"\nsecurity_context = \"{SECURITY_CONTEXT}\"\nconnection = \"crm\"\n",
            server.url
        ),
    );
    for args in [
        vec!["storage", "get", "--key", "k"],
        vec!["config", "get"],
        vec!["permissions"],
        vec!["log", "--title", "t"],
    ] {
        sandbox.signed().args(&args).output().unwrap();
    }
    sandbox
        .signed()
        .args(["invoke", "--url", "/x"])
        .output()
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 5);
    for request in &requests {
        assert_eq!(request.method, "POST");
        assert!(
            request.target.starts_with("/api/v1/invoke?orgId="),
            "{}",
            request.target
        );
        assert!(request
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("hash")));
    }
    for request in &requests[..4] {
        assert_eq!(
            request.field("connectionLinkName"),
            None,
            "{:?}",
            request.form()
        );
    }
    assert_eq!(
        requests[4].field("connectionLinkName").as_deref(),
        Some("crm")
    );
}

// 16. --timeout bounds the whole request, retries and Retry-After waits included.
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
    let out = sandbox
        .against(&silent.url)
        .args(["--timeout", "1s", "storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 6, &[SECRET, SECURITY_CONTEXT]);
    assert!(started.elapsed() < Duration::from_secs(5));
    let trickle = Hostile::start(|_| Answer::Trickle);
    let out = sandbox
        .against(&trickle.url)
        .args(["--timeout", "1s", "storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 6, &[SECRET, SECURITY_CONTEXT]);
}

// 17. Inputs are capped: an endless file is an error, not memory running out.
#[test]
fn endless_inputs_are_refused() {
    let sandbox = Sandbox::new();
    for (args, code) in [
        (
            vec!["invoke", "--url", "/x", "--post-body", "@/dev/zero"],
            2,
        ),
        (
            vec![
                "verify-callback",
                "--hash",
                &"0".repeat(64),
                "--body",
                "@/dev/zero",
            ],
            2,
        ),
        (vec!["storage", "put", "--file", "/dev/zero"], 2),
        (vec!["--secret-file", "/dev/zero", "hash", "--url", "u"], 3),
    ] {
        let started = Instant::now();
        let out = sandbox
            .against("http://127.0.0.1:9")
            .args(&args)
            .output()
            .unwrap();
        assert_clean_failure(&out, code, &[SECRET]);
        assert!(started.elapsed() < Duration::from_secs(20), "{args:?}");
    }
    let out = sandbox
        .cmd()
        .args(["--config", "/dev/zero", "profile", "list"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 3, &[]);
}

// 19. Exit codes as documented: bad input is found before sending.
#[test]
fn bad_input_is_found_before_sending() {
    let sandbox = Sandbox::new();
    let nothing = Hostile::start(|_| Answer::envelope(200, &json!({})));
    for args in [
        vec!["storage", "get", "--key", "k", "--limit", "101"],
        vec!["storage", "get", "--key", "k", "--from", "-1"],
        vec!["config", "set", "bad name=1"],
        vec!["--org-id", "", "storage", "get", "--key", "k"],
        vec!["storage", "get"],
    ] {
        let out = sandbox.against(&nothing.url).args(&args).output().unwrap();
        assert_clean_failure(&out, 2, &[SECRET]);
    }
    assert!(nothing.requests().is_empty());
    sandbox.write(
        "config/desk-invoke/profiles.toml",
        "[profiles.default]\nbase_url = \"http://desk.zoho.com\"\norg_id = \"1\"\n",
    );
    let out = sandbox
        .signed()
        .args(["storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 3, &[SECRET]);
}

// 18. A client that trickles a body forever cannot hold the emulator: its shutdown ends
//     within its grace.
#[ignore = "timing: run by .ci/run with --ignored"]
#[test]
fn a_trickling_client_does_not_hold_the_emulator() {
    use std::io::Write;
    let sandbox = Sandbox::new();
    let mut emulator = sandbox.start_emulator(&[]);
    let address = emulator.base_url.trim_start_matches("http://").to_string();
    let mut trickles = Vec::new();
    for _ in 0..20 {
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        stream
            .write_all(b"POST /api/v1/invoke?orgId=1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nreq")
            .unwrap();
        trickles.push(stream);
    }
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    std::process::Command::new("kill")
        .args(["-TERM", &emulator.child.id().to_string()])
        .status()
        .unwrap();
    let status = emulator.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    drop(trickles);
}

// 10 (JUnit). A smoke run against a server that echoes the credentials writes a report
// without them.
#[test]
fn the_junit_report_is_redacted() {
    let sandbox = Sandbox::new();
    let echo = Hostile::start(|request| {
        let context = request.field("securityContext").unwrap_or_default();
        let shown: Vec<String> = encodings(&context)
            .into_iter()
            .chain(encodings(SECRET))
            .collect();
        Answer::json(
            400,
            &json!({"errorCode": "ECHO", "message": shown.join(" ")}),
        )
    });
    let junit = sandbox.path("smoke.xml");
    let out = sandbox
        .against(&echo.url)
        .args(["smoke", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("ECHO"), "{xml}");
    for value in [SECRET, SECURITY_CONTEXT] {
        for shown in encodings(value) {
            assert!(!xml.contains(&shown), "`{shown}` in the report");
            assert!(!stdout_of(&out).contains(&shown), "`{shown}` on stdout");
        }
    }
}

/// A secret as short as one letter is masked everywhere, once: the client and the output
/// both redact, and the second pass must not chew up the first pass's `[redacted]`.
#[test]
fn short_secrets_are_masked_once() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .against(&emulator.base_url)
        .env("DESK_INVOKE_SECRET", "s")
        .env("DESK_INVOKE_SECURITY_CONTEXT", "c")
        .args(["storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("[redacted]"), "{stderr}");
    assert!(!stderr.contains("[reda["), "redacted twice: {stderr}");
    let unmasked: String = stderr.replace("[redacted]", "");
    assert!(
        !unmasked.contains('s') && !unmasked.contains('c'),
        "{unmasked}"
    );
}
