//! What an unsigned or careless client, a full disk or a deleted file can do to the
//! emulator: its journal stays bounded in bytes and whole on disk, its log lines stay short,
//! its files stay private, a stub file cannot read outside its directory, and writes to a
//! deleted database are refused. The binary over real HTTP on loopback.

use crate::common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

/// One HTTP/1.1 exchange on a kept-alive connection: status and body.
pub(crate) struct Connection {
    reader: BufReader<TcpStream>,
    host: String,
}

impl Connection {
    pub(crate) fn open(base_url: &str) -> Connection {
        let host = base_url.trim_start_matches("http://").to_string();
        let host = host.split('/').next().unwrap().to_string();
        let stream = TcpStream::connect(&host).expect("connect to loopback");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        stream.set_nodelay(true).unwrap();
        Connection {
            reader: BufReader::new(stream),
            host,
        }
    }

    /// Sends `head` lines (besides Host and Content-Length) and `body`; reads the answer.
    pub(crate) fn exchange(
        &mut self,
        request_line: &str,
        head: &[&str],
        body: &[u8],
    ) -> (u16, Vec<u8>) {
        let mut request = format!("{request_line}\r\nHost: {}\r\n", self.host);
        for line in head {
            request.push_str(line);
            request.push_str("\r\n");
        }
        if !head
            .iter()
            .any(|h| h.to_ascii_lowercase().starts_with("transfer-encoding"))
        {
            request.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        request.push_str("\r\n");
        // One write: a request in two would wait for a delayed ACK (Nagle) every time.
        let mut whole = request.into_bytes();
        whole.extend_from_slice(body);
        self.reader.get_mut().write_all(&whole).unwrap();
        self.read_answer()
    }

    fn read_answer(&mut self) -> (u16, Vec<u8>) {
        let mut status_line = String::new();
        self.reader.read_line(&mut status_line).unwrap();
        let status: u16 = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP answer: {status_line:?}"));
        let (mut length, mut chunked) = (None, false);
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').unwrap();
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = Some(value.trim().parse::<usize>().unwrap()),
                "transfer-encoding" => chunked = value.trim().eq_ignore_ascii_case("chunked"),
                _ => {}
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                let mut size = String::new();
                self.reader.read_line(&mut size).unwrap();
                let size = usize::from_str_radix(size.trim(), 16).unwrap();
                let mut chunk = vec![0; size + 2];
                self.reader.read_exact(&mut chunk).unwrap();
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        } else if let Some(length) = length {
            body.resize(length, 0);
            self.reader.read_exact(&mut body).unwrap();
        }
        (status, body)
    }
}

/// An invoke request signed with a wrong HASH (no secret needed) for `request_url`.
fn unsigned_invoke(connection: &mut Connection, request_url: &str) -> u16 {
    unsigned_invoke_as(connection, "GET", request_url)
}

fn unsigned_invoke_as(connection: &mut Connection, request_type: &str, request_url: &str) -> u16 {
    let form: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("requestURL", request_url)
        .append_pair("requestType", request_type)
        .finish();
    let (status, _) = connection.exchange(
        &format!("POST /api/v1/invoke?orgId={ORG_ID} HTTP/1.1"),
        &[
            "Content-Type: application/x-www-form-urlencoded",
            &format!("HASH: {}", "0".repeat(64)),
        ],
        form.as_bytes(),
    );
    status
}

fn get_json(base_url: &str, path: &str) -> Value {
    let (status, body) =
        Connection::open(base_url).exchange(&format!("GET {path} HTTP/1.1"), &[], b"");
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).expect("JSON")
}

