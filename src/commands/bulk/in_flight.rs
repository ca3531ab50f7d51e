//! The requests in flight, and what holds a batch back from joining them: room
//! (`--concurrency`) and its keys (a key is never in two requests at once).

use super::{BulkJob, ItemOutcome};
use crate::client::{Client, Pacer};
use crate::error::Result;
use futures_util::stream::{FuturesUnordered, StreamExt};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A request that finished: its lines (by number) and one outcome per line.
pub(super) struct Finished {
    pub lines: Vec<u64>,
    pub outcomes: Vec<Result<ItemOutcome>>,
}

/// A line read and parsed, waiting in a batch: its number and the item.
pub(super) type Pending<Item> = (u64, Item);

type Request<'a> = Pin<Box<dyn Future<Output = (Vec<String>, Finished)> + 'a>>;

pub(super) struct InFlight<'a, Op: BulkJob> {
    op: &'a Op,
    client: &'a Client,
    pacer: &'a Arc<Pacer>,
    concurrency: usize,
    requests: FuturesUnordered<Request<'a>>,
    keys: HashMap<String, usize>,
}

impl<'a, Op: BulkJob> InFlight<'a, Op>
where
    Op::Item: 'a,
{
    pub(super) fn new(
        op: &'a Op,
        client: &'a Client,
        pacer: &'a Arc<Pacer>,
        concurrency: usize,
    ) -> Self {
        InFlight {
            op,
            client,
            pacer,
            concurrency,
            requests: FuturesUnordered::new(),
            keys: HashMap::new(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.requests.is_empty()
    }

    /// The next request to finish, its keys released; `None` when none is in flight.
    pub(super) async fn next(&mut self) -> Option<Finished> {
        let (keys, finished) = self.requests.next().await?;
        for key in keys {
            if let Some(count) = self.keys.get_mut(&key) {
                *count -= 1;
                if *count == 0 {
                    self.keys.remove(&key);
                }
            }
        }
        Some(finished)
    }

    /// Sends the batch once there is room and none of its keys is in flight, settling what
    /// finishes meanwhile. False when a stop came first: the batch then stays, to be written
    /// as not attempted.
    pub(super) async fn launch(
        &mut self,
        batch: &mut Vec<Pending<Op::Item>>,
        stop: &mut (impl Future<Output = ()> + Unpin),
        settle: &mut impl FnMut(Finished),
    ) -> bool {
        let op = self.op;
        while self.requests.len() >= self.concurrency
            || batch
                .iter()
                .any(|(_, item)| self.keys.contains_key(op.key(item)))
        {
            tokio::select! {
                biased;
                () = &mut *stop => return false,
                Some(finished) = self.next() => settle(finished),
            }
        }
        let taken = std::mem::take(batch);
        let keys: Vec<String> = taken
            .iter()
            .map(|(_, item)| op.key(item).to_string())
            .collect();
        for key in &keys {
            *self.keys.entry(key.clone()).or_default() += 1;
        }
        let (client, pacer) = (self.client, self.pacer);
        self.requests.push(Box::pin(async move {
            let (lines, items): (Vec<_>, Vec<_>) = taken.into_iter().unzip();
            let outcomes = op.send(client, pacer, &items).await;
            (keys, Finished { lines, outcomes })
        }));
        true
    }
}
