//! Extension storage: the item, its rules and limits, paging, and the reply shapes. The
//! client checks these before sending; the emulator enforces the same ones.

use super::error::{Error, Kind, Result};
use super::text::{escape_control, json_len, truncate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const MAX_KEY_CHARS: usize = 50;
/// A value's size as compact JSON: 5,120 bytes (5 KiB), the tool's contract's reading of
/// Zoho's "cannot exceed 5.1 KB" ("Create Data Storage"; docs/desk-behaviour.md row 8).
pub const MAX_VALUE_BYTES: usize = 5120;
/// How deep a value may nest (objects and arrays), on both sides. A stored value is read back
/// inside Desk's reply, itself inside the envelope's `response` string and maybe a
/// `statusMessage`: JSON parsers stop at 128 levels (serde_json does), so a value nested
/// deeper than this could be written and never read again.
pub const MAX_VALUE_DEPTH: usize = 64;
/// Paging of `GET …/storage` (Zoho, "Get Storage Data"): `from` is 0-based; without `limit`
/// Desk serves 20 items; its own example pages by 100, the most the emulator serves.
pub const FIRST_FROM: u64 = 0;
pub const DEFAULT_LIMIT: u64 = 20;
pub const MAX_LIMIT: u64 = 100;
/// Items one `POST …/storage` may carry as a JSON array (Zoho, "Create Data Storage").
pub const MAX_BATCH: usize = 10;

/// The window of Desk's storage rate limits (Zoho, "Data Storage", Limitations: per minute,
/// per installation).
pub const RATE_WINDOW: std::time::Duration = std::time::Duration::from_secs(60);

/// The operation classes Desk limits separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateClass {
    /// create/update: 50 requests per window
    Write,
    /// get: 250 requests per window
    Read,
    /// delete: 50 requests per window
    Delete,
}

impl RateClass {
    pub const ALL: [RateClass; 3] = [RateClass::Write, RateClass::Read, RateClass::Delete];

    /// The class of a storage request by its method.
    pub fn of(method: super::method::Method) -> RateClass {
        use super::method::Method;
        match method {
            Method::Get => RateClass::Read,
            Method::Delete => RateClass::Delete,
            Method::Post | Method::Put | Method::Patch => RateClass::Write,
        }
    }

    /// Requests Desk admits per `RATE_WINDOW`.
    pub fn limit(self) -> u32 {
        match self {
            RateClass::Write => 50,
            RateClass::Read => 250,
            RateClass::Delete => 50,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            RateClass::Write => "storage create/update",
            RateClass::Read => "storage get",
            RateClass::Delete => "storage delete",
        }
    }
}

/// One storage item, in the import/export NDJSON format and on the wire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queriable_value: Option<String>,
    pub value: Value,
}

impl Item {
    /// Checks every rule before anything is sent or stored. A queriableValue is required:
    /// Zoho's current "Create Data Storage" says it "cannot be NULL".
    pub fn check(&self) -> Result<()> {
        check_key("key", &self.key)?;
        match &self.queriable_value {
            Some(q) => check_key("queriableValue", q)?,
            None => {
                return Err(Error::usage(format!(
                    "item `{}` has no queriableValue: Desk refuses a missing or null one",
                    escape_control(&truncate(&self.key, 60))
                )))
            }
        }
        check_value(&self.value)
    }

    /// An item from a JSON object as Desk receives it, with a message naming what is wrong.
    pub fn from_object(mut object: Map<String, Value>) -> Result<Item> {
        let key = match object.remove("key") {
            Some(Value::String(key)) => key,
            Some(_) => return Err(Error::usage("`key` must be a string")),
            None => return Err(Error::usage("the item needs a `key`")),
        };
        let queriable_value = match object.remove("queriableValue") {
            None | Some(Value::Null) => None,
            Some(Value::String(value)) => Some(value),
            Some(_) => return Err(Error::usage("`queriableValue` must be a string")),
        };
        let value = match object.remove("value") {
            Some(value @ Value::Object(_)) => value,
            Some(_) => return Err(Error::usage("`value` must be a JSON object")),
            None => return Err(Error::usage("the item needs a `value` (a JSON object)")),
        };
        if let Some(unknown) = object.keys().next() {
            let hint = match unknown.as_str() {
                "queriable_value" | "queriablevalue" | "QueriableValue" => {
                    " (did you mean `queriableValue`?)"
                }
                _ => "",
            };
            return Err(Error::usage(format!(
                "unknown field `{}`{hint}: an item has only key, queriableValue and value",
                escape_control(&truncate(unknown, 60))
            )));
        }
        let item = Item {
            key,
            queriable_value,
            value,
        };
        item.check()?;
        Ok(item)
    }

