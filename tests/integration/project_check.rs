//! `project check`: the extension project's plugin-manifest.json and resources.json, read
//! from `--project DIR`, `DESK_INVOKE_PROJECT` or the current directory; every problem with
//! its file and JSON path; exit 0 clean, 2 otherwise; `-o json` for CI.

use crate::common::{stderr_of, stdout_of, Sandbox};
use serde_json::{json, Value};

/// A manifest as a real, published extension has it: widgets, locale, cspDomains, modules,
/// a US-spelled event and production callback URLs — keys the tool does not use included.
const REAL_WORLD_MANIFEST: &str = r#"{
  "locale": ["en", "ta", "ja"],
  "service": "DESK",
  "type": "org",
  "storage": true,
  "secret": "c2VjcmV0LWZyb20tcHJvZHVjdGlvbg",
  "updateBefore": "2026-01-01",
  "moduleSupport": true,
  "whiteListedDomains": ["https://api.github.com", "https://desk.zoho.com", "https://desk.zoho.eu"],
  "modules": {
    "widgets": [
      {"location": "desk.ticket.detail.rightpanel", "url": "/app/widget.html",
       "name": "GitHub for Desk", "logo": "/app/img/logo.png", "icon": "/app/img/icon.png"},
      {"location": "desk.extension.telephony", "url": "/app/phone.html", "name": "Dialer"}
    ]
  },
  "cspDomains": {"connect-src": ["https://api.github.com"], "img-src": ["*"]},
  "oauth": {"clientId": "ignored"},
  "zohoAuthorisation": {
    "type": "connectors", "connectionLinkName": "zohodesk", "connectionName": "zohodesk",
    "serviceName": "zlabs_integration", "userAccess": true, "isUserDefinedService": false,
    "sharedBy": "1234567", "scope": ["Desk.tickets.ALL", "Desk.settings.READ", "Desk.events.ALL"]
  },
  "connectors": [
    {"connectionLinkName": "github", "connectionName": "github", "serviceName": "github",
     "userAccess": true, "isUserDefinedService": false, "sharedBy": "1234567"}
  ],
  "config": [
    {"displayName": "API Key", "name": "apikey", "secure": true, "type": "text",
     "description": "To get the api key [visit here](https://example.com)", "mandatory": true,
     "userdefined": true, "authType": "org"},
    {"displayName": "Repository", "name": "repo name", "type": "picklist",
     "options": ["one", "two"], "defaultValue": "one", "userdefined": true},
    {"displayName": "Sync state", "name": "sync_state-1", "type": "switch", "userdefined": false}
  ],
  "callbackListener": {
    "onInstall": "https://github-desk.example.com/zoho/installed",
    "onZohoAuthorise": "https://github-desk.example.com/zoho/authorised",
    "onTPAAuthorize": "https://github-desk.example.com/zoho/tpa",
    "onConfigParamAdd": "https://github-desk.example.com/zoho/config",
    "onUninstall": "https://github-desk.example.com/zoho/uninstalled"
  }
}"#;

fn write_project(sandbox: &Sandbox, manifest: &str, resources: Option<&str>) -> std::path::PathBuf {
    sandbox.write("project/plugin-manifest.json", manifest);
    if let Some(resources) = resources {
        sandbox.write("project/resources.json", resources);
    }
    sandbox.path("project")
}

/// `project check -o json` on `dir`: the exit code and the parsed report.
fn check_json(sandbox: &Sandbox, dir: &std::path::Path) -> (i32, Value) {
    let output = sandbox
        .cmd()
        .arg("--project")
        .arg(dir)
        .args(["project", "check", "-o", "json"])
        .output()
        .expect("run");
    let report = serde_json::from_str(stdout_of(&output).trim()).expect("JSON report");
    (output.status.code().expect("exit code"), report)
}

#[test]
fn a_real_world_manifest_with_keys_the_tool_does_not_use_loads_clean() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, REAL_WORLD_MANIFEST, None);
    let (code, report) = check_json(&sandbox, &dir);
    assert_eq!(report, json!({"ok": true, "problems": []}));
    assert_eq!(code, 0);
}

