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

    /// Waits for this request's slot (and for any pause to end).
    pub(crate) async fn wait(&self) {
        loop {
            let slot = self.reserve(Instant::now());
            // A slot that is already due goes at once: a timer, even an elapsed one, would
            // wait for the next tick of the clock.
            if slot > Instant::now() {
                tokio::time::sleep_until(slot.into()).await;
            }
            // A pause that began while this request slept holds it too.
            let paused = {
                let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
                state
                    .paused_until
                    .is_some_and(|until| until > Instant::now())
            };
            if !paused {
                return;
            }
        }
    }

    /// The instant this request may go: after any pause, `interval` after the slot before.
    fn reserve(&self, now: Instant) -> Instant {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let earliest = match state.paused_until {
            Some(until) if until > now => until,
            _ => now,
        };
        let slot = state.next_slot.max(earliest);
        state.next_slot = slot + self.interval.unwrap_or_default();
        slot
    }

    /// Holds every request for `pause` from now (a longer pause already running wins).
    pub(crate) fn pause(&self, pause: Duration) {
        let until = Instant::now() + pause;
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
