//! Following a Desk list page by page (`from`, `limit`): storage listings and
//! `invoke --paginate` go through here, so the stopping rules exist once.

use crate::api::error::{Error, Kind, Result};
use serde::Serialize;
use std::collections::HashSet;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};

/// How many items' fingerprints one generation of `Seen` holds: at least this many of the
/// latest items are remembered (at most twice as many, about 2 MB).
const GENERATION: usize = 50_000;

/// Fetches pages from `from`, `limit` at a time: `fetch(from)` gets one, `each` receives it
/// and says whether to go on (a reader that stopped wants no more). Stops at a short or empty
/// page. A page that brings no item not already seen is an error (exit 5): a server that
/// ignores `from` (repeating one page, alternating two, cycling through several, reshuffling)
/// would otherwise be read forever. An offset past `u64::MAX` is an error too, never a wrap
/// back to the start. Returns how many items came.
pub(crate) async fn follow<T, Fut>(
    mut from: u64,
    limit: u64,
    mut fetch: impl FnMut(u64) -> Fut,
    mut each: impl FnMut(&[T]) -> Result<bool>,
) -> Result<u64>
where
    T: Serialize,
    Fut: Future<Output = Result<Vec<T>>>,
{
    let limit = limit.max(1);
    if from.checked_add(limit).is_none() {
        return Err(Error::usage(format!(
            "from={from} with limit={limit} goes past the largest offset ({})",
            u64::MAX
        )));
    }
    let mut seen = Seen::default();
    let mut total = 0;
    loop {
        let page = fetch(from).await?;
        if !page.is_empty() && !seen.any_new(&page) {
            return Err(Error::new(
                Kind::Server,
                format!(
                    "the server answered from={from} with only items it had already sent: it ignores paging; stopped"
                ),
            ));
        }
        let count = page.len() as u64;
        total += count;
        if !each(&page)? || count < limit {
            return Ok(total);
        }
        from = from.checked_add(count).ok_or_else(|| {
            Error::new(
                Kind::Server,
                format!(
                    "the list goes on past the largest offset ({}); stopped",
                    u64::MAX
                ),
            )
        })?;
    }
}

/// Fingerprints of the items seen so far, in two generations so that memory stays bounded
/// while the latest `GENERATION` items are always remembered. The hash keys are random per
/// process, so a server cannot craft collisions.
#[derive(Default)]
struct Seen {
    keys: std::collections::hash_map::RandomState,
    current: HashSet<u64>,
    previous: HashSet<u64>,
}

impl Seen {
    /// Records the page's items; whether any of them had not been seen.
    fn any_new<T: Serialize>(&mut self, page: &[T]) -> bool {
        let mut new = false;
        for item in page {
            let print = self.fingerprint(item);
            if !self.current.contains(&print) && !self.previous.contains(&print) {
                new = true;
            }
            if self.current.len() >= GENERATION {
                self.previous = std::mem::take(&mut self.current);
            }
            self.current.insert(print);
        }
        new
    }

    fn fingerprint<T: Serialize>(&self, item: &T) -> u64 {
        let mut hasher = HashWriter(self.keys.build_hasher());
        // Serialising a value that came from JSON cannot fail; if it did, every such item
        // would look alike, which only stops a listing early.
        let _ = serde_json::to_writer(&mut hasher, item);
        hasher.0.finish()
    }
}

/// Feeds serialised bytes straight into a hasher, with no buffer.
struct HashWriter<H>(H);

impl<H: Hasher> std::io::Write for HashWriter<H> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_from(from: u64, pages: impl Fn(u64) -> Vec<u64>, limit: u64) -> Result<Vec<u64>> {
        let mut seen = Vec::new();
        let mut fetched = 0;
        let future = follow(
            from,
            limit,
            |from| {
                fetched += 1;
                assert!(fetched < 1000, "a bounded test");
                std::future::ready(Ok(pages(from)))
            },
            |page: &[u64]| {
                seen.extend_from_slice(page);
                Ok(true)
            },
        );
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(future)?;
        Ok(seen)
    }

    fn run(pages: impl Fn(u64) -> Vec<u64>, limit: u64) -> Result<Vec<u64>> {
        run_from(0, pages, limit)
    }

    #[test]
    fn follows_until_a_short_page_and_refuses_a_repeated_one() {
        let list = |from: u64| (from..(from + 3).min(7)).collect::<Vec<_>>();
        assert_eq!(run(list, 3).unwrap(), (0..7).collect::<Vec<_>>());
        let exact = |from: u64| (from..(from + 3).min(6)).collect::<Vec<_>>();
        assert_eq!(
            run(exact, 3).unwrap().len(),
            6,
            "an empty page ends an exact fit"
        );
        let stubborn = |_from: u64| vec![1, 2, 3];
        assert!(run(stubborn, 3)
            .unwrap_err()
            .message
            .contains("ignores paging"));
    }

    #[test]
    fn any_page_seen_before_stops_the_listing() {
        let alternating = |from: u64| {
            if from.is_multiple_of(6) {
                vec![1, 2, 3]
            } else {
                vec![4, 5, 6]
            }
        };
        let cycling = |from: u64| {
            let start = (from / 3 % 3) * 3;
            (start..start + 3).collect()
        };
        let reshuffled = |from: u64| {
            if from == 0 {
                vec![1, 2, 3]
            } else {
                vec![3, 1, 2]
            }
        };
        for (name, error) in [
            ("alternating", run(alternating, 3)),
            ("cycling", run(cycling, 3)),
            ("reshuffled", run(reshuffled, 3)),
        ] {
            let error = error.unwrap_err();
            assert_eq!(error.kind, Kind::Server, "{name}");
            assert!(error.message.contains("ignores paging"), "{name}");
        }
        let overlapping = |from: u64| {
            let start = from.saturating_sub(1);
            (start..(start + 3).min(9)).collect::<Vec<_>>()
        };
        assert!(
            run(overlapping, 3).is_ok(),
            "a page with new items goes on (an insert shifts a page)"
        );
    }

    #[test]
    fn offsets_never_wrap() {
        let error = run_from(u64::MAX - 2, |from| vec![from], 3).unwrap_err();
        assert_eq!(error.kind, Kind::Usage);
        let full = |from: u64| (0..3).map(|i| from.wrapping_add(i)).collect::<Vec<_>>();
        assert_eq!(
            run_from(u64::MAX - 6, full, 3).unwrap_err().kind,
            Kind::Server,
            "a list that reaches the largest offset ends in an error"
        );
    }

    #[test]
    fn memory_stays_bounded_and_recent_items_stay_remembered() {
        let mut seen = Seen::default();
        for page in 0..(3 * GENERATION as u64 / 100) {
            let items: Vec<u64> = (page * 100..page * 100 + 100).collect();
            assert!(seen.any_new(&items));
        }
        assert!(seen.current.len() + seen.previous.len() <= 2 * GENERATION);
        let last: Vec<u64> = (3 * GENERATION as u64 - 100..3 * GENERATION as u64).collect();
        assert!(!seen.any_new(&last));
    }
}
