//! The emulator's own endpoints for CI jobs and developers: `GET /_emulator/health`,
//! `GET /_emulator/stats`, and the request journal at `/_emulator/requests` (`DELETE` clears).

use super::reply::json_response;
use super::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

pub(super) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/_emulator/health", get(health))
        .route("/_emulator/stats", get(stats))
        .route("/_emulator/requests", get(requests).delete(clear_requests))
}

async fn health(State(state): State<Arc<AppState>>) -> Response {
    json_response(
        StatusCode::OK,
        &serde_json::json!({"status": "ok", "orgId": state.org_id, "installationId": state.installation_id}),
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
