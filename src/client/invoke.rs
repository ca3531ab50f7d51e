//! Sending one invoke request: sign, POST, judge the answer, retry within the deadline,
//! pause with the pacer on a 429; redirects are refused.

use super::body::{read_capped, BodyError};
use super::{retry, Client, InvokeRequest};
use crate::api::envelope::{decode, InvokeResponse};
use crate::api::error::{Error, Kind, Remedy, Result};
use crate::api::mask::Masker;
use crate::api::signing::Field;
use std::time::{Duration, Instant};

impl Client {
    /// Sends one invoke request with retries, within `--timeout` for the whole request
    /// (attempts, backoff, Retry-After waits and rate-limit pauses included). A non-2xx
    /// answer from the invoke endpoint itself (Desk rejecting the call), or a reply that is
    /// not an invoke answer, is an error; the called API's status is the caller's to judge,
    /// through `check_status`.
    ///
    /// With a pacer (bulk commands), the request first waits for its slot (not counted: that
    /// is the command's own pacing); a 429 then pauses every request of the pacer until
    /// Retry-After without using up a retry (at most `MAX_RATE_LIMIT_PAUSES` times). A wait
    /// the server asks for that would end past the deadline is not waited: its answer is
    /// reported at once.
    pub(crate) async fn invoke(&self, request: &InvokeRequest) -> Result<InvokeResponse> {
        let fields = self.complete(request.fields.clone());
        let (hash, form) = self.sign(&fields);
        let what = format!(
            "{} {}",
            fields.get(Field::RequestType).unwrap_or("GET"),
            fields.get(Field::RequestUrl).unwrap_or("")
        );
        let max_attempts = self.policy.retries + 1;
        let timeout = self.policy.timeout;
        if let Some(pacer) = &request.pacer {
            pacer
                .wait(later(Instant::now(), timeout))
                .await
                .map_err(|left| self.pause_too_long(left, timeout))?;
        }
        let deadline = later(Instant::now(), timeout);
        let (mut attempt, mut pauses) = (0, 0);
        loop {
            attempt += 1;
            self.trace_attempt(attempt, max_attempts, &what, &hash, &form);
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(self.timed_out(attempt - 1));
            }
            let retry = match self.send_once(&hash, &form, remaining).await {
                Err(NoReply::Final(error)) => return Err(error),
                Err(NoReply::Failed(e)) if e.is_timeout() => return Err(self.timed_out(attempt)),
                Err(NoReply::Failed(e)) => {
                    self.after_failure(&e, request, attempt < max_attempts)?
                }
                Ok(reply) => {
                    let paced_429 = request.pacer.is_some();
                    match self.judge(reply, request, attempt < max_attempts, paced_429)? {
                        Judged::Done(response) => return Ok(response),
                        Judged::Retry(retry) => retry,
                    }
                }
            };
            let left = deadline.saturating_duration_since(Instant::now());
            if let (true, Some(pacer)) = (retry.rate_limited, &request.pacer) {
                if pauses < MAX_RATE_LIMIT_PAUSES {
                    pauses += 1;
                    attempt -= 1;
                    let pause = retry.after.unwrap_or(Duration::from_secs(1));
                    // Everyone else is held all the same: the server asked for it.
                    pacer.pause(pause);
                    if pause >= left {
                        return Err(self.wait_too_long(&retry, pause, left));
                    }
                    self.trace(1, || {
                        format!(
                            "* rate limited: every request waits {} ms",
                            pause.as_millis()
                        )
                    });
                    pacer
                        .wait(deadline)
                        .await
                        .map_err(|_| self.wait_too_long(&retry, pause, left))?;
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
            if delay >= left {
                return Err(match retry.after {
                    Some(after) => self.wait_too_long(&retry, after, left),
                    None => self.timed_out(attempt),
                });
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

    fn trace_attempt(&self, attempt: u32, max_attempts: u32, what: &str, hash: &str, form: &str) {
        let url = self.invoke_url();
        self.trace(1, || {
            format!(
                "> POST {url}  ({what}){}",
                attempt_note(attempt, max_attempts)
            )
        });
        if attempt == 1 {
            self.trace(2, || format!("> HASH: {hash}"));
            self.trace(2, || format!("> {}", self.redact(form)));
        }
    }

    /// A POST that got no answer: retried when it cannot have been processed, or may safely
    /// be processed twice.
    fn after_failure(
        &self,
        error: &reqwest::Error,
        request: &InvokeRequest,
        may_retry: bool,
    ) -> Result<Retry> {
        let not_processed = error.is_connect();
        let message = describe(error);
        self.trace(1, || format!("< failed: {message}"));
        if may_retry && (not_processed || request.idempotent) {
            return Ok(Retry {
                after: None,
                reason: message,
                status: None,
                rate_limited: false,
            });
        }
        let mut error = Error::network(message);
        if !not_processed && !request.idempotent && may_retry {
            error = error.with_hint(
                "not retried: the request may have been processed (it is not idempotent)",
            );
        }
        Err(error)
    }

    /// What an answer means: done, worth another try, or an error.
    fn judge(
        &self,
        reply: RawReply,
        request: &InvokeRequest,
        may_retry: bool,
        paced: bool,
    ) -> Result<Judged> {
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
            let text = self.redact(&String::from_utf8_lossy(&reply.bytes));
            let secrets = request
                .reply_secrets
                .map(|find| find(&decoded))
                .unwrap_or_default();
            let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
            match Masker::new(&secrets) {
                Some(masker) => format!("< {}", masker.mask(&text)),
                None => format!("< {text}"),
            }
        });
        // The called API's own 429/503 comes inside a 200, with its Retry-After among the
        // responseHeaders.
        let (effective, retry_after) = match (status, decoded.status_code) {
            (200, Some(inner)) => (
                inner,
                header_value(&decoded.response_headers, "retry-after")
                    .and_then(|v| retry::parse_retry_after(&v)),
            ),
            _ => (status, reply.retry_after),
        };
        let retryable =
            retry::retryable_status(effective, retry_after.is_some(), request.idempotent);
        if retryable && (may_retry || (effective == 429 && paced)) {
            return Ok(Judged::Retry(Retry {
                after: retry_after,
                reason: format!("HTTP {effective}"),
                status: Some(effective),
                rate_limited: effective == 429,
            }));
        }
        if !(200..300).contains(&status) {
            let error = rejected(status, &decoded);
            return Err(Error {
                message: self.redact(&error.message),
                ..error
            });
        }
        if !decoded.is_envelope() {
            return Err(self.not_an_invoke_answer(&reply));
        }
        // Whether the called API succeeded is its statusCode: without one, nobody knows.
        if decoded.status_code.is_none() {
            let given = match decoded.envelope.get("statusCode") {
                None => "none".to_string(),
                Some(value) => format!(
                    "`{}`",
                    crate::api::text::escape_control(&crate::api::text::truncate(
                        &value.to_string(),
                        40
                    ))
                ),
            };
            return Err(Error::new(
                Kind::Server,
                format!("the invoke answer has no readable statusCode ({given}): the called API's outcome is unknown"),
            ));
        }
        Ok(Judged::Done(decoded))
    }

    fn timed_out(&self, attempts: u32) -> Error {
        Error::network(format!(
            "timed out after {} (the whole request, {attempts} attempt{})",
            crate::api::duration::show_duration(self.policy.timeout),
            if attempts == 1 { "" } else { "s" }
        ))
        .with_remedy(Remedy::LongerTimeout)
    }

    /// The server asked to wait longer than `--timeout` leaves: its answer is the error.
    fn wait_too_long(&self, retry: &Retry, wait: Duration, left: Duration) -> Error {
        let status = retry.status.unwrap_or(429);
        Error::status(
            status,
            format!(
                "the API answered {status}{} and asked to wait {}, more than the {} left of the {} timeout",
                if status == 429 { " (rate limited)" } else { "" },
                readable(wait),
                readable(left),
                crate::api::duration::show_duration(self.policy.timeout),
            ),
        )
        .with_remedy(Remedy::LongerTimeout)
    }

    /// A rate-limit pause, started by another request's 429, that outlasts `--timeout`.
    fn pause_too_long(&self, left: Duration, timeout: Duration) -> Error {
        Error::status(
            429,
            format!(
                "the API answered 429 (rate limited): every request waits {} more, longer than the {} timeout",
                readable(left),
                crate::api::duration::show_duration(timeout),
            ),
        )
        .with_remedy(Remedy::LongerTimeout)
    }

    /// A 2xx that is not an invoke envelope: a proxy's login page, compressed bytes, a wrong
    /// base URL. Never passed on as the called API's answer.
    fn not_an_invoke_answer(&self, reply: &RawReply) -> Error {
        let shown = match std::str::from_utf8(&reply.bytes) {
            Ok("") => "an empty body".to_string(),
            Ok(text) => format!(
                "`{}`",
                crate::api::text::escape_control(&crate::api::text::truncate(text.trim(), 80))
            ),
            Err(_) => "bytes that are not text".to_string(),
        };
        let content_type = reply
            .content_type
            .as_deref()
            .map(|t| format!(", Content-Type {}", crate::api::text::escape_control(t)))
            .unwrap_or_default();
        Error::new(
            Kind::Server,
            self.redact(&format!(
                "the invoke API answered {} with something that is not an invoke answer ({} bytes{content_type}): {shown}",
                reply.status,
                reply.bytes.len(),
            )),
        )
        .with_hint("check the base URL: is a proxy, a login page or another service answering in Desk's place? (-vv shows the reply)")
    }

    /// One POST of the invoke form, bounded by `timeout`, its reply read up to
    /// `--max-body-size`.
    async fn send_once(
        &self,
        hash: &str,
        form: &str,
        timeout: Duration,
    ) -> std::result::Result<RawReply, NoReply> {
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
            .map_err(NoReply::Failed)?;
        if reply.status().is_redirection() {
            return Err(NoReply::Final(self.redirected(&reply)));
        }
        let status = reply.status().as_u16();
        let header = |name| {
            reply
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let retry_after = header(reqwest::header::RETRY_AFTER)
            .as_deref()
            .and_then(retry::parse_retry_after);
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let bytes = read_capped(reply, self.policy.max_body_size)
            .await
            .map_err(|e| match e {
                BodyError::TooLarge(error) => NoReply::Final(error),
                BodyError::Failed(error) => NoReply::Failed(error),
            })?;
        Ok(RawReply {
            status,
            retry_after,
            content_type,
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

/// `now + wait`, saturating: durations are at most a day, but a clock is never overflowed.
fn later(now: Instant, wait: Duration) -> Instant {
    now.checked_add(wait).unwrap_or(now)
}

/// A duration as a person reads it in a message: `30s`, `4.2s`, `250ms`.
fn readable(duration: Duration) -> String {
    let millis = duration.as_millis();
    if millis >= 1000 {
        format!("{:.1}s", duration.as_secs_f64()).replace(".0s", "s")
    } else {
        format!("{millis}ms")
    }
}

/// What one POST came back with.
struct RawReply {
    status: u16,
    retry_after: Option<Duration>,
    content_type: Option<String>,
    bytes: Vec<u8>,
    elapsed: Duration,
}

/// Why one POST has no reply to judge.
enum NoReply {
    /// An answer that is an error as it stands (a redirect, a body over the cap): no retry.
    Final(Error),
    Failed(reqwest::Error),
}

/// What a reply means.
enum Judged {
    Done(InvokeResponse),
    Retry(Retry),
}

/// Why and when to try again.
struct Retry {
    after: Option<Duration>,
    reason: String,
    /// The HTTP status that asked for it, if one did.
    status: Option<u16>,
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
    // The innermost cause is the readable one: "connection closed before message
    // completed", "invalid peer certificate: UnknownIssuer", "Connection refused", a failed
    // name lookup.
    let mut cause: &dyn std::error::Error = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    if error.is_connect() {
        format!("cannot connect to{url}: {cause}")
    } else {
        format!("request to{url} failed: {cause}")
    }
}

/// Desk (or the emulator) refused the invoke call itself. What to change follows the
/// errorCode.
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
    error.with_remedy(rejection_remedy(status, &code))
}

/// What to change for each of the invoke API's own rejections.
fn rejection_remedy(status: u16, error_code: &str) -> Option<Remedy> {
    Some(match error_code {
        "INVALID_HASH" | "MISSING_HASH" => Remedy::CheckSecret,
        "INVALID_SECURITY_CONTEXT" | "MISSING_SECURITY_CONTEXT" => Remedy::FreshSecurityContext,
        "ORG_ID_MISMATCH" | "MISSING_ORG_ID" => Remedy::CheckOrgId,
        "PAYLOAD_TOO_LARGE" => Remedy::SendLess,
        "HOST_NOT_ALLOWED" => Remedy::AllowHost,
        "UNKNOWN_CONNECTION" => Remedy::DeclareConnection,
        _ if status == 401 => Remedy::CheckCredentials,
        _ if status == 429 => Remedy::SlowDown,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rejection_names_what_to_change_and_others_nothing() {
        let cases = [
            (401, "INVALID_HASH", Some(Remedy::CheckSecret)),
            (
                401,
                "MISSING_SECURITY_CONTEXT",
                Some(Remedy::FreshSecurityContext),
            ),
            (401, "ORG_ID_MISMATCH", Some(Remedy::CheckOrgId)),
            (413, "PAYLOAD_TOO_LARGE", Some(Remedy::SendLess)),
            (403, "HOST_NOT_ALLOWED", Some(Remedy::AllowHost)),
            (400, "UNKNOWN_CONNECTION", Some(Remedy::DeclareConnection)),
            (401, "", Some(Remedy::CheckCredentials)),
            (429, "", Some(Remedy::SlowDown)),
            (404, "", None),
            (500, "INTERNAL", None),
        ];
        for (status, code, remedy) in cases {
            assert_eq!(rejection_remedy(status, code), remedy, "{status} {code}");
        }
    }
}
