//! `storage get | put | delete | count`: extension storage, one item or many. Reads page
//! with `from` from 0; bulk work goes through `bulk` (batches, pacing, every line accounted
//! for); output streams.

use super::bulk::{self, Bulk, Input, Outcome};
use super::request::Source;
use super::with_client;
use crate::api::envelope::Body;
use crate::api::storage::{self, Item, Operation, Query};
use crate::api::text::truncate;
use crate::cli::{
    OutputFormat, StorageCommand, StorageCountArgs, StorageDeleteArgs, StorageGetArgs,
    StoragePutArgs,
};
use crate::client::{Client, Deleted, Pacer};
use crate::error::{Error, Result};
use crate::output::{render_table, Output};
use crate::settings::Settings;
use serde_json::Value;
use std::io::{IsTerminal, Write};
use std::sync::Arc;

pub(super) fn run(command: StorageCommand, settings: &Settings, out: &Output) -> Result<()> {
    match command {
        StorageCommand::Get(args) => get(&args, settings, out),
        StorageCommand::Put(args) => put(&args, settings, out),
        StorageCommand::Delete(args) => delete(&args, settings, out),
        StorageCommand::Count(args) => count(&args, settings, out),
    }
}

fn get(args: &StorageGetArgs, settings: &Settings, out: &Output) -> Result<()> {
    let query = Query {
        key: args.key.clone(),
        queriable_value: args.queriable_value.clone(),
        from: args.from,
        limit: args.limit,
    };
    // Checked before connecting: bad keys and bounds are input errors, not API errors.
    query.check()?;
    let format = out.resolve(OutputFormat::Table, OutputFormat::Json);
    let value_only = format == OutputFormat::Raw && args.key.is_some();
    let rate = bulk::default_rate(args.rate, settings, Operation::Read);
    with_client(settings, out, async |client| {
        let mut writer = ItemWriter::new(format, value_only, out);
        if args.all {
            let pacer = Arc::new(Pacer::new(rate));
            let mut open = true;
            let result = client
                .storage()
                .paced(&pacer)
                .get_all(&query, |page| {
                    if open {
                        open = writer.write(page)?;
                    }
                    // A closed stdout ends the listing: nobody reads the rest.
                    match open {
                        true => Ok(()),
                        false => Err(Error::silent(crate::error::Kind::Negative)),
                    }
                })
                .await;
            match result {
                Err(e) if !open && e.message.is_empty() => return Ok(()),
                other => other.map(drop)?,
            }
        } else {
            let page = client.storage().get(&query).await?;
            let limit = query.limit.unwrap_or(storage::DEFAULT_LIMIT);
            let full = page.len() as u64 >= limit;
            writer.write(page)?;
            if full && out.stdout_is_terminal {
                let next = query.from.unwrap_or(storage::FIRST_FROM) + limit;
                out.info(&format!(
                    "more items may follow: --from {next} for the next page, or --all for every page"
                ));
            }
        }
        writer.finish()
    })
}

/// Writes items as they arrive: a table (buffered, terminal only), a streamed JSON array, or
/// NDJSON lines. Memory stays flat for the streamed formats.
struct ItemWriter<'a> {
    format: OutputFormat,
    /// `-o raw` for one key: the value alone.
    value_only: bool,
    closed: bool,
    out: &'a Output,
    written: u64,
    rows: Vec<Vec<String>>,
    stdout: std::io::BufWriter<std::io::StdoutLock<'static>>,
}

impl<'a> ItemWriter<'a> {
    fn new(format: OutputFormat, value_only: bool, out: &'a Output) -> Self {
        ItemWriter {
            format,
            value_only,
            closed: false,
            out,
            written: 0,
            rows: Vec::new(),
            stdout: std::io::BufWriter::new(std::io::stdout().lock()),
        }
    }

