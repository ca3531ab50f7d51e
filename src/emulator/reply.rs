//! How the emulator answers: JSON bodies with Desk's content type, and rejections of the
//! invoke request itself as `{"errorCode":"…","message":"…","stringToHash":"…"}`.

use crate::api::desk_error::DeskError;
use crate::api::secret::Redactor;
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

pub(super) const JSON_CONTENT_TYPE: &str = "application/json;charset=UTF-8";

/// A rejection of the invoke request itself (as opposed to the called API's answer).
#[derive(Debug)]
pub(super) struct InvokeError {
    pub(super) status: StatusCode,
    pub(super) code: &'static str,
    message: String,
    pub(super) string_to_hash: Option<String>,
}

impl InvokeError {
    pub(super) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        InvokeError {
            status,
            code,
            message: message.into(),
            string_to_hash: None,
        }
    }

    /// The same rejection with secret values taken out of its message.
    pub(super) fn redacted(mut self, redactor: &Redactor) -> Self {
        self.message = redactor.apply(&self.message);
        self
    }

    pub(super) fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub(super) fn unauthorized(
        code: &'static str,
        message: impl Into<String>,
        string_to_hash: &str,
    ) -> Self {
        InvokeError {
            string_to_hash: Some(string_to_hash.to_string()),
            ..Self::new(StatusCode::UNAUTHORIZED, code, message)
        }
    }
}

impl IntoResponse for InvokeError {
    fn into_response(self) -> Response {
        let mut body = DeskError::new(self.code, self.message).to_json();
        if let Some(string_to_hash) = self.string_to_hash {
            body.insert("stringToHash".into(), string_to_hash.into());
        }
        json_response(self.status, &Value::Object(body))
    }
}

pub(super) fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, JSON_CONTENT_TYPE)],
        body.to_string(),
    )
        .into_response()
}

pub(super) async fn not_found(request: Request) -> Response {
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

pub(super) async fn method_not_allowed() -> Response {
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
