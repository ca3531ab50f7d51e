//! When to retry and how long to wait: small pure functions, so the rules are tested alone.

use std::time::Duration;

/// The longest Retry-After honoured: a confused server cannot park the tool.
pub(super) const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// 429 is always retried (the server refused before processing); 503 when it says when to
/// come back or the call is idempotent; 502 and 504 only when idempotent.
pub(super) fn retryable_status(status: u16, has_retry_after: bool, idempotent: bool) -> bool {
    match status {
        429 => true,
        503 => has_retry_after || idempotent,
        502 | 504 => idempotent,
        _ => false,
    }
}

/// A Retry-After value in seconds (whole or fractional); dates and nonsense are ignored.
pub(super) fn parse_retry_after(value: &str) -> Option<Duration> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(|s| Duration::from_secs_f64(s.min(MAX_RETRY_AFTER.as_secs_f64())))
}

/// Exponential backoff with jitter (100 ms base, 5 s cap, between half and all of the
/// ceiling; `jitter` in [0, 1) picks where); a Retry-After wins, capped.
pub(super) fn backoff(attempt: u32, retry_after: Option<Duration>, jitter: f64) -> Duration {
    if let Some(after) = retry_after {
        return after.min(MAX_RETRY_AFTER);
    }
    let ceiling = Duration::from_millis(100)
        .saturating_mul(1 << attempt.min(6))
        .min(Duration::from_secs(5));
    let half = ceiling / 2;
    half + half.mul_f64(jitter.clamp(0.0, 1.0))
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
    fn retry_after_values() {
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(parse_retry_after("3600"), Some(MAX_RETRY_AFTER));
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("NaN"), None);
    }

    #[test]
    fn backoff_grows_within_bounds() {
        for attempt in 1..20 {
            for jitter in [0.0, 0.5, 0.999] {
                let d = backoff(attempt, None, jitter);
                assert!(d <= Duration::from_secs(5), "{d:?}");
                assert!(d >= Duration::from_millis(100), "{d:?}");
            }
        }
        assert!(backoff(3, None, 0.0) > backoff(1, None, 0.999));
        assert_eq!(backoff(1, None, 0.0), Duration::from_millis(100));
        assert_eq!(
            backoff(1, Some(Duration::from_secs(2)), 0.3),
            Duration::from_secs(2)
        );
        assert_eq!(
            backoff(1, Some(Duration::from_secs(3600)), 0.3),
            MAX_RETRY_AFTER
        );
    }
}
