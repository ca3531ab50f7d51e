//! `invoke` end to end against an independent server (tests/fake_desk.py, Python stdlib):
//! every method, awkward characters, every response shape, honest exit codes, retries,
//! timeouts, and no secret in any output.

use crate::common::*;
use serde_json::Value;

fn echo(sandbox: &Sandbox, desk: &FakeDesk, args: &[&str]) -> Value {
    let out = sandbox
        .desk_against(&desk.url, &["invoke", "--url", "/echo"])
        .args(args)
        .run();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_method_round_trips() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    for method in ["GET", "post", "PUT", "patch", "DELETE"] {
        let got = echo(
            &sandbox,
            &desk,
            &["-X", method, "--post-body", r#"{"m":1}"#],
        );
        assert_eq!(got["requestType"], method.to_uppercase());
        assert_eq!(got["postBody"], r#"{"m":1}"#);
        assert_eq!(got["requestURL"], format!("{}/echo", desk.url));
    }
}

#[test]
fn awkward_characters_arrive_exactly() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    let body = "{\"q\":\"a+b & c=d %20 ü ✓ 日本\",\n\"slash\":\"https:\\/\\/x\"}";
    let got = echo(
        &sandbox,
        &desk,
        &[
            "-X",
            "POST",
            "--post-body",
            body,
            "--query",
            "x=1+1&y",
            "-H",
            "X-Sign: a=b&c",
            "--connection",
            "my conn",
        ],
    );
    assert_eq!(got["postBody"], body);
    assert_eq!(got["queryParams"], r#"{"x":"1+1&y"}"#);
    assert_eq!(got["headers"], r#"{"X-Sign":"a=b&c"}"#);
    assert_eq!(got["connectionLinkName"], "my conn");
    // An empty body is sent (and signed) as empty; an absent one is not sent.
    let got = echo(&sandbox, &desk, &["-X", "POST", "--post-body", ""]);
    assert_eq!(got["postBody"], "");
    let got = echo(&sandbox, &desk, &["-X", "GET"]);
    assert!(got.get("postBody").is_none());
}

#[test]
fn response_shapes_are_decoded() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    let run = |path: &str, extra: &[&str]| {
        let out = sandbox
            .desk_against(&desk.url, &["invoke", "--url", path])
            .args(extra)
            .run();
        stdout_of(&out)
    };
    assert_eq!(
        run("/shape/status-message-object", &[]),
        "{\"data\":[{\"key\":\"a\"}]}\n"
    );
    assert_eq!(
        run("/shape/status-message-string", &[]),
        "{\"data\":[{\"key\":\"a\"}]}\n"
    );
    assert_eq!(run("/shape/text", &[]), "plain text, not JSON\n");
    assert_eq!(
        run("/shape/text", &["-o", "json"]),
        "\"plain text, not JSON\"\n"
    );
    assert_eq!(run("/shape/string-status", &[]), "{\"created\":true}\n");
    let included = run("/shape/string-status", &["-i"]);
    assert!(
        included.starts_with("statusCode: 201\nX-Fake: string-headers\n\n{\"created\":true}"),
        "{included}"
    );
    let raw = run("/shape/status-message-string", &["-o", "raw"]);
    assert!(raw.starts_with("{\"statusMessage\": \""), "{raw}");
    let envelope: Value = serde_json::from_str(&run("/shape/text", &["--envelope"])).unwrap();
    assert_eq!(envelope["statusCode"], 200);
    assert_eq!(envelope["response"], "plain text, not JSON");
}

#[test]
fn exit_codes_follow_the_inner_status() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    for (path, code) in [
        ("/status/404", 4),
        ("/status/422", 4),
        ("/status/500", 5),
        ("/status/503", 5),
        ("/status/204", 0),
    ] {
        let out = sandbox
            .against(&desk.url)
            .args(["invoke", "--retries", "0", "--url", path])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{path}: {}", stderr_of(&out));
        if code != 0 {
            // The body still reaches stdout; stderr says what happened in one line.
            assert!(stdout_of(&out).contains("STATUS_"), "{path}");
            assert_clean_failure(&out, code, &[SECRET, SECURITY_CONTEXT]);
        }
    }
}

#[test]
fn wrong_secret_is_rejected_with_a_hash_hint() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    let out = Run::of(sandbox.against(&desk.url))
        .env("DESK_INVOKE_SECRET", "not-the-secret")
        .args(["invoke", "--url", "/echo"])
        .expect_error(4)
        .no_secret_leaks()
        .hides("not-the-secret")
        .run();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("INVALID_HASH") && stderr.contains("hint:") && stderr.contains("HASH"),
        "{stderr}"
    );
    Run::of(sandbox.against(&desk.url))
        .env("DESK_INVOKE_SECURITY_CONTEXT", "wrong-context")
        .args(["invoke", "--url", "/echo"])
        .expect_error(4)
        .hides(SECRET)
        .hides("wrong-context")
        .run();
}

