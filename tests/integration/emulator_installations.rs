//! Many installations on one emulator and their lifecycle, through the binary over real
//! HTTP: `emulator install | installations | event | configure | uninstall | wait`, the admin
//! API under `/_emulator/installations`, and the signed callbacks the emulator delivers.

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The CLI pointed at `url` with the test secret; no installation's credentials.
fn admin(sandbox: &Sandbox, url: &str) -> assert_cmd::Command {
    let mut cmd = sandbox.signed();
    cmd.env("DESK_INVOKE_BASE_URL", url);
    cmd
}

fn json_of(output: &std::process::Output) -> Value {
    assert!(output.status.success(), "{}", stderr_of(output));
    serde_json::from_str(&stdout_of(output)).expect("JSON on stdout")
}

/// `emulator install --save-profile NAME`: the new installation's JSON.
fn install(sandbox: &Sandbox, url: &str, profile: &str) -> Value {
    let out = admin(sandbox, url)
        .args(["emulator", "install", "--save-profile", profile])
        .output()
        .unwrap();
    json_of(&out)
}

/// The CLI as the saved profile NAME (only the secret from the environment).
fn as_profile(sandbox: &Sandbox, profile: &str) -> assert_cmd::Command {
    let mut cmd = sandbox.signed();
    cmd.args(["-p", profile]);
    cmd
}

fn http_get(url: &str) -> Value {
    serde_json::from_str(&crate::common::http_get(url)).unwrap()
}

#[test]
fn two_installations_side_by_side_see_only_their_own_storage_config_and_logs() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let a = install(&sandbox, url, "org-a");
    let b = install(&sandbox, url, "org-b");
    assert_ne!(a["orgId"], b["orgId"]);
    assert_ne!(a["installationId"], b["installationId"]);
    assert_ne!(a["securityContext"], b["securityContext"]);

    for (profile, who) in [("org-a", "a"), ("org-b", "b")] {
        let put = as_profile(&sandbox, profile)
            .args(["storage", "put", "shared-key"])
            .arg(json!({"who": who}).to_string())
            .args(["--queriable-value", "group"])
            .output()
            .unwrap();
        assert!(put.status.success(), "{}", stderr_of(&put));
        let set = as_profile(&sandbox, profile)
            .args(["config", "set", &format!("apiKey=key-of-{who}")])
            .output()
            .unwrap();
        assert!(set.status.success(), "{}", stderr_of(&set));
        let log = as_profile(&sandbox, profile)
            .args(["log", "--title", &format!("log-of-{who}")])
            .output()
            .unwrap();
        assert!(log.status.success(), "{}", stderr_of(&log));
    }
    for (profile, mine, theirs) in [("org-a", "a", "b"), ("org-b", "b", "a")] {
        let listed = as_profile(&sandbox, profile)
            .args(["storage", "get", "--queriable-value", "group", "-o", "json"])
            .output()
            .unwrap();
        let items = json_of(&listed);
        assert_eq!(
            items,
            json!([{"key": "shared-key", "queriableValue": "group", "value": {"who": mine}}])
        );
        let config = stdout_of(
            &as_profile(&sandbox, profile)
                .args(["config", "get", "-o", "json"])
                .output()
                .unwrap(),
        );
        assert!(config.contains(&format!("key-of-{mine}")), "{config}");
        assert!(!config.contains(&format!("key-of-{theirs}")), "{config}");
        let logs = stdout_of(
            &as_profile(&sandbox, profile)
                .args(["invoke", "--url", "/api/v1/extensionLogs", "-X", "GET"])
                .output()
                .unwrap(),
        );
        assert!(logs.contains(&format!("log-of-{mine}")), "{logs}");
        assert!(!logs.contains(&format!("log-of-{theirs}")), "{logs}");
    }
    // The default installation (the emulator's flags) sees neither.
    let default = sandbox
        .against(url)
        .args(["storage", "get", "--queriable-value", "group", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(json_of(&default), json!([]));

    let listed = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "installations"])
            .output()
            .unwrap(),
    );
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 3);
    assert!(
        listed.iter().all(|i| i["securityContext"] == "[redacted]"),
        "{listed:?}"
    );
    let shown = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "installations", "--show-secrets"])
            .output()
            .unwrap(),
    );
    assert!(shown
        .to_string()
        .contains(a["securityContext"].as_str().unwrap()));
}

