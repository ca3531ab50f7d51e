//! Bad input of every kind (malformed flags, non-UTF-8 arguments, endless inputs) is one
//! clean `error:` line and the documented exit code, never a panic.

use crate::common::*;
use std::ffi::OsString;
use std::time::{Duration, Instant};

// Inputs are capped: an endless file is an error, not memory running out.
#[test]
fn endless_inputs_are_refused() {
    let sandbox = Sandbox::new();
    for (args, code) in [
        (
            vec!["invoke", "--url", "/x", "--post-body", "@/dev/zero"],
            2,
        ),
        (
            vec![
                "verify-callback",
                "--hash",
                &"0".repeat(64),
                "--body",
                "@/dev/zero",
            ],
            2,
        ),
        (vec!["storage", "put", "--file", "/dev/zero"], 2),
        (vec!["--secret-file", "/dev/zero", "hash", "--url", "u"], 3),
    ] {
        let started = Instant::now();
        let out = sandbox
            .against("http://127.0.0.1:9")
            .args(&args)
            .output()
            .unwrap();
        assert_clean_failure(&out, code, &[SECRET]);
        assert!(started.elapsed() < Duration::from_secs(20), "{args:?}");
    }
    sandbox
        .desk(&["--config", "/dev/zero", "profile", "list"])
        .expect_error(3)
        .run();
}

