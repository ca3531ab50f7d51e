//! The worked example of docs/emulator.md, `examples/extension-project/run.sh`, runs as
//! documented with the built binary on PATH, passes its own assertions, and leaves nothing
//! running.

use crate::common::*;

/// Processes whose command line mentions `needle` (the run's temporary directory).
fn processes_mentioning(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let is_pid = entry
            .file_name()
            .to_string_lossy()
            .bytes()
            .all(|b| b.is_ascii_digit());
        if !is_pid {
            continue;
        }
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmdline.contains(needle) {
                found.push(cmdline);
            }
        }
    }
    found
}

#[test]
fn the_extension_project_example_isolates_two_organisations_and_leaves_no_process() {
    let sandbox = Sandbox::new();
    let tmp = sandbox.path("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin_dir).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/extension-project/run.sh");
    let out = std::process::Command::new("timeout")
        .args(["120", "bash"])
        .arg(&script)
        .env("PATH", path)
        .env("HOME", sandbox.dir.path())
        // mktemp puts the run's files here, so its processes can be found by their arguments.
        .env("TMPDIR", &tmp)
        .env_remove("DESK_INVOKE_BIN")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains("storage: ok") && stdout.contains("journal: ok"),
        "{stdout}"
    );
    let left = processes_mentioning(tmp.to_str().unwrap());
    assert!(left.is_empty(), "still running: {left:?}");
}
