//! The emulator stops on SIGTERM promptly and cleanly (exit 0), idle or holding keep-alive
//! connections and connections that never sent a request. The timing bound (200 ms) is an
//! `#[ignore]`d test, run by `.ci/run`.

use crate::common::{Emulator, Sandbox};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// A connection that made one keep-alive request and stays open.
fn keep_alive(emulator: &Emulator) -> TcpStream {
    let host = emulator.base_url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).unwrap();
    write!(
        stream,
        "GET /_emulator/health HTTP/1.1\r\nHost: {host}\r\n\r\n"
    )
    .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut first = [0u8; 12];
    stream.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    stream
}

/// Sends SIGTERM; the exit status and how long the emulator took to exit (bounded wait).
fn terminate(emulator: &mut Emulator) -> (Option<i32>, Duration) {
    let start = Instant::now();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &emulator.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    while start.elapsed() < Duration::from_secs(15) {
        if let Some(status) = emulator.child.try_wait().unwrap() {
            return (status.code(), start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("the emulator did not stop within 15 s of SIGTERM");
}

fn with_connections(sandbox: &Sandbox, open: bool) -> (Emulator, Vec<TcpStream>) {
    let emulator = sandbox.start_emulator(&[]);
    let mut connections = Vec::new();
    if open {
        connections.push(keep_alive(&emulator));
        // And one that connected but never sent a request.
        let host = emulator.base_url.trim_start_matches("http://").to_string();
        connections.push(TcpStream::connect(host).unwrap());
    }
    (emulator, connections)
}

#[test]
fn sigterm_stops_the_emulator_with_exit_0_despite_open_connections() {
    let sandbox = Sandbox::new();
    let (mut emulator, _connections) = with_connections(&sandbox, true);
    let (code, _) = terminate(&mut emulator);
    assert_eq!(code, Some(0));
}

#[test]
fn sigterm_as_soon_as_the_banner_shows_is_a_clean_stop() {
    let sandbox = Sandbox::new();
    for _ in 0..3 {
        let (mut emulator, _) = with_connections(&sandbox, false);
        assert_eq!(terminate(&mut emulator).0, Some(0));
    }
}

#[test]
#[ignore = "timing: run by .ci/run"]
fn sigterm_stops_the_emulator_within_200ms() {
    let sandbox = Sandbox::new();
    for open in [false, true] {
        for _ in 0..5 {
            let (mut emulator, _connections) = with_connections(&sandbox, open);
            let (code, took) = terminate(&mut emulator);
            assert_eq!(code, Some(0));
            assert!(
                took < Duration::from_millis(200),
                "open connections: {open}: {took:?}"
            );
        }
    }
}
