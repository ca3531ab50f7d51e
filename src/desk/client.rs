//! The invoke client: one keep-alive reqwest client per process, signing exactly the bytes it
//! sends, with bounded retries and a trace that never shows a secret.

use super::response::{decode, InvokeResponse};
use crate::emulator::{Emulator, EmulatorConfig};
use crate::error::{Error, Kind, Result};
use crate::profile::{self, Redactor, Secret, Settings};
use crate::signing::{Field, InvokeFields};
use rand::Rng;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Where trace lines go (stderr, by the command's choice): level 1 for `-v`, 2 for `-vv`.
pub type Trace = Arc<dyn Fn(u8, &str) + Send + Sync>;

/// One invoke call. `idempotent` says whether it may be retried after the server could have
/// processed it (GETs, deletes, storage upserts); others are retried only when it cannot have.
#[derive(Debug, Clone)]
pub struct InvokeRequest {
    pub fields: InvokeFields,
    pub idempotent: bool,
}

impl InvokeRequest {
    pub fn new(fields: InvokeFields) -> Self {
        let idempotent = matches!(
            fields.get(Field::RequestType),
            Some("GET" | "DELETE" | "PUT") | None
        );
        InvokeRequest { fields, idempotent }
    }

    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }
}

/// Timeouts and retry budget, from the global options.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub timeout: Duration,
    pub retries: u32,
    /// Trace level (`-v` = 1, `-vv` = 2): lines above it are never even formatted.
    pub verbose: u8,
}

pub struct Client {
    http: reqwest::Client,
    base_url: String,
    org_id: String,
    secret: Secret,
    security_context: Secret,
    connection: Option<String>,
    policy: Policy,
    trace: Trace,
    /// The in-process emulator of the `local` profile, alive as long as the client.
    emulator: Option<Emulator>,
    /// `{base}/api/v1/invoke?orgId=…`, parsed once.
    invoke_url: reqwest::Url,
    redactor: Redactor,
}

