//! Extension storage through invoke: `{base}/api/v1/installedExtensions/{{installationId}}/storage`.
//! Builds requests, checks SPEC §2's input rules, reads replies. No I/O here.

use super::InvokeRequest;
use crate::error::{Error, Result};
use crate::signing::{Field, InvokeFields};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const MAX_KEY_CHARS: usize = 50;
pub const MAX_VALUE_BYTES: usize = 5120;

/// One storage item, in the import/export NDJSON format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queriable_value: Option<String>,
    pub value: Value,
}

impl Item {
    /// Checks every rule of SPEC §2 before anything is sent.
    pub fn check(&self) -> Result<()> {
        check_key("key", &self.key)?;
        if let Some(q) = &self.queriable_value {
            check_key("queriableValue", q)?;
        }
        check_value(&self.value)
    }
}

/// key and queriableValue: 1–50 characters of letters, digits and `, _ :` only.
pub fn check_key(what: &str, text: &str) -> Result<()> {
    let count = text.chars().count();
    if count == 0 || count > MAX_KEY_CHARS {
        return Err(Error::usage(format!(
            "{what} must be 1-{MAX_KEY_CHARS} characters, `{}` has {count}",
            crate::output::truncate(text, 60)
        )));
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, ',' | '_' | ':')))
    {
        return Err(Error::usage(format!(
            "{what} `{}` has `{bad}`: only letters, digits and , _ : are allowed",
            crate::output::truncate(text, 60)
        )));
    }
    Ok(())
}

/// value: a JSON object of at most 5,120 bytes (compact).
pub fn check_value(value: &Value) -> Result<()> {
    if !value.is_object() {
        return Err(Error::usage("value must be a JSON object, like {\"a\":1}"));
    }
    let size = value.to_string().len();
    if size > MAX_VALUE_BYTES {
        return Err(Error::usage(format!(
            "value is {size} bytes; storage allows at most {MAX_VALUE_BYTES}"
        )));
    }
    Ok(())
}

pub fn url(base: &str) -> String {
    format!("{base}/api/v1/installedExtensions/{{{{installationId}}}}/storage")
}

/// What `storage get` asks for.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub key: Option<String>,
    pub queriable_value: Option<String>,
    pub from: Option<u64>,
    pub limit: Option<u64>,
}

impl Query {
    /// The key rule of SPEC §2 for the filters.
    pub fn check(&self) -> Result<()> {
        if let Some(key) = &self.key {
            check_key("key", key)?;
        }
        if let Some(q) = &self.queriable_value {
            check_key("queriableValue", q)?;
        }
        Ok(())
    }
}

pub fn get(base: &str, org_id: &str, query: &Query) -> Result<InvokeRequest> {
    query.check()?;
    let mut params = Map::new();
    if let Some(key) = &query.key {
        params.insert("key".into(), key.clone().into());
    }
    if let Some(q) = &query.queriable_value {
        params.insert("queriableValue".into(), q.clone().into());
    }
    if let Some(from) = query.from {
        params.insert("from".into(), from.to_string().into());
    }
    if let Some(limit) = query.limit {
        params.insert("limit".into(), limit.to_string().into());
    }
    let fields = desk_fields(base, org_id, "GET")
        .with(Field::QueryParams, Value::Object(params).to_string());
    Ok(InvokeRequest::new(fields))
}

/// An upsert: the same item put twice is stored once, so it is safe to retry.
pub fn put(base: &str, org_id: &str, item: &Item) -> Result<InvokeRequest> {
    item.check()?;
    let body = serde_json::to_string(item).map_err(|e| Error::usage(e.to_string()))?;
    let fields = desk_fields(base, org_id, "POST").with(Field::PostBody, body);
    Ok(InvokeRequest::new(fields).idempotent(true))
}

pub fn delete(base: &str, org_id: &str, key: &str) -> Result<InvokeRequest> {
    check_key("key", key)?;
    let mut params = Map::new();
    params.insert("key".into(), key.into());
    let fields = desk_fields(base, org_id, "DELETE")
        .with(Field::QueryParams, Value::Object(params).to_string());
    Ok(InvokeRequest::new(fields))
}

fn desk_fields(base: &str, org_id: &str, method: &str) -> InvokeFields {
    super::desk_api_fields(&url(base), method, org_id)
}

/// The items of a GET reply: `{"data":[…]}`, a bare array, or one item object.
pub fn items(body: &Value) -> Result<Vec<Item>> {
    let list = match body {
        Value::Object(map) if map.contains_key("data") => map["data"].clone(),
        Value::Object(map) if map.contains_key("key") => Value::Array(vec![body.clone()]),
        Value::Array(_) => body.clone(),
        Value::Object(map) if map.is_empty() => Value::Array(vec![]),
        Value::Null => Value::Array(vec![]),
        other => {
            return Err(Error::new(
                crate::error::Kind::Server,
                format!(
                    "unexpected storage reply: {}",
                    crate::output::truncate(&other.to_string(), 200)
                ),
            ))
        }
    };
    match list {
        Value::Null => Ok(Vec::new()),
        list => serde_json::from_value(list).map_err(|e| {
            Error::new(
                crate::error::Kind::Server,
                format!("unexpected storage items: {e}"),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_rules() {
        assert!(check_key("key", "a,b_c:1").is_ok());
        assert!(check_key("key", &"k".repeat(50)).is_ok());
        assert!(check_key("key", &"k".repeat(51)).is_err());
        assert!(check_key("key", "").is_err());
        assert!(check_key("key", "a-b").is_err());
        assert!(check_key("key", "é").is_err());
        assert!(check_key("key", "a b").is_err());
    }

    #[test]
    fn value_rules() {
        assert!(check_value(&json!({"a": 1})).is_ok());
        assert!(check_value(&json!([1])).is_err());
        assert!(check_value(&json!("x")).is_err());
        let big = json!({"a": "x".repeat(MAX_VALUE_BYTES)});
        assert!(check_value(&big).is_err());
        let exact = json!({"a": "x".repeat(MAX_VALUE_BYTES - 8)});
        assert_eq!(exact.to_string().len(), MAX_VALUE_BYTES);
        assert!(check_value(&exact).is_ok());
    }

    #[test]
    fn reply_shapes() {
        let item = json!({"key":"k","queriableValue":"q","value":{"a":1}});
        assert_eq!(items(&json!({"data":[item.clone()]})).unwrap().len(), 1);
        assert_eq!(items(&json!([item.clone()])).unwrap()[0].key, "k");
        assert_eq!(
            items(&item).unwrap()[0].queriable_value.as_deref(),
            Some("q")
        );
        assert!(items(&json!({"data":[]})).unwrap().is_empty());
        assert!(items(&json!(42)).is_err());
    }

    #[test]
    fn requests_are_signed_fields() {
        let r = put(
            "https://desk.zoho.com",
            "1",
            &Item {
                key: "k".into(),
                queriable_value: None,
                value: json!({"a":1}),
            },
        )
        .unwrap();
        assert_eq!(
            r.fields.get(Field::PostBody),
            Some(r#"{"key":"k","value":{"a":1}}"#)
        );
        assert_eq!(
            r.fields.get(Field::RequestUrl),
            Some("https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage")
        );
        assert!(r.idempotent);
        assert!(put(
            "b",
            "1",
            &Item {
                key: "bad key".into(),
                queriable_value: None,
                value: json!({})
            }
        )
        .is_err());
    }
}
