//! Decoding the invoke response: `{"statusCode", "response", "responseHeaders"}`, where
//! `response` is the called API's body as a string that may hold JSON, which for Desk's own
//! APIs may wrap the payload in `statusMessage` (an object, or again a string). Every layer
//! that is there is decoded; no shape is assumed.

use super::desk_error::DeskError;
use super::error::{Error, Kind, Result};
use super::text::truncate;
use serde_json::{json, Map, Value};

/// The called API's body, decoded as far as it goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Json(Value),
    Text(String),
    Empty,
}

impl Body {
    pub fn as_json(&self) -> Option<&Value> {
        match self {
            Body::Json(v) => Some(v),
            _ => None,
        }
    }

    /// Desk's error body, if that is what this is.
    pub fn desk_error(&self) -> Option<DeskError> {
        DeskError::from_json(self.as_json()?)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct InvokeResponse {
    /// The called API's HTTP status, when the envelope gives a readable one.
    pub status_code: Option<u16>,
    pub response_headers: Value,
    pub body: Body,
    /// The `response` string exactly as received (for `-o raw`).
    pub raw_response: String,
    /// The whole invoke object as received (for `--envelope`).
    pub envelope: Value,
}

impl InvokeResponse {
    /// Whether the reply was an invoke envelope at all (not, say, a proxy's HTML page).
    pub fn is_envelope(&self) -> bool {
        is_invoke_object(&self.envelope)
    }

    /// The decoded body as JSON, for replies that must be JSON: an empty body is `null`, text
    /// is a server fault (`what` names the API in the message).
    pub fn json(&self, what: &str) -> Result<&Value> {
        static NULL: Value = Value::Null;
        match &self.body {
            Body::Json(value) => Ok(value),
            Body::Empty => Ok(&NULL),
            Body::Text(text) => Err(Error::new(
                Kind::Server,
                format!("unexpected {what} reply: {}", truncate(text, 200)),
            )),
        }
    }
}

/// Whether `value` is an invoke object: one with `statusCode` or `response`.
fn is_invoke_object(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.contains_key("statusCode") || o.contains_key("response"))
}

/// The invoke envelope as Desk (and the emulator) answers: the called API's status (a number,
/// or a string as in Zoho's sample), its body as a string, and its headers.
pub fn encode(status_code: Value, response: String, response_headers: Value) -> Value {
    json!({
        "statusCode": status_code,
        "response": response,
        "responseHeaders": response_headers,
    })
}

/// Decodes an invoke envelope. Anything that is not an invoke object is kept as the body, so
/// nothing the server said is lost.
pub fn decode(bytes: &[u8]) -> InvokeResponse {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let envelope: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(_) => {
            return InvokeResponse {
                status_code: None,
                response_headers: Value::Object(Map::new()),
                body: text_body(&text),
                raw_response: text.clone(),
                envelope: Value::String(text),
            }
        }
    };
    let Some(obj) = envelope.as_object().filter(|_| is_invoke_object(&envelope)) else {
        return InvokeResponse {
            status_code: None,
            response_headers: Value::Object(Map::new()),
            body: Body::Json(envelope.clone()),
            raw_response: text,
            envelope,
        };
    };
    let status_code = obj.get("statusCode").and_then(status_of);
    let response_headers = match obj.get("responseHeaders") {
        Some(Value::String(s)) => match serde_json::from_str::<Value>(s) {
            Ok(v @ Value::Object(_)) => v,
            _ => Value::String(s.clone()),
        },
        Some(v) => v.clone(),
        None => Value::Object(Map::new()),
    };
    let (body, raw_response) = match obj.get("response") {
        Some(Value::String(s)) => (unwrap_layers(parse_text(s)), s.clone()),
        Some(Value::Null) | None => (Body::Empty, String::new()),
        Some(other) => (unwrap_layers(Body::Json(other.clone())), other.to_string()),
    };
    InvokeResponse {
        status_code,
        response_headers,
        body,
        raw_response,
        envelope,
    }
}

