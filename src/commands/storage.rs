//! `storage get | put | delete`: extension storage, one item or many. Bulk commands stream
//! their input and output, run a bounded number of requests at once over one keep-alive
//! client, and account for every line: stored, or reported and written to `--failed`.

use super::request::Source;
use super::{progress_bar, with_client};
use crate::api::envelope::Body;
use crate::api::storage::{self, Item, Query};
use crate::api::text::truncate;
use crate::cli::{OutputFormat, StorageCommand, StorageDeleteArgs, StorageGetArgs, StoragePutArgs};
use crate::client::{Client, InvokeRequest};
use crate::error::{Error, Result};
use crate::output::{render_table, Output};
use crate::settings::Settings;
use futures_util::stream::{self, StreamExt};
use serde_json::Value;
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::Path;

/// Page size for `--all` when `--limit` is not given.
const PAGE_SIZE: u64 = 100;

pub(super) fn run(command: StorageCommand, settings: &Settings, out: &Output) -> Result<()> {
    match command {
        StorageCommand::Get(args) => get(&args, settings, out),
        StorageCommand::Put(args) => put(&args, settings, out),
        StorageCommand::Delete(args) => delete(&args, settings, out),
    }
}

fn get(args: &StorageGetArgs, settings: &Settings, out: &Output) -> Result<()> {
    let mut query = Query {
        key: args.key.clone(),
        queriable_value: args.queriable_value.clone(),
        from: args.from,
        limit: args.limit,
    };
    // Checked before connecting: bad keys are input errors, not API errors.
    query.check()?;
    if args.all {
        query.from = Some(query.from.unwrap_or(1));
        query.limit = Some(query.limit.unwrap_or(PAGE_SIZE));
    }
    let format = out.resolve(OutputFormat::Table, OutputFormat::Json);
    with_client(settings, out, async |client| {
        let mut writer = ItemWriter::new(format, out);
        loop {
            let items = client.storage().get(&query).await?;
            let count = items.len() as u64;
            writer.write(items)?;
            let (Some(from), Some(limit)) = (query.from, query.limit) else {
                break;
            };
            if !args.all || count < limit || count == 0 {
                break;
            }
            query.from = Some(from + count);
        }
        writer.finish()
    })
}

/// Writes items as they arrive: a table (buffered, terminal only), a streamed JSON array, or
/// NDJSON lines. Memory stays flat for the streamed formats.
struct ItemWriter<'a> {
    format: OutputFormat,
    out: &'a Output,
    written: u64,
    rows: Vec<Vec<String>>,
    stdout: std::io::BufWriter<std::io::StdoutLock<'static>>,
}

impl<'a> ItemWriter<'a> {
    fn new(format: OutputFormat, out: &'a Output) -> Self {
        ItemWriter {
            format,
            out,
            written: 0,
            rows: Vec::new(),
            stdout: std::io::BufWriter::new(std::io::stdout().lock()),
        }
    }

    fn write(&mut self, items: Vec<Item>) -> Result<()> {
        let broken = |e: std::io::Error| Error::usage(format!("cannot write output: {e}"));
        for item in items {
            match self.format {
                OutputFormat::Table => self.rows.push(vec![
                    item.key.clone(),
                    item.queriable_value.clone().unwrap_or_default(),
                    truncate(&item.value.to_string(), 80),
                ]),
                OutputFormat::Ndjson => {
                    serde_json::to_writer(&mut self.stdout, &item).map_err(|e| broken(e.into()))?;
                    self.stdout.write_all(b"\n").map_err(broken)?;
                }
                _ => {
                    self.stdout
                        .write_all(if self.written == 0 { b"[" } else { b"," })
                        .map_err(broken)?;
                    serde_json::to_writer(&mut self.stdout, &item).map_err(|e| broken(e.into()))?;
                }
            }
            self.written += 1;
        }
        self.stdout.flush().map_err(broken)
    }

