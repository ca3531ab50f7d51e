//! The invoke client: one keep-alive reqwest client per process, signing exactly the bytes it
//! sends, with bounded retries and a trace that never shows a secret. It knows a target (a
//! base URL and credentials) and nothing of where they came from; endpoint calls hang off it
//! (`client.storage().get(&query)`).

mod config_params;
mod logs;
mod pacing;
mod permissions;
mod retry;
mod storage;

use crate::api::envelope::{decode, InvokeResponse};
use crate::api::error::{Error, Kind, Result};
use crate::api::form::encode_form;
use crate::api::hosts;
use crate::api::method::Method;
use crate::api::secret::{Redactor, Secret};
use crate::api::signing::{Field, InvokeFields};
pub(crate) use pacing::{Pacer, Rate};
use std::sync::Arc;
use std::time::{Duration, Instant};
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
        }
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
            .proxy(hosts::proxy_except_loopback())
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

    /// Turns the called API's status into the exit code of SPEC §4 (4xx → 4, 5xx → 5). The
    /// message quotes the server, so it is redacted: a server may echo what it was sent.
    pub(crate) fn check_status(&self, response: &InvokeResponse) -> Result<()> {
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

    /// Sends one invoke request with retries, within `--timeout` for the whole request
    /// (attempts, backoff and Retry-After waits included). A non-2xx answer from the invoke
    /// endpoint itself (Desk rejecting the call) is an error; the called API's status is the
    /// caller's to judge, through `check_status`.
    ///
    /// With a pacer (bulk commands), the request first waits for its slot; a 429 then pauses
    /// every request of the pacer until Retry-After, and that wait uses up neither a retry nor
    /// the deadline (at most `MAX_RATE_LIMIT_PAUSES` times).
    pub(crate) async fn invoke(&self, request: &InvokeRequest) -> Result<InvokeResponse> {
        let fields = self.complete(request.fields.clone());
        let (hash, form) = self.sign(&fields);
        let url = self.invoke_url();
        let what = format!(
            "{} {}",
            fields.get(Field::RequestType).unwrap_or("GET"),
            fields.get(Field::RequestUrl).unwrap_or("")
        );
        let max_attempts = self.policy.retries + 1;
        let timeout = self.policy.timeout;
        if let Some(pacer) = &request.pacer {
            pacer.wait().await;
        }
        let mut deadline = Instant::now() + timeout;
        let (mut attempt, mut pauses) = (0, 0);
        let timed_out = |attempts: u32| {
            Error::network(format!(
                "timed out after {} (the whole request, {attempts} attempt{})",
                humantime::format_duration(timeout),
                if attempts == 1 { "" } else { "s" }
            ))
            .with_hint("--timeout bounds the whole request, retries and Retry-After waits included")
        };
        loop {
            attempt += 1;
            self.trace(1, || {
                format!(
                    "> POST {url}  ({what}){}",
                    attempt_note(attempt, max_attempts)
                )
            });
            if attempt == 1 {
                self.trace(2, || format!("> HASH: {hash}"));
                self.trace(2, || format!("> {}", self.redact(&form)));
            }
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(timed_out(attempt - 1));
            }
            let retry = match self.send_once(&hash, &form, remaining).await {
                Err(Sent::Redirect(error)) => return Err(error),
                Err(Sent::Failed(e)) if e.is_timeout() => return Err(timed_out(attempt)),
                Err(Sent::Failed(e)) => {
                    let not_processed = e.is_connect();
                    let message = describe(&e);
                    self.trace(1, || format!("< failed: {message}"));
                    if attempt < max_attempts && (not_processed || request.idempotent) {
                        Retry {
                            after: None,
                            reason: message,
                            rate_limited: false,
                        }
                    } else {
                        let mut error = Error::network(message);
                        if !not_processed && !request.idempotent && attempt < max_attempts {
                            error = error.with_hint("not retried: the request may have been processed (it is not idempotent)");
                        }
                        return Err(error);
                    }
                }
                Ok(reply) => {
                    let decoded = decode(&reply.bytes);
                    let status = reply.status;
                    self.trace(1, || {
                        format!(
                            "< {status} in {} ms{}",
                            reply.elapsed.as_millis(),
                            decoded
                                .status_code
                                .map(|s| format!(", statusCode {s}"))
                                .unwrap_or_default()
                        )
                    });
                    self.trace(2, || {
                        format!("< {}", self.redact(&String::from_utf8_lossy(&reply.bytes)))
                    });
                    // The called API's own 429/503 comes inside a 200, with its Retry-After
                    // among the responseHeaders.
                    let (effective, retry_after) = match (status, decoded.status_code) {
                        (200, Some(inner)) => (
                            inner,
                            header_value(&decoded.response_headers, "retry-after")
                                .and_then(|v| retry::parse_retry_after(&v)),
                        ),
                        _ => (status, reply.retry_after),
                    };
                    let retryable = retry::retryable_status(
                        effective,
                        retry_after.is_some(),
                        request.idempotent,
                    );
                    if retryable
                        && (attempt < max_attempts || (effective == 429 && request.pacer.is_some()))
                    {
                        Retry {
                            after: retry_after,
                            reason: format!("HTTP {effective}"),
                            rate_limited: effective == 429,
                        }
                    } else if !(200..300).contains(&status) {
                        let error = rejected(status, &decoded);
                        return Err(Error {
                            message: self.redact(&error.message),
                            ..error
                        });
                    } else {
                        return Ok(decoded);
                    }
                }
            };
            if let (true, Some(pacer)) = (retry.rate_limited, &request.pacer) {
                if pauses < MAX_RATE_LIMIT_PAUSES {
                    pauses += 1;
                    attempt -= 1;
                    let pause = retry.after.unwrap_or(Duration::from_secs(1));
                    self.trace(1, || {
                        format!(
                            "* rate limited: every request waits {} ms",
                            pause.as_millis()
                        )
                    });
                    let waited = Instant::now();
                    pacer.pause(pause);
                    pacer.wait().await;
                    deadline += waited.elapsed();
                    continue;
                }
            }
            if attempt >= max_attempts {
                return Err(Error::network(format!(
                    "gave up after {attempt} attempts: {}",
                    retry.reason
                )));
            }
            let delay = retry::backoff(attempt, retry.after, rand::random());
            if Instant::now() + delay >= deadline {
                return Err(timed_out(attempt));
            }
            self.trace(1, || {
                format!(
                    "* retrying in {} ms after {}",
                    delay.as_millis(),
                    retry.reason
                )
            });
            tokio::time::sleep(delay).await;
        }
    }

    /// One POST of the invoke form, bounded by `timeout`.
    async fn send_once(
        &self,
        hash: &str,
        form: &str,
        timeout: Duration,
    ) -> std::result::Result<Reply, Sent> {
        let started = Instant::now();
        let reply = self
            .http
            .post(self.invoke_url.clone())
            .timeout(timeout)
            .header("HASH", hash)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(form.to_string())
            .send()
            .await
            .map_err(Sent::Failed)?;
        if reply.status().is_redirection() {
            return Err(Sent::Redirect(self.redirected(&reply)));
        }
        let status = reply.status().as_u16();
        let retry_after = reply
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(retry::parse_retry_after);
        let bytes = reply.bytes().await.map_err(Sent::Failed)?.to_vec();
        Ok(Reply {
            status,
            retry_after,
            bytes,
            elapsed: started.elapsed(),
        })
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

    /// A redirect is never followed (it would carry the securityContext and HASH elsewhere):
    /// it is reported as a 4xx with the host it pointed to.
    fn redirected(&self, reply: &reqwest::Response) -> Error {
        let status = reply.status().as_u16();
        let location = reply
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let host = reqwest::Url::parse(location)
            .or_else(|_| self.invoke_url.join(location))
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| "an unknown place".into());
        Error::new(
            Kind::Client,
            self.redact(&format!(
                "the invoke API answered {status}, a redirect to {}; not followed",
                crate::api::text::escape_control(&host)
            )),
        )
        .with_hint(
            "Desk's invoke API never redirects: check the base URL (a proxy or a wrong host?)",
        )
    }
}