fn status_of(value: &Value) -> Option<u16> {
    match value {
        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn text_body(text: &str) -> Body {
    if text.is_empty() {
        Body::Empty
    } else {
        Body::Text(text.to_string())
    }
}

/// A string that holds JSON becomes JSON; anything else stays text.
fn parse_text(text: &str) -> Body {
    match serde_json::from_str::<Value>(text) {
        Ok(v) => Body::Json(v),
        Err(_) => text_body(text),
    }
}

/// Unwraps `statusMessage` (object or JSON-in-a-string) and JSON strings, layer by layer.
fn unwrap_layers(mut body: Body) -> Body {
    // Each step removes a layer of input, so this ends; the bound is only a guard.
    for _ in 0..8 {
        body = match body {
            Body::Json(Value::Object(mut map)) if map.contains_key("statusMessage") => {
                match map.remove("statusMessage") {
                    Some(Value::String(s)) => parse_text(&s),
                    Some(v) => Body::Json(v),
                    None => Body::Empty,
                }
            }
            Body::Json(Value::String(s)) => match parse_text(&s) {
                Body::Text(t) => return Body::Text(t),
                other => other,
            },
            done => return done,
        };
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_json_response() {
        let r = decode(br#"{"statusCode":200,"response":"{\"a\":1}","responseHeaders":{"x":"y"}}"#);
        assert_eq!(r.status_code, Some(200));
        assert_eq!(r.body, Body::Json(json!({"a":1})));
        assert_eq!(r.response_headers, json!({"x":"y"}));
        assert_eq!(r.raw_response, r#"{"a":1}"#);
    }

    #[test]
    fn string_status_and_string_headers() {
        let r = decode(
            br#"{"statusCode":"404","response":"not here","responseHeaders":"{\"a\":\"b\"}"}"#,
        );
        assert_eq!(r.status_code, Some(404));
        assert_eq!(r.body, Body::Text("not here".into()));
        assert_eq!(r.response_headers, json!({"a":"b"}));
    }

    #[test]
    fn status_message_object_and_string() {
        let object =
            decode(br#"{"statusCode":200,"response":"{\"statusMessage\":{\"data\":[1]}}"}"#);
        assert_eq!(object.body, Body::Json(json!({"data":[1]})));
        let string = decode(
            br#"{"statusCode":200,"response":"{\"statusMessage\":\"{\\\"data\\\":[1]}\"}"}"#,
        );
        assert_eq!(string.body, Body::Json(json!({"data":[1]})));
        let text = decode(br#"{"statusCode":200,"response":"{\"statusMessage\":\"done\"}"}"#);
        assert_eq!(text.body, Body::Text("done".into()));
    }

    #[test]
    fn the_shape_captured_from_desk_is_unwrapped() {
        let json = decode(
            br#"{"statusCode":200,"response":"{\"statusMessage\":{\"data\":[1]},\"status\":\"true\"}"}"#,
        );
        assert_eq!(json.body, Body::Json(json!({"data":[1]})));
        let text = decode(
            br#"{"statusCode":200,"response":"{\"statusMessage\":\"pong\",\"status\":\"true\"}"}"#,
        );
        assert_eq!(text.body, Body::Text("pong".into()));
    }

    #[test]
    fn odd_shapes_never_lose_data() {
        assert_eq!(decode(b"").body, Body::Empty);
        assert_eq!(decode(b"oops").body, Body::Text("oops".into()));
        assert_eq!(decode(b"[1,2]").body, Body::Json(json!([1, 2])));
        let r = decode(br#"{"statusCode":200,"response":{"direct":true}}"#);
        assert_eq!(r.body, Body::Json(json!({"direct":true})));
        let r = decode(br#"{"statusCode":200,"response":null}"#);
        assert_eq!(r.body, Body::Empty);
        let r = decode(br#"{"statusCode":99999,"response":"x"}"#);
        assert_eq!(r.status_code, None);
        assert!(r.is_envelope());
        for not_invoke in [
            &b"<html>login</html>"[..],
            b"\x1f\x8b\x08\x00",
            b"{\"data\":[]}",
            b"",
        ] {
            assert!(!decode(not_invoke).is_envelope(), "{not_invoke:?}");
        }
    }

    #[test]
    fn desk_errors_read_as_one_line() {
        let r = decode(br#"{"statusCode":422,"response":"{\"errorCode\":\"INVALID_DATA\",\"message\":\"key too long\"}"}"#);
        assert_eq!(
            r.body.desk_error().unwrap().one_line(),
            "INVALID_DATA: key too long"
        );
    }
}
