//! `desk-invoke hash` end to end: every shared vector reproduced through flags, `@FILE` and
//! stdin; edge cases pinned to openssl; bad input refused cleanly.

use crate::common::*;
use serde_json::Value;

const FLAGS: [(&str, &str); 6] = [
    ("requestURL", "--request-url"),
    ("requestType", "--request-type"),
    ("queryParams", "--query-params"),
    ("postBody", "--post-body"),
    ("headers", "--headers"),
    ("connectionLinkName", "--connection-link-name"),
];

fn vectors() -> Vec<Value> {
    serde_json::from_str(include_str!("../data/hash.json")).unwrap()
}

/// The shared vectors in `tests/data` are a copy; keep them identical to shared/ when it is there.
#[test]
fn vectors_copy_matches_shared() {
    let shared =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/test-vectors/hash.json");
    if let Ok(text) = std::fs::read_to_string(shared) {
        let shared: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(shared, Value::Array(vectors()));
    }
}

#[test]
fn every_vector_through_flags() {
    let sandbox = Sandbox::new();
    for v in vectors() {
        let mut args = vec!["hash".to_string()];
        for (name, flag) in FLAGS {
            if let Some(value) = v["fields"].get(name) {
                args.push(format!("{flag}={}", value.as_str().unwrap()));
            }
        }
        let out = Run::of(sandbox.cmd())
            .env("DESK_INVOKE_SECRET", v["secret"].as_str().unwrap())
            .args(&args)
            .run();
        assert_eq!(
            stdout_of(&out),
            format!("{}\n", v["hash"].as_str().unwrap()),
            "{}",
            v["name"]
        );

        let out = sandbox
            .cmd()
            .env("DESK_INVOKE_SECRET", "x")
            .args(&args)
            .arg("--canonical")
            .output()
            .unwrap();
        assert_eq!(
            stdout_of(&out),
            format!("{}\n", v["stringToHash"].as_str().unwrap()),
            "{}",
            v["name"]
        );

        let out = sandbox
            .cmd()
            .env("DESK_INVOKE_SECRET", v["secret"].as_str().unwrap())
            .args(&args)
            .args(["-o", "json"])
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["hash"], v["hash"]);
        assert_eq!(json["stringToHash"], v["stringToHash"]);
    }
}

#[test]
fn every_vector_through_files_and_stdin() {
    let sandbox = Sandbox::new();
    for (i, v) in vectors().iter().enumerate() {
        let mut args = vec!["hash".to_string()];
        let mut stdin_value = None;
        for (j, (name, flag)) in FLAGS.iter().enumerate() {
            let Some(value) = v["fields"].get(name) else {
                continue;
            };
            let value = value.as_str().unwrap();
            // The first field present comes from stdin, the others from files.
            if stdin_value.is_none() {
                stdin_value = Some(value.to_string());
                args.push(format!("{flag}=@-"));
            } else {
                let path = sandbox.write(&format!("v{i}-{j}"), value);
                args.push(format!("{flag}=@{}", path.display()));
            }
        }
        let out = Run::of(sandbox.cmd())
            .env("DESK_INVOKE_SECRET", v["secret"].as_str().unwrap())
            .args(&args)
            .stdin(stdin_value.unwrap())
            .run();
        assert_eq!(
            stdout_of(&out).trim_end(),
            v["hash"].as_str().unwrap(),
            "{}",
            v["name"]
        );
    }
}

