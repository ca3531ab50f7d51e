//! One bulk run: lines read into batches, batches launched into the requests in flight,
//! each finished request settled in the ledger, and after a stop what is left accounted for.

use super::in_flight::{Finished, InFlight, Pending};
use super::input::Line;
use super::ledger::Ledger;
use super::BulkJob;
use crate::client::{Client, Pacer};
use crate::commands::stop_requested;
use crate::error::Error;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// How long requests in flight get to finish after Ctrl-C or SIGTERM.
const STOP_GRACE: Duration = Duration::from_secs(10);
/// How long the rest of the input is read after a stop, to write it to `--failed`.
const DRAIN_GRACE: Duration = Duration::from_secs(5);

/// What the input loop got.
enum Next {
    Line(Line),
    /// Nothing ready right now (the batch goes as it is).
    Idle,
    End,
}

/// How the feeding ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ended {
    /// All the input went through.
    Done,
    /// Ctrl-C or SIGTERM.
    Stopped,
}

pub(super) struct Engine<'a, Job: BulkJob> {
    job: &'a Job,
    in_flight: InFlight<'a, Job>,
    batch: Vec<Pending<Job::Item>>,
    batch_size: usize,
    lines: &'a mut mpsc::Receiver<Line>,
    stop: Pin<Box<dyn Future<Output = ()> + 'a>>,
    /// Ctrl-C or SIGTERM came: nothing more is launched.
    stopping: bool,
}

impl<'a, Job: BulkJob> Engine<'a, Job>
where
    Job::Item: 'a,
{
    pub(super) fn new(
        job: &'a Job,
        client: &'a Client,
        pacer: &'a Arc<Pacer>,
        concurrency: usize,
        batch_size: usize,
        lines: &'a mut mpsc::Receiver<Line>,
    ) -> Self {
        Engine {
            job,
            in_flight: InFlight::new(job, client, pacer, concurrency),
            batch: Vec::new(),
            batch_size,
            lines,
            stop: Box::pin(stop_requested()),
            stopping: false,
        }
    }

    /// Reads, batches and launches until the input ends or a stop comes, then lets what is
    /// in flight finish (all of it, or what finishes within the grace after a stop).
    pub(super) async fn feed(&mut self, ledger: &mut Ledger<'_>) -> Ended {
        let mut ended = false;
        while !ended && !self.stopping {
            let Some(next) = self.next(ledger).await else {
                continue;
            };
            let launch_now = match next {
                Next::Idle => true,
                Next::End => {
                    ended = true;
                    true
                }
                Next::Line(Line::Broken { number, message }) => {
                    ledger.broken(number, &message);
                    ended = true;
                    true
                }
                Next::Line(Line::Text { number, bytes }) => self.take(ledger, number, bytes).await,
            };
            if launch_now && !self.stopping && !self.batch.is_empty() {
                self.launch(ledger).await;
            }
        }
        self.settle_in_flight(ledger).await;
        match self.stopping {
            true => Ended::Stopped,
            false => Ended::Done,
        }
    }

    /// The next line: waited for when the batch is empty, else only what is ready (a slow
    /// producer does not hold back a partial batch). `None` when a request finished or a
    /// stop came instead.
    async fn next(&mut self, ledger: &mut Ledger<'_>) -> Option<Next> {
        if !self.batch.is_empty() {
            return Some(match self.lines.try_recv() {
                Ok(line) => Next::Line(line),
                Err(mpsc::error::TryRecvError::Empty) => Next::Idle,
                Err(mpsc::error::TryRecvError::Disconnected) => Next::End,
            });
        }
        tokio::select! {
            biased;
            () = &mut self.stop => {
                self.stopping = true;
                None
            }
            Some(finished) = self.in_flight.next(), if !self.in_flight.is_empty() => {
                ledger.settle(finished);
                None
            }
            line = self.lines.recv() => Some(line.map_or(Next::End, Next::Line)),
        }
    }

    /// Takes a line into the batch (or settles it as failed when it does not parse);
    /// whether the batch is full.
    async fn take(&mut self, ledger: &mut Ledger<'_>, number: u64, bytes: Vec<u8>) -> bool {
        let parsed = std::str::from_utf8(&bytes)
            .map_err(|_| Error::usage("the line is not UTF-8"))
            .and_then(|text| self.job.parse(text));
        ledger.open(number, bytes);
        match parsed {
            Err(error) => {
                ledger.settle(Finished {
                    lines: vec![number],
                    outcomes: vec![Err(error)],
                });
                false
            }
            Ok(item) => {
                // The same key twice in one batch: the earlier goes first.
                let job = self.job;
                let key = job.key(&item);
                if self.batch.iter().any(|(_, other)| job.key(other) == key) {
                    self.launch(ledger).await;
                }
                self.batch.push((number, item));
                self.batch.len() >= self.batch_size
            }
        }
    }

    /// Launches the batch once there is room, settling what finishes meanwhile; a stop
    /// that comes first leaves it unsent.
    async fn launch(&mut self, ledger: &mut Ledger<'_>) {
        let launched = self
            .in_flight
            .launch(&mut self.batch, &mut self.stop, &mut |finished| {
                ledger.settle(finished)
            })
            .await;
        self.stopping |= !launched;
    }

    async fn settle_in_flight(&mut self, ledger: &mut Ledger<'_>) {
        let in_flight = &mut self.in_flight;
        let drained = async {
            while let Some(finished) = in_flight.next().await {
                ledger.settle(finished);
            }
        };
        if self.stopping {
            let _ = tokio::time::timeout(STOP_GRACE, drained).await;
        } else {
            tokio::select! {
                () = drained => {}
                () = &mut self.stop => self.stopping = true,
            }
        }
    }
}

/// After the run, however it ended: when it was cut short (a stop, or a panic), the rest of
/// the input is read, and with every line still open it goes to the ledger as not attempted.
pub(super) async fn account_for_the_rest(
    ledger: &mut Ledger<'_>,
    lines: &mut mpsc::Receiver<Line>,
    cut_short: bool,
) {
    let mut rest = Vec::new();
    if cut_short {
        let read = async {
            while let Some(line) = lines.recv().await {
                if let Line::Text { bytes, .. } = line {
                    rest.push(bytes);
                }
            }
        };
        let _ = tokio::time::timeout(DRAIN_GRACE, read).await;
    }
    ledger.close(rest);
}
