//! Custom permissions of the current user: `…/installedExtensions/{{installationId}}/myCustomPermissions`.

use super::InvokeRequest;
use crate::error::{Error, Kind, Result};
use serde_json::Value;

pub fn url(base: &str) -> String {
    format!("{base}/api/v1/installedExtensions/{{{{installationId}}}}/myCustomPermissions")
}

pub fn get(base: &str, org_id: &str) -> InvokeRequest {
    InvokeRequest::new(super::desk_api_fields(&url(base), "GET", org_id))
}

/// (apiName, enabled) pairs from `{"data":[…]}`, `{"permissions":[…]}`, a bare array, or an
/// `{apiName: bool}` object.
pub fn permissions(body: &Value) -> Result<Vec<(String, bool)>> {
    let list = body
        .get("data")
        .or_else(|| body.get("permissions"))
        .unwrap_or(body);
    let enabled = |v: &Value| match v {
        Value::Bool(b) => *b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    };
    match list {
        Value::Array(items) => Ok(items
            .iter()
            .filter_map(|p| {
                let name = p.get("apiName")?.as_str()?.to_string();
                let state = p
                    .get("enabled")
                    .or_else(|| p.get("state"))
                    .or_else(|| p.get("isEnabled"));
                Some((name, state.is_some_and(enabled)))
            })
            .collect()),
        Value::Object(map) => Ok(map.iter().map(|(k, v)| (k.clone(), enabled(v))).collect()),
        Value::Null => Ok(Vec::new()),
        _ => Err(Error::new(
            Kind::Server,
            "unexpected myCustomPermissions reply",
        )),
    }
}