    /// Writes `items`; `Ok(false)` once stdout is closed (a reader such as `head` that has
    /// what it wanted), so the caller stops quietly.
    fn write(&mut self, items: Vec<Item>) -> Result<bool> {
        match self.try_write(items) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(false)
            }
            Err(e) => Err(Error::usage(format!("cannot write output: {e}"))),
        }
    }

    fn try_write(&mut self, items: Vec<Item>) -> std::io::Result<()> {
        for item in items {
            match self.format {
                OutputFormat::Table => self.rows.push(vec![
                    item.key.clone(),
                    item.queriable_value.clone().unwrap_or_default(),
                    truncate(&item.value.to_string(), 80),
                ]),
                OutputFormat::Raw if self.value_only => {
                    serde_json::to_writer(&mut self.stdout, &item.value)?;
                    self.stdout.write_all(b"\n")?;
                }
                OutputFormat::Ndjson | OutputFormat::Raw => {
                    serde_json::to_writer(&mut self.stdout, &item)?;
                    self.stdout.write_all(b"\n")?;
                }
                _ => {
                    self.stdout
                        .write_all(if self.written == 0 { b"[" } else { b"," })?;
                    serde_json::to_writer(&mut self.stdout, &item)?;
                }
            }
            self.written += 1;
        }
        self.stdout.flush()
    }

    fn finish(mut self) -> Result<()> {
        if self.closed {
            return Ok(());
        }
        let broken = |e: std::io::Error| match e.kind() {
            std::io::ErrorKind::BrokenPipe => Ok(()),
            _ => Err(Error::usage(format!("cannot write output: {e}"))),
        };
        let written = match self.format {
            OutputFormat::Table if self.rows.is_empty() => {
                self.out.info("no items");
                Ok(())
            }
            OutputFormat::Table => {
                let table = render_table(
                    &["KEY", "QUERIABLE VALUE", "VALUE"],
                    &self.rows,
                    self.out.color,
                );
                writeln!(self.stdout, "{table}")
            }
            OutputFormat::Ndjson | OutputFormat::Raw => Ok(()),
            _ if self.written == 0 => writeln!(self.stdout, "[]"),
            _ => writeln!(self.stdout, "]"),
        };
        match written.and_then(|()| self.stdout.flush()) {
            Ok(()) => Ok(()),
            Err(e) => broken(e),
        }
    }
}

fn put(args: &StoragePutArgs, settings: &Settings, out: &Output) -> Result<()> {
    if let Some(file) = &args.file {
        if args.value.is_some() || args.queriable_value.is_some() {
            return Err(Error::usage(
                "--file takes the items from the file; give no KEY, VALUE or --queriable-value",
            ));
        }
        let bulk = Bulk {
            input: Input::File(file.clone()),
            concurrency: args.concurrency,
            batch: usize::from(args.batch),
            rate: bulk::default_rate(args.rate, settings, Operation::Write),
            failed: args.failed.as_deref(),
        };
        return bulk.run(settings, out, &PutItems);
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
        let stored = client.storage().put(std::slice::from_ref(&item)).await?;
        match stored {
            // The item as `storage get` prints one (no `"queriableValue": null`).
            Body::Json(value) if out.format != OutputFormat::Auto || !out.stdout_is_terminal => {
                match serde_json::from_value::<Item>(value.clone()) {
                    Ok(stored) => out.json(&serde_json::to_value(stored).unwrap_or(value)),
                    Err(_) => out.json(&value),
                }
            }
            _ => out.info(&format!("stored `{}`", item.key)),
        }
        Ok(())
    })
}

/// `storage put --file`: NDJSON items (or array elements), up to `--batch` a request.
struct PutItems;

impl bulk::Operation for PutItems {
    type Item = Item;
    const DONE: &'static str = "stored";

    fn parse(&self, line: &str) -> Result<Item> {
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => Item::from_object(object),
            Ok(_) => Err(Error::usage(
                "not a storage item: a line holds one JSON object",
            )),
            Err(e) => Err(Error::usage(format!("not a storage item: {e}"))),
        }
    }

    fn key<'a>(&self, item: &'a Item) -> &'a str {
        &item.key
    }

    fn send<'a>(
        &'a self,
        client: &'a Client,
        pacer: &'a Arc<Pacer>,
        batch: &'a [Item],
    ) -> bulk::Outcomes<'a> {
        Box::pin(async move {
            let storage = client.storage().paced(pacer);
            match storage.put(batch).await {
                Ok(_) => batch.iter().map(|_| Ok(Outcome::Done)).collect(),
                // One bad item (or a Desk that takes no arrays) refused the batch: each item
                // is sent alone, so only the bad one fails.
                Err(error) if batch.len() > 1 && bulk::retry_singly(&error) => {
                    let mut outcomes = Vec::with_capacity(batch.len());
                    for item in batch {
                        let single = storage.put(std::slice::from_ref(item)).await;
                        outcomes.push(single.map(|_| Outcome::Done));
                    }
                    outcomes
                }
                Err(error) => bulk::each(batch.len(), &error),
            }
        })
    }
}