#[test]
fn each_installation_has_its_own_rate_budget() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&["--rate-limits", "desk", "--rate-window", "60s"]);
    let url = &emulator.base_url;
    install(&sandbox, url, "org-a");
    install(&sandbox, url, "org-b");
    let items: String = (0..50)
        .map(|i| {
            format!(
                "{}\n",
                json!({"key": format!("k{i}"), "queriableValue": "q", "value": {"i": i}})
            )
        })
        .collect();
    let file = sandbox.write("items.ndjson", items);
    let bulk = as_profile(&sandbox, "org-a")
        .args([
            "storage",
            "put",
            "--file",
            file.to_str().unwrap(),
            "--batch",
            "1",
        ])
        .output()
        .unwrap();
    assert!(bulk.status.success(), "{}", stderr_of(&bulk));
    let over = as_profile(&sandbox, "org-a")
        .args([
            "--retries",
            "0",
            "storage",
            "put",
            "one-more",
            r#"{"a":1}"#,
            "--queriable-value",
            "q",
        ])
        .output()
        .unwrap();
    assert_eq!(over.status.code(), Some(4), "{}", stderr_of(&over));
    let other = as_profile(&sandbox, "org-b")
        .args([
            "--retries",
            "0",
            "storage",
            "put",
            "one-more",
            r#"{"a":1}"#,
            "--queriable-value",
            "q",
        ])
        .output()
        .unwrap();
    assert!(other.status.success(), "{}", stderr_of(&other));
}

