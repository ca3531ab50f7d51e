//! The HTTP side of the emulator: the accept loop, `POST /api/v1/invoke` and its checks.
//!
//! An invoke request goes through, in order: the 1 MiB body limit (413), the content type
//! (415), strict form decoding (400), orgId present (400), HASH over the received raw values
//! (401), securityContext (401), orgId matches (401); then placeholders are substituted and
//! the call is served locally (extension-data APIs) or forwarded. Rejections are
//! `{"errorCode":"…","message":"…","stringToHash":"…"}` (stringToHash once the form could be
//! decoded); the secret, the expected securityContext and the expected HASH never appear.
//! A successful invoke is HTTP 200 with `{"statusCode":…,"response":"…","responseHeaders":{…}}`.
//!
//! Leniencies, each a choice where Desk's documentation is silent: a missing requestType
//! means GET (any case is accepted); a requestURL starting with `/` means Desk itself;
//! securityContext may also come as a query parameter; connectionLinkName only matters for
//! forwarded calls (the extension-data APIs need no connection).

use super::extension_api::{self, DeskCall, Installation, Method};
use super::faults::{self, FaultPolicy, InjectedDrop};
use super::forward::{Forwarder, Outgoing};
use super::placeholders::{self, Placeholders};
use super::store::{self, Store};
use crate::cli::ResponseWrap;
use crate::profile;
use crate::signing::{self, Field, InvokeFields};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use futures_util::StreamExt;
use hyper::service::Service as _;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;
use url::Url;

/// The largest invoke body accepted.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// How much of an oversized body is read and thrown away before answering 413: reading it
/// lets the client, still busy sending, receive the 413 instead of a connection reset.
const MAX_DRAIN_BYTES: u64 = 64 * 1024 * 1024;
/// Where a relative requestURL (`/api/v1/…`) points: Desk itself.
const DEFAULT_DESK_BASE: &str = "https://desk.zoho.com";
const JSON_CONTENT_TYPE: &str = "application/json;charset=UTF-8";

/// Everything a request needs; shared by all connections.
pub struct AppState {
    pub secret: String,
    pub security_context: String,
    pub org_id: String,
    pub installation_id: String,
    pub permissions: Vec<(String, bool)>,
    pub response_wrap: ResponseWrap,
    pub store: Store,
    pub forwarder: Forwarder,
    /// The address the emulator listens on, to recognise requestURLs that point at itself.
    pub own_addr: SocketAddr,
}

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/api/v1/invoke", post(invoke).fallback(method_not_allowed))
        .fallback(not_found)
        .with_state(state)
}

/// Serves `listener` until `stop` turns true, then lets in-flight requests finish.
///
/// Connections are served with hyper directly rather than `axum::serve` so that an injected
/// fault can close a connection without any response: a service error makes hyper drop it.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    faults: FaultPolicy,
    mut stop: watch::Receiver<bool>,
) {
    let app = TowerToHyperService::new(app);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    connections.spawn(serve_connection(stream, app.clone(), faults, stop.clone()));
                }
                // Out of file descriptors and the like: back off instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            () = stopped(&mut stop) => break,
        }
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    while connections.join_next().await.is_some() {}
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    app: TowerToHyperService<Router>,
    faults: FaultPolicy,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let service = hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
        let app = app.clone();
        async move {
            if let Some(latency) = faults.latency {
                tokio::time::sleep(latency).await;
            }
            // Decided before the router sees the request, so a fault never changes state.
            if let Some(fault) = faults.pick() {
                return faults::response(fault);
            }
            match app.call(request.map(Body::new)).await {
                Ok(response) => Ok::<_, InjectedDrop>(response),
                Err(never) => match never {},
            }
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(30));
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        // Errors here are the client going away or an injected drop: nothing to report.
        _ = connection.as_mut() => {}
        () = stopped(&mut stop) => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}

/// Resolves once a stop is requested. Dropping the sender (the `Emulator` handle) is not a
/// stop request: the server then runs until the runtime ends.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    if stop.wait_for(|stop| *stop).await.is_err() {
        std::future::pending::<()>().await;
    }
}

async fn not_found(request: Request) -> Response {
    InvokeError::new(
        StatusCode::NOT_FOUND,
        "URL_NOT_FOUND",
        format!(
            "the emulator serves only POST /api/v1/invoke, not {}",
            request.uri().path()
        ),
    )
    .into_response()
}

