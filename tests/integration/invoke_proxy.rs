//! The environment's proxy: requests to a remote host go through it, requests to loopback
//! never do (a proxy cannot reach this machine's loopback).

use crate::common::{stderr_of, FakeDesk, Sandbox};
use std::io::Read;
use std::net::TcpListener;
use std::time::Duration;

/// A loopback "proxy" that records the first request line it is sent, then hangs up.
fn recording_proxy() -> (String, std::thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = std::thread::spawn(move || {
        listener.set_nonblocking(true).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while std::time::Instant::now() < deadline {
            if let Ok((mut stream, _)) = listener.accept() {
                stream.set_nonblocking(false).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(5)))
                    .unwrap();
                let mut head = [0u8; 256];
                let read = stream.read(&mut head).unwrap_or(0);
                return String::from_utf8_lossy(&head[..read]).into_owned();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        String::new()
    });
    (url, seen)
}

#[test]
fn remote_hosts_go_through_the_environments_proxy() {
    let sandbox = Sandbox::new();
    let (proxy, seen) = recording_proxy();
    let out = sandbox
        .against("https://desk.zoho.eu")
        .env("HTTPS_PROXY", &proxy)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .args([
            "invoke",
            "--url",
            "/api/v1/tickets",
            "--timeout",
            "5s",
            "--retries",
            "0",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
    let request = seen.join().unwrap();
    assert!(
        request.starts_with("CONNECT desk.zoho.eu:443"),
        "the proxy saw: {request:?}"
    );
}

#[test]
fn loopback_is_reached_directly_whatever_the_proxy() {
    let sandbox = Sandbox::new();
    let desk = FakeDesk::start();
    // A proxy that answers nothing: using it would fail the call.
    let dead = TcpListener::bind("127.0.0.1:0").unwrap();
    let proxy = format!("http://{}", dead.local_addr().unwrap());
    drop(dead);
    let out = sandbox
        .against(&desk.url)
        .env("HTTP_PROXY", &proxy)
        .env("HTTPS_PROXY", &proxy)
        .env("ALL_PROXY", &proxy)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .args(["invoke", "--url", "/echo"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}