#[test]
fn uninstall_revokes_the_security_context_as_unknown_and_deletes_the_data() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let a = install(&sandbox, url, "org-a");
    let put = as_profile(&sandbox, "org-a")
        .args([
            "storage",
            "put",
            "k",
            r#"{"v":1}"#,
            "--queriable-value",
            "q",
        ])
        .output()
        .unwrap();
    assert!(put.status.success(), "{}", stderr_of(&put));
    let set = as_profile(&sandbox, "org-a")
        .args(["config", "set", "x=1"])
        .output()
        .unwrap();
    assert!(set.status.success(), "{}", stderr_of(&set));

    let id = a["installationId"].as_str().unwrap();
    let removed = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "uninstall", "--installation", id])
            .output()
            .unwrap(),
    );
    assert_eq!(
        removed["removed"],
        json!({"storageItems": 1, "configParams": 1, "logs": 0})
    );
    assert_eq!(removed["callback"]["event"], "onUninstall");

    let refused = as_profile(&sandbox, "org-a")
        .args(["storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(4));
    let unknown = as_profile(&sandbox, "org-a")
        .env("DESK_INVOKE_SECURITY_CONTEXT", "never-issued-0123456789")
        .args(["storage", "get", "--key", "k"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(4));
    for output in [&refused, &unknown] {
        assert!(
            stderr_of(output).contains("INVALID_SECURITY_CONTEXT"),
            "{}",
            stderr_of(output)
        );
    }
    let listed = http_get(&format!("{url}/_emulator/installations"));
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert!(!listed.to_string().contains(id));
    // Field ids belong to the organisation: the reply says whether it still has installations.
    let first = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "install", "--org-id", "555"])
            .output()
            .unwrap(),
    );
    json_of(
        &admin(&sandbox, url)
            .args(["emulator", "install", "--org-id", "555"])
            .output()
            .unwrap(),
    );
    let one_left = json_of(
        &admin(&sandbox, url)
            .args([
                "emulator",
                "uninstall",
                "--installation",
                first["installationId"].as_str().unwrap(),
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(one_left["orgHasInstallations"], true);
    assert_eq!(removed["orgHasInstallations"], false);
    // Uninstalling it again: it is gone.
    let again = admin(&sandbox, url)
        .args(["emulator", "uninstall", "--installation", id])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(4), "{}", stderr_of(&again));
    assert!(stderr_of(&again).contains("INSTALLATION_NOT_FOUND"));
}

#[test]
fn installations_survive_a_restart_with_the_same_database_file() {
    let sandbox = Sandbox::new();
    let db = sandbox.path("emulator.sqlite");
    let db = db.to_str().unwrap();
    let a = {
        let emulator = sandbox.start_emulator(&["--db", db]);
        let a = install(&sandbox, &emulator.base_url, "org-a");
        let put = as_profile(&sandbox, "org-a")
            .args([
                "storage",
                "put",
                "kept",
                r#"{"v":1}"#,
                "--queriable-value",
                "q",
            ])
            .output()
            .unwrap();
        assert!(put.status.success(), "{}", stderr_of(&put));
        a
    };
    let emulator = sandbox.start_emulator(&["--db", db]);
    let listed = http_get(&format!(
        "{}/_emulator/installations?show_secrets=true",
        emulator.base_url
    ));
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["securityContext"] == a["securityContext"]),
        "{listed}"
    );
    // The saved profile still names the old port: talk to the new one with its credentials
    // (a flag, since the profile named with -p ranks above DESK_INVOKE_BASE_URL).
    let get = as_profile(&sandbox, "org-a")
        .args(["--base-url", &emulator.base_url])
        .args(["storage", "get", "--key", "kept", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(json_of(&get)[0]["value"], json!({"v": 1}));
}

#[test]
fn a_restart_cannot_hand_a_created_installations_id_or_context_to_the_default() {
    let sandbox = Sandbox::new();
    let db = sandbox.path("emulator.sqlite");
    let db = db.to_str().unwrap();
    let b = {
        let emulator = sandbox.start_emulator(&["--db", db]);
        let b = install(&sandbox, &emulator.base_url, "org-b");
        let put = as_profile(&sandbox, "org-b")
            .args(["storage", "put", "b-only", r#"{"v":1}"#])
            .output()
            .unwrap();
        assert!(put.status.success(), "{}", stderr_of(&put));
        b
    };
    let context = sandbox.write("b-context", b["securityContext"].as_str().unwrap());
    let id = b["installationId"].as_str().unwrap();
    let clashes: [&[&str]; 2] = [
        &["--installation-id", id],
        &["--security-context-file", context.to_str().unwrap()],
    ];
    for clash in clashes {
        let mut start = emulator_command(sandbox.path("").as_path());
        start
            .env("DESK_INVOKE_SECRET", SECRET)
            .args(["--db", db, "--addr", "127.0.0.1:0"])
            .args(clash);
        let out = assert_cmd::Command::from_std(start)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{clash:?}: {}", stderr_of(&out));
        assert!(
            stderr_of(&out).contains(&format!("belongs to installation {id}")),
            "{}",
            stderr_of(&out)
        );
        assert!(!stderr_of(&out).contains(b["securityContext"].as_str().unwrap()));
    }
    // Installation b and its data are still its own.
    let emulator = sandbox.start_emulator(&["--db", db]);
    let get = as_profile(&sandbox, "org-b")
        .args(["--base-url", &emulator.base_url])
        .args(["storage", "get", "--key", "b-only", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(json_of(&get)[0]["value"], json!({"v": 1}));
}

#[test]
fn concurrent_uninstalls_of_one_installation_fire_one_on_uninstall() {
    let sandbox = Sandbox::new();
    let receiver = Hostile::start(|_| {
        std::thread::sleep(Duration::from_millis(1500));
        Answer::json(200, &json!({"ok": true}))
    });
    let emulator = sandbox.start_emulator(&["--callback-to", &receiver.url]);
    let url = &emulator.base_url;
    let a = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "install"])
            .output()
            .unwrap(),
    );
    let id = a["installationId"].as_str().unwrap().to_string();
    let uninstalls: Vec<_> = (0..3)
        .map(|_| {
            let mut cmd = admin(&sandbox, url);
            cmd.args(["emulator", "uninstall", "--installation", &id]);
            std::thread::spawn(move || cmd.output().unwrap())
        })
        .collect();
    // Once its onUninstall is out (the receiver holds it 1.5 s), the installation takes no
    // other lifecycle work.
    let out_since = Instant::now();
    while receiver.requests().len() < 2 {
        assert!(
            out_since.elapsed() < Duration::from_secs(20),
            "no onUninstall came"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let configure = admin(&sandbox, url)
        .args(["emulator", "configure", "--installation", &id, "x=1"])
        .output()
        .unwrap();
    assert_eq!(
        configure.status.code(),
        Some(4),
        "{}",
        stderr_of(&configure)
    );
    let codes: Vec<_> = (uninstalls.into_iter())
        .map(|t| t.join().unwrap().status.code())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(4)).count(),
        2,
        "{codes:?}"
    );
    let events: Vec<String> = (receiver.requests().iter())
        .map(|r| serde_json::from_slice::<Value>(&r.body).unwrap()["event"].to_string())
        .collect();
    assert_eq!(events, [r#""onInstall""#, r#""onUninstall""#]);
}

#[test]
fn lifecycle_callbacks_arrive_signed_at_callback_to_in_any_spelling() {
    let sandbox = Sandbox::new();
    let receiver = Hostile::start(|_| Answer::json(200, &json!({"ok": true})));
    let to = format!("{}/callbacks", receiver.url);
    let emulator = sandbox.start_emulator(&["--callback-to", &to]);
    let url = &emulator.base_url;
    let a = install(&sandbox, url, "org-a");
    assert_eq!(a["callback"]["ok"], true, "{a}");
    assert_eq!(a["callback"]["status"], 200);
    let id = a["installationId"].as_str().unwrap();
    for spelling in ["onTPAAuthorize", "onZohoAuthorise", "onUpdate"] {
        let fired = json_of(
            &admin(&sandbox, url)
                .args(["emulator", "event", spelling, "--installation", id])
                .output()
                .unwrap(),
        );
        assert_eq!(fired["callback"]["ok"], true, "{fired}");
    }
    let configured = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "configure", "--installation", id, "region=eu"])
            .output()
            .unwrap(),
    );
    assert_eq!(configured["callback"]["event"], "onConfigParamAdd");
    let region = stdout_of(
        &as_profile(&sandbox, "org-a")
            .args(["config", "get", "region"])
            .output()
            .unwrap(),
    );
    assert!(region.contains("eu"), "{region}");

    let requests = receiver.requests();
    let events: Vec<String> = requests
        .iter()
        .map(|r| {
            serde_json::from_slice::<Value>(&r.body).unwrap()["event"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        events,
        [
            "onInstall",
            "onTPAAuthorise",
            "onZohoAuthorise",
            "onUpdate",
            "onConfigParamAdd"
        ]
    );
    for request in &requests {
        assert_eq!(request.method, "POST");
        assert_eq!(request.target, "/callbacks");
        // Header names are case-insensitive (hyper writes them in lower case).
        let header = |name: &str| {
            request
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        // The body is Desk's shape, orgId a number, signed like send-callback signs.
        assert_eq!(header("HASH").unwrap(), openssl_hmac(SECRET, &request.body));
        assert!(header("Content-Type")
            .unwrap()
            .starts_with("application/json"));
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        assert_eq!(
            body["orgId"],
            a["orgId"].as_str().unwrap().parse::<u64>().unwrap()
        );
        assert_eq!(body["securityContext"], a["securityContext"]);
        let verified = sandbox
            .signed()
            .args([
                "verify-callback",
                "--hash",
                &header("HASH").unwrap(),
                "--body",
                "@-",
            ])
            .write_stdin(request.body.clone())
            .output()
            .unwrap();
        assert!(verified.status.success(), "{}", stderr_of(&verified));
    }
}

#[test]
fn failed_callbacks_are_reported_in_the_output_the_journal_and_the_stats() {
    let sandbox = Sandbox::new();
    let nobody = format!("http://127.0.0.1:{}/cb", free_port());
    let journal_file = sandbox.path("journal.ndjson");
    let emulator = sandbox.start_emulator(&[
        "--callback-to",
        &nobody,
        "--journal",
        journal_file.to_str().unwrap(),
    ]);
    let url = &emulator.base_url;
    let out = admin(&sandbox, url)
        .args(["emulator", "install"])
        .output()
        .unwrap();
    let installed = json_of(&out);
    assert_eq!(installed["callback"]["ok"], false);
    assert!(installed["callback"]["error"]
        .as_str()
        .unwrap()
        .starts_with("cannot deliver"));
    assert!(
        stderr_of(&out).contains("onInstall callback to"),
        "{}",
        stderr_of(&out)
    );
    let event = admin(&sandbox, url)
        .args(["emulator", "event", "onUpdate"])
        .output()
        .unwrap();
    assert_eq!(event.status.code(), Some(6), "{}", stderr_of(&event));

    let journal = http_get(&format!("{url}/_emulator/requests"));
    let deliveries: Vec<&Value> = journal
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "delivery")
        .collect();
    assert_eq!(deliveries.len(), 2, "{journal}");
    assert_eq!(deliveries[0]["event"], "onInstall");
    assert_eq!(deliveries[0]["url"], nobody);
    assert_eq!(deliveries[0]["status"], Value::Null);
    assert!(deliveries[0]["ms"].is_number());
    let lines: Vec<Value> = std::fs::read_to_string(&journal_file)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines
        .iter()
        .all(|l| l["kind"] == "delivery" && l["ok"] == false));
    let stats = http_get(&format!("{url}/_emulator/stats"));
    assert_eq!(stats["deliveries"]["sent"], 2, "{stats}");
    assert_eq!(stats["deliveries"]["failed"], 2, "{stats}");
    assert_eq!(stats["deliveries"]["last"]["event"], "onUpdate");
}

#[test]
fn a_callback_answered_with_anything_but_200_is_a_failure_with_its_status() {
    for (status, exit) in [(500, 5), (302, 4), (204, 4), (404, 4)] {
        let sandbox = Sandbox::new();
        let receiver = Hostile::start(move |_| Answer::Reply {
            status,
            headers: vec![("Location", "http://127.0.0.1:1/elsewhere".into())],
            body: Vec::new(),
        });
        let emulator = sandbox.start_emulator(&["--callback-to", &receiver.url]);
        let out = admin(&sandbox, &emulator.base_url)
            .args(["emulator", "event", "onUpdate"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit),
            "{status}: {}",
            stderr_of(&out)
        );
        let reply: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        assert_eq!(reply["callback"]["status"], status);
        assert_eq!(reply["callback"]["ok"], false);
        // A redirect is never followed: the receiver saw the one request.
        assert_eq!(receiver.requests().len(), 1);
    }
}

#[test]
fn a_callback_receiver_slower_than_desks_5_seconds_is_a_failure() {
    let sandbox = Sandbox::new();
    let receiver = Hostile::start(|_| Answer::Silence);
    let emulator = sandbox.start_emulator(&["--callback-to", &receiver.url]);
    let started = Instant::now();
    let out = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "event", "onUpdate"])
        .output()
        .unwrap();
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
    assert!(
        took >= Duration::from_secs(5) && took < Duration::from_secs(15),
        "{took:?}"
    );
    let reply: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert!(
        reply["callback"]["error"]
            .as_str()
            .unwrap()
            .contains("within 5 s"),
        "{reply}"
    );
}

