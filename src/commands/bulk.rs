//! The bulk engine behind `storage put --file` and `storage delete --file|--queriable-value`.
//!
//! Every input line ends in exactly one place: done (stored, deleted or not found), failed
//! (listed on stderr and written to `--failed` the moment it fails, so a killed run keeps
//! what failed so far), or not attempted (on Ctrl-C or SIGTERM: written to `--failed` too).
//! Lines are read on a thread of their own, up to `--batch` items go in one request, up to
//! `--concurrency` requests are in flight, and a shared pacer keeps to `--rate`. A key is
//! never in two requests at once, so when a file holds a key twice the last line wins.

use super::request::human_bytes;
use super::{progress_bar, with_client};
use crate::client::{Client, Pacer, Rate};
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::settings::Settings;
use futures_util::stream::{FuturesUnordered, StreamExt};
use std::collections::HashMap;
use std::future::Future;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// The longest input line: far above any valid item (a value is at most 5,120 bytes), low
/// enough that `--file /dev/zero` ends in an error instead of memory running out.
pub(super) const MAX_LINE_BYTES: usize = 1024 * 1024;
/// The largest JSON-array input (read whole, then fed item by item).
const MAX_ARRAY_BYTES: u64 = 256 * 1024 * 1024;
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

/// One line of input as the reader hands it over.
enum Line {
    Text {
        number: u64,
        bytes: Vec<u8>,
    },
    /// The input cannot be read further: too long a line, a read error.
    Broken {
        number: u64,
        message: String,
    },
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
        let total = match &self.input {
            Input::File(path) => count_lines(path),
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
            let mut in_flight = FuturesUnordered::new();
            let mut keys_in_flight: HashMap<String, usize> = HashMap::new();
            let mut batch: Vec<(u64, Vec<u8>, Op::Item)> = Vec::new();
            // Accounts for one finished request.
            let mut settle = |finished: Finished, keys_in_flight: &mut HashMap<String, usize>| {
                for key in &finished.keys {
                    if let Some(count) = keys_in_flight.get_mut(key) {
                        *count -= 1;
                        if *count == 0 {
                            keys_in_flight.remove(key);
                        }
                    }
                }
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
                            settle(finished, &mut keys_in_flight);
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
                                let finished = Finished {
                                    keys: Vec::new(),
                                    lines: vec![(number, bytes)],
                                    outcomes: vec![Err(error)],
                                };
                                settle(finished, &mut keys_in_flight);
                                false
                            }
                            Ok(item) => {
                                // The same key twice in one batch: the earlier goes first.
                                let key = op.key(&item);
                                if batch.iter().any(|(_, _, other)| op.key(other) == key) {
                                    launch(
                                        op,
                                        client,
                                        &pacer,
                                        &mut batch,
                                        &mut in_flight,
                                        &mut keys_in_flight,
                                        concurrency,
                                        &mut stop,
                                        &mut stopping,
                                        &mut settle,
                                    )
                                    .await;
                                }
                                batch.push((number, bytes, item));
                                batch.len() >= batch_size
                            }
                        }
                    }
                };
                if launch_now && !batch.is_empty() {
                    launch(
                        op,
                        client,
                        &pacer,
                        &mut batch,
                        &mut in_flight,
                        &mut keys_in_flight,
                        concurrency,
                        &mut stop,
                        &mut stopping,
                        &mut settle,
                    )
                    .await;
                }
            }
            if !batch.is_empty() && !stopping {
                launch(
                    op,
                    client,
                    &pacer,
                    &mut batch,
                    &mut in_flight,
                    &mut keys_in_flight,
                    concurrency,
                    &mut stop,
                    &mut stopping,
                    &mut settle,
                )
                .await;
            }
            // Whatever is in flight finishes: all of it, or within the grace after a stop.
            let drained = async {
                while let Some(finished) = in_flight.next().await {
                    settle(finished, &mut keys_in_flight);
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

/// A request that finished: its lines, the keys it held, one outcome per line.
struct Finished {
    keys: Vec<String>,
    lines: Vec<(u64, Vec<u8>)>,
    outcomes: Vec<Result<Outcome>>,
}

/// Sends the batch once none of its keys is in flight and there is room, unless a stop
/// comes first (the batch then stays, to be written as not attempted).
#[allow(clippy::too_many_arguments)]
async fn launch<'a, Op: Operation>(
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

/// Resolves on Ctrl-C or SIGTERM.
async fn stop_requested() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut interrupt), Ok(mut terminate)) = (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        ) else {
            return std::future::pending().await;
        };
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
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

