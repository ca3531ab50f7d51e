//! `emulator wait --port-file` is bounded: it returns as soon as an emulator on port 0 has
//! written its port and answers, and exits 6 at `--timeout` when none ever does.

use crate::common::*;
use std::time::{Duration, Instant};

#[test]
fn wait_for_a_port_file_follows_an_emulator_on_port_0() {
    let sandbox = Sandbox::new();
    let port_file = sandbox.path("port");
    let mut command = emulator_command(sandbox.dir.path());
    command
        .args(["--no-project", "--addr", ":0", "--in-memory", "--port-file"])
        .arg(&port_file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = command.spawn().unwrap();
    let out = sandbox
        .cmd()
        .args(["--timeout", "20s", "emulator", "wait", "--port-file"])
        .arg(&port_file)
        .output()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let health: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(health["status"], "ok");
}

#[test]
fn wait_for_a_port_file_that_never_comes_exits_6_at_the_timeout() {
    let sandbox = Sandbox::new();
    let started = Instant::now();
    let out = sandbox
        .cmd()
        .args(["--timeout", "1s", "emulator", "wait", "--port-file"])
        .arg(sandbox.path("never"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(stdout_of(&out).is_empty());
    assert!(
        stderr_of(&out).contains("no port appeared"),
        "{}",
        stderr_of(&out)
    );
}
