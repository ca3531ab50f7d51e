//! `/api/v1/extensionLogs`: POST adds a log (at most 10 live logs share a reference; the first
//! live log of a reference is the parent of the later ones); GET lists them.

use super::{
    json_object_body, paging, param, wrong_installation, DeskCall, DeskReply, Handled,
    InstallationData,
};
use crate::api::endpoints::INSTALLATION_ID;
use crate::api::logs::{NewLog, MAX_LOGS_PER_REFERENCE};
use crate::api::method::Method;
use crate::emulator::store::{self, AddLog, LogEntry};
use serde_json::{json, Value};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The extension's name in log replies (Desk gives the installed extension's name).
const EXTENSION_NAME: &str = "desk-invoke emulator";

pub(super) async fn serve(installation: &InstallationData<'_>, call: &DeskCall<'_>) -> Handled {
    let installation_id = installation.installation_id.to_string();
    let now_ms = now_ms();
    match call.method {
        Method::Get => {
            let reference = param(call.query, "reference")?.map(str::to_string);
            let (offset, limit) = paging(call.query)?;
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
            Ok(DeskReply::ok(json!({ "data": data })))
        }
        Method::Post => {
            let log = NewLog::from_object(json_object_body(call.body)?)?;
            let reply_installation = installation_id.clone();
            // Desk does not substitute placeholders in a postBody, and knows the installation
            // from the securityContext: the placeholder, the real id, or nothing will do.
            match log.installation_id.as_deref() {
                None | Some(INSTALLATION_ID) => {}
                Some(id) if id == installation_id => {}
                Some(id) => return Err(wrong_installation(id, &installation_id).into()),
            }
            let outcome = installation
                .store
                .run(move |db| store::add_log(db, &installation_id, &log, now_ms))
                .await?;
            match outcome {
                AddLog::Added(entry) => Ok(DeskReply::ok(log_json(&entry, &reply_installation))),
                AddLog::LimitReached => Err(DeskReply::error(
                    400,
                    "LOG_LIMIT_EXCEEDED",
                    format!(
                        "this reference already has {MAX_LOGS_PER_REFERENCE} logs; at most {MAX_LOGS_PER_REFERENCE} logs share a reference"
                    ),
                )
                .into()),
            }
        }
        Method::Put | Method::Patch | Method::Delete => {
            Err(DeskReply::method_not_allowed(call.method, "GET or POST").into())
        }
    }
}

/// A log as Desk answers it ("Extension Log APIs", LOG_API_RESPONSE_OBJECT), with the
/// reference it was grouped by.
fn log_json(entry: &LogEntry, installation_id: &str) -> Value {
    let created = UNIX_EPOCH + Duration::from_millis(u64::try_from(entry.created_ms).unwrap_or(0));
    json!({
        "parentLogId": entry.parent_log_id.to_string(),
        "extensionName": EXTENSION_NAME,
        "description": entry.description,
        "logId": entry.log_id.to_string(),
        "installationId": installation_id,
        "title": entry.title,
        "logTime": humantime::format_rfc3339_millis(created).to_string(),
        "reference": entry.reference,
    })
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