#[test]
fn secret_from_file_and_from_profile() {
    let sandbox = Sandbox::new();
    let secret_file = sandbox.write("secret", "my_secret_key_238392\n");
    let args = [
        "hash",
        "--url",
        "https://api.google.com/test",
        "-X",
        "POST",
        "--query-params",
        "{}",
        "--post-body",
        "{}",
        "--headers",
        r#"{"orgId":376723}"#,
        "--connection",
        "myConnectionLinkName",
    ];
    let expected = "a1df625d33b77472c264beb06579875b88951ba12736dcb2cb416034928c2c42\n";
    sandbox
        .cmd()
        .args(args)
        .arg("--secret-file")
        .arg(&secret_file)
        .assert()
        .success()
        .stdout(expected);
    sandbox
        .cmd()
        .args(args)
        .args(["--secret-file", "-"])
        .write_stdin("my_secret_key_238392")
        .assert()
        .success()
        .stdout(expected);
    let config = sandbox.write(
        "p.toml",
        "[profiles.default]\nsecret = \"my_secret_key_238392\"\n",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    sandbox
        .cmd()
        .args(args)
        .arg("--config")
        .arg(&config)
        .assert()
        .success()
        .stdout(expected);
    // The environment beats the profile.
    sandbox
        .cmd()
        .args(args)
        .arg("--config")
        .arg(&config)
        .env("DESK_INVOKE_SECRET", "other")
        .assert()
        .success()
        .stdout(predicates::str::contains(expected).not());
}

use predicates::prelude::PredicateBooleanExt;

/// Edge cases, each checked against openssl over the canonical string we expect.
#[test]
fn edge_cases_match_openssl() {
    let sandbox = Sandbox::new();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "--url",
                "https://x.test/ü?q=é",
                "-X",
                "put",
                "--post-body",
                "{\"name\":\"Zoë ✓ 日本\"}",
            ],
            "requestURL=https://x.test/ü?q=é&requestType=PUT&postBody={\"name\":\"Zoë ✓ 日本\"}",
        ),
        (
            vec![
                "--url",
                "https://x.test/",
                "--post-body",
                "",
                "--headers",
                "{}",
                "--connection",
                "",
            ],
            "requestURL=https://x.test/&postBody=&headers={}&connectionLinkName=",
        ),
        (
            vec![
                "--url",
                "https://x.test/",
                "--headers",
                r#"{"url":"https:\/\/a.test\/b"}"#,
            ],
            r#"requestURL=https://x.test/&headers={"url":"https:\/\/a.test\/b"}"#,
        ),
        (
            vec![
                "--url",
                "https://x.test/",
                "-X",
                "POST",
                "--post-body",
                "line1\nline2\r\n\ttab & = + %20",
            ],
            "requestURL=https://x.test/&requestType=POST&postBody=line1\nline2\r\n\ttab & = + %20",
        ),
        (
            vec![
                "--url",
                "u",
                "--query",
                "b=2",
                "--query",
                "a=x y&z",
                "-H",
                "orgId: 376723",
                "-H",
                "X-Empty:",
            ],
            r#"requestURL=u&queryParams={"b":"2","a":"x y&z"}&headers={"orgId":"376723","X-Empty":""}"#,
        ),
        (
            vec!["--headers", r#"{ "spaced" : [1, 2] }"#],
            r#"headers={ "spaced" : [1, 2] }"#,
        ),
    ];
    for (args, canonical) in cases {
        let out = Run::of(sandbox.signed())
            .arg("hash")
            .args(&args)
            .arg("--canonical")
            .run();
        assert_eq!(stdout_of(&out), format!("{canonical}\n"), "{args:?}");
        let out = sandbox.signed().arg("hash").args(&args).output().unwrap();
        assert_eq!(
            stdout_of(&out).trim_end(),
            openssl_hmac(SECRET, canonical.as_bytes()),
            "{args:?}"
        );
    }
}