    /// Items of a POST body: one object, or an array of 1–10 (`MAX_BATCH`) objects.
    pub fn from_body(body: Value) -> Result<Vec<Item>> {
        let objects = match body {
            Value::Object(object) => vec![object],
            Value::Array(list) if list.is_empty() || list.len() > MAX_BATCH => {
                return Err(Error::usage(format!(
                    "an array of items holds 1 to {MAX_BATCH} items, not {}",
                    list.len()
                )))
            }
            Value::Array(list) => list
                .into_iter()
                .enumerate()
                .map(|(i, v)| match v {
                    Value::Object(object) => Ok(object),
                    _ => Err(Error::usage(format!("item [{i}] must be a JSON object"))),
                })
                .collect::<Result<_>>()?,
            _ => {
                return Err(Error::usage(
                    "the body must be an item or an array of items",
                ))
            }
        };
        let many = objects.len() > 1;
        objects
            .into_iter()
            .enumerate()
            .map(|(i, object)| {
                Item::from_object(object).map_err(|e| match many {
                    true => Error::usage(format!("item [{i}]: {}", e.message)),
                    false => e,
                })
            })
            .collect()
    }

    /// The item as a reply element: `queriableValue` is always there, `null` when unset.
    /// It takes the item: a copy of its value was a tenth of the emulator's work per write.
    pub fn into_reply_json(self) -> Value {
        // Built by hand: `json!` serialises its values from references, a copy.
        let mut reply = Map::with_capacity(3);
        reply.insert("key".into(), Value::String(self.key));
        reply.insert(
            "queriableValue".into(),
            self.queriable_value.map_or(Value::Null, Value::String),
        );
        reply.insert("value".into(), self.value);
        Value::Object(reply)
    }
}

/// key and queriableValue: 1–50 characters of letters, digits and `, _ : -` only (Zoho lists
/// `, _ :`; its own REST example stores `color-red-data-id-278783`).
pub fn check_key(what: &str, text: &str) -> Result<()> {
    let count = text.chars().count();
    if count == 0 || count > MAX_KEY_CHARS {
        return Err(Error::usage(format!(
            "{what} must be 1-{MAX_KEY_CHARS} characters, `{}` has {count}",
            escape_control(&truncate(text, 60))
        )));
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, ',' | '_' | ':' | '-')))
    {
        return Err(Error::usage(format!(
            "{what} `{}` has `{}`: only letters, digits and , _ : - are allowed",
            escape_control(&truncate(text, 60)),
            bad.escape_default()
        )));
    }
    Ok(())
}

/// value: a JSON object of at most `MAX_VALUE_BYTES` (compact).
pub fn check_value(value: &Value) -> Result<()> {
    if !value.is_object() {
        return Err(Error::usage("value must be a JSON object, like {\"a\":1}"));
    }
    let size = json_len(value);
    if size > MAX_VALUE_BYTES {
        return Err(Error::usage(format!(
            "value is {size} bytes; storage allows at most {MAX_VALUE_BYTES}"
        )));
    }
    let depth = nesting_depth(value);
    if depth > MAX_VALUE_DEPTH {
        return Err(Error::usage(format!(
            "value nests {depth} levels deep; storage allows at most {MAX_VALUE_DEPTH}, so that it can be read back"
        )));
    }
    Ok(())
}

/// How many objects and arrays deep `value` nests (`{"a":1}` is 1), without recursion.
fn nesting_depth(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 1)];
    while let Some((value, depth)) = stack.pop() {
        match value {
            Value::Object(map) => stack.extend(map.values().map(|child| (child, depth + 1))),
            Value::Array(items) => stack.extend(items.iter().map(|child| (child, depth + 1))),
            _ => continue,
        }
        deepest = deepest.max(depth);
    }
    deepest
}

/// `from` and `limit` as (offset, limit), with the defaults filled in.
pub fn page_bounds(from: Option<u64>, limit: Option<u64>) -> Result<(u64, u64)> {
    let from = from.unwrap_or(FIRST_FROM);
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(Error::usage(format!(
            "`limit` must be between 1 and {MAX_LIMIT}, not {limit}"
        )));
    }
    Ok((from - FIRST_FROM, limit))
}

/// What `GET …/storage` asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub key: Option<String>,
    pub queriable_value: Option<String>,
    pub from: Option<u64>,
    pub limit: Option<u64>,
}

impl Query {
    /// The filter rules: Desk needs at least one of key and queriableValue, each following the
    /// key rule; paging within bounds.
    pub fn check(&self) -> Result<()> {
        if self.key.is_none() && self.queriable_value.is_none() {
            return Err(Error::usage(
                "a storage read needs a key or a queriableValue (Desk lists nothing unfiltered)",
            ));
        }
        if let Some(key) = &self.key {
            check_key("key", key)?;
        }
        if let Some(q) = &self.queriable_value {
            check_key("queriableValue", q)?;
        }
        page_bounds(self.from, self.limit).map(drop)
    }

