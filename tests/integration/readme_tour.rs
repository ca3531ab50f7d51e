//! The README's tour runs as printed: its shell blocks, with the built binary on PATH, from
//! the repository's root, in a fresh home, both as one script and each block alone in a
//! fresh `bash -e`; and every run leaves no process behind.

use crate::common::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// The longest a run of the tour may take; past it the run is killed and the test fails.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// The tour's ```sh blocks, in order.
fn tour_blocks() -> Vec<String> {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let tour = readme
        .split("## A 60-second tour")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the tour section");
    tour.split("```sh\n")
        .skip(1)
        .map(|block| block.split("\n```").next().unwrap().to_string())
        .collect()
}

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What one run printed.
struct Run {
    stdout: String,
    stderr: String,
}

/// Runs `script` with `bash -e` in a fresh home, bounded by `RUN_LIMIT`; fails on a non-zero
/// exit or on any process the script left running (found by a variable only its processes
/// carry, then stopped).
fn run_tour(script: &str) -> Run {
    let sandbox = Sandbox::new();
    let marker = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .parent()
        .unwrap();
    let stdout_path = sandbox.path("tour.stdout");
    let stderr_path = sandbox.path("tour.stderr");
    let mut command = std::process::Command::new("bash");
    command
        .args(["-e", "-c", script])
        .current_dir(repo_root())
        .stdin(std::process::Stdio::null())
        // Files, not pipes: a process left behind cannot keep the test waiting for EOF.
        .stdout(std::fs::File::create(&stdout_path).unwrap())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"))
        .env("README_TOUR_RUN", &marker);
    for (name, _) in std::env::vars() {
        if name.starts_with("DESK_INVOKE_") {
            command.env_remove(name);
        }
    }
    let mut child = command.spawn().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > RUN_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let run = Run {
        stdout: std::fs::read_to_string(&stdout_path).unwrap(),
        stderr: std::fs::read_to_string(&stderr_path).unwrap(),
    };
    let left = stop_left_behind(&marker);
    let status = status.unwrap_or_else(|| {
        panic!(
            "the tour ran past {RUN_LIMIT:?}\n{}\n{}",
            run.stdout, run.stderr
        )
    });
    assert!(
        status.success(),
        "{script}\n--- stdout\n{}\n--- stderr\n{}",
        run.stdout,
        run.stderr
    );
    assert!(
        left.is_empty(),
        "processes left running: {left:?}\n{script}\n{}",
        run.stderr
    );
    run
}

/// The processes still running with `README_TOUR_RUN=marker` in their environment, each
/// sent SIGKILL so that a failing test leaves nothing either.
fn stop_left_behind(marker: &str) -> Vec<String> {
    let needle = format!("README_TOUR_RUN={marker}");
    // A process that is just exiting is given a moment (bounded) to be gone.
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let left = processes_with(&needle);
        if left.is_empty() || Instant::now() > deadline {
            for (pid, _) in &left {
                let _ = std::process::Command::new("kill")
                    .args(["-KILL", pid])
                    .status();
            }
            return left
                .into_iter()
                .map(|(pid, cmdline)| format!("{pid}: {cmdline}"))
                .collect();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// (pid, command line) of the live processes whose environment holds `needle`.
fn processes_with(needle: &str) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(environ) = std::fs::read(entry.path().join("environ")) else {
            continue;
        };
        // A zombie (exited, not yet reaped) runs nothing.
        let state = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        if state
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z'))
        {
            continue;
        }
        if environ
            .split(|b| *b == 0)
            .any(|var| var == needle.as_bytes())
        {
            let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            found.push((pid, cmdline));
        }
    }
    found
}

/// What the tour as a whole must have shown.
fn assert_tour_output(stdout: &str) {
    assert!(
        stdout.contains("a1df625d33b77472c264beb06579875b88951ba12736dcb2cb416034928c2c42"),
        "{stdout}"
    );
    assert!(stdout.contains("Printer on fire"), "{stdout}");
    assert!(stdout.contains("\"event\":\"onInstall\""), "{stdout}");
}

#[test]
fn the_readme_tour_runs_as_one_script() {
    let blocks = tour_blocks();
    let tour = blocks.join("\n");
    assert!(blocks.len() >= 4, "{blocks:?}");
    assert!(tour.contains("--paginate") && tour.contains("listen") && tour.contains("--stub"));
    // The emulator is waited for with a bound, never an open-ended loop.
    assert!(tour.contains("emulator wait --port-file"), "{tour}");
    let run = run_tour(&tour);
    assert_tour_output(&run.stdout);
}

#[test]
fn each_readme_tour_block_runs_alone() {
    let mut stdout = String::new();
    for block in tour_blocks() {
        stdout.push_str(&run_tour(&block).stdout);
    }
    assert_tour_output(&stdout);
}

/// The check above finds what a script leaves running (and stops it).
#[test]
#[should_panic(expected = "processes left running")]
fn a_process_left_running_fails_the_tour() {
    run_tour("sleep 30 &");
}
