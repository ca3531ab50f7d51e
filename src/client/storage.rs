//! Extension storage through invoke: `client.storage().get(&query)` and friends.

use super::{Client, InvokeRequest};
use crate::api::endpoints::Endpoint;
use crate::api::error::Result;
use crate::api::signing::Field;
use crate::api::storage::{self, check_key, Item, Query};

/// Storage calls of one client.
pub(crate) struct Storage<'a> {
    client: &'a Client,
}

impl Client {
    pub(crate) fn storage(&self) -> Storage<'_> {
        Storage { client: self }
    }
}

impl Storage<'_> {
    pub(crate) fn get_request(&self, query: &Query) -> Result<InvokeRequest> {
        query.check()?;
        let fields = self
            .client
            .desk_api_fields(Endpoint::Storage, "GET")
            .with(Field::QueryParams, query.to_params().to_string());
        Ok(InvokeRequest::new(fields))
    }

    /// An upsert: the same item put twice is stored once, so it is safe to retry.
    pub(crate) fn put_request(&self, item: &Item) -> Result<InvokeRequest> {
        item.check()?;
        let body = serde_json::to_string(item)
            .map_err(|e| crate::api::error::Error::usage(e.to_string()))?;
        let fields = self
            .client
            .desk_api_fields(Endpoint::Storage, "POST")
            .with(Field::PostBody, body);
        Ok(InvokeRequest::new(fields).idempotent(true))
    }

    pub(crate) fn delete_request(&self, key: &str) -> Result<InvokeRequest> {
        check_key("key", key)?;
        let params = serde_json::json!({ "key": key });
        let fields = self
            .client
            .desk_api_fields(Endpoint::Storage, "DELETE")
            .with(Field::QueryParams, params.to_string());
        Ok(InvokeRequest::new(fields))
    }

    /// One page of items.
    pub(crate) async fn get(&self, query: &Query) -> Result<Vec<Item>> {
        self.fetch(&self.get_request(query)?).await
    }

    /// The items a GET request answers with.
    pub(crate) async fn fetch(&self, request: &InvokeRequest) -> Result<Vec<Item>> {
        storage::items(self.client.call(request).await?.json("storage")?)
    }

    pub(crate) async fn put(&self, item: &Item) -> Result<()> {
        self.client.call(&self.put_request(item)?).await.map(drop)
    }

    pub(crate) async fn delete(&self, key: &str) -> Result<()> {
        self.client.call(&self.delete_request(key)?).await.map(drop)
    }
}
