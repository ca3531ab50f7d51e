//! The emulator on an extension project (`--project DIR`, or found in the current
//! directory): what it takes from plugin-manifest.json and resources.json and enforces as
//! Desk does; and the client taking the secret from the project. Each test drives the built
//! binary over real HTTP (docs/desk-behaviour.md, rows E1–E13).

use crate::common::{
    emulator_command, openssl_hmac, spawn_emulator, stderr_of, stdout_of, Emulator, Sandbox,
    ORG_ID, SECURITY_CONTEXT,
};
use crate::hostile::{Answer, Hostile};
use desk_invoke::api::form::encode_form;
use desk_invoke::api::signing::{Field, InvokeFields};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const PROJECT_SECRET: &str = "project-secret-0123456789abcdef";
const INSTALLATION: &str = "1000000000001";

/// A manifest with every key the emulator uses; `extra` overrides or adds top-level keys.
fn manifest(extra: Value) -> Value {
    let mut manifest = json!({
        "locale": ["en"],
        "service": "DESK",
        "type": "org",
        "storage": true,
        "secret": PROJECT_SECRET,
        "whiteListedDomains": ["https://api.example.com", "https://desk.zoho.com"],
        "zohoAuthorisation": {"type": "connectors", "connectionLinkName": "zohodesk",
                              "scope": ["Desk.tickets.ALL"]},
        "connectors": [{"connectionLinkName": "github", "serviceName": "github"}],
        "config": [
            {"name": "apiKey", "type": "text", "secure": true, "mandatory": true, "userdefined": true},
            {"name": "token", "type": "text", "secure": true, "userdefined": false},
            {"name": "mode", "type": "picklist", "options": ["fast", "slow"], "defaultValue": "fast"},
            {"name": "limit", "type": "number"}
        ]
    });
    for (key, value) in extra.as_object().unwrap() {
        manifest[key] = value.clone();
    }
    manifest
}

fn resources() -> Value {
    json!({
        "fields": [{"resourceName": "syncStatus", "module": "tickets",
                    "displayLabel": "Sync status", "type": "Text", "maxLength": 50}],
        "permissions": [
            {"resourceName": "p1", "apiName": "canSync", "displayName": "Sync", "defaultState": true},
            {"resourceName": "p2", "apiName": "canPurge", "displayName": "Purge", "defaultState": "false"}
        ]
    })
}

/// Writes the project's files into `sandbox/name`; returns the directory.
fn write_project(sandbox: &Sandbox, name: &str, manifest: &Value, resources: &Value) -> PathBuf {
    sandbox.write(
        &format!("{name}/plugin-manifest.json"),
        manifest.to_string(),
    );
    sandbox.write(&format!("{name}/resources.json"), resources.to_string());
    sandbox.path(name)
}

/// The emulator on the project in `dir`, in memory, with the suite's securityContext and
/// the called API's body straight in the envelope (these tests read it there); `configure`
/// adds environment and flags.
fn start_on(
    sandbox: &Sandbox,
    dir: &Path,
    configure: impl FnOnce(&mut std::process::Command),
) -> Emulator {
    start_on_database(sandbox, dir, &["--in-memory"], configure)
}

/// `start_on` with the database flags given (`--in-memory`, or `--db FILE`).
fn start_on_database(
    sandbox: &Sandbox,
    dir: &Path,
    database: &[&str],
    configure: impl FnOnce(&mut std::process::Command),
) -> Emulator {
    let mut command = emulator_command(sandbox.dir.path());
    command
        .arg("--project")
        .arg(dir)
        .args(database)
        .args(["--response-wrap", "none"])
        .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
        .env("DESK_INVOKE_ORG_ID", ORG_ID);
    configure(&mut command);
    spawn_emulator(command)
}

/// The org id the emulator announced.
fn org_of(emulator: &Emulator) -> &str {
    emulator
        .banner
        .lines()
        .find_map(|line| line.trim().strip_prefix("org id:"))
        .map(str::trim)
        .expect("the banner names the org id")
}

/// A signed invoke request; the HTTP status and the JSON body.
async fn invoke(emulator: &Emulator, secret: &str, fields: &[(Field, &str)]) -> (u16, Value) {
    let org = org_of(emulator).to_string();
    invoke_as(emulator, secret, (SECURITY_CONTEXT, &org), fields).await
}

