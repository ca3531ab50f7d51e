//! See what happened to a callback: `verify-callback` says which common change to a body
//! (a trailing newline, CRLF, a BOM) broke its HASH, when undoing it makes the HASH match.

use crate::common::{openssl_hmac, stderr_of, stdout_of, Sandbox, SECRET};

const SIGNED: &str = "{\"event\":\"onInstall\",\n\"orgId\":1}";

fn verify(sandbox: &Sandbox, body: &[u8], extra: &[&str]) -> std::process::Output {
    let file = sandbox.write("callback.json", body);
    sandbox
        .signed()
        .args([
            "verify-callback",
            "--hash",
            &openssl_hmac(SECRET, SIGNED.as_bytes()),
        ])
        .arg("--body")
        .arg(format!("@{}", file.display()))
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn verify_callback_names_the_change_that_broke_the_hash() {
    let sandbox = Sandbox::new();
    let crlf = SIGNED.replace('\n', "\r\n");
    for (body, says) in [
        (format!("{SIGNED}\n"), "without its trailing newline"),
        (format!("{SIGNED}\r\n"), "without its trailing newline"),
        (crlf, "LF line ends instead of CRLF"),
        (format!("\u{feff}{SIGNED}"), "byte order mark"),
        // The body as signed verifies: the control.
        (SIGNED.to_string(), ""),
    ] {
        let out = verify(&sandbox, body.as_bytes(), &[]);
        if says.is_empty() {
            assert!(out.status.success());
            continue;
        }
        assert_eq!(out.status.code(), Some(1), "{body:?}");
        assert_eq!(stdout_of(&out), "invalid\n");
        assert!(
            stderr_of(&out).contains(says),
            "{body:?}: {}",
            stderr_of(&out)
        );
        let json = verify(&sandbox, body.as_bytes(), &["-o", "json"]);
        let report: serde_json::Value = serde_json::from_str(&stdout_of(&json)).unwrap();
        assert_eq!(report["valid"], false);
        assert!(report["hint"].as_str().unwrap().contains(says));
    }
}

#[test]
fn a_body_that_differs_otherwise_is_just_invalid() {
    let sandbox = Sandbox::new();
    let out = verify(&sandbox, b"{\"event\":\"onUninstall\"}\n", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_of(&out), "invalid\n");
    assert!(!stderr_of(&out).contains("hint"), "{}", stderr_of(&out));
}
