//! Dispatch: placeholders are substituted, then the call is served by the emulator's own
//! extension-data APIs (a Desk host or the emulator's address) or forwarded.

use super::desk_api::{self, DeskCall, InstallationData};
use super::forward::Outgoing;
use super::installations;
use super::journal::RequestRecord;
use super::placeholders::{self, Placeholders, Scope};
use super::project;
use super::reply::{self, ApiBody, InvokeError, JSON_CONTENT_TYPE};
use super::state::AppState;
use super::store;
use crate::api::desk_error::DeskError;
use crate::api::endpoints::Endpoint;
use crate::api::hosts::{self, DEFAULT_DESK_BASE};
use crate::api::method::Method;
use crate::api::project::Project;
use crate::api::secret::{Redactor, Secret};
use crate::api::signing::{Field, InvokeFields};
use crate::api::storage::RateClass;
use axum::http::StatusCode;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::Instant;
use url::Url;

/// Substitutes placeholders, then serves the call locally or forwards it.
pub(super) async fn call(
    state: &AppState,
    installation: &installations::Installation,
    fields: &InvokeFields,
    record: &mut RequestRecord,
) -> Result<Value, InvokeError> {
    let request_url = fields
        .get(Field::RequestUrl)
        .filter(|url| !url.trim().is_empty())
        .ok_or_else(|| {
            InvokeError::bad_request(
                "MISSING_REQUEST_URL",
                "the requestURL form field is missing",
            )
        })?;
    // Desk lists requestType as required ("Platform Rest APIs"): no method is guessed.
    let method = match fields
        .get(Field::RequestType)
        .filter(|t| !t.trim().is_empty())
    {
        None => {
            return Err(InvokeError::bad_request(
                "MISSING_REQUEST_TYPE",
                format!(
                    "the requestType form field is missing: one of {}",
                    Method::ALL.map(Method::as_str).join(" ")
                ),
            ))
        }
        Some(text) => Method::parse(text).ok_or_else(|| {
            InvokeError::bad_request(
                "INVALID_REQUEST_TYPE",
                format!(
                    "requestType `{text}` is not one of {}",
                    Method::ALL.map(Method::as_str).join(" ")
                ),
            )
        })?,
    };
    let mut query_params = json_object_field(fields, Field::QueryParams, "INVALID_QUERY_PARAMS")?;
    let mut headers = json_object_field(fields, Field::Headers, "INVALID_HEADERS")?;

    // Most calls hold no placeholder but {{installationId}}: they skip a database round trip.
    let needs_config_params = placeholders::mentions_config_param(request_url)
        || placeholders::json_mentions_config_param(&query_params)
        || placeholders::json_mentions_config_param(&headers);
    // Only a request that names a config param needs them (and its secure ones masked).
    let params = match needs_config_params {
        true => {
            let installation_id = installation.installation_id.clone();
            let stored = state
                .store
                .run(move |db| store::config_params(db, &installation_id))
                .await
                .map_err(database_failure)?;
            match &state.project {
                Some(project) => project::effective_params(project, &stored),
                None => stored,
            }
        }
        false => Vec::new(),
    };
    let config_params: HashMap<String, String> = params
        .iter()
        .map(|param| (param.name.clone(), text_of(&param.value)))
        .collect();
    // Secure values substituted into the request never appear in an error message.
    let secure: Vec<Secret> = params
        .iter()
        .filter(|p| p.secure)
        .map(|p| Secret::new(text_of(&p.value)))
        .collect();
    let redactor = Redactor::new(&secure.iter().collect::<Vec<_>>());
    let substitutions = Placeholders {
        installation_id: &installation.installation_id,
        config_params: &config_params,
        resources: &installation.resources,
    };
    substitutions.substitute_json(&mut query_params, Scope::Request);
    let request = Substituted {
        url: substitutions.substitute(request_url, Scope::Request),
        method,
        query: to_pairs(&query_params),
        headers: {
            substitutions.substitute_json(&mut headers, Scope::Request);
            to_pairs(&headers)
        },
        body: fields
            .get(Field::PostBody)
            .map(|body| substitutions.substitute_body(body)),
        connection: fields.get(Field::ConnectionLinkName).map(str::to_string),
    };
    // The journal shows the call as made, secure values masked (a request that
    // substituted none needs no masking pass).
    record.request_url = Some(redactor.apply(&request.url));
    let masked = |value: Value| match secure.is_empty() {
        true => value,
        false => serde_json::from_str(&redactor.apply(&value.to_string())).unwrap_or(Value::Null),
    };
    record.headers = Some(masked(headers));
    record.query_params = Some(masked(query_params));
    record.body = request
        .body
        .as_deref()
        .map(|b| mask_secure_variables(&redactor.apply(b), state.project.as_deref()));
    serve(state, installation, request, record)
        .await
        .map_err(|error| error.redacted(&redactor))
}