/// A signed invoke request from the installation `(securityContext, orgId)`.
async fn invoke_as(
    emulator: &Emulator,
    secret: &str,
    (context, org): (&str, &str),
    fields: &[(Field, &str)],
) -> (u16, Value) {
    let mut signed = InvokeFields::new();
    for (field, value) in fields {
        signed.set(*field, *value);
    }
    let reply = reqwest::Client::new()
        .post(format!("{}/api/v1/invoke?orgId={org}", emulator.base_url))
        .header("HASH", signed.hash(secret.as_bytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(encode_form(context, &signed))
        .send()
        .await
        .expect("the emulator answers");
    let status = reply.status().as_u16();
    (status, reply.json().await.expect("a JSON body"))
}

/// The called API's answer inside an envelope: its statusCode and its body.
fn inner(envelope: &Value) -> (u64, Value) {
    let status = envelope["statusCode"]
        .as_u64()
        .or_else(|| envelope["statusCode"].as_str().and_then(|s| s.parse().ok()))
        .expect("a statusCode");
    let body = envelope["response"]
        .as_str()
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or(Value::Null);
    (status, body)
}

fn api(path: &str) -> String {
    format!("https://desk.zoho.com/api/v1/installedExtensions/{INSTALLATION}/{path}")
}

async fn get(emulator: &Emulator, url: &str) -> (u16, Value) {
    let fields = [(Field::RequestUrl, url), (Field::RequestType, "GET")];
    invoke(emulator, PROJECT_SECRET, &fields).await
}

async fn post(emulator: &Emulator, url: &str, body: &Value) -> (u16, Value) {
    let body = body.to_string();
    let fields = [
        (Field::RequestUrl, url),
        (Field::RequestType, "POST"),
        (Field::PostBody, body.as_str()),
    ];
    invoke(emulator, PROJECT_SECRET, &fields).await
}

async fn journal(emulator: &Emulator) -> String {
    reqwest::get(format!("{}/_emulator/requests", emulator.base_url))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_manifest_secret_signs_and_the_environment_secret_wins() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let storage = api("storage?key=k");
    let on_project = start_on(&sandbox, &dir, |_| {});
    assert!(on_project
        .banner
        .starts_with("using the extension project in"));
    let from_manifest = format!(
        "(secret from project {})",
        dir.join("plugin-manifest.json").display()
    );
    assert!(
        on_project.banner.contains(&from_manifest),
        "{}",
        on_project.banner
    );
    let (status, envelope) = get(&on_project, &storage).await;
    assert_eq!(status, 200, "{envelope}");
    assert_eq!(inner(&envelope).0, 200);

    let overridden = start_on(&sandbox, &dir, |c| {
        c.env("DESK_INVOKE_SECRET", "environment-secret-0123456789");
    });
    assert!(overridden
        .banner
        .contains("(secret from env DESK_INVOKE_SECRET)"));
    assert_eq!(get(&overridden, &storage).await.0, 401);
    let fields = [
        (Field::RequestUrl, storage.as_str()),
        (Field::RequestType, "GET"),
    ];
    let (status, _) = invoke(&overridden, "environment-secret-0123456789", &fields).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn storage_false_answers_storage_not_enabled() {
    let sandbox = Sandbox::new();
    let dir = write_project(
        &sandbox,
        "p",
        &manifest(json!({"storage": false})),
        &resources(),
    );
    let emulator = start_on(&sandbox, &dir, |_| {});
    let (status, envelope) = get(&emulator, &api("storage?key=k")).await;
    assert_eq!(status, 200);
    let (inner_status, body) = inner(&envelope);
    assert_eq!(inner_status, 403);
    assert_eq!(body["errorCode"], "STORAGE_NOT_ENABLED");
    assert_eq!(
        body["message"],
        "Storage not enabled in plugin-manifest.json."
    );
    // The other extension-data APIs stay.
    assert_eq!(inner(&get(&emulator, &api("configParams")).await.1).0, 200);
}

/// A loopback server answering 200 `{"path": …}` to anything.
async fn start_echo() -> u16 {
    use axum::http::Uri;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = axum::Router::new().fallback(|uri: Uri| async move {
        axum::Json(json!({"path": uri.path(), "query": uri.query()}))
    });
    tokio::spawn(async move { axum::serve(listener, app).await });
    port
}

#[tokio::test]
async fn only_whitelisted_domains_are_stubbed_or_forwarded_and_loopback_stays_allowed() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let stubs = sandbox.write(
        "stubs.json",
        json!([
            {"url": "https://api.example.com/*", "body": {"from": "stub"}},
            {"url": "https://evil.test/*", "body": {"from": "stub"}}
        ])
        .to_string(),
    );
    let emulator = start_on(&sandbox, &dir, |c| {
        c.arg("--stub")
            .arg(&stubs)
            .args(["--allow-host", "other.test"]);
    });
    let (status, envelope) = get(&emulator, "https://api.example.com/v1/repos").await;
    assert_eq!((status, inner(&envelope).1), (200, json!({"from": "stub"})));
    // A stub for a domain the manifest does not list, and a forward to one that
    // --allow-host names: both refused, as Desk does not handle them.
    for refused in [
        "https://evil.test/x",
        "https://other.test/x",
        "http://api.example.com/x",
    ] {
        let (status, body) = get(&emulator, refused).await;
        assert_eq!(status, 403, "{refused}: {body}");
        assert_eq!(body["errorCode"], "DOMAIN_NOT_WHITELISTED", "{refused}");
        assert!(body["message"]
            .as_str()
            .unwrap()
            .contains("whiteListedDomains"));
    }
    let port = start_echo().await;
    let local = format!("http://127.0.0.1:{port}/local/service");
    let (status, envelope) = get(&emulator, &local).await;
    assert_eq!(status, 200, "{envelope}");
    assert_eq!(inner(&envelope).1["path"], "/local/service");
}

#[tokio::test]
async fn an_invoke_naming_an_undeclared_connection_is_refused() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let stubs = sandbox.write(
        "stubs.json",
        json!([{"url": "https://api.example.com/*", "body": {"ok": true}}]).to_string(),
    );
    let credential = sandbox.write("gitlab-auth.txt", "Authorization: Bearer gl-token");
    let emulator = start_on(&sandbox, &dir, |c| {
        c.arg("--stub").arg(&stubs);
        c.arg("--connection")
            .arg(format!("gitlab=@{}", credential.display()));
    });
    assert!(
        emulator
            .banner
            .contains("warning: --connection gitlab is not declared in plugin-manifest.json"),
        "{}",
        emulator.banner
    );
    assert!(!emulator.banner.contains("gl-token"));
    let emulator = &emulator;
    let call = |connection: &'static str| async move {
        let fields = [
            (Field::RequestUrl, "https://api.example.com/user"),
            (Field::RequestType, "GET"),
            (Field::ConnectionLinkName, connection),
        ];
        invoke(emulator, PROJECT_SECRET, &fields).await
    };
    let (status, body) = call("gitlab").await;
    assert_eq!(status, 400);
    assert_eq!(body["errorCode"], "INVALID_CONNECTION");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("zohodesk, github"));
    for declared in ["github", "zohodesk"] {
        let (status, envelope) = call(declared).await;
        assert_eq!(
            (status, inner(&envelope).1),
            (200, json!({"ok": true})),
            "{declared}"
        );
    }
}