async fn method_not_allowed() -> Response {
    let mut response = InvokeError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        "the invoke API takes POST",
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
    response
}

/// A rejection of the invoke request itself (as opposed to the called API's answer).
#[derive(Debug)]
pub struct InvokeError {
    status: StatusCode,
    code: &'static str,
    message: String,
    string_to_hash: Option<String>,
}

impl InvokeError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        InvokeError {
            status,
            code,
            message: message.into(),
            string_to_hash: None,
        }
    }

    fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    fn unauthorized(code: &'static str, message: impl Into<String>, string_to_hash: &str) -> Self {
        InvokeError {
            string_to_hash: Some(string_to_hash.to_string()),
            ..Self::new(StatusCode::UNAUTHORIZED, code, message)
        }
    }
}

impl IntoResponse for InvokeError {
    fn into_response(self) -> Response {
        let mut body = Map::new();
        body.insert("errorCode".into(), self.code.into());
        body.insert("message".into(), self.message.into());
        if let Some(string_to_hash) = self.string_to_hash {
            body.insert("stringToHash".into(), string_to_hash.into());
        }
        json_response(self.status, &Value::Object(body))
    }
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, JSON_CONTENT_TYPE)],
        body.to_string(),
    )
        .into_response()
}

async fn invoke(State(state): State<Arc<AppState>>, request: Request) -> Response {
    match handle_invoke(&state, request).await {
        Ok(reply) => json_response(StatusCode::OK, &reply),
        Err(rejection) => rejection.into_response(),
    }
}

async fn handle_invoke(state: &AppState, request: Request) -> Result<Value, InvokeError> {
    let (parts, body) = request.into_parts();
    // The body is read before anything is judged, so that every answer, even a rejection of
    // the content type, reaches a client that is still sending.
    let body = read_body(body, &parts.headers).await?;
    check_content_type(&parts.headers)?;
    let body = std::str::from_utf8(&body)
        .map_err(|_| InvokeError::bad_request("INVALID_FORM", "the form body is not UTF-8"))?;
    let form = decode_form(body).map_err(|e| {
        InvokeError::bad_request("INVALID_FORM", format!("the form body is not valid: {e}"))
    })?;
    let query = decode_form(parts.uri.query().unwrap_or("")).map_err(|e| {
        InvokeError::bad_request(
            "INVALID_QUERY_STRING",
            format!("the query string is not valid: {e}"),
        )
    })?;

    let org_id = single(&query, "orgId", "query parameter")?
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            InvokeError::bad_request(
                "MISSING_ORG_ID",
                "the orgId query parameter is missing: POST /api/v1/invoke?orgId=…",
            )
        })?;

    // The HASH covers the raw values as received, in the fixed order, only those sent.
    let mut fields = InvokeFields::new();
    for field in Field::ALL {
        if let Some(value) = single(&form, field.name(), "form field")? {
            fields.set(field, value);
        }
    }
    let string_to_hash = fields.string_to_hash();
    let hash = match parts.headers.get("HASH") {
        None => {
            return Err(InvokeError::unauthorized(
                "MISSING_HASH",
                format!("the HASH header is missing; it must be the HMAC-SHA256 of stringToHash `{string_to_hash}`"),
                &string_to_hash,
            ))
        }
        Some(value) => value.to_str().unwrap_or_default(),
    };
    if !signing::verify(state.secret.as_bytes(), string_to_hash.as_bytes(), hash) {
        return Err(InvokeError::unauthorized(
            "INVALID_HASH",
            format!(
                "HASH check failed: the HASH header is not the HMAC-SHA256 under the extension secret of the stringToHash the emulator computed from the received fields: `{string_to_hash}`"
            ),
            &string_to_hash,
        ));
    }

    // Desk documents securityContext as a form field; a query parameter is accepted too.
    let security_context = match single(&form, "securityContext", "form field")? {
        Some(value) => Some(value),
        None => single(&query, "securityContext", "query parameter")?,
    };
    let Some(security_context) = security_context else {
        return Err(InvokeError::unauthorized(
            "MISSING_SECURITY_CONTEXT",
            format!("securityContext check failed: the securityContext form field is missing (the HASH was valid over `{string_to_hash}`)"),
            &string_to_hash,
        ));
    };
    if !signing::constant_time_eq(
        security_context.as_bytes(),
        state.security_context.as_bytes(),
    ) {
        return Err(InvokeError::unauthorized(
            "INVALID_SECURITY_CONTEXT",
            format!("securityContext check failed: it is not the one this emulator expects (the HASH was valid over `{string_to_hash}`)"),
            &string_to_hash,
        ));
    }
    if org_id != state.org_id {
        return Err(InvokeError::unauthorized(
            "ORG_ID_MISMATCH",
            format!(
                "orgId check failed: `{org_id}` is not the emulator's organisation {} (the HASH was valid over `{string_to_hash}`)",
                state.org_id
            ),
            &string_to_hash,
        ));
    }

    call(state, &fields).await
}

