//! `storage get | put | delete | count`: extension storage, one item or many. Reads page
//! with `from` from 0; bulk work goes through `bulk` (batches, pacing, every line accounted
//! for); output streams.

use super::bulk::{self, default_rate, Bulk, BulkJob, Input, ItemOutcome};
use super::request::ArgSource;
use super::with_client;
use crate::api::envelope::Body;
use crate::api::storage::{self, Item, Query};
use crate::cli::{OutputFormat, StorageCommand, StorageCountArgs, StorageGetArgs, StoragePutArgs};
use crate::client::{Client, Pacer, Rate};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::Value;
use std::io::IsTerminal;
use std::sync::Arc;

mod delete;
mod writer;

use writer::ItemWriter;

pub(super) fn run(command: StorageCommand, settings: &Settings, out: &Output) -> Result<()> {
    match command {
        StorageCommand::Get(args) => get(&args, settings, out),
        StorageCommand::Put(args) => put(&args, settings, out),
        StorageCommand::Delete(args) => delete::delete(&args, settings, out),
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
    with_client(settings, out, async |client| {
        let mut writer = ItemWriter::new(format, value_only, out);
        // One key is one item at most: no pages to follow.
        if args.all && args.key.is_none() {
            // Ctrl-C or SIGTERM ends it as a bulk command ends: what was listed is whole (a
            // JSON array closed), and the exit code says it is not all (7).
            let stop = crate::commands::signals::stop_signal();
            let mut listed = 0u64;
            // A closed stdout (`false`) ends the listing: nobody reads the rest.
            let listing = list_all(client, settings, args.rate, &query, |page| {
                listed += page.len() as u64;
                writer.write(page)
            });
            let stopped = tokio::select! {
                done = listing => {
                    done?;
                    false
                }
                _ = stop => true,
            };
            if stopped {
                writer.finish()?;
                return Err(Error::partial(format!(
                    "interrupted: the listing stopped after {listed} item(s)"
                )));
            }
        } else {
            let page = client.storage().get(&query).await?;
            // As `git config --get`: a missing key is a "no" (exit 1), said on stderr, with
            // nothing on stdout.
            if let (Some(key), true) = (&args.key, page.is_empty()) {
                return Err(Error::negative(format!("no item with key `{key}`")));
            }
            let limit = query.limit.unwrap_or(storage::DEFAULT_LIMIT);
            let full = page.len() as u64 >= limit;
            writer.write(&page)?;
            writer.finish()?;
            // After the table, where the eye ends.
            if full && out.stdout_is_terminal() {
                let next = query.from.unwrap_or(storage::FIRST_FROM) + limit;
                out.info(&format!(
                    "more items may follow: --from {next} for the next page, or --all for every page"
                ));
            }
            return Ok(());
        }
        writer.finish()
    })
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
            rate: default_rate(args.rate, settings, storage::RateClass::Write),
            failed: args.failed.as_deref(),
        };
        return bulk.run(settings, out, &PutItems);
    }
    let key = args.key.clone().unwrap_or_default();
    let value_text = match &args.value {
        Some(value) => ArgSource::parse(value).read_text("VALUE")?,
        // No VALUE: it comes from stdin, as with `@-`, when something is piped in.
        None if !std::io::stdin().is_terminal() => ArgSource::Stdin.read_text("VALUE")?,
        None => {
            return Err(Error::usage("storage put needs a VALUE")
                .with_hint("give a JSON object, @FILE, or pipe it in on stdin"))
        }
    };
    let value: Value = serde_json::from_str(&value_text)
        .map_err(|e| Error::usage(format!("VALUE is not valid JSON: {e}")))?;
    // Desk refuses an item without a queriableValue: without a group named, the item is a
    // group of its own, under its key (which follows the same rule).
    let queriable_value = args.queriable_value.clone().unwrap_or_else(|| key.clone());
    let item = Item {
        key,
        queriable_value: Some(queriable_value),
        value,
    };
    item.check()?;
    with_client(settings, out, async |client| {
        let stored = client.storage().put(std::slice::from_ref(&item)).await?;
        match stored {
            // The item as `storage get` prints one (no `"queriableValue": null`).
            Body::Json(value)
                if out.format() != OutputFormat::Auto || !out.stdout_is_terminal() =>
            {
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

impl BulkJob for PutItems {
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
                Ok(_) => batch.iter().map(|_| Ok(ItemOutcome::Done)).collect(),
                // One bad item (or a Desk that takes no arrays) refused the batch: each item
                // is sent alone, so only the bad one fails.
                Err(error) if batch.len() > 1 && bulk::retry_singly(&error) => {
                    let mut outcomes = Vec::with_capacity(batch.len());
                    for item in batch {
                        let single = storage.put(std::slice::from_ref(item)).await;
                        outcomes.push(single.map(|_| ItemOutcome::Done));
                    }
                    outcomes
                }
                Err(error) => bulk::fail_each(batch.len(), &error),
            }
        })
    }
}

fn count(args: &StorageCountArgs, settings: &Settings, out: &Output) -> Result<()> {
    let query = Query {
        queriable_value: Some(args.queriable_value.clone()),
        ..Query::default()
    };
    query.check()?;
    let total = with_client(settings, out, async |client| {
        list_all(client, settings, None, &query, |_| Ok(true)).await
    })?;
    if out.format() == OutputFormat::Json {
        out.json_line(&serde_json::json!({"queriableValue": args.queriable_value, "count": total}));
    } else {
        out.line(&total.to_string());
    }
    Ok(())
}

/// Every item of `query`, page after page, paced at `rate` (by default Desk's read limit),
/// handed to `on_page`, which says whether to go on; the number of items listed. The one
/// full listing of `get --all`, `count` and a group's `delete`.
pub(super) async fn list_all(
    client: &Client,
    settings: &Settings,
    rate: Option<Rate>,
    query: &Query,
    on_page: impl FnMut(&[Item]) -> Result<bool>,
) -> Result<u64> {
    let pacer = Arc::new(Pacer::new(default_rate(
        rate,
        settings,
        storage::RateClass::Read,
    )));
    client.storage().paced(&pacer).get_all(query, on_page).await
}
