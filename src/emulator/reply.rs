//! How the emulator answers: JSON bodies with Desk's content type, and rejections of the
//! invoke request itself as `{"errorCode":"…","message":"…","stringToHash":"…"}`.

use super::project::Refusal;
use super::ResponseWrap;
use crate::api::desk_error::DeskError;
use crate::api::secret::Redactor;
use crate::api::text::compact_json;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
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

/// A project's refusal of a request made to the emulator itself (an invoke, an admin call).
impl From<Refusal> for InvokeError {
    fn from(refusal: Refusal) -> Self {
        let status = StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::FORBIDDEN);
        InvokeError::new(status, refusal.code, refusal.message)
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
        compact_json(body),
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

/// How much of an oversized body is read and thrown away before answering 413: reading it
/// lets the client, still busy sending, receive the 413 instead of a connection reset.
const MAX_DRAIN_BYTES: u64 = 64 * 1024 * 1024;

/// How long a request body may take to arrive: a client trickling bytes cannot hold a
/// connection (and a file descriptor) forever, on the invoke endpoint or the admin API.
const BODY_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A request body of at most `cap` bytes (`what` names it in the 413), arrived within
/// `BODY_READ_TIMEOUT` (else 408). A larger one is read to its end and thrown away (up to
/// `MAX_DRAIN_BYTES`; one declared larger is refused at once), so the client hears the 413.
pub(super) async fn read_body(
    body: Body,
    headers: &HeaderMap,
    cap: u64,
    what: &str,
) -> Result<Bytes, InvokeError> {
    tokio::time::timeout(
        BODY_READ_TIMEOUT,
        read_capped_body(body, headers, cap, what),
    )
    .await
    .map_err(|_| {
        InvokeError::new(
            StatusCode::REQUEST_TIMEOUT,
            "REQUEST_TIMEOUT",
            format!(
                "{what} did not arrive within {} s",
                BODY_READ_TIMEOUT.as_secs()
            ),
        )
    })?
}

async fn read_capped_body(
    body: Body,
    headers: &HeaderMap,
    cap: u64,
    what: &str,
) -> Result<Bytes, InvokeError> {
    let too_large = || {
        InvokeError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!(
                "{what} is larger than {}",
                crate::api::text::human_bytes(cap)
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
    // Room for what the sender declared, up to a bound: a declared length costs it nothing.
    let mut collected = Vec::with_capacity(declared.unwrap_or(0).min(cap).min(64 * 1024) as usize);
    let mut total: u64 = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| {
            InvokeError::bad_request("INVALID_BODY", "the request body could not be read")
        })?;
        total += chunk.len() as u64;
        if total > MAX_DRAIN_BYTES {
            return Err(too_large());
        }
        if total <= cap {
            collected.extend_from_slice(&chunk);
        }
    }
    if total > cap {
        return Err(too_large());
    }
    Ok(Bytes::from(collected))
}

/// The shapes `--response-wrap mixed` takes in turn.
const MIXED: [ResponseWrap; 5] = [
    ResponseWrap::None,
    ResponseWrap::Object,
    ResponseWrap::String,
    ResponseWrap::Status,
    ResponseWrap::Sample,
];

/// The called API's answer, as `wrap` is given it.
#[derive(Clone, Copy)]
pub(super) enum ApiBody<'a> {
    /// JSON the emulator holds as a value (a served Desk API's reply, a stub's body): it is
    /// written out once, never parsed back.
    Json(&'a Value),
    /// What a body says as text (another server's reply, a stub's text): carried as JSON
    /// when it is JSON, else as a string.
    Text(&'a str),
}

impl<'a> ApiBody<'a> {
    fn text(self) -> String {
        match self {
            ApiBody::Json(value) => compact_json(value),
            ApiBody::Text(text) => text.to_string(),
        }
    }

    /// The body as a JSON value to carry: JSON as JSON, anything else (text, HTML, nothing)
    /// as a string.
    fn carried(self) -> Carried<'a> {
        match self {
            ApiBody::Json(value) => Carried::Borrowed(value),
            ApiBody::Text(text) => {
                Carried::Parsed(serde_json::from_str::<Value>(text).unwrap_or_else(|_| text.into()))
            }
        }
    }
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum Carried<'a> {
    Borrowed(&'a Value),
    Parsed(Value),
}

/// `{"statusMessage": …}`, and `"status"` when the shape has it.
#[derive(serde::Serialize)]
struct Wrapped<'a, T: serde::Serialize> {
    #[serde(rename = "statusMessage")]
    status_message: T,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
}

impl<T: serde::Serialize> Wrapped<'_, T> {
    fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a wrapped reply serialises")
    }
}

