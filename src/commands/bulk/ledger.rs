//! The accounts of a bulk run: where every line ended, the first failure, `--failed`, the
//! progress bar, and the summary at the end.

use super::failed::FailedFile;
use super::in_flight::Finished;
use super::ItemOutcome;
use crate::error::{Error, Result};
use crate::output::{Output, Progress};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// Failures listed one per line on stderr before the rest are only counted.
const MAX_LISTED_FAILURES: u64 = 50;

/// The tally printed at the end.
#[derive(Default)]
struct Tally {
    done: u64,
    not_found: u64,
    failed: u64,
    not_attempted: u64,
}

pub(super) struct Ledger<'a> {
    out: &'a Output,
    tally: Tally,
    first_failure: Option<Error>,
    /// The input could not be read further.
    broken: Option<Error>,
    failed_file: Option<FailedFile>,
    progress: Progress,
    /// Every line read and not yet accounted for (waiting in a batch or in flight), by
    /// number: its bytes, for `--failed`.
    open_lines: BTreeMap<u64, Vec<u8>>,
}

impl<'a> Ledger<'a> {
    pub(super) fn new(out: &'a Output, failed_file: Option<FailedFile>) -> Self {
        Ledger {
            out,
            tally: Tally::default(),
            first_failure: None,
            broken: None,
            failed_file,
            progress: out.progress(None, None, 1),
            open_lines: BTreeMap::new(),
        }
    }

    pub(super) fn show_progress(
        &mut self,
        total: Option<u64>,
        interval: Option<Duration>,
        batch: usize,
    ) {
        self.progress = self.out.progress(total, interval, batch);
    }

    /// A line read, not yet accounted for.
    pub(super) fn open(&mut self, number: u64, bytes: Vec<u8>) {
        self.open_lines.insert(number, bytes);
    }

    pub(super) fn broken(&mut self, number: u64, message: &str) {
        self.broken = Some(Error::usage(format!("line {number}: {message}")));
    }

    /// Accounts for one finished request (or a line refused before sending).
    pub(super) fn settle(&mut self, finished: Finished) {
        for (number, outcome) in finished.lines.into_iter().zip(finished.outcomes) {
            let bytes = self.open_lines.remove(&number).unwrap_or_default();
            self.progress.inc();
            match outcome {
                Ok(ItemOutcome::Done) => self.tally.done += 1,
                Ok(ItemOutcome::NotFound) => self.tally.not_found += 1,
                Err(error) => {
                    self.tally.failed += 1;
                    self.report(number, &error);
                    if let Some(file) = self.failed_file.as_mut() {
                        file.write(&bytes, self.out);
                    }
                    self.first_failure.get_or_insert(error);
                }
            }
        }
    }

    /// The run is over: every line still open, then `rest` (input read after a stop), is
    /// not attempted, and written to `--failed` for a re-run.
    pub(super) fn close(&mut self, rest: Vec<Vec<u8>>) {
        self.progress.finish();
        let open = std::mem::take(&mut self.open_lines).into_values();
        for bytes in open.chain(rest) {
            self.tally.not_attempted += 1;
            if let Some(file) = self.failed_file.as_mut() {
                file.write(&bytes, self.out);
            }
        }
    }

    fn report(&self, number: u64, error: &Error) {
        if self.tally.failed <= MAX_LISTED_FAILURES {
            let line = format!("line {number}: {}", error.message);
            self.progress.suspend(|| self.out.report(&line));
        }
    }

    /// The summary on stderr, and what the run comes to: done, interrupted, or failed.
    pub(super) fn conclude(self, done_word: &str, failed_path: Option<&Path>) -> Result<()> {
        let tally = &self.tally;
        if tally.failed > MAX_LISTED_FAILURES {
            self.out.report(&format!(
                "… and {} more failures",
                tally.failed - MAX_LISTED_FAILURES
            ));
        }
        let mut summary = format!("{} {done_word}, {} failed", tally.done, tally.failed);
        if tally.not_found > 0 {
            summary.push_str(&format!(", {} not found", tally.not_found));
        }
        if tally.not_attempted > 0 {
            summary.push_str(&format!(", {} not attempted", tally.not_attempted));
        }
        // An input refused before any line was done needs no tally: the error says it all.
        let seen = tally.done + tally.not_found + tally.failed + tally.not_attempted;
        if seen > 0 || self.broken.is_none() {
            self.out.info(&summary);
        }
        let incomplete = self.failed_file.as_ref().and_then(FailedFile::incomplete);
        let rerun_hint = |error: Error| {
            match (failed_path, incomplete) {
            (Some(path), Some((why, lost))) => error.with_hint(format!(
                "{path} lacks {lost} of the lines not done (cannot write it: {why}); the ones it holds re-run with --file {path} --failed {path}.retry",
                path = path.display()
            )),
            (Some(path), None) => error.with_hint(format!(
                "the lines not done are in {path}; re-run them with --file {path} --failed {path}.retry",
                path = path.display()
            )),
            (None, _) => {
                error.with_hint("pass --failed FILE to keep the lines not done for a re-run")
            }
        }
        };
        if let Some(error) = self.broken {
            return Err(rerun_hint(error));
        }
        if tally.not_attempted > 0 {
            return Err(rerun_hint(Error::partial(format!(
                "interrupted: {} line(s) not attempted",
                tally.not_attempted
            ))));
        }
        match self.first_failure {
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
