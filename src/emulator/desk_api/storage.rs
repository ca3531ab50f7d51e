//! `…/installedExtensions/{id}/storage`: GET lists (filters, paging, insertion order), POST
//! or PUT upserts one item, DELETE removes one key.

use super::{json_body, paging, param, DeskCall, DeskReply, Handled, InstallationData};
use crate::api::method::Method;
use crate::api::storage::{check_key, Item};
use crate::emulator::store::{self, NewItem, StorageQuery};
use serde_json::{json, Value};
use std::sync::Arc;

pub(super) async fn serve(installation: &InstallationData<'_>, call: &DeskCall<'_>) -> Handled {
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
            let data: Vec<Value> = items.into_iter().map(Item::into_reply_json).collect();
            Ok(DeskReply::ok(json!({ "data": data })))
        }
        Method::Post | Method::Put => {
            // One object, or an array of up to 10 stored all or nothing; the reply has the
            // shape of the request.
            let body = json_body(call.body)?;
            let is_array = body.is_array();
            let items = Item::from_body(body)?;
            // Shared, so that this thread, which allocated them, frees them: the database
            // thread drops its handle before it replies. Memory freed by the other thread
            // takes the lock of this one's malloc arena, and the two threads waited on it
            // (about 5 % more items/s in an import without).
            let rows: Arc<(String, Vec<NewItem>)> =
                Arc::new((installation_id, items.iter().map(NewItem::from).collect()));
            let mut replies: Vec<Value> = items.into_iter().map(Item::into_reply_json).collect();
            let written = Arc::clone(&rows);
            installation
                .store
                .write(move |db| {
                    let (installation_id, rows) = &*written;
                    rows.iter()
                        .try_for_each(|row| store::put_item(db, installation_id, row))
                })
                .await?;
            drop(rows);
            Ok(DeskReply::ok(match is_array {
                true => Value::Array(replies),
                false => replies.remove(0),
            }))
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
