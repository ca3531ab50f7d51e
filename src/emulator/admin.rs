//! The emulator's own endpoints for CI jobs and developers: `GET /_emulator/health`,
//! `GET /_emulator/stats`, the request journal at `/_emulator/requests` (`DELETE` clears),
//! and the installations (docs/emulator.md, "Admin API"):
//!
//! - `GET /_emulator/installations[?show_secrets=true]` lists them;
//! - `POST /_emulator/installations` `{"orgId"?}` installs (fires onInstall);
//! - `POST /_emulator/installations/{id}/events` `{"event"}` fires a lifecycle event;
//! - `POST /_emulator/installations/{id}/config` `{"variables":[{"name","value"}]}` sets
//!   config params as the installing admin, then fires onConfigParamAdd;
//! - `DELETE /_emulator/installations/{id}` fires onUninstall, then revokes and deletes;
//! - `GET /_emulator/webhook` shows the project's webhook and its subscriptions;
//! - `POST /_emulator/installations/{id}/webhooks/{event}` `{"payload"?}` delivers a
//!   webhook event (the built-in sample without a payload); its outcome is under `webhook`.
//!
//! `{id}` is an installation id or `default`. Every reply that fired a callback carries its
//! outcome under `callback`.

use super::dispatch::database_failure;
use super::installations::Installation;
use super::lifecycle;
use super::project::{self, Setter};
use super::reply::{json_response, read_body, InvokeError};
use super::state::AppState;
use super::store;
use super::webhooks;
use crate::api::callbacks::Event;
use crate::api::config_params::parse_variables;
use axum::body::Body;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// The largest admin request body: a webhook payload the CLI sends (at most 16 MiB) and its
/// wrapping. A larger one is a JSON 413, as every admin error is JSON.
const MAX_ADMIN_BODY: u64 = 16 * 1024 * 1024 + 64 * 1024;

pub(super) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/_emulator/health", get(health))
        .route("/_emulator/stats", get(stats))
        .route("/_emulator/requests", get(requests).delete(clear_requests))
        .route("/_emulator/installations", get(list).post(install))
        .route("/_emulator/installations/{id}", delete(uninstall))
        .route("/_emulator/installations/{id}/events", post(event))
        .route("/_emulator/installations/{id}/config", post(configure))
        .route("/_emulator/webhook", get(webhook))
        .route(
            "/_emulator/installations/{id}/webhooks/{event}",
            post(trigger_webhook),
        )
}

async fn health(State(state): State<Arc<AppState>>) -> Response {
    let default = state.installations.get(super::installations::DEFAULT_NAME);
    json_response(
        StatusCode::OK,
        &json!({
            "status": "ok",
            "orgId": default.as_ref().map(|i| i.org_id.clone()),
            "installationId": default.as_ref().map(|i| i.installation_id.clone()),
            "installations": state.installations.list().len(),
            "secretProject": state.secret_project.as_ref().map(|dir| dir.display().to_string()),
        }),
    )
}

async fn stats(State(state): State<Arc<AppState>>) -> Response {
    json_response(
        StatusCode::OK,
        &state.stats.to_json(state.journal.write_failures()),
    )
}

async fn requests(State(state): State<Arc<AppState>>) -> Response {
    state.journal.listing()
}

async fn clear_requests(State(state): State<Arc<AppState>>) -> Response {
    state.journal.clear();
    StatusCode::NO_CONTENT.into_response()
}

type Answer = Result<Response, InvokeError>;

async fn list(
    State(state): State<Arc<AppState>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let show_secrets = query.get("show_secrets").is_some_and(|v| v == "true");
    let installations: Vec<Value> = state
        .installations
        .list()
        .iter()
        .map(|i| i.to_json(show_secrets))
        .collect();
    json_response(StatusCode::OK, &Value::Array(installations))
}

async fn install(State(state): State<Arc<AppState>>, JsonObject(body): JsonObject) -> Answer {
    let org_id = match body.get("orgId") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => Some(check_org_id(id)?),
        Some(Value::Number(id)) => Some(check_org_id(&id.to_string())?),
        Some(_) => {
            return Err(InvokeError::bad_request(
                "INVALID_DATA",
                "orgId must be a number",
            ))
        }
    };
    let installation = state
        .installations
        .create(&state.store, org_id)
        .await
        .map_err(database_failure)?;
    let callback = lifecycle::fire(&state, &installation, Event::Install).await;
    let mut reply = installation.to_json(true);
    reply["callback"] = callback.to_json();
    Ok(json_response(StatusCode::CREATED, &reply))
}

async fn event(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    JsonObject(body): JsonObject,
) -> Answer {
    let installation = find(&state, &id)?;
    let name = body
        .get("event")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let event = Event::parse(name).ok_or_else(|| {
        InvokeError::bad_request(
            "INVALID_EVENT",
            format!(
                "`{}` is not a platform event; one of {}",
                name.escape_default(),
                Event::spellings().collect::<Vec<_>>().join(", ")
            ),
        )
    })?;
    if event == Event::ZohoAuthorise {
        // Authorised anew: a 410's removal of the subscription is undone.
        state.installations.set_subscribed(&installation, true);
    }
    let callback = lifecycle::fire(&state, &installation, event).await;
    Ok(json_response(
        StatusCode::OK,
        &json!({"installationId": installation.installation_id, "callback": callback.to_json()}),
    ))
}

