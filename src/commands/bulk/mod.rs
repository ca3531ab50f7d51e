//! The bulk engine behind `storage put --file` and `storage delete --file|--queriable-value`.
//!
//! Every input line ends in exactly one place: done (stored, deleted or not found), failed
//! (listed on stderr and written to `--failed` the moment it fails, so a killed run keeps
//! what failed so far), or not attempted (on Ctrl-C or SIGTERM, or when something
//! unexpected ends the run: written to `--failed` too). Lines are read on a thread of their
//! own, up to `--batch` items go in one request, up to `--concurrency` requests are in
//! flight, and a shared pacer keeps to `--rate`. A key is never in two requests at once, so
//! when a file holds a key twice the last line wins.
//!
//! `Ledger` keeps the accounts (tally, first failure, `--failed`, progress) and outlives the
//! run, so a run that ends unexpectedly is still accounted for; `Engine` is the run itself.

mod engine;
mod failed;
mod in_flight;
mod input;
mod ledger;
mod policy;

pub(crate) use policy::{default_rate, fail_each, retry_singly};

use super::with_client;
use crate::client::{Client, Pacer, Rate};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use engine::Engine;
use failed::FailedFile;
use futures_util::FutureExt;
use input::{count_lines, refuse_same_file, spawn_reader, LineSource};
use ledger::Ledger;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;

/// What one item came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ItemOutcome {
    Done,
    /// A delete of a key that was not there.
    NotFound,
}

pub(super) type Outcomes<'a> = Pin<Box<dyn Future<Output = Vec<Result<ItemOutcome>>> + 'a>>;

/// One kind of bulk work: how a line becomes an item, and how a batch of items is sent.
pub(super) trait BulkJob {
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

/// A bulk run as the command line asks for it.
pub(super) struct Bulk<'a> {
    pub input: Input,
    pub concurrency: u32,
    pub batch: usize,
    pub rate: Option<Rate>,
    pub failed: Option<&'a Path>,
}

impl Bulk<'_> {
    pub(super) fn run<Job: BulkJob>(
        self,
        settings: &Settings,
        out: &Output,
        job: &Job,
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
        let total = match &self.input {
            Input::File(path) if out.shows_progress() => count_lines(path),
            Input::File(_) => None,
            Input::Lines(lines) => Some(lines.len() as u64),
        };
        // Opened now: a missing file is bad input, found before anything is sent.
        let source = open(self.input)?;
        let failed_file = self.failed.map(FailedFile::create).transpose()?;
        let mut ledger = Ledger::new(out, failed_file);
        let (concurrency, batch_size) = (self.concurrency as usize, self.batch);
        let panicked = with_client(settings, out, async |client| {
            let pacer = Arc::new(Pacer::new(self.rate));
            ledger.show_progress(total, pacer.interval(), batch_size);
            let lines = spawn_reader(source);
            let mut engine = Engine::new(job, client, &pacer, concurrency, batch_size, lines);
            // A panic in a request ends the run like a stop: what is not done is written to
            // `--failed` before the panic goes on.
            let fed = AssertUnwindSafe(engine.feed(&mut ledger))
                .catch_unwind()
                .await;
            engine.account_for_the_rest(&mut ledger, fed.is_err()).await;
            Ok(fed.err())
        })?;
        let result = ledger.conclude(Job::DONE, self.failed);
        if let Some(panic) = panicked {
            std::panic::resume_unwind(panic);
        }
        result
    }
}

fn open(input: Input) -> Result<LineSource> {
    Ok(match input {
        Input::File(path) if path.as_os_str() == "-" => {
            LineSource::Reader(Box::new(std::io::stdin()))
        }
        Input::File(path) => {
            LineSource::Reader(Box::new(std::fs::File::open(&path).map_err(|e| {
                Error::usage(format!("cannot read --file {}: {e}", path.display()))
            })?))
        }
        Input::Lines(lines) => LineSource::Lines(lines),
    })
}
