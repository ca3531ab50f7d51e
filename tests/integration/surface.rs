//! The surface people touch (issue 13): help, man pages, one output layer, safe storage
//! work, hints, profiles, the emulator as a development server, smoke in CI. Terminal
//! behaviour goes through a pty (`script`).

use crate::common::*;
use serde_json::{json, Value};
use std::path::Path;

/// Runs `command` (a shell line) with stdout on a pty; returns what the pty showed.
fn on_terminal(sandbox: &Sandbox, env: &[(&str, &str)], command: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_desk-invoke");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &command.replace("desk-invoke", bin), "/dev/null"])
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"))
        .env_remove("NO_COLOR")
        .env("TERM", "xterm");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd.output().unwrap();
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

#[test]
fn help_teaches() {
    let sandbox = Sandbox::new();
    let top = sandbox.cmd().arg("--help").output().unwrap();
    let top = stdout_of(&top);
    assert!(top.contains("DESK_INVOKE_SECURITY_CONTEXT"), "{top}");
    assert!(top.contains("-p local smoke"), "{top}");
    for command in [
        vec!["hash"],
        vec!["invoke"],
        vec!["storage", "get"],
        vec!["storage", "put"],
        vec!["storage", "delete"],
        vec!["storage", "count"],
        vec!["config", "get"],
        vec!["config", "set"],
        vec!["log"],
        vec!["permissions"],
        vec!["verify-callback"],
        vec!["send-callback"],
        vec!["listen"],
        vec!["emulator"],
        vec!["smoke"],
        vec!["profile", "show"],
        vec!["profile", "set"],
        vec!["completions"],
    ] {
        let out = sandbox.cmd().args(&command).arg("--help").output().unwrap();
        let help = stdout_of(&out);
        assert!(help.contains("Examples:"), "{command:?} has no examples");
        // The global options are named in one line pointing to `desk-invoke --help`.
        assert!(
            help.contains("Global options (") && help.contains("desk-invoke --help"),
            "{command:?} mixes global options in"
        );
        let own = help.split("Global options (").next().unwrap();
        assert!(
            !own.contains("--timeout"),
            "{command:?}: --timeout among its own flags"
        );
    }
    let hash = stdout_of(&sandbox.cmd().args(["hash", "--help"]).output().unwrap());
    assert!(
        hash.contains("@FILE") && hash.contains("invoke --dry-run"),
        "{hash}"
    );
}

#[test]
fn man_pages_have_every_section() {
    let man = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let mut pages = 0;
    for entry in std::fs::read_dir(&man).unwrap() {
        let page = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH \"EXIT STATUS\"",
            ".SH \"SEE ALSO\"",
        ] {
            assert!(page.contains(section), "a page lacks {section}");
        }
        assert!(!page.contains("desk\\-invoke\\-help(1)") && !page.contains("desk-invoke-help(1)"));
        pages += 1;
    }
    let get = std::fs::read_to_string(man.join("desk-invoke-storage-get.1")).unwrap();
    assert!(get.contains(".SH EXAMPLES"));
    assert!(pages > 20);
}

