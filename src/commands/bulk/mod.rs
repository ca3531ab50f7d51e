//! The bulk engine behind `storage put --file` and `storage delete --file|--queriable-value`.
//!
//! Every input line ends in exactly one place: done (stored, deleted or not found), failed
//! (listed on stderr and written to `--failed` the moment it fails, so a killed run keeps
//! what failed so far), or not attempted (on Ctrl-C or SIGTERM: written to `--failed` too).
//! Lines are read on a thread of their own, up to `--batch` items go in one request, up to
//! `--concurrency` requests are in flight, and a shared pacer keeps to `--rate`. A key is
//! never in two requests at once, so when a file holds a key twice the last line wins.

mod failed;
mod in_flight;
mod input;
mod policy;

pub(crate) use policy::{default_rate, each, retry_singly};

use super::{progress_bar, stop_requested, with_client};
use crate::client::{Client, Pacer, Rate};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use failed::FailedFile;
use in_flight::{Finished, InFlight, Pending};
use input::{count_lines, refuse_same_file, spawn_reader, Line, Source};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// Failures listed one per line on stderr before the rest are only counted.
const MAX_LISTED_FAILURES: u64 = 50;
/// How long requests in flight get to finish after Ctrl-C or SIGTERM.
const STOP_GRACE: Duration = Duration::from_secs(10);
/// How long the rest of the input is read after a stop, to write it to `--failed`.
const DRAIN_GRACE: Duration = Duration::from_secs(5);

/// What one item came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    Done,
    /// A delete of a key that was not there.
    NotFound,
}

pub(super) type Outcomes<'a> = Pin<Box<dyn Future<Output = Vec<Result<Outcome>>> + 'a>>;

/// One kind of bulk work: how a line becomes an item, and how a batch of items is sent.
pub(super) trait Operation {
    type Item;
    /// What a line that went through is called ("stored", "deleted").
    const DONE: &'static str;
    fn parse(&self, line: &str) -> Result<Self::Item>;
    fn key<'a>(&self, item: &'a Self::Item) -> &'a str;
    /// Sends `batch`; one outcome per item, in order.
    fn send<'a>(
        &'a self,
        client: &'a Client,
        pacer: &'a Arc<Pacer>,
        batch: &'a [Self::Item],
    ) -> Outcomes<'a>;
}

/// Where the lines come from.
pub(super) enum Input {
    /// A file, or `-` for stdin; NDJSON, or one JSON array.
    File(PathBuf),
    /// Lines already at hand (keys collected by a listing, or given as arguments).
    Lines(Vec<String>),
}

pub(super) struct Bulk<'a> {
    pub input: Input,
    pub concurrency: u32,
    pub batch: usize,
    pub rate: Option<Rate>,
    pub failed: Option<&'a Path>,
}

/// The tally printed at the end.
#[derive(Default)]
struct Tally {
    done: u64,
    not_found: u64,
    failed: u64,
    not_attempted: u64,
}

