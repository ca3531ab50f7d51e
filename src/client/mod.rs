//! The invoke client: one keep-alive reqwest client per process, signing exactly the bytes it
//! sends, with bounded retries and a trace that never shows a secret. It knows a target (a
//! base URL and credentials) and nothing of where they came from; endpoint calls hang off it
//! (`client.storage().get(&query)`).

pub(crate) mod admin;
mod body;
mod config_params;
mod invoke;
mod logs;
mod pacing;
pub(crate) mod paging;
mod permissions;
mod proxy;
mod retry;
mod storage;

use crate::api::envelope::InvokeResponse;
use crate::api::error::{Error, Kind, Result};
use crate::api::form::encode_form;
use crate::api::hosts;
use crate::api::method::Method;
use crate::api::secret::{Redactor, Secret};
use crate::api::signing::{Field, InvokeFields};
pub(crate) use body::{read_capped, reply_too_large, BodyError};
pub(crate) use pacing::{Pacer, Rate};
pub(crate) use proxy::proxy_except_loopback;
use std::sync::Arc;
use std::time::Duration;
pub(crate) use storage::Deleted;

/// Where trace lines go (stderr, by the command's choice): level 1 for `-v`, 2 for `-vv`.
pub(crate) type Trace = Arc<dyn Fn(u8, &str) + Send + Sync>;

/// One invoke call. `idempotent` says whether it may be retried after the server could have
/// processed it (GETs, deletes, storage upserts); others are retried only when it cannot have.
#[derive(Debug, Clone)]
pub(crate) struct InvokeRequest {
    pub fields: InvokeFields,
    pub idempotent: bool,
    /// The bulk command's pacer, shared by all its requests.
    pub pacer: Option<Arc<Pacer>>,
    /// Finds the secrets a reply holds (secure config values), masked in its `-vv` trace.
    pub reply_secrets: Option<fn(&InvokeResponse) -> Vec<String>>,
}

impl InvokeRequest {
    pub(crate) fn new(fields: InvokeFields) -> Self {
        let idempotent = match fields.get(Field::RequestType) {
            None => true,
            Some(text) => Method::parse(text).is_some_and(Method::is_idempotent),
        };
        InvokeRequest {
            fields,
            idempotent,
            pacer: None,
            reply_secrets: None,
        }
    }

    pub(crate) fn reply_secrets(mut self, find: fn(&InvokeResponse) -> Vec<String>) -> Self {
        self.reply_secrets = Some(find);
        self
    }

    pub(crate) fn paced(mut self, pacer: Option<Arc<Pacer>>) -> Self {
        self.pacer = pacer;
        self
    }

    pub(crate) fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }
}

/// Timeouts and retry budget, from the global options.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Policy {
    pub timeout: Duration,
    pub retries: u32,
    /// The largest reply body read (`--max-body-size`); a larger one is an error.
    pub max_body_size: u64,
    /// Trace level (`-v` = 1, `-vv` = 2): lines above it are never even formatted.
    pub verbose: u8,
}

/// Where requests go and with which credentials.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// `https://desk.zoho.eu` or a loopback `http://` URL; no trailing slash.
    pub base_url: String,
    pub org_id: String,
    pub secret: Secret,
    pub security_context: Secret,
}

pub(crate) struct Client {
    http: reqwest::Client,
    base_url: String,
    org_id: String,
    secret: Secret,
    security_context: Secret,
    policy: Policy,
    trace: Trace,
    /// `{base}/api/v1/invoke?orgId=…`, parsed once.
    invoke_url: reqwest::Url,
    redactor: Redactor,
}

