//! The benchmark harness cannot rot: `bench/run.sh --check` runs every row once, on tiny
//! inputs, with the binary under test (no release build), and renders the report. Peers whose
//! tools are missing (Node, Mockoon) must be skipped with a note, not fail the run.

use crate::common::{stderr_of, stdout_of, Sandbox};
use std::path::Path;

#[test]
fn the_benchmark_harness_runs_every_row_once_and_renders_the_report() {
    let sandbox = Sandbox::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = Path::new(env!("CARGO_BIN_EXE_desk-invoke"));
    // <target>/<profile>/desk-invoke: the harness builds its load generator (a debug build of
    // examples/emulator_load.rs, already there after `cargo test`) in the same target dir.
    let target = bin.parent().and_then(Path::parent).expect("target dir");
    let out = std::process::Command::new("bash")
        .arg(root.join("bench/run.sh"))
        .arg("--check")
        .env("DESK_INVOKE_BIN", bin)
        .env("CARGO_TARGET_DIR", target)
        .env("TMPDIR", sandbox.dir.path())
        .output()
        .expect("bash");
    let (stdout, stderr) = (stdout_of(&out), stderr_of(&out));
    assert!(out.status.success(), "{stdout}{stderr}");

    for row in [
        "| `hash`, small message, whole process |",
        "| `--version`, whole process |",
        "| `storage get --key` against the emulator, whole process |",
        "| `hash --post-body @file`, 1 MiB |",
        "| one `storage put` process |",
        "| bulk `storage put --file`, 200 items |",
        "| export `storage get --all -o ndjson`, 400 items |",
        "| emulator alone, storage gets by key, 32 concurrent |",
        "| import 30 items at Desk's limits (1 s window), `--batch 1` |",
        "| 1 | desk-invoke emulator (stub) |",
        "| 64 | desk-invoke emulator (stub) |",
        "| 1,000 → 2,000 |",
        "#### Goals of issue 21",
    ] {
        assert!(stdout.contains(row), "no row {row:?} in:\n{stdout}{stderr}");
    }
    // A peer either ran at every connection count or is skipped with the reason.
    for (row, skipped) in [
        ("| 64 | bare Node `http`", "- peers-node: "),
        ("| 64 | `@mockoon/cli`", "- peers-mockoon: "),
    ] {
        assert!(
            stdout.contains(row) != stdout.contains(skipped),
            "{row:?} neither measured nor skipped (or both) in:\n{stdout}"
        );
    }
    assert!(!stdout.contains("NaN"), "{stdout}");
}