/// Waits (bounded) until `path` holds `needle`; returns its text.
fn wait_for_text(path: &Path, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.contains(needle) || Instant::now() > deadline {
            return text;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The journal's field and byte bounds (docs/reference.md).
const MAX_FIELD_BYTES: usize = 16 * 1024;
const MAX_KEPT_BYTES: usize = 16 * 1024 * 1024;

/// Sends `count` unsigned requests whose requestURL and requestType are past the field
/// bound; returns the requestURL of request `i` and the listing afterwards.
fn fill_journal(base_url: &str, count: usize) -> (impl Fn(usize) -> String, Vec<u8>) {
    let padding = "x".repeat(MAX_FIELD_BYTES + 1000);
    let suffix = padding.clone();
    let url_of = move |i: usize| format!("https://desk.zoho.com/{i:06}/{suffix}");
    let mut connection = Connection::open(base_url);
    for i in 0..count {
        assert_eq!(
            unsigned_invoke_as(&mut connection, &padding, &url_of(i)),
            401
        );
    }
    let (status, listing) =
        Connection::open(base_url).exchange("GET /_emulator/requests HTTP/1.1", &[], b"");
    assert_eq!(status, 200);
    (url_of, listing)
}

/// Every field of every record is within the bound, and the record says what was cut.
fn assert_cut_and_said_so(records: &[Value], full_url_len: usize) {
    for record in records {
        for field in ["requestURL", "method"] {
            let text = record[field].as_str().unwrap();
            assert!(text.len() <= MAX_FIELD_BYTES, "{field}: {}", text.len());
        }
        assert_eq!(record["truncated"]["requestURL"], full_url_len);
        assert_eq!(record["truncated"]["method"], MAX_FIELD_BYTES + 1000);
    }
}

#[test]
fn journal_fields_from_unsigned_clients_are_cut_and_said_so() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let (url_of, listing) = fill_journal(&emulator.base_url, 20);
    let records: Vec<Value> = serde_json::from_slice(&listing).unwrap();
    assert_eq!(records.len(), 20);
    assert_cut_and_said_so(&records, url_of(0).len());
    assert!(
        listing.len() < 20 * 3 * MAX_FIELD_BYTES,
        "{} bytes",
        listing.len()
    );
}

/// A load test (about 20 MB of requests): the records kept stay within the byte bound, long
/// before the 10,000-record one, the oldest going first.
#[test]
#[ignore]
fn the_journal_is_bounded_in_bytes() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let sent = MAX_KEPT_BYTES / (2 * MAX_FIELD_BYTES) + 100;
    let (url_of, listing) = fill_journal(&emulator.base_url, sent);
    assert!(
        listing.len() <= MAX_KEPT_BYTES + 64 * 1024,
        "{} bytes",
        listing.len()
    );
    let records: Vec<Value> = serde_json::from_slice(&listing).unwrap();
    assert!(
        records.len() < sent && records.len() > sent / 2,
        "{} of {sent} records kept",
        records.len()
    );
    assert_cut_and_said_so(&records, url_of(0).len());
    let last = records.last().unwrap()["requestURL"].as_str().unwrap();
    assert!(last.starts_with(&url_of(sent - 1)[..30]), "{}", &last[..40]);
    assert_eq!(
        get_json(&emulator.base_url, "/_emulator/stats")["requests"],
        sent
    );
}

#[test]
fn the_request_log_line_is_short_whatever_the_url() {
    let sandbox = Sandbox::new();
    let log = sandbox.path("emulator.log");
    let mut command = emulator_command(sandbox.dir.path());
    command
        .env("DESK_INVOKE_SECRET", SECRET)
        .args(["-v", "--in-memory"]);
    let emulator = spawn_emulator_logging(command, &log);
    let huge = format!("https://desk.zoho.com/api/v1/{}", "y".repeat(900 * 1024));
    assert_eq!(
        unsigned_invoke(&mut Connection::open(&emulator.base_url), &huge),
        401
    );
    let text = wait_for_text(&log, "stringToHash");
    assert!(
        text.contains("HASH FAILED") && text.contains("stringToHash"),
        "{}",
        &text[..text.len().min(500)]
    );
    for line in text.lines() {
        assert!(line.len() < 1024, "a {}-byte log line", line.len());
    }
}

/// `sh -c 'ulimit -f N; exec emulator …'` with SIGXFSZ ignored: writes past N blocks fail
/// with EFBIG the way a full disk fails them with ENOSPC, part of a line written first.
fn emulator_with_file_size_limit(home: &Path, blocks: u32) -> std::process::Command {
    let inner = emulator_command(home);
    let mut command = std::process::Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\""
        ))
        .arg(inner.get_program())
        .args(inner.get_args());
    for (name, value) in inner.get_envs() {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    command
}

#[test]
fn the_journal_file_gets_whole_lines_or_none_and_a_full_disk_is_said_once() {
    let sandbox = Sandbox::new();
    let journal = sandbox.path("journal.ndjson");
    let log = sandbox.path("emulator.log");
    let mut command = emulator_with_file_size_limit(sandbox.dir.path(), 64);
    command
        .env("DESK_INVOKE_SECRET", SECRET)
        .args(["--in-memory", "--journal"])
        .arg(&journal);
    let emulator = spawn_emulator_logging(command, &log);
    let mut connection = Connection::open(&emulator.base_url);
    let sent = 200;
    for i in 0..sent {
        // Lines of uneven length, so that the limit cuts one in the middle.
        let url = format!(
            "https://desk.zoho.com/{i}/{}",
            "z".repeat(300 + 37 * (i % 11))
        );
        assert_eq!(unsigned_invoke(&mut connection, &url), 401);
    }
    let stats = get_json(&emulator.base_url, "/_emulator/stats");
    let text = std::fs::read(&journal).unwrap();
    assert!(
        text.is_empty() || text.ends_with(b"\n"),
        "the last line is cut"
    );
    let text = String::from_utf8(text).unwrap();
    let written = text.lines().count();
    for line in text.lines() {
        let record: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(record["status"], 401);
    }
    assert!(written > 0 && written < sent, "{written} lines");
    assert_eq!(stats["journalWriteFailures"], sent - written, "{stats}");
    // Memory still has every record; stderr said it once.
    let kept = get_json(&emulator.base_url, "/_emulator/requests");
    assert_eq!(kept.as_array().unwrap().len(), sent);
    let log = wait_for_text(&log, "cannot append to the journal");
    assert_eq!(
        log.matches("cannot append to the journal").count(),
        1,
        "{log}"
    );
}

