//! Config params through invoke.

use super::{Client, InvokeRequest};
use crate::api::config_params::{self, Param};
use crate::api::endpoints::Endpoint;
use crate::api::error::Result;
use crate::api::signing::Field;

impl Client {
    pub(crate) async fn config_params(&self) -> Result<Vec<Param>> {
        let request = InvokeRequest::new(self.desk_api_fields(Endpoint::ConfigParams, "GET"))
            .reply_secrets(config_params::secure_values);
        config_params::params(self.call(&request).await?.json("configParams")?)
    }

    /// Posts `{"variables":[{"name":…,"value":…}]}`; setting the same values again is harmless.
    pub(crate) async fn set_config_params(
        &self,
        pairs: &[(String, String)],
        secure: bool,
    ) -> Result<()> {
        let body = config_params::variables_body(pairs, secure)?;
        let fields = self
            .desk_api_fields(Endpoint::ConfigParams, "POST")
            .with(Field::PostBody, body);
        let request = InvokeRequest::new(fields).idempotent(true);
        self.call(&request).await.map(drop)
    }
}
