//! Desk's extension-data APIs, served from the emulator's database. These are what an invoke
//! request reaches when its requestURL points at a Desk host (`https://desk.zoho.com/…`, any
//! data center) or at the emulator itself. `{id}` is the installation id (`--installation-id`,
//! usually written `{{installationId}}`); another id answers 404 `INSTALLATION_NOT_FOUND`.
//!
//! Query parameters come from the requestURL's own query and from the queryParams field
//! (a JSON object; numbers are accepted for numeric parameters). Bodies come from postBody.
//! Every reply below is the called API's answer: its status becomes the invoke response's
//! `statusCode` and its JSON body the `response` string (wrapped per `--response-wrap`).
//!
//! **Storage** `/api/v1/installedExtensions/{id}/storage`
//! - `GET` params `key`, `queriableValue` (both optional; both must match when given),
//!   `from` (1-based, default 1), `limit` (default 10, 1..=100, more is a 400 rather than a
//!   silent cap, so a client paging "until a short page" cannot stop early). Items come in
//!   insertion order (an update keeps its place), so paging is deterministic:
//!   `200 {"data":[{"key":"k","queriableValue":"q"|null,"value":{…}}, …]}` (`"data":[]` when
//!   nothing matches).
//! - `POST` (or `PUT`) body `{"key":"k","queriableValue":"q","value":{…}}`, queriableValue
//!   optional: inserts or replaces the item; `200` with the stored object, same shape as a
//!   `data` element.
//! - `DELETE` param `key`: `200 {"key":"k","deleted":true}`, or `"deleted":false` when there
//!   was no such item (idempotent, so a retried delete does not fail).
//! - Rules (SPEC §2): key and queriableValue are 1–50 characters of ASCII letters, digits and
//!   `,` `_` `:`; value is a JSON object of at most 5,120 bytes as compact JSON.
//!
//! **Config params** `/api/v1/installedExtensions/{id}/configParams`
//! - `GET`: `200 {"data":[{"name":"n","value":"v","secure":false}, …]}` in the order the
//!   params were first set; secure values are returned in full (a client masks them).
//! - `POST` (or `PUT`) body `{"variables":[{"name":"n","value":"v","secure":true}, …]}`,
//!   `secure` optional (a new param defaults to false, an existing one keeps its flag);
//!   names are 1–100 characters of ASCII letters, digits and `_` `.` `-` (so each is usable as
//!   a `{{name}}` placeholder), values strings. `200 {"data":[…the params as stored…]}`.
//!
//! **Extension logs** `/api/v1/extensionLogs`
//! - `POST` body `{"title":"t","description":"d","reference":"r","installationId":"{{installationId}}"}`
//!   (title and installationId required, the others optional):
//!   `200 {"logId":"12","parentLogId":"7"}` (ids are strings, as Desk's ids are). The first
//!   live log of a reference is the parent of the later ones; a log without reference is its
//!   own parent. An eleventh live log of one reference is `400 LOG_LIMIT_EXCEEDED`. Logs
//!   expire three days after they were posted.
//! - `GET` params `reference`, `from`, `limit` as for storage:
//!   `200 {"data":[{"logId","parentLogId","reference","title","description","installationId","createdTime"}]}`
//!   with createdTime in RFC 3339 UTC.
//!
//! **Custom permissions** `/api/v1/installedExtensions/{id}/myCustomPermissions`
//! - `GET`: `200 {"data":[{"apiName":"canEdit","enabled":true}, …]}` from the emulator's
//!   `--permission apiName=true|false` flags, in flag order.
//!
//! **Errors** are `{"errorCode":"…","message":"…"}` with status 400 (`INVALID_DATA`,
//! `LOG_LIMIT_EXCEEDED`), 404 (`URL_NOT_FOUND`, `INSTALLATION_NOT_FOUND`) or 405
//! (`METHOD_NOT_ALLOWED`).

use super::store::{
    self, AddLog, ConfigParamUpdate, LogEntry, NewLog, StorageItem, StorageQuery, Store, StoreError,
};
use crate::desk::storage::{check_key, check_value};
use serde_json::{json, Map, Value};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const DEFAULT_LIMIT: u64 = 10;
pub const MAX_LIMIT: u64 = 100;
const MAX_PARAM_NAME_CHARS: usize = 100;

