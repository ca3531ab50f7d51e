//! Fault injection for reliability tests: `--fail-rate P` and `--latency DURATION`.
//!
//! Faults are decided per HTTP request at the connection level, before the request reaches
//! the router, so a faulted request never reads or changes the database: a client that
//! retries after a fault sees exactly the state it would have seen without it.

use axum::body::Body;
use axum::http::{header, HeaderValue, Response, StatusCode};
use std::fmt;
use std::time::Duration;

/// What an injected fault does to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fault {
    /// `429 Too Many Requests` with `Retry-After: 1` (whole seconds: RFC 9110 allows no
    /// fractions, and a client must be able to parse it).
    RateLimited,
    /// `503 Service Unavailable`.
    Unavailable,
    /// The TCP connection is closed without any response bytes.
    DroppedConnection,
}

impl Fault {
    const ALL: [Fault; 3] = [
        Fault::RateLimited,
        Fault::Unavailable,
        Fault::DroppedConnection,
    ];
}

#[derive(Debug, Clone, Copy)]
pub(super) struct FaultPolicy {
    /// Probability in 0..=1 that a request is faulted.
    pub fail_rate: f64,
    /// Delay before every answer, faulted or not.
    pub latency: Option<Duration>,
}

impl FaultPolicy {
    /// Draws the fault for one request, if any; each kind of fault is equally likely.
    pub(super) fn pick(&self) -> Option<Fault> {
        if self.fail_rate <= 0.0 || rand::random::<f64>() >= self.fail_rate {
            return None;
        }
        Some(Fault::ALL[rand::random_range(0..Fault::ALL.len())])
    }
}

/// The error a service returns to make hyper close the connection without answering.
#[derive(Debug)]
pub(super) struct InjectedDrop;

impl fmt::Display for InjectedDrop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for InjectedDrop {}

/// The HTTP answer for a fault that answers at all.
pub(super) fn response(fault: Fault) -> Result<Response<Body>, InjectedDrop> {
    let (status, code, message) = match fault {
        Fault::RateLimited => (
            StatusCode::TOO_MANY_REQUESTS,
            "TOO_MANY_REQUESTS",
            "injected fault: too many requests, retry after 1 second",
        ),
        Fault::Unavailable => (
            StatusCode::SERVICE_UNAVAILABLE,
            "SERVICE_UNAVAILABLE",
            "injected fault: service unavailable, try again",
        ),
        Fault::DroppedConnection => return Err(InjectedDrop),
    };
    let body = serde_json::json!({ "errorCode": code, "message": message }).to_string();
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    if fault == Fault::RateLimited {
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_rate_never_faults_and_full_rate_always_does() {
        let never = FaultPolicy {
            fail_rate: 0.0,
            latency: None,
        };
        let always = FaultPolicy {
            fail_rate: 1.0,
            latency: None,
        };
        let mut seen = Vec::new();
        for _ in 0..300 {
            assert_eq!(never.pick(), None);
            let fault = always.pick().expect("rate 1 faults every request");
            if !seen.contains(&fault) {
                seen.push(fault);
            }
        }
        // 300 draws of three equally likely kinds: missing one has odds of about 1e-52.
        assert_eq!(seen.len(), 3, "all kinds of fault occur: {seen:?}");
    }

    #[test]
    fn rate_limit_says_when_to_retry() {
        let rate_limited = response(Fault::RateLimited).unwrap();
        assert_eq!(rate_limited.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(rate_limited.headers()[header::RETRY_AFTER], "1");
        assert_eq!(
            response(Fault::Unavailable).unwrap().status(),
            StatusCode::SERVICE_UNAVAILABLE
        );
        assert!(response(Fault::DroppedConnection).is_err());
    }
}