#[tokio::test]
async fn config_params_are_the_declared_ones_with_published_fields_and_masked_secure_values() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let journal_file = sandbox.path("journal.ndjson");
    let emulator = start_on(&sandbox, &dir, |c| {
        c.arg("--journal").arg(&journal_file);
    });
    let params = api("configParams");
    let (_, envelope) = get(&emulator, &params).await;
    let (status, body) = inner(&envelope);
    assert_eq!(status, 200);
    let data = body["data"].as_array().unwrap();
    let names: Vec<&str> = data.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["apiKey", "token", "mode", "limit"]);
    for param in data {
        let mut keys: Vec<&str> = param
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "defaultValue",
                "mandatory",
                "name",
                "options",
                "secure",
                "type",
                "userDefined",
                "value",
                "varId"
            ]
        );
    }
    assert_eq!(data[2]["value"], "fast");
    assert_eq!(data[2]["defaultValue"], "fast");
    assert_eq!(data[2]["options"], json!(["fast", "slow"]));
    assert_eq!(
        (data[0]["userDefined"].clone(), data[0]["mandatory"].clone()),
        (json!(true), json!(true))
    );
    assert_eq!(data[3]["type"], "number");

    let set = |name: &str, value: &str| json!({"variables": [{"name": name, "value": value}]});
    let refused = [
        (set("undeclared", "x"), 400, "INVALID_DATA"),
        (set("apiKey", "admin-only-value"), 403, "USER_DEFINED_PARAM"),
        (set("limit", "ten"), 400, "INVALID_DATA"),
        (set("mode", "medium"), 400, "INVALID_DATA"),
    ];
    for (update, status, code) in refused {
        let (_, envelope) = post(&emulator, &params, &update).await;
        let (inner_status, body) = inner(&envelope);
        assert_eq!(
            (inner_status, body["errorCode"].as_str()),
            (status, Some(code)),
            "{update}"
        );
    }

    let token = "tok-secret-value-5678";
    let (_, envelope) = post(&emulator, &params, &set("token", token)).await;
    let (status, body) = inner(&envelope);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"].as_array().unwrap().len(), 1);
    assert_eq!(body["data"][0]["secure"], true);
    assert_ne!(body["data"][0]["value"], token);
    let (_, envelope) = get(&emulator, &params).await;
    assert!(!envelope.to_string().contains(token));
    assert!(!inner(&envelope).1["data"][1]["value"].is_null());

    // The value is stored: a {{token}} placeholder carries it to a local service.
    let port = start_echo().await;
    let url = format!("http://127.0.0.1:{port}/t/{{{{token}}}}/{{{{mode}}}}");
    let (_, envelope) = get(&emulator, &url).await;
    assert_eq!(inner(&envelope).1["path"], format!("/t/{token}/fast"));
    let seen = journal(&emulator).await;
    let written = std::fs::read_to_string(&journal_file).unwrap();
    for record in [&seen, &written] {
        assert!(record.contains("configParams"), "{record}");
        assert!(!record.contains(token), "{record}");
    }
}