/// Substitutes placeholders, then serves the call locally or forwards it.
async fn call(state: &AppState, fields: &InvokeFields) -> Result<Value, InvokeError> {
    let request_url = fields
        .get(Field::RequestUrl)
        .filter(|url| !url.trim().is_empty())
        .ok_or_else(|| {
            InvokeError::bad_request(
                "MISSING_REQUEST_URL",
                "the requestURL form field is missing",
            )
        })?;
    let method = match fields.get(Field::RequestType) {
        None => Method::Get,
        Some(text) => Method::parse(text).ok_or_else(|| {
            InvokeError::bad_request(
                "INVALID_REQUEST_TYPE",
                format!("requestType `{text}` is not one of GET POST PUT PATCH DELETE"),
            )
        })?,
    };
    let mut query_params = json_object_field(fields, Field::QueryParams, "INVALID_QUERY_PARAMS")?;
    let mut headers = json_object_field(fields, Field::Headers, "INVALID_HEADERS")?;

    // Most calls hold no placeholder but {{installationId}}: they skip a database round trip.
    let needs_config_params = placeholders::mentions_config_param(request_url)
        || fields
            .get(Field::PostBody)
            .is_some_and(placeholders::mentions_config_param)
        || placeholders::json_mentions_config_param(&query_params)
        || placeholders::json_mentions_config_param(&headers);
    let config_params: HashMap<String, String> = if needs_config_params {
        let installation_id = state.installation_id.clone();
        state
            .store
            .run(move |db| store::config_params(db, &installation_id))
            .await
            .map_err(database_failure)?
            .into_iter()
            .map(|param| (param.name, param.value))
            .collect()
    } else {
        HashMap::new()
    };
    let substitutions = Placeholders {
        installation_id: &state.installation_id,
        config_params: &config_params,
    };
    let request_url = substitutions.substitute(request_url);
    substitutions.substitute_json(&mut query_params);
    substitutions.substitute_json(&mut headers);
    let post_body = fields
        .get(Field::PostBody)
        .map(|body| substitutions.substitute(body));

    if let Some(name) = placeholders::first_placeholder(&request_url) {
        return Err(InvokeError::bad_request(
            "UNRESOLVED_PLACEHOLDER",
            format!(
                "requestURL still holds {{{{{name}}}}} after substitution: it is neither installationId nor a config param of this installation"
            ),
        ));
    }
    let url = parse_request_url(&request_url)?;
    let query = to_pairs(&query_params);
    let header_pairs = to_pairs(&headers);

    if is_local(state, &url) {
        let mut local_query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        local_query.extend(query);
        let installation = Installation {
            store: &state.store,
            installation_id: &state.installation_id,
            permissions: &state.permissions,
        };
        let desk_call = DeskCall {
            method,
            path: url.path(),
            query: &local_query,
            body: post_body.as_deref(),
        };
        let reply = extension_api::serve(&installation, &desk_call)
            .await
            .map_err(database_failure)?;
        return Ok(json!({
            "statusCode": reply.status,
            "response": wrap(&reply.body, state.response_wrap),
            "responseHeaders": { "Content-Type": JSON_CONTENT_TYPE },
        }));
    }

    let outgoing = Outgoing {
        url,
        method: match method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        },
        query,
        headers: header_pairs,
        body: post_body,
        connection: fields.get(Field::ConnectionLinkName).map(str::to_string),
    };
    match state.forwarder.forward(outgoing).await {
        Ok(reply) => Ok(json!({
            "statusCode": reply.status,
            "response": reply.body,
            "responseHeaders": reply.headers,
        })),
        Err(failure) => {
            let (status, code, message) = failure.describe();
            Err(InvokeError::new(
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
                code,
                message,
            ))
        }
    }
}

fn database_failure(error: store::StoreError) -> InvokeError {
    InvokeError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "DATABASE_ERROR",
        format!("the emulator's database failed: {}", error.0),
    )
}

