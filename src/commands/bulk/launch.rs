//! Launching a batch: once none of its keys is in flight and there is room, unless a stop
//! comes first.

use super::{Operation, Outcome};
use crate::client::{Client, Pacer};
use crate::error::Result;
use futures_util::stream::{FuturesUnordered, StreamExt};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A request that finished: its lines, the keys it held, one outcome per line.
pub(super) struct Finished {
    pub keys: Vec<String>,
    pub lines: Vec<(u64, Vec<u8>)>,
    pub outcomes: Vec<Result<Outcome>>,
}

/// Sends the batch once none of its keys is in flight and there is room, unless a stop
/// comes first (the batch then stays, to be written as not attempted).
#[allow(clippy::too_many_arguments)]
pub(super) async fn launch<'a, Op: Operation>(
    op: &'a Op,
    client: &'a Client,
    pacer: &'a Arc<Pacer>,
    batch: &mut Vec<(u64, Vec<u8>, Op::Item)>,
    in_flight: &mut FuturesUnordered<Pin<Box<dyn Future<Output = Finished> + 'a>>>,
    keys_in_flight: &mut HashMap<String, usize>,
    concurrency: usize,
    stop: &mut Pin<Box<impl Future<Output = ()>>>,
    stopping: &mut bool,
    settle: &mut impl FnMut(Finished, &mut HashMap<String, usize>),
) where
    Op::Item: 'a,
{
    if *stopping {
        return;
    }
    loop {
        let busy = in_flight.len() >= concurrency
            || batch
                .iter()
                .any(|(_, _, item)| keys_in_flight.contains_key(op.key(item)));
        if !busy {
            break;
        }
        tokio::select! {
            biased;
            () = &mut *stop => { *stopping = true; return; }
            Some(finished) = in_flight.next() => settle(finished, keys_in_flight),
        }
    }
    let taken: Vec<(u64, Vec<u8>, Op::Item)> = std::mem::take(batch);
    let keys: Vec<String> = taken
        .iter()
        .map(|(_, _, item)| op.key(item).to_string())
        .collect();
    for key in &keys {
        *keys_in_flight.entry(key.clone()).or_default() += 1;
    }
    in_flight.push(Box::pin(async move {
        let mut lines = Vec::with_capacity(taken.len());
        let mut items = Vec::with_capacity(taken.len());
        for (number, bytes, item) in taken {
            lines.push((number, bytes));
            items.push(item);
        }
        let outcomes = op.send(client, pacer, &items).await;
        Finished {
            keys,
            lines,
            outcomes,
        }
    }));
}