/// HTTP methods an invoke request may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn parse(text: &str) -> Option<Method> {
        let method = match text.trim().to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            _ => return None,
        };
        Some(method)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One call to a Desk API, after placeholder substitution.
pub struct DeskCall<'a> {
    pub method: Method,
    pub path: &'a str,
    pub query: &'a [(String, String)],
    pub body: Option<&'a str>,
}

/// The called API's answer.
#[derive(Debug)]
pub struct DeskReply {
    pub status: u16,
    pub body: Value,
}

impl DeskReply {
    fn ok(body: Value) -> DeskReply {
        DeskReply { status: 200, body }
    }

    fn error(status: u16, code: &str, message: impl Into<String>) -> DeskReply {
        DeskReply {
            status,
            body: json!({ "errorCode": code, "message": message.into() }),
        }
    }

    fn invalid(message: impl Into<String>) -> DeskReply {
        DeskReply::error(400, "INVALID_DATA", message)
    }

    fn method_not_allowed(method: Method, allowed: &str) -> DeskReply {
        DeskReply::error(
            405,
            "METHOD_NOT_ALLOWED",
            format!("{} is not supported here; use {allowed}", method.as_str()),
        )
    }
}

/// What the APIs need from the emulator.
pub struct Installation<'a> {
    pub store: &'a Store,
    pub installation_id: &'a str,
    pub permissions: &'a [(String, bool)],
}

enum Endpoint {
    Storage,
    ConfigParams,
    Permissions,
    Logs,
}

/// Serves one call; `Err` only when the database itself fails.
pub async fn serve(
    installation: &Installation<'_>,
    call: &DeskCall<'_>,
) -> Result<DeskReply, StoreError> {
    let endpoint = match route(installation.installation_id, call.path) {
        Ok(endpoint) => endpoint,
        Err(reply) => return Ok(reply),
    };
    let result = match endpoint {
        Endpoint::Storage => storage(installation, call).await,
        Endpoint::ConfigParams => config_params(installation, call).await,
        Endpoint::Permissions => Ok(permissions(installation, call)),
        Endpoint::Logs => logs(installation, call).await,
    };
    result.map(|reply| reply.unwrap_or_else(|rejection| rejection))
}

/// A request-level answer (`Err`) or a database failure.
type Handled = Result<Result<DeskReply, DeskReply>, StoreError>;

fn route(installation_id: &str, path: &str) -> Result<Endpoint, DeskReply> {
    let path = path.trim_end_matches('/');
    if path == "/api/v1/extensionLogs" {
        return Ok(Endpoint::Logs);
    }
    let segments: Vec<&str> = path.split('/').collect();
    if let ["", "api", "v1", "installedExtensions", id, api] = segments.as_slice() {
        let endpoint = match *api {
            "storage" => Endpoint::Storage,
            "configParams" => Endpoint::ConfigParams,
            "myCustomPermissions" => Endpoint::Permissions,
            _ => return Err(unknown_url(path)),
        };
        if *id != installation_id {
            return Err(DeskReply::error(
                404,
                "INSTALLATION_NOT_FOUND",
                format!(
                    "no installed extension with id `{id}`; this emulator serves installation {installation_id} (write {{{{installationId}}}} in the URL)"
                ),
            ));
        }
        return Ok(endpoint);
    }
    Err(unknown_url(path))
}

fn unknown_url(path: &str) -> DeskReply {
    DeskReply::error(
        404,
        "URL_NOT_FOUND",
        format!(
            "the emulator does not serve `{path}`; it serves /api/v1/installedExtensions/{{{{installationId}}}}/storage, …/configParams, …/myCustomPermissions and /api/v1/extensionLogs"
        ),
    )
}

// ---------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------