/// `--failed`: each record written and flushed the moment it is known.
struct FailedFile {
    path: PathBuf,
    file: std::fs::File,
    broken: bool,
}

impl FailedFile {
    fn create(path: &Path) -> Result<FailedFile> {
        let file = std::fs::File::create(path)
            .map_err(|e| Error::usage(format!("cannot create {}: {e}", path.display())))?;
        Ok(FailedFile {
            path: path.to_path_buf(),
            file,
            broken: false,
        })
    }

    /// Writes one record; a write that fails is reported once, and the work goes on.
    fn write(&mut self, bytes: &[u8], out: &Output) {
        if self.broken {
            return;
        }
        let mut record = Vec::with_capacity(bytes.len() + 1);
        record.extend_from_slice(bytes);
        record.push(b'\n');
        if let Err(e) = self.file.write_all(&record) {
            self.broken = true;
            out.warn(&format!(
                "cannot write --failed {}: {e}",
                self.path.display()
            ));
        }
    }
}

/// `--failed F` must not be the input: creating F would empty it before it is read.
fn refuse_same_file(input: &Path, failed: &Path) -> Result<()> {
    let same = match input.as_os_str() == "-" {
        true => stdin_is(failed),
        false => same_file(input, failed),
    };
    if same {
        return Err(Error::usage(format!(
            "--failed {} is the input itself: writing it would destroy the items before they are read",
            failed.display()
        ))
        .with_hint(format!(
            "write the failures elsewhere, e.g. --failed {}.retry",
            failed.display()
        )));
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether stdin is the file `path` (`--file - --failed F < F`).
#[cfg(target_os = "linux")]
fn stdin_is(path: &Path) -> bool {
    same_file(Path::new("/proc/self/fd/0"), path)
}

#[cfg(not(target_os = "linux"))]
fn stdin_is(_path: &Path) -> bool {
    false
}

/// The number of lines of a regular file, for the progress bar; `None` for stdin.
fn count_lines(path: &Path) -> Option<u64> {
    if path.as_os_str() == "-" {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut reader = std::io::BufReader::with_capacity(256 * 1024, file);
    let mut count = 0u64;
    loop {
        let buffer = reader.fill_buf().ok()?;
        if buffer.is_empty() {
            return Some(count);
        }
        count += buffer.iter().filter(|b| **b == b'\n').count() as u64;
        let len = buffer.len();
        reader.consume(len);
    }
}

/// The input, opened.
enum Source {
    Reader(Box<dyn Read + Send>),
    Lines(Vec<String>),
}

/// Reads the input on a thread of its own (stdin may block; requests go on meanwhile) and
/// hands over non-blank lines. Dropping the receiver stops it at the next line.
fn spawn_reader(source: Source) -> mpsc::Receiver<Line> {
    let (sender, receiver) = mpsc::channel(4096);
    std::thread::spawn(move || {
        let send = |line: Line| sender.blocking_send(line).is_ok();
        match source {
            Source::Lines(lines) => {
                for (i, line) in lines.into_iter().enumerate() {
                    if !send(Line::Text {
                        number: i as u64 + 1,
                        bytes: line.into_bytes(),
                    }) {
                        return;
                    }
                }
            }
            Source::Reader(reader) => {
                read_lines(std::io::BufReader::with_capacity(256 * 1024, reader), send);
            }
        }
    });
    receiver
}

/// NDJSON line by line, or one JSON array item by item (as `storage get` prints it).
fn read_lines(mut reader: impl BufRead, send: impl Fn(Line) -> bool) {
    let starts_array = loop {
        match reader.fill_buf() {
            Ok([]) => return,
            Ok(buffer) => match buffer.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(i) => {
                    let first = buffer[i];
                    reader.consume(i);
                    break first == b'[';
                }
                None => {
                    let len = buffer.len();
                    reader.consume(len);
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                send(Line::Broken {
                    number: 1,
                    message: format!("cannot read the input: {e}"),
                });
                return;
            }
        }
    };
    if starts_array {
        return read_array(reader, send);
    }
    let mut number = 0u64;
    loop {
        number += 1;
        match read_line(&mut reader) {
            Ok(None) => return,
            Ok(Some(bytes)) if bytes.iter().all(u8::is_ascii_whitespace) => {}
            Ok(Some(bytes)) => {
                if !send(Line::Text { number, bytes }) {
                    return;
                }
            }
            Err(message) => {
                send(Line::Broken { number, message });
                return;
            }
        }
    }
}

fn read_array(reader: impl Read, send: impl Fn(Line) -> bool) {
    let bytes = match super::request::read_capped(reader, "the JSON array", MAX_ARRAY_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => {
            send(Line::Broken {
                number: 1,
                message: e.message,
            });
            return;
        }
    };
    let items: Vec<serde_json::Value> = match serde_json::from_slice(&bytes) {
        Ok(items) => items,
        Err(e) => {
            send(Line::Broken {
                number: 1,
                message: format!("the input starts with `[` but is not a JSON array: {e}"),
            });
            return;
        }
    };
    for (i, item) in items.into_iter().enumerate() {
        let bytes = item.to_string().into_bytes();
        if !send(Line::Text {
            number: i as u64 + 1,
            bytes,
        }) {
            return;
        }
    }
}

/// One line without its `\n` (or `\r\n`); `None` at the end. A line longer than
/// `MAX_LINE_BYTES` is an error, found without holding it in memory.
fn read_line(reader: &mut impl BufRead) -> std::result::Result<Option<Vec<u8>>, String> {
    let mut line = Vec::new();
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read the input: {e}")),
        };
        if buffer.is_empty() {
            return Ok((!line.is_empty()).then_some(line));
        }
        let (chunk, found) = match buffer.iter().position(|b| *b == b'\n') {
            Some(i) => (&buffer[..i], Some(i + 1)),
            None => (buffer, None),
        };
        if line.len() + chunk.len() > MAX_LINE_BYTES {
            return Err(format!(
                "the line is longer than {} (no item is); the input is not NDJSON items",
                human_bytes(MAX_LINE_BYTES as u64)
            ));
        }
        line.extend_from_slice(chunk);
        let used = found.unwrap_or(buffer.len());
        reader.consume(used);
        if found.is_some() {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(Some(line));
        }
    }
}

/// The rate a bulk command keeps to: `--rate` if given; else Desk's published limit for the
/// operation when the target is Desk (or any host but loopback), none for loopback.
pub(super) fn default_rate(
    given: Option<Rate>,
    settings: &Settings,
    operation: crate::api::storage::Operation,
) -> Option<Rate> {
    if given.is_some() {
        return given;
    }
    let loopback = settings.local_emulator
        || settings
            .base_url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .is_some_and(|u| crate::api::hosts::is_loopback(&u));
    (!loopback).then_some(Rate {
        requests: operation.limit(),
        per: crate::api::storage::RATE_WINDOW,
    })
}

/// An error of a whole batch, as each of its items' outcome.
pub(super) fn each(count: usize, error: &Error) -> Vec<Result<Outcome>> {
    (0..count)
        .map(|_| {
            Err(Error {
                kind: error.kind,
                message: error.message.clone(),
                hint: error.hint.clone(),
            })
        })
        .collect()
}

/// Whether a batch refused this way is worth sending again item by item: Desk judged the
/// request (4xx), so one bad item, or a Desk that takes no arrays, refused it all.
pub(super) fn retry_singly(error: &Error) -> bool {
    error.kind == Kind::Client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(input: &[u8]) -> Vec<std::result::Result<Vec<u8>, String>> {
        let collected = std::sync::Mutex::new(Vec::new());
        read_lines(std::io::Cursor::new(input.to_vec()), |line| {
            collected.lock().unwrap().push(match line {
                Line::Text { bytes, .. } => Ok(bytes),
                Line::Broken { message, .. } => Err(message),
            });
            true
        });
        collected.into_inner().unwrap()
    }

    #[test]
    fn lines_arrays_and_bad_bytes() {
        let lines = lines_of(b"{\"a\":1}\r\n\n  \n\xff\xfe\n{\"b\":2}");
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].as_ref().unwrap(), b"\xff\xfe");
        assert_eq!(lines[2].as_ref().unwrap(), b"{\"b\":2}");
        let array = lines_of(b"  [ {\"key\":\"a\"}, {\"key\":\"b\"} ]");
        assert_eq!(array.len(), 2);
        assert_eq!(array[1].as_ref().unwrap(), br#"{"key":"b"}"#);
        let long = vec![b'x'; MAX_LINE_BYTES + 10];
        let lines = lines_of(&long);
        assert!(lines[0].is_err());
    }
}
