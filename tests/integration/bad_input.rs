//! The bad-input corpus: every command and the profile file, each case asserting the exact
//! exit code of docs/reference.md ("Exit codes"), one `error:` line, no panic, and no secret
//! in any output.

use crate::common::*;
use std::ffi::OsString;

/// Profile files that must each be refused with exit 3, whatever the command.
const BAD_PROFILE_FILES: &[&str] = &[
    "[profiles.default\norg_id = \"1\"\n", // unclosed table
    "default_profile = 5\n",               // wrong type
    "[profiles.default]\norg_id = \"1\"\nunknown_field = true\n", // unknown key
    "[profiles.default]\ndata_center = \"moon\"\n", // unknown data center
    "[profiles.default]\nsecret = \"a\"\nsecret = \"b\"\n", // duplicate key
    "default_profile = \"missing\"\n[profiles.other]\norg_id = \"1\"\n", // default names nothing
    "\u{0}\u{1}binary",                    // not TOML at all
];

#[test]
fn malformed_profile_files_exit_3() {
    let sandbox = Sandbox::new();
    for (i, text) in BAD_PROFILE_FILES.iter().enumerate() {
        let path = sandbox.write(&format!("bad{i}.toml"), format!("{text}\n# {SECRET}\n"));
        for args in [
            vec!["hash", "--url", "u"],
            vec!["storage", "get", "--key", "k"],
            vec!["smoke"],
        ] {
            let out = sandbox
                .signed()
                .arg("--config")
                .arg(&path)
                .args(&args)
                .output()
                .unwrap();
            assert_clean_failure(&out, 3, &[SECRET]);
        }
    }
    // A profile file that is a directory, or unreadable, is a configuration error too.
    let out = sandbox
        .signed()
        .arg("--config")
        .arg(sandbox.dir.path())
        .args(["hash", "--url", "u"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 3, &[SECRET]);
}

#[test]
fn corpus() {
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

#[test]
fn missing_configuration_exits_3() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let base = ("DESK_INVOKE_BASE_URL", emulator.base_url.as_str());
    let org = ("DESK_INVOKE_ORG_ID", ORG_ID);
    let context = ("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT);
    let secret = ("DESK_INVOKE_SECRET", SECRET);
    // Each configuration leaves one thing out.
    for env in [
        vec![org, context, secret],
        vec![base, context, secret],
        vec![base, org, secret],
        vec![base, org, context],
    ] {
        let mut cmd = sandbox.cmd();
        cmd.envs(env).args(["storage", "get", "--key", "k"]);
        let out = cmd.output().unwrap();
        assert_clean_failure(&out, 3, &[SECRET, SECURITY_CONTEXT]);
        assert!(stderr_of(&out).contains("hint:"), "{}", stderr_of(&out));
    }
    let out = sandbox
        .against(&emulator.base_url)
        .args(["-p", "ghost", "storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 3, &[SECRET, SECURITY_CONTEXT]);
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
        let out = sandbox.signed().args(&args).output().unwrap();
        assert_clean_failure(&out, 2, &[SECRET]);
    }
    // A non-UTF-8 file given as a value that must be text.
    let file = sandbox.write("latin1.txt", [b'a', 0xe9, b'b']);
    let out = sandbox
        .signed()
        .args(["hash", "--url"])
        .arg(format!("@{}", file.display()))
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[SECRET]);
}

/// The built-in `local` profile: no dry run (its emulator lives in one process only), and it
/// cannot be changed by `verify-callback --save`.
#[test]
fn the_local_profile_refuses_what_cannot_work() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args(["-p", "local", "invoke", "--url", "/x", "--dry-run"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[]);
    let body = r#"{"event":"onInstall","orgId":1,"securityContext":"c"}"#;
    let hash = openssl_hmac(desk_invoke::LOCAL_SECRET, body.as_bytes());
    let out = sandbox
        .cmd()
        .args([
            "-p",
            "local",
            "verify-callback",
            "--save",
            "--hash",
            &hash,
            "--body",
            body,
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[]);
    assert!(!sandbox.profiles_path().exists());
}