async fn storage(installation: &Installation<'_>, call: &DeskCall<'_>) -> Handled {
    let installation_id = installation.installation_id.to_string();
    match call.method {
        Method::Get => {
            let query = match storage_query(call.query) {
                Ok(query) => query,
                Err(rejection) => return Ok(Err(rejection)),
            };
            let items = installation
                .store
                .run_with_cursor(move |db, cursor| {
                    store::list_items(db, cursor, &installation_id, &query)
                })
                .await?;
            let data: Vec<Value> = items.iter().map(StorageItem::to_json).collect();
            Ok(Ok(DeskReply::ok(json!({ "data": data }))))
        }
        Method::Post | Method::Put => {
            let item = match storage_item(call.body) {
                Ok(item) => item,
                Err(rejection) => return Ok(Err(rejection)),
            };
            let reply = item.to_json();
            installation
                .store
                .write(move |db| store::put_item(db, &installation_id, &item))
                .await?;
            Ok(Ok(DeskReply::ok(reply)))
        }
        Method::Delete => {
            let key = match single_param(call.query, "key") {
                Ok(Some(key)) => key.to_string(),
                Ok(None) => return Ok(Err(DeskReply::invalid("DELETE needs the `key` parameter"))),
                Err(rejection) => return Ok(Err(rejection)),
            };
            if let Err(e) = check_key("key", &key) {
                return Ok(Err(DeskReply::invalid(e.message)));
            }
            let reply_key = key.clone();
            let deleted = installation
                .store
                .write(move |db| store::delete_item(db, &installation_id, &key))
                .await?;
            Ok(Ok(DeskReply::ok(
                json!({ "key": reply_key, "deleted": deleted }),
            )))
        }
        Method::Patch => Ok(Err(DeskReply::method_not_allowed(
            call.method,
            "GET, POST, PUT or DELETE",
        ))),
    }
}

fn storage_query(query: &[(String, String)]) -> Result<StorageQuery, DeskReply> {
    let key = single_param(query, "key")?.map(str::to_string);
    let queriable_value = single_param(query, "queriableValue")?.map(str::to_string);
    for (name, value) in [("key", &key), ("queriableValue", &queriable_value)] {
        if let Some(value) = value {
            check_key(name, value).map_err(|e| DeskReply::invalid(e.message))?;
        }
    }
    let (offset, limit) = paging(query)?;
    Ok(StorageQuery {
        key,
        queriable_value,
        offset,
        limit,
    })
}

/// `from` (1-based) and `limit` as (offset, limit).
fn paging(query: &[(String, String)]) -> Result<(u64, u64), DeskReply> {
    let number = |name: &str, default: u64| -> Result<u64, DeskReply> {
        match single_param(query, name)? {
            None => Ok(default),
            Some(text) => text.trim().parse::<u64>().map_err(|_| {
                DeskReply::invalid(format!(
                    "`{name}` must be a positive whole number, not `{text}`"
                ))
            }),
        }
    };
    let from = number("from", 1)?;
    let limit = number("limit", DEFAULT_LIMIT)?;
    if from == 0 {
        return Err(DeskReply::invalid("`from` starts at 1"));
    }
    if limit == 0 || limit > MAX_LIMIT {
        return Err(DeskReply::invalid(format!(
            "`limit` must be between 1 and {MAX_LIMIT}, not {limit}"
        )));
    }
    Ok((from - 1, limit))
}

fn storage_item(body: Option<&str>) -> Result<StorageItem, DeskReply> {
    let mut object = json_object_body(body)?;
    let key = match object.remove("key") {
        Some(Value::String(key)) => key,
        Some(_) => return Err(DeskReply::invalid("`key` must be a string")),
        None => return Err(DeskReply::invalid("the item needs a `key`")),
    };
    check_key("key", &key).map_err(|e| DeskReply::invalid(e.message))?;
    let queriable_value = match object.remove("queriableValue") {
        None | Some(Value::Null) => None,
        Some(Value::String(value)) => {
            check_key("queriableValue", &value).map_err(|e| DeskReply::invalid(e.message))?;
            Some(value)
        }
        Some(_) => return Err(DeskReply::invalid("`queriableValue` must be a string")),
    };
    let value = match object.remove("value") {
        Some(value @ Value::Object(_)) => value,
        Some(_) => return Err(DeskReply::invalid("`value` must be a JSON object")),
        None => {
            return Err(DeskReply::invalid(
                "the item needs a `value` (a JSON object)",
            ))
        }
    };
    check_value(&value).map_err(|e| DeskReply::invalid(e.message))?;
    Ok(StorageItem {
        key,
        queriable_value,
        value,
    })
}