#[test]
fn every_bad_input_is_one_clean_error_line() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = emulator.base_url.clone();
    let long_key = "k".repeat(51);
    let big_value = format!("{{\"x\":\"{}\"}}", "y".repeat(5200));
    let huge = sandbox.write("huge.json", format!("{{\"x\":\"{}\"}}", "y".repeat(6000)));
    let huge_arg = format!("@{}", huge.display());
    let items = sandbox.write("items.ndjson", "{\"key\":\"ok\",\"value\":{}}\n");
    let items_arg = items.to_str().unwrap().to_string();
    let not_stubs = sandbox.write("not-stubs.json", r#"[{"uri": "https://x/*"}]"#);
    let not_stubs = not_stubs.to_str().unwrap().to_string();
    let stub_toml = sandbox.write(
        "stubs.toml",
        "[[stubs]]\nurl = \"https://x/*\"\nbody_file = \"absent.json\"\n",
    );
    let stub_toml = stub_toml.to_str().unwrap().to_string();
    // (arguments, expected exit code, needs the emulator's URL in the environment)
    let cases: Vec<(Vec<&str>, i32)> = vec![
        // global options
        (vec!["--timeout", "soon", "storage", "get", "--key", "k"], 2),
        (vec!["--timeout", "0s", "storage", "get", "--key", "k"], 2),
        (vec!["--timeout", "-5s", "storage", "get", "--key", "k"], 2),
        (vec!["--retries", "many", "storage", "get", "--key", "k"], 2),
        (vec!["--retries", "1000", "storage", "get", "--key", "k"], 2),
        (vec!["-o", "yaml", "storage", "get", "--key", "k"], 2),
        (
            vec!["--color", "rainbow", "storage", "get", "--key", "k"],
            2,
        ),
        (vec!["-q", "-v", "storage", "get", "--key", "k"], 2),
        (
            vec![
                "--base-url",
                "http://desk.zoho.com",
                "storage",
                "get",
                "--key",
                "k",
            ],
            2,
        ),
        (
            vec![
                "--base-url",
                "ftp://127.0.0.1",
                "storage",
                "get",
                "--key",
                "k",
            ],
            2,
        ),
        (
            vec![
                "--base-url",
                "::not a url::",
                "storage",
                "get",
                "--key",
                "k",
            ],
            2,
        ),
        (vec!["no-such-command"], 2),
        // hash
        (vec!["hash"], 2),
        (vec!["hash", "--url", "u", "-X", "FETCH"], 2),
        (vec!["hash", "--url", "u", "--headers", "{"], 2),
        (vec!["hash", "--url", "u", "--query-params", "[]"], 2),
        (vec!["hash", "--url", "u", "-H", "Bad header"], 2),
        (vec!["hash", "--url", "u", "--query", "=x"], 2),
        (vec!["hash", "--url", "@/no/such/file"], 2),
        (
            vec!["hash", "--url", "u", "--headers", "{}", "-H", "a: b"],
            2,
        ),
        // invoke
        (vec!["invoke"], 2),
        (vec!["invoke", "--url", "/x", "-X", "CONNECT"], 2),
        (
            vec!["invoke", "--url", "/x", "--query-params", "{\"a\":"],
            2,
        ),
        (
            vec!["invoke", "--url", "/x", "--post-body", "@/no/such/file"],
            2,
        ),
        (vec!["invoke", "--url", "@-", "--post-body", "@-"], 2),
        // storage
        (vec!["storage", "put", long_key.as_str(), "{}"], 2),
        (vec!["storage", "put", "bad key", "{}"], 2),
        (vec!["storage", "put", "k", "[]"], 2),
        (vec!["storage", "put", "k", "{bad json"], 2),
        (vec!["storage", "put", "k", big_value.as_str()], 2),
        (vec!["storage", "put", "k", huge_arg.as_str()], 2),
        (
            vec!["storage", "put", "k", "{}", "--queriable-value", ""],
            2,
        ),
        (vec!["storage", "put", "--file", "/no/such/file"], 2),
        (
            vec![
                "storage",
                "put",
                "--file",
                items_arg.as_str(),
                "--concurrency",
                "0",
            ],
            2,
        ),
        (
            vec!["storage", "put", "k", "{}", "--file", items_arg.as_str()],
            2,
        ),
        (vec!["storage", "get", "--key", "ü"], 2),
        (vec!["storage", "get", "--limit", "0"], 2),
        (vec!["storage", "get", "--from", "-1"], 2),
        (vec!["storage", "delete"], 2),
        (vec!["storage", "delete", "a/b"], 2),
        // config, log, permissions
        (vec!["config", "set"], 2),
        (vec!["config", "set", "=value"], 2),
        (vec!["log"], 2),
        (vec!["log", "--title", " "], 2),
        (
            vec!["log", "--title", "t", "--description", "@/no/such/file"],
            2,
        ),
        (vec!["permissions", "check"], 2),
        // callbacks
        (vec!["verify-callback"], 2),
        (vec!["verify-callback", "--hash", "zz"], 2),
        (vec!["verify-callback", "--hash", ""], 2),
        (
            vec![
                "send-callback",
                "--event",
                "onWhatever",
                "--to",
                "http://127.0.0.1:1/",
            ],
            2,
        ),
        (
            vec![
                "send-callback",
                "--event",
                "onInstall",
                "--to",
                "http://example.com/",
            ],
            2,
        ),
        (
            vec![
                "send-callback",
                "--event",
                "onInstall",
                "--to",
                "http://127.0.0.1:1/",
                "--body",
                "{",
            ],
            2,
        ),
        // emulator and profiles
        (vec!["emulator", "--fail-rate", "2"], 2),
        (vec!["emulator", "--addr", "nowhere"], 2),
        (vec!["emulator", "--permission", "noequals"], 2),
        (vec!["emulator", "--latency", "fast"], 2),
        (vec!["emulator", "--in-memory", "--db", "x.sqlite"], 2),
        (vec!["emulator", "--stub", "absent-stubs.json"], 2),
        (vec!["emulator", "--stub", &not_stubs], 2),
        (vec!["emulator", "--stub", &stub_toml], 2),
        (vec!["profile", "set", "local"], 2),
        (vec!["profile", "set", "x", "--data-center", "atlantis"], 2),
        (vec!["profile", "show", "nope"], 3),
        (vec!["profile", "remove", "nope"], 3),
        (vec!["profile", "use", "nope"], 3),
        // the development loop
        (
            vec![
                "invoke",
                "--paginate",
                "--url",
                "/x",
                "--query-params",
                "[1]",
            ],
            2,
        ),
        (
            vec![
                "invoke",
                "--paginate",
                "--url",
                "/x",
                "--query",
                "limit=many",
            ],
            2,
        ),
        (
            vec!["invoke", "--paginate", "--url", "/x", "--max-items", "0"],
            2,
        ),
        (vec!["invoke", "--url", "/x", "--max-items", "5"], 2),
        (vec!["listen", "--addr", "nowhere"], 2),
        (vec!["completions", "cmd.exe"], 2),
        // network and configuration
        (vec!["--org-id", "999", "storage", "get", "--key", "k"], 4),
    ];
    assert!(cases.len() >= 60, "the corpus shrank to {}", cases.len());
    for (args, code) in &cases {
        let out = sandbox
            .against(&url)
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        assert_clean_failure(&out, *code, &[SECRET, SECURITY_CONTEXT]);
    }
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_usage_errors() {
    use std::os::unix::ffi::OsStringExt;
    let sandbox = Sandbox::new();
    let bad = OsString::from_vec(vec![b'k', 0xff, 0xfe]);
    for args in [
        vec![OsString::from("hash"), OsString::from("--url"), bad.clone()],
        vec![
            OsString::from("storage"),
            OsString::from("put"),
            bad.clone(),
            OsString::from("{}"),
        ],
        vec![
            OsString::from("-p"),
            bad.clone(),
            OsString::from("storage"),
            OsString::from("get"),
        ],
    ] {
        Run::of(sandbox.signed())
            .args(&args)
            .expect_error(2)
            .hides(SECRET)
            .run();
    }
    // A non-UTF-8 file given as a value that must be text.
    let file = sandbox.write("latin1.txt", [b'a', 0xe9, b'b']);
    sandbox
        .desk_signed(&["hash", "--url"])
        .arg(format!("@{}", file.display()))
        .expect_error(2)
        .hides(SECRET)
        .run();
}