impl Client {
    /// A client for `target`. Starts nothing: no server, no connection until the first call.
    pub(crate) fn connect(target: Target, policy: Policy, trace: Trace) -> Result<Client> {
        let Target {
            base_url,
            org_id,
            secret,
            security_context,
        } = target;
        hosts::check_base_url(&base_url)?;
        let http = reqwest::Client::builder()
            .proxy(proxy_except_loopback())
            // Desk's invoke API has no reason to redirect; following one would resend the
            // securityContext and HASH to wherever the Location points.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(policy.timeout)
            .connect_timeout(policy.timeout.min(Duration::from_secs(10)))
            .pool_max_idle_per_host(64)
            .user_agent(concat!("desk-invoke/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::config(format!("cannot set up the HTTP client: {e}")))?;
        let org: String = form_urlencoded::byte_serialize(org_id.as_bytes()).collect();
        let invoke_url = reqwest::Url::parse(&format!("{base_url}/api/v1/invoke?orgId={org}"))
            .map_err(|e| Error::config(format!("invalid base URL `{base_url}`: {e}")))?;
        let redactor = Redactor::new(&[&secret, &security_context]);
        Ok(Client {
            http,
            base_url,
            org_id,
            secret,
            security_context,
            policy,
            trace,
            invoke_url,
            redactor,
        })
    }

    /// Sends a request and turns a 4xx/5xx statusCode into an error: for the extension-data
    /// commands, where only a success has a payload worth printing.
    pub(crate) async fn call(&self, request: &InvokeRequest) -> Result<InvokeResponse> {
        let response = self.invoke(request).await?;
        self.check_status(&response)?;
        Ok(response)
    }

    /// Turns the called API's status into its exit code (docs/reference.md, "Exit codes":
    /// 4xx → 4, 5xx → 5). The message quotes the server, so it is redacted: a server may
    /// echo what it was sent.
    pub(crate) fn check_status(&self, response: &InvokeResponse) -> Result<()> {
        if let Some(status @ 300..=399) = response.status_code {
            return Err(self.called_api_redirected(status, response));
        }
        let Some(status) = response
            .status_code
            .filter(|s| Kind::from_status(*s).is_some())
        else {
            return Ok(());
        };
        let detail = response
            .body
            .desk_error()
            .map(|d| format!(": {}", d.one_line()))
            .unwrap_or_default();
        Err(Error::status(
            status,
            self.redact(&format!("the API answered {status}{detail}")),
        ))
    }

    /// The called API answered a redirect, which the invoke API does not follow: exit 4, as
    /// a redirect of the invoke API itself is, saying where it points.
    fn called_api_redirected(&self, status: u16, response: &InvokeResponse) -> Error {
        let location = response
            .response_headers
            .as_object()
            .and_then(|headers| {
                headers
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case("location"))
            })
            .and_then(|(_, value)| value.as_str())
            .map(|l| format!(", a redirect to {}", crate::api::text::escape_control(l)))
            .unwrap_or_else(|| ", a redirect (no Location header)".into());
        Error::new(
            Kind::Client,
            self.redact(&format!(
                "the API answered {status}{location}; not followed"
            )),
        )
        .with_hint("the invoke API does not follow redirects: call the URL it points to")
    }

    /// The invoke endpoint, with orgId.
    pub(crate) fn invoke_url(&self) -> &str {
        self.invoke_url.as_str()
    }

    /// The fields of a call to one of Desk's own APIs: the URL, the method, and the `orgId`
    /// header Desk's APIs expect. No connectionLinkName: a connection authorises external
    /// services, never Desk's extension-data APIs.
    fn desk_api_fields(
        &self,
        endpoint: crate::api::endpoints::Endpoint,
        method: &str,
    ) -> InvokeFields {
        let headers = serde_json::json!({ "orgId": self.org_id }).to_string();
        InvokeFields::new()
            .with(Field::RequestUrl, endpoint.url(&self.base_url))
            .with(Field::RequestType, method)
            .with(Field::Headers, headers)
    }

    /// A requestURL starting with `/` is joined to the base URL.
    pub(crate) fn complete(&self, mut fields: InvokeFields) -> InvokeFields {
        if let Some(url) = fields.get(Field::RequestUrl) {
            if url.starts_with('/') {
                let joined = format!("{}{url}", self.base_url);
                fields.set(Field::RequestUrl, joined);
            }
        }
        fields
    }

    /// The HASH and the form body for these fields: the same values, signed raw and sent
    /// URL-encoded.
    pub(crate) fn sign(&self, fields: &InvokeFields) -> (String, String) {
        let hash = fields.hash(self.secret.expose().as_bytes());
        (hash, encode_form(self.security_context.expose(), fields))
    }

    /// A trace line, built only when `-v`/`-vv` asks for its level.
    fn trace(&self, level: u8, line: impl FnOnce() -> String) {
        if self.policy.verbose >= level {
            (self.trace)(level, &line());
        }
    }

    /// Replaces the secret and securityContext wherever they occur.
    pub(crate) fn redact(&self, text: &str) -> String {
        self.redactor.apply(text)
    }
}
