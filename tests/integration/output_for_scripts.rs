//! Output a script can trust: a misconfigured smoke test is red in JUnit, `-o json` makes
//! even a refused command line a JSON error, a failing `hash` prints nothing on stdout, a
//! value can start with `@`, and a missing key is a "no" (exit 1).

use crate::common::*;

#[test]
fn a_misconfigured_smoke_run_is_an_error_in_junit() {
    let sandbox = Sandbox::new();
    let junit = sandbox.path("smoke.xml");
    // No secret, no org id: nothing can run.
    let out = sandbox
        .cmd()
        .env("DESK_INVOKE_BASE_URL", "http://127.0.0.1:9")
        .args(["smoke", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    assert!(
        stdout_of(&out).contains("could not run"),
        "{}",
        stdout_of(&out)
    );
    // Parsed by Python's XML parser: every case carries <error>, and the totals say so.
    let script = "import sys, xml.etree.ElementTree as ET\n\
        suite = ET.parse(sys.argv[1]).getroot().find('testsuite')\n\
        cases = suite.findall('testcase')\n\
        print(len(cases), len([c for c in cases if c.find('error') is not None]), \
        len([c for c in cases if c.find('skipped') is not None]), \
        suite.get('errors'), suite.get('failures'), suite.get('skipped'))";
    let parsed = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&junit)
        .output()
        .unwrap();
    assert!(parsed.status.success(), "{}", stderr_of(&parsed));
    assert_eq!(stdout_of(&parsed).trim(), "6 6 0 6 0 0");
    // The JSON report says the same.
    let out = sandbox
        .cmd()
        .env("DESK_INVOKE_BASE_URL", "http://127.0.0.1:9")
        .args(["-o", "json", "smoke"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_str(stdout_of(&out).trim()).unwrap();
    let steps = report["steps"].as_array().unwrap();
    assert!(steps.iter().all(|s| s["status"] == "error"), "{report}");
}

#[test]
fn a_refused_command_line_is_a_json_error_with_json_output() {
    let sandbox = Sandbox::new();
    for args in [
        vec!["-o", "json", "storage", "get", "--bogus"],
        vec!["-ojson", "storage", "get", "--limit", "0"],
        vec!["--output", "json", "nosuchcommand"],
        vec!["storage", "--output=json"],
        vec!["-o", "table", "-o", "json", "hash", "--url"],
    ] {
        let out = sandbox.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout_of(&out).is_empty(), "{args:?}");
        let stderr = stderr_of(&out);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        let error: serde_json::Value = serde_json::from_str(&stderr)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {stderr}"));
        assert_eq!(error["error"]["exitCode"], 2, "{error}");
        assert!(!error["error"]["message"].as_str().unwrap().is_empty());
    }
    // Without -o json (or with a later -o overriding it), clap's text as before.
    for args in [
        vec!["storage", "get", "--bogus"],
        vec!["-o", "json", "-o", "table", "storage", "get", "--bogus"],
    ] {
        let out = sandbox.cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr_of(&out).starts_with("error: unexpected argument"),
            "{}",
            stderr_of(&out)
        );
    }
    // Help stays help.
    let out = sandbox
        .cmd()
        .args(["-o", "json", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout_of(&out).contains("Usage:"));
}

#[test]
fn a_failing_hash_prints_nothing_on_stdout() {
    let sandbox = Sandbox::new();
    let not_utf8 = sandbox.write("latin1.txt", b"caf\xe9");
    for body in [
        "@missing.json".to_string(),
        format!("@{}", not_utf8.display()),
    ] {
        let out = sandbox
            .signed()
            .current_dir(sandbox.dir.path())
            .args(["hash", "--canonical", "--url", "/x", "-X", "POST"])
            .args(["--post-body", &body])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
        assert!(stdout_of(&out).is_empty(), "{body}: {}", stdout_of(&out));
    }
    let out = sandbox
        .signed()
        .args(["hash", "--canonical", "--url", "/x", "--post-body", "@-"])
        .write_stdin(&b"caf\xe9"[..])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout_of(&out).is_empty(), "{}", stdout_of(&out));
    // What works still streams whole, from a file and from stdin.
    sandbox.write("body.json", "{\"a\":1}");
    let out = sandbox
        .signed()
        .current_dir(sandbox.dir.path())
        .args([
            "hash",
            "--canonical",
            "--url",
            "/x",
            "--post-body",
            "@body.json",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "requestURL=/x&postBody={\"a\":1}\n");
}

#[test]
fn a_value_that_starts_with_at_is_given_with_a_double_at() {
    let sandbox = Sandbox::new();
    sandbox.write("home", "the file, not the value");
    let out = sandbox
        .signed()
        .current_dir(sandbox.dir.path())
        .args([
            "hash",
            "--canonical",
            "--url",
            "@@/x",
            "--post-body",
            "@@home",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "requestURL=@/x&postBody=@home\n");
    let out = sandbox
        .signed()
        .current_dir(sandbox.dir.path())
        .args(["hash", "--post-body", "@@home"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&out).trim(),
        openssl_hmac(SECRET, b"postBody=@home")
    );
    // Sent as well as signed: a log whose description starts with `@`.
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .against(&emulator.base_url)
        .current_dir(sandbox.dir.path())
        .args(["log", "--title", "t", "--description", "@@home"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let journal = curl_get(&format!("{}/_emulator/requests", emulator.base_url));
    assert!(journal.contains("@home"), "{journal}");
    assert!(!journal.contains("the file, not the value"), "{journal}");
}

/// The body of a GET on loopback, read with curl (an independent client).
fn curl_get(url: &str) -> String {
    let out = std::process::Command::new("curl")
        .args(["-sS", "--max-time", "10", url])
        .output()
        .expect("curl is needed by the tests");
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn hash_help_does_not_promise_base_url_joining() {
    let sandbox = Sandbox::new();
    let help = stdout_of(&sandbox.cmd().args(["hash", "--help"]).output().unwrap());
    assert!(help.contains("`hash` signs it as given"), "{help}");
    let out = sandbox
        .signed()
        .args(["-p", "local", "hash", "--canonical", "--url", "/api/v1/x"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "requestURL=/api/v1/x\n");
}

#[test]
fn a_missing_key_is_a_no_with_exit_1() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    sandbox
        .against(url)
        .args([
            "storage",
            "put",
            "here",
            "{\"v\":1}",
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let out = sandbox
        .against(url)
        .args(["storage", "get", "--key", "missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stdout_of(&out).is_empty(), "{}", stdout_of(&out));
    assert_eq!(stderr_of(&out).trim(), "error: no item with key `missing`");
    // As a script tests it: `if desk-invoke storage get --key K …; then`.
    let script = "if desk-invoke storage get --key missing -o raw >/dev/null 2>&1; \
                  then echo found; else echo absent; fi\n\
                  desk-invoke storage get --key here -o raw";
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .parent()
        .unwrap();
    let out = std::process::Command::new("bash")
        .args(["-e", "-c", script])
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_BASE_URL", url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "absent\n{\"v\":1}\n");
}
