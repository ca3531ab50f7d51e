//! Pacing for bulk commands: requests of one operation class go out at most at a `Rate`, and
//! a 429 pauses every request of the class at once (one shared pause, not a retry per item).

pub(crate) use crate::api::rate::Rate;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Hands out send slots `interval` apart, and holds everyone during a shared pause.
#[derive(Debug)]
pub(crate) struct Pacer {
    interval: Option<Duration>,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    next_slot: Instant,
    paused_until: Option<Instant>,
}

impl Pacer {
    /// `None`: no limit, only the shared pause after a 429.
    pub(crate) fn new(rate: Option<Rate>) -> Pacer {
        Pacer {
            // A 2 % margin: network jitter must not push one request too many into a window
            // that the server counts from its own clock.
            interval: rate.map(|rate| rate.interval().mul_f64(1.02)),
            state: Mutex::new(State {
                next_slot: Instant::now(),
                paused_until: None,
            }),
        }
    }

    pub(crate) fn interval(&self) -> Option<Duration> {
        self.interval
    }

    /// Waits for this request's slot (and for any pause to end). A pause running past
    /// `latest` is not waited for: the time it still has to run is returned instead, so that
    /// `--timeout` bounds what the server makes a request wait (the slot spacing, the
    /// command's own pacing, is not bounded by it).
    pub(crate) async fn wait(&self, latest: Instant) -> Result<(), Duration> {
        loop {
            let now = Instant::now();
            if let Some(until) = self.paused_until().filter(|until| *until > latest) {
                return Err(until.saturating_duration_since(now));
            }
            let slot = self.reserve(now);
            // A slot that is already due goes at once: a timer, even an elapsed one, would
            // wait for the next tick of the clock.
            if slot > Instant::now() {
                tokio::time::sleep_until(slot.into()).await;
            }
            // A pause that began while this request slept holds it too.
            if self
                .paused_until()
                .is_none_or(|until| until <= Instant::now())
            {
                return Ok(());
            }
        }
    }

    fn paused_until(&self) -> Option<Instant> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.paused_until
    }

    /// The instant this request may go: after any pause, `interval` after the slot before.
    fn reserve(&self, now: Instant) -> Instant {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let earliest = match state.paused_until {
            Some(until) if until > now => until,
            _ => now,
        };
        let slot = state.next_slot.max(earliest);
        // An interval is at most a day (`duration::MAX_DURATION`); saturate all the same.
        state.next_slot = slot
            .checked_add(self.interval.unwrap_or_default())
            .unwrap_or(slot);
        slot
    }

    /// Holds every request for `pause` from now (a longer pause already running wins).
    pub(crate) fn pause(&self, pause: Duration) {
        // A pause is at most `retry::MAX_RETRY_AFTER`; saturate all the same.
        let now = Instant::now();
        let until = now.checked_add(pause).unwrap_or(now);
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.paused_until.is_none_or(|current| current < until) {
            state.paused_until = Some(until);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_spaced_and_pauses_hold_everyone() {
        let pacer = Pacer::new(Some("10/1s".parse().unwrap()));
        let now = Instant::now();
        let first = pacer.reserve(now);
        let second = pacer.reserve(now);
        assert_eq!(second - first, Duration::from_millis(102));
        pacer.pause(Duration::from_secs(2));
        let third = pacer.reserve(Instant::now());
        assert!(third >= now + Duration::from_secs(2));
        let unlimited = Pacer::new(None);
        assert_eq!(unlimited.reserve(now), unlimited.reserve(now));
    }
}