fn delete(args: &StorageDeleteArgs, settings: &Settings, out: &Output) -> Result<()> {
    let rate = bulk::default_rate(args.rate, settings, Operation::Delete);
    let input = match (&args.file, &args.queriable_value) {
        (Some(file), _) => Input::File(file.clone()),
        (None, Some(group)) => {
            let keys = group_keys(group, settings, out)?;
            if keys.is_empty() {
                out.info(&format!("no items with queriableValue `{group}`"));
                return Ok(());
            }
            if args.dry_run {
                for key in &keys {
                    out.line(key);
                }
                out.info(&format!(
                    "{} item(s) of `{group}` would be deleted (dry run: nothing was)",
                    keys.len()
                ));
                return Ok(());
            }
            // Someone is watching a terminal: they confirm, or say --yes up front.
            if !args.yes && out.stderr_is_terminal {
                if !std::io::stdin().is_terminal() {
                    return Err(Error::usage(format!(
                        "refusing to delete {} item(s) of `{group}` without a confirmation",
                        keys.len()
                    ))
                    .with_hint(
                        "answer on a terminal, or pass --yes (see them first with --dry-run)",
                    ));
                }
                let question = format!(
                    "delete {} item(s) with queriableValue `{group}`? [y/N] ",
                    keys.len()
                );
                if !confirm(&question)? {
                    return Err(Error::negative("nothing deleted"));
                }
            }
            Input::Lines(keys)
        }
        (None, None) => {
            for key in &args.keys {
                storage::check_key("key", key)?;
            }
            if args.dry_run {
                for key in &args.keys {
                    out.line(key);
                }
                return Ok(());
            }
            Input::Lines(args.keys.clone())
        }
    };
    if args.dry_run {
        return Err(Error::usage(
            "--dry-run lists a --queriable-value group or KEYs; for --file, the file is the list",
        ));
    }
    let bulk = Bulk {
        input,
        concurrency: args.concurrency,
        batch: 1,
        rate,
        failed: args.failed.as_deref(),
    };
    bulk.run(settings, out, &DeleteKeys)
}

/// The keys of a group, collected in full before anything is deleted: deleting while paging
/// by offset would skip items.
fn group_keys(group: &str, settings: &Settings, out: &Output) -> Result<Vec<String>> {
    let query = Query {
        queriable_value: Some(group.to_string()),
        ..Query::default()
    };
    query.check()?;
    let rate = bulk::default_rate(None, settings, Operation::Read);
    with_client(settings, out, async |client| {
        let pacer = Arc::new(Pacer::new(rate));
        let mut keys = Vec::new();
        client
            .storage()
            .paced(&pacer)
            .get_all(&query, |page| {
                keys.extend(page.into_iter().map(|item| item.key));
                Ok(())
            })
            .await?;
        Ok(keys)
    })
}

fn confirm(question: &str) -> Result<bool> {
    let mut stderr = std::io::stderr();
    let _ = stderr.write_all(question.as_bytes());
    let _ = stderr.flush();
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| Error::usage(format!("cannot read the answer: {e}")))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes"))
}

/// `storage delete`: one key a request (Desk deletes one key at a time).
struct DeleteKeys;

impl bulk::Operation for DeleteKeys {
    type Item = String;
    const DONE: &'static str = "deleted";

    /// A bare key, or an NDJSON item (so an export can be fed back to delete).
    fn parse(&self, line: &str) -> Result<String> {
        let key = if line.trim_start().starts_with('{') {
            let item: Value =
                serde_json::from_str(line).map_err(|e| Error::usage(format!("not JSON: {e}")))?;
            item.get("key")
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| Error::usage("no \"key\" in this item"))?
        } else {
            line.trim().to_string()
        };
        storage::check_key("key", &key)?;
        Ok(key)
    }

    fn key<'a>(&self, key: &'a String) -> &'a str {
        key
    }

    fn send<'a>(
        &'a self,
        client: &'a Client,
        pacer: &'a Arc<Pacer>,
        batch: &'a [String],
    ) -> bulk::Outcomes<'a> {
        Box::pin(async move {
            let storage = client.storage().paced(pacer);
            let mut outcomes = Vec::with_capacity(batch.len());
            for key in batch {
                outcomes.push(storage.delete(key).await.map(|deleted| match deleted {
                    Deleted::Yes => Outcome::Done,
                    Deleted::NotFound => Outcome::NotFound,
                }));
            }
            outcomes
        })
    }
}

fn count(args: &StorageCountArgs, settings: &Settings, out: &Output) -> Result<()> {
    let query = Query {
        queriable_value: Some(args.queriable_value.clone()),
        ..Query::default()
    };
    query.check()?;
    let rate = bulk::default_rate(None, settings, Operation::Read);
    let total = with_client(settings, out, async |client| {
        let pacer = Arc::new(Pacer::new(rate));
        client
            .storage()
            .paced(&pacer)
            .get_all(&query, |_| Ok(()))
            .await
    })?;
    if out.format == OutputFormat::Json {
        out.line(
            &serde_json::json!({"queriableValue": args.queriable_value, "count": total})
                .to_string(),
        );
    } else {
        out.line(&total.to_string());
    }
    Ok(())
}
