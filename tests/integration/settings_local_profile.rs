//! The built-in `local` profile: it works on a fresh machine against the emulator, it is
//! sealed against real credentials, and it refuses what cannot work.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::json;

// `-p local` is sealed: exported production settings never reach it, and it never
//  reaches them.
#[test]
fn the_local_profile_is_sealed() {
    let sandbox = Sandbox::new();
    let production = Hostile::start(|_| Answer::envelope(200, &json!({})));
    Run::of(sandbox.cmd())
        .env("DESK_INVOKE_BASE_URL", &production.url)
        .env("DESK_INVOKE_ORG_ID", "999")
        .env("DESK_INVOKE_SECRET", "production-secret")
        .env("DESK_INVOKE_SECURITY_CONTEXT", "production-context")
        .args(["-p", "local", "smoke"])
        .stderr_has("ignores DESK_INVOKE_BASE_URL")
        .run();
    assert!(
        production.requests().is_empty(),
        "local reached the exported base URL"
    );
    for flags in [
        vec!["--base-url", "http://127.0.0.1:9"],
        vec!["--org-id", "1"],
        vec!["--secret-file", "/dev/null"],
    ] {
        sandbox
            .desk(&["-p", "local"])
            .args(&flags)
            .args(["storage", "get", "--key", "k"])
            .expect_error(2)
            .stderr_has("sealed")
            .run();
    }
}

// The profile's connection goes with `invoke` only.
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

#[test]
fn local_profile_works_on_a_fresh_machine() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args([
            "-p",
            "local",
            "storage",
            "put",
            "greeting",
            r#"{"hello":"world"}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let got = json_out(
        &sandbox
            .cmd()
            .args(["-p", "local", "storage", "get", "--key", "greeting"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        got,
        json!([{"key": "greeting", "queriableValue": "g", "value": {"hello": "world"}}])
    );
    // It persists in <data dir>/emulator.sqlite between processes.
    assert!(sandbox
        .dir
        .path()
        .join("data/desk-invoke/emulator.sqlite")
        .exists());
    let junit = sandbox.path("out.xml");
    sandbox
        .cmd()
        .args(["-p", "local", "smoke", "--junit"])
        .arg(&junit)
        .assert()
        .success();
    validate_junit(&junit, 6, 0);
    sandbox
        .cmd()
        .args(["-p", "local", "storage", "delete", "greeting"])
        .assert()
        .success();
}

/// The built-in `local` profile: no dry run (its emulator lives in one process only), and it
/// cannot be changed by `verify-callback --save`.
#[test]
fn the_local_profile_refuses_what_cannot_work() {
    let sandbox = Sandbox::new();
    sandbox
        .desk(&["-p", "local", "invoke", "--url", "/x", "--dry-run"])
        .expect_error(2)
        .run();
    let body = r#"{"event":"onInstall","orgId":1,"securityContext":"c"}"#;
    let hash = openssl_hmac(desk_invoke::LOCAL_SECRET, body.as_bytes());
    sandbox
        .desk(&[
            "-p",
            "local",
            "verify-callback",
            "--save",
            "--hash",
            &hash,
            "--body",
            body,
        ])
        .expect_error(2)
        .run();
    assert!(!sandbox.profiles_path().exists());
}
