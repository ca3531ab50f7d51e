//! `…/installedExtensions/{id}/configParams`: GET lists in the order params were first set
//! (secure values in full: a client masks them); POST or PUT sets `variables`.

use super::{json_object_body, DeskCall, DeskReply, Handled, Installation};
use crate::api::config_params::{parse_variables, Param};
use crate::api::method::Method;
use crate::emulator::store;
use serde_json::{json, Value};

pub(super) async fn serve(installation: &Installation<'_>, call: &DeskCall<'_>) -> Handled {
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
        Method::Patch | Method::Delete => {
            return Err(DeskReply::method_not_allowed(call.method, "GET, POST or PUT").into())
        }
    };
    let data: Vec<Value> = params.iter().map(Param::to_json).collect();
    Ok(DeskReply::ok(json!({ "data": data })))
}