/// A large body from a file is streamed: same digest as openssl over the same bytes. The
/// text has characters of 1 to 4 bytes, so some straddle the 256 KiB read chunks.
#[test]
fn large_file_body_streams() {
    let sandbox = Sandbox::new();
    let chunk: Vec<u8> = "aé€😀\n{\"k\":1}"
        .as_bytes()
        .iter()
        .copied()
        .cycle()
        .take(1 << 20)
        .collect();
    let chunk = String::from_utf8_lossy(&chunk).into_owned().into_bytes();
    let mut body = Vec::new();
    for _ in 0..24 {
        body.extend_from_slice(&chunk);
    }
    let body_path = sandbox.write("body.bin", &body);
    // Bytes that are not UTF-8 are refused, with or without -o json (values are text).
    let latin1 = sandbox.write("latin1.txt", b"caf\xe9");
    for json in [false, true] {
        let mut cmd = sandbox.signed();
        cmd.args(["hash", "--url", "https://x.test/", "--post-body"])
            .arg(format!("@{}", latin1.display()));
        if json {
            cmd.args(["-o", "json"]);
        }
        let out = cmd.output().unwrap();
        if json {
            // With -o json the error is a JSON object too.
            assert_eq!(out.status.code(), Some(2));
            let error: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
            assert_eq!(error["error"]["exitCode"], 2);
            assert!(!stderr_of(&out).contains(SECRET));
        } else {
            assert_clean_failure(&out, 2, &[SECRET]);
        }
    }
    let mut canonical = b"requestURL=https://x.test/&requestType=POST&postBody=".to_vec();
    canonical.extend_from_slice(&body);
    canonical.extend_from_slice(b"&headers={}");
    let canonical_path = sandbox.write("canonical.bin", &canonical);
    let expected = openssl_hmac_file(SECRET, &canonical_path);
    let out = sandbox
        .desk_signed(&[
            "hash",
            "--url",
            "https://x.test/",
            "-X",
            "POST",
            "--headers",
            "{}",
            "--post-body",
        ])
        .arg(format!("@{}", body_path.display()))
        .run();
    assert_eq!(stdout_of(&out).trim_end(), expected);
    // --canonical streams the same bytes.
    let out = sandbox
        .signed()
        .args([
            "hash",
            "--url",
            "https://x.test/",
            "-X",
            "POST",
            "--headers",
            "{}",
            "--canonical",
            "--post-body",
        ])
        .arg(format!("@{}", body_path.display()))
        .output()
        .unwrap();
    let mut with_newline = canonical.clone();
    with_newline.push(b'\n');
    assert!(out.stdout == with_newline, "canonical output differs");
}

#[test]
fn needs_only_the_secret() {
    let sandbox = Sandbox::new();
    // No org id, no securityContext, no profile file, no network.
    sandbox
        .signed()
        .args(["hash", "--url", "https://x.test/"])
        .env("DESK_INVOKE_BASE_URL", "https://unreachable.invalid")
        .assert()
        .success();
}

#[test]
fn bad_input_is_refused_cleanly() {
    let sandbox = Sandbox::new();
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["hash"], 2),
        (vec!["hash", "--url", "u", "-X", "FETCH"], 2),
        (vec!["hash", "--url", "u", "--headers", "{not json"], 2),
        (vec!["hash", "--url", "u", "--headers", "[1]"], 2),
        (
            vec![
                "hash",
                "--url",
                "u",
                "--query-params",
                "{}",
                "--query",
                "a=b",
            ],
            2,
        ),
        (
            vec!["hash", "--url", "u", "--headers", "{}", "-H", "a: b"],
            2,
        ),
        (vec!["hash", "--url", "u", "-H", "no colon"], 2),
        (vec!["hash", "--url", "u", "--query", "novalue"], 2),
        (vec!["hash", "--url", "@/does/not/exist"], 2),
        (
            vec!["hash", "--url", "u", "--post-body", "@/does/not/exist"],
            2,
        ),
        (vec!["hash", "--url", "@-", "--post-body", "@-"], 2),
        (vec!["hash", "--url", "u", "--timeout", "soon"], 2),
        (vec!["hash", "--url", "u", "--retries", "-1"], 2),
        (vec!["hash", "--url", "u", "--color", "sometimes"], 2),
        (vec!["hash", "--url", "u", "--no-such-flag"], 2),
    ];
    for (args, code) in cases {
        let out = sandbox
            .signed()
            .args(&args)
            .write_stdin("")
            .output()
            .unwrap();
        assert_clean_failure(&out, code, &[SECRET]);
    }
}