/// A call after placeholder substitution.
struct Substituted {
    url: String,
    method: Method,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<String>,
    connection: Option<String>,
}

/// Serves the call locally (Desk's extension-data APIs) or forwards it.
async fn serve(
    state: &AppState,
    installation: &installations::Installation,
    request: Substituted,
    record: &mut RequestRecord,
) -> Result<Value, InvokeError> {
    if let Some(name) = placeholders::first_placeholder(&request.url) {
        return Err(InvokeError::bad_request(
            "UNRESOLVED_PLACEHOLDER",
            format!(
                "requestURL still holds {{{{{name}}}}} after substitution: it is neither installationId, a config param of this installation nor a field resource"
            ),
        ));
    }
    let url = parse_request_url(&request.url)?;
    if let Some(project) = &state.project {
        check_project(state, project, &url, request.connection.as_deref())?;
    }

    // A canned answer wins: the call goes nowhere. Matched on the URL with the queryParams
    // the call would carry.
    if !state.stubs.is_empty() {
        let mut full = url.clone();
        if !request.query.is_empty() {
            full.query_pairs_mut().extend_pairs(&request.query);
        }
        if let Some(stub) = state
            .stubs
            .iter()
            .find(|stub| stub.matches(request.method, full.as_str()))
        {
            return Ok(answer(
                state,
                stub.status,
                stub.api_body(),
                Value::Object(stub.headers.clone()),
            ));
        }
    }

    if is_local(state, &url) {
        if let Some(Err(refusal)) = state
            .project
            .as_deref()
            .map(|project| project::check_storage(project, url.path()))
        {
            return Ok(desk_refusal(state, refusal));
        }
        let mut local_query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        local_query.extend(request.query);
        let installation_id = installation.installation_id.as_str();
        if let Some(refused) = rate_limited(state, installation_id, url.path(), request.method) {
            record.rate_limited = true;
            return Ok(refused);
        }
        let installation = InstallationData {
            store: &state.store,
            installation_id,
            permissions: &installation.permissions,
            project: state.project.as_deref(),
        };
        let desk_call = DeskCall {
            method: request.method,
            path: url.path(),
            query: &local_query,
            body: request.body.as_deref(),
        };
        let reply = desk_api::serve(&installation, &desk_call)
            .await
            .map_err(database_failure)?;
        return Ok(answer(
            state,
            reply.status,
            ApiBody::Json(&reply.body),
            json!({ "Content-Type": JSON_CONTENT_TYPE }),
        ));
    }

    let outgoing = Outgoing {
        url,
        method: request.method,
        query: request.query,
        headers: request.headers,
        body: request.body,
        connection: request.connection,
    };
    match state.forwarder.forward(outgoing).await {
        Ok(reply) => Ok(answer(
            state,
            reply.status,
            ApiBody::Text(&reply.body),
            Value::Object(reply.headers),
        )),
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

/// What the project refuses before a call is stubbed, served or forwarded: a connection
/// it does not declare, and (Desk's own hosts aside) a domain it does not whitelist.
fn check_project(
    state: &AppState,
    project: &Project,
    url: &Url,
    connection: Option<&str>,
) -> Result<(), InvokeError> {
    if let Some(name) = connection.filter(|name| !name.is_empty()) {
        project::check_connection(project, name)?;
    }
    if !is_local(state, url) {
        project::check_domain(project, url)?;
    }
    Ok(())
}

/// A refusal of one of Desk's APIs, as that API's answer inside the envelope.
fn desk_refusal(state: &AppState, refusal: project::Refusal) -> Value {
    let body = DeskError::new(refusal.code, refusal.message);
    answer(
        state,
        refusal.status,
        ApiBody::Json(&Value::Object(body.to_json())),
        json!({ "Content-Type": JSON_CONTENT_TYPE }),
    )
}

/// With `--rate-limits desk`, a storage call over its class's limit gets Desk's answer: the
/// inner statusCode 429, a Desk error body, and Retry-After in responseHeaders.
fn rate_limited(
    state: &AppState,
    installation_id: &str,
    path: &str,
    method: Method,
) -> Option<Value> {
    let limiter = state.rate_limiter.as_ref()?;
    let (Endpoint::Storage, _) = Endpoint::route(path)? else {
        return None;
    };
    let class = RateClass::of(method);
    let wait = limiter
        .admit(installation_id, class, Instant::now())
        .err()?;
    // Whole seconds, as Desk and RFC 9110 give it; a window shrunk below a second for tests
    // answers in fractions, or every refusal would cost a whole second.
    let retry_after = match wait >= std::time::Duration::from_secs(1) {
        true => (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).to_string(),
        false => format!("{:.3}", wait.as_secs_f64().max(0.001)),
    };
    let body = DeskError::new(
        "TOO_MANY_REQUESTS",
        format!(
            "{} is limited to {} requests per {} for an installation; retry after {retry_after} s",
            class.describe(),
            class.limit(),
            crate::api::duration::show_duration(limiter.window())
        ),
    );
    Some(answer(
        state,
        429,
        ApiBody::Json(&Value::Object(body.to_json())),
        json!({ "Content-Type": JSON_CONTENT_TYPE, "Retry-After": retry_after }),
    ))
}

/// A config params update shown with its secure values masked (for the journal): a body
/// `{"variables":[{"name","value","secure":true}]}` carries them in clear, and so does one
/// naming a param the project declares secure.
fn mask_secure_variables(body: &str, project: Option<&Project>) -> String {
    // Only a `variables` list is masked: any other body (every storage write) is kept as it
    // is, unparsed.
    let declares_secure = project.is_some_and(|p| p.manifest.config.iter().any(|c| c.secure));
    if !body.contains("\"variables\"") || (!body.contains("\"secure\"") && !declares_secure) {
        return body.to_string();
    }
    let Ok(mut value) = serde_json::from_str::<Value>(body) else {
        return body.to_string();
    };
    let mut masked = false;
    if let Some(variables) = value.get_mut("variables").and_then(Value::as_array_mut) {
        for variable in variables {
            let declared_secure = variable
                .get("name")
                .and_then(Value::as_str)
                .zip(project)
                .is_some_and(|(name, project)| project::is_secure_param(project, name));
            if declared_secure || variable.get("secure") == Some(&Value::Bool(true)) {
                variable["value"] = Value::String(crate::api::secret::MARK.into());
                masked = true;
            }
        }
    }
    match masked {
        true => value.to_string(),
        false => body.to_string(),
    }
}

/// A config param's value as text (values are strings; anything else as compact JSON).
fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

pub(super) fn database_failure(error: store::StoreError) -> InvokeError {
    InvokeError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "DATABASE_ERROR",
        format!("the emulator's database failed: {}", error.0),
    )
}

/// The envelope of every answer, served, stubbed or forwarded: the body wrapped as
/// `--response-wrap` says (`mixed` counts the replies to pick each one's shape).
fn answer(state: &AppState, status: u16, body: ApiBody, headers: Value) -> Value {
    let number = state.replies.fetch_add(1, Ordering::Relaxed);
    reply::envelope(status, body, headers, state.response_wrap, number)
}

/// Whether `url` names Desk (any data center) or this emulator.
fn is_local(state: &AppState, url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    if hosts::is_desk_host(host) {
        return true;
    }
    let same_port = url.port_or_known_default() == Some(state.own_addr.port());
    let own_ip = state.own_addr.ip();
    let same_host = hosts::is_loopback(url)
        || match url.host() {
            Some(url::Host::Ipv4(ip)) => std::net::IpAddr::V4(ip) == own_ip,
            Some(url::Host::Ipv6(ip)) => std::net::IpAddr::V6(ip) == own_ip,
            _ => false,
        };
    same_port && same_host
}

fn parse_request_url(text: &str) -> Result<Url, InvokeError> {
    // Desk calls the URL it is given: a path names no host (the client joins `--url /api/…`
    // to its base URL before signing).
    if text.starts_with('/') {
        return Err(InvokeError::bad_request(
            "INVALID_REQUEST_URL",
            format!(
                "requestURL `{text}` is relative: give a full URL such as {DEFAULT_DESK_BASE}/api/v1/…"
            ),
        ));
    }
    Url::parse(text).map_err(|e| {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