// ---------------------------------------------------------------------------------------
// Config params
// ---------------------------------------------------------------------------------------

async fn config_params(installation: &Installation<'_>, call: &DeskCall<'_>) -> Handled {
    let installation_id = installation.installation_id.to_string();
    match call.method {
        Method::Get => {
            let params = installation
                .store
                .run(move |db| store::config_params(db, &installation_id))
                .await?;
            let data: Vec<Value> = params.iter().map(store::ConfigParam::to_json).collect();
            Ok(Ok(DeskReply::ok(json!({ "data": data }))))
        }
        Method::Post | Method::Put => {
            let updates = match config_updates(call.body) {
                Ok(updates) => updates,
                Err(rejection) => return Ok(Err(rejection)),
            };
            let stored = installation
                .store
                .run(move |db| store::set_config_params(db, &installation_id, &updates))
                .await?;
            let data: Vec<Value> = stored.iter().map(store::ConfigParam::to_json).collect();
            Ok(Ok(DeskReply::ok(json!({ "data": data }))))
        }
        Method::Patch | Method::Delete => Ok(Err(DeskReply::method_not_allowed(
            call.method,
            "GET, POST or PUT",
        ))),
    }
}

fn config_updates(body: Option<&str>) -> Result<Vec<ConfigParamUpdate>, DeskReply> {
    let mut object = json_object_body(body)?;
    let Some(Value::Array(variables)) = object.remove("variables") else {
        return Err(DeskReply::invalid(
            "the body must be {\"variables\":[{\"name\":…,\"value\":…}]}",
        ));
    };
    if variables.is_empty() {
        return Err(DeskReply::invalid("`variables` is empty"));
    }
    variables
        .into_iter()
        .enumerate()
        .map(|(index, variable)| {
            let Value::Object(mut variable) = variable else {
                return Err(DeskReply::invalid(format!(
                    "variables[{index}] must be an object"
                )));
            };
            let name = match variable.remove("name") {
                Some(Value::String(name)) => name,
                _ => {
                    return Err(DeskReply::invalid(format!(
                        "variables[{index}] needs a string `name`"
                    )))
                }
            };
            check_param_name(&name).map_err(DeskReply::invalid)?;
            let value = match variable.remove("value") {
                Some(Value::String(value)) => value,
                _ => {
                    return Err(DeskReply::invalid(format!(
                        "variables[{index}] (`{name}`) needs a string `value`"
                    )))
                }
            };
            let secure = match variable.remove("secure") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(secure)) => Some(secure),
                Some(_) => {
                    return Err(DeskReply::invalid(format!(
                        "variables[{index}] (`{name}`): `secure` must be true or false"
                    )))
                }
            };
            Ok(ConfigParamUpdate {
                name,
                value,
                secure,
            })
        })
        .collect()
}