#[test]
fn without_a_project_or_callback_to_a_callback_has_nowhere_to_go_and_says_so() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let out = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "install"])
        .output()
        .unwrap();
    let installed = json_of(&out);
    assert_eq!(installed["callback"]["url"], Value::Null);
    assert!(installed["callback"]["error"]
        .as_str()
        .unwrap()
        .contains("no callback URL"));
    assert!(
        stderr_of(&out).contains("no callback URL"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn unknown_events_and_installations_are_refused() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let bad_event = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "event", "onFoo"])
        .output()
        .unwrap();
    assert_eq!(bad_event.status.code(), Some(2));
    let missing = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "event", "onUpdate", "--installation", "4242"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(4));
    assert!(stderr_of(&missing).contains("INSTALLATION_NOT_FOUND"));
    let bad_org = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "install", "--org-id", "not-a-number"])
        .output()
        .unwrap();
    assert_eq!(bad_org.status.code(), Some(4), "{}", stderr_of(&bad_org));
    let chosen = json_of(
        &admin(&sandbox, &emulator.base_url)
            .args(["emulator", "install", "--org-id", "60001234"])
            .output()
            .unwrap(),
    );
    assert_eq!(chosen["orgId"], "60001234");
}

#[test]
fn server_flags_and_a_subcommand_do_not_mix() {
    let sandbox = Sandbox::new();
    let mixed = sandbox
        .cmd()
        .args(["emulator", "--in-memory", "wait"])
        .output()
        .unwrap();
    assert_eq!(mixed.status.code(), Some(2), "{}", stderr_of(&mixed));
    assert!(stdout_of(&mixed).is_empty());
}