#[cfg(unix)]
#[test]
fn the_journal_file_is_created_private() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let journal = sandbox.path("journal.ndjson");
    let emulator = sandbox.start_emulator(&["--journal", journal.to_str().unwrap()]);
    assert_eq!(
        unsigned_invoke(
            &mut Connection::open(&emulator.base_url),
            "https://desk.zoho.com/x"
        ),
        401
    );
    let mode = std::fs::metadata(&journal).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}

#[test]
fn writes_are_refused_once_the_database_file_is_deleted() {
    let sandbox = Sandbox::new();
    let db = sandbox.path("emulator.sqlite");
    let log = sandbox.path("emulator.log");
    let mut command = emulator_command(sandbox.dir.path());
    command
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .args(["--security-context", SECURITY_CONTEXT, "--db"])
        .arg(&db);
    let emulator = spawn_emulator_logging(command, &log);
    let put = |key: &str| {
        sandbox
            .against(&emulator.base_url)
            .args([
                "storage",
                "put",
                key,
                r#"{"n": 1}"#,
                "--queriable-value",
                "g",
            ])
            .output()
            .unwrap()
    };
    let out = put("before");
    assert!(out.status.success(), "{}", stderr_of(&out));
    std::fs::remove_file(&db).unwrap();
    let out = put("after");
    assert_eq!(out.status.code(), Some(5), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("deleted"), "{}", stderr_of(&out));
    let log = wait_for_text(&log, "was deleted");
    assert!(log.contains("was deleted or replaced"), "{log}");
    // What was stored before is still readable.
    sandbox
        .desk_against(
            &emulator.base_url,
            &["storage", "get", "--key", "before", "-o", "json"],
        )
        .run();
}

/// Runs `command` to its end, or kills it after `limit` and fails.
fn output_within(mut command: std::process::Command, limit: Duration) -> std::process::Output {
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + limit;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after {limit:?}: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn stub_body_files_stay_in_the_stub_files_directory() {
    let sandbox = Sandbox::new();
    let outside = sandbox.write("outside.txt", "not for stubs");
    sandbox.write("stubs/inside.txt", "fine");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, sandbox.path("stubs/link.txt")).unwrap();
    let mut escapes = vec![
        outside.display().to_string(),
        "/proc/self/environ".to_string(),
        "../outside.txt".to_string(),
        "sub/../../outside.txt".to_string(),
    ];
    if cfg!(unix) {
        escapes.push("link.txt".to_string());
    }
    std::fs::create_dir_all(sandbox.path("stubs/sub")).unwrap();
    for body_file in escapes {
        let stubs = sandbox.write(
            "stubs/stubs.json",
            serde_json::json!([{"url": "https://x.test/*"}, {"url": "https://y.test/*", "body_file": body_file}])
                .to_string(),
        );
        let mut command = emulator_command(sandbox.dir.path());
        command
            .args(["--in-memory", "--addr", "127.0.0.1:0", "--stub"])
            .arg(&stubs);
        let out = output_within(command, Duration::from_secs(10));
        assert_clean_failure(&out, 2, &[]);
        let stderr = stderr_of(&out);
        assert!(
            stderr.contains("stubs.json") && stderr.contains("stub 2's body_file"),
            "{body_file}: {stderr}"
        );
        assert!(!stderr.contains("not for stubs"), "{stderr}");
    }
    // Inside the directory, `..` that stays in is fine.
    let stubs = sandbox.write(
        "stubs/stubs.json",
        serde_json::json!([{"url": "https://desk.zoho.com/api/v1/agents*", "body_file": "sub/../inside.txt"}])
            .to_string(),
    );
    // The stub's body as it is, unwrapped.
    let emulator =
        sandbox.start_emulator(&["--stub", stubs.to_str().unwrap(), "--response-wrap", "none"]);
    let out = sandbox
        .desk_against(
            &emulator.base_url,
            &[
                "invoke",
                "--url",
                "https://desk.zoho.com/api/v1/agents",
                "-o",
                "raw",
            ],
        )
        .run();
    assert_eq!(stdout_of(&out).trim(), "fine");
}