#[tokio::test]
async fn fields_of_resources_json_fill_placeholders_per_org_and_the_resources_flag_wins() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let port = start_echo().await;
    let url = format!(
        "http://127.0.0.1:{port}/f/{{{{fields.syncStatus.id}}}}/{{{{fields.syncStatus.apiName}}}}"
    );
    let path_on = |configure: &dyn Fn(&mut std::process::Command)| {
        let emulator = start_on(&sandbox, &dir, |c| configure(c));
        let url = url.clone();
        async move {
            let (_, envelope) = get(&emulator, &url).await;
            inner(&envelope).1["path"].as_str().unwrap().to_string()
        }
    };
    let first = path_on(&|_| {}).await;
    let parts: Vec<&str> = first.split('/').collect();
    assert_eq!(parts[3], "cf_sync_status", "{first}");
    assert!(
        parts[2].len() == 16 && parts[2].bytes().all(|b| b.is_ascii_digit()),
        "{first}"
    );
    assert_eq!(path_on(&|_| {}).await, first, "ids are stable across runs");
    let other_org = path_on(&|c| {
        c.env("DESK_INVOKE_ORG_ID", "999001");
    });
    assert_ne!(other_org.await.split('/').nth(2), Some(parts[2]));
    let map = sandbox.write(
        "resources-map.json",
        json!({"syncStatus": {"id": "4000000001", "apiName": "cf_given"}}).to_string(),
    );
    let given = path_on(&|c| {
        c.arg("--resources").arg(&map);
    });
    assert_eq!(given.await, "/f/4000000001/cf_given");
}

/// The path `url` (with a field placeholder) reached on the echo server, called by the
/// installation `(securityContext, orgId)`, without its leading `/f/`.
async fn field_path(emulator: &Emulator, url: &str, installation: (&str, &str)) -> String {
    let fields = [(Field::RequestUrl, url), (Field::RequestType, "GET")];
    let (status, envelope) = invoke_as(emulator, PROJECT_SECRET, installation, &fields).await;
    assert_eq!(status, 200, "{envelope}");
    let path = inner(&envelope).1["path"].as_str().unwrap().to_string();
    path.trim_start_matches("/f/").to_string()
}

