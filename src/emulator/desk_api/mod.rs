//! Desk's extension-data APIs, served from the emulator's database: what an invoke request
//! reaches when its requestURL points at a Desk host (any data center) or at the emulator.
//! One file per API, as in the client; shapes, rules and limits come from `api` and are
//! described, with their sources, in docs/desk-behaviour.md.
//!
//! `{id}` in `/api/v1/installedExtensions/{id}/…` is the installation id (usually written
//! `{{installationId}}`); another id answers 404 `INSTALLATION_NOT_FOUND`. Query parameters
//! come from the requestURL's own query and the queryParams field; bodies from postBody.
//! A reply's status becomes the envelope's `statusCode`, its JSON body the `response`.

mod config_params;
mod logs;
mod permissions;
mod storage;

use super::store::{Store, StoreError};
use crate::api::desk_error::DeskError;
use crate::api::endpoints::{Endpoint, INSTALLATION_ID};
use crate::api::form::single;
use crate::api::method::Method;
use crate::api::permissions::Permission;
use serde_json::{Map, Value};

/// One call to a Desk API, after placeholder substitution.
pub(super) struct DeskCall<'a> {
    pub method: Method,
    pub path: &'a str,
    pub query: &'a [(String, String)],
    pub body: Option<&'a str>,
}

/// The called API's answer.
#[derive(Debug)]
pub(super) struct DeskReply {
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
            body: Value::Object(DeskError::new(code, message).to_json()),
        }
    }

    fn invalid(message: impl Into<String>) -> DeskReply {
        DeskReply::error(400, "INVALID_DATA", message)
    }

    fn method_not_allowed(method: Method, allowed: &str) -> DeskReply {
        DeskReply::error(
            405,
            "METHOD_NOT_ALLOWED",
            format!("{method} is not supported here; use {allowed}"),
        )
    }
}

/// Why a handler did not answer 200: a request-level answer, or the database failing.
enum ApiError {
    Reply(DeskReply),
    Store(StoreError),
}

impl From<DeskReply> for ApiError {
    fn from(reply: DeskReply) -> Self {
        ApiError::Reply(reply)
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        ApiError::Store(error)
    }
}

/// A broken rule of `api` is the caller's fault: 400 INVALID_DATA with the rule's message.
impl From<crate::api::error::Error> for ApiError {
    fn from(error: crate::api::error::Error) -> Self {
        ApiError::Reply(DeskReply::invalid(error.message))
    }
}

type Handled = Result<DeskReply, ApiError>;

/// What the APIs need from the emulator.
pub(super) struct InstallationData<'a> {
    pub store: &'a Store,
    pub installation_id: &'a str,
    pub permissions: &'a [Permission],
    /// The extension project, when the emulator runs on one: its config params.
    pub project: Option<&'a crate::api::project::Project>,
}

/// Serves one call; `Err` only when the database itself fails.
pub(super) async fn serve(
    installation: &InstallationData<'_>,
    call: &DeskCall<'_>,
) -> Result<DeskReply, StoreError> {
    let handled = match route(installation.installation_id, call.path) {
        Ok(Endpoint::Storage) => storage::serve(installation, call).await,
        Ok(Endpoint::ConfigParams) => config_params::serve(installation, call).await,
        Ok(Endpoint::MyCustomPermissions) => permissions::serve(installation, call),
        Ok(Endpoint::ExtensionLogs) => logs::serve(installation, call).await,
        Err(reply) => Ok(reply),
    };
    match handled {
        Ok(reply) | Err(ApiError::Reply(reply)) => Ok(reply),
        Err(ApiError::Store(error)) => Err(error),
    }
}

fn route(installation_id: &str, path: &str) -> Result<Endpoint, DeskReply> {
    match Endpoint::route(path) {
        Some((endpoint, None)) => Ok(endpoint),
        Some((endpoint, Some(id))) if id == installation_id => Ok(endpoint),
        Some((_, Some(id))) => Err(wrong_installation(id, installation_id)),
        None => Err(DeskReply::error(
            404,
            "URL_NOT_FOUND",
            format!(
                "the emulator does not serve `{}`; it serves {}",
                path.trim_end_matches('/'),
                Endpoint::ALL.map(|e| e.path()).join(", ")
            ),
        )),
    }
}

