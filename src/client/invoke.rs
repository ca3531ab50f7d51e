//! Sending one invoke request: sign, POST, judge the answer, retry within the deadline,
//! pause with the pacer on a 429; redirects are refused.

use super::{retry, Client, InvokeRequest};
use crate::api::envelope::{decode, InvokeResponse};
use crate::api::error::{Error, Kind, Result};
use crate::api::signing::Field;
use std::time::{Duration, Instant};

impl Client {
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
