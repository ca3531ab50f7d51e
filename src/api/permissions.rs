//! Custom permissions of the current user: `…/myCustomPermissions`.

use super::error::{Error, Kind, Result};
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permission {
    pub api_name: String,
    pub enabled: bool,
}

impl Permission {
    /// The reply element, as Zoho's "Platform REST APIs" page shows it.
    pub fn to_json(&self) -> Value {
        json!({ "apiName": self.api_name, "isEnabled": self.enabled })
    }

    /// `API_NAME=true|false`, e.g. `canEditTickets=true`.
    pub fn parse(text: &str) -> Result<Permission> {
        let bad = || {
            Error::usage(format!(
                "`{}` is not API_NAME=true|false (e.g. canEditTickets=true)",
                text.escape_default()
            ))
        };
        let (name, value) = text.split_once('=').ok_or_else(bad)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(bad());
        }
        let enabled = match value.trim().to_ascii_lowercase().as_str() {
            "true" => true,
            "false" => false,
            _ => return Err(bad()),
        };
        Ok(Permission {
            api_name: name.to_string(),
            enabled,
        })
    }
}

/// The permissions of a reply: `{"data":[…]}`, `{"permissions":[…]}`, a bare array of
/// `{"apiName", "isEnabled"|"enabled"|"state"}`, or an `{apiName: bool}` object.
pub fn permissions(body: &Value) -> Result<Vec<Permission>> {
    let list = body
        .get("data")
        .or_else(|| body.get("permissions"))
        .unwrap_or(body);
    let enabled = |v: &Value| match v {
        Value::Bool(b) => *b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    };
    let permission = |api_name: String, enabled: bool| Permission { api_name, enabled };
    match list {
        Value::Array(items) => Ok(items
            .iter()
            .filter_map(|p| {
                let name = p.get("apiName")?.as_str()?.to_string();
                let state = p
                    .get("isEnabled")
                    .or_else(|| p.get("enabled"))
                    .or_else(|| p.get("state"));
                Some(permission(name, state.is_some_and(enabled)))
            })
            .collect()),
        Value::Object(map) => Ok(map
            .iter()
            .map(|(k, v)| permission(k.clone(), enabled(v)))
            .collect()),
        Value::Null => Ok(Vec::new()),
        _ => Err(Error::new(
            Kind::Server,
            "unexpected myCustomPermissions reply",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_replies() {
        let p = Permission::parse("canView=FALSE").unwrap();
        assert_eq!((p.api_name.as_str(), p.enabled), ("canView", false));
        for bad in ["canEdit", "canEdit=yes", "=true"] {
            assert!(Permission::parse(bad).is_err(), "{bad}");
        }
        let reply = json!({"data":[Permission { api_name: "a".into(), enabled: true }.to_json(),
            {"apiName":"b","isEnabled":false}]});
        let parsed = permissions(&reply).unwrap();
        assert!(parsed[0].enabled && !parsed[1].enabled);
        assert_eq!(permissions(&json!({"x":true})).unwrap()[0].api_name, "x");
        assert!(permissions(&json!(1)).is_err());
    }
}
