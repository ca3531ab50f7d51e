//! `…/installedExtensions/{id}/myCustomPermissions`: GET lists the emulator's
//! `--permission` flags, in flag order.

use super::{DeskCall, DeskReply, Handled, InstallationData};
use crate::api::method::Method;
use crate::api::permissions::Permission;
use serde_json::{json, Value};

pub(super) fn serve(installation: &InstallationData<'_>, call: &DeskCall<'_>) -> Handled {
    if call.method != Method::Get {
        return Err(DeskReply::method_not_allowed(call.method, "GET").into());
    }
    let data: Vec<Value> = installation
        .permissions
        .iter()
        .map(Permission::to_json)
        .collect();
    Ok(DeskReply::ok(json!({ "data": data })))
}
