//! Forwarding and placeholder substitution, against a loopback echo server started here.

use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use desk_invoke::api::signing::Field;
use serde_json::{json, Map, Value};

const INSTALLATION_ID: &str = "1000000000001";

use crate::common::{signed_invoke, Emulator};

/// Starts the emulator on an ephemeral port with the built-in local credentials.
/// An in-memory emulator whose replies carry the called API's body straight in the
/// envelope (these tests read it there).
fn start_emulator(extra: &[&str]) -> Emulator {
    crate::common::local_emulator(&[&["--response-wrap", "none"][..], extra].concat())
}

/// Sends a signed invoke request; returns the HTTP status and the JSON body. Desk requires
/// requestType: a test that names none means GET.
async fn invoke(emulator: &Emulator, fields: &[(Field, &str)]) -> (u16, Value) {
    let mut fields = fields.to_vec();
    if !fields.iter().any(|(field, _)| *field == Field::RequestType) {
        fields.insert(0, (Field::RequestType, "GET"));
    }
    signed_invoke(&reqwest::Client::new(), &emulator.base_url, &fields).await
}

/// Answers 201 with what it received (method, path, query, headers, body) and an `x-echo`
/// header; `/missing` answers 404 with plain text.
async fn echo(method: Method, uri: Uri, headers: HeaderMap, body: String) -> Response {
    if uri.path() == "/missing" {
        return (StatusCode::NOT_FOUND, "nothing here").into_response();
    }
    let headers: Map<String, Value> = headers
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.to_string(), Value::String(value))
        })
        .collect();
    let reply = json!({
        "method": method.as_str(),
        "path": uri.path(),
        "query": uri.query(),
        "headers": headers,
        "body": body,
    });
    (
        StatusCode::CREATED,
        [("x-echo", "yes"), ("content-type", "application/json")],
        reply.to_string(),
    )
        .into_response()
}

/// Starts the echo server on an ephemeral loopback port; returns its port.
async fn start_echo() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, Router::new().fallback(echo)).await });
    port
}