#[test]
fn wait_returns_0_on_a_running_emulator_and_6_at_its_timeout() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let up = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "wait", "--timeout", "5s"])
        .output()
        .unwrap();
    assert!(up.status.success(), "{}", stderr_of(&up));
    assert_eq!(json_of(&up)["status"], "ok");

    let nobody = format!("http://127.0.0.1:{}", free_port());
    let started = Instant::now();
    let down = admin(&sandbox, &nobody)
        .args(["emulator", "wait", "--timeout", "700ms"])
        .output()
        .unwrap();
    let took = started.elapsed();
    assert_eq!(down.status.code(), Some(6), "{}", stderr_of(&down));
    assert!(stdout_of(&down).is_empty());
    assert!(
        stderr_of(&down).contains("no emulator answered"),
        "{}",
        stderr_of(&down)
    );
    assert!(
        took >= Duration::from_millis(700) && took < Duration::from_secs(5),
        "{took:?}"
    );
}

#[test]
fn wait_sees_an_emulator_that_starts_while_it_waits() {
    let sandbox = Sandbox::new();
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let mut waiting = Child(
        std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"))
            .env_remove("DESK_INVOKE_PROFILE")
            .env("HOME", sandbox.dir.path())
            .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
            .args(["--base-url", &url, "emulator", "wait", "--timeout", "20s"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let _emulator = sandbox.start_emulator(&["--addr", &format!("127.0.0.1:{port}")]);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = waiting.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "wait did not notice the emulator"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
}

/// `listen --save` plays the extension's backend: it receives the install callback, keeps
/// the securityContext in a profile, the profile then works, and after the uninstall the
/// saved securityContext is refused.
#[test]
fn listen_save_plays_the_backend_through_install_invoke_and_uninstall() {
    let sandbox = Sandbox::new();
    let port_file = sandbox.path("listen.port");
    let mut backend = std::process::Command::new(env!("CARGO_BIN_EXE_desk-invoke"));
    for (name, _) in std::env::vars() {
        if name.starts_with("DESK_INVOKE_") {
            backend.env_remove(name);
        }
    }
    backend
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("DESK_INVOKE_SECRET", SECRET)
        .args([
            "-p",
            "backend",
            "listen",
            "--addr",
            "127.0.0.1:0",
            "--save",
            "--once",
            "--port-file",
        ])
        .arg(&port_file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut listening = Child(backend.spawn().unwrap());
    let started = Instant::now();
    let port = loop {
        match std::fs::read_to_string(&port_file) {
            Ok(port) if !port.trim().is_empty() => break port.trim().to_string(),
            _ => {}
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "listen did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let emulator = sandbox.start_emulator(&[
        "--callback-to",
        &format!("http://127.0.0.1:{port}/callback"),
    ]);
    let url = &emulator.base_url;
    let set = sandbox
        .signed()
        .args([
            "profile",
            "set",
            "backend",
            "--base-url",
            url,
            "--secret-env",
            "DESK_INVOKE_SECRET",
        ])
        .output()
        .unwrap();
    assert!(set.status.success(), "{}", stderr_of(&set));

    let installed = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "install"])
            .output()
            .unwrap(),
    );
    assert_eq!(installed["callback"]["ok"], true, "{installed}");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = listening.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "listen --once did not exit"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
    let profiles = std::fs::read_to_string(sandbox.profiles_path()).unwrap();
    assert!(
        profiles.contains(installed["securityContext"].as_str().unwrap()),
        "the callback was saved"
    );

    let put = as_profile(&sandbox, "backend")
        .args([
            "storage",
            "put",
            "ticket",
            r#"{"id":1}"#,
            "--queriable-value",
            "q",
        ])
        .output()
        .unwrap();
    assert!(put.status.success(), "{}", stderr_of(&put));

    let id = installed["installationId"].as_str().unwrap();
    let uninstalled = admin(&sandbox, url)
        .args(["emulator", "uninstall", "--installation", id])
        .output()
        .unwrap();
    assert!(uninstalled.status.success(), "{}", stderr_of(&uninstalled));
    let refused = as_profile(&sandbox, "backend")
        .args(["storage", "get", "--key", "ticket"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(4));
    assert!(
        stderr_of(&refused).contains("INVALID_SECURITY_CONTEXT"),
        "{}",
        stderr_of(&refused)
    );
}

#[test]
fn a_saved_profile_carries_a_secret_given_by_file() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let secret_file = sandbox.write("secret.txt", SECRET);
    let out = sandbox
        .cmd()
        .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
        .arg("--secret-file")
        .arg(&secret_file)
        .args(["emulator", "install", "--save-profile", "by-file"])
        .output()
        .unwrap();
    json_of(&out);
    // No secret in the environment: the profile alone is enough.
    let put = sandbox
        .cmd()
        .args([
            "-p",
            "by-file",
            "storage",
            "put",
            "k",
            r#"{"a":1}"#,
            "--queriable-value",
            "q",
        ])
        .output()
        .unwrap();
    assert!(put.status.success(), "{}", stderr_of(&put));
}

/// A name `--save-profile` refuses is refused before anything is installed, and a failing
/// `--jq` over an install's reply does not print the new securityContext.
#[test]
fn install_refuses_a_bad_profile_name_first_and_keeps_its_context_off_stderr() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let count = || {
        http_get(&format!("{}/_emulator/installations", emulator.base_url))
            .as_array()
            .expect("a list")
            .len()
    };
    let before = count();
    for bad in ["local", "bad\u{7}name"] {
        let out = admin(&sandbox, &emulator.base_url)
            .args(["emulator", "install", "--save-profile", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr_of(&out));
    }
    assert_eq!(
        count(),
        before,
        "a refused name left an installation behind"
    );

    let out = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "install", "--jq", ".securityContext + 1"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let listing = http_get(&format!(
        "{}/_emulator/installations?show_secrets=true",
        emulator.base_url
    ));
    let stderr = stderr_of(&out);
    let listing = listing.as_array().unwrap();
    assert_eq!(listing.len(), before + 1, "the --jq run installed one");
    for installation in listing {
        let context = installation["securityContext"].as_str().unwrap();
        assert!(!stderr.contains(context), "{stderr}");
    }
}
