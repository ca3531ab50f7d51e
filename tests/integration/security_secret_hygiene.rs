//! Neither the secret nor the securityContext may appear in any output: every command, with
//! `-v` and `-vv`, dry runs, and failing paths. Also: profile writes are 0600.

use crate::common::*;

#[test]
fn no_command_prints_a_secret() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--permission", "canEdit=true"]);
    assert!(
        !emulator.banner.contains(SECRET) && !emulator.banner.contains(SECURITY_CONTEXT),
        "{}",
        emulator.banner
    );
    let url = emulator.base_url.clone();
    let items = sandbox.write(
        "items.ndjson",
        "{\"key\":\"a\",\"value\":{}}\n{\"key\":\"bad key\",\"value\":{}}\n",
    );
    let failed = sandbox.path("failed.ndjson");
    let cb_body = format!(
        r#"{{"event":"onInstall","orgId":{ORG_ID},"securityContext":"{SECURITY_CONTEXT}"}}"#
    );
    let good_hash = openssl_hmac(SECRET, cb_body.as_bytes());
    let items_arg = items.to_str().unwrap();
    let failed_arg = failed.to_str().unwrap();
    let to = format!("{url}/no-handler-here");
    let runs: Vec<Vec<&str>> = vec![
        vec!["hash", "--url", "/x", "-o", "json"],
        vec!["hash", "--url", "/x", "--canonical"],
        vec![
            "invoke",
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/storage",
            "--dry-run",
        ],
        vec![
            "invoke",
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/storage",
            "--dry-run",
            "-o",
            "json",
        ],
        vec![
            "invoke",
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/storage",
            "--envelope",
            "-i",
        ],
        vec!["invoke", "--url", "/api/v1/nowhere"],
        vec![
            "invoke",
            "--url",
            "http://127.0.0.1:1/refused",
            "--retries",
            "1",
        ],
        vec!["storage", "put", "k", "{}"],
        vec![
            "storage",
            "get",
            "--queriable-value",
            "q",
            "--all",
            "-o",
            "ndjson",
        ],
        vec![
            "storage", "put", "--file", items_arg, "--failed", failed_arg,
        ],
        vec!["storage", "delete", "k"],
        vec!["config", "set", "a=1"],
        vec!["config", "get", "--show-secrets"],
        vec!["log", "--title", "t"],
        vec!["permissions"],
        vec!["permissions", "check", "canEdit"],
        vec!["smoke", "--log"],
        vec![
            "verify-callback",
            "--hash",
            &good_hash,
            "--body",
            &cb_body,
            "-o",
            "json",
        ],
        vec!["verify-callback", "--hash", "00", "--body", &cb_body],
        vec!["send-callback", "--event", "onInstall", "--to", &to],
        vec!["profile", "list"],
        vec!["profile", "show"],
    ];
    for args in &runs {
        for verbosity in ["-v", "-vv"] {
            let out = sandbox
                .against(&url)
                .arg(verbosity)
                .args(args)
                .output()
                .unwrap();
            assert!(!stderr_of(&out).contains("panicked"), "{args:?}");
            assert_no_secrets(&out);
        }
        // The same with the wrong secret: a failing path.
        let out = sandbox
            .against(&url)
            .env("DESK_INVOKE_SECRET", "wrong-secret-value-123")
            .arg("-vv")
            .args(args)
            .output()
            .unwrap();
        assert_no_secrets(&out);
        assert!(
            !stdout_of(&out).contains("wrong-secret-value-123")
                && !stderr_of(&out).contains("wrong-secret-value-123"),
            "{args:?}"
        );
    }
    // The failed-items file holds data, not credentials.
    let failed_text = std::fs::read_to_string(&failed).unwrap();
    assert!(!failed_text.contains(SECRET) && !failed_text.contains(SECURITY_CONTEXT));
}

#[test]
fn stored_secrets_stay_private() {
    let sandbox = Sandbox::new();
    let secret_file = sandbox.write("secret", SECRET);
    let context_file = sandbox.write("context", SECURITY_CONTEXT);
    let out = sandbox
        .desk(&[
            "-vv",
            "profile",
            "set",
            "p",
            "--org-id",
            "1",
            "--data-center",
            "us",
            "--secret-file",
        ])
        .arg(&secret_file)
        .arg("--security-context-file")
        .arg(&context_file)
        .run();
    assert_no_secrets(&out);
    for args in [
        vec!["profile", "show", "p"],
        vec!["profile", "show", "p", "-o", "json"],
        vec!["-p", "p", "invoke", "--url", "/x", "--dry-run"],
    ] {
        let out = sandbox.desk(&args).run();
        assert_no_secrets(&out);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(sandbox.profiles_path())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_malformed_connection_flag_does_not_echo_its_credential() {
    let sandbox = Sandbox::new();
    for bad in [
        "crm=Bearer tok-0123456789",
        "=Authorization: Bearer tok-0123456789",
        "crm=: tok-0123456789",
    ] {
        sandbox
            .desk_signed(&["emulator", "--in-memory", "--connection", bad])
            .expect_error(2)
            .hides(SECRET)
            .hides("tok-0123456789")
            .run();
    }
}
