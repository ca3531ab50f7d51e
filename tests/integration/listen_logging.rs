//! `listen` logs every request, as `stripe listen` does, each with why it was answered so:
//! a wrong path (404), a wrong method (405), no HASH header, a HASH that does not match
//! (and what likely changed the body), a valid callback.

use crate::common::*;
use crate::emulator_bounds::Connection;
use std::io::BufRead;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Listening {
    url: String,
    lines: mpsc::Receiver<String>,
    _child: Child,
}

fn listen(sandbox: &Sandbox) -> Listening {
    let port_file = sandbox.path("listen.port");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap())
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("DESK_INVOKE_SECRET", SECRET)
        .args(["listen", "--addr", "127.0.0.1:0", "--port-file"])
        .arg(&port_file)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let child = Child(child);
    // The banner comes once the port file is written.
    let banner = lines
        .recv_timeout(Duration::from_secs(10))
        .expect("listen starts");
    assert!(banner.contains("listening for callbacks"), "{banner}");
    let port = std::fs::read_to_string(&port_file).unwrap();
    Listening {
        url: format!("http://127.0.0.1:{}", port.trim()),
        lines,
        _child: child,
    }
}

impl Listening {
    /// Sends one request; its status and the line `listen` logged for it.
    fn request(&self, request_line: &str, head: &[&str], body: &str) -> (u16, String) {
        let status = Connection::open(&self.url)
            .exchange(request_line, head, body.as_bytes())
            .0;
        let deadline = Instant::now() + Duration::from_secs(10);
        let line = self
            .lines
            .recv_timeout(deadline - Instant::now())
            .expect("a line for every request");
        (status, line)
    }
}

#[test]
fn listen_logs_every_request_with_its_reason() {
    let sandbox = Sandbox::new();
    let listening = listen(&sandbox);
    let body = r#"{"event":"onInstall","orgId":1}"#;
    let hash = format!("HASH: {}", openssl_hmac(SECRET, body.as_bytes()));
    let json = "Content-Type: application/json";

    let (status, line) = listening.request("POST /wrong HTTP/1.1", &[json, &hash], body);
    assert_eq!(status, 404);
    assert!(
        line.contains("POST /wrong 404") && line.contains("/callback"),
        "{line}"
    );

    let (status, line) = listening.request("GET /callback HTTP/1.1", &[], "");
    assert_eq!(status, 405);
    assert!(line.contains("GET /callback 405"), "{line}");

    let (status, line) = listening.request("POST /callback HTTP/1.1", &[json], body);
    assert_eq!(status, 401);
    assert!(
        line.contains("onInstall") && line.contains("no HASH header"),
        "{line}"
    );

    let (status, line) = listening.request(
        "POST /callback HTTP/1.1",
        &[json, &hash],
        &format!("{body}\n"),
    );
    assert_eq!(status, 401);
    assert!(line.contains("HASH does not match"), "{line}");
    assert!(line.contains("without its trailing newline"), "{line}");

    let (status, line) = listening.request("POST /callback HTTP/1.1", &[json, &hash], body);
    assert_eq!(status, 200);
    assert!(line.contains("onInstall org 1 valid"), "{line}");
}