#[test]
fn network_failures_exit_6() {
    let sandbox = Sandbox::new();
    // A port nothing listens on: bind, note the port, close.
    let port = free_port();
    sandbox
        .desk_against(
            &format!("http://127.0.0.1:{port}"),
            &["invoke", "--url", "/echo", "--retries", "2"],
        )
        .expect_error(6)
        .no_secret_leaks()
        .run();
    let desk = FakeDesk::start();
    sandbox
        .desk_against(
            &desk.url,
            &[
                "invoke",
                "--url",
                "/slow",
                "--timeout",
                "500ms",
                "--retries",
                "1",
            ],
        )
        .expect_error(6)
        .no_secret_leaks()
        .stderr_has("timed out")
        .run();
    sandbox
        .desk_against(
            &desk.url,
            &["invoke", "-X", "GET", "--url", "/drop", "--retries", "1"],
        )
        .expect_error(6)
        .no_secret_leaks()
        .run();
}

#[test]
fn retries_recover_and_are_bounded() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    // Two 503s with Retry-After, then success: three attempts, even for a POST.
    let out = sandbox
        .desk_against(
            &desk.url,
            &["invoke", "-X", "POST", "--url", "/flaky/a/2", "-v"],
        )
        .run();
    assert_eq!(stdout_of(&out), "{\"attempts\":3}\n");
    assert_eq!(stderr_of(&out).matches("retrying").count(), 2);
    // Not enough retries: the last answer (503) decides the exit code.
    sandbox
        .desk_against(
            &desk.url,
            &["invoke", "--url", "/flaky/b/5", "--retries", "1"],
        )
        .expect_error(5)
        .no_secret_leaks()
        .run();
}

#[test]
fn traces_never_show_secrets() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    for args in [
        vec![
            "-v",
            "invoke",
            "--url",
            "/echo",
            "-X",
            "POST",
            "--post-body",
            "{}",
        ],
        vec!["-vv", "invoke", "--url", "/echo"],
        vec!["-vv", "invoke", "--url", "/status/500", "--retries", "1"],
        vec!["-vv", "invoke", "--url", "/flaky/c/1"],
        vec!["-vv", "invoke", "--url", "/echo", "--dry-run"],
        vec!["-vv", "invoke", "--url", "/echo", "--envelope", "-i"],
    ] {
        let out = sandbox.against(&desk.url).args(&args).output().unwrap();
        assert_no_secrets(&out);
    }
    let out = sandbox
        .against(&desk.url)
        .args(["-vv", "invoke", "--url", "/echo"])
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("securityContext=[redacted]") && stderr.contains("< 200"),
        "{stderr}"
    );
}

#[test]
fn bad_input_is_caught_before_sending() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    for (args, code) in [
        (vec!["invoke"], 2),
        (vec!["invoke", "--url", "/echo", "-X", "TRACE"], 2),
        (vec!["invoke", "--url", "/echo", "--headers", "{oops"], 2),
        (
            vec!["invoke", "--url", "/echo", "--query-params", "\"str\""],
            2,
        ),
        (
            vec![
                "invoke",
                "--url",
                "/echo",
                "--base-url",
                "http://desk.zoho.com",
            ],
            2,
        ),
        (
            vec!["invoke", "--url", "/echo", "--base-url", "not a url"],
            2,
        ),
        (vec!["invoke", "--url", "/echo", "--timeout", "0s"], 2),
    ] {
        let out = sandbox.against(&desk.url).args(&args).output().unwrap();
        assert_clean_failure(&out, code, &[SECRET, SECURITY_CONTEXT]);
    }
    // Configuration missing: exit 3.
    sandbox
        .desk_signed(&["invoke", "--url", "/echo"])
        .expect_error(3)
        .hides(SECRET)
        .run();
    Run::of(sandbox.signed())
        .env("DESK_INVOKE_BASE_URL", &desk.url)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .args(["invoke", "--url", "/echo"])
        .expect_error(3)
        .hides(SECRET)
        .run();
}

