//! `send-callback --dry-run` prints the callback it would send (URL, HASH, body) and sends
//! nothing, so a handler can be tested offline; the HASH is the body's HMAC.

use crate::common::{
    free_port, openssl_hmac, stderr_of, stdout_of, Sandbox, SECRET, SECURITY_CONTEXT,
};
use serde_json::Value;

/// A URL nothing listens on: a real send fails (exit 6); a dry run does not try.
fn nowhere() -> String {
    format!("http://127.0.0.1:{}/callback", free_port())
}

#[test]
fn dry_run_json_gives_the_exact_body_and_its_hash_without_sending() {
    let sandbox = Sandbox::new();
    let to = nowhere();
    let body = r#"{"event":"onInstall","orgId":1, "x":"é"}"#;
    let args = [
        "send-callback",
        "--event",
        "onInstall",
        "--to",
        &to,
        "--body",
        body,
    ];
    let sent = sandbox
        .against("http://127.0.0.1:9")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(sent.status.code(), Some(6), "{}", stderr_of(&sent));
    let dry = sandbox
        .against("http://127.0.0.1:9")
        .args(args)
        .args(["--dry-run", "-o", "json"])
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", stderr_of(&dry));
    let shown: Value = serde_json::from_str(&stdout_of(&dry)).unwrap();
    assert_eq!(shown["body"], body);
    assert_eq!(shown["url"], to);
    assert_eq!(shown["hash"], openssl_hmac(SECRET, body.as_bytes()));
}

#[test]
fn dry_run_masks_the_security_context_unless_asked() {
    let sandbox = Sandbox::new();
    let to = nowhere();
    let args = [
        "send-callback",
        "--event",
        "onInstall",
        "--to",
        &to,
        "--dry-run",
    ];
    let masked = sandbox
        .against("http://127.0.0.1:9")
        .args(args)
        .output()
        .unwrap();
    assert!(masked.status.success(), "{}", stderr_of(&masked));
    let text = stdout_of(&masked);
    assert!(text.starts_with(&format!("POST {to}\nHASH: ")), "{text}");
    assert!(!text.contains(SECURITY_CONTEXT), "{text}");
    let shown = sandbox
        .against("http://127.0.0.1:9")
        .args(args)
        .args(["--show-secrets", "--jq", ".body"])
        .output()
        .unwrap();
    let body = stdout_of(&shown);
    let body = body.trim_end_matches('\n');
    assert!(body.contains(SECURITY_CONTEXT), "{body}");
    // The HASH printed is of the real body, masked or not.
    let hash = text.lines().nth(1).unwrap().trim_start_matches("HASH: ");
    assert_eq!(hash, openssl_hmac(SECRET, body.as_bytes()));
}

/// A securityContext that JSON escapes (a quote, a backslash) is masked in the body too.
#[test]
fn dry_run_masks_a_security_context_in_its_json_escaped_form() {
    let sandbox = Sandbox::new();
    let context = r#"ctx"with\escapes-0123456789"#;
    let out = sandbox
        .against("http://127.0.0.1:9")
        .env("DESK_INVOKE_SECURITY_CONTEXT", context)
        .args([
            "send-callback",
            "--event",
            "onInstall",
            "--to",
            &nowhere(),
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let escaped = serde_json::to_string(context).unwrap();
    assert!(!text.contains(escaped.trim_matches('"')), "{text}");
    assert!(!text.contains("with\\\\escapes"), "{text}");
}
