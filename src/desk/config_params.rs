//! Config params through invoke: `…/installedExtensions/{{installationId}}/configParams`.

use super::InvokeRequest;
use crate::error::{Error, Kind, Result};
use crate::signing::Field;
use serde_json::{json, Value};

pub fn url(base: &str) -> String {
    format!("{base}/api/v1/installedExtensions/{{{{installationId}}}}/configParams")
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub value: Value,
    pub secure: bool,
}

pub fn get(base: &str, org_id: &str) -> InvokeRequest {
    InvokeRequest::new(super::desk_api_fields(&url(base), "GET", org_id))
}

/// Posts `{"variables":[{"name":…,"value":…}]}`; setting the same values again is harmless.
pub fn set(base: &str, org_id: &str, pairs: &[(String, String)]) -> Result<InvokeRequest> {
    if pairs.is_empty() {
        return Err(Error::usage("config set needs at least one NAME=VALUE"));
    }
    let variables: Vec<Value> = pairs
        .iter()
        .map(|(n, v)| json!({"name": n, "value": v}))
        .collect();
    let body = json!({ "variables": variables }).to_string();
    let fields = super::desk_api_fields(&url(base), "POST", org_id).with(Field::PostBody, body);
    Ok(InvokeRequest::new(fields).idempotent(true))
}

/// `NAME=VALUE` → (name, value).
pub fn parse_pair(text: &str) -> Result<(String, String)> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(Error::usage(format!("`{text}` is not NAME=VALUE"))),
    }
}

/// The params of a GET reply: `{"data":[…]}`, `{"variables":[…]}` or a bare array.
pub fn params(body: &Value) -> Result<Vec<Param>> {
    let list = body
        .get("data")
        .or_else(|| body.get("variables"))
        .or_else(|| body.get("configParams"))
        .unwrap_or(body);
    if list.is_null() {
        return Ok(Vec::new());
    }
    let Some(list) = list.as_array() else {
        return Err(Error::new(Kind::Server, "unexpected configParams reply"));
    };
    Ok(list
        .iter()
        .filter_map(|p| {
            let name = p.get("name")?.as_str()?.to_string();
            let value = p.get("value").cloned().unwrap_or(Value::Null);
            let secure = match p.get("secure").or_else(|| p.get("isSecure")) {
                Some(Value::Bool(b)) => *b,
                Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
                _ => false,
            };
            Some(Param {
                name,
                value,
                secure,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_and_replies() {
        assert_eq!(parse_pair("a=b=c").unwrap(), ("a".into(), "b=c".into()));
        assert!(parse_pair("=x").is_err());
        assert!(parse_pair("x").is_err());
        let p = params(
            &json!({"data":[{"name":"k","value":"v","secure":true},{"name":"n","value":"1"}]}),
        )
        .unwrap();
        assert_eq!(p.len(), 2);
        assert!(p[0].secure && !p[1].secure);
        assert!(params(&json!("x")).is_err());
        let r = set("https://d", "1", &[("a".into(), "1".into())]).unwrap();
        assert_eq!(
            r.fields.get(Field::PostBody),
            Some(r#"{"variables":[{"name":"a","value":"1"}]}"#)
        );
    }
}
