//! Extension logs through invoke.

use super::{Client, InvokeRequest, InvokeResponse};
use crate::api::endpoints::Endpoint;
use crate::api::error::Result;
use crate::api::logs::NewLog;
use crate::api::signing::Field;

impl Client {
    /// Posts a log; the reply holds its logId.
    pub(crate) async fn post_log(
        &self,
        title: &str,
        description: &str,
        reference: Option<&str>,
    ) -> Result<InvokeResponse> {
        let body = NewLog::body(title, description, reference)?;
        let fields = self
            .desk_api_fields(Endpoint::ExtensionLogs, "POST")
            .with(Field::PostBody, body);
        // A log posted twice is two logs: not idempotent.
        self.call(&InvokeRequest::new(fields).idempotent(false))
            .await
    }
}