#[test]
fn dry_run_shows_everything_but_secrets_and_sends_nothing() {
    let sandbox = Sandbox::new();
    // Nothing listens here; a dry run must not try.
    let out = sandbox
        .desk_against(
            "https://desk.zoho.eu",
            &[
                "invoke",
                "--dry-run",
                "--url",
                "/api/v1/tickets",
                "-H",
                "orgId: 1",
            ],
        )
        .run();
    let text = stdout_of(&out);
    let canonical =
        r#"requestURL=https://desk.zoho.eu/api/v1/tickets&requestType=GET&headers={"orgId":"1"}"#;
    assert!(
        text.contains(&format!("stringToHash: {canonical}")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "HASH: {}",
            openssl_hmac(SECRET, canonical.as_bytes())
        )),
        "{text}"
    );
    assert!(
        text.contains("POST https://desk.zoho.eu/api/v1/invoke?orgId=376723"),
        "{text}"
    );
    assert!(text.contains("curl -sS -X POST"), "{text}");
    assert_no_secrets(&out);
}

#[test]
fn send_callback_is_signed_over_the_raw_body() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    let to = format!("{}/callback", desk.url);
    let out = sandbox
        .desk_against(
            &desk.url,
            &["-v", "send-callback", "--event", "onInstall", "--to", &to],
        )
        .run();
    assert_eq!(stdout_of(&out), "200 OK\n");
    // The handler echoes the event; the -v trace shows it with the securityContext redacted.
    assert!(
        stderr_of(&out).contains("\"securityContext\": \"[redacted]\""),
        "{}",
        stderr_of(&out)
    );
    assert_no_secrets(&out);
    // A body given verbatim (odd spacing kept) is signed as given.
    let body = r#"{ "event" : "onUninstall", "orgId": 1 }"#;
    sandbox
        .against(&desk.url)
        .args([
            "send-callback",
            "--event",
            "onUninstall",
            "--to",
            &to,
            "--body",
            body,
        ])
        .assert()
        .success();
    // The handler's 4xx is exit 4.
    let out = Run::of(sandbox.against(&desk.url))
        .env("DESK_INVOKE_SECRET", "other")
        .args(["send-callback", "--event", "onInstall", "--to", &to])
        .expect_error(4)
        .no_secret_leaks()
        .hides("other")
        .run();
    assert_eq!(stdout_of(&out), "401 Unauthorized\n");
    // Bad input.
    for args in [
        vec!["send-callback", "--event", "onExplode", "--to", &to],
        vec![
            "send-callback",
            "--event",
            "onInstall",
            "--to",
            "http://example.com/cb",
        ],
        vec![
            "send-callback",
            "--event",
            "onInstall",
            "--to",
            &to,
            "--body",
            "{nope",
        ],
    ] {
        sandbox
            .desk_against(&desk.url, &args)
            .expect_error(2)
            .no_secret_leaks()
            .run();
    }
    // Nobody listening: a network failure.
    let closed = format!("http://127.0.0.1:{}/callback", free_port());
    sandbox
        .desk_against(
            &desk.url,
            &["send-callback", "--event", "onInstall", "--to", &closed],
        )
        .expect_error(6)
        .no_secret_leaks()
        .run();
    // What send-callback signs, verify-callback accepts.
    let hash = openssl_hmac(SECRET, body.as_bytes());
    sandbox
        .signed()
        .args(["verify-callback", "--hash", &hash, "--body", body])
        .assert()
        .success()
        .stdout("valid\n");
}

#[test]
fn colour_follows_flag_and_environment() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let mut cmd = sandbox.against(&desk.url);
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd
            .args(extra)
            .args(["invoke", "--url", "/echo"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        stdout_of(&out).contains('\u{1b}')
    };
    assert!(!run(&[], &[]), "piped output is plain by default");
    assert!(run(&["--color", "always"], &[]));
    assert!(run(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(
        !run(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins"
    );
    assert!(!run(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(
        run(&["--color", "always"], &[("NO_COLOR", "1")]),
        "the flag wins"
    );
}
