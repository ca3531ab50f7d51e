//! Following a Desk list page by page (`from`, `limit`): storage listings and
//! `invoke --paginate` go through here, so the stopping rules exist once.

use crate::api::error::{Error, Kind, Result};
use std::future::Future;

/// Fetches pages from `from`, `limit` at a time: `fetch(from)` gets one, `each` receives it
/// and says whether to go on (a reader that stopped wants no more). Stops at a short or empty
/// page. A page that repeats the one before is an error: a server that ignores `from` would
/// otherwise be read forever. Returns how many items came.
pub(crate) async fn follow<T, Fut>(
    mut from: u64,
    limit: u64,
    mut fetch: impl FnMut(u64) -> Fut,
    mut each: impl FnMut(&[T]) -> Result<bool>,
) -> Result<u64>
where
    T: PartialEq,
    Fut: Future<Output = Result<Vec<T>>>,
{
    let mut previous: Option<Vec<T>> = None;
    let mut total = 0;
    loop {
        let page = fetch(from).await?;
        if !page.is_empty() && previous.as_ref() == Some(&page) {
            return Err(Error::new(
                Kind::Server,
                format!(
                    "the server answered from={from} with the same page as before: it ignores paging; stopped"
                ),
            ));
        }
        let count = page.len() as u64;
        total += count;
        if !each(&page)? || count < limit.max(1) {
            return Ok(total);
        }
        from += count;
        previous = Some(page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(pages: impl Fn(u64) -> Vec<u64>, limit: u64) -> Result<Vec<u64>> {
        let mut seen = Vec::new();
        let future = follow(
            0,
            limit,
            |from| std::future::ready(Ok(pages(from))),
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
}
