//! Where stdout goes: a reader that stops early ends every command the same way (exit 0,
//! nothing on stderr), a stdout that cannot be written is an error (exit 2), and a dry run
//! asked for JSON prints JSON.

use crate::common::{stderr_of, stdout_of, Sandbox, SECRET};
use serde_json::Value;

/// Runs `command` (a shell pipeline) with the test secret: its output and `$PIPESTATUS[0]`.
fn pipeline(sandbox: &Sandbox, command: &str) -> (String, String) {
    let bin = env!("CARGO_BIN_EXE_desk-invoke");
    let script = format!(
        "{}; echo \"${{PIPESTATUS[0]}}\"",
        command.replace("desk-invoke", &format!("'{bin}'"))
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"))
        .output()
        .unwrap();
    (stdout_of(&out).trim().to_string(), stderr_of(&out))
}

#[test]
fn a_reader_that_stops_early_ends_every_command_quietly() {
    let sandbox = Sandbox::new();
    // A body far larger than a pipe holds, streamed through `hash --canonical`.
    let body = sandbox.write("body.txt", "x".repeat(4 * 1024 * 1024));
    for command in [
        format!(
            "desk-invoke hash --canonical --request-url https://x.test --post-body @{} | head -c 10 >/dev/null",
            body.display()
        ),
        "desk-invoke completions bash | head -1 >/dev/null".to_string(),
    ] {
        let (status, stderr) = pipeline(&sandbox, &command);
        assert_eq!(status, "0", "{command}: {stderr}");
        assert_eq!(stderr, "", "{command}");
    }
}

#[test]
fn a_stdout_that_cannot_be_written_is_an_error() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let sandbox = Sandbox::new();
    for command in [
        "desk-invoke hash --request-url https://x.test >/dev/full",
        "desk-invoke hash --canonical --request-url https://x.test >/dev/full",
        "desk-invoke completions bash >/dev/full",
        "desk-invoke --help >/dev/full",
        "desk-invoke storage get --help >/dev/full",
        "desk-invoke --version >/dev/full",
        "desk-invoke -V >/dev/full",
    ] {
        let (status, stderr) = pipeline(&sandbox, command);
        assert_eq!(status, "2", "{command}: {stderr}");
        assert!(
            stderr.contains("cannot write output"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn a_dry_run_asked_for_json_prints_json() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    for key in ["a1", "a2"] {
        let put = sandbox
            .against(&emulator.base_url)
            .args(["storage", "put", key, "{}", "--queriable-value", "g"])
            .output()
            .unwrap();
        assert!(put.status.success(), "{}", stderr_of(&put));
    }
    let dry = |format: &str| {
        let out = sandbox
            .desk_against(
                &emulator.base_url,
                &[
                    "-o",
                    format,
                    "storage",
                    "delete",
                    "--queriable-value",
                    "g",
                    "--dry-run",
                ],
            )
            .run();
        stdout_of(&out)
    };
    let listed: Value = serde_json::from_str(&dry("json")).unwrap();
    assert_eq!(listed, serde_json::json!([{"key": "a1"}, {"key": "a2"}]));
    let lines: Vec<Value> = dry("ndjson")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        lines,
        vec![
            serde_json::json!({"key": "a1"}),
            serde_json::json!({"key": "a2"})
        ]
    );
    // Plain keys stay the default; nothing was deleted.
    assert_eq!(dry("auto"), "a1\na2\n");
}