/// A new installation through the admin API (in `org`, or a fresh one): its securityContext
/// and orgId.
async fn install_in(emulator: &Emulator, org: Option<&str>) -> (String, String) {
    let body = match org {
        Some(org) => json!({ "orgId": org }),
        None => json!({}),
    };
    let reply = reqwest::Client::new()
        .post(format!("{}/_emulator/installations", emulator.base_url))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(reply.status().is_success(), "{}", reply.status());
    let created: Value = reply.json().await.unwrap();
    let context = created["securityContext"].as_str().unwrap().to_string();
    (context, created["orgId"].as_str().unwrap().to_string())
}

/// A project with a field, an echo server whose path shows the field id a requestURL's
/// placeholder resolved to (`url`), and a database file to restart on.
struct FieldProbe {
    sandbox: Sandbox,
    dir: PathBuf,
    url: String,
}

impl FieldProbe {
    async fn new() -> FieldProbe {
        let sandbox = Sandbox::new();
        let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
        let port = start_echo().await;
        let url = format!("http://127.0.0.1:{port}/f/{{{{fields.syncStatus.id}}}}");
        FieldProbe { sandbox, dir, url }
    }

    /// The emulator on the project and the probe's database file.
    fn start(&self) -> Emulator {
        let db = self.sandbox.path("installations.sqlite");
        let database = ["--db", db.to_str().unwrap()];
        start_on_database(&self.sandbox, &self.dir, &database, |_| {})
    }
}

#[tokio::test]
async fn each_installation_resolves_field_ids_of_its_own_org_across_restarts() {
    let probe = FieldProbe::new().await;
    let url = &probe.url;
    let emulator = probe.start();
    let default_org = org_of(&emulator).to_string();
    let default = field_path(&emulator, url, (SECURITY_CONTEXT, &default_org)).await;
    assert!(default.bytes().all(|b| b.is_ascii_digit()), "{default}");
    let (context, org) = install_in(&emulator, None).await;
    let elsewhere = field_path(&emulator, url, (&context, &org)).await;
    assert!(elsewhere.bytes().all(|b| b.is_ascii_digit()), "{elsewhere}");
    assert_ne!(elsewhere, default, "another org has its own field ids");
    let (same_context, _) = install_in(&emulator, Some(&default_org)).await;
    let same_org = field_path(&emulator, url, (&same_context, &default_org)).await;
    assert_eq!(same_org, default, "a field is created once per org");

    // Restarted on the same file, the saved installation is read back with its org's ids.
    drop(emulator);
    let emulator = probe.start();
    let after = field_path(&emulator, url, (&context, &org)).await;
    assert_eq!(
        after, elsewhere,
        "the ids of a saved installation's org survive a restart"
    );
}

/// Desk deletes an organisation's fields with its last installation, and creates them anew
/// on the next: a backend that keeps field ids across that would fail there, so it fails
/// here too. Kept across restarts.
#[tokio::test]
async fn an_organisations_field_ids_are_new_after_its_last_installation_goes() {
    let probe = FieldProbe::new().await;
    let url = &probe.url;
    let emulator = probe.start();
    let admin = reqwest::Client::new();
    let install = |emulator: &Emulator| {
        let request = admin
            .post(format!("{}/_emulator/installations", emulator.base_url))
            .json(&json!({"orgId": "70000001"}));
        async move {
            let created: Value = request.send().await.unwrap().json().await.unwrap();
            let text = |key: &str| created[key].as_str().unwrap().to_string();
            (text("installationId"), text("securityContext"))
        }
    };
    let uninstall = |emulator: &Emulator, id: &str| {
        let request = admin.delete(format!(
            "{}/_emulator/installations/{id}",
            emulator.base_url
        ));
        async move {
            let removed: Value = request.send().await.unwrap().json().await.unwrap();
            removed["orgHasInstallations"].as_bool().unwrap()
        }
    };
    let org = "70000001";
    let (first, first_context) = install(&emulator).await;
    let (second, second_context) = install(&emulator).await;
    let before = field_path(&emulator, url, (&first_context, org)).await;
    assert!(uninstall(&emulator, &first).await);
    let kept = field_path(&emulator, url, (&second_context, org)).await;
    assert_eq!(
        kept, before,
        "the fields stay while the org has an installation"
    );
    assert!(!uninstall(&emulator, &second).await);
    let (_, again_context) = install(&emulator).await;
    let again = field_path(&emulator, url, (&again_context, org)).await;
    assert!(again.bytes().all(|b| b.is_ascii_digit()), "{again}");
    assert_ne!(
        again, before,
        "a reinstall after the last uninstall gets new fields"
    );

    drop(emulator);
    let emulator = probe.start();
    let after = field_path(&emulator, url, (&again_context, org)).await;
    assert_eq!(after, again, "and keeps them across a restart");
}

