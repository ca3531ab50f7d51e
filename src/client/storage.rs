//! Extension storage through invoke: `client.storage().get(&query)` and friends. A bulk
//! command hands its pacer in with `paced`.

use super::{Client, InvokeRequest, Pacer};
use crate::api::endpoints::Endpoint;
use crate::api::error::{Error, Kind, Result};
use crate::api::signing::Field;
use crate::api::storage::{self, check_key, Item, Query};
use std::sync::Arc;

/// Storage calls of one client.
pub(crate) struct Storage<'a> {
    client: &'a Client,
    pacer: Option<Arc<Pacer>>,
}

/// What a delete found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deleted {
    Yes,
    /// Desk answered that there was no such item (`"deleted": false`).
    NotFound,
}

impl Client {
    pub(crate) fn storage(&self) -> Storage<'_> {
        Storage {
            client: self,
            pacer: None,
        }
    }
}

impl Storage<'_> {
    pub(crate) fn paced(mut self, pacer: &Arc<Pacer>) -> Self {
        self.pacer = Some(pacer.clone());
        self
    }

    fn request(&self, fields: crate::api::signing::InvokeFields) -> InvokeRequest {
        InvokeRequest::new(fields).paced(self.pacer.clone())
    }

    pub(crate) fn get_request(&self, query: &Query) -> Result<InvokeRequest> {
        query.check()?;
        let fields = self
            .client
            .desk_api_fields(Endpoint::Storage, "GET")
            .with(Field::QueryParams, query.to_params().to_string());
        Ok(self.request(fields))
    }

    /// An upsert of one item (a JSON object) or of several (a JSON array of at most
    /// `MAX_BATCH`): the same items put twice are stored once, so it is safe to retry.
    pub(crate) fn put_request(&self, items: &[Item]) -> Result<InvokeRequest> {
        if items.is_empty() || items.len() > storage::MAX_BATCH {
            return Err(Error::usage(format!(
                "a storage write carries 1 to {} items",
                storage::MAX_BATCH
            )));
        }
        for item in items {
            item.check()?;
        }
        let body = match items {
            [one] => serde_json::to_string(one),
            many => serde_json::to_string(many),
        }
        .map_err(|e| Error::usage(e.to_string()))?;
        let fields = self
            .client
            .desk_api_fields(Endpoint::Storage, "POST")
            .with(Field::PostBody, body);
        Ok(self.request(fields).idempotent(true))
    }

    pub(crate) fn delete_request(&self, key: &str) -> Result<InvokeRequest> {
        check_key("key", key)?;
        let params = serde_json::json!({ "key": key });
        let fields = self
            .client
            .desk_api_fields(Endpoint::Storage, "DELETE")
            .with(Field::QueryParams, params.to_string());
        Ok(self.request(fields))
    }

    /// One page of items.
    pub(crate) async fn get(&self, query: &Query) -> Result<Vec<Item>> {
        let response = self.client.call(&self.get_request(query)?).await?;
        storage::items(response.json("storage")?)
    }

    /// Stores `items` (one request); the reply, if any, as Desk gave it.
    pub(crate) async fn put(&self, items: &[Item]) -> Result<crate::api::envelope::Body> {
        let response = self.client.call(&self.put_request(items)?).await?;
        Ok(response.body)
    }

    pub(crate) async fn delete(&self, key: &str) -> Result<Deleted> {
        let response = self.client.call(&self.delete_request(key)?).await?;
        let deleted = response
            .body
            .as_json()
            .and_then(|body| body.get("deleted"))
            .and_then(serde_json::Value::as_bool);
        Ok(match deleted {
            Some(false) => Deleted::NotFound,
            _ => Deleted::Yes,
        })
    }

    /// Every item matching `query`, page after page from `from` (0 by default), `limit` at a
    /// time (Desk's largest page by default); `each` receives every page as it comes. A page
    /// that repeats the previous one is an error: a server that ignores `from` would
    /// otherwise be read forever.
    pub(crate) async fn get_all(
        &self,
        query: &Query,
        mut each: impl FnMut(Vec<Item>) -> Result<()>,
    ) -> Result<u64> {
        let mut query = query.clone();
        let limit = query.limit.unwrap_or(storage::MAX_LIMIT);
        query.limit = Some(limit);
        let mut from = query.from.unwrap_or(storage::FIRST_FROM);
        let mut previous: Option<Vec<String>> = None;
        let mut total = 0;
        loop {
            query.from = Some(from);
            let page = self.get(&query).await?;
            let keys: Vec<String> = page.iter().map(|item| item.key.clone()).collect();
            if !keys.is_empty() && previous.as_ref() == Some(&keys) {
                return Err(Error::new(
                    Kind::Server,
                    format!(
                        "the server answered from={from} with the same page as before (first key `{}`): it ignores paging; stopped",
                        crate::api::text::escape_control(&keys[0])
                    ),
                ));
            }
            let count = page.len() as u64;
            total += count;
            each(page)?;
            if count < limit {
                return Ok(total);
            }
            from += count;
            previous = Some(keys);
        }
    }
}