impl Bulk<'_> {
    pub(super) fn run<Op: Operation>(
        self,
        settings: &Settings,
        out: &Output,
        op: &Op,
    ) -> Result<()> {
        if let Input::File(path) = &self.input {
            if path.as_os_str() == "-" && settings.secret_from_stdin() {
                return Err(
                    Error::usage("the items and the secret cannot both come from stdin").with_hint(
                        "pass the items with --file FILE, or the secret with DESK_INVOKE_SECRET",
                    ),
                );
            }
            if let Some(failed) = self.failed {
                refuse_same_file(path, failed)?;
            }
        }
        // The total is only for the progress bar: a file is counted only when one is shown.
        let shows_progress = out.stderr_is_terminal && !out.quiet;
        let total = match &self.input {
            Input::File(path) if shows_progress => count_lines(path),
            Input::File(_) => None,
            Input::Lines(lines) => Some(lines.len() as u64),
        };
        // Opened now: a missing file is bad input, found before anything is sent.
        let source = match self.input {
            Input::File(path) if path.as_os_str() == "-" => {
                Source::Reader(Box::new(std::io::stdin()))
            }
            Input::File(path) => {
                Source::Reader(Box::new(std::fs::File::open(&path).map_err(|e| {
                    Error::usage(format!("cannot read --file {}: {e}", path.display()))
                })?))
            }
            Input::Lines(lines) => Source::Lines(lines),
        };
        let mut failed_file = match self.failed {
            Some(path) => Some(FailedFile::create(path)?),
            None => None,
        };
        let mut tally = Tally::default();
        let mut first_failure: Option<Error> = None;
        let mut broken: Option<Error> = None;
        let (concurrency, batch_size, rate) = (self.concurrency as usize, self.batch, self.rate);
        with_client(settings, out, async |client| {
            let pacer = Arc::new(Pacer::new(rate));
            let progress = progress_bar(out, total, pacer.interval(), batch_size);
            let mut lines = spawn_reader(source);
            let mut stop = Box::pin(stop_requested());
            let mut stopping = false;
            let mut in_flight = InFlight::new(op, client, &pacer, concurrency);
            let mut batch: Vec<Pending<Op::Item>> = Vec::new();
            // Accounts for one finished request.
            let mut settle = |finished: Finished| {
                for ((number, bytes), outcome) in finished.lines.into_iter().zip(finished.outcomes)
                {
                    if let Some(bar) = &progress {
                        bar.inc(1);
                    }
                    match outcome {
                        Ok(Outcome::Done) => tally.done += 1,
                        Ok(Outcome::NotFound) => tally.not_found += 1,
                        Err(error) => {
                            tally.failed += 1;
                            report(out, progress.as_ref(), tally.failed, number, &error);
                            if let Some(file) = failed_file.as_mut() {
                                file.write(&bytes, out);
                            }
                            first_failure.get_or_insert(error);
                        }
                    }
                }
            };
            let mut ended = false;
            while !ended && !stopping {
                // Take a line: wait for one when the batch is empty, else only what is ready
                // (a slow producer does not hold back a partial batch).
                let next = if batch.is_empty() {
                    tokio::select! {
                        biased;
                        () = &mut stop => { stopping = true; continue; }
                        Some(finished) = in_flight.next(), if !in_flight.is_empty() => {
                            settle(finished);
                            continue;
                        }
                        line = lines.recv() => match line {
                            Some(line) => Next::Line(line),
                            None => Next::End,
                        },
                    }
                } else {
                    match lines.try_recv() {
                        Ok(line) => Next::Line(line),
                        Err(mpsc::error::TryRecvError::Empty) => Next::Idle,
                        Err(mpsc::error::TryRecvError::Disconnected) => Next::End,
                    }
                };
                let launch_now = match next {
                    Next::Idle => true,
                    Next::End => {
                        ended = true;
                        true
                    }
                    Next::Line(Line::Broken { number, message }) => {
                        broken = Some(Error::usage(format!("line {number}: {message}")));
                        ended = true;
                        true
                    }
                    Next::Line(Line::Text { number, bytes }) => {
                        let parsed = std::str::from_utf8(&bytes)
                            .map_err(|_| Error::usage("the line is not UTF-8"))
                            .and_then(|text| op.parse(text));
                        match parsed {
                            Err(error) => {
                                settle(Finished {
                                    lines: vec![(number, bytes)],
                                    outcomes: vec![Err(error)],
                                });
                                false
                            }
                            Ok(item) => {
                                // The same key twice in one batch: the earlier goes first.
                                let key = op.key(&item);
                                if batch.iter().any(|(_, _, other)| op.key(other) == key) {
                                    stopping =
                                        !in_flight.launch(&mut batch, &mut stop, &mut settle).await;
                                }
                                batch.push((number, bytes, item));
                                batch.len() >= batch_size
                            }
                        }
                    }
                };
                if launch_now && !stopping && !batch.is_empty() {
                    stopping = !in_flight.launch(&mut batch, &mut stop, &mut settle).await;
                }
            }
            if !batch.is_empty() && !stopping {
                stopping = !in_flight.launch(&mut batch, &mut stop, &mut settle).await;
            }
            // Whatever is in flight finishes: all of it, or within the grace after a stop.
            let drained = async {
                while let Some(finished) = in_flight.next().await {
                    settle(finished);
                }
            };
            if stopping {
                let _ = tokio::time::timeout(STOP_GRACE, drained).await;
            } else {
                tokio::select! {
                    () = drained => {}
                    () = &mut stop => stopping = true,
                }
            }
            if let Some(bar) = &progress {
                bar.finish_and_clear();
            }
            if stopping {
                // The batch not sent and the input not read: written for a re-run.
                let mut not_attempted: Vec<Vec<u8>> =
                    batch.drain(..).map(|(_, bytes, _)| bytes).collect();
                let rest = async {
                    while let Some(line) = lines.recv().await {
                        if let Line::Text { bytes, .. } = line {
                            not_attempted.push(bytes);
                        }
                    }
                };
                let _ = tokio::time::timeout(DRAIN_GRACE, rest).await;
                tally.not_attempted = not_attempted.len() as u64;
                if let Some(file) = failed_file.as_mut() {
                    for bytes in &not_attempted {
                        file.write(bytes, out);
                    }
                }
            }
            Ok(())
        })?;
        if tally.failed > MAX_LISTED_FAILURES {
            out.stderr_line(&format!(
                "… and {} more failures",
                tally.failed - MAX_LISTED_FAILURES
            ));
        }
        let mut summary = format!("{} {}, {} failed", tally.done, Op::DONE, tally.failed);
        if tally.not_found > 0 {
            summary.push_str(&format!(", {} not found", tally.not_found));
        }
        if tally.not_attempted > 0 {
            summary.push_str(&format!(", {} not attempted", tally.not_attempted));
        }
        // An input refused before any line was done needs no tally: the error says it all.
        if tally.done + tally.not_found + tally.failed + tally.not_attempted > 0 || broken.is_none()
        {
            out.info(&summary);
        }
        let rerun_hint = |error: Error| {
            match self.failed {
            Some(path) => error.with_hint(format!(
                "the lines not done are in {path}; re-run them with --file {path} --failed {path}.retry",
                path = path.display()
            )),
            None => error.with_hint("pass --failed FILE to keep the lines not done for a re-run"),
        }
        };
        if let Some(error) = broken {
            return Err(rerun_hint(error));
        }
        if tally.not_attempted > 0 {
            return Err(rerun_hint(Error::partial(format!(
                "interrupted: {} line(s) not attempted",
                tally.not_attempted
            ))));
        }
        match first_failure {
            None => Ok(()),
            // A single item: its own error (and exit code) says more than "partial failure".
            Some(error) if tally.done + tally.not_found == 0 && tally.failed == 1 => Err(error),
            Some(_) => Err(rerun_hint(Error::partial(format!(
                "{} of {} items failed",
                tally.failed,
                tally.failed + tally.done + tally.not_found
            )))),
        }
    }
}

/// What the input loop got.
enum Next {
    Line(Line),
    /// Nothing ready right now (the batch goes as it is).
    Idle,
    End,
}

fn report(
    out: &Output,
    progress: Option<&indicatif::ProgressBar>,
    failed: u64,
    number: u64,
    error: &Error,
) {
    if failed > MAX_LISTED_FAILURES {
        return;
    }
    let line = format!("line {number}: {}", error.message);
    match progress {
        Some(bar) => bar.suspend(|| out.report(&line)),
        None => out.report(&line),
    }
}