fn wrong_installation(given: &str, installation_id: &str) -> DeskReply {
    DeskReply::error(
        404,
        "INSTALLATION_NOT_FOUND",
        format!(
            "no installed extension with id `{given}`; this emulator serves installation {installation_id} (write {INSTALLATION_ID} in the URL)"
        ),
    )
}

/// The one value of parameter `name`; given twice is ambiguous, hence refused.
fn param<'q>(query: &'q [(String, String)], name: &str) -> Result<Option<&'q str>, DeskReply> {
    single(query, name).map_err(|e| DeskReply::invalid(format!("parameter {e}")))
}

/// A numeric parameter.
fn number_param(query: &[(String, String)], name: &str) -> Result<Option<u64>, DeskReply> {
    param(query, name)?
        .map(|text| {
            text.trim().parse::<u64>().map_err(|_| {
                DeskReply::invalid(format!(
                    "`{name}` must be a whole number, not `{}`",
                    text.escape_default()
                ))
            })
        })
        .transpose()
}

/// `from` and `limit` as (offset, limit), by the rule of `api::storage`.
fn paging(query: &[(String, String)]) -> Result<(u64, u64), ApiError> {
    let from = number_param(query, "from")?;
    let limit = number_param(query, "limit")?;
    Ok(crate::api::storage::page_bounds(from, limit)?)
}

/// The postBody as JSON.
fn json_body(body: Option<&str>) -> Result<Value, DeskReply> {
    let body = body
        .filter(|b| !b.trim().is_empty())
        .ok_or_else(|| DeskReply::invalid("postBody is missing; this API takes JSON"))?;
    serde_json::from_str::<Value>(body)
        .map_err(|e| DeskReply::invalid(format!("postBody is not valid JSON: {e}")))
}

/// The postBody as a JSON object.
fn json_object_body(body: Option<&str>) -> Result<Map<String, Value>, DeskReply> {
    match json_body(body)? {
        Value::Object(object) => Ok(object),
        _ => Err(DeskReply::invalid("postBody must be a JSON object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::storage::DEFAULT_LIMIT;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn paging_defaults_and_bounds() {
        let page = |pairs: &[(&str, &str)]| paging(&q(pairs)).ok();
        assert_eq!(page(&[]), Some((0, DEFAULT_LIMIT)));
        assert_eq!(page(&[("from", "0")]), Some((0, DEFAULT_LIMIT)));
        assert_eq!(page(&[("from", "10"), ("limit", "100")]), Some((10, 100)));
        for bad in [
            ("limit", "0"),
            ("limit", "101"),
            ("from", "x"),
            ("limit", "-1"),
        ] {
            assert!(page(&[bad]).is_none(), "{bad:?}");
        }
        assert!(page(&[("from", "1"), ("from", "2")]).is_none());
    }

    #[test]
    fn routes_need_this_installation() {
        assert_eq!(
            route("7", "/api/v1/installedExtensions/7/storage").ok(),
            Some(Endpoint::Storage)
        );
        assert_eq!(
            route("7", "/api/v1/installedExtensions/7/configParams/").ok(),
            Some(Endpoint::ConfigParams)
        );
        assert_eq!(
            route("7", "/api/v1/extensionLogs").ok(),
            Some(Endpoint::ExtensionLogs)
        );
        let wrong = route("7", "/api/v1/installedExtensions/8/storage")
            .err()
            .unwrap();
        assert_eq!(wrong.status, 404);
        assert_eq!(wrong.body["errorCode"], "INSTALLATION_NOT_FOUND");
        assert_eq!(route("7", "/api/v1/tickets").err().unwrap().status, 404);
    }
}