/// How `--response-wrap` shapes a Desk API's JSON body into the `response` string.
fn wrap(body: &Value, response_wrap: ResponseWrap) -> String {
    match response_wrap {
        ResponseWrap::None => body.to_string(),
        ResponseWrap::Object => json!({ "statusMessage": body }).to_string(),
        ResponseWrap::String => json!({ "statusMessage": body.to_string() }).to_string(),
    }
}

/// Whether `url` names Desk (any data center) or this emulator.
fn is_local(state: &AppState, url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    if profile::is_desk_host(host.trim_end_matches('.')) {
        return true;
    }
    let same_port = url.port_or_known_default() == Some(state.own_addr.port());
    let own_ip = state.own_addr.ip();
    let same_host = profile::is_loopback(url)
        || match url.host() {
            Some(url::Host::Ipv4(ip)) => std::net::IpAddr::V4(ip) == own_ip,
            Some(url::Host::Ipv6(ip)) => std::net::IpAddr::V6(ip) == own_ip,
            _ => false,
        };
    same_port && same_host
}

fn parse_request_url(text: &str) -> Result<Url, InvokeError> {
    // `//host/x` would join as a scheme-relative URL: not the Desk path it looks like.
    if text.starts_with("//") || text.starts_with("/\\") {
        return Err(InvokeError::bad_request(
            "INVALID_REQUEST_URL",
            format!(
                "requestURL `{text}` starts with two slashes: give a path (/api/…) or a full URL"
            ),
        ));
    }
    let parsed = if text.starts_with('/') {
        Url::parse(DEFAULT_DESK_BASE).and_then(|base| base.join(text))
    } else {
        Url::parse(text)
    };
    parsed.map_err(|e| {
        InvokeError::bad_request(
            "INVALID_REQUEST_URL",
            format!("requestURL `{text}` is not a valid URL: {e}"),
        )
    })
}

/// The JSON object in `field`; absent or empty means none.
fn json_object_field(
    fields: &InvokeFields,
    field: Field,
    code: &'static str,
) -> Result<Value, InvokeError> {
    let Some(text) = fields.get(field).filter(|text| !text.trim().is_empty()) else {
        return Ok(Value::Object(Map::new()));
    };
    match serde_json::from_str::<Value>(text) {
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(_) => Err(InvokeError::bad_request(
            code,
            format!("{} must be a JSON object", field.name()),
        )),
        Err(e) => Err(InvokeError::bad_request(
            code,
            format!("{} is not valid JSON: {e}", field.name()),
        )),
    }
}

/// Name/value pairs of a JSON object: strings as they are, numbers and booleans as written,
/// each element of an array as its own pair, nested objects as compact JSON, nulls skipped.
fn to_pairs(object: &Value) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let Value::Object(map) = object else {
        return pairs;
    };
    let text = |value: &Value| match value {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    };
    for (name, value) in map {
        match value {
            Value::Array(items) => {
                pairs.extend(items.iter().filter_map(text).map(|v| (name.clone(), v)));
            }
            other => pairs.extend(text(other).map(|v| (name.clone(), v))),
        }
    }
    pairs
}

/// The one value of `name`; a repeated field is refused because which copy was signed would
/// be a guess.
fn single<'a>(
    pairs: &'a [(String, String)],
    name: &str,
    what: &str,
) -> Result<Option<&'a str>, InvokeError> {
    let mut values = pairs
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str());
    let first = values.next();
    if values.next().is_some() {
        return Err(InvokeError::bad_request(
            "DUPLICATE_FIELD",
            format!("{what} `{name}` is given more than once"),
        ));
    }
    Ok(first)
}

fn check_content_type(headers: &HeaderMap) -> Result<(), InvokeError> {
    let unsupported = |got: &str| {
        InvokeError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            format!(
                "the invoke API takes Content-Type application/x-www-form-urlencoded, not {got}"
            ),
        )
    };
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Err(unsupported("none"));
    };
    let text = value
        .to_str()
        .map_err(|_| unsupported("an unreadable one"))?;
    let mut parts = text.split(';').map(str::trim);
    let media_type = parts.next().unwrap_or_default();
    if !media_type.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        return Err(unsupported(&format!("`{text}`")));
    }
    for parameter in parts {
        if let Some((name, value)) = parameter.split_once('=') {
            let value = value.trim().trim_matches('"');
            if name.trim().eq_ignore_ascii_case("charset") && !value.eq_ignore_ascii_case("utf-8") {
                return Err(unsupported(&format!("`{text}` (only UTF-8 is accepted)")));
            }
        }
    }
    Ok(())
}

