//! Masking by design: a hostile loopback server echoes the securityContext in every
//! encoding a careless server might use, alone and composed, and neither it nor the secret
//! shows in any output of the run (stderr, the `-o json` error, the `-vv` trace, the
//! `smoke --junit` report).

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::json;

/// Values chosen to trip every decoder: `+` `/` `=` (base64 and percent-encoding), a quote
/// and non-ASCII (JSON escapes), a space (form encoding), `&` and `<` (HTML).
const CONTEXT: &str = "ab+c/d==é\"ctx <t&k> 9z+Q==";
const HARD_SECRET: &str = "s3cr+t/é\"key &x< 42==";

type Encoding = (&'static str, fn(&str) -> String);

/// Written here, independently of the masker.
const ENCODINGS: &[Encoding] = &[
    ("raw", |s| s.to_string()),
    ("percent leaving / raw", |s| percent(s, b"-_.~/")),
    ("percent every byte", |s| percent(s, b"")),
    ("form", |s| {
        form_urlencoded::byte_serialize(s.as_bytes()).collect()
    }),
    ("json ensure_ascii", json_ascii),
    ("json in json", |s| json_ascii(&json_ascii(s))),
    ("html named", html_named),
    ("html decimal", |s| html_numeric(s, false)),
    ("html hex", |s| html_numeric(s, true)),
    ("base64", |s| base64(s, b"+/", true)),
    ("base64url unpadded", |s| base64(s, b"-_", false)),
];

fn percent(s: &str, safe: &[u8]) -> String {
    s.bytes()
        .map(|b| match b.is_ascii_alphanumeric() || safe.contains(&b) {
            true => (b as char).to_string(),
            false => format!("%{b:02X}"),
        })
        .collect()
}

fn json_ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '"' => "\\\"".to_string(),
            '\\' => "\\\\".to_string(),
            ' '..='~' => c.to_string(),
            _ => format!("\\u{:04x}", c as u32),
        })
        .collect()
}

fn html_named(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html_numeric(s: &str, hex: bool) -> String {
    s.chars()
        .map(|c| match (c.is_ascii_alphanumeric(), hex) {
            (true, _) => c.to_string(),
            (false, false) => format!("&#{};", c as u32),
            (false, true) => format!("&#x{:x};", c as u32),
        })
        .collect()
}

fn base64(s: &str, last_two: &[u8], pad: bool) -> String {
    let alphabet: Vec<u8> = (b'A'..=b'Z')
        .chain(b'a'..=b'z')
        .chain(b'0'..=b'9')
        .chain(last_two.iter().copied())
        .collect();
    let mut out = String::new();
    for chunk in s.as_bytes().chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(alphabet[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
        if pad {
            out.push_str(&"=".repeat(3 - chunk.len()));
        }
    }
    out
}

/// `value` under every encoding and every pair of them.
fn images(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (_, inner) in ENCODINGS {
        for (_, outer) in ENCODINGS {
            out.push(outer(&inner(value)));
        }
    }
    out
}

/// A server that answers every request with an error echoing the securityContext it was
/// sent, in each encoding and each pair, one per line of the message.
fn echoing_server() -> Hostile {
    Hostile::start(|request| {
        let context = request.field("securityContext").unwrap_or_default();
        let message: Vec<String> = images(&context)
            .into_iter()
            .map(|shown| format!("you sent <{shown}>"))
            .collect();
        Answer::json(
            400,
            &json!({"errorCode": "ECHO", "message": message.join("\n")}),
        )
    })
}

fn assert_nothing_shown(what: &str, text: &str) {
    assert!(
        text.contains("[redacted]"),
        "{what}: the echo was not seen: {text}"
    );
    for value in [CONTEXT, HARD_SECRET] {
        for shown in images(value) {
            assert!(!text.contains(&shown), "{what} shows `{shown}`:\n{text}");
        }
    }
}

fn run(sandbox: &Sandbox, server: &Hostile, args: &[&str]) -> std::process::Output {
    sandbox
        .against(&server.url)
        .env("DESK_INVOKE_SECRET", HARD_SECRET)
        .env("DESK_INVOKE_SECURITY_CONTEXT", CONTEXT)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn echoed_credentials_are_masked_in_errors_and_traces() {
    let sandbox = Sandbox::new();
    let server = echoing_server();
    let mut tried = 0;
    for args in [
        vec!["storage", "get", "--key", "k"],
        vec!["-o", "json", "storage", "get", "--key", "k"],
        vec!["-vv", "storage", "get", "--key", "k"],
        vec!["-vv", "-o", "json", "config", "get"],
    ] {
        let out = run(&sandbox, &server, &args);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {}", stderr_of(&out));
        let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
        assert_nothing_shown(&format!("{args:?}"), &text);
        tried += 1;
    }
    assert_eq!(tried, 4);
    assert!(server.requests().len() >= 4);
}

#[test]
fn echoed_credentials_are_masked_in_the_junit_report() {
    let sandbox = Sandbox::new();
    let server = echoing_server();
    let junit = sandbox.path("smoke.xml");
    let junit_arg = junit.to_str().unwrap();
    let out = run(&sandbox, &server, &["-vv", "smoke", "--junit", junit_arg]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("ECHO"), "{xml}");
    assert_nothing_shown("the JUnit report", &xml);
    let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
    assert_nothing_shown("smoke's output", &text);
}