    fn finish(mut self) -> Result<()> {
        let broken = |e: std::io::Error| Error::usage(format!("cannot write output: {e}"));
        match self.format {
            OutputFormat::Table if self.rows.is_empty() => self.out.info("no items"),
            OutputFormat::Table => {
                let table = render_table(
                    &["KEY", "QUERIABLE VALUE", "VALUE"],
                    &self.rows,
                    self.out.color,
                );
                writeln!(self.stdout, "{table}").map_err(broken)?;
            }
            OutputFormat::Ndjson => {}
            _ if self.written == 0 => writeln!(self.stdout, "[]").map_err(broken)?,
            _ => writeln!(self.stdout, "]").map_err(broken)?,
        }
        self.stdout.flush().map_err(broken)
    }
}

fn put(args: &StoragePutArgs, settings: &Settings, out: &Output) -> Result<()> {
    if let Some(file) = &args.file {
        if args.value.is_some() || args.queriable_value.is_some() {
            return Err(Error::usage(
                "--file takes the items from the file; give no KEY, VALUE or --queriable-value",
            ));
        }
        let lines = open_lines(file)?;
        let bulk = Bulk {
            concurrency: args.concurrency,
            failed_path: args.failed.as_deref(),
            done_word: "stored",
        };
        return bulk.run(
            settings,
            out,
            lines,
            |line| {
                // The rules are checked when the request is built (`storage::put`).
                serde_json::from_str::<Item>(line)
                    .map_err(|e| Error::usage(format!("not a storage item: {e}")))
            },
            |client, item| client.storage().put_request(item),
        );
    }
    let key = args.key.clone().unwrap_or_default();
    let value_text = match &args.value {
        Some(value) => Source::parse(value).read_text("VALUE")?,
        // No VALUE: it comes from stdin, as with `@-`, when something is piped in.
        None if !std::io::stdin().is_terminal() => Source::Stdin.read_text("VALUE")?,
        None => {
            return Err(Error::usage("storage put needs a VALUE")
                .with_hint("give a JSON object, @FILE, or pipe it in on stdin"))
        }
    };
    let value: Value = serde_json::from_str(&value_text)
        .map_err(|e| Error::usage(format!("VALUE is not valid JSON: {e}")))?;
    let item = Item {
        key,
        queriable_value: args.queriable_value.clone(),
        value,
    };
    item.check()?;
    with_client(settings, out, async |client| {
        let response = client.call(&client.storage().put_request(&item)?).await?;
        match response.body {
            Body::Json(value) if out.format != OutputFormat::Auto || !out.stdout_is_terminal => {
                out.json(&value)
            }
            _ => out.info(&format!("stored `{}`", item.key)),
        }
        Ok(())
    })
}

fn delete(args: &StorageDeleteArgs, settings: &Settings, out: &Output) -> Result<()> {
    let lines: Box<dyn Iterator<Item = std::io::Result<String>>> = match &args.file {
        Some(file) => open_lines(file)?,
        None => {
            for key in &args.keys {
                storage::check_key("key", key)?;
            }
            Box::new(args.keys.clone().into_iter().map(Ok))
        }
    };
    let bulk = Bulk {
        concurrency: args.concurrency,
        failed_path: args.failed.as_deref(),
        done_word: "deleted",
    };
    bulk.run(
        settings,
        out,
        lines,
        |line| {
            // A line is a bare key or an NDJSON item (so an export can be fed back to delete).
            let key = if line.trim_start().starts_with('{') {
                let item: Value = serde_json::from_str(line)
                    .map_err(|e| Error::usage(format!("not JSON: {e}")))?;
                item.get("key")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .ok_or_else(|| Error::usage("no \"key\" in this item"))?
            } else {
                line.trim().to_string()
            };
            storage::check_key("key", &key)?;
            Ok(key)
        },
        |client, key| client.storage().delete_request(key),
    )
}

fn open_lines(path: &Path) -> Result<Box<dyn Iterator<Item = std::io::Result<String>>>> {
    let source = if path.as_os_str() == "-" {
        Source::Stdin
    } else {
        Source::File(path.to_path_buf())
    };
    let reader = BufReader::with_capacity(256 * 1024, source.reader("--file")?);
    Ok(Box::new(reader.lines()))
}

