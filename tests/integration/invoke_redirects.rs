//! A called API that answers a redirect: the invoke API does not follow it, so `invoke`
//! says where it points and exits 4, as for a redirect of the invoke API itself.

use crate::common::{stderr_of, stdout_of, Sandbox};
use crate::hostile::{Answer, Hostile};
use serde_json::json;

#[test]
fn a_called_api_redirect_is_reported_with_its_location_and_exit_4() {
    let sandbox = Sandbox::new();
    let desk = Hostile::start(|_| {
        Answer::json(
            200,
            &json!({"statusCode": 302, "response": "", "responseHeaders": {"Location": "https://api.example.com/v2/items"}}),
        )
    });
    let out = sandbox
        .against(&desk.url)
        .args([
            "invoke",
            "--url",
            "https://api.example.com/items",
            "-X",
            "GET",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("302") && stderr.contains("https://api.example.com/v2/items"),
        "{stderr}"
    );
    assert!(stdout_of(&out).is_empty());
}

#[test]
fn a_redirect_without_location_still_fails() {
    let sandbox = Sandbox::new();
    let desk = Hostile::start(|_| Answer::envelope(301, &json!("")));
    let out = sandbox
        .against(&desk.url)
        .args([
            "invoke",
            "--url",
            "https://api.example.com/items",
            "-X",
            "GET",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr_of(&out).contains("no Location header"),
        "{}",
        stderr_of(&out)
    );
}