fn check_param_name(name: &str) -> Result<(), String> {
    let count = name.chars().count();
    // Every param must be usable as a `{{name}}` placeholder.
    let valid_chars = name.chars().all(super::placeholders::is_name_char);
    if count == 0 || count > MAX_PARAM_NAME_CHARS || !valid_chars {
        return Err(format!(
            "config param name `{name}` must be 1 to {MAX_PARAM_NAME_CHARS} characters of letters, digits and _ . -"
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------------------

fn permissions(
    installation: &Installation<'_>,
    call: &DeskCall<'_>,
) -> Result<DeskReply, DeskReply> {
    if call.method != Method::Get {
        return Err(DeskReply::method_not_allowed(call.method, "GET"));
    }
    let data: Vec<Value> = installation
        .permissions
        .iter()
        .map(|(api_name, enabled)| json!({ "apiName": api_name, "enabled": enabled }))
        .collect();
    Ok(DeskReply::ok(json!({ "data": data })))
}

// ---------------------------------------------------------------------------------------
// Logs
// ---------------------------------------------------------------------------------------

async fn logs(installation: &Installation<'_>, call: &DeskCall<'_>) -> Handled {
    let installation_id = installation.installation_id.to_string();
    let now_ms = now_ms();
    match call.method {
        Method::Get => {
            let (reference, offset, limit) = match log_query(call.query) {
                Ok(query) => query,
                Err(rejection) => return Ok(Err(rejection)),
            };
            let reply_installation = installation_id.clone();
            let entries = installation
                .store
                .run(move |db| {
                    store::logs(
                        db,
                        &installation_id,
                        reference.as_deref(),
                        offset,
                        limit,
                        now_ms,
                    )
                })
                .await?;
            let data: Vec<Value> = entries
                .iter()
                .map(|entry| log_json(entry, &reply_installation))
                .collect();
            Ok(Ok(DeskReply::ok(json!({ "data": data }))))
        }
        Method::Post => {
            let log = match new_log(call.body, &installation_id) {
                Ok(log) => log,
                Err(rejection) => return Ok(Err(rejection)),
            };
            let outcome = installation
                .store
                .run(move |db| store::add_log(db, &installation_id, &log, now_ms))
                .await?;
            Ok(match outcome {
                AddLog::Added(entry) => Ok(DeskReply::ok(json!({
                    "logId": entry.log_id.to_string(),
                    "parentLogId": entry.parent_log_id.to_string(),
                }))),
                AddLog::LimitReached => Err(DeskReply::error(
                    400,
                    "LOG_LIMIT_EXCEEDED",
                    format!(
                        "this reference already has {} logs; at most {} logs share a reference",
                        store::MAX_LOGS_PER_REFERENCE,
                        store::MAX_LOGS_PER_REFERENCE
                    ),
                )),
            })
        }
        Method::Put | Method::Patch | Method::Delete => Ok(Err(DeskReply::method_not_allowed(
            call.method,
            "GET or POST",
        ))),
    }
}

fn log_query(query: &[(String, String)]) -> Result<(Option<String>, u64, u64), DeskReply> {
    let reference = single_param(query, "reference")?.map(str::to_string);
    let (offset, limit) = paging(query)?;
    Ok((reference, offset, limit))
}

fn new_log(body: Option<&str>, installation_id: &str) -> Result<NewLog, DeskReply> {
    let mut object = json_object_body(body)?;
    let optional_text = |value: Option<Value>, name: &str| match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(DeskReply::invalid(format!("`{name}` must be a string"))),
    };
    let title = optional_text(object.remove("title"), "title")?
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| DeskReply::invalid("the log needs a non-empty `title`"))?;
    let description = optional_text(object.remove("description"), "description")?;
    let reference =
        optional_text(object.remove("reference"), "reference")?.filter(|r| !r.is_empty());
    let given_installation = match object.remove("installationId") {
        Some(Value::String(id)) => id,
        Some(Value::Number(id)) => id.to_string(),
        _ => {
            return Err(DeskReply::invalid(
                "the log needs `installationId` (write \"{{installationId}}\")",
            ))
        }
    };
    if given_installation != installation_id {
        return Err(DeskReply::error(
            404,
            "INSTALLATION_NOT_FOUND",
            format!(
                "no installed extension with id `{given_installation}`; this emulator serves installation {installation_id}"
            ),
        ));
    }
    Ok(NewLog {
        reference,
        title,
        description,
    })
}

fn log_json(entry: &LogEntry, installation_id: &str) -> Value {
    let created = UNIX_EPOCH + Duration::from_millis(u64::try_from(entry.created_ms).unwrap_or(0));
    json!({
        "logId": entry.log_id.to_string(),
        "parentLogId": entry.parent_log_id.to_string(),
        "reference": entry.reference,
        "title": entry.title,
        "description": entry.description,
        "installationId": installation_id,
        "createdTime": humantime::format_rfc3339_millis(created).to_string(),
    })
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------
// Shared input helpers
// ---------------------------------------------------------------------------------------

/// The one value of parameter `name`; given twice is ambiguous, hence refused.
fn single_param<'q>(
    query: &'q [(String, String)],
    name: &str,
) -> Result<Option<&'q str>, DeskReply> {
    let mut values = query
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str());
    let first = values.next();
    if values.next().is_some() {
        return Err(DeskReply::invalid(format!(
            "parameter `{name}` is given more than once"
        )));
    }
    Ok(first)
}