async fn configure(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    JsonObject(body): JsonObject,
) -> Answer {
    let installation = find(&state, &id)?;
    let mut updates =
        parse_variables(body).map_err(|e| InvokeError::bad_request("INVALID_DATA", e.message))?;
    // The admin sets any declared param, userdefined ones included; with a project, only
    // declared names exist, each value must suit its type, and its `secure` flag applies.
    if let Some(project) = &state.project {
        updates = project::check_updates(project, &updates, Setter::Admin)?;
    }
    let names: Vec<String> = updates.iter().map(|u| u.name.clone()).collect();
    let installation_id = installation.installation_id.clone();
    state
        .store
        .run(move |db| store::set_config_params(db, &installation_id, &updates))
        .await
        .map_err(database_failure)?;
    let callback = lifecycle::fire(&state, &installation, Event::ConfigParamAdd).await;
    Ok(json_response(
        StatusCode::OK,
        &json!({"installationId": installation.installation_id, "set": names, "callback": callback.to_json()}),
    ))
}

async fn uninstall(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Answer {
    let installation = find(&state, &id)?;
    if !state.installations.begin_removal(&installation) {
        return Err(not_found(&id, "is being uninstalled"));
    }
    // Once begun, an uninstall finishes even if its caller goes away: on a task of its own.
    let task = tokio::spawn({
        let (state, installation) = (state.clone(), installation.clone());
        async move {
            // The extension hears of it while its securityContext still works, as on Desk.
            let callback = lifecycle::fire(&state, &installation, Event::Uninstall).await;
            let removed = state
                .installations
                .remove(&state.store, &installation)
                .await;
            (callback, removed)
        }
    });
    let (callback, removed) = task.await.map_err(|e| {
        InvokeError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL_ERROR",
            format!("the uninstall stopped: {e}"),
        )
    })?;
    let removed = removed.map_err(database_failure)?;
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "orgId": installation.org_id,
            "installationId": installation.installation_id,
            "removed": removed,
            "orgHasInstallations": state.installations.org_has_installations(&installation.org_id),
            "callback": callback.to_json(),
        }),
    ))
}

async fn webhook(State(state): State<Arc<AppState>>) -> Response {
    json_response(StatusCode::OK, &webhooks::describe(&state))
}

async fn trigger_webhook(
    State(state): State<Arc<AppState>>,
    Path((id, event)): Path<(String, String)>,
    JsonObject(mut body): JsonObject,
) -> Answer {
    let installation = find(&state, &id)?;
    let payload = match body.remove("payload") {
        None | Some(Value::Null) => None,
        Some(payload @ Value::Object(_)) => Some(payload),
        Some(_) => {
            return Err(InvokeError::bad_request(
                "INVALID_DATA",
                "payload must be a JSON object",
            ))
        }
    };
    let outcome = webhooks::trigger(&state, &installation, &event, payload).await?;
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "orgId": installation.org_id,
            "installationId": installation.installation_id,
            "event": event,
            "webhook": outcome.to_json(),
        }),
    ))
}

fn find(state: &AppState, id: &str) -> Result<Arc<Installation>, InvokeError> {
    (state.installations.get(id)).ok_or_else(|| not_found(id, "is not installed"))
}

fn not_found(id: &str, why: &str) -> InvokeError {
    InvokeError::new(
        StatusCode::NOT_FOUND,
        "INSTALLATION_NOT_FOUND",
        format!("installation `{}` {why}", id.escape_default()),
    )
}

/// An admin request's JSON object, read as the invoke body is (bounded, a JSON 413 past the
/// bound); an empty body is an empty object.
struct JsonObject(Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = InvokeError;

    async fn from_request(request: Request, _: &S) -> Result<Self, InvokeError> {
        let (parts, body) = request.into_parts();
        json_body(&parts.headers, body).await.map(JsonObject)
    }
}

async fn json_body(headers: &HeaderMap, body: Body) -> Result<Map<String, Value>, InvokeError> {
    let body = read_body(body, headers, MAX_ADMIN_BODY, "the request body").await?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice(&body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(InvokeError::bad_request(
            "INVALID_DATA",
            "the body must be a JSON object",
        )),
        Err(e) => Err(InvokeError::bad_request(
            "INVALID_DATA",
            format!("the body is not valid JSON: {e}"),
        )),
    }
}

/// Desk's org ids are numbers: callbacks carry them as JSON numbers.
fn check_org_id(id: &str) -> Result<String, InvokeError> {
    let valid = !id.is_empty() && id.len() <= 19 && id.bytes().all(|b| b.is_ascii_digit());
    match valid {
        true => Ok(id.to_string()),
        false => Err(InvokeError::bad_request(
            "INVALID_DATA",
            format!(
                "orgId `{}` is not a number of 1 to 19 digits",
                id.escape_default()
            ),
        )),
    }
}
