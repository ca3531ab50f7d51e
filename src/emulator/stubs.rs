//! Canned answers (`--stub FILE`): an invoke request whose requestURL (after placeholder
//! substitution) matches a stub is answered from it instead of being served or forwarded,
//! so an extension's CI job can run without the APIs it calls.

use super::reply::ApiBody;
use crate::api::method::Method;
use serde::Deserialize;
use serde_json::{Map, Value};

/// One canned answer, as written in the stub file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Stub {
    /// GET, POST, …; any method when absent.
    #[serde(default)]
    pub method: Option<String>,
    /// The whole URL, exact or with `*` standing for any run of characters.
    pub url: String,
    #[serde(default = "ok")]
    pub status: u16,
    #[serde(default)]
    pub headers: Map<String, Value>,
    /// The answer's body: a string as it is, anything else as compact JSON.
    #[serde(default)]
    pub body: Option<Value>,
    /// Or the body from a file (read when the stub file is loaded).
    #[serde(default)]
    pub body_file: Option<std::path::PathBuf>,
}

fn ok() -> u16 {
    200
}

impl Stub {
    pub(super) fn matches(&self, method: Method, url: &str) -> bool {
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| Method::parse(m) == Some(method));
        method_ok && glob_matches(&self.url, url)
    }

    /// The answer's body: a JSON string is the body's text, no body is an empty one.
    pub(super) fn api_body(&self) -> ApiBody<'_> {
        match &self.body {
            None | Some(Value::Null) => ApiBody::Text(""),
            Some(Value::String(text)) => ApiBody::Text(text),
            Some(other) => ApiBody::Json(other),
        }
    }
}

/// `*` matches any run of characters (none included); everything else matches itself.
pub(super) fn glob_matches(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == text; // no `*`
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_as_written() {
        assert!(glob_matches(
            "https://desk.zoho.com/api/v1/tickets",
            "https://desk.zoho.com/api/v1/tickets"
        ));
        assert!(!glob_matches(
            "https://desk.zoho.com/api/v1/tickets",
            "https://desk.zoho.com/api/v1/tickets/1"
        ));
        assert!(glob_matches(
            "https://desk.zoho.com/api/v1/tickets*",
            "https://desk.zoho.com/api/v1/tickets?from=0"
        ));
        assert!(glob_matches("https://*/x/*/y", "https://a.test/x/1/2/y"));
        assert!(!glob_matches("https://*/x", "https://a.test/y"));
        assert!(glob_matches("*", ""));
        assert!(!glob_matches("a*a", "a"));
    }

    #[test]
    fn stubs_match_method_and_url() {
        let stub: Stub = serde_json::from_value(serde_json::json!({
            "method": "get", "url": "https://desk.zoho.com/api/v1/tickets*", "body": {"data": []}
        }))
        .unwrap();
        assert!(stub.matches(Method::Get, "https://desk.zoho.com/api/v1/tickets?limit=1"));
        assert!(!stub.matches(Method::Post, "https://desk.zoho.com/api/v1/tickets"));
        assert_eq!(stub.status, 200);
        assert!(
            matches!(stub.api_body(), ApiBody::Json(body) if *body == serde_json::json!({"data": []}))
        );
    }
}
