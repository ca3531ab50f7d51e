//! Desk's error body, `{"errorCode": "…", "message": "…"}`: built by the emulator, read by
//! the client.

use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskError {
    pub error_code: String,
    pub message: String,
}

impl DeskError {
    pub fn new(error_code: impl Into<String>, message: impl Into<String>) -> DeskError {
        DeskError {
            error_code: error_code.into(),
            message: message.into(),
        }
    }

    /// The body as a JSON object (callers may add fields, such as the emulator's
    /// `stringToHash`).
    pub fn to_json(&self) -> Map<String, Value> {
        let mut body = Map::new();
        body.insert("errorCode".into(), self.error_code.clone().into());
        body.insert("message".into(), self.message.clone().into());
        body
    }

    /// Reads the shape from any JSON value; either field may be missing, not both.
    pub fn from_json(value: &Value) -> Option<DeskError> {
        let obj = value.as_object()?;
        let text = |name: &str| obj.get(name).and_then(Value::as_str).map(str::to_string);
        let (code, message) = (text("errorCode"), text("message"));
        if code.is_none() && message.is_none() {
            return None;
        }
        Some(DeskError {
            error_code: code.unwrap_or_default(),
            message: message.unwrap_or_default(),
        })
    }

    /// One readable line: `CODE: message`.
    pub fn one_line(&self) -> String {
        match (self.error_code.is_empty(), self.message.is_empty()) {
            (false, false) => format!("{}: {}", self.error_code, self.message),
            (true, _) => self.message.clone(),
            (false, true) => self.error_code.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_and_reads_partial_shapes() {
        let error = DeskError::new("INVALID_DATA", "key too long");
        let value = Value::Object(error.to_json());
        assert_eq!(
            value,
            json!({"errorCode":"INVALID_DATA","message":"key too long"})
        );
        assert_eq!(DeskError::from_json(&value), Some(error));
        assert_eq!(
            DeskError::from_json(&json!({"message":"m"}))
                .unwrap()
                .one_line(),
            "m"
        );
        assert_eq!(DeskError::from_json(&json!({"x":1})), None);
    }
}
