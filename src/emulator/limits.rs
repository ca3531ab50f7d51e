//! Desk's published rate limits for extension storage (`api::storage::RateClass`: per
//! installation and minute, 50 create/update, 250 get and 50 delete requests).
//! `--rate-limits desk` enforces them over `--rate-window` (default 60 s; tests shrink it).
//! Windows are fixed: a class's window starts at its first request and its count resets when
//! the window ends. A refused request does not count. Each installation has its own budget.

use crate::api::storage::RateClass;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub(super) struct RateLimiter {
    window: Duration,
    /// Per installation and class: when its window started and how many requests it has
    /// admitted.
    windows: Mutex<HashMap<(String, RateClass), (Instant, u32)>>,
}

impl RateLimiter {
    pub(super) fn desk(window: Duration) -> RateLimiter {
        RateLimiter {
            window,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Admits one request of `class` for the installation now, or says how long until its
    /// window ends.
    pub(super) fn admit(
        &self,
        installation_id: &str,
        class: RateClass,
        now: Instant,
    ) -> Result<(), Duration> {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let (started, count) = windows
            .entry((installation_id.to_string(), class))
            .or_insert((now, 0));
        if now.duration_since(*started) >= self.window {
            *started = now;
            *count = 0;
        }
        if *count < class.limit() {
            *count += 1;
            Ok(())
        } else {
            Err(self.window.saturating_sub(now.duration_since(*started)))
        }
    }

    pub(super) fn window(&self) -> Duration {
        self.window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_admits_its_limit_then_resets() {
        let limiter = RateLimiter::desk(Duration::from_secs(1));
        let t0 = Instant::now();
        for _ in 0..50 {
            assert!(limiter.admit("a", RateClass::Write, t0).is_ok());
        }
        let wait = limiter
            .admit("a", RateClass::Write, t0 + Duration::from_millis(400))
            .unwrap_err();
        assert_eq!(wait, Duration::from_millis(600));
        // Other installations and classes have windows of their own.
        assert!(limiter.admit("b", RateClass::Write, t0).is_ok());
        assert!(limiter.admit("a", RateClass::Read, t0).is_ok());
        assert!(limiter
            .admit("a", RateClass::Write, t0 + Duration::from_secs(1))
            .is_ok());
    }
}