async fn read_body(body: Body, headers: &HeaderMap) -> Result<Bytes, InvokeError> {
    let too_large = || {
        InvokeError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!(
                "the invoke body is larger than {} MiB",
                MAX_BODY_BYTES / (1024 * 1024)
            ),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > MAX_DRAIN_BYTES) {
        return Err(too_large());
    }
    let mut stream = body.into_data_stream();
    let mut collected = Vec::new();
    let mut total: u64 = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| {
            InvokeError::bad_request("INVALID_BODY", "the request body could not be read")
        })?;
        total += chunk.len() as u64;
        if total > MAX_DRAIN_BYTES {
            return Err(too_large());
        }
        if total <= MAX_BODY_BYTES as u64 {
            collected.extend_from_slice(&chunk);
        }
    }
    if total > MAX_BODY_BYTES as u64 {
        return Err(too_large());
    }
    Ok(Bytes::from(collected))
}

/// Strict `application/x-www-form-urlencoded` decoding: `+` and `%20` are spaces, every `%`
/// must start two hex digits, and the decoded bytes must be UTF-8. (Lenient decoders keep a
/// bad `%` literally, which would make the emulator hash something the client never meant.)
pub fn decode_form(text: &str) -> Result<Vec<(String, String)>, String> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = percent_decode(name).map_err(|e| format!("in a field name: {e}"))?;
            let value =
                percent_decode(value).map_err(|e| format!("in the value of `{name}`: {e}"))?;
            Ok((name, value))
        })
        .collect()
}

fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hex = |offset: usize| {
                    bytes
                        .get(i + offset)
                        .and_then(|b| (*b as char).to_digit(16))
                };
                match (hex(1), hex(2)) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        i += 3;
                    }
                    _ => {
                        let shown: String = text[i..].chars().take(3).collect();
                        return Err(format!("bad percent-encoding `{shown}`"));
                    }
                }
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| "percent-encoded bytes are not UTF-8".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding_is_strict_and_utf8() {
        let pairs = decode_form("a=x+y%20z&b=%7B%22k%22%3A1%7D&c=&d&e=caf%C3%A9").unwrap();
        assert_eq!(
            pairs,
            [
                ("a".to_string(), "x y z".to_string()),
                ("b".into(), r#"{"k":1}"#.into()),
                ("c".into(), "".into()),
                ("d".into(), "".into()),
                ("e".into(), "café".into()),
            ]
        );
        assert!(decode_form("a=%zz").is_err());
        assert!(decode_form("a=%4").is_err());
        assert!(decode_form("a=100%").is_err());
        assert!(decode_form("a=%FF").is_err());
        assert!(decode_form("").unwrap().is_empty());
        // A literal `=` inside a value survives: only the first one splits.
        assert_eq!(decode_form("a=b=c").unwrap()[0].1, "b=c");
    }

    #[test]
    fn wraps_match_the_shapes_desk_uses() {
        let body = json!({"data":[1]});
        assert_eq!(wrap(&body, ResponseWrap::None), r#"{"data":[1]}"#);
        assert_eq!(
            wrap(&body, ResponseWrap::Object),
            r#"{"statusMessage":{"data":[1]}}"#
        );
        assert_eq!(
            wrap(&body, ResponseWrap::String),
            r#"{"statusMessage":"{\"data\":[1]}"}"#
        );
    }

    #[test]
    fn pairs_from_json_objects() {
        let value = json!({"s":"a b","n":1,"b":true,"z":null,"l":["x",2],"o":{"k":"v"}});
        let pairs = to_pairs(&value);
        let expected: Vec<(String, String)> = [
            ("s", "a b"),
            ("n", "1"),
            ("b", "true"),
            ("l", "x"),
            ("l", "2"),
            ("o", r#"{"k":"v"}"#),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(pairs, expected);
    }

    #[test]
    fn content_type_must_be_a_utf8_form() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, value.parse().unwrap());
            check_content_type(&headers)
        };
        assert!(with("application/x-www-form-urlencoded").is_ok());
        assert!(with("Application/X-WWW-Form-Urlencoded; charset=UTF-8").is_ok());
        assert!(with("application/json").is_err());
        assert!(with("application/x-www-form-urlencoded; charset=latin1").is_err());
        assert!(check_content_type(&HeaderMap::new()).is_err());
    }
}