/// Failures listed one per line on stderr before the rest are only counted.
const MAX_LISTED_FAILURES: u64 = 50;

/// How a bulk command runs: requests in flight at once, where failed lines go, and the word
/// for a line that went through ("stored", "deleted").
struct Bulk<'a> {
    concurrency: u32,
    failed_path: Option<&'a Path>,
    done_word: &'static str,
}

impl Bulk<'_> {
    /// Runs `request_for(parse(line))` for every non-blank line. Every line ends done
    /// (counted) or failed (listed on stderr and written to `--failed` as it happens, so an
    /// interrupted run still keeps what failed so far).
    fn run<T>(
        &self,
        settings: &Settings,
        out: &Output,
        lines: Box<dyn Iterator<Item = std::io::Result<String>>>,
        parse: impl Fn(&str) -> Result<T>,
        request_for: impl Fn(&Client, &T) -> Result<InvokeRequest>,
    ) -> Result<()> {
        let mut failed_file = match self.failed_path {
            Some(path) => Some(std::io::BufWriter::new(
                std::fs::File::create(path)
                    .map_err(|e| Error::usage(format!("cannot create {}: {e}", path.display())))?,
            )),
            None => None,
        };
        let (mut done, mut failed) = (0u64, 0u64);
        let mut first_failure = None;
        let mut read_error = None;
        with_client(settings, out, async |client| {
            let progress = progress_bar(out);
            let work = lines
                .enumerate()
                .map_while(|(i, line)| match line {
                    Ok(line) => Some((i + 1, line)),
                    Err(e) => {
                        read_error = Some(Error::usage(format!("cannot read line {}: {e}", i + 1)));
                        None
                    }
                })
                .filter(|(_, line)| !line.trim().is_empty());
            let (parse, request_for) = (&parse, &request_for);
            let mut results = stream::iter(work)
                .map(|(line_number, line)| async move {
                    let outcome = match parse(&line).and_then(|t| request_for(client, &t)) {
                        Ok(request) => client.call(&request).await.map(|_| ()),
                        Err(e) => Err(e),
                    };
                    (line_number, line, outcome)
                })
                .buffer_unordered(self.concurrency as usize);
            while let Some((line_number, line, outcome)) = results.next().await {
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                let error = match outcome {
                    Ok(()) => {
                        done += 1;
                        continue;
                    }
                    Err(error) => error,
                };
                failed += 1;
                if failed <= MAX_LISTED_FAILURES {
                    let report =
                        || out.stderr_line(&format!("line {line_number}: {}", error.message));
                    match &progress {
                        Some(bar) => bar.suspend(report),
                        None => report(),
                    }
                }
                if let Some(file) = failed_file.as_mut() {
                    writeln!(file, "{line}")
                        .map_err(|e| Error::usage(format!("cannot write --failed: {e}")))?;
                }
                first_failure.get_or_insert(error);
            }
            if let Some(bar) = progress {
                bar.finish_and_clear();
            }
            Ok(())
        })?;
        if let Some(file) = failed_file.as_mut() {
            file.flush()
                .map_err(|e| Error::usage(format!("cannot write --failed: {e}")))?;
        }
        if failed > MAX_LISTED_FAILURES {
            out.stderr_line(&format!(
                "… and {} more failures",
                failed - MAX_LISTED_FAILURES
            ));
        }
        out.info(&format!("{done} {}, {failed} failed", self.done_word));
        if let Some(e) = read_error {
            return Err(e);
        }
        match first_failure {
            None => Ok(()),
            // A single item: its own error (and exit code) says more than "partial failure".
            Some(error) if done == 0 && failed == 1 => Err(error),
            Some(_) => {
                let error = Error::partial(format!("{failed} of {} items failed", failed + done));
                Err(match self.failed_path {
                    Some(path) => {
                        error.with_hint(format!("re-run the failed items from {}", path.display()))
                    }
                    None => {
                        error.with_hint("pass --failed FILE to keep the failed items for a re-run")
                    }
                })
            }
        }
    }
}
