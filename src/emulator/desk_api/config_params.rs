//! `…/installedExtensions/{id}/configParams`: GET lists in the order params were first set
//! (secure values in full: a client masks them); POST or PUT sets `variables`.
//!
//! With an extension project the manifest's `config` decides instead: only declared params
//! exist, in the manifest's order, with their defaults; the API sets only non-userdefined
//! ones, each checked against its type; replies carry Desk's published fields with secure
//! values masked (`emulator::project`).

use super::{json_object_body, DeskCall, DeskReply, Handled, InstallationData};
use crate::api::config_params::{parse_variables, Param};
use crate::api::method::Method;
use crate::api::project::Project;
use crate::emulator::project::{self, Refusal, Setter};
use crate::emulator::store;
use serde_json::{json, Value};

pub(super) async fn serve(installation: &InstallationData<'_>, call: &DeskCall<'_>) -> Handled {
    if let Some(project) = installation.project {
        return serve_declared(installation, project, call).await;
    }
    let installation_id = installation.installation_id.to_string();
    let params = match call.method {
        Method::Get => {
            installation
                .store
                .run(move |db| store::config_params(db, &installation_id))
                .await?
        }
        Method::Post | Method::Put => {
            let updates = parse_variables(json_object_body(call.body)?)?;
            installation
                .store
                .run(move |db| store::set_config_params(db, &installation_id, &updates))
                .await?
        }
        Method::Patch | Method::Delete => return Err(not_allowed(call.method)),
    };
    let data: Vec<Value> = params.iter().map(Param::to_json).collect();
    Ok(DeskReply::ok(json!({ "data": data })))
}

fn not_allowed(method: Method) -> super::ApiError {
    DeskReply::method_not_allowed(method, "GET, POST or PUT").into()
}

/// The config params of the manifest: GET lists every declared one, POST or PUT sets
/// non-userdefined ones and answers with those it set.
async fn serve_declared(
    installation: &InstallationData<'_>,
    project: &Project,
    call: &DeskCall<'_>,
) -> Handled {
    let installation_id = installation.installation_id.to_string();
    let id = installation_id.clone();
    let (stored, updates) = match call.method {
        Method::Get => {
            let stored = installation
                .store
                .run(move |db| store::config_params(db, &id))
                .await?;
            (stored, None)
        }
        Method::Post | Method::Put => {
            let updates = parse_variables(json_object_body(call.body)?)?;
            let updates =
                project::check_updates(project, &updates, Setter::Extension).map_err(refused)?;
            let to_store = updates.clone();
            installation
                .store
                .run(move |db| store::set_config_params(db, &id, &to_store))
                .await?;
            let id = installation_id.clone();
            let stored = installation
                .store
                .run(move |db| store::config_params(db, &id))
                .await?;
            (stored, Some(updates))
        }
        Method::Patch | Method::Delete => return Err(not_allowed(call.method)),
    };
    let data = project::config_reply(project, &installation_id, &stored, updates.as_deref());
    Ok(DeskReply::ok(json!({ "data": data })))
}

fn refused(refusal: Refusal) -> super::ApiError {
    DeskReply::error(refusal.status, refusal.code, refusal.message).into()
}
