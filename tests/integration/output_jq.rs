//! `--jq EXPR` filters what a command prints in-process, as `gh --jq` does: results one a
//! line, strings raw, other values compact JSON; a bad filter or a table output is refused
//! (exit 2) before anything is sent.

use crate::common::{on_pty, stderr_of, stdout_of, Sandbox};

/// `-p local` storage holding `count` 1..=3 under the group `colors`.
fn sandbox_with_colors() -> Sandbox {
    let sandbox = Sandbox::new();
    for n in 1..=3 {
        sandbox
            .cmd()
            .args(["-p", "local", "storage", "put", &format!("c{n}")])
            .arg(format!(r#"{{"count":{n},"name":"n{n}"}}"#))
            .args(["--queriable-value", "colors"])
            .assert()
            .success();
    }
    sandbox
}

fn run(sandbox: &Sandbox, args: &[&str]) -> std::process::Output {
    sandbox
        .cmd()
        .args(["-p", "local"])
        .args(args)
        .output()
        .unwrap()
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn jq_filters_a_whole_streamed_listing_as_one_array() {
    let sandbox = sandbox_with_colors();
    let args = ["storage", "get", "--queriable-value", "colors", "--all"];
    let counts = run(
        &sandbox,
        &[&args[..], &["--jq", ".[].value.count"]].concat(),
    );
    assert!(counts.status.success(), "{}", stderr_of(&counts));
    assert_eq!(sorted_lines(&stdout_of(&counts)), ["1", "2", "3"]);
    // `.` is the whole array: one result.
    let length = run(&sandbox, &[&args[..], &["--jq", "length"]].concat());
    assert_eq!(stdout_of(&length), "3\n");
}

#[test]
fn jq_prints_strings_raw_and_other_values_as_compact_json() {
    let sandbox = sandbox_with_colors();
    let out = run(
        &sandbox,
        &[
            "storage",
            "get",
            "--key",
            "c2",
            "--jq",
            ".[0].value.name, .[0].value",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "n2\n{\"count\":2,\"name\":\"n2\"}\n");
}

#[test]
fn jq_with_ndjson_filters_each_line() {
    let sandbox = sandbox_with_colors();
    let out = run(
        &sandbox,
        &[
            "storage",
            "get",
            "--queriable-value",
            "colors",
            "--all",
            "-o",
            "ndjson",
            "--jq",
            "select(.value.count > 1) | .key",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(sorted_lines(&stdout_of(&out)), ["c2", "c3"]);
}

#[test]
fn jq_works_on_other_json_commands() {
    let sandbox = Sandbox::new();
    let hash = sandbox
        .signed()
        .args(["hash", "--url", "https://x.test/a", "-X", "GET"])
        .output()
        .unwrap();
    let filtered = sandbox
        .signed()
        .args([
            "hash",
            "--url",
            "https://x.test/a",
            "-X",
            "GET",
            "--jq",
            ".hash",
        ])
        .output()
        .unwrap();
    assert!(filtered.status.success(), "{}", stderr_of(&filtered));
    assert_eq!(stdout_of(&filtered), stdout_of(&hash));
    assert_eq!(stdout_of(&hash).trim().len(), 64);
    let count = run(
        &Sandbox::new(),
        &[
            "storage",
            "count",
            "--queriable-value",
            "none",
            "--jq",
            "type",
        ],
    );
    assert!(count.status.success(), "{}", stderr_of(&count));
    assert_eq!(stdout_of(&count), "object\n");
}

#[test]
fn a_bad_filter_is_refused_before_anything_is_sent() {
    let sandbox = Sandbox::new();
    for (filter, says) in [(".[", "expected"), ("nosuch", "undefined filter")] {
        let out = run(
            &sandbox,
            &[
                "storage",
                "put",
                "k",
                "1",
                "--jq",
                filter,
                "--queriable-value",
                "g",
            ],
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(stdout_of(&out).is_empty());
        let stderr = stderr_of(&out);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("error: --jq: ") && stderr.contains(says),
            "{stderr}"
        );
    }
    // Nothing was written: the key is not there (exit 1, nothing on stdout).
    let get = run(&sandbox, &["storage", "get", "--key", "k", "-o", "json"]);
    assert_eq!(get.status.code(), Some(1), "{}", stderr_of(&get));
    assert_eq!(stdout_of(&get).trim(), "");
}

#[test]
fn jq_with_a_table_or_raw_output_is_a_usage_error() {
    let sandbox = Sandbox::new();
    for format in ["table", "raw"] {
        let out = run(
            &sandbox,
            &["storage", "get", "--key", "k", "-o", format, "--jq", "."],
        );
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(stdout_of(&out).is_empty());
        assert!(stderr_of(&out).contains("--jq"), "{}", stderr_of(&out));
    }
}

#[test]
fn a_filter_that_fails_on_the_data_fails_the_command() {
    let sandbox = sandbox_with_colors();
    let out = run(
        &sandbox,
        &[
            "storage",
            "get",
            "--key",
            "c1",
            "--jq",
            ".[0].value.name | .x",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("--jq: cannot index"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn jq_results_on_a_terminal_are_escaped_and_one_a_line() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args([
            "-p",
            "local",
            "storage",
            "put",
            "k",
            r#"{"t":"a\u001b]0;pwned\u0007b","n":[1,2]}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let shown = on_pty(
        &sandbox,
        &[("NO_COLOR", "1")],
        "desk-invoke -p local storage get --key k --jq '.[0].value.t, .[0].value.n'",
    );
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert_eq!(shown, "a\\u{1b}]0;pwned\\u{7}b\n[1,2]\n");
}

/// Every command with data to print honours `--jq` and every `-o`, not only the storage
/// ones: the profile listings, `project check`, `verify-callback` and the dry runs.
#[test]
fn every_command_with_data_takes_jq_and_every_output_format() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args(["profile", "set", "a", "--org-id", "1"])
        .assert()
        .success();
    let secret = sandbox.write("secret", "k");
    let signed = |args: &[&str]| {
        let out = sandbox
            .cmd()
            .arg("--secret-file")
            .arg(&secret)
            .env("DESK_INVOKE_SECURITY_CONTEXT", "ctx")
            .env("DESK_INVOKE_ORG_ID", "5")
            .env("DESK_INVOKE_BASE_URL", "http://127.0.0.1:1")
            .args(args)
            .output()
            .unwrap();
        (stdout_of(&out), out.status.code())
    };
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["profile", "list", "--jq", ".[0].name"], "a\n"),
        (vec!["profile", "show", "a", "--jq", ".org_id"], "1\n"),
        (
            vec![
                "-p",
                "a",
                "profile",
                "show",
                "--effective",
                "--jq",
                ".settings.org_id.value",
            ],
            "1\n",
        ),
        (
            vec!["profile", "show", "a", "-o", "ndjson"],
            "{\"name\":\"a\",\"org_id\":\"1\"}\n",
        ),
    ];
    for (args, expected) in cases {
        let (stdout, code) = signed(&args);
        assert_eq!((stdout.as_str(), code), (expected, Some(0)), "{args:?}");
    }
    let hash = crate::common::openssl_hmac("k", b"x");
    let (stdout, code) = signed(&[
        "verify-callback",
        "--hash",
        &hash,
        "--body",
        "x",
        "--jq",
        ".valid",
    ]);
    assert_eq!((stdout.as_str(), code), ("true\n", Some(0)));
    let (stdout, _) = signed(&[
        "verify-callback",
        "--hash",
        &hash,
        "--body",
        "x",
        "-o",
        "ndjson",
    ]);
    assert!(stdout.starts_with("{\"valid\":true"), "{stdout}");
    let (stdout, _) = signed(&[
        "send-callback",
        "--event",
        "onInstall",
        "--to",
        "http://127.0.0.1:1/x",
        "--dry-run",
        "--jq",
        ".event",
    ]);
    assert_eq!(stdout, "onInstall\n");
    let (stdout, code) = signed(&[
        "invoke",
        "--url",
        "/api/v1/tickets",
        "--dry-run",
        "--jq",
        ".form.requestType",
    ]);
    assert_eq!((stdout.as_str(), code), ("GET\n", Some(0)), "{stdout}");
    let empty = sandbox.path("");
    let out = sandbox
        .cmd()
        .current_dir(&empty)
        .args(["project", "check", "--jq", ".ok"])
        .output()
        .unwrap();
    assert_eq!(
        (stdout_of(&out).as_str(), out.status.code()),
        ("false\n", Some(2))
    );
}
