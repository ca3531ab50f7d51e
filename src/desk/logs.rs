//! Extension logs through invoke: `POST {base}/api/v1/extensionLogs`.

use super::InvokeRequest;
use crate::error::{Error, Result};
use crate::signing::Field;
use serde_json::{json, Value};

/// Logs that may share one reference (Desk's limit).
pub const MAX_LOGS_PER_REFERENCE: usize = 10;

pub fn url(base: &str) -> String {
    format!("{base}/api/v1/extensionLogs")
}

pub fn post(
    base: &str,
    org_id: &str,
    title: &str,
    description: &str,
    reference: Option<&str>,
) -> Result<InvokeRequest> {
    if title.trim().is_empty() {
        return Err(Error::usage("--title cannot be empty"));
    }
    let body = json!({
        "reference": reference.unwrap_or_default(),
        "description": description,
        "installationId": "{{installationId}}",
        "title": title,
    });
    let fields =
        super::desk_api_fields(&url(base), "POST", org_id).with(Field::PostBody, body.to_string());
    // A log posted twice is two logs: not idempotent.
    Ok(InvokeRequest::new(fields).idempotent(false))
}

/// (logId, parentLogId) from the reply, as text.
pub fn ids(body: &Value) -> (Option<String>, Option<String>) {
    let text = |name: &str| match body.get(name) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    (text("logId").or_else(|| text("id")), text("parentLogId"))
}