#[test]
fn the_admin_sets_userdefined_params_but_only_values_of_their_declared_type() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let emulator = start_on(&sandbox, &dir, |_| {});
    let configure = |assignment: &str| {
        sandbox
            .signed()
            .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
            .args([
                "emulator",
                "configure",
                "--installation",
                "default",
                assignment,
            ])
            .output()
            .unwrap()
    };
    for accepted in ["apiKey=k-1", "limit=10", "mode=slow"] {
        let out = configure(accepted);
        assert!(out.status.success(), "{accepted}: {}", stderr_of(&out));
    }
    for (refused, says) in [
        ("limit=ten", "expected a number"),
        ("mode=medium", "expected one of fast, slow"),
        ("undeclared=1", "no config param `undeclared`"),
    ] {
        let out = configure(refused);
        assert_eq!(out.status.code(), Some(4), "{refused}: {}", stderr_of(&out));
        let stderr = stderr_of(&out);
        assert!(stderr.contains(says), "{refused}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    }
}

#[tokio::test]
async fn custom_permissions_start_at_their_default_state_and_the_flag_overrides() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let permissions = api("myCustomPermissions");
    let states = |emulator: Emulator| {
        let permissions = permissions.clone();
        async move {
            let (_, envelope) = get(&emulator, &permissions).await;
            inner(&envelope).1["data"].clone()
        }
    };
    let defaults = states(start_on(&sandbox, &dir, |_| {})).await;
    assert_eq!(
        defaults,
        json!([{"apiName": "canSync", "isEnabled": true}, {"apiName": "canPurge", "isEnabled": false}])
    );
    let overridden = states(start_on(&sandbox, &dir, |c| {
        c.args([
            "--permission",
            "canPurge=true",
            "--permission",
            "canSync=false",
        ]);
    }))
    .await;
    assert_eq!(
        overridden,
        json!([{"apiName": "canSync", "isEnabled": false}, {"apiName": "canPurge", "isEnabled": true}])
    );
}

#[tokio::test]
async fn a_project_in_the_current_directory_is_announced_first_and_no_project_ignores_it() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let storage = api("storage?key=k");
    let start_in_dir = |extra: &[&str]| {
        let mut command = emulator_command(sandbox.dir.path());
        command
            .current_dir(&dir)
            .args(["--in-memory", "--response-wrap", "none"])
            .args(extra)
            .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
            .env("DESK_INVOKE_ORG_ID", ORG_ID);
        spawn_emulator(command)
    };
    let found = start_in_dir(&[]);
    let first_line = found.banner.lines().next().unwrap();
    assert!(
        first_line.starts_with("found plugin-manifest.json in the current directory"),
        "{first_line}"
    );
    assert!(first_line.contains("--no-project"));
    assert_eq!(get(&found, &storage).await.0, 200);

    let ignored = start_in_dir(&["--no-project"]);
    assert!(ignored
        .banner
        .lines()
        .next()
        .unwrap()
        .contains("listening on"));
    assert!(!ignored.banner.contains("project"), "{}", ignored.banner);
    assert_eq!(
        get(&ignored, &storage).await.0,
        401,
        "the project's secret is not used"
    );
    let fields = [
        (Field::RequestUrl, storage.as_str()),
        (Field::RequestType, "GET"),
    ];
    assert_eq!(
        invoke(&ignored, desk_invoke::LOCAL_SECRET, &fields).await.0,
        200
    );
}