/// The invoke envelope of reply number `number`: the called API's `status`, its `body` (as
/// received or served) wrapped in the shape `--response-wrap` gives that reply, and its
/// headers. Zoho's sample gives `statusCode` as a string, the reply captured from Desk as a
/// number.
pub(super) fn envelope(
    status: u16,
    body: ApiBody,
    headers: Value,
    response_wrap: ResponseWrap,
    number: u64,
) -> Value {
    let shape = match response_wrap {
        ResponseWrap::Mixed => MIXED[(number % MIXED.len() as u64) as usize],
        shape => shape,
    };
    let status_code = match shape {
        ResponseWrap::Sample => Value::String(status.to_string()),
        _ => Value::from(status),
    };
    crate::api::envelope::encode(status_code, wrap(status, body, shape), headers)
}

/// The called API's answer as the envelope carries it: `body` wrapped in `shape` (one shape,
/// not `mixed`).
fn wrap(status: u16, body: ApiBody, shape: ResponseWrap) -> String {
    let wrapped = |status_message, status| {
        Wrapped {
            status_message,
            status,
        }
        .to_json()
    };
    match shape {
        ResponseWrap::None | ResponseWrap::Sample | ResponseWrap::Mixed => body.text(),
        ResponseWrap::Object => wrapped(body.carried(), None),
        ResponseWrap::String => Wrapped {
            status_message: body.text(),
            status: None,
        }
        .to_json(),
        // Captured from a success; a failure saying "false" is inferred.
        ResponseWrap::Status => {
            let ok = (200..300).contains(&status);
            wrapped(body.carried(), Some(if ok { "true" } else { "false" }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wraps_match_the_shapes_desk_uses() {
        let body = r#"{"data":[1]}"#;
        let wrap = |shape| wrap(200, ApiBody::Text(body), shape);
        assert_eq!(wrap(ResponseWrap::None), body);
        assert_eq!(
            wrap(ResponseWrap::Object),
            r#"{"statusMessage":{"data":[1]}}"#
        );
        assert_eq!(
            wrap(ResponseWrap::String),
            r#"{"statusMessage":"{\"data\":[1]}"}"#
        );
        assert_eq!(
            wrap(ResponseWrap::Status),
            r#"{"statusMessage":{"data":[1]},"status":"true"}"#
        );
        assert_eq!(
            super::wrap(404, ApiBody::Text("not here"), ResponseWrap::Status),
            r#"{"statusMessage":"not here","status":"false"}"#
        );
    }

    #[test]
    fn a_value_is_wrapped_as_its_json_text_would_be() {
        let value = serde_json::json!({"data": [{"id": "1", "n": 1.50}], "empty": {}});
        for shape in MIXED {
            for status in [200, 404] {
                assert_eq!(
                    wrap(status, ApiBody::Json(&value), shape),
                    wrap(status, ApiBody::Text(&value.to_string()), shape),
                );
            }
        }
    }

    #[test]
    fn mixed_takes_every_shape_in_turn() {
        let envelope = |shape, n| envelope(200, ApiBody::Text("{}"), Value::Null, shape, n);
        let shapes: Vec<Value> = (0..10).map(|n| envelope(ResponseWrap::Mixed, n)).collect();
        let expected: Vec<Value> = (MIXED.iter().chain(MIXED.iter()))
            .map(|shape| envelope(*shape, 0))
            .collect();
        assert_eq!(shapes, expected);
    }

    #[test]
    fn the_sample_shape_gives_the_status_code_as_a_string_as_zohos_sample_does() {
        let body = r#"{"data":[1]}"#;
        let sample = envelope(
            200,
            ApiBody::Text(body),
            Value::Null,
            ResponseWrap::Sample,
            0,
        );
        assert_eq!(
            (&sample["statusCode"], &sample["response"]),
            (&json!("200"), &json!(body))
        );
        let none = envelope(200, ApiBody::Text(body), Value::Null, ResponseWrap::None, 0);
        assert_eq!(none["statusCode"], json!(200));
    }
}