#[test]
fn the_example_project_passes() {
    let sandbox = Sandbox::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/extension-project");
    let output = sandbox
        .cmd()
        .arg("--project")
        .arg(&dir)
        .args(["project", "check"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stdout_of(&output).starts_with("ok: "));
}

#[test]
fn every_type_problem_of_both_files_is_listed_with_its_path_exit_2() {
    let sandbox = Sandbox::new();
    let manifest = r#"{"storage": "no", "config": [{"name": "a"}, {"name": "b"}, {"name": 3}],
                       "callbackListener": {"onInstal": "https://h.test/c"}}"#;
    let resources = r#"{"fields": [{"resourceName": "f", "module": 1}], "webhook": []}"#;
    let dir = write_project(&sandbox, manifest, Some(resources));
    let output = sandbox
        .cmd()
        .arg("--project")
        .arg(&dir)
        .args(["project", "check"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let lines: Vec<String> = stdout_of(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert_eq!(
        lines[0],
        "plugin-manifest.json: storage: expected true or false, found \"no\""
    );
    assert_eq!(
        lines[1],
        "plugin-manifest.json: config[2].name: expected a string, found a number"
    );
    assert!(lines[2].starts_with("plugin-manifest.json: callbackListener.onInstal: unknown event"));
    assert_eq!(
        lines[3],
        "resources.json: fields[0].module: expected a string, found a number"
    );
    assert_eq!(
        lines[4],
        "resources.json: webhook: expected an object, found an array"
    );
    assert!(stderr_of(&output).contains("5 problems in the project at"));
}

#[test]
fn rule_problems_are_reported_as_json_for_ci() {
    let sandbox = Sandbox::new();
    let manifest = json!({
        "callbackListener": {"onInstall": "/callback"},
        "config": [{"name": "9lives"}, {"name": "ok"}, {"name": "ok"}],
    });
    let permissions: Vec<_> = (0..11)
        .map(|i| {
            json!({"resourceName": format!("p{i}"), "apiName": format!("perm{i}"),
                        "displayName": "d", "defaultState": false})
        })
        .collect();
    let resources = json!({
        "fields": [{"resourceName": "p0"}],
        "permissions": permissions,
        "webhook": {"resourceName": "w", "url": "https://h.test/w", "name": "w",
                    "ignoreSourceId": "2df92c1a-973a-48f5-95b7-5792c68b9c36",
                    "subscriptions": {"Ticket_Add": null}},
    });
    let dir = write_project(
        &sandbox,
        &manifest.to_string(),
        Some(&resources.to_string()),
    );
    let (code, report) = check_json(&sandbox, &dir);
    assert_eq!(code, 2);
    assert_eq!(report["ok"], false);
    let found: Vec<(String, String)> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_owned(),
                p["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("plugin-manifest.json", "secret"),
        ("plugin-manifest.json", "config[0].name"),
        ("plugin-manifest.json", "config[2].name"),
        ("plugin-manifest.json", "callbackListener.onInstall"),
        ("resources.json", "permissions"),
        ("resources.json", "permissions[0].resourceName"),
        ("plugin-manifest.json", "zohoAuthorisation"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(f, p)| (f.to_string(), p.to_string()))
        .collect();
    assert_eq!(found, expected, "{report}");
    assert!(report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["message"].is_string()));
}

#[test]
fn a_missing_manifest_or_invalid_json_names_the_file_exit_2() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.path("empty")).expect("mkdir");
    let (code, report) = check_json(&sandbox, &sandbox.path("empty"));
    assert_eq!(code, 2);
    assert_eq!(report["problems"][0]["file"], "plugin-manifest.json");
    assert!(report["problems"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("not found in "));

    let dir = write_project(&sandbox, "{\"secret\": \"s\",", Some("not json"));
    let (code, report) = check_json(&sandbox, &dir);
    assert_eq!(code, 2);
    let problems = report["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 2, "{report}");
    for (problem, file) in problems
        .iter()
        .zip(["plugin-manifest.json", "resources.json"])
    {
        assert_eq!(problem["file"], file);
        assert!(problem["message"]
            .as_str()
            .unwrap()
            .starts_with("not valid JSON: "));
    }
}

#[test]
fn the_project_comes_from_the_environment_or_the_current_directory() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, r#"{"storage": 1}"#, None);
    let by_env = sandbox
        .cmd()
        .env("DESK_INVOKE_PROJECT", &dir)
        .args(["project", "check"])
        .output()
        .expect("run");
    assert_eq!(by_env.status.code(), Some(2));
    assert!(stdout_of(&by_env).starts_with("plugin-manifest.json: storage: "));

    let in_cwd = sandbox
        .cmd()
        .current_dir(&dir)
        .args(["project", "check"])
        .output()
        .expect("run");
    assert_eq!(in_cwd.status.code(), Some(2));
    assert!(stdout_of(&in_cwd).starts_with("plugin-manifest.json: storage: "));
}

#[test]
fn control_characters_in_keys_are_escaped_in_the_listing() {
    let sandbox = Sandbox::new();
    let dir = write_project(
        &sandbox,
        r#"{"secret": "s", "callbackListener": {"on\u001b[31m": "x"}}"#,
        None,
    );
    let output = sandbox
        .cmd()
        .arg("--project")
        .arg(&dir)
        .args(["project", "check"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(!stdout_of(&output).contains('\u{1b}'));
}

/// A wrong type does not hide Zoho's rules: they are checked on what could be read, and
/// every problem shows in one run (the word found is quoted, so the fix is plain).
#[test]
fn a_type_problem_and_the_rules_broken_elsewhere_come_in_one_run() {
    let sandbox = Sandbox::new();
    let mut config: Vec<Value> = (0..21)
        .map(|n| serde_json::json!({"name": format!("p{n}"), "type": "text"}))
        .collect();
    config[2]["type"] = "textarea".into();
    config[3]["name"] = "1bad".into();
    let manifest = serde_json::json!({"secret": "s", "type": "org", "config": config});
    let dir = write_project(&sandbox, &manifest.to_string(), None);
    let (code, report) = check_json(&sandbox, &dir);
    assert_eq!(code, 2);
    let problems: Vec<String> = (report["problems"].as_array().unwrap().iter())
        .map(|p| p.to_string())
        .collect();
    let all = problems.join("\n");
    assert!(all.contains(r#"found \"textarea\""#), "{all}");
    assert!(all.contains("21 config params; at most 20"), "{all}");
    assert!(all.contains("config[3].name"), "{all}");
}
