//! The extension's other data: config params (set, get, masking), logs and their reference
//! limit, permissions (list and check).

use crate::common::*;
use serde_json::json;
use std::collections::BTreeSet;

#[test]
fn config_params_set_get_and_masking() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    sandbox
        .against(url)
        .args(["config", "set", "region=eu", "limit=10", "greeting=a=b"])
        .assert()
        .success();
    // A secure param, set the way the extension's manifest would mark it.
    sandbox
        .against(url)
        .args([
            "invoke",
            "-X",
            "POST",
            "--url",
            "/api/v1/installedExtensions/{{installationId}}/configParams",
            "--post-body",
            r#"{"variables":[{"name":"apiKey","value":"s3cret-api-key","secure":true}]}"#,
        ])
        .assert()
        .success();
    let all = json_out(
        &sandbox
            .against(url)
            .args(["config", "get"])
            .output()
            .unwrap(),
    );
    assert_eq!(all.as_array().unwrap().len(), 4);
    assert!(!all.to_string().contains("s3cret-api-key"), "{all}");
    let shown = json_out(
        &sandbox
            .against(url)
            .args(["config", "get", "apiKey", "--show-secrets"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        shown,
        json!([{"name": "apiKey", "value": "s3cret-api-key", "secure": true}])
    );
    let some = json_out(
        &sandbox
            .against(url)
            .args(["config", "get", "region", "greeting"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        some,
        json!([{"name": "region", "value": "eu", "secure": false}, {"name": "greeting", "value": "a=b", "secure": false}])
    );
    sandbox
        .desk_against(url, &["config", "get", "nope"])
        .expect_error(1)
        .no_secret_leaks()
        .run();
    // Config params are placeholders in queryParams: {{region}} → eu reads the item `eu`.
    sandbox
        .against(url)
        .args([
            "storage",
            "put",
            "eu",
            r#"{"found":true}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let got = json_out(
        &sandbox
            .against(url)
            .args([
                "invoke",
                "--url",
                "/api/v1/installedExtensions/{{installationId}}/storage",
            ])
            .args(["--query", "key={{region}}", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(got["data"][0]["value"], json!({"found": true}));
    // Never in a postBody (Zoho, "Supported placeholders"): the value is stored as given.
    sandbox
        .against(url)
        .args([
            "storage",
            "put",
            "placeholder",
            r#"{"r":"{{region}}"}"#,
            "--queriable-value",
            "g",
        ])
        .assert()
        .success();
    let got = json_out(
        &sandbox
            .against(url)
            .args(["storage", "get", "--key", "placeholder"])
            .output()
            .unwrap(),
    );
    assert_eq!(got[0]["value"], json!({"r": "{{region}}"}));
}

#[test]
fn logs_and_the_reference_limit() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[]);
    let url = &emulator.base_url;
    let description = sandbox.write("desc.txt", "a long description\nover lines");
    let mut ids = Vec::new();
    for i in 0..10 {
        let out = sandbox
            .desk_against(
                url,
                &[
                    "log",
                    "--title",
                    &format!("step {i}"),
                    "--reference",
                    "job42",
                    "--description",
                ],
            )
            .arg(format!("@{}", description.display()))
            .run();
        ids.push(stdout_of(&out).trim().to_string());
    }
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 10);
    let json = json_out(
        &sandbox
            .against(url)
            .args(["log", "--title", "other", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert!(
        json["logId"].is_string() && json.get("parentLogId").is_some(),
        "{json}"
    );
    sandbox
        .desk_against(url, &["log", "--title", "eleventh", "--reference", "job42"])
        .expect_error(4)
        .no_secret_leaks()
        .stderr_has("at most 10 logs")
        .run();
}

#[test]
fn permissions_list_and_check() {
    let sandbox = Sandbox::new();
    let emulator = sandbox.start_emulator(&[
        "--permission",
        "canEdit=true",
        "--permission",
        "canDelete=false",
    ]);
    let url = &emulator.base_url;
    let list = json_out(&sandbox.against(url).args(["permissions"]).output().unwrap());
    assert_eq!(
        list,
        json!([{"apiName": "canEdit", "isEnabled": true}, {"apiName": "canDelete", "isEnabled": false}])
    );
    sandbox
        .against(url)
        .args(["permissions", "check", "canEdit"])
        .assert()
        .code(0)
        .stdout("enabled\n");
    sandbox
        .against(url)
        .args(["permissions", "check", "canDelete"])
        .assert()
        .code(1)
        .stdout("disabled\n");
    sandbox
        .desk_against(url, &["permissions", "check", "unknown"])
        .expect_exit(1)
        .stderr_has("no custom permission named `unknown`")
        .run();
}
