//! The Desk client: `Client::invoke` (signing, form encoding, retries, decoding) and one small
//! module per extension-data API that only builds requests and reads replies.

pub mod client;
pub mod response;

pub use client::{encode_form, Client, InvokeRequest, Policy, Trace};
pub use response::{Body, InvokeResponse};
pub mod config_params;
pub mod logs;
pub mod permissions;
pub mod storage;

use crate::signing::{Field, InvokeFields};

/// The fields of a call to one of Desk's own APIs: the URL, the method, and the `orgId`
/// header Desk's APIs expect.
pub(crate) fn desk_api_fields(url: &str, method: &str, org_id: &str) -> InvokeFields {
    let headers = serde_json::json!({ "orgId": org_id }).to_string();
    InvokeFields::new()
        .with(Field::RequestUrl, url)
        .with(Field::RequestType, method)
        .with(Field::Headers, headers)
}
