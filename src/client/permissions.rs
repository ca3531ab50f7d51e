//! Custom permissions of the current user through invoke.

use super::{Client, InvokeRequest};
use crate::api::endpoints::Endpoint;
use crate::api::error::Result;
use crate::api::permissions::{self, Permission};

impl Client {
    pub(crate) async fn permissions(&self) -> Result<Vec<Permission>> {
        let request =
            InvokeRequest::new(self.desk_api_fields(Endpoint::MyCustomPermissions, "GET"));
        permissions::permissions(self.call(&request).await?.json("myCustomPermissions")?)
    }
}