fn attempt_note(attempt: u32, max: u32) -> String {
    if attempt > 1 {
        format!(" [attempt {attempt}/{max}]")
    } else {
        String::new()
    }
}

/// The most 429 pauses one paced request takes before it fails.
const MAX_RATE_LIMIT_PAUSES: u32 = 10;

/// What one POST came back with.
struct Reply {
    status: u16,
    retry_after: Option<Duration>,
    bytes: Vec<u8>,
    elapsed: Duration,
}

/// Why one POST has no reply to judge.
enum Sent {
    /// A redirect, never followed.
    Redirect(Error),
    Failed(reqwest::Error),
}

/// Why and when to try again.
struct Retry {
    after: Option<Duration>,
    reason: String,
    rate_limited: bool,
}

/// A header of the called API's reply, by name in any case.
fn header_value(headers: &serde_json::Value, name: &str) -> Option<String> {
    let (_, value) = headers
        .as_object()?
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))?;
    match value {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn describe(error: &reqwest::Error) -> String {
    let url = error
        .url()
        .map(|u| format!(" {}", u.as_str().split('?').next().unwrap_or("")))
        .unwrap_or_default();
    if error.is_connect() {
        format!("cannot connect to{url}")
    } else {
        // The innermost cause is the readable one ("connection closed before message completed").
        let mut cause: &dyn std::error::Error = error;
        while let Some(next) = cause.source() {
            cause = next;
        }
        format!("request to{url} failed: {cause}")
    }
}

/// Desk (or the emulator) refused the invoke call itself. The hint follows the errorCode.
fn rejected(status: u16, response: &InvokeResponse) -> Error {
    let desk_error = response.body.desk_error();
    let detail = desk_error
        .as_ref()
        .map(|d| crate::api::text::escape_control(&d.one_line()))
        .unwrap_or_else(|| format!("HTTP {status}"));
    let error = Error::status(
        status,
        format!("the invoke API refused the request ({status}): {detail}"),
    );
    let code = desk_error.map(|d| d.error_code).unwrap_or_default();
    match rejection_hint(status, &code) {
        Some(hint) => error.with_hint(hint),
        None => error,
    }
}

/// What to check for each of the invoke API's own rejections.
fn rejection_hint(status: u16, error_code: &str) -> Option<&'static str> {
    Some(match error_code {
        "INVALID_HASH" | "MISSING_HASH" => "check the secret: Desk computes the HASH over the same fields and they did not match (`desk-invoke invoke --dry-run` shows the stringToHash)",
        "INVALID_SECURITY_CONTEXT" | "MISSING_SECURITY_CONTEXT" => "the securityContext was not accepted: take a fresh one from an install callback (`desk-invoke listen --save`), or set DESK_INVOKE_SECURITY_CONTEXT",
        "ORG_ID_MISMATCH" | "MISSING_ORG_ID" => "the org id is not the installation's: check --org-id, DESK_INVOKE_ORG_ID or the profile's org_id",
        "PAYLOAD_TOO_LARGE" => "the invoke body is larger than the API accepts: send less per request",
        _ if status == 401 => "Desk refused the credentials: check the secret and the securityContext",
        _ if status == 429 => "rate limited: slow down (bulk commands take --rate N/DURATION)",
        _ => return None,
    })
}