#[test]
fn output_formats_behave_the_same_everywhere() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    for i in 0..30 {
        sandbox
            .against(url)
            .args([
                "storage",
                "put",
                &format!("k{i:02}"),
                r#"{"a":1}"#,
                "--queriable-value",
                "g",
            ])
            .assert()
            .success();
    }
    // `-o raw` with a key prints the value alone; put prints what get prints.
    let raw = sandbox
        .against(url)
        .args(["storage", "get", "--key", "k00", "-o", "raw"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&raw), "{\"a\":1}\n");
    let put = sandbox
        .against(url)
        .args(["storage", "put", "solo", "{}"])
        .output()
        .unwrap();
    let get = sandbox
        .against(url)
        .args(["storage", "get", "--key", "solo"])
        .output()
        .unwrap();
    let got: Value = serde_json::from_slice(&get.stdout).unwrap();
    let put: Value = serde_json::from_slice(&put.stdout).unwrap();
    assert_eq!(put, got[0], "put and get print an item the same way");
    // A reader that stops early: exit 0, nothing on stderr.
    let script = format!(
        "'{}' storage get --queriable-value g --all -o ndjson --limit 1 | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
        env!("CARGO_BIN_EXE_desk-invoke")
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("DESK_INVOKE_SECRET", SECRET)
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .env("DESK_INVOKE_ORG_ID", ORG_ID)
        .env("DESK_INVOKE_BASE_URL", url)
        .env("HOME", sandbox.dir.path())
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out).trim(), "0", "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    // -o json: the error is a JSON object too.
    let out = sandbox
        .against(url)
        .args(["-o", "json", "storage", "get", "--key", "a b"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["error"]["exitCode"], 2);
    // Colour is decided per stream: stdout on a terminal, stderr in a file.
    let log = sandbox.path("err.log");
    let env = [
        ("DESK_INVOKE_SECRET", SECRET),
        ("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT),
        ("DESK_INVOKE_ORG_ID", ORG_ID),
        ("DESK_INVOKE_BASE_URL", url.as_str()),
    ];
    let shown = on_terminal(
        &sandbox,
        &env,
        &format!("desk-invoke storage get --key nope --limit 0 2>{}; desk-invoke storage get --queriable-value g", log.display()),
    );
    let errors = std::fs::read(&log).unwrap();
    assert!(
        !errors.contains(&0x1b),
        "escape codes in a log file: {}",
        String::from_utf8_lossy(&errors)
    );
    // A full page on a terminal says how to get the rest.
    assert!(
        shown.contains("--from 20") && shown.contains("--all"),
        "{shown}"
    );
}

#[test]
fn storage_work_is_safe_by_default() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let items: String = (0..120)
        .map(|i| json!({"key": format!("d{i:03}"), "queriableValue": if i < 110 { "doomed" } else { "kept" }, "value": {}}).to_string() + "\n")
        .collect();
    sandbox
        .against(url)
        .args(["storage", "put", "--file", "-"])
        .write_stdin(items)
        .assert()
        .success();
    let count = |group: &str| {
        let out = sandbox
            .against(url)
            .args(["storage", "count", "--queriable-value", group])
            .output()
            .unwrap();
        stdout_of(&out).trim().to_string()
    };
    assert_eq!(count("doomed"), "110");
    let dry = sandbox
        .against(url)
        .args([
            "storage",
            "delete",
            "--queriable-value",
            "doomed",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(dry.status.success());
    assert_eq!(stdout_of(&dry).lines().count(), 110);
    assert_eq!(count("doomed"), "110", "a dry run deletes nothing");
    // Keys are collected first, so deleting while paging skips nothing.
    let out = sandbox
        .against(url)
        .args(["storage", "delete", "--queriable-value", "doomed", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(count("doomed"), "0");
    assert_eq!(count("kept"), "10");
    // On a terminal, a group delete asks first; no answer, nothing deleted.
    let env = [
        ("DESK_INVOKE_SECRET", SECRET),
        ("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT),
        ("DESK_INVOKE_ORG_ID", ORG_ID),
        ("DESK_INVOKE_BASE_URL", url.as_str()),
    ];
    // With stderr on a terminal and no way to answer, nothing is deleted without --yes.
    let shown = on_terminal(
        &sandbox,
        &env,
        "desk-invoke storage delete --queriable-value kept < /dev/null",
    );
    assert!(shown.contains("without a confirmation"), "{shown}");
    assert_eq!(count("kept"), "10");
}

#[test]
fn hints_follow_the_error_code() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .against(&emulator.base_url)
        .env("DESK_INVOKE_SECURITY_CONTEXT", "stale-context")
        .args(["storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 4, &[SECRET, "stale-context"]);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("INVALID_SECURITY_CONTEXT") && stderr.contains("hint: the securityContext"),
        "{stderr}"
    );
    assert!(!stderr.contains("check the secret"), "{stderr}");
    let out = sandbox
        .against(&emulator.base_url)
        .env("DESK_INVOKE_ORG_ID", "1")
        .args(["config", "get"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("hint: the org id"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn profiles_explain_themselves() {
    let sandbox = Sandbox::new();
    let out = sandbox
        .cmd()
        .args([
            "profile",
            "set",
            "first",
            "--org-id",
            "1",
            "--data-center",
            "eu",
            "--secret-env",
            "S",
        ])
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("`first` is the default profile"),
        "{}",
        stderr_of(&out)
    );
    sandbox
        .cmd()
        .args([
            "profile",
            "set",
            "second",
            "--org-id",
            "2",
            "--secret-env",
            "S",
        ])
        .assert()
        .success();
    sandbox
        .cmd()
        .args(["profile", "use", "second"])
        .assert()
        .success();
    let out = sandbox
        .cmd()
        .env("DESK_INVOKE_DATA_CENTER", "au")
        .env("S", "x")
        .args(["profile", "show", "--effective", "-o", "json"])
        .output()
        .unwrap();
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["settings"]["profile"]["value"], "second");
    assert_eq!(shown["settings"]["org_id"]["source"], "profile `second`");
    assert_eq!(
        shown["settings"]["base_url"]["value"],
        "https://desk.zoho.com.au"
    );
    assert_eq!(
        shown["settings"]["base_url"]["source"],
        "env DESK_INVOKE_DATA_CENTER"
    );
    let out = sandbox
        .cmd()
        .args(["profile", "remove", "local"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[]);
    assert!(stderr_of(&out).contains("built-in"), "{}", stderr_of(&out));
    let out = sandbox
        .cmd()
        .args(["profile", "remove", "second"])
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("was the default profile"),
        "{}",
        stderr_of(&out)
    );
    // --check proves the credentials against the target.
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .against(&emulator.base_url)
        .args(["profile", "show", "--effective", "--check"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let checked: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(checked["check"]["ok"], true);
    assert_eq!(
        checked["settings"]["org_id"]["source"],
        "env DESK_INVOKE_ORG_ID"
    );
}

#[test]
fn the_emulator_is_a_development_server() {
    let sandbox = Sandbox::new();
    let port_file = sandbox.path("port");
    // The built-in local credentials, so every export line is printed with its value.
    let mut command = emulator_command(sandbox.dir.path());
    command
        .args(["-v", "--in-memory", "--addr", ":0", "--port-file"])
        .arg(&port_file);
    let emulator = spawn_emulator(command);
    let port = std::fs::read_to_string(&port_file).unwrap();
    assert_eq!(
        emulator.base_url,
        format!("http://127.0.0.1:{}", port.trim())
    );
    // The banner's export lines work as printed.
    let exports: Vec<&str> = emulator
        .banner
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("export "))
        .collect();
    assert_eq!(exports.len(), 4, "{}", emulator.banner);
    let script = format!(
        "{}; '{}' storage put banner '{{}}' && echo stored",
        exports.join("; "),
        env!("CARGO_BIN_EXE_desk-invoke")
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .env("HOME", sandbox.dir.path())
        .env_remove("DESK_INVOKE_SECRET")
        .output()
        .unwrap();
    assert!(
        stdout_of(&out).contains("stored"),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    let health: Value = serde_json::from_str(&crate::trust::reqwest_get(&format!(
        "{}/_emulator/health",
        emulator.base_url
    )))
    .unwrap();
    assert_eq!(health["status"], "ok");
}

#[test]
fn the_emulator_logs_every_request() {
    let sandbox = Sandbox::new();
    let log = sandbox.path("emulator.log");
    let mut command = emulator_command(sandbox.dir.path());
    command.env("DESK_INVOKE_SECRET", SECRET).args([
        "-v",
        "--in-memory",
        "--security-context",
        SECURITY_CONTEXT,
    ]);
    let emulator = spawn_emulator_logging(command, &log);
    sandbox
        .against(&emulator.base_url)
        .args(["storage", "get", "--key", "k"])
        .assert()
        .success();
    let out = sandbox
        .against(&emulator.base_url)
        .env("DESK_INVOKE_SECRET", "wrong-secret")
        .args(["storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    drop(emulator);
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("GET") && logged.contains("-> 200") && logged.contains("HASH ok"),
        "{logged}"
    );
    assert!(
        logged.contains("HASH FAILED") && logged.contains("stringToHash: requestURL="),
        "{logged}"
    );
    assert!(
        !logged.contains(SECRET) && !logged.contains("wrong-secret"),
        "{logged}"
    );
}

#[test]
fn smoke_reports_every_step_for_ci() {
    let sandbox = Sandbox::new();
    let junit = sandbox.path("smoke.xml");
    // A configuration error: exit 3, and still a JUnit report with every step skipped.
    let out = sandbox
        .cmd()
        .args(["smoke", "--junit"])
        .arg(&junit)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(
        xml.contains("tests=\"6\"") && xml.contains("skipped=\"6\""),
        "{xml}"
    );
    // An unwritable report path is found before anything runs.
    let out = sandbox
        .against("http://127.0.0.1:9")
        .args(["smoke", "--junit", "/nonexistent/dir/smoke.xml"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 2, &[SECRET]);
    // Nothing listening: a network failure, exit 6.
    let out = sandbox
        .against(&format!("http://127.0.0.1:{}", free_port()))
        .args(["--retries", "0", "smoke"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(6),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    // -o json: one report with every step.
    let emulator = sandbox.start_emulator(&[]);
    let out = sandbox
        .against(&emulator.base_url)
        .args(["smoke", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["steps"].as_array().unwrap().len(), 6);
    assert!(report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["status"] == "passed"));
}

/// `-o` means the same in every command.
#[test]
fn every_command_honours_the_output_format() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let hash = |format: &str| {
        let out = sandbox
            .signed()
            .args(["hash", "--url", "https://x.test/", "-o", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        stdout_of(&out)
    };
    let table = hash("table");
    assert!(
        table.starts_with("FIELD") && table.contains("stringToHash"),
        "{table}"
    );
    let line: Value = serde_json::from_str(hash("ndjson").trim()).unwrap();
    assert_eq!(line["stringToHash"], "requestURL=https://x.test/");
    for (i, name) in ["a", "b", "c"].iter().enumerate() {
        sandbox
            .against(url)
            .args([
                "storage",
                "put",
                name,
                &format!("{{\"n\":{i}}}"),
                "--queriable-value",
                "g",
            ])
            .assert()
            .success();
    }
    let list = |format: &str| {
        let out = sandbox
            .against(url)
            .args([
                "invoke",
                "--url",
                "/api/v1/installedExtensions/{{installationId}}/myCustomPermissions",
            ])
            .args(["-o", format])
            .output()
            .unwrap();
        stdout_of(&out)
    };
    assert!(list("table").starts_with("FIELD"), "{}", list("table"));
    let log = sandbox
        .against(url)
        .args(["log", "--title", "t", "-o", "table"])
        .output()
        .unwrap();
    assert!(stdout_of(&log).starts_with("FIELD") && stdout_of(&log).contains("logId"));
    let items = sandbox
        .against(url)
        .args(["storage", "get", "--queriable-value", "g", "-o", "table"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&items).lines().count(),
        4,
        "{}",
        stdout_of(&items)
    );
    let smoke = sandbox
        .against(url)
        .args(["smoke", "-o", "json"])
        .output()
        .unwrap();
    assert!(serde_json::from_slice::<Value>(&smoke.stdout).is_ok());
}