    /// The queryParams object, in a fixed order.
    pub fn to_params(&self) -> Value {
        let mut params = Map::new();
        if let Some(key) = &self.key {
            params.insert("key".into(), key.clone().into());
        }
        if let Some(q) = &self.queriable_value {
            params.insert("queriableValue".into(), q.clone().into());
        }
        if let Some(from) = self.from {
            params.insert("from".into(), from.to_string().into());
        }
        if let Some(limit) = self.limit {
            params.insert("limit".into(), limit.to_string().into());
        }
        Value::Object(params)
    }
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
                Kind::Server,
                format!(
                    "unexpected storage reply: {}",
                    truncate(&other.to_string(), 200)
                ),
            ))
        }
    };
    match list {
        Value::Null => Ok(Vec::new()),
        list => serde_json::from_value(list)
            .map_err(|e| Error::new(Kind::Server, format!("unexpected storage items: {e}"))),
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
        assert!(check_key("key", "color-red-data-id-278783").is_ok());
        assert!(check_key("key", "é").is_err());
        assert!(check_key("key", "a b").is_err());
        let message = check_key("key", "a\u{1b}b").unwrap_err().message;
        assert!(!message.contains('\u{1b}'), "{message}");
    }

    #[test]
    fn values_nested_deeper_than_can_be_read_back_are_refused() {
        let nested = |levels: usize| -> Value {
            let text = "{\"a\":".repeat(levels) + "1" + &"}".repeat(levels);
            serde_json::from_str(&text).unwrap()
        };
        assert_eq!(nesting_depth(&nested(1)), 1);
        assert_eq!(nesting_depth(&json!({"a": [1, {"b": []}]})), 4);
        assert!(check_value(&nested(MAX_VALUE_DEPTH)).is_ok());
        let error = check_value(&nested(MAX_VALUE_DEPTH + 1)).unwrap_err();
        assert!(error.message.contains("levels deep"), "{}", error.message);
        // What is accepted comes back through the whole reply: the envelope's `response`
        // string holding Desk's body, with `statusMessage` around it.
        let deepest = json!({"statusMessage": {"modules": [{"value": nested(MAX_VALUE_DEPTH)}]}});
        let response = json!({"response": deepest.to_string()}).to_string();
        let outer: Value = serde_json::from_str(&response).unwrap();
        let inner: Value = serde_json::from_str(outer["response"].as_str().unwrap()).unwrap();
        assert_eq!(nesting_depth(&inner), MAX_VALUE_DEPTH + 4);
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
    fn items_from_objects() {
        let object = |v: Value| v.as_object().unwrap().clone();
        let ok = Item::from_object(object(
            json!({"key":"k","queriableValue":"q","value":{"a":1}}),
        ))
        .unwrap();
        assert_eq!(ok.queriable_value.as_deref(), Some("q"));
        assert_eq!(
            ok.into_reply_json(),
            json!({"key":"k","queriableValue":"q","value":{"a":1}})
        );
        for bad in [
            json!({"value":{}}),
            json!({"key":1,"value":{}}),
            json!({"key":"k"}),
            json!({"key":"k","value":[1]}),
            json!({"key":"k","queriableValue":2,"value":{}}),
            json!({"key":"bad key","value":{}}),
            json!({"key":"k","value":{},"queriable_value":"q"}),
            json!({"key":"k","value":{}}),
            json!({"key":"k","queriableValue":null,"value":{}}),
        ] {
            assert!(Item::from_object(object(bad.clone())).is_err(), "{bad}");
        }
    }

    #[test]
    fn paging_bounds_and_filters() {
        assert_eq!(page_bounds(None, None).unwrap(), (0, 20));
        assert_eq!(page_bounds(Some(0), Some(100)).unwrap(), (0, 100));
        assert_eq!(page_bounds(Some(3), Some(100)).unwrap(), (3, 100));
        assert!(page_bounds(None, Some(0)).is_err());
        assert!(page_bounds(None, Some(MAX_LIMIT + 1)).is_err());
        assert!(Query::default().check().is_err());
        let by_group = Query {
            queriable_value: Some("g".into()),
            ..Query::default()
        };
        assert!(by_group.check().is_ok());
        assert!(Query {
            limit: Some(101),
            ..by_group
        }
        .check()
        .is_err());
    }

    #[test]
    fn bodies_hold_one_item_or_up_to_ten() {
        let one = json!({"key":"k","queriableValue":"q","value":{}});
        assert_eq!(Item::from_body(one.clone()).unwrap().len(), 1);
        assert_eq!(
            Item::from_body(json!([one.clone(), one.clone()]))
                .unwrap()
                .len(),
            2
        );
        assert!(Item::from_body(json!([])).is_err());
        assert!(Item::from_body(Value::Array(vec![one.clone(); 11])).is_err());
        let bad = Item::from_body(json!([one, {"key":"a b","queriableValue":"q","value":{}}]))
            .unwrap_err();
        assert!(bad.message.starts_with("item [1]:"), "{}", bad.message);
        assert!(Item::from_body(json!("x")).is_err());
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
}
