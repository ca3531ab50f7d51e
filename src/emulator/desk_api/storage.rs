//! `…/installedExtensions/{id}/storage`: GET lists (filters, paging, insertion order), POST
//! or PUT upserts one item, DELETE removes one key.

use super::{json_object_body, paging, param, DeskCall, DeskReply, Handled, Installation};
use crate::api::method::Method;
use crate::api::storage::{check_key, Item};
use crate::emulator::store::{self, StorageQuery};
use serde_json::{json, Value};

pub(super) async fn serve(installation: &Installation<'_>, call: &DeskCall<'_>) -> Handled {
    let installation_id = installation.installation_id.to_string();
    match call.method {
        Method::Get => {
            let query = storage_query(call.query)?;
            let items = installation
                .store
                .run_with_cursor(move |db, cursor| {
                    store::list_items(db, cursor, &installation_id, &query)
                })
                .await?;
            let data: Vec<Value> = items.iter().map(Item::to_reply_json).collect();
            Ok(DeskReply::ok(json!({ "data": data })))
        }
        Method::Post | Method::Put => {
            let item = Item::from_object(json_object_body(call.body)?)?;
            let reply = item.to_reply_json();
            installation
                .store
                .write(move |db| store::put_item(db, &installation_id, &item))
                .await?;
            Ok(DeskReply::ok(reply))
        }
        Method::Delete => {
            let key = param(call.query, "key")?
                .ok_or_else(|| DeskReply::invalid("DELETE needs the `key` parameter"))?
                .to_string();
            check_key("key", &key)?;
            let reply_key = key.clone();
            let deleted = installation
                .store
                .write(move |db| store::delete_item(db, &installation_id, &key))
                .await?;
            Ok(DeskReply::ok(
                json!({ "key": reply_key, "deleted": deleted }),
            ))
        }
        Method::Patch => {
            Err(DeskReply::method_not_allowed(call.method, "GET, POST, PUT or DELETE").into())
        }
    }
}

fn storage_query(query: &[(String, String)]) -> Result<StorageQuery, super::ApiError> {
    let key = param(query, "key")?.map(str::to_string);
    let queriable_value = param(query, "queriableValue")?.map(str::to_string);
    let filters = crate::api::storage::Query {
        key: key.clone(),
        queriable_value: queriable_value.clone(),
        ..Default::default()
    };
    filters.check()?;
    let (offset, limit) = paging(query)?;
    Ok(StorageQuery {
        key,
        queriable_value,
        offset,
        limit,
    })
}