fn config_params_url() -> String {
    "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/configParams".into()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwards_method_query_headers_body_and_connection_with_placeholders() {
    let echo_port = start_echo().await;
    let emulator = start_emulator(&["--connection", "crm=Authorization: Bearer conn-token"]);

    let (status, set) = invoke(
        &emulator,
        &[
            (Field::RequestUrl, &config_params_url()),
            (Field::RequestType, "POST"),
            (
                Field::PostBody,
                r#"{"variables":[{"name":"apiKey","value":"k\"1 2","secure":true},{"name":"segment","value":"orders"}]}"#,
            ),
        ],
    )
    .await;
    assert_eq!(
        (status, set["statusCode"].as_u64()),
        (200, Some(200)),
        "{set}"
    );

    let url =
        format!("http://127.0.0.1:{echo_port}/echo/{{{{installationId}}}}/{{{{segment}}}}?fixed=1");
    let (status, reply) = invoke(
        &emulator,
        &[
            (Field::RequestUrl, &url),
            (Field::RequestType, "PUT"),
            (
                Field::QueryParams,
                r#"{"key":"{{apiKey}}","n":2,"many":["a","b"]}"#,
            ),
            (
                Field::PostBody,
                r#"{"installation":"{{installationId}}","left":"{{unknownName}}"}"#,
            ),
            (
                Field::Headers,
                r#"{"X-Api-Key":"{{apiKey}}","Authorization":"overridden","X-Num":7}"#,
            ),
            (Field::ConnectionLinkName, "crm"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{reply}");
    assert_eq!(
        reply["statusCode"], 201,
        "the called API's status is handed back: {reply}"
    );
    assert_eq!(reply["responseHeaders"]["x-echo"], "yes", "{reply}");
    let response = reply["response"].as_str().expect("response is a string");
    let echoed: Value = serde_json::from_str(response).unwrap();
    assert_eq!(echoed["method"], "PUT");
    assert_eq!(echoed["path"], format!("/echo/{INSTALLATION_ID}/orders"));
    let query: Vec<(String, String)> =
        form_urlencoded::parse(echoed["query"].as_str().unwrap().as_bytes())
            .into_owned()
            .collect();
    let pairs = |items: &[(&str, &str)]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        query,
        pairs(&[
            ("fixed", "1"),
            ("key", "k\"1 2"),
            ("n", "2"),
            ("many", "a"),
            ("many", "b")
        ])
    );
    assert_eq!(echoed["headers"]["x-api-key"], "k\"1 2");
    assert_eq!(echoed["headers"]["x-num"], "7");
    assert_eq!(
        echoed["headers"]["authorization"], "Bearer conn-token",
        "the connection's auth header wins"
    );
    assert_eq!(
        echoed["body"], r#"{"installation":"{{installationId}}","left":"{{unknownName}}"}"#,
        "Desk substitutes no installationId or config param in a postBody: it goes as sent"
    );
    for sensitive in ["hash", "securitycontext"] {
        assert!(
            echoed["headers"].get(sensitive).is_none(),
            "{sensitive} is not forwarded"
        );
    }

    // A 404 of the called API is the invoke's statusCode, not the invoke's own status.
    let missing = format!("http://localhost:{echo_port}/missing");
    let (status, reply) = invoke(&emulator, &[(Field::RequestUrl, &missing)]).await;
    assert_eq!(status, 200, "{reply}");
    assert_eq!(reply["statusCode"], 404);
    assert_eq!(reply["response"], "nothing here");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refuses_what_it_must_not_forward() {
    let echo_port = start_echo().await;
    let emulator = start_emulator(&[]);

    let (status, reply) = invoke(
        &emulator,
        &[
            (Field::RequestUrl, "https://api.example.com/v1/things"),
            (Field::RequestType, "GET"),
        ],
    )
    .await;
    assert_eq!(status, 403, "{reply}");
    assert_eq!(reply["errorCode"], "HOST_NOT_ALLOWED");
    let message = reply["message"].as_str().unwrap();
    assert!(message.contains("`api.example.com`"), "{message}");
    // The caller is an extension: it has no flags to set.
    assert!(!message.contains("--"), "{message}");

    let echo_url = format!("http://127.0.0.1:{echo_port}/x");
    let (status, reply) = invoke(
        &emulator,
        &[
            (Field::RequestUrl, &echo_url),
            (Field::ConnectionLinkName, "nope"),
        ],
    )
    .await;
    assert_eq!(
        (status, reply["errorCode"].as_str()),
        (400, Some("UNKNOWN_CONNECTION")),
        "{reply}"
    );

    let unresolved =
        format!("http://127.0.0.1:{echo_port}/{{{{installationId}}}}/{{{{noSuchParam}}}}");
    let (status, reply) = invoke(&emulator, &[(Field::RequestUrl, &unresolved)]).await;
    assert_eq!(status, 400, "{reply}");
    assert_eq!(reply["errorCode"], "UNRESOLVED_PLACEHOLDER");
    assert!(
        reply["message"]
            .as_str()
            .unwrap()
            .contains("{{noSuchParam}}"),
        "{reply}"
    );

    // Two slashes would make a scheme-relative URL, not a Desk path.
    for sneaky in ["//api.example.com/x", "/\\api.example.com/x"] {
        let (status, reply) = invoke(&emulator, &[(Field::RequestUrl, sneaky)]).await;
        assert_eq!(
            (status, reply["errorCode"].as_str()),
            (400, Some("INVALID_REQUEST_URL")),
            "{sneaky}: {reply}"
        );
    }

    let (status, reply) = invoke(&emulator, &[(Field::RequestUrl, "ftp://127.0.0.1/x")]).await;
    assert_eq!(
        (status, reply["errorCode"].as_str()),
        (400, Some("INVALID_REQUEST_URL")),
        "{reply}"
    );
    let (status, reply) = invoke(
        &emulator,
        &[
            (Field::RequestUrl, &echo_url),
            (Field::Headers, r#"{"Bad Header":"x"}"#),
        ],
    )
    .await;
    assert_eq!(
        (status, reply["errorCode"].as_str()),
        (400, Some("INVALID_HEADERS")),
        "{reply}"
    );

    // Nothing listens on this loopback port: a clear 502, not a hang or a crash.
    let closed_port = crate::common::free_port();
    let (status, reply) = invoke(
        &emulator,
        &[(
            Field::RequestUrl,
            &format!("http://127.0.0.1:{closed_port}/"),
        )],
    )
    .await;
    assert_eq!(
        (status, reply["errorCode"].as_str()),
        (502, Some("FORWARD_FAILED")),
        "{reply}"
    );
}

/// 0.0.0.0 reaches this machine on Linux but is not a loopback address, so it is refused
/// until `--allow-host` names it: the allow list, both ways.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allow_host_opens_a_host() {
    let echo_port = start_echo().await;
    let url = format!("http://0.0.0.0:{echo_port}/allowed");
    let refusing = start_emulator(&[]);
    let (status, reply) = invoke(&refusing, &[(Field::RequestUrl, &url)]).await;
    assert_eq!(
        (status, reply["errorCode"].as_str()),
        (403, Some("HOST_NOT_ALLOWED")),
        "{reply}"
    );
    // The connection's credential comes from a file, so it never shows in `ps`.
    let auth = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(auth.path(), "Authorization: Bearer file-token-123\n").unwrap();
    let connection = format!("crm=@{}", auth.path().display());
    let allowing = start_emulator(&["--allow-host", "0.0.0.0", "--connection", &connection]);
    let (status, reply) = invoke(&allowing, &[(Field::RequestUrl, &url)]).await;
    assert_eq!(
        (status, reply["statusCode"].as_u64()),
        (200, Some(201)),
        "{reply}"
    );
    // 0.0.0.0 is not loopback: a connection's credential does not travel there over http.
    let (status, reply) = invoke(
        &allowing,
        &[
            (Field::RequestUrl, &url),
            (Field::ConnectionLinkName, "crm"),
        ],
    )
    .await;
    assert_eq!(
        (status, reply["errorCode"].as_str()),
        (400, Some("INSECURE_CONNECTION")),
        "{reply}"
    );
    assert!(!reply.to_string().contains("file-token-123"), "{reply}");
    // To loopback it does, read from the file.
    let loopback = format!("http://127.0.0.1:{echo_port}/auth");
    let (status, reply) = invoke(
        &allowing,
        &[
            (Field::RequestUrl, &loopback),
            (Field::ConnectionLinkName, "crm"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{reply}");
    let echoed: Value = serde_json::from_str(reply["response"].as_str().unwrap()).unwrap();
    assert_eq!(echoed["headers"]["authorization"], "Bearer file-token-123");
}

/// The extension-data APIs are served locally whether the requestURL names a Desk host of
/// any data center or the emulator itself; nothing is forwarded there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desk_hosts_and_own_address_are_served_locally() {
    let emulator = start_emulator(&["--permission", "canEdit=true"]);
    let own = emulator.base_url.clone();
    let own_port = own.rsplit(':').next().unwrap().to_string();
    let bases = [
        "https://desk.zoho.com".to_string(),
        "https://desk.zoho.com.au".to_string(),
        "http://desk.zohocloud.ca".to_string(),
        own,
        format!("http://localhost:{own_port}"),
    ];
    for base in bases {
        let url =
            format!("{base}/api/v1/installedExtensions/{{{{installationId}}}}/myCustomPermissions");
        let (status, reply) = invoke(
            &emulator,
            &[(Field::RequestUrl, &url), (Field::RequestType, "GET")],
        )
        .await;
        assert_eq!(
            (status, reply["statusCode"].as_u64()),
            (200, Some(200)),
            "{base}: {reply}"
        );
        let body: Value = serde_json::from_str(reply["response"].as_str().unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"data":[{"apiName":"canEdit","isEnabled":true}]}),
            "{base}"
        );
    }
    // Desk calls the URL it is given: a relative requestURL names no host and is refused
    // (the client joins `--url /api/…` to its base URL before signing).
    let (status, reply) = invoke(
        &emulator,
        &[
            (
                Field::RequestUrl,
                "/api/v1/installedExtensions/{{installationId}}/storage",
            ),
            (Field::QueryParams, r#"{"key":"k"}"#),
        ],
    )
    .await;
    assert_eq!(
        (status, reply["errorCode"].as_str()),
        (400, Some("INVALID_REQUEST_URL")),
        "{reply}"
    );
    // A Desk API the emulator does not have is a 404 of the called API.
    let (status, reply) = invoke(
        &emulator,
        &[(Field::RequestUrl, "https://desk.zoho.eu/api/v1/tickets")],
    )
    .await;
    assert_eq!(
        (status, reply["statusCode"].as_u64()),
        (200, Some(404)),
        "{reply}"
    );
}

/// The extension is told what was refused; the emulator's operator is told the flag that
/// lifts it, on the request's log line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_forward_shows_the_operator_the_flag_that_allows_it() {
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("emulator.log");
    let mut command = crate::common::emulator_command(home.path());
    command.args(["--in-memory", "--response-wrap", "none"]);
    let emulator = crate::common::spawn_emulator_logging(command, &log);
    let (status, _) = invoke(
        &emulator,
        &[(Field::RequestUrl, "https://api.example.com/v1/things")],
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = invoke(
        &emulator,
        &[
            (Field::RequestUrl, "http://127.0.0.1:9/x"),
            (Field::ConnectionLinkName, "gitlab"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    drop(emulator);
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("HOST_NOT_ALLOWED")
            && logged.contains("hint: restart the emulator with --allow-host api.example.com"),
        "{logged}"
    );
    assert!(
        logged.contains("UNKNOWN_CONNECTION") && logged.contains("--connection gitlab="),
        "{logged}"
    );
}