#[test]
fn configuration_errors_exit_3() {
    let sandbox = Sandbox::new();
    // No secret anywhere.
    sandbox
        .desk(&["hash", "--url", "u"])
        .expect_error(3)
        .stderr_has("hint:")
        .run();
    // Empty secret.
    sandbox
        .desk(&["hash", "--url", "u", "--secret-file", "-"])
        .stdin("\n")
        .expect_error(3)
        .run();
    // Missing secret file.
    sandbox
        .desk(&["hash", "--url", "u", "--secret-file", "/does/not/exist"])
        .expect_error(3)
        .run();
    // Malformed TOML, with the secret in it: the error must not echo it.
    let bad = sandbox.write(
        "bad.toml",
        format!("[profiles.default]\nsecret = \"{SECRET}\"\norg_id = \n"),
    );
    sandbox
        .desk(&["hash", "--url", "u", "--config"])
        .arg(&bad)
        .expect_error(3)
        .hides(SECRET)
        .stderr_has("line 3")
        .run();
    // Unknown profile.
    let good = sandbox.write("good.toml", "[profiles.a]\norg_id = \"1\"\n");
    sandbox
        .desk_signed(&["hash", "--url", "u", "-p", "nope", "--config"])
        .arg(&good)
        .expect_error(3)
        .hides(SECRET)
        .run();
    // Unknown data center.
    let dc = sandbox.write("dc.toml", "[profiles.default]\ndata_center = \"mars\"\n");
    sandbox
        .desk_signed(&["hash", "--url", "u", "--config"])
        .arg(&dc)
        .expect_error(3)
        .hides(SECRET)
        .run();
    // secret_env pointing at an unset variable.
    let env = sandbox.write(
        "env.toml",
        "[profiles.default]\nsecret_env = \"DESK_INVOKE_TEST_UNSET_VAR\"\n",
    );
    sandbox
        .desk(&["hash", "--url", "u", "--config"])
        .arg(&env)
        .expect_error(3)
        .run();
}

/// Every field, requestURL and requestType too: `hash` signs what it is given, and `invoke`
/// (which cannot send to an empty URL or with an empty method) refuses them before sending.
#[test]
fn every_field_given_empty_is_hashed_as_name_equals_and_invoke_refuses_what_it_cannot_send() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .desk_signed(&[
            "hash",
            "--url",
            "",
            "-X",
            "",
            "--post-body",
            "",
            "--canonical",
        ])
        .run();
    assert_eq!(stdout_of(&out), "requestURL=&requestType=&postBody=\n");
    let out = sandbox.desk_signed(&["hash", "--url", "", "-X", ""]).run();
    assert_eq!(
        stdout_of(&out).trim(),
        openssl_hmac(SECRET, b"requestURL=&requestType=")
    );
    for args in [&["--url", ""][..], &["--url", "/x", "-X", ""]] {
        sandbox
            .desk_signed(&[&["invoke"][..], args].concat())
            .expect_error(2)
            .stderr_has("is empty")
            .run();
    }
}

/// A field given as an empty string is sent and hashed as `name=`.
#[test]
fn empty_json_fields_are_hashed_as_empty() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .desk_signed(&[
            "hash",
            "--url",
            "u",
            "--query-params",
            "",
            "--headers",
            "",
            "--canonical",
        ])
        .run();
    assert_eq!(stdout_of(&out), "requestURL=u&queryParams=&headers=\n");
    let out = sandbox
        .signed()
        .args(["hash", "--url", "u", "--query-params", "", "--headers", ""])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&out).trim(),
        openssl_hmac(SECRET, b"requestURL=u&queryParams=&headers=")
    );
}
