//! `listen` for Desk's callbacks: verified, printed, forwarded and saved.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::Stdio;

fn send(sandbox: &Sandbox, to: &str, secret: &str) -> std::process::Output {
    sandbox
        .cmd()
        .env("DESK_INVOKE_SECRET", secret)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .args(["send-callback", "--event", "onInstall", "--to", to])
        .output()
        .unwrap()
}

#[test]
fn listen_verifies_prints_forwards_and_saves() {
    let sandbox = Sandbox::new();
    let handler = Hostile::start(|_| Answer::json(200, &json!({"ok": true})));
    let mut listening = sandbox.listen(
        &[
            "-p",
            "dev",
            "--save",
            "--once",
            "--forward-to",
            &format!("{}/mine", handler.url),
        ],
        Stdio::piped(),
    );
    // A wrong secret: 401, nothing saved, still listening.
    let out = send(&sandbox, &listening.callback_url, "not-the-secret");
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    // A tampered body: 401.
    let tampered = std::process::Command::new("curl")
        .args([
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "-X",
            "POST",
            "-H",
            "Content-Type: application/json",
        ])
        .args([
            "-H",
            &format!(
                "HASH: {}",
                openssl_hmac(SECRET, b"{\"event\":\"onInstall\"}")
            ),
        ])
        .args([
            "--data",
            "{\"event\":\"onUninstall\"}",
            &listening.callback_url,
        ])
        .output()
        .expect("curl runs (.ci/run installs it)");
    assert_eq!(String::from_utf8_lossy(&tampered.stdout), "401");
    // The real thing: 200, printed, forwarded byte for byte, saved; --once ends it.
    let out = send(&sandbox, &listening.callback_url, SECRET);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let status = listening.child.0.wait().unwrap();
    assert!(status.success());
    let mut stdout = String::new();
    BufReader::new(listening.child.0.stdout.take().unwrap())
        .read_line(&mut stdout)
        .unwrap();
    let event: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(event["event"], "onInstall");
    assert_eq!(event["securityContext"], "[redacted]");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut listening.child.0.stderr.take().unwrap(), &mut stderr)
        .unwrap();
    assert!(
        stderr.contains("INVALID") && stderr.contains("valid"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(SECURITY_CONTEXT) && !stderr.contains(SECRET),
        "{stderr}"
    );
    let relayed = handler.requests();
    assert_eq!(relayed.len(), 1);
    let hash = relayed[0]
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("hash"))
        .unwrap();
    assert_eq!(
        hash.1,
        openssl_hmac(SECRET, &relayed[0].body),
        "the bytes and HASH as sent"
    );
    let profiles = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(profiles.contains("[profiles.dev]"), "{profiles}");
    assert!(profiles.contains(SECURITY_CONTEXT), "{profiles}");
}