fn json_object_body(body: Option<&str>) -> Result<Map<String, Value>, DeskReply> {
    let body = body
        .filter(|b| !b.trim().is_empty())
        .ok_or_else(|| DeskReply::invalid("postBody is missing; this API takes a JSON object"))?;
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(DeskReply::invalid("postBody must be a JSON object")),
        Err(e) => Err(DeskReply::invalid(format!(
            "postBody is not valid JSON: {e}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::storage::MAX_VALUE_BYTES;

    #[test]
    fn items_are_validated() {
        let ok = storage_item(Some(r#"{"key":"k","queriableValue":"q","value":{"a":1}}"#)).unwrap();
        assert_eq!(ok.queriable_value.as_deref(), Some("q"));
        assert!(storage_item(Some(r#"{"key":"k","value":{}}"#))
            .unwrap()
            .queriable_value
            .is_none());
        let big = format!(
            r#"{{"key":"k","value":{{"a":"{}"}}}}"#,
            "x".repeat(MAX_VALUE_BYTES)
        );
        let fits = format!(
            r#"{{"key":"k","value":{{"a":"{}"}}}}"#,
            "x".repeat(MAX_VALUE_BYTES - 8)
        );
        assert!(storage_item(Some(&fits)).is_ok());
        for bad in [
            None,
            Some(""),
            Some("not json"),
            Some("[1]"),
            Some(r#"{"value":{}}"#),
            Some(r#"{"key":"k"}"#),
            Some(r#"{"key":"k","value":[1]}"#),
            Some(r#"{"key":"k","value":"s"}"#),
            Some(r#"{"key":"bad key","value":{}}"#),
            Some(r#"{"key":"k","queriableValue":"","value":{}}"#),
            Some(big.as_str()),
        ] {
            let rejection = storage_item(bad).unwrap_err();
            assert_eq!(rejection.status, 400, "{bad:?}");
            assert_eq!(rejection.body["errorCode"], "INVALID_DATA");
        }
    }

    #[test]
    fn paging_defaults_and_bounds() {
        let q = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(paging(&q(&[])).unwrap(), (0, DEFAULT_LIMIT));
        assert_eq!(
            paging(&q(&[("from", "11"), ("limit", "100")])).unwrap(),
            (10, 100)
        );
        for bad in [
            ("from", "0"),
            ("limit", "0"),
            ("limit", "101"),
            ("from", "x"),
            ("limit", "-1"),
        ] {
            assert!(paging(&q(&[bad])).is_err(), "{bad:?}");
        }
        assert!(paging(&q(&[("from", "1"), ("from", "2")])).is_err());
    }

    #[test]
    fn routes_need_this_installation() {
        assert!(matches!(
            route("7", "/api/v1/installedExtensions/7/storage"),
            Ok(Endpoint::Storage)
        ));
        assert!(matches!(
            route("7", "/api/v1/installedExtensions/7/configParams/"),
            Ok(Endpoint::ConfigParams)
        ));
        assert!(matches!(
            route("7", "/api/v1/extensionLogs"),
            Ok(Endpoint::Logs)
        ));
        let wrong = route("7", "/api/v1/installedExtensions/8/storage")
            .err()
            .unwrap();
        assert_eq!(wrong.status, 404);
        assert_eq!(wrong.body["errorCode"], "INSTALLATION_NOT_FOUND");
        assert_eq!(route("7", "/api/v1/tickets").err().unwrap().status, 404);
    }

    #[test]
    fn config_variables_are_validated() {
        let updates = config_updates(Some(
            r#"{"variables":[{"name":"a","value":"1","secure":true},{"name":"b.c","value":""}]}"#,
        ))
        .unwrap();
        assert_eq!(updates.len(), 2);
        assert_eq!(updates[0].secure, Some(true));
        assert_eq!(updates[1].secure, None);
        for bad in [
            r#"{}"#,
            r#"{"variables":[]}"#,
            r#"{"variables":[{"name":"a"}]}"#,
            r#"{"variables":[{"name":"a","value":1}]}"#,
            r#"{"variables":[{"name":"a b","value":"1"}]}"#,
            r#"{"variables":[{"name":"a","value":"1","secure":"yes"}]}"#,
        ] {
            assert!(config_updates(Some(bad)).is_err(), "{bad}");
        }
    }
}
