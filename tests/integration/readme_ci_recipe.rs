//! The README's CI recipe ("In CI") runs as printed in a non-TTY `bash -e`, its steps in
//! order with their `env:`, and is bounded: when the emulator cannot start (its port is
//! busy) the recipe fails at `emulator wait`'s timeout instead of waiting forever.
//!
//! Two substitutions keep the test parallel-safe and quick: a free port for 8787, and a
//! 5 s wait for the recipe's 30 s.

use crate::common::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// The recipe's `run:` steps as shell lines, each with its `env:` exported; the install step
/// is left out (the built binary is on PATH).
fn recipe_steps() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let block = readme
        .split("## In CI")
        .nth(1)
        .and_then(|rest| rest.split("```yaml\n").nth(1))
        .and_then(|block| block.split("\n```").next())
        .expect("the CI recipe's yaml block");
    let mut steps: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_env = false;
    for line in block.lines() {
        let trimmed = line.trim_start().trim_start_matches("- ");
        if let Some(command) = trimmed.strip_prefix("run: ") {
            steps.push((command.to_string(), Vec::new()));
            in_env = false;
        } else if trimmed == "env:" {
            in_env = true;
        } else if in_env && line.starts_with("          ") {
            let (name, value) = trimmed.split_once(": ").expect("NAME: value");
            let value = value.trim_matches('"');
            steps
                .last_mut()
                .unwrap()
                .1
                .push(format!("{name}='{value}'"));
        } else {
            in_env = false;
        }
    }
    steps
        .into_iter()
        .filter(|(command, _)| !command.starts_with("cargo install"))
        .map(|(command, env)| match env.is_empty() {
            true => command,
            false => format!("( export {}; {command} )", env.join(" ")),
        })
        .collect()
}

/// The recipe as one `bash -e` script on `port`; its background jobs are killed on exit.
fn run_recipe(port: u16) -> (std::process::Output, Duration) {
    let steps = recipe_steps();
    let script = steps.join("\n");
    assert!(script.contains("--timeout 30s emulator wait"), "{script}");
    assert!(!script.contains("until "), "an unbounded wait: {script}");
    let script = script
        .replace("8787", &port.to_string())
        .replace("--timeout 30s", "--timeout 5s");
    let script = format!("trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n{script}\n");
    let sandbox = Sandbox::new();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .parent()
        .unwrap();
    let mut command = std::process::Command::new("bash");
    command
        .args(["-e", "-c", &script])
        .current_dir(sandbox.dir.path())
        .stdin(std::process::Stdio::null())
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"));
    for (name, _) in std::env::vars() {
        if name.starts_with("DESK_INVOKE_") {
            command.env_remove(name);
        }
    }
    let started = Instant::now();
    let out = command.output().unwrap();
    let elapsed = started.elapsed();
    assert!(
        !sandbox.dir.path().join("smoke.xml").exists() || out.status.success(),
        "smoke ran although the emulator never came up"
    );
    (out, elapsed)
}

#[test]
fn the_readme_ci_recipe_runs_as_printed_in_a_non_tty_bash() {
    let (out, _) = run_recipe(free_port());
    assert!(
        out.status.success(),
        "{}\n{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    assert!(stderr_of(&out).contains("is up"), "{}", stderr_of(&out));
}

#[test]
fn the_readme_ci_recipe_fails_within_the_wait_timeout_when_the_port_is_busy() {
    // Bound and listening but never answering: the emulator cannot bind, and nothing
    // answers the health check.
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port();
    let (out, elapsed) = run_recipe(port);
    assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
    assert!(elapsed < Duration::from_secs(15), "took {elapsed:?}");
    let stderr = stderr_of(&out);
    assert!(stderr.contains("cannot listen"), "{stderr}");
    assert!(stderr.contains("no emulator answered"), "{stderr}");
    drop(busy);
}
