//! Deletes that a script can trust: a group or a file of keys is deleted only after a yes
//! (asked on a terminal, `--yes` elsewhere), and `get --all | delete --file -` deletes every
//! item the listing printed, even though the listing pages by offset while the delete runs.

use crate::common::*;

/// `count` items `k000`… in group `group`, stored through `storage put --file -`.
fn put_group(sandbox: &Sandbox, url: &str, group: &str, count: usize) {
    let items: String = (0..count)
        .map(|i| format!("{{\"key\":\"{group}{i:03}\",\"queriableValue\":\"{group}\",\"value\":{{\"i\":{i}}}}}\n"))
        .collect();
    let out = sandbox
        .against(url)
        .args(["storage", "put", "--file", "-"])
        .write_stdin(items)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}

fn count(sandbox: &Sandbox, url: &str, group: &str) -> u64 {
    let out = sandbox
        .against(url)
        .args(["storage", "count", "--queriable-value", group])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out).trim().parse().unwrap()
}

/// `script` runs `bash -e -c script` with the built binary on PATH and the emulator's
/// settings in the environment, without a terminal, as CI does.
fn in_script(sandbox: &Sandbox, url: &str, script: &str) -> std::process::Output {
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .parent()
        .unwrap();
    let mut command = std::process::Command::new("bash");
    command
        .args(["-e", "-o", "pipefail", "-c", script])
        .current_dir(sandbox.dir.path())
        .stdin(std::process::Stdio::null())
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"))
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_BASE_URL", url);
    command.output().unwrap()
}

/// Asserts `out` is the refusal: exit 2, one error line and a hint naming --yes, no stdout.
fn assert_refused(out: &std::process::Output) {
    let stderr = stderr_of(out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout_of(out).is_empty(), "{}", stdout_of(out));
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("error: refusing to delete"),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with("hint:") && lines[1].contains("--yes"),
        "{stderr}"
    );
}

#[test]
fn group_and_file_deletes_in_a_script_refuse_without_yes() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    put_group(&sandbox, url, "q", 5);
    sandbox.write("keys.txt", "q000\nq001\n");
    for script in [
        "desk-invoke storage delete --queriable-value q",
        "desk-invoke storage delete --file keys.txt",
        "printf 'q000\\n' | desk-invoke storage delete --file -",
    ] {
        let out = in_script(&sandbox, url, script);
        assert_refused(&out);
        assert_eq!(count(&sandbox, url, "q"), 5, "{script} deleted something");
    }
    // The same with `-o json`: the refusal is one JSON object.
    let out = in_script(
        &sandbox,
        url,
        "desk-invoke -o json storage delete --queriable-value q",
    );
    assert_eq!(out.status.code(), Some(2));
    let error: serde_json::Value = serde_json::from_str(stderr_of(&out).trim()).unwrap();
    assert!(error["error"]["hint"].as_str().unwrap().contains("--yes"));
    // --yes says it up front; KEYs named one by one need no --yes.
    let out = in_script(
        &sandbox,
        url,
        "desk-invoke storage delete --file keys.txt --yes\n\
         desk-invoke storage delete q002\n\
         desk-invoke storage delete --queriable-value q --yes",
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(count(&sandbox, url, "q"), 0);
}

#[test]
fn a_listing_piped_into_delete_deletes_every_item() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    put_group(&sandbox, url, "big", 600);
    put_group(&sandbox, url, "kept", 3);
    assert_eq!(count(&sandbox, url, "big"), 600);
    let out = in_script(
        &sandbox,
        url,
        "desk-invoke storage get --queriable-value big --all -o ndjson \
         | desk-invoke storage delete --file - --yes",
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("600 deleted"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(count(&sandbox, url, "big"), 0, "items were skipped");
    assert_eq!(count(&sandbox, url, "kept"), 3);
}

#[test]
fn a_dry_run_with_json_output_prints_json() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    put_group(&sandbox, url, "d", 2);
    let out = in_script(
        &sandbox,
        url,
        "desk-invoke -o json storage delete --queriable-value d --dry-run",
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let listed: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(
        listed,
        serde_json::json!([{"key": "d000"}, {"key": "d001"}])
    );
    assert_eq!(count(&sandbox, url, "d"), 2);
}

/// On a terminal, a file's keys are deleted after a yes typed at the prompt, and kept after
/// a no.
#[test]
fn a_file_delete_on_a_terminal_asks_first() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    put_group(&sandbox, url, "t", 2);
    sandbox.write("keys.txt", "t000\nt001\n");
    let bin = env!("CARGO_BIN_EXE_desk-invoke");
    let on_terminal = |answer: &str| {
        let mut child = std::process::Command::new("script")
            .args([
                "-qec",
                &format!("'{bin}' storage delete --file keys.txt"),
                "/dev/null",
            ])
            .current_dir(sandbox.dir.path())
            .env("HOME", sandbox.dir.path())
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("DESK_INVOKE_SECRET", SECRET)
            .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
            .env("DESK_INVOKE_ORG_ID", ORG_ID)
            .env("DESK_INVOKE_BASE_URL", url)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(answer.as_bytes()).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        String::from_utf8_lossy(&out.stdout).replace('\r', "")
    };
    let shown = on_terminal("n\n");
    assert!(
        shown.contains("delete every key listed in keys.txt? [y/N]"),
        "{shown}"
    );
    assert_eq!(count(&sandbox, url, "t"), 2);
    let shown = on_terminal("y\n");
    assert!(shown.contains("2 deleted"), "{shown}");
    assert_eq!(count(&sandbox, url, "t"), 0);
}