#[test]
fn a_project_with_problems_refuses_to_start_listing_each_with_its_path() {
    let sandbox = Sandbox::new();
    let broken = manifest(json!({"storage": "yes", "config": [{"name": 7}, {"name": "ok"}]}));
    let dir = write_project(&sandbox, "broken", &broken, &json!({"fields": {}}));
    let output = sandbox
        .cmd()
        .arg("--project")
        .arg(&dir)
        .args(["emulator", "--in-memory", "--addr", "127.0.0.1:0"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    for problem in [
        "plugin-manifest.json: storage: expected true or false, found \"yes\"",
        "plugin-manifest.json: config[0].name: expected a string, found a number",
        "resources.json: fields: expected an array, found an object",
        "error: 3 problems in the project at",
    ] {
        assert!(stderr.contains(problem), "{problem} in {stderr}");
    }
    assert!(!stderr.contains("listening on"));
    // Zoho's rules across keys refuse it too: callbacks without the secret.
    let unsigned = manifest(json!({"secret": null,
        "callbackListener": {"onInstall": "https://ext.example.com/install"}}));
    let dir = write_project(&sandbox, "unsigned", &unsigned, &resources());
    let output = sandbox
        .cmd()
        .arg("--project")
        .arg(&dir)
        .args(["emulator", "--in-memory", "--addr", "127.0.0.1:0"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("plugin-manifest.json: secret: missing"));
}

#[tokio::test]
async fn a_real_world_manifest_with_unused_keys_us_spellings_and_production_urls_loads() {
    let sandbox = Sandbox::new();
    let real = json!({
        "locale": ["en", "ta"],
        "service": "DESK",
        "storage": true,
        "type": "org",
        "whiteListedDomains": ["https://api.github.com", "https://desk.zoho.com"],
        "modules": {"widgets": [{"location": "desk.ticket.detail.rightpanel",
                                 "url": "/app/widget.html", "name": "GH", "logo": "/app/img/logo.png"}]},
        "cspDomains": {"connect-src": ["https://api.github.com"]},
        "moduleSupport": false,
        "updateBefore": "2024-01-15T04:49:09.963Z",
        "oauth": {"clientId": "x"},
        "connectors": [{"connectionLinkName": "githubconnection", "connectionName": "github",
                        "serviceName": "github", "userAccess": true,
                        "isUserDefinedService": false, "sharedBy": "1234567"}],
        "config": [{"displayName": "Repository", "name": "repo", "secure": false, "type": "text",
                    "mandatory": false, "userdefined": false, "authType": "org"}],
        "callbackListener": {
            "onInstall": "https://gh-ext.example.com/zoho/install.php",
            "onTPAAuthorize": "https://gh-ext.example.com/zoho/authorized.php",
            "onUninstall": "https://gh-ext.example.com/zoho/revoke.php"
        },
        "secret": PROJECT_SECRET
    });
    sandbox.write("real/plugin-manifest.json", real.to_string());
    let emulator = start_on(&sandbox, &sandbox.path("real"), |_| {});
    let (status, envelope) = get(&emulator, &api("configParams")).await;
    assert_eq!(status, 200, "{envelope}");
    assert_eq!(inner(&envelope).1["data"][0]["name"], "repo");
}

#[test]
fn hash_verify_callback_and_profile_show_take_the_secret_from_the_project_as_the_weakest_source() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let hash = |command: &mut assert_cmd::Command| {
        let output = command
            .arg("--project")
            .arg(&dir)
            .args([
                "hash",
                "--request-url",
                "https://desk.zoho.com/api/v1/tickets",
            ])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        stdout_of(&output).trim().to_string()
    };
    let message = b"requestURL=https://desk.zoho.com/api/v1/tickets";
    assert_eq!(
        hash(&mut sandbox.cmd()),
        openssl_hmac(PROJECT_SECRET, message)
    );
    assert_eq!(
        hash(&mut sandbox.signed()),
        openssl_hmac(crate::common::SECRET, message),
        "DESK_INVOKE_SECRET wins over the project"
    );
    // A callback signed with the project's secret verifies.
    let body = r#"{"event":"onInstall","orgId":376723,"securityContext":"sc"}"#;
    let signature = openssl_hmac(PROJECT_SECRET, body.as_bytes());
    let verified = sandbox
        .cmd()
        .arg("--project")
        .arg(&dir)
        .args(["verify-callback", "--hash", &signature, "--body", body])
        .output()
        .unwrap();
    assert!(verified.status.success(), "{}", stderr_of(&verified));
    let output = sandbox
        .cmd()
        .env("DESK_INVOKE_PROJECT", &dir)
        .args(["profile", "show", "--effective", "-o", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let shown: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    let expected = format!("project {}", dir.join("plugin-manifest.json").display());
    assert_eq!(shown["settings"]["secret"]["source"], expected);
    assert!(!stdout_of(&output).contains(PROJECT_SECRET));
}

/// An emulator on a project checks the manifest's secret: `emulator install --save-profile`
/// with no secret of its own saves that one, so the profile works as saved.
#[test]
fn a_profile_saved_by_install_signs_with_the_projects_secret() {
    let sandbox = Sandbox::new();
    let dir = write_project(&sandbox, "p", &manifest(json!({})), &resources());
    let emulator = start_on(&sandbox, &dir, |_| {});
    let out = sandbox
        .cmd()
        .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
        .args(["emulator", "install", "--save-profile", "org-a"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains(PROJECT_SECRET));
    let put = sandbox
        .cmd()
        .args(["-p", "org-a", "storage", "put", "k", r#"{"a":1}"#])
        .output()
        .unwrap();
    assert!(put.status.success(), "{}", stderr_of(&put));
}

/// The manifest's names may hold spaces (`^[a-zA-Z][a-zA-Z0-9-_ ]*$`): such a param is
/// set, read and substituted like any other; a name that is not there is a negative answer.
#[test]
fn config_params_named_with_spaces_work_as_the_manifest_allows() {
    let sandbox = Sandbox::new();
    let config =
        json!([{"name": "My Region", "type": "text", "userdefined": false, "defaultValue": "eu"}]);
    let dir = write_project(
        &sandbox,
        "p",
        &manifest(json!({"config": config})),
        &resources(),
    );
    let emulator = start_on(&sandbox, &dir, |_| {});
    let extension = |args: &[&str]| {
        sandbox
            .cmd()
            .arg("--project")
            .arg(&dir)
            .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
            .env("DESK_INVOKE_SECURITY_CONTEXT", SECURITY_CONTEXT)
            .env("DESK_INVOKE_ORG_ID", ORG_ID)
            .args(args)
            .output()
            .unwrap()
    };
    let set = extension(&["config", "set", "My Region=us"]);
    assert!(set.status.success(), "{}", stderr_of(&set));
    let get = extension(&["config", "get", "My Region", "--jq", ".[0].value"]);
    assert_eq!(stdout_of(&get), "us\n", "{}", stderr_of(&get));
    let missing = extension(&["config", "get", "Nowhere"]);
    assert_eq!(missing.status.code(), Some(1), "{}", stderr_of(&missing));
    assert!(stderr_of(&missing).contains("no config param named `Nowhere`"));
}

/// `--callback-to` moves where callbacks go, not which: Desk sends only the events the
/// manifest's callbackListener names, so the emulator on a project does too.
#[test]
fn callback_to_redirects_only_the_events_the_manifest_names() {
    let sandbox = Sandbox::new();
    let receiver = Hostile::start(|_| Answer::json(200, &json!({"ok": true})));
    let listener = json!({"callbackListener": {"onInstall": "https://ext.example.com/install"}});
    let dir = write_project(&sandbox, "p", &manifest(listener), &resources());
    let emulator = start_on(&sandbox, &dir, |command| {
        command.args(["--callback-to", &receiver.url]);
    });
    let admin = |args: &[&str]| {
        let out = sandbox
            .signed()
            .env("DESK_INVOKE_BASE_URL", &emulator.base_url)
            .args(args)
            .output()
            .unwrap();
        serde_json::from_str::<Value>(&stdout_of(&out)).unwrap()
    };
    let installed = admin(&["emulator", "install"]);
    assert_eq!(installed["callback"]["ok"], true, "{installed}");
    let updated = admin(&["emulator", "event", "onUpdate", "--installation", "default"]);
    let error = updated["callback"]["error"].as_str().unwrap();
    assert!(
        error.contains("callbackListener has no onUpdate"),
        "{updated}"
    );
    let events: Vec<Value> = (receiver.requests().iter())
        .map(|r| serde_json::from_slice::<Value>(&r.body).unwrap()["event"].clone())
        .collect();
    assert_eq!(events, [json!("onInstall")]);
}
