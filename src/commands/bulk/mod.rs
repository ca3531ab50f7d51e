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

use super::with_concurrent_client;
use crate::client::{Client, Pacer, Rate};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use engine::{Ended, Engine};
use failed::FailedFile;
use futures_util::FutureExt;
use input::{count_lines, refuse_same_file, spawn_reader, LineSource};
use ledger::Ledger;
use std::any::Any;
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
    /// An input already read whole (`Input::read_first`).
    Read(Vec<u8>),
}

impl Input {
    /// `path` as input that is read whole before the first request when it is stdin or a
    /// pipe (bounded as a JSON array is): `storage get --all | storage delete --file -`
    /// would otherwise delete while the listing still pages by offset, and skip items. A
    /// regular file does not move under the deletes, so it still streams.
    pub(super) fn read_first(path: &Path) -> Result<Input> {
        let regular = path.as_os_str() != "-" && std::fs::metadata(path).is_ok_and(|m| m.is_file());
        if regular {
            return Ok(Input::File(path.to_path_buf()));
        }
        let what = format!("--file {}", path.display());
        Ok(Input::Read(input::read_whole(open_file(path)?, &what)?))
    }
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
        self.check_input(settings)?;
        // The total is only for the progress bar: a file is counted only when one is shown.
        let total = match &self.input {
            Input::File(path) if out.shows_progress() => count_lines(path),
            Input::File(_) => None,
            Input::Lines(lines) => Some(lines.len() as u64),
            Input::Read(bytes) => Some(bytes.iter().filter(|b| **b == b'\n').count() as u64),
        };
        // Opened now: a missing file is bad input, found before anything is sent.
        let source = open(self.input)?;
        let failed_file = self.failed.map(FailedFile::create).transpose()?;
        let mut ledger = Ledger::new(out, failed_file);
        let shape = Shape {
            concurrency: self.concurrency as usize,
            batch: self.batch,
            rate: self.rate,
        };
        let panicked = with_concurrent_client(settings, out, async |client| {
            Ok(run_on(client, job, &mut ledger, source, total, shape).await)
        })?;
        let result = ledger.conclude(Job::DONE, self.failed);
        if let Some(panic) = panicked {
            std::panic::resume_unwind(panic);
        }
        result
    }

    /// The input's own checks, before anything is read or deleted.
    pub(super) fn check_input(&self, settings: &Settings) -> Result<()> {
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
        Ok(())
    }
}

/// How the work is spread: requests at once, items a request, requests a time.
#[derive(Clone, Copy)]
struct Shape {
    concurrency: usize,
    batch: usize,
    rate: Option<Rate>,
}

/// The run on a connected client. Every line ends up in `ledger`, also when a panic cuts
/// the run short: then the panic is handed back, to go on once the summary is out.
async fn run_on<Job: BulkJob>(
    client: &Client,
    job: &Job,
    ledger: &mut Ledger<'_>,
    source: LineSource,
    total: Option<u64>,
    shape: Shape,
) -> Option<Box<dyn Any + Send>> {
    let mut lines = spawn_reader(source);
    let fed = AssertUnwindSafe(async {
        let pacer = Arc::new(Pacer::new(shape.rate));
        ledger.show_progress(total, pacer.interval(), shape.batch);
        let (concurrency, batch) = (shape.concurrency, shape.batch);
        let mut engine = Engine::new(job, client, &pacer, concurrency, batch, &mut lines);
        engine.feed(ledger).await
    })
    .catch_unwind()
    .await;
    let cut_short = !matches!(fed, Ok(Ended::Done));
    engine::account_for_the_rest(ledger, &mut lines, cut_short).await;
    fed.err()
}

fn open(input: Input) -> Result<LineSource> {
    Ok(match input {
        Input::File(path) => LineSource::Reader(open_file(&path)?),
        Input::Lines(lines) => LineSource::Lines(lines),
        Input::Read(bytes) => LineSource::Reader(Box::new(std::io::Cursor::new(bytes))),
    })
}

/// `--file PATH`, or stdin for `-`.
fn open_file(path: &Path) -> Result<Box<dyn std::io::Read + Send>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Error::usage(format!("cannot read --file {}: {e}", path.display())))?;
    Ok(Box::new(file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::secret::Secret;
    use crate::client::{Policy, Target};
    use crate::output::{ColorWhen, OutputFormat, OutputOptions};

    /// Stores nothing; panics at the line `poison`, as a bug in a request would.
    struct Panics {
        poison: &'static str,
    }

    impl BulkJob for Panics {
        type Item = String;
        const DONE: &'static str = "stored";

        fn parse(&self, line: &str) -> Result<String> {
            Ok(line.to_string())
        }

        fn key<'a>(&self, item: &'a String) -> &'a str {
            item
        }

        fn send<'a>(
            &'a self,
            _: &'a Client,
            _: &'a Arc<Pacer>,
            batch: &'a [String],
        ) -> Outcomes<'a> {
            Box::pin(async move {
                tokio::task::yield_now().await;
                assert!(!batch.iter().any(|line| line == self.poison), "a bug");
                batch.iter().map(|_| Ok(ItemOutcome::Done)).collect()
            })
        }
    }

    #[test]
    fn a_panic_mid_run_writes_every_line_not_done_to_failed() {
        let dir = tempfile::tempdir().unwrap();
        let failed_path = dir.path().join("failed");
        let out = Output::new(OutputOptions {
            format: OutputFormat::Json,
            color: ColorWhen::Never,
            verbose: 0,
            quiet: true,
        });
        let target = Target {
            base_url: "http://127.0.0.1:9".into(),
            org_id: "1".into(),
            secret: Secret::new("s"),
            security_context: Secret::new("c"),
        };
        let policy = Policy {
            timeout: std::time::Duration::from_secs(1),
            retries: 0,
            max_body_size: crate::api::size::DEFAULT_MAX_BODY_SIZE,
            verbose: 0,
        };
        let client = Client::connect(target, policy, Arc::new(|_, _| {})).unwrap();
        let lines: Vec<String> = (0..200).map(|i| format!("k{i:03}")).collect();
        let mut ledger = Ledger::new(&out, Some(FailedFile::create(&failed_path).unwrap()));
        let shape = Shape {
            concurrency: 4,
            batch: 5,
            rate: None,
        };
        let job = Panics { poison: "k100" };
        let runtime = crate::commands::runtime().unwrap();
        let panicked = runtime.block_on(run_on(
            &client,
            &job,
            &mut ledger,
            LineSource::Lines(lines.clone()),
            None,
            shape,
        ));
        assert!(panicked.is_some(), "the panic is handed back");
        let error = ledger
            .conclude(Panics::DONE, Some(&failed_path))
            .unwrap_err();
        let written = std::fs::read_to_string(&failed_path).unwrap();
        let not_done: Vec<&str> = written.lines().collect();
        assert_eq!(error.kind, crate::error::Kind::Partial);
        assert_eq!(
            error.message,
            format!("interrupted: {} line(s) not attempted", not_done.len())
        );
        // The batch that panicked, and everything after it, in flight, batched or unread.
        for line in &lines[100..] {
            assert!(
                not_done.contains(&line.as_str()),
                "{line} is not in --failed"
            );
        }
        // Before it, only what was still in flight (at most 4 requests of 5): the rest
        // was done and is not written again.
        let unique: std::collections::BTreeSet<&&str> = not_done.iter().collect();
        assert_eq!(unique.len(), not_done.len(), "no line twice");
        assert!(not_done.len() <= 100 + 20, "{} lines", not_done.len());
    }
}
