//! Extension logs: `POST /api/v1/extensionLogs` with
//! `{"reference","description","installationId","title"}`; at most 10 logs share a reference.

use super::endpoints::INSTALLATION_ID;
use super::error::{Error, Result};
use serde_json::{json, Map, Value};

/// Logs that may share one reference (Desk's limit).
pub const MAX_LOGS_PER_REFERENCE: usize = 10;

/// A log to post, as the client sends it and the emulator reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLog {
    pub title: String,
    pub description: Option<String>,
    pub reference: Option<String>,
    /// As written in the body: usually the `{{installationId}}` placeholder.
    pub installation_id: Option<String>,
}

impl NewLog {
    /// The body the client posts.
    pub fn body(title: &str, description: &str, reference: Option<&str>) -> Result<String> {
        if title.trim().is_empty() {
            return Err(Error::usage("a log's title cannot be empty"));
        }
        Ok(json!({
            "reference": reference.unwrap_or_default(),
            "description": description,
            "installationId": INSTALLATION_ID,
            "title": title,
        })
        .to_string())
    }

    /// Reads a (substituted) body as Desk receives it.
    pub fn from_object(mut object: Map<String, Value>) -> Result<NewLog> {
        let optional_text = |value: Option<Value>, name: &str| match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(Error::usage(format!("`{name}` must be a string"))),
        };
        let title = optional_text(object.remove("title"), "title")?
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| Error::usage("the log needs a non-empty `title`"))?;
        let description = optional_text(object.remove("description"), "description")?;
        let reference =
            optional_text(object.remove("reference"), "reference")?.filter(|r| !r.is_empty());
        let installation_id = match object.remove("installationId") {
            None | Some(Value::Null) => None,
            Some(Value::String(id)) => Some(id),
            Some(Value::Number(id)) => Some(id.to_string()),
            Some(_) => return Err(Error::usage("`installationId` must be a string")),
        };
        Ok(NewLog {
            title,
            description,
            reference,
            installation_id,
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_round_trip() {
        let body = NewLog::body("t", "d", Some("r")).unwrap();
        let value: Value = serde_json::from_str(&body).unwrap();
        let log = NewLog::from_object(value.as_object().unwrap().clone()).unwrap();
        assert_eq!(log.title, "t");
        assert_eq!(log.reference.as_deref(), Some("r"));
        assert_eq!(log.installation_id.as_deref(), Some(INSTALLATION_ID));
        assert!(NewLog::body(" ", "d", None).is_err());
        assert_eq!(
            ids(&json!({"logId": 3, "parentLogId": "1"})),
            (Some("3".into()), Some("1".into()))
        );
    }
}
