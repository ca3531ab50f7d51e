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

/// The `emulator` subcommands that act on a running emulator say plainly when what answers
/// is no emulator (exit 5), or nothing answers (exit 6): one line, no panic.
#[test]
fn the_admin_commands_refuse_a_server_that_is_no_emulator() {
    use crate::hostile::{Answer, Hostile};
    let sandbox = Sandbox::new();
    let html = Hostile::start(|_| Answer::Reply {
        status: 200,
        headers: vec![("Content-Type", "text/html".into())],
        body: b"<html>hello</html>".to_vec(),
    });
    let huge = Hostile::start(|_| Answer::Reply {
        status: 200,
        headers: vec![("Content-Type", "application/json".into())],
        body: vec![b' '; 5 * 1024 * 1024],
    });
    let closed = format!("http://127.0.0.1:{}", free_port());
    // What answers but is no emulator is a server fault (5); what does not answer, 6.
    for (url, says, exit) in [
        (html.url.as_str(), "not JSON", 5),
        (huge.url.as_str(), "larger than 4 MiB", 5),
        (closed.as_str(), "cannot reach the emulator", 6),
    ] {
        let out = sandbox
            .cmd()
            .args([
                "--timeout",
                "10s",
                "emulator",
                "installations",
                "--base-url",
                url,
            ])
            .output()
            .unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(exit), "{url}: {stderr}");
        assert!(
            stderr.contains(says) && !stderr.contains("panicked"),
            "{url}: {stderr}"
        );
    }
}
