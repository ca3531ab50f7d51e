//! What storage accepts can be read back: one nesting limit on the client and the emulator.

use crate::common::*;

/// `{"a":{"a":…1…}}`, `levels` objects deep.
fn nested(levels: usize) -> String {
    "{\"a\":".repeat(levels) + "1" + &"}".repeat(levels)
}

#[test]
fn a_value_nested_too_deep_to_read_back_is_refused_on_both_sides() {
    let sandbox = Sandbox::new();
    // The deepest value allowed is stored and read back, alone and in its group.
    let deepest = nested(64);
    let put = sandbox
        .cmd()
        .args([
            "-p",
            "local",
            "storage",
            "put",
            "deep",
            &deepest,
            "--queriable-value",
            "deep",
        ])
        .output()
        .unwrap();
    assert!(put.status.success(), "{}", stderr_of(&put));
    for args in [
        &["--key", "deep"][..],
        &["--queriable-value", "deep", "--all"][..],
    ] {
        let get = sandbox
            .cmd()
            .args(["-p", "local", "storage", "get", "-o", "ndjson"])
            .args(args)
            .output()
            .unwrap();
        assert!(get.status.success(), "{}", stderr_of(&get));
        assert!(stdout_of(&get).contains(&deepest), "{}", stdout_of(&get));
    }
    // One level more: the client refuses before sending.
    let too_deep = nested(65);
    let put = sandbox
        .cmd()
        .args([
            "-p",
            "local",
            "storage",
            "put",
            "deeper",
            &too_deep,
            "--queriable-value",
            "deep",
        ])
        .output()
        .unwrap();
    assert_eq!(put.status.code(), Some(2), "{}", stderr_of(&put));
    assert!(
        stderr_of(&put).contains("levels deep"),
        "{}",
        stderr_of(&put)
    );
    // And the emulator refuses it from a client that does not check (a raw invoke).
    let body = format!(r#"{{"key":"deeper","queriableValue":"deep","value":{too_deep}}}"#);
    let raw = sandbox
        .cmd()
        .args(["-p", "local", "invoke", "-X", "POST"])
        .args([
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/storage",
        ])
        .args(["--post-body", &body])
        .output()
        .unwrap();
    assert_eq!(raw.status.code(), Some(4), "{}", stderr_of(&raw));
    assert!(
        stderr_of(&raw).contains("levels deep"),
        "{}",
        stderr_of(&raw)
    );
    // The group still lists: nothing unreadable got in.
    let get = sandbox
        .cmd()
        .args([
            "-p",
            "local",
            "storage",
            "get",
            "--queriable-value",
            "deep",
            "--all",
            "-o",
            "ndjson",
        ])
        .output()
        .unwrap();
    assert!(get.status.success(), "{}", stderr_of(&get));
    assert_eq!(stdout_of(&get).lines().count(), 1, "{}", stdout_of(&get));
}
