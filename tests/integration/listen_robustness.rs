//! `listen` under the ways a callback can go wrong: it is stopped before one arrives, the
//! profile cannot take it, the handler it forwards to hangs, the body is malformed. The
//! binary over real HTTP on loopback.

use crate::common::*;
use crate::emulator_bounds::Connection;
use crate::hostile::{Answer, Hostile};
use std::process::Stdio;
use std::time::{Duration, Instant};

impl Listening {
    /// POSTs `body` to /callback signed with `secret`; the status.
    fn callback(&self, body: &str, secret: &str) -> u16 {
        Connection::open(&self.url)
            .exchange(
                "POST /callback HTTP/1.1",
                &[
                    "Content-Type: application/json",
                    &format!("HASH: {}", openssl_hmac(secret, body.as_bytes())),
                ],
                body.as_bytes(),
            )
            .0
    }

    fn still_running(&mut self) -> bool {
        self.child.0.try_wait().unwrap().is_none()
    }

    /// Waits (bounded) for the exit; the status and stderr.
    fn finish(mut self) -> (std::process::ExitStatus, String) {
        let deadline = Instant::now() + Duration::from_secs(15);
        let status = loop {
            if let Some(status) = self.child.0.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "listen did not exit");
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut self.child.0.stderr.take().unwrap(), &mut stderr)
            .unwrap();
        (status, stderr)
    }

    /// Stops it with a signal; the status and stderr.
    fn stop(self, signal: &str) -> (std::process::ExitStatus, String) {
        let killed = std::process::Command::new("kill")
            .args([signal, &self.child.0.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        self.finish()
    }
}

fn event(org_id: Option<&str>, security_context: Option<&str>) -> String {
    let mut event = serde_json::json!({"event": "onInstall"});
    if let Some(org_id) = org_id {
        event["orgId"] = org_id.into();
    }
    if let Some(context) = security_context {
        event["securityContext"] = context.into();
    }
    event.to_string()
}

#[cfg(unix)]
#[test]
fn listen_once_stopped_before_a_callback_does_not_exit_0() {
    for (signal, code) in [("-INT", 130), ("-TERM", 143)] {
        let sandbox = Sandbox::new();
        let listening = sandbox.listen(&["--once"], Stdio::null());
        let (status, stderr) = listening.stop(signal);
        assert_eq!(status.code(), Some(code), "{signal}: {stderr}");
        assert!(stderr.contains("before a valid callback"), "{stderr}");
    }
    // After a valid callback, exit 0 as before.
    let sandbox = Sandbox::new();
    let listening = sandbox.listen(&["--once"], Stdio::null());
    assert_eq!(listening.callback(&event(Some(ORG_ID), None), SECRET), 200);
    let (status, stderr) = listening.finish();
    assert_eq!(status.code(), Some(0), "{stderr}");
}

#[test]
fn a_callback_that_cannot_be_saved_is_not_acknowledged_and_listening_goes_on() {
    let sandbox = Sandbox::new();
    let mut listening = sandbox.listen(&["-p", "dev", "--save", "--once"], Stdio::null());
    // Valid, but nothing to save.
    assert_eq!(listening.callback(&event(None, None), SECRET), 500);
    assert!(listening.still_running());
    // Valid, but the profile file was broken meanwhile.
    let profiles = sandbox.profiles_path();
    std::fs::create_dir_all(profiles.parent().unwrap()).unwrap();
    std::fs::write(&profiles, "this is [not toml").unwrap();
    assert_eq!(
        listening.callback(&event(Some(ORG_ID), Some(SECURITY_CONTEXT)), SECRET),
        500
    );
    assert!(listening.still_running());
    // Fixed: saved, acknowledged, and --once ends it.
    std::fs::remove_file(&profiles).unwrap();
    assert_eq!(
        listening.callback(&event(Some(ORG_ID), Some(SECURITY_CONTEXT)), SECRET),
        200
    );
    let (status, stderr) = listening.finish();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr.matches("could not save the callback").count(),
        2,
        "{stderr}"
    );
    assert!(!stderr.contains(SECURITY_CONTEXT), "{stderr}");
    let saved = std::fs::read_to_string(&profiles).unwrap();
    assert!(saved.contains(ORG_ID), "{saved}");
}

#[test]
fn a_hanging_forward_handler_does_not_hold_desk_past_the_forward_bound() {
    let handler = Hostile::start(|_| Answer::Silence);
    let sandbox = Sandbox::new();
    let listening = sandbox.listen(
        &["--forward-to", &format!("{}/mine", handler.url), "--once"],
        Stdio::null(),
    );
    let started = Instant::now();
    assert_eq!(listening.callback(&event(Some(ORG_ID), None), SECRET), 200);
    let waited = started.elapsed();
    // The default --timeout is 30 s; the forward bound is 5 s.
    assert!(waited < Duration::from_secs(15), "Desk waited {waited:?}");
    let (status, stderr) = listening.finish();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("no answer within 5s"), "{stderr}");
}

#[test]
fn a_malformed_chunked_body_is_a_bad_request() {
    let sandbox = Sandbox::new();
    let mut listening = sandbox.listen(&[], Stdio::null());
    let (status, _) = Connection::open(&listening.url).exchange(
        "POST /callback HTTP/1.1",
        &[
            "Content-Type: application/json",
            "Transfer-Encoding: chunked",
        ],
        b"zz\r\n{}\r\n0\r\n\r\n",
    );
    assert_eq!(status, 400);
    // Too large is still 413.
    let (status, _) = Connection::open(&listening.url).exchange(
        "POST /callback HTTP/1.1",
        &["Content-Type: application/json"],
        &vec![b' '; 1024 * 1024 + 1],
    );
    assert_eq!(status, 413);
    assert!(listening.still_running());
}