impl Client {
    /// Builds the client from settings; with the `local` profile, starts the emulator in this
    /// process first. Must be called inside a tokio runtime.
    pub async fn connect(settings: &Settings, policy: Policy, trace: Trace) -> Result<Client> {
        let secret = settings.secret()?;
        let security_context = settings.security_context()?.clone();
        let org_id = settings.org_id()?.to_string();
        let (base_url, emulator) = if settings.local_emulator {
            let emulator = Emulator::start(EmulatorConfig::local()?).await?;
            if policy.verbose >= 1 {
                trace(
                    1,
                    &format!("* started the local emulator at {}", emulator.base_url()),
                );
            }
            (emulator.base_url(), Some(emulator))
        } else {
            (settings.base_url()?.to_string(), None)
        };
        profile::check_base_url(&base_url)?;
        let mut http = reqwest::Client::builder();
        // A proxy from the environment is for the outside world, never for loopback (the
        // emulator, local test servers).
        if url::Url::parse(&base_url).is_ok_and(|u| profile::is_loopback(&u)) {
            http = http.no_proxy();
        }
        let http = http
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
            connection: settings.connection.clone(),
            policy,
            trace,
            emulator,
            invoke_url,
            redactor,
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub fn org_id(&self) -> &str {
        &self.org_id
    }

    /// Sends a request and turns a 4xx/5xx statusCode into an error: for the extension-data
    /// commands, where only a success has a payload worth printing.
    pub async fn call(&self, request: &InvokeRequest) -> Result<InvokeResponse> {
        let response = self.invoke(request).await?;
        self.check_status(&response)?;
        Ok(response)
    }

    /// Turns the called API's status into the exit code of SPEC §4 (4xx → 4, 5xx → 5). The
    /// message quotes the server, so it is redacted: a server may echo what it was sent.
    pub fn check_status(&self, response: &InvokeResponse) -> Result<()> {
        let Some(status) = response
            .status_code
            .filter(|s| Kind::from_status(*s).is_some())
        else {
            return Ok(());
        };
        let detail = response
            .body
            .desk_error()
            .map(|d| format!(": {d}"))
            .unwrap_or_default();
        Err(Error::status(
            status,
            self.redact(&format!("the API answered {status}{detail}")),
        ))
    }

    /// The invoke endpoint, with orgId.
    pub fn invoke_url(&self) -> &str {
        self.invoke_url.as_str()
    }

    /// Fills what the profile supplies: a requestURL starting with `/` is joined to the base
    /// URL; the profile's connection is the default connectionLinkName.
    pub fn complete(&self, mut fields: InvokeFields) -> InvokeFields {
        if let Some(url) = fields.get(Field::RequestUrl) {
            if url.starts_with('/') {
                let joined = format!("{}{url}", self.base_url);
                fields.set(Field::RequestUrl, joined);
            }
        }
        if fields.get(Field::ConnectionLinkName).is_none() {
            fields.set_opt(Field::ConnectionLinkName, self.connection.clone());
        }
        fields
    }

    /// The HASH and the form body for these fields: the same values, signed raw and sent
    /// URL-encoded.
    pub fn sign(&self, fields: &InvokeFields) -> (String, String) {
        let hash = fields.hash(self.secret.expose().as_bytes());
        (hash, encode_form(self.security_context.expose(), fields))
    }

    /// Sends one invoke request with retries. A non-2xx answer from the invoke endpoint
    /// itself (Desk rejecting the call) is an error; the called API's status is the caller's
    /// to judge, through `check_status`.
    pub async fn invoke(&self, request: &InvokeRequest) -> Result<InvokeResponse> {
        let fields = self.complete(request.fields.clone());
        let (hash, form) = self.sign(&fields);
        let url = self.invoke_url();
        let what = format!(
            "{} {}",
            fields.get(Field::RequestType).unwrap_or("GET"),
            fields.get(Field::RequestUrl).unwrap_or("")
        );
        let max_attempts = self.policy.retries + 1;
        let mut attempt = 0;
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
            let started = Instant::now();
            let sent = self
                .http
                .post(self.invoke_url.clone())
                .header("HASH", &hash)
                .header(
                    reqwest::header::CONTENT_TYPE,
                    "application/x-www-form-urlencoded",
                )
                .body(form.clone())
                .send()
                .await;
            let outcome = match sent {
                Ok(reply) => {
                    let status = reply.status().as_u16();
                    let retry_after = retry_after(reply.headers());
                    match reply.bytes().await {
                        Ok(bytes) => {
                            let elapsed = started.elapsed();
                            Ok((status, retry_after, bytes, elapsed))
                        }
                        Err(e) => Err(e),
                    }
                }
                Err(e) => Err(e),
            };
            let retry = match outcome {
                Ok((status, retry_after, bytes, elapsed)) => {
                    let decoded = decode(&bytes);
                    self.trace(1, || {
                        format!(
                            "< {status} in {} ms{}",
                            elapsed.as_millis(),
                            decoded
                                .status_code
                                .map(|s| format!(", statusCode {s}"))
                                .unwrap_or_default()
                        )
                    });
                    self.trace(2, || {
                        format!("< {}", self.redact(&String::from_utf8_lossy(&bytes)))
                    });
                    let inner = decoded.status_code;
                    let retryable =
                        retryable_status(status, retry_after.is_some(), request.idempotent)
                            || (status == 200
                                && inner.is_some_and(|s| {
                                    retryable_status(s, false, request.idempotent)
                                }));
                    if retryable && attempt < max_attempts {
                        (
                            retry_after,
                            format!("HTTP {}", inner.filter(|_| status == 200).unwrap_or(status)),
                        )
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
                Err(e) => {
                    let not_processed = e.is_connect();
                    let message = describe(&e, self.policy.timeout);
                    self.trace(1, || format!("< failed: {message}"));
                    if attempt < max_attempts && (not_processed || request.idempotent) {
                        (None, message)
                    } else {
                        let mut error = Error::network(message);
                        if !not_processed && !request.idempotent && attempt < max_attempts {
                            error = error.with_hint("not retried: the request may have been processed (it is not idempotent)");
                        }
                        return Err(error);
                    }
                }
            };
            let (retry_after, reason) = retry;
            let delay = backoff(attempt, retry_after);
            self.trace(1, || {
                format!("* retrying in {} ms after {reason}", delay.as_millis())
            });
            tokio::time::sleep(delay).await;
        }
    }

    /// A trace line, built only when `-v`/`-vv` asks for its level.
    fn trace(&self, level: u8, line: impl FnOnce() -> String) {
        if self.policy.verbose >= level {
            (self.trace)(level, &line());
        }
    }

    /// Replaces the secret and securityContext wherever they occur.
    pub fn redact(&self, text: &str) -> String {
        self.redactor.apply(text)
    }

    /// Stops the in-process emulator, if any, after in-flight requests.
    pub async fn close(self) {
        if let Some(emulator) = self.emulator {
            emulator.shutdown().await;
        }
    }
}

/// The form body: securityContext, then the fields in signing order, URL-encoded.
pub fn encode_form(security_context: &str, fields: &InvokeFields) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("securityContext", security_context);
    for (field, value) in fields.present() {
        form.append_pair(field.name(), value);
    }
    form.finish()
}

fn attempt_note(attempt: u32, max: u32) -> String {
    if attempt > 1 {
        format!(" [attempt {attempt}/{max}]")
    } else {
        String::new()
    }
}

/// 429 is always retried (the server refused before processing); 503 when it says when to
/// come back or the call is idempotent; 502 and 504 only when idempotent.
fn retryable_status(status: u16, has_retry_after: bool, idempotent: bool) -> bool {
    match status {
        429 => true,
        503 => has_retry_after || idempotent,
        502 | 504 => idempotent,
        _ => false,
    }
}

fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

/// Exponential backoff with full jitter (100 ms base, 5 s cap); a Retry-After wins, capped at
/// 30 s so a confused server cannot park the tool.
fn backoff(attempt: u32, retry_after: Option<Duration>) -> Duration {
    if let Some(after) = retry_after {
        return after.min(Duration::from_secs(30));
    }
    let ceiling = Duration::from_millis(100)
        .saturating_mul(1 << attempt.min(6))
        .min(Duration::from_secs(5));
    let millis = ceiling.as_millis() as u64;
    Duration::from_millis(rand::rng().random_range(millis / 2..=millis))
}

fn describe(error: &reqwest::Error, timeout: Duration) -> String {
    let url = error
        .url()
        .map(|u| format!(" {}", u.as_str().split('?').next().unwrap_or("")))
        .unwrap_or_default();
    if error.is_timeout() {
        format!(
            "timed out after {}{url}",
            humantime::format_duration(timeout)
        )
    } else if error.is_connect() {
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

/// Desk (or the emulator) refused the invoke call itself.
fn rejected(status: u16, response: &InvokeResponse) -> Error {
    let detail = response
        .body
        .desk_error()
        .unwrap_or_else(|| format!("HTTP {status}"));
    let error = Error::status(
        status,
        format!("the invoke API refused the request ({status}): {detail}"),
    );
    if status == 401 || detail.to_ascii_lowercase().contains("hash") {
        error.with_hint("check the secret: Desk computes the HASH over the same fields and they did not match (see `desk-invoke invoke --dry-run`)")
    } else {
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_rules() {
        assert!(retryable_status(429, false, false));
        assert!(retryable_status(503, true, false));
        assert!(!retryable_status(503, false, false));
        assert!(retryable_status(503, false, true));
        assert!(retryable_status(502, false, true));
        assert!(!retryable_status(502, false, false));
        assert!(!retryable_status(500, true, true));
        assert!(!retryable_status(404, true, true));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        for attempt in 1..20 {
            let d = backoff(attempt, None);
            assert!(d <= Duration::from_secs(5), "{d:?}");
            assert!(d >= Duration::from_millis(100), "{d:?}");
        }
        assert_eq!(
            backoff(1, Some(Duration::from_secs(2))),
            Duration::from_secs(2)
        );
        assert_eq!(
            backoff(1, Some(Duration::from_secs(3600))),
            Duration::from_secs(30)
        );
    }
}
