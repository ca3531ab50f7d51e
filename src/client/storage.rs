//! Extension storage through invoke: `client.storage().get(&query)` and friends. A bulk
//! command hands its pacer in with `paced`.

use super::{Client, InvokeRequest, Pacer};
use crate::api::endpoints::Endpoint;
use crate::api::error::{Error, Result};
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
    /// time (Desk's largest page by default), through `paging::follow`; `each` receives every
    /// page and says whether to go on.
    pub(crate) async fn get_all(
        &self,
        query: &Query,
        each: impl FnMut(&[Item]) -> Result<bool>,
    ) -> Result<u64> {
        let limit = query.limit.unwrap_or(storage::MAX_LIMIT);
        let from = query.from.unwrap_or(storage::FIRST_FROM);
        let fetch = |from| {
            let page = Query {
                from: Some(from),
                limit: Some(limit),
                ..query.clone()
            };
            async move { self.get(&page).await }
        };
        super::paging::follow(from, limit, fetch, each).await
    }
}
