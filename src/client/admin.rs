//! The emulator's admin API (`/_emulator/…`), for the `emulator` subcommands that act on a
//! running emulator: JSON in and out, each request bounded in time and reply size, no
//! redirects. A 4xx/5xx answer becomes an error carrying the emulator's message.

use super::body::{read_capped, BodyError};
use super::proxy_except_loopback;
use crate::api::desk_error::DeskError;
use crate::api::error::{Error, Kind, Remedy, Result};
use crate::api::hosts;
use crate::api::text::{error_chain, human_bytes};
use serde_json::Value;
use std::time::{Duration, Instant};

/// The largest admin reply read (an installation list of thousands fits).
const MAX_REPLY_BYTES: u64 = 4 * 1024 * 1024;
/// `wait`'s pause between health checks: doubling from the first to the last.
const WAIT_BACKOFF: (Duration, Duration) = (Duration::from_millis(25), Duration::from_millis(400));
/// The longest one health check may take while waiting.
const HEALTH_CHECK_TIMEOUT: Duration = Duration::from_secs(1);

pub(crate) struct Admin {
    http: reqwest::Client,
    base_url: String,
    timeout: Duration,
}

impl Admin {
    /// An admin client for the emulator at `base_url`; `timeout` bounds each request.
    pub(crate) fn new(base_url: &str, timeout: Duration) -> Result<Admin> {
        let base_url = base_url.trim_end_matches('/').to_string();
        hosts::check_base_url(&base_url)?;
        let http = reqwest::Client::builder()
            .proxy(proxy_except_loopback())
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("desk-invoke/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::config(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Admin {
            http,
            base_url,
            timeout,
        })
    }

    pub(crate) async fn get(&self, path: &str) -> Result<Value> {
        self.call(reqwest::Method::GET, path, None, self.timeout)
            .await
    }

    pub(crate) async fn post(&self, path: &str, body: &Value) -> Result<Value> {
        self.call(reqwest::Method::POST, path, Some(body), self.timeout)
            .await
    }

    pub(crate) async fn delete(&self, path: &str) -> Result<Value> {
        self.call(reqwest::Method::DELETE, path, None, self.timeout)
            .await
    }

    /// Polls `/_emulator/health` until it answers, with a short doubling pause, for at
    /// most `within`; the health reply on success, a network error (exit 6) at the end.
    pub(crate) async fn wait_healthy(&self, within: Duration) -> Result<Value> {
        let deadline = Instant::now() + within;
        let mut pause = WAIT_BACKOFF.0;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let attempt_timeout = left.min(HEALTH_CHECK_TIMEOUT);
            let last_error = match self
                .call(
                    reqwest::Method::GET,
                    "/_emulator/health",
                    None,
                    attempt_timeout,
                )
                .await
            {
                Ok(health) => return Ok(health),
                Err(e) => e.message,
            };
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Error::network(format!(
                    "no emulator answered at {} within {} (last: {last_error})",
                    self.base_url,
                    crate::api::duration::show_duration(within)
                ))
                .with_remedy(Remedy::StartEmulator));
            }
            tokio::time::sleep(pause.min(left)).await;
            pause = (pause * 2).min(WAIT_BACKOFF.1);
        }
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
        timeout: Duration,
    ) -> Result<Value> {
        let url = format!("{}{path}", self.base_url);
        let mut request = self.http.request(method.clone(), &url);
        if let Some(body) = body {
            request = request
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.to_string());
        }
        let exchange = async {
            let reply = request.send().await.map_err(BodyError::Failed)?;
            let status = reply.status().as_u16();
            Ok::<_, BodyError>((status, read_capped(reply, MAX_REPLY_BYTES).await?))
        };
        let unreachable = |why: String| {
            Error::network(format!(
                "cannot reach the emulator at {}: {why}",
                self.base_url
            ))
        };
        let (status, bytes) = match tokio::time::timeout(timeout, exchange).await {
            Err(_) => {
                return Err(unreachable(format!(
                    "no answer within {}",
                    crate::api::duration::show_duration(timeout)
                )))
            }
            Ok(Err(BodyError::Failed(e))) => {
                return Err(unreachable(error_chain(&e.without_url())))
            }
            // The emulator's cap is fixed: no setting to raise, unlike an invoke reply's.
            // A server fault (exit 5), as an invoke reply past its cap is.
            Ok(Err(BodyError::TooLarge(_))) => {
                return Err(Error::new(
                    Kind::Server,
                    format!(
                        "{method} {path}: the reply is larger than {}",
                        human_bytes(MAX_REPLY_BYTES)
                    ),
                ))
            }
            Ok(Ok(reply)) => reply,
        };
        let value: Value = match bytes.is_empty() {
            true => Value::Null,
            false => serde_json::from_slice(&bytes).map_err(|_| {
                Error::new(Kind::Server, format!(
                    "{method} {path} answered {status} with a body that is not JSON: is {} an emulator?",
                    self.base_url
                ))
            })?,
        };
        if (200..300).contains(&status) {
            return Ok(value);
        }
        let desk_error = DeskError::from_json(&value);
        let detail = desk_error
            .as_ref()
            .map(|e| e.one_line())
            .unwrap_or_else(|| format!("HTTP {status}"));
        let error = Error::status(
            status,
            format!("the emulator refused {method} {path}: {detail}"),
        );
        let remedy = match desk_error.map(|e| e.error_code).as_deref() {
            Some("NO_SAMPLE") => Some(Remedy::GivePayload),
            Some("NO_PROJECT") => Some(Remedy::LoadProject),
            _ => None,
        };
        Err(error.with_remedy(remedy))
    }
}
