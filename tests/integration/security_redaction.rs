//! Secrets are redacted wherever they could surface: echoed by a server in any encoding,
//! in the JUnit report, short secrets, and the emulator's own secrets.

use crate::common::*;
use crate::hostile::{encodings, Answer, Hostile};
use serde_json::{json, Value};

// Whatever a server echoes, in whatever encoding, never reaches the terminal.
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

// The emulator: securityContext from a file or the environment, a warning for the flag,
//  a private database, no secure value in its errors.
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
    sandbox
        .desk_against(
            &emulator.base_url,
            &[
                "invoke",
                "--url",
                "/api/v1/installedExtensions/{{installationId}}/configParams",
                "-X",
                "POST",
            ],
        )
        .args(["--post-body", &body.to_string()])
        .run();
    let out = sandbox
        .desk_against(
            &emulator.base_url,
            &["invoke", "--url", "https://{{apiHost}}/x"],
        )
        .expect_exit(4)
        .run();
    assert!(!stderr_of(&out).contains("sk-live"), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("HOST_NOT_ALLOWED"),
        "{}",
        stderr_of(&out)
    );
    let journal = http_get(&format!("{}/_emulator/requests", emulator.base_url));
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
        .desk_against(&echo.url, &["smoke", "--junit"])
        .arg(&junit)
        .expect_exit(1)
        .run();
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
    let out = Run::of(sandbox.against(&emulator.base_url))
        .env("DESK_INVOKE_SECRET", "s")
        .env("DESK_INVOKE_SECURITY_CONTEXT", "c")
        .args(["storage", "get", "--key", "k"])
        .expect_exit(4)
        .run();
    let stderr = stderr_of(&out);
    assert!(stderr.contains("[redacted]"), "{stderr}");
    assert!(!stderr.contains("[reda["), "redacted twice: {stderr}");
    let unmasked: String = stderr.replace("[redacted]", "");
    assert!(
        !unmasked.contains('s') && !unmasked.contains('c'),
        "{unmasked}"
    );
}
